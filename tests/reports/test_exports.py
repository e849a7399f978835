"""Export jobs: request, the Celery task (claim, retry, failure), admin action, exports
added and re-run in the admin, and the export_scorecard command."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from celery.exceptions import Retry
from django.contrib import admin
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.urls import reverse
from openpyxl import load_workbook

from reports import services
from reports.admin_actions import export_scorecard_action
from reports.models import Export, ExportStatus
from reports.tasks import run_export
from targets.models import Target


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("officer", password="pw-12345678")


def _export_files(settings) -> list[str]:
    # Files sit in unguessable folders (config.files.PrivateStorage): list files.
    folder = Path(settings.MEDIA_ROOT) / "exports"
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def test_requested_export_runs_after_commit_and_stores_the_workbook(
    scorecard_world, user, city, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = services.export_request(
            user=user, scope={"region": "芜湖市", "year": "2024"}
        )
        run_export.delay_on_commit(export.pk)

    export.refresh_from_db()
    assert export.scope == {"region": city.pk, "year": 2024}
    assert (export.status, export.row_count, export.error) == (
        ExportStatus.DONE,
        4,
        "",
    )
    assert export.requested_by == user
    assert export.started_at <= export.finished_at
    assert export.file.name == f"exports/scorecard-{export.pk}.xlsx"
    assert _export_files(settings) == [f"scorecard-{export.pk}.xlsx"]
    wb = load_workbook(export.file.path)
    assert wb["总览"]["A1"].value == "目标计分卡 — 芜湖市(含下辖地区) 2024年"
    assert wb["目标明细"].max_row == 5


def test_a_bad_scope_is_refused_and_nothing_is_stored(db, user):
    with pytest.raises(ValidationError, match="找不到地区"):
        services.export_request(user=user, scope={"region": "火星市"})
    with pytest.raises(ValidationError, match="不支持的导出范围"):
        services.export_request(user=user, scope={"month": 3})
    with pytest.raises(ValidationError, match="年度必须是数字"):
        services.export_request(user=user, scope={"year": "明年"})

    assert Export.objects.count() == 0


def test_the_task_does_nothing_unless_it_claims_a_pending_export(
    scorecard_world, user, settings
):
    export = Export.objects.create(requested_by=user, status=ExportStatus.DONE)

    run_export(export.pk)

    export.refresh_from_db()
    assert (export.status, export.file.name, export.started_at) == (
        ExportStatus.DONE,
        "",
        None,
    )
    assert _export_files(settings) == []


def test_running_an_export_again_replaces_its_file_instead_of_adding_one(
    scorecard_world, user, settings
):
    export = Export.objects.create(requested_by=user, scope={})
    run_export(export.pk)
    # A redelivered message after the row was handed back to the queue.
    Export.objects.filter(pk=export.pk).update(status=ExportStatus.PENDING)
    run_export(export.pk)

    export.refresh_from_db()
    assert export.status == ExportStatus.DONE
    assert export.file.name == f"exports/scorecard-{export.pk}.xlsx"
    assert _export_files(settings) == [f"scorecard-{export.pk}.xlsx"]


def test_a_transient_database_error_hands_the_export_back_and_the_retry_finishes_it(
    scorecard_world, user, settings, monkeypatch
):
    real_write = services._write
    calls = []

    def flaky_write(out, scope):
        calls.append(scope)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return real_write(out, scope)

    monkeypatch.setattr(services, "_write", flaky_write)
    export = Export.objects.create(requested_by=user, scope={})

    # Run it as a worker would (a delivered message, not eager): autoretry sends the
    # retry (executed at once here, since tests have no broker) and tells the worker
    # with Retry.
    run_export.push_request(
        id="delivered-1", args=[export.pk], kwargs={}, retries=0, called_directly=False
    )
    try:
        with pytest.raises(Retry):
            run_export.run(export.pk)
    finally:
        run_export.pop_request()

    export.refresh_from_db()
    assert len(calls) == 2
    assert (export.status, export.row_count, export.error) == (
        ExportStatus.DONE,
        5,
        "",
    )
    assert _export_files(settings) == [f"scorecard-{export.pk}.xlsx"]


def _always_locked(out, scope):
    raise OperationalError("database is locked")


def test_the_last_retry_records_the_error_on_the_export(
    scorecard_world, user, settings, monkeypatch
):
    monkeypatch.setattr(services, "_write", _always_locked)
    export = Export.objects.create(requested_by=user, scope={})

    run_export.apply(args=[export.pk], retries=run_export.max_retries)

    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED
    assert export.error == "数据库暂时不可用,已重试仍失败:database is locked"
    assert export.finished_at is not None
    assert _export_files(settings) == []


def test_without_a_broker_a_transient_error_fails_the_export_without_raising(
    scorecard_world, user, monkeypatch
):
    monkeypatch.setattr(services, "_write", _always_locked)
    export = Export.objects.create(requested_by=user, scope={})

    run_export.delay(export.pk)

    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED
    assert "database is locked" in export.error


def test_an_export_whose_scope_no_longer_resolves_fails_with_a_chinese_error(
    db, user, settings
):
    export = Export.objects.create(requested_by=user, scope={"region": 999999})

    run_export(export.pk)

    export.refresh_from_db()
    assert (export.status, export.error) == (ExportStatus.FAILED, "找不到地区:999999")
    assert _export_files(settings) == []


def _admin_request(rf, user):
    request = rf.post("/admin/targets/target/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_admin_action_exports_the_selected_targets(
    scorecard_world, user, rf, django_capture_on_commit_callbacks
):
    picked = Target.objects.filter(
        pk__in=[scorecard_world["met"].pk, scorecard_world["missed"].pk]
    )
    request = _admin_request(rf, user)

    with django_capture_on_commit_callbacks(execute=True):
        export_scorecard_action(admin.ModelAdmin(Target, admin.site), request, picked)

    export = Export.objects.get()
    assert export.scope == {
        "target_ids": sorted([scorecard_world["met"].pk, scorecard_world["missed"].pk])
    }
    assert (export.status, export.row_count) == (ExportStatus.DONE, 2)
    assert [str(m) for m in get_messages(request)] == [
        f"已提交计分卡导出任务 #{export.pk}(共 2 个目标),生成后可在“导出任务”中下载。"
    ]
    assert export_scorecard_action.short_description == "导出计分卡"


def test_admin_action_with_nothing_selected_explains_why(db, user, rf):
    request = _admin_request(rf, user)

    export_scorecard_action(
        admin.ModelAdmin(Target, admin.site), request, Target.objects.none()
    )

    assert Export.objects.count() == 0
    assert [str(m) for m in get_messages(request)] == ["导出失败:请至少选择一个目标"]


def test_command_writes_the_scorecard_and_reports_rows_and_path(
    scorecard_world, tmp_path
):
    out = tmp_path / "out" / "scorecard.xlsx"
    stdout = StringIO()

    call_command(
        "export_scorecard", "--out", str(out), "--region", "南陵县", stdout=stdout
    )

    assert stdout.getvalue().strip() == f"已导出 2 个目标 → {out}"
    assert load_workbook(out)["目标明细"].max_row == 3
    assert sorted(p.name for p in out.parent.iterdir()) == ["scorecard.xlsx"]


def test_command_filters_by_year_and_document(scorecard_world, tmp_path):
    out = tmp_path / "s.xlsx"
    stdout = StringIO()

    call_command(
        "export_scorecard",
        "--out",
        str(out),
        "--year",
        "2024",
        "--document",
        "南陵县2024年科技工作要点",
        stdout=stdout,
    )

    assert stdout.getvalue().startswith("已导出 2 个目标")


def test_command_refuses_an_unknown_region_and_writes_nothing(
    scorecard_world, tmp_path
):
    out = tmp_path / "s.xlsx"

    with pytest.raises(CommandError, match="找不到地区:火星市"):
        call_command("export_scorecard", "--out", str(out), "--region", "火星市")

    assert list(tmp_path.iterdir()) == []


def test_an_export_left_running_by_a_dead_worker_is_claimed_again(
    scorecard_world, user, settings
):
    from django.utils import timezone

    long_ago = timezone.now() - dt.timedelta(
        seconds=settings.CELERY_TASK_TIME_LIMIT + 120
    )
    abandoned = Export.objects.create(
        requested_by=user, status=ExportStatus.RUNNING, started_at=long_ago
    )
    busy = Export.objects.create(
        requested_by=user, status=ExportStatus.RUNNING, started_at=timezone.now()
    )

    run_export(abandoned.pk)
    run_export(busy.pk)

    abandoned.refresh_from_db()
    busy.refresh_from_db()
    assert (abandoned.status, abandoned.row_count) == (ExportStatus.DONE, 5)
    assert abandoned.started_at > long_ago
    assert (busy.status, busy.file.name) == (ExportStatus.RUNNING, "")


def test_a_scorecard_added_in_the_admin_runs_and_can_be_run_again(
    admin_client, scorecard_world, city, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        added = admin_client.post(
            reverse("admin:reports_export_add"),
            {"kind": "scorecard", "scope": json.dumps({"region": "芜湖市"})},
        )
    assert added.status_code == 302, added.context["adminform"].form.errors
    export = Export.objects.get()
    assert (export.status, export.scope, export.row_count) == (
        ExportStatus.DONE,
        {"region": city.pk},
        4,
    )
    first_finish = export.finished_at

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:reports_export_changelist"),
            {"action": "rerun", "_selected_action": [export.pk]},
        )

    export.refresh_from_db()
    assert export.status == ExportStatus.DONE
    assert export.finished_at > first_finish
    assert Export.objects.count() == 1
    assert export.file.name == f"exports/scorecard-{export.pk}.xlsx"


def test_a_bad_scorecard_scope_in_the_admin_is_a_form_message(admin_client, db):
    response = admin_client.post(
        reverse("admin:reports_export_add"),
        {"kind": "scorecard", "scope": json.dumps({"region": "火星市"})},
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert any("找不到地区" in e for e in errors)
    assert Export.objects.count() == 0
