"""Writes for 赛马: importing figures, storing results, not-reported flags, exports,
and configuring a race from a small dict (used by the demo)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from reports.exports import ExportWriter
from reports.models import Export, ExportKind
from reports.services import export_request, export_requeue
from saima import selectors
from saima.bulletin import (
    bulletin_paragraphs,
    bulletin_write,
    pdf_convert,
    rollup_paragraphs,
)
from saima.importing import parse_figures
from saima.models import (
    FigureImport,
    FigureMeasure,
    MonthlyFigure,
    PeerGroup,
    PeriodKind,
    Race,
    RaceIndicator,
    RaceMember,
    RaceResult,
    RaceTarget,
    ScoringMethod,
)
from saima.workbook import month_workbook_write, rollup_workbook_write
from targets.models import (
    Direction,
    Flag,
    FlagKind,
    Indicator,
    Region,
    RegionLevel,
)
from targets.periods import Period, PeriodError
from targets.permissions import bound_region_ids

logger = logging.getLogger(__name__)


@transaction.atomic
def figures_import(
    *, data: bytes, name: str, user: AbstractBaseUser | None = None
) -> FigureImport:
    """Import a monthly figures file, all or nothing.

    Raises ``ImportRejected`` (a ValidationError) listing every bad cell; then nothing
    is written. Otherwise each (month, region) in the file replaces that region's
    figures for that month: changed values are updated, figures absent from the
    file are deleted, new ones created — all through simple_history, so every
    replaced value stays in the history.

    A region clerk (``targets.permissions``) may import rows of their own regions
    only; any other row is a cell error and nothing is written.
    """
    allowed = None if user is None else bound_region_ids(user)
    figures = parse_figures(data, name, selectors.import_lookups(), allowed)
    record = FigureImport.objects.create(
        name=name[:255],
        uploaded_by=user if user is not None and user.is_authenticated else None,
        row_count=len(figures),
        months=sorted({f"{f.month:%Y-%m}" for f in figures}),
    )
    scopes = {(f.month, f.region_id) for f in figures}
    incoming = {f.key: f for f in figures}
    existing = {
        (fig.month, fig.region_id, fig.indicator_id, fig.measure): fig
        for fig in MonthlyFigure.objects.filter(
            month__in={m for m, _ in scopes}, region_id__in={r for _, r in scopes}
        )
        if (fig.month, fig.region_id) in scopes
    }
    to_create: list[MonthlyFigure] = []
    to_update: list[MonthlyFigure] = []
    for key, parsed in incoming.items():
        current = existing.get(key)
        if current is None:
            to_create.append(
                MonthlyFigure(
                    region_id=parsed.region_id,
                    indicator_id=parsed.indicator_id,
                    measure=parsed.measure,
                    month=parsed.month,
                    value=parsed.value,
                    unit=parsed.unit,
                    source=record,
                )
            )
        elif current.value != parsed.value or current.unit != parsed.unit:
            current.value = parsed.value
            current.unit = parsed.unit
            current.source = record
            current.updated_at = timezone.now()
            to_update.append(current)
    stale = [fig for key, fig in existing.items() if key not in incoming]
    for fig in stale:
        # One by one so each deletion is recorded in the history.
        fig.delete()
    if to_create:
        bulk_create_with_history(to_create, MonthlyFigure, batch_size=2000)
    if to_update:
        bulk_update_with_history(
            to_update,
            MonthlyFigure,
            ["value", "unit", "source", "updated_at"],
            batch_size=2000,
        )
    record.created = len(to_create)
    record.updated = len(to_update)
    record.deleted = len(stale)
    record.save(update_fields=["created", "updated", "deleted"])
    _not_reported_refresh(scopes)
    return record


@transaction.atomic
def figure_save(*, figure: MonthlyFigure) -> MonthlyFigure:
    """Store one monthly figure entered or edited by hand (the admin); the month is
    its first day, and the 未按期报送 flags of that month follow."""
    figure.month = Period.month_of(figure.month).start
    figure.save()
    _not_reported_refresh({(figure.month, figure.region_id)})
    return figure


@transaction.atomic
def figure_delete(*, figure: MonthlyFigure) -> None:
    """Delete one monthly figure (kept in the history); its month's flags follow."""
    scope = (figure.month, figure.region_id)
    figure.delete()
    _not_reported_refresh({scope})


