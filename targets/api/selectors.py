"""Querysets the API and the review page read from, with related rows fetched up front.

Each list costs a fixed number of queries however many rows it returns; the tests in
tests/targets/api/test_queries.py hold every list endpoint to that.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet

from targets.api.filters import open_flags_exist
from targets.models import Actual, Document, Flag, Mention, Target

# Evidence needs the quote, its span and the document's name, never Document.text.
_EVIDENCE_FIELDS = [
    "id",
    "kind",
    "quote",
    "start",
    "end",
    "target_id",
    "actual_id",
    "document_id",
    "document__id",
    "document__name",
    "document__title",
]


def evidence_queryset() -> QuerySet[Mention]:
    return (
        Mention.objects.select_related("document")
        .only(*_EVIDENCE_FIELDS)
        .order_by("document_id", "start")
    )


def target_list() -> QuerySet[Target]:
    return (
        Target.objects.select_related("region", "indicator", "actual")
        .annotate(flagged=open_flags_exist())
        .prefetch_related(
            Prefetch("mentions", queryset=evidence_queryset()),
            Prefetch("actual__mentions", queryset=evidence_queryset()),
        )
    )


def actual_list() -> QuerySet[Actual]:
    return Actual.objects.select_related(
        "region", "indicator", "entered_by"
    ).prefetch_related(Prefetch("mentions", queryset=evidence_queryset()))


def document_list() -> QuerySet[Document]:
    return (
        Document.objects.select_related("region", "uploaded_by")
        .defer("text")
        .annotate(
            target_count=Count("targets", distinct=True),
            mention_count=Count("mentions", distinct=True),
        )
        # Aggregating drops Meta.ordering; pages need a stable order.
        .order_by("-created_at", "-pk")
    )


def document_detail() -> QuerySet[Document]:
    return Document.objects.select_related("region", "uploaded_by").annotate(
        target_count=Count("targets", distinct=True),
        mention_count=Count("mentions", distinct=True),
    )


def flag_list() -> QuerySet[Flag]:
    return Flag.objects.select_related("target__region", "target__indicator", "region")
