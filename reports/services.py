"""Writes for exports: the one export-job lifecycle (request, claim, run, fail) for
every kind, and the scorecard kind itself."""

from __future__ import annotations

import datetime as dt
import logging
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone

from reports.excel.scorecard import write_scorecard
from reports.exports import ExportWriter, writer_for
from reports.models import Export, ExportKind, ExportStatus
from reports.selectors import (
    ScorecardScope,
    scorecard_data_date,
    scorecard_flags,
    scorecard_rows,
    scorecard_summary,
)
from targets.models import Document, Region

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=Model)

SCOPE_KEYS = frozenset(
    {"region", "year", "document", "target_ids", "confirmed_only", "name"}
)
EXPORT_DIR = "exports"


def _resolve(
    value: M | int | str | None,
    model: type[M],
    by_name: Callable[[str], M | None],
    missing: str,
) -> M | None:
    """A scope part given as the object, its pk (int or digits) or its name; empty
    means not narrowed. Raises ValidationError("<missing>:<value>") when not found."""
    if value is None or value == "":
        return None
    if isinstance(value, model):
        return value
    found = None
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        found = model.objects.filter(pk=int(value)).first()
    if found is None and isinstance(value, str):
        found = by_name(value.strip())
    if found is None:
        raise ValidationError(f"{missing}:{value}")
    return found


def _region_by_name(name: str) -> Region | None:
    return (
        Region.objects.filter(name=name).first()
        or Region.objects.filter(name=Region.canonical_name(name)).first()
    )


def _document_by_name(name: str) -> Document | None:
    # File name first, then the title a reader would know it by.
    return (
        Document.objects.filter(name=name).order_by("pk").first()
        or Document.objects.filter(title=name).order_by("pk").first()
    )


def _resolve_region(region: Region | int | str | None) -> Region | None:
    return _resolve(region, Region, _region_by_name, "找不到地区")


def _resolve_document(document: Document | int | str | None) -> Document | None:
    return _resolve(document, Document, _document_by_name, "找不到依据文件")


def _resolve_year(year: Any) -> int | None:
    if year is None or year == "":
        return None
    try:
        value = int(year)
    except (TypeError, ValueError):
        raise ValidationError(f"年度必须是数字:{year}") from None
    if not 1900 <= value <= 2100:
        raise ValidationError(f"年度超出范围:{year}")
    return value


def _resolve_target_ids(target_ids: Any) -> tuple[int, ...] | None:
    if target_ids is None:
        return None
    if not isinstance(target_ids, list | tuple):
        raise ValidationError("target_ids 必须是目标编号列表")
    try:
        ids = tuple(sorted({int(pk) for pk in target_ids}))
    except (TypeError, ValueError):
        raise ValidationError("target_ids 必须是目标编号列表") from None
    if not ids:
        raise ValidationError("请至少选择一个目标")
    return ids


def scorecard_scope(
    *,
    region: Region | int | str | None = None,
    year: Any = None,
    document: Document | int | str | None = None,
    target_ids: Any = None,
    confirmed_only: Any = False,
) -> ScorecardScope:
    """Validate and resolve a scope; raises ValidationError in Chinese."""
    return ScorecardScope(
        region=_resolve_region(region),
        year=_resolve_year(year),
        document=_resolve_document(document),
        target_ids=_resolve_target_ids(target_ids),
        confirmed_only=confirmed_only in (True, "1", "true", "on"),
    )


def _scope_from_json(scope: dict[str, Any]) -> ScorecardScope:
    if not isinstance(scope, dict):
        raise ValidationError("导出范围格式不正确")
    unknown = set(scope) - SCOPE_KEYS
    if unknown:
        raise ValidationError(f"不支持的导出范围:{', '.join(sorted(unknown))}")
    # "name" only names the download (the page's filters); it narrows nothing.
    return scorecard_scope(**{k: v for k, v in scope.items() if k != "name"})


def _scope_to_json(scope: ScorecardScope) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if scope.region is not None:
        data["region"] = scope.region.pk
    if scope.year is not None:
        data["year"] = scope.year
    if scope.document is not None:
        data["document"] = scope.document.pk
    if scope.target_ids is not None:
        data["target_ids"] = list(scope.target_ids)
    if scope.confirmed_only:
        data["confirmed_only"] = True
    return data


def scorecard_write(
    *,
    out: str | Path | IO[bytes],
    region: Region | int | str | None = None,
    year: int | str | None = None,
    document: Document | int | str | None = None,
    target_ids: list[int] | tuple[int, ...] | None = None,
    confirmed_only: bool = False,
) -> int:
    """Write the scorecard for a scope to ``out`` (path or binary file).

    ``region`` includes its sub-regions; region and document may be given as objects,
    ids or names. Returns the number of targets written to 目标明细.
    """
    scope = scorecard_scope(
        region=region,
        year=year,
        document=document,
        target_ids=target_ids,
        confirmed_only=confirmed_only,
    )
    return _write(str(out) if isinstance(out, Path) else out, scope)


