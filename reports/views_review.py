"""The document workflow in the browser: upload, review what the engine read,
correct it and teach the catalog (审核).

Thin views: each POST validates its input and calls one service from
targets.services.review / uploads; reads come from targets.selectors_review."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views import View
from django.views.generic import TemplateView

from reports.selectors import region_choices
from reports.views import ReviewLoginRequired
from targets.models import (
    Comparator,
    Decision,
    Document,
    DocumentKind,
    DocumentStatus,
    Indicator,
    Measure,
    MentionKind,
    Target,
)
from targets.selectors_review import (
    alias_phrase,
    can_review,
    document_statements,
    documents_for,
    documents_with_counts,
    indicator_choices,
    mention_by_key,
    regions_for,
    rejected_count,
    review_counts,
)
from targets.services.review import (
    document_confirm_rest,
    document_meta_update,
    document_reprocess,
    indicators_merge,
    statement_add,
    statement_decide,
)
from targets.services.uploads import (
    UPLOAD_SUFFIXES,
    document_retry,
    document_upload,
    upload_limit_label,
    upload_max_bytes,
)
from targets.tasks import ingest_document

RECENT_DOCUMENTS = 100
STATEMENT_FIELDS = (
    "kind",
    "indicator",
    "value",
    "unit",
    "period",
    "region_id",
    "measure",
    "comparator",
    "tier",
)


class ReviewerRequired(ReviewLoginRequired):
    """Signed in and allowed to review (staff, 编辑, region-bound groups)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not can_review(request.user):
            raise PermissionDenied("只有管理员、编辑组和地区填报组可以上传和审核文件。")
        return super().dispatch(request, *args, **kwargs)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def document_row(document: Document) -> dict[str, Any]:
    """What the upload page shows for one document (also its JSON status)."""
    return {
        "id": document.pk,
        "name": document.name,
        "title": str(document),
        "status": document.status,
        "status_label": document.get_status_display(),
        "error": document.error,
        "region": document.region.name if document.region_id else "",
        "year": document.year,
        "kind_label": document.get_kind_display(),
        "unreviewed": getattr(document, "n_unreviewed", None),
        "confirmed": getattr(document, "n_confirmed", None),
        "corrected": getattr(document, "n_corrected", None),
        "url": reverse("review:document", args=[document.pk]),
    }


class UploadView(ReviewerRequired, TemplateView):
    """上传文件: several at once; each is stored, then processed by the task."""

    template_name = "review/upload.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        documents = list(
            documents_with_counts(self.request.user).order_by("-created_at")[
                :RECENT_DOCUMENTS
            ]
        )
        for document in documents:
            document.n_rejected = rejected_count(document)
        allowed = set(regions_for(self.request.user).values_list("pk", flat=True))
        context.update(
            documents=documents,
            regions=[(pk, label) for pk, label in region_choices() if pk in allowed],
            kinds=[("auto", "自动识别"), *DocumentKind.choices],
            max_bytes=upload_max_bytes(),
            max_label=upload_limit_label(),
            accept=",".join(UPLOAD_SUFFIXES),
        )
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        files = request.FILES.getlist("files")
        region = self._region(request)
        published = self._published(request)
        kind = request.POST.get("kind") or "auto"
        results: list[dict[str, Any]] = []
        for upload in files:
            name = PurePath(upload.name).name
            try:
                if upload.size > upload_max_bytes():
                    raise ValidationError(
                        f"文件“{name}”过大:上限为 {upload_limit_label()}。"
                    )
                outcome = document_upload(
                    data=upload.read(),
                    name=name,
                    user=request.user,
                    region=region,
                    published=published,
                    kind=kind,
                )
            except ValidationError as exc:
                results.append(
                    {"name": name, "ok": False, "error": ";".join(exc.messages)}
                )
                continue
            if outcome.queue:
                ingest_document.delay_on_commit(outcome.document.pk)
            results.append(
                {
                    "name": name,
                    "ok": True,
                    "created": outcome.created,
                    "message": outcome.message,
                    "document": document_row(outcome.document),
                }
            )
        if not files:
            results.append({"name": "", "ok": False, "error": "请选择要上传的文件。"})
        if _wants_json(request):
            return JsonResponse({"results": results})
        for result in results:
            if result["ok"]:
                messages.success(request, f"{result['name']}:{result['message']}")
            else:
                messages.error(request, result["error"])
        return redirect("review:upload")

    def _region(self, request: HttpRequest) -> str | None:
        pk = request.POST.get("region") or ""
        if not pk:
            return None
        region = regions_for(request.user).filter(pk=pk).first()
        if region is None:
            raise PermissionDenied("您无权上传该地区的文件。")
        return region.name

    @staticmethod
    def _published(request: HttpRequest) -> dt.date | None:
        raw = (request.POST.get("published") or "").strip()
        try:
            return dt.date.fromisoformat(raw) if raw else None
        except ValueError:
            return None


