"""Notifications: the daily digest email per responsible person; the group robot
against a local HTTP server, retried on 500 and recorded when it keeps failing."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from freezegun import freeze_time

from targets.models import Actual, Flag, WebhookDelivery
from targets.services.flags import targets_refresh
from targets.services.notify import (
    flags_digest_send,
    robot_payload,
    webhook_deliver,
    webhook_enqueue,
)
from targets.services.supervision import flag_assign
from targets.tasks import send_flags_digest


class Robot:
    """A local stand-in for the 企业微信/钉钉 robot: records bodies, answers with
    the queued statuses (then 200)."""

    def __init__(self) -> None:
        self.bodies: list[dict] = []
        self.statuses: list[int] = []
        robot = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                robot.bodies.append(json.loads(self.rfile.read(length)))
                status = robot.statuses.pop(0) if robot.statuses else 200
                answer = json.dumps({"errcode": 0, "errmsg": "ok"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/cgi-bin/webhook/send"


@pytest.fixture
def robot(settings) -> Iterator[Robot]:
    robot = Robot()
    thread = threading.Thread(target=robot.server.serve_forever, daemon=True)
    thread.start()
    settings.DABIAO_WEBHOOK_URL = robot.url
    settings.DABIAO_WEBHOOK_ATTEMPTS = 3
    settings.DABIAO_WEBHOOK_BACKOFF_SECONDS = 0
    yield robot
    robot.server.shutdown()
    robot.server.server_close()


@pytest.fixture
def assigned(high_tech_target, editor, make_user) -> Flag:
    Actual.objects.create(
        region=high_tech_target.region,
        indicator=high_tech_target.indicator,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=Decimal(700),
        unit="家",
        norm_value=Decimal(700),
        norm_unit="count",
        source="manual",
    )
    targets_refresh(today=dt.date(2025, 2, 1))
    person = make_user("wang", email="wang@example.cn", first_name="王科长")
    flag = Flag.objects.get()
    with freeze_time("2025-02-01 08:00:00+08:00"):
        flag_assign(
            flag=flag,
            user=editor,
            unit_department="市科技局",
            assignee=person,
            due_date=dt.date(2025, 2, 3),
        )
    return flag


@freeze_time("2025-02-01 09:00:00+08:00")
def test_the_digest_mails_each_responsible_person_their_new_and_due_flags(assigned):
    assert flags_digest_send() == 1

    (message,) = mail.outbox
    assert message.to == ["wang@example.cn"]
    assert message.subject == "【达标】预警督办日报:新分派1条,即将到期1条,逾期0条"
    assert message.body == (
        "王科长,您好:\n\n截至2025年02月01日,您负责督办的预警如下:\n\n"
        "新分派(1条):\n"
        "· 芜湖市 高新技术企业数 2024年 ≥750家:"
        "实际700家(2024年),未达到目标≥750家(2024年),期限2025-02-03\n\n"
        "即将到期(1条):\n"
        "· 芜湖市 高新技术企业数 2024年 ≥750家:"
        "实际700家(2024年),未达到目标≥750家(2024年),期限2025-02-03"
        "\n\n请登录达标系统办理。"
    )


def test_overdue_flags_are_in_the_digest(assigned):
    with freeze_time("2025-02-10 09:00:00+08:00"):
        flags_digest_send()

    assert mail.outbox[0].subject.endswith("新分派0条,即将到期0条,逾期1条")
    assert "已逾期(1条):" in mail.outbox[0].body


@freeze_time("2025-02-01 09:00:00+08:00")
def test_the_daily_task_mails_and_posts_to_the_robot(
    assigned, robot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = send_flags_digest()

    assert result["emails"] == 1
    assert robot.bodies == [
        {
            "msgtype": "text",
            "text": {
                "content": "【达标】2025年02月01日预警督办:"
                "待分派0条,即将到期1条,已逾期0条。"
            },
        }
    ]
    delivery = WebhookDelivery.objects.get(pk=result["webhook"])
    assert (delivery.status, delivery.attempts, delivery.error) == ("sent", 1, "")


def test_a_robot_answering_500_is_retried(robot, db):
    robot.statuses = [500, 500]
    delivery = webhook_enqueue(text="测试")

    delivery = webhook_deliver(delivery_id=delivery.pk)

    assert (delivery.status, delivery.attempts) == ("sent", 3)
    assert len(robot.bodies) == 3
    assert robot.bodies[-1] == robot_payload("测试")


def test_a_robot_that_keeps_failing_is_recorded_not_lost(robot, db):
    robot.statuses = [500, 500, 500]
    delivery = webhook_enqueue(text="测试")

    delivery = webhook_deliver(delivery_id=delivery.pk)

    assert (delivery.status, delivery.attempts) == ("failed", 3)
    assert "第3次发送失败" in delivery.error
    assert "500" in delivery.error
    assert WebhookDelivery.objects.get().status == "failed"


def test_no_robot_url_sends_nothing(settings, db):
    settings.DABIAO_WEBHOOK_URL = ""
    assert webhook_enqueue(text="测试") is None


def test_the_digest_is_on_the_beat_schedule_editable_in_the_admin(admin_client):
    from django.conf import settings as conf

    assert conf.CELERY_BEAT_SCHEDULE["daily-flags-digest"]["task"] == (
        "targets.tasks.send_flags_digest"
    )
    page = admin_client.get("/admin/django_celery_beat/periodictask/")
    assert page.status_code == 200
