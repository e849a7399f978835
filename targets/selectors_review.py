"""Reads for the review workflow: the catalog the engine uses, the documents a user
may review, a document's statements and the counts that show how far review got."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from targets.models import (
    Actual,
    ActualSource,
    Decision,
    DecisionAction,
    Document,
    Indicator,
    Mention,
    MentionReview,
    Region,
    Target,
)
from targets.permissions import bound_region_ids, can_write_actuals

if TYPE_CHECKING:
    from targets.extraction import Catalog

REVIEWED = [MentionReview.CONFIRMED, MentionReview.CORRECTED, MentionReview.ADDED]

_catalog_cache: dict[str, Any] = {}


def catalog_from_db() -> Catalog:
    """The engine's catalog built from the Indicator rows, learned aliases included.

    Catalog indicators and every indicator a person gave an alias to (a non-catalog
    one gets a code from its id); compiled once per distinct content, since the
    alias regex takes a while to build."""
    from targets.extraction import Catalog, load_catalog

    fields = ("pk", "code", "name", "norm_unit", "unit", "direction", "aliases")
    rows = [
        {
            "code": code or f"db-{pk}",
            "name": name,
            "norm_unit": norm_unit,
            "unit": unit,
            "better": direction,
            "aliases": [a for a in (aliases or []) if isinstance(a, str)],
            "accumulates": accumulates,
        }
        for pk, code, name, norm_unit, unit, direction, aliases, accumulates in (
            Indicator.objects.filter(Q(in_catalog=True) | ~Q(aliases=[]))
            .order_by("pk")
            .values_list(*fields, "accumulates")
        )
    ]
    if not rows:
        return load_catalog()
    key = repr(rows)
    cached = _catalog_cache.get("catalog")
    if cached is not None and cached[0] == key:
        return cached[1]
    catalog = Catalog.from_rows(rows)
    _catalog_cache["catalog"] = (key, catalog)
    return catalog


def can_review(user: Any) -> bool:
    """Staff, the 编辑 group and region-bound groups upload and review."""
    return can_write_actuals(user)


def documents_for(user: Any) -> QuerySet[Document]:
    """The documents a user may see and review: a region-bound group only those of
    its regions and the regions below them."""
    documents = Document.objects.select_related("region", "uploaded_by")
    if not can_review(user):
        return documents.none()
    bound = bound_region_ids(user)
    if bound is not None:
        documents = documents.filter(region_id__in=bound)
    return documents


def documents_with_counts(user: Any) -> QuerySet[Document]:
    reviewed = Q(mentions__review__in=REVIEWED)
    return documents_for(user).annotate(
        n_unreviewed=Count(
            "mentions",
            filter=Q(mentions__review=MentionReview.UNREVIEWED),
            distinct=True,
        ),
        n_confirmed=Count(
            "mentions",
            filter=Q(mentions__review=MentionReview.CONFIRMED),
            distinct=True,
        ),
        n_corrected=Count(
            "mentions",
            filter=reviewed & ~Q(mentions__review=MentionReview.CONFIRMED),
            distinct=True,
        ),
    )


def regions_for(user: Any) -> QuerySet[Region]:
    bound = bound_region_ids(user)
    regions = Region.objects.all()
    return regions if bound is None else regions.filter(pk__in=bound)


def with_trust(targets: QuerySet[Target]) -> QuerySet[Target]:
    """Annotate ``confirmed``: a person confirmed, corrected or added a statement of
    the target, or it was entered by hand (no statement at all)."""
    stated = Mention.objects.filter(target=OuterRef("pk"))
    return targets.annotate(
        confirmed=Exists(stated.filter(review__in=REVIEWED)) | ~Exists(stated),
        actual_reviewed=Exists(
            Mention.objects.filter(actual=OuterRef("actual_id"), review__in=REVIEWED)
        ),
    )


def confirmed_targets(targets: QuerySet[Target]) -> QuerySet[Target]:
    """Targets someone confirmed whose adopted actual (if any) is confirmed too."""
    actual_ok = (
        Q(actual__isnull=True)
        | ~Q(actual__source=ActualSource.DOCUMENT)
        | Exists(
            Mention.objects.filter(actual=OuterRef("actual_id"), review__in=REVIEWED)
        )
    )
    return with_trust(targets).filter(confirmed=True).filter(actual_ok)


def unconfirmed_ids(target_ids: list[int]) -> set[int]:
    """Which of these targets nobody has confirmed (one query)."""
    return set(
        with_trust(Target.objects.filter(pk__in=target_ids))
        .filter(confirmed=False)
        .values_list("pk", flat=True)
    )


def actual_confirmed(actual: Actual) -> bool:
    if actual.source != ActualSource.DOCUMENT:
        return True
    return any(m.review in REVIEWED for m in actual.mentions.all())


# Mention ids change when a document is processed again; a statement's key is its
# span (and its place among mentions of the same span), which does not.
MENTION_ORDER = ("start", "end", "kind", "raw_value", "pk")


def mention_key(mention: Mention, nth: int = 1) -> str:
    suffix = f"-{nth}" if nth > 1 else ""
    return f"m{mention.start}-{mention.end}{suffix}"


def mention_by_key(document: Document, key: str) -> Mention | None:
    """The mention a statement key names (see mention_key), or None."""
    parts = key[1:].split("-") if key.startswith("m") else []
    if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
        return None
    start, end = int(parts[0]), int(parts[1])
    nth = int(parts[2]) if len(parts) == 3 else 1
    found = list(
        document.mentions.filter(start=start, end=end)
        .select_related("target__indicator", "target__region", "actual__indicator")
        .order_by(*MENTION_ORDER)
    )
    return found[nth - 1] if 0 < nth <= len(found) else None


@dataclass
class Statement:
    """One statement of a document as the review page lists it."""

    key: str  # mention_key, or "d<decision id>" for a rejected statement
    kind: str
    start: int
    end: int
    quote: str
    state: str  # MentionReview value, or "rejected"
    state_label: str
    mention: Mention | None
    fields: dict[str, Any]
    history: list[Decision]

    @property
    def reviewed(self) -> bool:
        return self.state != MentionReview.UNREVIEWED


def latest_decisions(document: Document) -> dict[tuple[int, int], list[Decision]]:
    """Every decision of the document by span, oldest first."""
    spans: dict[tuple[int, int], list[Decision]] = {}
    for decision in document.decisions.select_related("user").order_by(
        "created_at", "pk"
    ):
        spans.setdefault((decision.start, decision.end), []).append(decision)
    return spans


def statement_fields(mention: Mention) -> dict[str, Any]:
    """The statement as the review page shows it, in the form decisions store."""
    from targets.periods import Period
    from targets.services.values import decimal4, normalise

    row = mention.target or mention.actual
    assert row is not None
    value = mention.raw_value
    if value == row.value and mention.unit == row.unit:
        norm_value, norm_unit = row.norm_value, row.norm_unit
    else:
        norm_value, norm_unit = normalise(value, mention.unit)
    return {
        "kind": mention.kind,
        "indicator_id": row.indicator_id,
        "indicator": row.indicator.name,
        "value": f"{value.normalize():f}",
        "unit": mention.unit,
        "norm_value": f"{decimal4(norm_value)}",
        "norm_unit": norm_unit,
        "period": Period(row.period_start, row.period_end).to_contract(),
        "region_id": row.region_id,
        "region": row.region.name,
        "measure": row.measure,
        "comparator": row.comparator,
        "tier": getattr(row, "tier", "") or "",
        "estimate": mention.estimate,
        "recurring": bool(getattr(row, "recurring", False)),
    }


def document_statements(document: Document) -> list[Statement]:
    """Mentions and rejected statements in reading order, unreviewed first."""
    decisions = latest_decisions(document)
    mentions = (
        document.mentions.select_related(
            "target__indicator", "target__region", "actual__indicator", "actual__region"
        )
        .order_by(*MENTION_ORDER)
        .all()
    )
    statements: list[Statement] = []
    seen: set[tuple[int, int]] = set()
    repeats: dict[tuple[int, int], int] = {}
    for mention in mentions:
        span = (mention.start, mention.end)
        seen.add(span)
        repeats[span] = repeats.get(span, 0) + 1
        statements.append(
            Statement(
                key=mention_key(mention, repeats[span]),
                kind=mention.kind,
                start=mention.start,
                end=mention.end,
                quote=mention.quote,
                state=mention.review,
                state_label=mention.get_review_display(),
                mention=mention,
                fields=statement_fields(mention),
                history=decisions.get(span, []),
            )
        )
    for span, history in decisions.items():
        last = history[-1]
        if span in seen or last.action != DecisionAction.REJECT:
            continue
        before = last.before or {}
        statements.append(
            Statement(
                key=f"d{last.pk}",
                kind=before.get("kind", ""),
                start=last.start,
                end=last.end,
                quote=last.quote,
                state="rejected",
                state_label="已删除",
                mention=None,
                fields=before,
                history=history,
            )
        )
    statements.sort(key=lambda s: (s.reviewed, s.start, s.end))
    return statements


@dataclass(frozen=True)
class ReviewCounts:
    unreviewed: int
    confirmed: int
    corrected: int
    rejected: int

    @property
    def total(self) -> int:
        return self.unreviewed + self.confirmed + self.corrected + self.rejected


def review_counts(statements: list[Statement]) -> ReviewCounts:
    states = [s.state for s in statements]
    return ReviewCounts(
        unreviewed=states.count(MentionReview.UNREVIEWED),
        confirmed=states.count(MentionReview.CONFIRMED),
        corrected=states.count(MentionReview.CORRECTED)
        + states.count(MentionReview.ADDED),
        rejected=states.count("rejected"),
    )


def rejected_count(document: Document) -> int:
    spans = latest_decisions(document)
    return sum(1 for h in spans.values() if h[-1].action == DecisionAction.REJECT)


def indicator_choices() -> list[dict[str, Any]]:
    """Indicators with their aliases, for the catalog search of the 修改 form."""
    return [
        {"id": pk, "name": name, "aliases": aliases or [], "unit": unit}
        for pk, name, aliases, unit in Indicator.objects.order_by(
            "-in_catalog", "name"
        ).values_list("pk", "name", "aliases", "unit")
    ]


def alias_phrase(mention: Mention) -> str:
    """The phrase of the statement that names its indicator, as the text has it
    (an indicator name the engine made up ends in 数, the text usually without)."""
    phrase = mention.indicator_text
    bare = phrase[:-1] if phrase.endswith("数") else ""
    if phrase and phrase not in mention.quote and bare and bare in mention.quote:
        return bare
    return phrase