class StatusView(ReviewerRequired, View):
    """JSON status of the documents the upload page is watching."""

    def get(self, request: HttpRequest) -> JsonResponse:
        ids = [int(i) for i in request.GET.get("ids", "").split(",") if i.isdigit()]
        documents = documents_with_counts(request.user).filter(pk__in=ids[:200])
        return JsonResponse({"documents": [document_row(d) for d in documents]})


def document_html(text: str, statements: list[Any]) -> str:
    """The document's text with each statement marked; every piece carries its
    offset (data-o) so a selection can be turned back into (start, end)."""
    spans = sorted(
        (s.start, s.end, s) for s in statements if 0 <= s.start < s.end <= len(text)
    )
    out: list[str] = []
    cursor = 0
    for start, end, statement in spans:
        if start < cursor:
            continue  # overlapping statements: the first one is marked
        if start > cursor:
            out.append(f'<span data-o="{cursor}">{escape(text[cursor:start])}</span>')
        kind = statement.kind or "target"
        out.append(
            f'<mark data-o="{start}" id="mark-{statement.key}" '
            f'data-key="{statement.key}" class="st st-{kind} st-{statement.state}">'
            f"{escape(text[start:end])}</mark>"
        )
        cursor = end
    if cursor < len(text):
        out.append(f'<span data-o="{cursor}">{escape(text[cursor:])}</span>')
    return "".join(out)


def _choices(document: Document, user: Any) -> dict[str, Any]:
    allowed = set(regions_for(user).values_list("pk", flat=True))
    return {
        "kinds": MentionKind.choices,
        "measures": Measure.choices,
        "comparators": Comparator.choices,
        "regions": [(pk, label) for pk, label in region_choices() if pk in allowed],
        "indicators": indicator_choices(),
        "document_kinds": DocumentKind.choices,
    }


class DocumentReviewView(ReviewerRequired, TemplateView):
    """One document: its text with every statement marked, and the side list."""

    template_name = "review/document.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        document = get_object_or_404(documents_for(self.request.user), pk=kwargs["pk"])
        statements = document_statements(document)
        for statement in statements:
            statement.alias = (
                alias_phrase(statement.mention) if statement.mention else ""
            )
            statement.target = statement.mention.target if statement.mention else None
        defaults = {
            "kind": "actual" if document.kind == DocumentKind.REPORT else "target",
            "period": str(document.year or ""),
            "region_id": document.region_id,
            "measure": Measure.LEVEL,
            "comparator": Comparator.EQ
            if document.kind == DocumentKind.REPORT
            else Comparator.GTE,
            "tier": Target.BASE_TIER,
        }
        context.update(
            document=document,
            statements=statements,
            counts=review_counts(statements),
            text_html=mark_safe(document_html(document.text, statements)),
            defaults=defaults,
            choices=_choices(document, self.request.user),
            history=document.decisions.select_related("user").order_by("-created_at")[
                :200
            ],
            focus=self.request.GET.get("focus", ""),
        )
        return context


def _document_for(request: HttpRequest, pk: int) -> Document:
    return get_object_or_404(documents_for(request.user), pk=pk)


def _values(request: HttpRequest) -> dict[str, Any]:
    values = {name: request.POST.get(name, "").strip() for name in STATEMENT_FIELDS}
    indicator = _indicator_named(values.pop("indicator"))
    values["indicator_id"] = indicator.pk if indicator else None
    return values


def _indicator_named(text: str) -> Indicator | None:
    """The indicator a person picked: by name, else by one of its aliases."""
    if not text:
        return None
    found = Indicator.objects.filter(name=text).first()
    if found is not None:
        return found
    for indicator in Indicator.objects.exclude(aliases=[]):
        if text in (indicator.aliases or []):
            return indicator
    return None


def _back(document: Document, anchor: str = "") -> HttpResponse:
    url = reverse("review:document", args=[document.pk])
    return redirect(url + (f"#{anchor}" if anchor else ""))


