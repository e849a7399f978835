"""Notifications: the daily 预警 digest by email to each responsible person, and an
optional group-robot webhook (企业微信 / 钉钉 text message). Every webhook message is
a WebhookDelivery row: attempts and the last error are kept, never lost."""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone

from targets.followup_models import DeliveryStatus
from targets.models import Flag, FlagState, WebhookDelivery

DUE_SOON_DAYS = 3


@dataclass
class Digest:
    new: list[Flag] = field(default_factory=list)
    due: list[Flag] = field(default_factory=list)
    overdue: list[Flag] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.new or self.due or self.overdue)


def digests(today: dt.date | None = None) -> dict[int, Digest]:
    """Per responsible person: flags assigned in the last day, due within three
    days, and overdue."""
    today = today or timezone.localdate()
    since = timezone.now() - dt.timedelta(days=1)
    by_user: dict[int, Digest] = defaultdict(Digest)
    flags = (
        Flag.objects.filter(assignee__isnull=False, resolved_at__isnull=True)
        .exclude(state=FlagState.CLOSED)
        .select_related("target__indicator", "target__region", "region")
        .prefetch_related("events")
        .order_by("due_date", "pk")
    )
    for flag in flags:
        digest = by_user[flag.assignee_id]
        if flag.due_date and flag.due_date < today:
            digest.overdue.append(flag)
        elif flag.due_date and flag.due_date <= today + dt.timedelta(DUE_SOON_DAYS):
            digest.due.append(flag)
        assigned = [e for e in flag.events.all() if e.action == "assign"]
        if assigned and assigned[-1].created_at >= since:
            digest.new.append(flag)
    return {pk: d for pk, d in by_user.items() if d}


def _line(flag: Flag) -> str:
    subject = flag.target or flag.region
    due = f",期限{flag.due_date:%Y-%m-%d}" if flag.due_date else ""
    return f"· {subject}:{flag.reason}{due}"


def digest_text(digest: Digest) -> str:
    parts = []
    for title, flags in (
        ("新分派", digest.new),
        ("即将到期", digest.due),
        ("已逾期", digest.overdue),
    ):
        if flags:
            parts.append(f"{title}({len(flags)}条):")
            parts.extend(_line(f) for f in flags)
            parts.append("")
    return "\n".join(parts).strip()


def flags_digest_send(*, today: dt.date | None = None) -> int:
    """Email each responsible person their digest; returns the emails sent."""
    today = today or timezone.localdate()
    users = get_user_model().objects.in_bulk(list(digests(today)))
    sent = 0
    for user_id, digest in digests(today).items():
        user = users.get(user_id)
        if user is None or not user.email:
            continue
        body = (
            f"{user.get_full_name() or user.username},您好:\n\n"
            f"截至{today:%Y年%m月%d日},您负责督办的预警如下:\n\n"
            f"{digest_text(digest)}\n\n请登录达标系统办理。"
        )
        subject = (
            f"【达标】预警督办日报:新分派{len(digest.new)}条,"
            f"即将到期{len(digest.due)}条,逾期{len(digest.overdue)}条"
        )
        sent += send_mail(subject, body, None, [user.email])
    return sent


def robot_payload(text: str) -> dict:
    """The text message both 企业微信 and 钉钉 group robots accept."""
    return {"msgtype": "text", "text": {"content": text}}


def webhook_enqueue(*, text: str) -> WebhookDelivery | None:
    """A pending delivery to the configured robot; None when none is configured."""
    url = settings.DABIAO_WEBHOOK_URL
    if not url:
        return None
    return WebhookDelivery.objects.create(url=url, payload=robot_payload(text))


def webhook_deliver(*, delivery_id: int) -> WebhookDelivery:
    """POST the message, retrying DABIAO_WEBHOOK_ATTEMPTS times with a growing
    pause; the outcome (sent, or failed with the last error) is stored."""
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    if delivery.status == DeliveryStatus.SENT:
        return delivery
    body = json.dumps(delivery.payload, ensure_ascii=False).encode()
    attempts = max(1, settings.DABIAO_WEBHOOK_ATTEMPTS)
    for attempt in range(1, attempts + 1):
        delivery.attempts += 1
        try:
            _post(delivery.url, body)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            delivery.error = f"第{delivery.attempts}次发送失败:{exc}"[:2000]
            if attempt < attempts:
                time.sleep(settings.DABIAO_WEBHOOK_BACKOFF_SECONDS * attempt)
            continue
        delivery.status = DeliveryStatus.SENT
        delivery.error = ""
        delivery.sent_at = timezone.now()
        break
    else:
        delivery.status = DeliveryStatus.FAILED
    delivery.save(update_fields=["attempts", "error", "status", "sent_at"])
    return delivery


def _post(url: str, body: bytes) -> None:
    request = urllib.request.Request(
        url,
        data=body,
        headers={"Content-Type": "application/json; charset=utf-8"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = response.read(65536)
    # Both robots answer 200 with an error code in the body for a refused message.
    try:
        data = json.loads(answer or b"{}")
    except ValueError:
        return
    code = data.get("errcode", 0) if isinstance(data, dict) else 0
    if code:
        raise ValueError(f"机器人返回错误 {code}:{data.get('errmsg', '')}")


def flags_robot_text(*, today: dt.date | None = None) -> str:
    """The group message: how many flags are open, overdue and due soon."""
    today = today or timezone.localdate()
    open_flags = Flag.objects.open().exclude(state=FlagState.CLOSED)
    overdue = open_flags.filter(due_date__lt=today).count()
    due = open_flags.filter(
        due_date__gte=today, due_date__lte=today + dt.timedelta(DUE_SOON_DAYS)
    ).count()
    unassigned = open_flags.filter(state=FlagState.NEW).count()
    return (
        f"【达标】{today:%Y年%m月%d日}预警督办:待分派{unassigned}条,"
        f"即将到期{due}条,已逾期{overdue}条。"
    )
