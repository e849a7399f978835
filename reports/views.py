"""The review pages: where a planning office looks at goal completion in a browser.

Server-rendered, in Chinese, no external assets. The list reuses the API's filters and
querysets (targets.api), so the page and /api/targets/ always agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views import View
from django.views.generic import TemplateView

from config.files import file_response
from reports.models import Export, ExportKind, ExportStatus
from reports.selectors import export_list, region_choices, year_choices
from reports.services import export_request
from reports.tasks import QUEUE_DOWN_MESSAGE, export_queue
from targets import display
from targets.api import selectors
from targets.api.filters import TargetFilter
from targets.display import STATUS_LABELS, STATUS_ORDER
from targets.models import (
    Actual,
    Document,
    Flag,
    Indicator,
    Mention,
    Region,
    Status,
    Target,
)
from targets.selectors_review import actual_confirmed, with_trust

PAGE_SIZE = 50
CONTEXT_CHARS = 120


class ReviewLoginRequired(LoginRequiredMixin):
    # The admin login refuses non-staff users; the review pages have their own.
    login_url = reverse_lazy("login")


ALL_YEARS = "all"


def default_year(years: list[int], today: dt.date | None = None) -> int | None:
    """The current plan year: this year when it has targets, else the latest year
    before it that has, else the earliest one after it."""
    this = (today or timezone.localdate()).year
    past = [y for y in years if y <= this]
    if past:
        return max(past)
    return min(years) if years else None


@dataclass(frozen=True)
class Summary:
    total: int
    met: int
    at_risk: int
    missed: int
    by_status: dict[str, int]

    @property
    def met_rate(self) -> Decimal | None:
        """达标率: met over all targets in view; missing data counts against it."""
        if not self.total:
            return None
        return (Decimal(self.met) * 100 / self.total).quantize(Decimal("0.1"))


def summarize(targets: QuerySet[Target]) -> Summary:
    counts = dict(
        targets.order_by()
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    return Summary(
        total=sum(counts.values()),
        met=counts.get(Status.MET, 0),
        at_risk=counts.get(Status.AT_RISK, 0),
        missed=counts.get(Status.MISSED, 0),
        by_status={status: counts.get(status, 0) for status in STATUS_ORDER},
    )


class ReviewView(ReviewLoginRequired, TemplateView):
    template_name = "reports/review.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The form sends every select; an empty one means "all", not a bad value.
        params = QueryDict(mutable=True)
        for key, values in self.request.GET.lists():
            kept = [v for v in values if v.strip()]
            if kept and key != "page":
                params.setlist(key, kept)
        years = year_choices()
        # Without a year in the address the page opens on the current plan year
        # (mixing every year gave a meaningless 达标率); 全部年度 is year=all.
        year = self.request.GET.get("year", "")
        if "year" not in self.request.GET:
            chosen = default_year(years)
            year = str(chosen) if chosen is not None else ""
            if year:
                params["year"] = year
        elif year == ALL_YEARS:
            params.pop("year", None)
        query = params.copy()
        if year == ALL_YEARS or ("year" in self.request.GET and not year):
            query["year"] = ALL_YEARS
        filterset = TargetFilter(params or None, queryset=selectors.target_list())
        if not filterset.is_bound:
            targets = filterset.queryset
        elif filterset.is_valid():
            targets = filterset.qs
        else:
            # Showing everything for a mistyped filter would mislead a meeting.
            targets = filterset.queryset.none()
        summary = summarize(targets)
        targets = with_trust(targets)  # 未审核 marks
        page = Paginator(targets, PAGE_SIZE).get_page(self.request.GET.get("page"))
        form = filterset.form
        context.update(
            filterset=filterset,
            form_errors=form.errors if filterset.is_bound else {},
            summary=summary,
            page=page,
            query=query.urlencode(),
            selected={
                "region": self.request.GET.get("region", ""),
                "year": year,
                "indicator": self.request.GET.get("indicator", ""),
                "status": self.request.GET.get("status", ""),
            },
            regions=region_choices(),
            years=years,
            indicators=Indicator.objects.filter(targets__isnull=False)
            .distinct()
            .only("id", "name"),
            statuses=[(s, STATUS_LABELS[s]) for s in STATUS_ORDER],
            status_labels=STATUS_LABELS,
        )
        return context


@dataclass(frozen=True)
class Evidence:
    mention: Mention
    located: bool
    snippet: SafeString


def highlight(text: str, spans: list[tuple[int, int]], mark_class: str = "") -> str:
    """HTML for text with each (start, end) span wrapped in <mark>; the rest escaped."""
    out: list[str] = []
    cursor = 0
    attr = f' class="{mark_class}"' if mark_class else ""
    for start, end in sorted(spans):
        if start < cursor:  # overlapping quotes: the first one wins
            continue
        out.append(escape(text[cursor:start]))
        out.append(f"<mark{attr}>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def locate(text: str, mention: Mention) -> tuple[int, int] | None:
    """Where the quote sits in the document's text.

    Mention.start/end are offsets into Document.text; if the text was re-extracted
    and no longer matches there, look for the quote itself rather than mark the
    wrong words.
    """
    if text[mention.start : mention.end] == mention.quote:
        return mention.start, mention.end
    found = text.find(mention.quote) if mention.quote else -1
    if found >= 0:
        return found, found + len(mention.quote)
    return None


def evidence_for(mention: Mention) -> Evidence:
    text = mention.document.text
    span = locate(text, mention)
    if span is None:
        return Evidence(mention, located=False, snippet=escape(mention.quote))
    start, end = span
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    html = highlight(text[lo:hi], [(start - lo, end - lo)], "quote")
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    # highlight() escapes every piece of document text it returns.
    return Evidence(mention, located=True, snippet=mark_safe(prefix + html + suffix))


@dataclass(frozen=True)
class SourceText:
    document: Document
    html: SafeString
    quote_count: int


def source_texts(mentions: list[Mention]) -> list[SourceText]:
    """Each source document once, in full, with all its quotes on this page marked."""
    by_doc: dict[int, tuple[Document, list[tuple[int, int]]]] = {}
    for mention in mentions:
        doc, spans = by_doc.setdefault(mention.document_id, (mention.document, []))
        span = locate(doc.text, mention)
        if span:
            spans.append(span)
    return [
        SourceText(
            document=doc,
            html=mark_safe(highlight(doc.text, spans, "quote")),
            quote_count=len(spans),
        )
        for doc, spans in by_doc.values()
    ]


class TargetDetailView(ReviewLoginRequired, TemplateView):
    template_name = "reports/target.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        target = get_object_or_404(
            with_trust(selectors.target_list().select_related("plan")),
            pk=self.kwargs["pk"],
        )
        with_document = Prefetch(
            "mentions", queryset=Mention.objects.select_related("document")
        )
        actuals = list(
            Actual.objects.filter(
                region=target.region,
                indicator=target.indicator,
                measure=target.measure,
            )
            .select_related("document", "entered_by")
            .prefetch_related(with_document)
            .order_by("period_end", "period_start", "created_at")
        )
        for actual in actuals:
            actual.period_text = _period(actual)
            actual.confirmed = actual_confirmed(actual)
        target_mentions = list(
            target.mentions.select_related("document").order_by("document", "start")
        )
        actual_mentions = [m for a in actuals for m in a.mentions.all()]
        context.update(
            target=target,
            target_evidence=[evidence_for(m) for m in target_mentions],
            actuals=actuals,
            actual_evidence=[evidence_for(m) for m in actual_mentions],
            sources=source_texts(target_mentions + actual_mentions),
            chart=actual_chart(target, actuals),
            flags=Flag.objects.filter(target=target).order_by("-opened_at"),
        )
        return context


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    points: list[dict[str, Any]]
    polyline: str
    target_y: float | None
    target_label: str


def actual_chart(target: Target, actuals: list[Actual]) -> Chart | None:
    """A small SVG line of the actuals over time, with the target as a dashed line.

    Compares norm values, so 亿元 and 万元 entries line up.
    """
    if len(actuals) < 2:
        return None  # one value is clearer in the table than as a lone dot
    # Room at both ends so the first and last period labels are not clipped.
    width, height, pad = 640, 220, 64
    values = [a.norm_value for a in actuals]
    top = max([*values, target.norm_value])
    bottom = min([*values, target.norm_value, Decimal(0)])
    span = (top - bottom) or Decimal(1)

    def y(value: Decimal) -> float:
        return float(pad + (height - 2 * pad) * (1 - (value - bottom) / span))

    step = (width - 2 * pad) / max(len(actuals) - 1, 1)
    points = [
        {
            "x": round(pad + i * step, 1),
            "y": round(y(a.norm_value), 1),
            "label": display.amount_text(a.value, a.unit),
            "period": _period(a),
            "estimate": a.estimate,
        }
        for i, a in enumerate(actuals)
    ]
    return Chart(
        width=width,
        height=height,
        points=points,
        polyline=" ".join(f"{p['x']},{p['y']}" for p in points),
        target_y=round(y(target.norm_value), 1),
        target_label=(f"目标 {target.target_label}"),
    )


def _period(actual: Actual) -> str:
    return actual.period.label


class ScorecardRequestView(ReviewLoginRequired, View):
    """POST from the review page: queue a scorecard of exactly the targets the
    page's filters show, named after them (计分卡-芜湖市-2024-未完成.xlsx)."""

    def post(self, request: HttpRequest) -> HttpResponse:
        filters = QueryDict(mutable=True)
        for key in ("region", "year", "indicator", "status"):
            value = request.POST.get(key, "").strip()
            if value:
                filters[key] = value
        filterset = TargetFilter(filters, queryset=selectors.target_list())
        valid = filterset.is_valid()
        if not valid and {"indicator", "status"} & set(filterset.form.errors):
            messages.error(request, "无法导出:指标或状态筛选条件无效。")
            return redirect("reports:review")
        # A bad region or year gets the scope check's own message below.
        scope: dict[str, Any] = {
            key: filters[key] for key in ("region", "year") if key in filters
        }
        if valid and ("indicator" in filters or "status" in filters):
            ids = list(filterset.qs.order_by().values_list("pk", flat=True))
            if not ids:
                messages.error(request, "无法导出:没有符合筛选条件的目标。")
                return redirect(f"{reverse('reports:review')}?{filters.urlencode()}")
            scope["target_ids"] = ids
        if request.POST.get("confirmed_only"):
            scope["confirmed_only"] = True
        if valid:
            scope["name"] = scorecard_file_name(filterset.form.cleaned_data)
        try:
            export = export_request(
                user=request.user, kind=ExportKind.SCORECARD, scope=scope
            )
        except ValidationError as exc:
            messages.error(request, "无法导出:" + ";".join(exc.messages))
            return redirect("reports:review")
        if not export_queue(export.pk):
            messages.error(request, "无法导出:" + QUEUE_DOWN_MESSAGE)
            return redirect("reports:review")
        return redirect("reports:export", pk=export.pk)


