"""Choices of the follow-up workflow (issue 13), apart from the models so that
targets.models can use them on Actual and Flag."""

from __future__ import annotations

from django.db import models


class Approval(models.TextChoices):
    DRAFT = "draft", "草稿"
    PENDING = "pending", "待审核"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已通过"


class FlagState(models.TextChoices):
    NEW = "new", "待分派"
    ASSIGNED = "assigned", "办理中"
    ANSWERED = "answered", "已反馈"
    RETURNED = "returned", "已退回"
    CLOSED = "closed", "已办结"


class BatchStatus(models.TextChoices):
    DRAFT = "draft", "填报中"
    SUBMITTED = "submitted", "已提交"
    REVIEWED = "reviewed", "已审核"


class ChangeKind(models.TextChoices):
    NEWLY_MET = "newly_met", "新完成"
    NEWLY_MISSED = "newly_missed", "新未完成"
    TURNED_AT_RISK = "turned_at_risk", "转为有风险"
    NEW_DATA = "new_data", "新数据"
    OTHER = "other", "其他变化"
