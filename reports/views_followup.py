"""The follow-up pages (issue 13): 预警督办, 填报 and its review, 变化.

Thin: each POST calls one service (targets.services.supervision / reporting) and
shows its Chinese message; reads come from targets.selectors_followup."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from config.files import file_response
from reports.excel.changes import changes_workbook
from reports.selectors import region_choices
from reports.views import ReviewLoginRequired
from targets import display
from targets.models import (
    Actual,
    Approval,
    ChangeKind,
    Flag,
    FlagEvidence,
    Indicator,
    Region,
    ReportBatch,
)
from targets.permissions import bound_region_ids, can_write_actuals
from targets.selectors_followup import (
    FLAG_FILTERS,
    batches_for,
    change_list,
    default_since,
    entries_for,
    flag_list,
    flag_status_label,
    flag_units,
    pending_entries,
)
from targets.services import reporting, supervision

PAGE_SIZE = 50


def _region(value: str) -> Region | None:
    return Region.objects.filter(pk=int(value)).first() if value.isdigit() else None


def _date(value: str, label: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"{label}“{value}”无效,应如 2024-06-30。") from None


def _run(request: HttpRequest, action, success: str) -> bool:
    """Call a service; its Chinese message becomes the page's message."""
    try:
        action()
    except (ValidationError, PermissionDenied) as exc:
        text = ";".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text)
        return False
    messages.success(request, success)
    return True


# --- 预警督办 ---------------------------------------------------------------------


class FlagListView(ReviewLoginRequired, TemplateView):
    template_name = "followup/flags.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        get = self.request.GET
        selected = {k: get.get(k, "") for k in ("status", "unit", "region")}
        flags = flag_list(
            status=selected["status"],
            unit=selected["unit"],
            region=_region(selected["region"]),
        )
        page = Paginator(flags, PAGE_SIZE).get_page(get.get("page"))
        today = timezone.localdate()
        for flag in page:
            flag.status_label = flag_status_label(flag, today)
        query = {k: v for k, v in selected.items() if v}
        context.update(
            page=page,
            query=urlencode(query),
            selected=selected,
            statuses=list(FLAG_FILTERS.items()),
            units=flag_units(),
            regions=region_choices(),
        )
        return context


class FlagDetailView(ReviewLoginRequired, TemplateView):
    template_name = "followup/flag.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        flag = get_object_or_404(
            Flag.objects.select_related(
                "target__region", "target__indicator", "region", "assignee"
            ),
            pk=self.kwargs["pk"],
        )
        chain = []
        previous = flag.previous
        while previous is not None and len(chain) < 20:
            chain.append(previous)
            previous = previous.previous
        user = self.request.user
        context.update(
            flag=flag,
            status_label=flag_status_label(flag),
            events=flag.events.select_related("user").prefetch_related("files"),
            chain=chain,
            reopened=flag.reopened_as.all(),
            can_supervise=supervision.can_supervise(user),
            can_answer=supervision.can_answer(user, flag),
            groups=Group.objects.filter(region_binding__isnull=False).order_by("name"),
            people=get_user_model().objects.filter(is_active=True).order_by("username"),
            default_due=timezone.localdate() + dt.timedelta(days=14),
        )
        return context

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        flag = get_object_or_404(Flag, pk=pk)
        post = request.POST
        action = post.get("action", "")
        note = post.get("note", "")
        user = request.user

        def assign() -> None:
            group = None
            if post.get("unit_group", "").isdigit():
                group = Group.objects.filter(pk=int(post["unit_group"])).first()
            assignee = None
            if post.get("assignee", "").isdigit():
                assignee = (
                    get_user_model().objects.filter(pk=int(post["assignee"])).first()
                )
            supervision.flag_assign(
                flag=flag,
                user=user,
                unit_group=group,
                unit_department=post.get("unit_department", ""),
                assignee=assignee,
                due_date=_date(post.get("due_date", ""), "办理期限"),
                note=note,
            )

        actions = {
            "assign": (assign, "已分派。"),
            "answer": (
                lambda: supervision.flag_answer(
                    flag=flag,
                    user=user,
                    note=note,
                    files=request.FILES.getlist("files"),
                ),
                "已反馈,等待市里审核。",
            ),
            "close": (
                lambda: supervision.flag_close(flag=flag, user=user, note=note),
                "已办结。",
            ),
            "return": (
                lambda: supervision.flag_return(flag=flag, user=user, note=note),
                "已退回,责任单位需重新反馈。",
            ),
        }
        if action not in actions:
            messages.error(request, "未知操作。")
        else:
            _run(request, *actions[action])
        return redirect("followup:flag", pk=pk)