def _write(out: str | IO[bytes], scope: ScorecardScope) -> int:
    return write_scorecard(
        out,
        scope_label=scope.label,
        data_date=scorecard_data_date(scope=scope),
        exported_at=timezone.localtime(),
        summary=scorecard_summary(scope=scope),
        rows=scorecard_rows(scope=scope),
        flags=scorecard_flags(scope=scope),
    )


@transaction.atomic
def export_request(
    *, user: Any, kind: str = ExportKind.SCORECARD, scope: dict[str, Any]
) -> Export:
    """Record an export request as a pending row; the caller enqueues
    ``reports.tasks.run_export`` with ``delay_on_commit`` (services never import
    tasks).

    The scope is checked by the kind's writer and stored with ids
    (``{"region": 3, "year": 2024}``); a bad scope raises ValidationError and
    stores nothing.
    """
    checked = writer_for(kind).check(scope or {})
    return Export.objects.create(
        kind=kind,
        scope=checked,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
    )


def export_requeue(*, export: Export) -> bool:
    """Put a finished or failed export back in the queue (a rerun of the same
    scope keeps its row and its file name). False while it is running."""
    changed = (
        Export.objects.filter(pk=export.pk)
        .exclude(status=ExportStatus.RUNNING)
        .update(status=ExportStatus.PENDING, error="", finished_at=None)
    )
    export.refresh_from_db()
    return changed == 1


def export_claim(*, export_id: int) -> bool:
    """Move a pending export to running; True for the one caller that did.

    A row left running past the task's hard time limit belongs to a worker that
    died (acks_late redelivers its message): that one may be claimed again.
    """
    now = timezone.now()
    stale = now - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)
    claimed = (
        Export.objects.filter(pk=export_id)
        .filter(
            Q(status=ExportStatus.PENDING)
            | Q(status=ExportStatus.RUNNING, started_at__lt=stale)
        )
        .update(status=ExportStatus.RUNNING, started_at=now)
    )
    return claimed == 1


def export_release(*, export_id: int) -> None:
    """Hand a running export back to the queue, so a retry can claim it again."""
    Export.objects.filter(pk=export_id, status=ExportStatus.RUNNING).update(
        status=ExportStatus.PENDING
    )


def export_run(*, export_id: int) -> Export:
    """Build the file of a claimed export with its kind's writer and mark it done.

    The file name depends only on the export (its id, or its race and period), and
    replaces any earlier file of the same export, so a retried run never leaves a
    second file. Errors propagate to the caller (the task decides between retrying
    and ``export_fail``).
    """
    export = Export.objects.get(pk=export_id)
    writer = writer_for(export.kind)
    scope = writer.check(export.scope)
    if export.started_at is None:
        export.started_at = timezone.now()
        Export.objects.filter(pk=export.pk).update(started_at=export.started_at)
    name = writer.file_name(export.pk, scope)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        count, extras = writer.write(scope, path)
        saved = _store(name, path)
        for extra in extras:
            _store(str(Path(name).with_name(extra.name)), extra)
    export.file.name = saved
    export.row_count = count
    export.status = ExportStatus.DONE
    export.error = ""
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "row_count", "status", "error", "finished_at"])
    return export


def _store(name: str, path: Path) -> str:
    if default_storage.exists(name):
        default_storage.delete(name)
    with path.open("rb") as handle:
        return default_storage.save(name, File(handle, name=path.name))


def export_fail(*, export_id: int, error: str) -> None:
    """Record a failed export with its error (kept short enough to read)."""
    Export.objects.filter(pk=export_id).update(
        status=ExportStatus.FAILED,
        error=error[:2000],
        finished_at=timezone.now(),
    )


# --- The scorecard kind ---------------------------------------------------------------


def _scorecard_check(scope: dict[str, Any]) -> dict[str, Any]:
    checked = _scope_to_json(_scope_from_json(scope))
    name = scope.get("name") if isinstance(scope, dict) else None
    if name:
        # A download name, not a path: no separators, no leading dots.
        checked["name"] = re.sub(r'[\\/:*?"<>|\s]+', "_", str(name)).strip("._")[:120]
    return checked


def _scorecard_write(scope: dict[str, Any], path: Path) -> tuple[int, list[Path]]:
    return _write(str(path), _scope_from_json(scope)), []


SCORECARD = ExportWriter(
    kind=ExportKind.SCORECARD,
    check=_scorecard_check,
    write=_scorecard_write,
    file_name=lambda pk, scope: f"{EXPORT_DIR}/scorecard-{pk}.xlsx",
)