def _not_reported_refresh(scopes: set[tuple[dt.date, int]]) -> None:
    # Late reports resolve 未按期报送 flags (and a month past its deadline raises them).
    months = {m for m, _ in scopes}
    regions = {r for _, r in scopes}
    races = Race.objects.filter(active=True, members__region_id__in=regions).distinct()
    for race in races:
        for month in months:
            flags_not_reported_update(race=race, month=month)


def deadline(race: Race, month: dt.date) -> dt.date:
    """The day before which a month's figures are due: ``deadline_day`` of next month.

    The monthly beat export runs on that day, so its bulletin and flags agree.
    """
    following = Period.month_of(month).end + dt.timedelta(days=1)
    return following.replace(day=race.deadline_day)


@dataclass(frozen=True)
class FlagsResult:
    opened: int
    resolved: int


@transaction.atomic
def flags_not_reported_update(
    *, race: Race, month: dt.date, today: dt.date | None = None
) -> FlagsResult:
    """Raise a 未按期报送 flag for each member missing a ranked figure after the
    deadline; resolve the open flag of every member that has now reported all."""
    month = Period.month_of(month).start
    today = today or timezone.localdate()
    indicators = selectors.race_indicators(race)
    figures = selectors.race_figures(race, [month], indicators=indicators)[month]
    past_deadline = today >= deadline(race, month)
    members = selectors.race_members(race)
    missing_of = {
        member.region_id: [
            ri.display_name
            for ri in indicators
            if (member.region.name, ri.key) not in figures
        ]
        for member in members
    }
    # One query for the open flags of every member, one update, one insert: the
    # cost does not grow with the number of regions.
    open_flags = Flag.objects.open().filter(
        region_id__in=missing_of,
        kind=FlagKind.NOT_REPORTED,
        month=month,
        target__isnull=True,
    )
    flagged = set(open_flags.values_list("region_id", flat=True))
    complete = [rid for rid, missing in missing_of.items() if not missing]
    resolved = (
        open_flags.filter(region_id__in=complete).update(resolved_at=timezone.now())
        if flagged & set(complete)
        else 0
    )
    new_flags = [
        Flag(
            region=member.region,
            month=month,
            kind=FlagKind.NOT_REPORTED,
            target=None,
            reason=(
                f"{race.name}:{Period.month_of(month).label}数据截至"
                f"{deadline(race, month):%Y-%m-%d}未报送:"
                + "、".join(missing_of[member.region_id])
            ),
        )
        for member in members
        if past_deadline
        and missing_of[member.region_id]
        and member.region_id not in flagged
    ]
    Flag.objects.bulk_create(new_flags)
    opened = len(new_flags)
    return FlagsResult(opened=opened, resolved=resolved)


@transaction.atomic
def results_store(*, race: Race, month: dt.date) -> selectors.MonthReport:
    """Compute the month and store one RaceResult per member (rerun replaces)."""
    report = selectors.month_report(race, month)
    ids = report.region_ids()
    existing = {
        row.region_id: row
        for row in RaceResult.objects.filter(
            race=race, period_kind=PeriodKind.MONTH, period_start=report.month
        )
    }
    fields = ["group", "score", "rank", "previous_rank", "detail"]
    to_create, to_update = [], []
    now = timezone.now()
    for row in report.result.rows:
        values = {
            "group": "" if row.group == "全部" else row.group,
            "score": row.composite,
            "rank": row.rank,
            "previous_rank": row.previous_rank,
            "detail": report.indicator_detail(row, _num),
        }
        current = existing.get(ids[row.region])
        if current is None:
            to_create.append(
                RaceResult(
                    race=race,
                    period_kind=PeriodKind.MONTH,
                    period_start=report.month,
                    region_id=ids[row.region],
                    **values,
                )
            )
            continue
        for name, value in values.items():
            setattr(current, name, value)
        current.computed_at = now
        to_update.append(current)
    # Bulk writes: the export's queries stay constant in the number of regions.
    RaceResult.objects.bulk_create(to_create, batch_size=500)
    RaceResult.objects.bulk_update(to_update, [*fields, "computed_at"], batch_size=500)
    stale = set(existing) - set(ids.values())
    if stale:
        RaceResult.objects.filter(pk__in=[existing[r].pk for r in stale]).delete()
    return report


def _num(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.normalize():f}"


@dataclass(frozen=True)
class ExportFiles:
    workbook: Path
    bulletin: Path
    rows: int
    pdf: Path | None = None


