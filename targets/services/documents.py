"""Documents: store an uploaded file, then extract it and merge what it says.

``document_ingest`` is both steps; the Celery task calls ``document_process`` on a
stored document. A failure rolls back everything but the failure itself."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import random
import time
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from targets.cache import bump_data_version
from targets.models import (
    Actual,
    Document,
    DocumentKind,
    DocumentStatus,
    Mention,
    Target,
)
from targets.services.claims import claims_refresh
from targets.services.flags import flags_update
from targets.services.judging import targets_evaluate
from targets.services.merging import records_ingest
from targets.services.places import region_resolve
from targets.texts import REVISION_SIMILARITY, text_digest, text_similarity, title_key

if TYPE_CHECKING:
    from targets.extraction import LoadedDocument
    from targets.extraction.records import Extraction

logger = logging.getLogger(__name__)

KINDS = ("auto", "plan", "report", "both")
TRANSIENT_DB_ERRORS = (OperationalError, InterfaceError)


@dataclass
class IngestResult:
    document: Document
    created: bool = False  # a new Document row was stored
    duplicate: bool = False  # the same content was already ingested
    failed: bool = False
    error: str = ""
    targets_created: int = 0
    targets_merged: int = 0  # mentions added to an existing target
    actuals_created: int = 0
    actuals_merged: int = 0
    mentions: int = 0
    conflicts: int = 0
    skipped: int = 0  # records that could not be placed (no period, no region)
    claims: int = 0  # targets whose self-claim was recorded or changed
    evaluated: int = 0
    flags_opened: int = 0
    warnings: list[str] = field(default_factory=list)
    superseded: list[int] = field(default_factory=list)  # earlier versions removed

    @property
    def targets(self) -> int:
        return self.targets_created + self.targets_merged

    @property
    def actuals(self) -> int:
        return self.actuals_created + self.actuals_merged

    def as_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document.pk,
            "document": self.document.name,
            "created": self.created,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "error": self.error,
            "targets_created": self.targets_created,
            "targets_merged": self.targets_merged,
            "actuals_created": self.actuals_created,
            "actuals_merged": self.actuals_merged,
            "mentions": self.mentions,
            "conflicts": self.conflicts,
            "skipped": self.skipped,
            "claims": self.claims,
            "evaluated": self.evaluated,
            "flags_opened": self.flags_opened,
            "warnings": list(self.warnings),
            "superseded": list(self.superseded),
        }


@transaction.atomic
def document_create(
    *,
    data: bytes,
    name: str,
    user: Any = None,
    region: str | None = None,
    published: dt.date | None = None,
    kind: str = "auto",
) -> tuple[Document, bool]:
    """Store an uploaded file as a pending Document.

    Returns ``(document, True)`` for new bytes and ``(existing, False)`` when the
    same bytes were stored before. A file that is plainly unreadable (empty, too
    large, a broken or bomb-shaped zip, binary data named .txt) raises
    ValidationError and stores nothing; everything else is read by the worker,
    which also finds the same text in another format (``_text_load``).
    """
    name = PurePath(name or "").name or "document.txt"
    if kind not in KINDS:
        raise ValidationError(f"文件类型“{kind}”无效,应为 auto、plan、report 或 both。")
    # Only cheap, bounded checks here (issue 14, item 6): the file is parsed by
    # the worker (document_process), never inside the web request.
    upload_precheck(data, name)
    digest = hashlib.sha256(data).hexdigest()
    # The same text in another encoding or format is found by the worker.
    same = Q(sha256=digest)
    existing = Document.objects.filter(same).order_by("pk").first()
    if existing is not None:
        return existing, False
    document = Document(
        name=name[:255],
        sha256=digest,
        region=region_resolve(name=region) if region else None,
        kind=DocumentKind.BOTH if kind == "auto" else kind,
        published=published,
        uploaded_by=user if getattr(user, "pk", None) else None,
    )
    document.file.save(name, ContentFile(data), save=False)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        # Two uploads of the same bytes raced; the other one won.
        document.file.delete(save=False)
        return Document.objects.filter(same).order_by("pk").first(), False
    return document, True


def processing_stale_before() -> dt.datetime:
    """A document "processing" since before this was left by a dead worker: no live
    task runs longer than the task time limit."""
    limit = getattr(settings, "CELERY_TASK_TIME_LIMIT", 1800)
    return timezone.now() - dt.timedelta(seconds=limit)


def documents_reap_stale() -> list[int]:
    """Return every stale "processing" document to "pending"; the caller queues
    them again (the beat task ``targets.tasks.reap_stale_documents``).

    One UPDATE per row with the stale condition repeated, so a worker that finishes
    the document meanwhile keeps its result.
    """
    before = processing_stale_before()
    stale = list(
        Document.objects.filter(
            status=DocumentStatus.PROCESSING, processed_at__lt=before
        ).values_list("pk", flat=True)
    )
    reaped = []
    for pk in stale:
        changed = Document.objects.filter(
            pk=pk, status=DocumentStatus.PROCESSING, processed_at__lt=before
        ).update(status=DocumentStatus.PENDING, error="")
        if changed:
            reaped.append(pk)
    if reaped:
        logger.warning(
            "returned %d stale documents to pending: %s", len(reaped), reaped
        )
    return reaped


def document_process(*, document: Document) -> IngestResult:
    """Extract a stored document and merge its mentions into targets and actuals.

    One transaction: either everything from the document is stored, evaluated and
    flagged, or nothing is and the Document is marked failed with the error.
    Processing a document that is already done does nothing.
    """
    now = timezone.now()
    # A worker that died mid-document (acks_late redelivers the task) leaves it
    # "processing"; after the task time limit it may be claimed again.
    stale = processing_stale_before()
    claimed = (
        Document.objects.filter(pk=document.pk)
        .filter(
            Q(status__in=[DocumentStatus.PENDING, DocumentStatus.FAILED])
            | Q(status=DocumentStatus.PROCESSING, processed_at__lt=stale)
        )
        .update(status=DocumentStatus.PROCESSING, error="", processed_at=now)
    )
    document.refresh_from_db()
    if not claimed:
        result = IngestResult(document=document, duplicate=True)
        result.warnings.append(f"文件已处理(状态:{document.get_status_display()})")
        return result
    unreadable = _text_load(document)
    if unreadable is not None:
        return unreadable
    for attempt in range(1, MERGE_ATTEMPTS + 1):
        result = IngestResult(document=document)
        try:
            with transaction.atomic():
                extraction = document_extract(document)
                records_ingest(document=document, extraction=extraction, result=result)
                _supersede_earlier(document, result)
                document.status = DocumentStatus.DONE
                document.processed_at = timezone.now()
                document.save()
            return result
        except Exception as exc:
            if attempt < MERGE_ATTEMPTS and _lost_a_race(exc):
                # Another document's ingest committed the same target or flag (or
                # deadlocked with us): everything here was rolled back; merging
                # again finds its rows.
                logger.warning(
                    "ingest of document %s lost a race (%s), attempt %d",
                    document.pk,
                    type(exc).__name__,
                    attempt,
                )
                time.sleep(random.uniform(0.05, 0.3) * attempt)
                document.refresh_from_db()
                continue
            return _process_failed(document, exc)
    raise AssertionError("unreachable")  # pragma: no cover


# Concurrent ingests of documents about the same targets: the merge is retried.
MERGE_ATTEMPTS = 4
_RACE_SQLSTATES = {"40P01", "40001"}  # deadlock detected, serialization failure


def _lost_a_race(exc: BaseException) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    cause = exc.__cause__
    state = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    return isinstance(exc, OperationalError) and state in _RACE_SQLSTATES


def _process_failed(
    document: Document, exc: Exception, *, message: str = ""
) -> IngestResult:
    message = (message or f"{type(exc).__name__}: {exc}")[:2000]
    logger.error("ingest of document %s failed: %s", document.pk, message)
    # Outside the rolled-back block, so the failure itself is kept.
    try:
        Document.objects.filter(pk=document.pk).update(
            status=DocumentStatus.FAILED, error=message
        )
        document.refresh_from_db()
    except TRANSIENT_DB_ERRORS:
        # The database is gone too: the row stays "processing" and becomes
        # claimable again after the task time limit (or the reaper).
        logger.warning("could not record the failure of document %s", document.pk)
        raise exc from None
    if isinstance(exc, TRANSIENT_DB_ERRORS):
        raise exc  # let the Celery task retry with backoff
    return IngestResult(document=document, failed=True, error=message)


def document_ingest(
    *,
    data: bytes,
    name: str,
    user: Any = None,
    region: str | None = None,
    published: dt.date | None = None,
    kind: str = "auto",
) -> IngestResult:
    """document_create then document_process; the same content twice adds nothing."""
    document, created = document_create(
        data=data,
        name=name,
        user=user,
        region=region,
        published=published,
        kind=kind,
    )
    if not created and document.status == DocumentStatus.DONE:
        result = IngestResult(document=document, duplicate=True)
        result.warnings.append(f"内容与已导入的文件“{document.name}”相同,未重复导入")
        return result
    result = document_process(document=document)
    result.created = created
    return result


# What the web request reads of a plain-text upload to tell text from binary.
PRECHECK_SAMPLE_BYTES = 64 * 1024


def upload_precheck(data: bytes, name: str) -> None:
    """Refuse what is plainly unreadable without parsing it: bounded work only.

    Empty or oversized files, a .docx whose zip directory is broken or a bomb
    (``check_zip`` reads the directory, inflates nothing), a PDF without its
    header, and binary or undecodable "text" (the first 64 KiB are decoded).
    """
    from targets.extraction import LoadError
    from targets.extraction.loading import MAX_INPUT_BYTES, check_zip

    try:
        if not data or not data.strip():
            raise LoadError("文件为空 / empty file")
        if len(data) > MAX_INPUT_BYTES:
            raise LoadError(
                f"文件过大 / file too large: {len(data)} bytes > {MAX_INPUT_BYTES}"
            )
        if data[:4] == b"PK\x03\x04":
            check_zip(data)
            return
        if data[:5] == b"%PDF-":
            return
        if name.lower().endswith((".docx", ".pdf")):
            raise LoadError("文件内容与扩展名不符 / content does not match the name")
    except LoadError as exc:
        raise ValidationError(f"无法读取文件“{name}”:{exc}") from exc
    sample = data[:PRECHECK_SAMPLE_BYTES]
    if len(data) > PRECHECK_SAMPLE_BYTES:
        # Cut at a line end so a multi-byte character is not split.
        sample = sample[: sample.rfind(b"\n") + 1] or sample
    _load(sample, name)


def _text_load(document: Document) -> IngestResult | None:
    """In the worker: read the stored file into ``document.text`` (bounded by the
    loader) unless that was done before. None when the document is ready to merge,
    else the failed result, recorded on the document: an unreadable file, or the
    same normalised text as a document already stored (nothing is counted twice).
    """
    if document.text:
        return None
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
        loaded = _load(data, document.name)
    except (ValidationError, OSError, ValueError) as exc:
        message = (
            ";".join(exc.messages)
            if isinstance(exc, ValidationError)
            else f"无法读取已保存的文件“{document.name}”:{type(exc).__name__}"
        )
        return _process_failed(document, ValidationError(message), message=message)
    text_hash = text_digest(loaded.text)
    same = (
        Document.objects.filter(text_hash=text_hash)
        .exclude(pk=document.pk)
        .exclude(status=DocumentStatus.FAILED)
        .order_by("pk")
        .first()
        if text_hash
        else None
    )
    Document.objects.filter(pk=document.pk).update(
        text=loaded.text, encoding=loaded.encoding or "", text_hash=text_hash
    )
    document.refresh_from_db()
    if same is not None:
        # Nothing of it is merged: the upload list shows why, and no count changes.
        message = f"与《{same}》(编号 {same.pk})内容相同,已跳过。"
        Document.objects.filter(pk=document.pk).update(
            status=DocumentStatus.SKIPPED, error=message, processed_at=timezone.now()
        )
        document.refresh_from_db()
        return IngestResult(document=document, duplicate=True, error=message)
    return None


def _load(data: bytes, name: str) -> LoadedDocument:
    # Imported here: the engine is optional for everything but reading files.
    from targets.extraction import LoadError, load_bytes

    try:
        return load_bytes(data, name)
    except LoadError as exc:
        raise ValidationError(f"无法读取文件“{name}”:{exc}") from exc


def document_extract(document: Document) -> Extraction:
    """The engine on a stored document, with its known facts as hints and the
    review decisions about it applied (processing and reprocessing share it)."""
    from targets.extraction import extract
    from targets.selectors_review import catalog_from_db
    from targets.services.review import decisions_apply

    hint: dict[str, Any] = {}
    if document.region_id:
        hint["region"] = document.region.name
    if document.year:
        hint["year"] = document.year
    if document.kind != DocumentKind.BOTH:
        hint["kind"] = document.kind
    if document.published:
        hint["published"] = document.published.isoformat()
    extraction = extract(
        document.text, document.name, info_hint=hint or None, catalog=catalog_from_db()
    )
    # What people decided about this document's statements outlives re-processing.
    return decisions_apply(document=document, extraction=extraction)


# --- Delete and supersede -------------------------------------------------------------


@dataclass(frozen=True)
class DeleteResult:
    targets_removed: int
    actuals_removed: int
    evaluated: int


@transaction.atomic
def document_delete(*, document: Document) -> DeleteResult:
    """Delete a document and everything that only it said, atomically.

    Its mentions, actuals and review decisions go; a target whose every quote was
    in it (no evidence left) goes with its flags; the regions involved are judged
    and flagged again, so nothing stays 已完成 on a figure that is gone; the file
    leaves the disk once the transaction commits (kept if it rolls back).
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    mentions = Mention.objects.filter(document=document)
    touched = set(
        mentions.filter(target__isnull=False).values_list("target_id", flat=True)
    ) | set(Target.objects.filter(plan=document).values_list("pk", flat=True))
    actuals = Actual.objects.filter(document=document)
    regions = (
        set(Target.objects.filter(pk__in=touched).values_list("region_id", flat=True))
        | set(actuals.values_list("region_id", flat=True))
        | ({document.region_id} if document.region_id else set())
    )
    pairs = set(
        Target.objects.filter(pk__in=touched).values_list("region_id", "indicator_id")
    ) | set(actuals.values_list("region_id", "indicator_id"))
    mentions.delete()
    actuals_removed = actuals.count()
    actuals.delete()
    # No quote left anywhere: the target was only this document's word.
    orphans = Target.objects.filter(pk__in=touched, mentions__isnull=True)
    targets_removed = orphans.count()
    orphans.delete()
    file_name = document.file.name if document.file else ""
    storage = document.file.storage if document.file else None
    document.delete()
    evaluated = 0
    regions.discard(None)
    if regions:
        claims_refresh(pairs=pairs)  # its claims went with it (SelfClaim cascade)
        affected = Target.objects.filter(region_id__in=regions)
        evaluated = targets_evaluate(targets=affected)
        flags_update(targets=affected)
    bump_data_version()
    if file_name and storage is not None:
        transaction.on_commit(lambda: storage.delete(file_name))
    return DeleteResult(
        targets_removed=targets_removed,
        actuals_removed=actuals_removed,
        evaluated=evaluated,
    )


