"""督办: a flag is assigned to a unit and a person with a due date, answered by
that unit with 情况说明 and evidence, and closed (办结) or returned (退回) by the
city. Every step is a FlagEvent (who, when, before → after)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from targets.followup_models import FlagAction
from targets.models import Flag, FlagEvent, FlagEvidence, FlagState
from targets.permissions import is_editor

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


def can_supervise(user: Any) -> bool:
    """The city's reviewers assign, close and return: unrestricted writers."""
    return is_editor(user)


def can_answer(user: Any, flag: Flag) -> bool:
    if not user.is_authenticated:
        return False
    if can_supervise(user) or flag.assignee_id == user.pk:
        return True
    return bool(
        flag.unit_group_id and user.groups.filter(pk=flag.unit_group_id).exists()
    )


def _locked(flag: Flag) -> Flag:
    return Flag.objects.select_for_update().get(pk=flag.pk)


def _event(flag: Flag, *, action: str, user: Any, note: str, before: str) -> FlagEvent:
    return FlagEvent.objects.create(
        flag=flag,
        action=action,
        user=user if getattr(user, "pk", None) else None,
        note=note,
        before=before,
        after=flag.state,
    )


@transaction.atomic
def flag_assign(
    *,
    flag: Flag,
    user: Any,
    due_date: dt.date,
    unit_group: Group | None = None,
    unit_department: str = "",
    assignee: Any = None,
    note: str = "",
) -> Flag:
    """分派: a responsible unit (a region's group or a department), a person and a
    due date."""
    if not can_supervise(user):
        raise PermissionDenied("只有市级审核人员可以分派预警。")
    flag = _locked(flag)
    if flag.state == FlagState.CLOSED:
        raise ValidationError("预警已办结,不能再分派。")
    unit_department = (unit_department or "").strip()[:64]
    if unit_group is None and not unit_department:
        raise ValidationError("请选择责任单位(地区用户组)或填写责任部门。")
    if due_date is None:
        raise ValidationError("请填写办理期限。")
    if due_date < timezone.localdate():
        raise ValidationError("办理期限不能早于今天。")
    before = flag.state
    flag.unit_group = unit_group
    flag.unit_department = unit_department
    flag.assignee = assignee
    flag.due_date = due_date
    flag.state = FlagState.ASSIGNED
    flag.save(
        update_fields=["unit_group", "unit_department", "assignee", "due_date", "state"]
    )
    who = "、".join(
        p
        for p in (
            unit_group.name if unit_group else "",
            unit_department,
            assignee.get_full_name() or assignee.username if assignee else "",
        )
        if p
    )
    text = f"分派给{who},期限{due_date:%Y-%m-%d}"
    _event(
        flag,
        action=FlagAction.ASSIGN,
        user=user,
        note=f"{text}。{note}".strip() if note else text,
        before=before,
    )
    return flag


@transaction.atomic
def flag_answer(
    *, flag: Flag, user: Any, note: str, files: Iterable[UploadedFile] = ()
) -> Flag:
    """反馈: the responsible unit explains (情况说明) and attaches evidence."""
    flag = _locked(flag)
    if not can_answer(user, flag):
        raise PermissionDenied("只有责任单位可以反馈该预警。")
    if flag.state not in (FlagState.ASSIGNED, FlagState.RETURNED):
        raise ValidationError("预警尚未分派或已办结,不能反馈。")
    note = (note or "").strip()
    if not note:
        raise ValidationError("请填写情况说明。")
    files = list(files)
    for upload in files:
        if upload.size > MAX_EVIDENCE_BYTES:
            raise ValidationError(f"佐证材料“{upload.name}”超过20MB。")
    before = flag.state
    flag.state = FlagState.ANSWERED
    flag.save(update_fields=["state"])
    event = _event(flag, action=FlagAction.ANSWER, user=user, note=note, before=before)
    for upload in files:
        FlagEvidence.objects.create(
            flag=flag, event=event, file=upload, name=upload.name[:255]
        )
    return flag


@transaction.atomic
def flag_close(*, flag: Flag, user: Any, note: str = "") -> Flag:
    """办结: the city accepts the answer; the flag stays closed while its cause is
    unchanged (targets.services.flags)."""
    if not can_supervise(user):
        raise PermissionDenied("只有市级审核人员可以办结预警。")
    flag = _locked(flag)
    if flag.state == FlagState.CLOSED:
        raise ValidationError("预警已办结。")
    before = flag.state
    now = timezone.now()
    flag.state = FlagState.CLOSED
    flag.handled_at = now
    if flag.resolved_at is None:
        flag.resolved_at = now
    flag.save(update_fields=["state", "handled_at", "resolved_at"])
    _event(flag, action=FlagAction.CLOSE, user=user, note=note.strip(), before=before)
    return flag


@transaction.atomic
def flag_return(*, flag: Flag, user: Any, note: str) -> Flag:
    """退回: the answer is not enough; the unit answers again."""
    if not can_supervise(user):
        raise PermissionDenied("只有市级审核人员可以退回预警。")
    flag = _locked(flag)
    if flag.state != FlagState.ANSWERED:
        raise ValidationError("只有已反馈的预警可以退回。")
    note = (note or "").strip()
    if not note:
        raise ValidationError("退回时请填写意见。")
    before = flag.state
    flag.state = FlagState.RETURNED
    flag.save(update_fields=["state"])
    _event(flag, action=FlagAction.RETURN, user=user, note=note, before=before)
    return flag


def flags_overdue_mark(*, today: dt.date | None = None) -> int:
    """逾期: record once per assignment that an open flag passed its due date, so
    the 督办记录 shows when it went overdue. Returns the flags newly marked."""
    today = today or timezone.localdate()
    overdue = (
        Flag.objects.open()
        .exclude(state__in=[FlagState.NEW, FlagState.CLOSED])
        .filter(due_date__lt=today)
        .prefetch_related("events")
    )
    events = []
    for flag in overdue:
        history = list(flag.events.all())
        assigned = [e for e in history if e.action == FlagAction.ASSIGN]
        since = assigned[-1].created_at if assigned else None
        if any(
            e.action == FlagAction.OVERDUE and (since is None or e.created_at >= since)
            for e in history
        ):
            continue
        events.append(
            FlagEvent(
                flag=flag,
                action=FlagAction.OVERDUE,
                note=f"已超过办理期限({flag.due_date:%Y-%m-%d})",
                before=flag.state,
                after=flag.state,
            )
        )
    FlagEvent.objects.bulk_create(events)
    return len(events)