class FlagEvidenceView(ReviewLoginRequired, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        evidence = get_object_or_404(
            FlagEvidence.objects.select_related("flag__target"), pk=pk
        )
        flag = evidence.flag
        bound = bound_region_ids(request.user)
        region_id = flag.region_id or (flag.target.region_id if flag.target else None)
        if (
            bound is not None
            and region_id not in bound
            and not supervision.can_answer(request.user, flag)
        ):
            raise Http404("找不到佐证材料")
        return file_response(evidence.file, filename=evidence.name)


# --- 填报 --------------------------------------------------------------------------


def _fill_regions(user: Any) -> list[tuple[int, str]]:
    bound = bound_region_ids(user)
    return [(pk, name) for pk, name in region_choices() if bound is None or pk in bound]


class FillView(ReviewLoginRequired, TemplateView):
    """A region-bound clerk (or the city) enters figures and submits batches."""

    template_name = "followup/fill.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        if request.user.is_authenticated and not can_write_actuals(request.user):
            raise PermissionDenied("您没有填报数据的权限。")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            regions=_fill_regions(user),
            indicators=Indicator.objects.filter(in_catalog=True).order_by("name"),
            entries=entries_for(user)[:200],
            batches=batches_for(user).order_by("-period_start", "region__name")[:50],
            approval=Approval,
        )
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        post = request.POST
        action = post.get("action", "add")
        user = request.user
        if action == "submit":
            batch = get_object_or_404(batches_for(user), pk=post.get("batch") or 0)
            _run(
                request,
                lambda: reporting.batch_submit(user=user, batch=batch),
                f"{batch}已提交审核。",
            )
        elif action == "delete":
            actual = get_object_or_404(entries_for(user), pk=post.get("actual") or 0)
            _run(
                request,
                lambda: reporting.report_entry_delete(user=user, actual=actual),
                "已删除。",
            )
        else:

            def add() -> None:
                region = _region(post.get("region", ""))
                indicator = Indicator.objects.filter(
                    pk=int(post["indicator"])
                    if post.get("indicator", "").isdigit()
                    else 0
                ).first()
                if region is None:
                    raise ValidationError("请选择地区。")
                if indicator is None:
                    raise ValidationError("请从指标目录中选择指标。")
                reporting.report_entry_create(
                    user=user,
                    region=region,
                    indicator=indicator,
                    period=post.get("period", ""),
                    value=post.get("value", ""),
                    unit=post.get("unit", ""),
                    estimate=post.get("estimate") == "1",
                    batch_kind=post.get("batch_kind", "month"),
                    evidence=request.FILES.get("evidence"),
                )

            _run(request, add, "已保存为草稿,提交批次后进入审核。")
        return redirect("followup:fill")