def saima_export(
    *,
    race: Race,
    month: dt.date,
    out: Path,
    bulletin_suffix: str = ".docx",
    today: dt.date | None = None,
    pdf: bool = False,
) -> ExportFiles:
    """Write the 月通报 workbook to ``out`` and its bulletin text beside it.

    ``pdf``: also convert the bulletin to PDF with LibreOffice (raises
    ``PdfUnavailable`` with a Chinese message when it is not installed).

    Also stores the month's results and updates 未按期报送 flags, so the export the
    office sends out and what the system records agree.
    """
    report = results_store(race=race, month=month)
    flags_not_reported_update(race=race, month=report.month, today=today)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = month_workbook_write(report, out)
    bulletin = _bulletin_write(
        race,
        bulletin_paragraphs(report),
        out.with_suffix(bulletin_suffix),
        title=report.title,
        today=today,
    )
    pdf = pdf_convert(bulletin) if pdf and bulletin.suffix == ".docx" else None
    return ExportFiles(workbook=out, bulletin=bulletin, rows=rows, pdf=pdf)


def saima_rollup_export(
    *,
    race: Race,
    months: list[dt.date],
    label: str,
    out: Path,
    bulletin_suffix: str = ".docx",
    today: dt.date | None = None,
) -> ExportFiles:
    """Write the 季调度 / 年评价 roll-up workbook to ``out`` and its bulletin beside
    it (.docx in 公文 form, or .txt), as the month's export does."""
    report = selectors.rollup_report(race, months, label)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = rollup_workbook_write(report, out)
    bulletin = _bulletin_write(
        race,
        rollup_paragraphs(report),
        out.with_suffix(bulletin_suffix),
        title=report.bulletin_title,
        today=today,
    )
    return ExportFiles(workbook=out, bulletin=bulletin, rows=rows)


def _bulletin_write(
    race: Race,
    paragraphs: list[str],
    path: Path,
    *,
    title: str,
    today: dt.date | None,
) -> Path:
    """The race's bulletin at ``path``, with its 公文 header, number and issuer."""
    return bulletin_write(
        paragraphs,
        path,
        title=title,
        header=race.bulletin_header,
        number=race.bulletin_number,
        issuer=race.bulletin_issuer,
        date=today or timezone.localdate(),
    )


# --- Exports through the one export lifecycle (reports.services) ---------------------

_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{2})|Q([1-4])))?$")


def _scope_period(text: Any) -> Period:
    """ "2024-06" (the 月通报), "2024-Q2" (the 季调度 roll-up) or "2024" (the
    year's roll-up) as a Period."""
    match = _PERIOD.match(str(text or ""))
    if not match:
        raise ValidationError(
            f"赛马导出期间应如 2024-06 或 2024-Q2(全年为 2024),收到“{text}”"
        )
    year = int(match[1])
    if not match[2] and not match[3]:
        return Period.of_year(year)
    if match[3]:
        return Period.of_quarter(year, int(match[3]))
    try:
        return Period.of_month(year, int(match[2]))
    except PeriodError as exc:
        raise ValidationError(f"赛马导出期间无效:{text}") from exc