def scorecard_file_name(cleaned: dict[str, Any]) -> str:
    """What the filters cover, as a file name: 计分卡-芜湖市-2024-未完成."""

    def named(value: Any) -> str:
        values = value if isinstance(value, list | tuple | QuerySet) else [value]
        return "、".join(
            getattr(v, "name", None) or display.status_label(str(v)) for v in values
        )

    region = named(cleaned["region"]) if cleaned.get("region") else "全部地区"
    parts = ["计分卡", region]
    parts += [
        named(cleaned[key])
        for key in ("year", "indicator", "status")
        if cleaned.get(key)
    ]
    return "-".join(parts)


def _visible_exports(request: HttpRequest) -> QuerySet[Export]:
    return export_list(request.user)


class ExportStatusView(ReviewLoginRequired, TemplateView):
    template_name = "reports/export.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        export = get_object_or_404(_visible_exports(self.request), pk=self.kwargs["pk"])
        scope_region = None
        if export.scope.get("region"):
            scope_region = Region.objects.filter(pk=export.scope["region"]).first()
        context.update(
            export=export,
            scope_region=scope_region,
            finished=export.status in (ExportStatus.DONE, ExportStatus.FAILED),
        )
        return context


class ExportDownloadView(ReviewLoginRequired, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        export = get_object_or_404(_visible_exports(request), pk=pk)
        if export.status != ExportStatus.DONE or not export.file:
            raise Http404("导出尚未完成")
        name = export.scope.get("name") if isinstance(export.scope, dict) else None
        suffix = PurePosixPath(export.file.name).suffix
        return file_response(export.file, filename=f"{name}{suffix}" if name else None)


class ExportBulletinView(ReviewLoginRequired, View):
    """The .docx written beside a 赛马 workbook (reports.services.export_run)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        export = get_object_or_404(_visible_exports(request), pk=pk)
        if export.status != ExportStatus.DONE or not export.file:
            raise Http404("导出尚未完成")
        name = str(PurePosixPath(export.file.name).with_suffix(".docx"))
        if not export.file.storage.exists(name):
            raise Http404("该导出没有通报文件")
        bulletin = FieldFile(export, export.file.field, name)
        return file_response(bulletin)