def document_earlier_versions(document: Document) -> list[Document]:
    """Processed documents this one is a revised copy of (docs/ingest.md, "Revised
    copies"): the same normalised title (revision marks such as （修订版） ignored),
    the same region, year and kind, and at least REVISION_SIMILARITY of the text in
    common both ways. A document without a title or a region supersedes nothing."""
    key = title_key(document.title)
    if not key or document.region_id is None:
        return []
    candidates = Document.objects.filter(
        region_id=document.region_id,
        year=document.year,
        kind=document.kind,
        status__in=[DocumentStatus.DONE, DocumentStatus.REVIEWED],
        pk__lt=document.pk,
    ).exclude(title="")
    return [
        earlier
        for earlier in candidates
        if title_key(earlier.title) == key
        and text_similarity(earlier.text, document.text) >= REVISION_SIMILARITY
    ]


def _supersede_earlier(document: Document, result: IngestResult) -> None:
    """After the new version is merged: delete the versions it replaces, so their
    figures are not counted twice (targets they share keep the new quotes)."""
    for earlier in document_earlier_versions(document):
        pk, name = earlier.pk, earlier.name
        document_delete(document=earlier)
        result.superseded.append(pk)
        result.warnings.append(f"取代旧版本“{name}”(编号 {pk})")