class ApprovalView(ReviewLoginRequired, TemplateView):
    """The city's reviewers: approve or return figures, lock reviewed periods."""

    template_name = "followup/approval.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        if request.user.is_authenticated and not reporting.can_approve(request.user):
            raise PermissionDenied("只有市级审核人员可以审核填报数据。")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            pending=pending_entries(),
            batches=ReportBatch.objects.select_related("region", "submitted_by")[:50],
        )
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        post = request.POST
        user = request.user
        action = post.get("action", "")
        comment = post.get("comment", "")
        if action in ("approve", "return"):
            actual = get_object_or_404(Actual, pk=post.get("actual") or 0)
            if action == "approve":
                _run(
                    request,
                    lambda: reporting.actual_approve(
                        user=user, actual=actual, comment=comment
                    ),
                    f"已通过:{actual}。",
                )
            else:
                _run(
                    request,
                    lambda: reporting.actual_return(
                        user=user, actual=actual, comment=comment
                    ),
                    f"已退回:{actual}。",
                )
        elif action in ("approve_batch", "lock", "unlock"):
            batch = get_object_or_404(ReportBatch, pk=post.get("batch") or 0)
            if action == "approve_batch":
                _run(
                    request,
                    lambda: reporting.batch_approve(user=user, batch=batch),
                    f"{batch}的待审核数据已全部通过。",
                )
            else:
                _run(
                    request,
                    lambda: reporting.batch_lock(
                        user=user, batch=batch, locked=action == "lock"
                    ),
                    f"{batch}已{'锁定' if action == 'lock' else '解锁'}。",
                )
        else:
            messages.error(request, "未知操作。")
        return redirect("followup:approval")


class EvidenceView(ReviewLoginRequired, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        actual = get_object_or_404(Actual, pk=pk)
        bound = bound_region_ids(request.user)
        if bound is not None and actual.region_id not in bound:
            raise Http404("找不到佐证材料")
        if not actual.evidence:
            raise Http404("找不到佐证材料")
        return file_response(actual.evidence)


# --- 变化 --------------------------------------------------------------------------

CHANGE_KINDS = [
    (ChangeKind.NEWLY_MET, ChangeKind.NEWLY_MET.label),
    (ChangeKind.NEWLY_MISSED, ChangeKind.NEWLY_MISSED.label),
    (ChangeKind.TURNED_AT_RISK, ChangeKind.TURNED_AT_RISK.label),
    (ChangeKind.NEW_DATA, ChangeKind.NEW_DATA.label),
]


class ChangesView(ReviewLoginRequired, TemplateView):
    template_name = "followup/changes.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        get = request.GET
        self.error = ""
        try:
            since = _date(get.get("since", ""), "起始日期") or default_since()
        except ValidationError as exc:
            self.error = ";".join(exc.messages)
            since = default_since()
        region = _region(get.get("region", ""))
        indicator = get.get("indicator", "")
        self.selected = {
            "since": since,
            "region": get.get("region", ""),
            "indicator": indicator,
            "kind": get.get("kind", ""),
        }
        self.changes = change_list(
            since=since,
            region=region,
            indicator_id=int(indicator) if indicator.isdigit() else None,
            kind=self.selected["kind"],
        )
        if get.get("format") == "xlsx":
            return _changes_workbook(self.changes, since, region)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        changes = list(self.changes[:500])
        counts = {kind: 0 for kind, _ in CHANGE_KINDS}
        for change in changes:
            counts[change.kind] = counts.get(change.kind, 0) + 1
            change.before_label = display.STATUS_LABELS.get(change.before, "")
            change.after_label = display.status_label(change.after)
        context.update(
            changes=changes,
            counts=[(k, label, counts[k]) for k, label in CHANGE_KINDS],
            selected=self.selected,
            error=self.error,
            kinds=CHANGE_KINDS,
            regions=region_choices(),
            indicators=Indicator.objects.filter(targets__isnull=False).distinct(),
        )
        return context


def _changes_workbook(changes, since: dt.date, region: Region | None) -> HttpResponse:
    where = region.name if region else "全部地区"
    content = changes_workbook(
        changes, title=f"{where}目标状态变化({since:%Y年%m月%d日}以来)"
    )
    name = f"目标变化-{where}-{since:%Y%m%d}起.xlsx"
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response
