"""Uploads: the size limit, storing (duplicates are found by normalised text in
``document_create``, see targets.texts) and retrying a failed document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from targets.models import Document, DocumentStatus
from targets.services.documents import document_create

UPLOAD_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


def upload_max_bytes() -> int:
    return int(settings.DABIAO_UPLOAD_MAX_BYTES)


def upload_limit_label() -> str:
    size = upload_max_bytes()
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{size / 1024:g} KB"


def upload_check_size(*, name: str, size: int) -> None:
    if size > upload_max_bytes():
        raise ValidationError(f"文件“{name}”过大:上限为 {upload_limit_label()}。")


@dataclass(frozen=True)
class UploadOutcome:
    document: Document
    created: bool
    retried: bool = False  # the same content had failed: it is pending again

    @property
    def queue(self) -> bool:
        """The caller queues ``ingest_document`` for the document."""
        return self.created or self.retried

    @property
    def message(self) -> str:
        if self.created:
            return "已上传,等待处理"
        if self.retried:
            return f"与处理失败的《{self.document}》内容相同,已重新排队处理"
        return f"与《{self.document}》内容相同,已跳过"


def document_upload(
    *,
    data: bytes,
    name: str,
    user: Any = None,
    region: str | None = None,
    published: dt.date | None = None,
    kind: str = "auto",
) -> UploadOutcome:
    """Check the size, then store the file or find the same content.

    The page, the admin and the API all come through here; each then queues
    ``targets.tasks.ingest_document`` when ``outcome.queue`` (services never import
    tasks): for a new document, and for the same content uploaded again after it
    failed, which is made pending again (a re-upload is a retry)."""
    upload_check_size(name=name, size=len(data))
    document, created = document_create(
        data=data,
        name=name,
        user=user,
        region=region,
        published=published,
        kind=kind,
    )
    if not created and document.status == DocumentStatus.FAILED:
        try:
            document = document_retry(document=document)
        except ValidationError:
            pass  # someone retried it meanwhile: it is queued already
        else:
            return UploadOutcome(document=document, created=False, retried=True)
    return UploadOutcome(document=document, created=created)


@transaction.atomic
def document_retry(*, document: Document) -> Document:
    """Make a failed document pending again (the caller queues the task); any other
    status is refused with a reason."""
    changed = Document.objects.filter(
        pk=document.pk, status=DocumentStatus.FAILED
    ).update(status=DocumentStatus.PENDING, error="")
    document.refresh_from_db()
    if not changed:
        raise ValidationError(
            f"只有处理失败的文件可以重试(当前状态:{document.get_status_display()})。"
        )
    return document