class DecideView(ReviewerRequired, View):
    """确认 / 修改 / 删除 one statement."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = _document_for(request, pk)
        key = request.POST.get("statement", "")
        action = request.POST.get("action", "")
        mention = mention_by_key(document, key)
        rejected = None
        if key.startswith("d") and key[1:].isdigit():
            rejected = get_object_or_404(Decision, pk=int(key[1:]), document=document)
        elif mention is None:
            messages.error(request, "该语句已不存在,请刷新页面。")
            return _back(document)
        alias = ""
        if request.POST.get("store_alias"):
            alias = request.POST.get("alias", "").strip()
        try:
            statement_decide(
                user=request.user,
                mention=mention,
                rejected=rejected,
                action=action,
                values=_values(request) if action == "correct" else None,
                alias=alias,
            )
        except ValidationError as exc:
            messages.error(request, "未保存:" + ";".join(exc.messages))
            return _back(document, f"s-{key}")
        label = {"confirm": "已确认", "correct": "已修改", "reject": "已删除"}[action]
        if alias:
            label += f",并将“{alias}”记为指标别名"
        messages.success(request, label)
        return _back(document)


class AddView(ReviewerRequired, View):
    """补录: a statement the engine missed, from a text selection."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = _document_for(request, pk)
        try:
            start = int(request.POST.get("start", ""))
            end = int(request.POST.get("end", ""))
        except ValueError:
            messages.error(request, "未保存:请在原文中选中要补录的语句。")
            return _back(document)
        try:
            statement_add(
                user=request.user,
                document=document,
                start=start,
                end=end,
                values=_values(request),
            )
        except ValidationError as exc:
            messages.error(request, "未保存:" + ";".join(exc.messages))
            return _back(document)
        messages.success(request, "已补录")
        return _back(document)


class ConfirmRestView(ReviewerRequired, View):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = _document_for(request, pk)
        try:
            count = document_confirm_rest(user=request.user, document=document)
        except ValidationError as exc:
            messages.error(request, ";".join(exc.messages))
            return _back(document)
        messages.success(request, f"已确认其余 {count} 条")
        return _back(document)


class MetaView(ReviewerRequired, View):
    """Confirm or change the region, date and kind the engine guessed."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = _document_for(request, pk)
        region = (
            regions_for(request.user).filter(pk=request.POST.get("region") or 0).first()
        )
        raw = (request.POST.get("published") or "").strip()
        try:
            published = dt.date.fromisoformat(raw) if raw else None
            document_meta_update(
                user=request.user,
                document=document,
                region=region,
                published=published,
                kind=request.POST.get("kind", ""),
            )
        except ValueError:
            messages.error(request, "日期格式应为 2024-01-31。")
            return _back(document)
        except ValidationError as exc:
            messages.error(request, "未保存:" + ";".join(exc.messages))
            return _back(document)
        messages.success(request, "文件信息已保存,已按新信息重新处理")
        return _back(document)


class ReprocessView(ReviewerRequired, View):
    """重新处理: read the document again; every decision is kept."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = _document_for(request, pk)
        if document.status == DocumentStatus.FAILED:
            try:
                document_retry(document=document)
            except ValidationError as exc:
                messages.error(request, ";".join(exc.messages))
                return _back(document)
            ingest_document.delay_on_commit(document.pk)
            messages.success(request, "已重新排队处理")
            return _back(document)
        if document.status in (DocumentStatus.PENDING, DocumentStatus.PROCESSING):
            messages.error(request, "文件正在等待或处理中,请稍后。")
            return _back(document)
        try:
            document_reprocess(document=document)
        except Exception as exc:  # the engine failed: say so, keep everything
            messages.error(request, f"重新处理失败:{type(exc).__name__}: {exc}")
            return _back(document)
        messages.success(request, "已重新处理,所有审核结果均已保留")
        return _back(document)


class MergeIndicatorsView(ReviewerRequired, TemplateView):
    """合并指标 (staff): one indicator into another; its name becomes an alias."""

    template_name = "review/merge.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated and not request.user.is_staff:
            raise PermissionDenied("只有管理员可以合并指标。")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["indicators"] = Indicator.objects.order_by("-in_catalog", "name")
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        source = Indicator.objects.filter(pk=request.POST.get("source") or 0).first()
        into = Indicator.objects.filter(pk=request.POST.get("into") or 0).first()
        if source is None or into is None:
            messages.error(request, "请选择两个指标。")
            return redirect("review:merge")
        name = source.name
        try:
            moved = indicators_merge(source=source, into=into)
        except ValidationError as exc:
            messages.error(request, ";".join(exc.messages))
            return redirect("review:merge")
        messages.success(
            request, f"已将“{name}”合并到“{into}”({moved} 个目标),原名称已记为别名"
        )
        return redirect("review:merge")