def _saima_check(scope: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(scope, dict) or set(scope) != {"race", "period"}:
        raise ValidationError(
            "赛马导出范围应包含 race(赛马编号)和 period(如 2024-06 或 2024-Q2)"
        )
    race = scope["race"]
    found = None
    if isinstance(race, int) or (isinstance(race, str) and race.isdigit()):
        found = Race.objects.filter(pk=int(race)).first()
    elif isinstance(race, str):
        found = Race.objects.filter(name=race.strip()).first()
    if found is None:
        raise ValidationError(f"找不到赛马:{race}")
    _scope_period(scope["period"])
    return {"race": found.pk, "period": str(scope["period"])}


def _saima_write(scope: dict[str, Any], path: Path) -> tuple[int, list[Path]]:
    race = Race.objects.get(pk=scope["race"])
    period = _scope_period(scope["period"])
    if period.is_month:
        files = saima_export(race=race, month=period.start, out=path)
        return files.rows, [files.bulletin]
    year = period.start.year
    is_year = period == Period.of_year(year)
    files = saima_rollup_export(
        race=race,
        months=period.month_starts(),
        label=f"{year}年" if is_year else quarter_label(year, period.quarter),
        out=path,
    )
    return files.rows, [files.bulletin]


SAIMA_EXPORT = ExportWriter(
    kind=ExportKind.SAIMA,
    check=_saima_check,
    write=_saima_write,
    file_name=lambda pk, scope: (
        f"exports/saima/race{scope['race']}-{scope['period']}.xlsx"
    ),
)


def saima_export_request(*, race: Race, period: str, user: Any = None) -> Export:
    """The pending Export row of one race and period: the same row again (queued
    anew) when the period was exported before, so reruns never duplicate it; a
    rerun's latest requester (``user``, when given) may see it. The caller enqueues
    reports.tasks.run_export."""
    existing = (
        Export.objects.filter(
            kind=ExportKind.SAIMA, scope__race=race.pk, scope__period=period
        )
        .order_by("pk")
        .first()
    )
    if existing is not None:
        export_requeue(export=existing)
        if user is not None:
            existing.requested_by = user
            existing.save(update_fields=["requested_by"])
        return existing
    return export_request(
        user=user, kind=ExportKind.SAIMA, scope={"race": race.pk, "period": period}
    )


def quarter_label(year: int, quarter: int) -> str:
    """The 季调度 title: 2024年第2季度."""
    return f"{Period.of_year(year).label}第{quarter}季度"


# --- configuration -------------------------------------------------------------------

_LEVELS = {"county": RegionLevel.COUNTY, "zone": RegionLevel.ZONE}


@transaction.atomic
def race_configure(*, config: dict[str, Any]) -> Race:
    """Create or update a race from a dict (see seeds/saima_race.json); idempotent.

    Regions are created under the city when missing; indicators are looked up by
    catalog code, or created outside the catalog (``in_catalog=False``) from
    ``name``/``unit``. Members, groups and indicators not in the config are removed
    from the race, so the config is the whole truth about it.
    """
    try:
        city, _ = Region.objects.get_or_create(
            name=config["city"], defaults={"level": RegionLevel.CITY}
        )
        race, _ = Race.objects.update_or_create(
            name=config["name"],
            defaults={
                "city": city,
                "title": config.get("title", "全市科技创新赛马通报"),
                "deadline_day": int(config.get("deadline_day", 5)),
                "is_sample": bool(config.get("sample", False)),
                "active": True,
            },
        )
        group_names: list[str] = []
        member_ids: list[int] = []
        for order, group_config in enumerate(config.get("groups", [])):
            group, _ = PeerGroup.objects.update_or_create(
                race=race, name=group_config["name"], defaults={"order": order}
            )
            group_names.append(group.name)
            level = _LEVELS[group_config.get("level", "county")]
            for position, region_name in enumerate(group_config["regions"]):
                region, _ = Region.objects.get_or_create(
                    name=region_name, defaults={"level": level, "parent": city}
                )
                RaceMember.objects.update_or_create(
                    race=race,
                    region=region,
                    defaults={"group": group, "order": position},
                )
                member_ids.append(region.pk)
        race.members.exclude(region_id__in=member_ids).delete()
        race.groups.exclude(name__in=group_names).delete()
        kept: list[int] = []
        for order, item in enumerate(config["indicators"]):
            indicator = _indicator_for(item)
            race_indicator, _ = RaceIndicator.objects.update_or_create(
                race=race,
                indicator=indicator,
                measure=FigureMeasure(item.get("measure", "growth")),
                defaults={
                    "label": item.get("label", ""),
                    "weight": Decimal(str(item["weight"])),
                    "direction": Direction(item.get("direction", "higher")),
                    "method": ScoringMethod(item.get("method", "efficacy")),
                    "cap": Decimal(str(item.get("cap", "1.2"))),
                    "order": order,
                },
            )
            kept.append(race_indicator.pk)
            for year, targets in (item.get("targets") or {}).items():
                for region_name, value in targets.items():
                    RaceTarget.objects.update_or_create(
                        race_indicator=race_indicator,
                        region=Region.objects.get(name=region_name),
                        year=int(year),
                        defaults={"value": Decimal(str(value))},
                    )
        race.indicators.exclude(pk__in=kept).delete()
    except (KeyError, ValueError, Region.DoesNotExist) as exc:
        raise ValidationError(f"赛马配置有误:{exc}") from exc
    return race


def _indicator_for(item: dict[str, Any]) -> Indicator:
    if code := item.get("code"):
        found = Indicator.objects.filter(code=code).first()
        if found is not None:
            return found
    indicator, _ = Indicator.objects.get_or_create(
        name=item["name"],
        defaults={
            "code": item.get("code") or None,
            "unit": item.get("unit", ""),
            "norm_unit": item.get("norm_unit", "count"),
            "direction": item.get("direction", "higher"),
            "in_catalog": False,
        },
    )
    return indicator
