"""Issue 14, item 14: deleting a document re-judges and cleans up in one
transaction, and a revised copy of a report supersedes its earlier version instead
of duplicating every actual."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from freezegun import freeze_time

from targets.models import Actual, Document, Flag, Mention, Target
from targets.services import documents
from targets.texts import text_similarity, title_key

REPORT = (
    "芜湖市科技局2024年工作总结\n"
    + "".join(f"第{i}项工作稳步推进,各项指标完成情况良好。\n" for i in range(40))
    + "全市高新技术企业总数达到{n}家。\n"
)


@pytest.fixture(autouse=True)
def _today():
    with freeze_time("2025-01-15"):
        yield


def _plan_and_report(ingest, make_record, report_value="600"):
    plan = ingest("plan.txt", [make_record()]).document
    report = ingest(
        "report.txt",
        [make_record(kind="actual", value=report_value, quote="高企600家")],
        text=REPORT.format(n=report_value),
        info={"title": "芜湖市科技局2024年工作总结", "kind": "report"},
    ).document
    return plan, report


def test_deleting_a_report_removes_its_actuals_and_rejudges_the_target(
    ingest, make_record, django_capture_on_commit_callbacks
):
    _, report = _plan_and_report(ingest, make_record)
    target = Target.objects.get()
    assert target.status == "missed"
    assert Flag.objects.open().filter(target=target, kind="missed").exists()
    path = Path(report.file.path)
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        result = documents.document_delete(document=report)

    assert result.actuals_removed == 1
    target.refresh_from_db()
    assert (target.status, target.actual_id, target.actual_norm_value) == (
        "no_data",
        None,
        None,
    )
    assert not Flag.objects.open().filter(target=target).exists()
    assert Actual.objects.count() == 0
    assert not Document.objects.filter(pk=report.pk).exists()
    assert not path.exists()


def test_deleting_the_only_plan_removes_its_targets_and_their_flags(
    ingest, make_record, django_capture_on_commit_callbacks
):
    plan, _ = _plan_and_report(ingest, make_record)

    with django_capture_on_commit_callbacks(execute=True):
        result = documents.document_delete(document=plan)

    assert result.targets_removed == 1
    assert Target.objects.count() == 0
    assert Flag.objects.filter(target__isnull=False).count() == 0
    # The report's figure stays: it is that document's evidence.
    assert Actual.objects.count() == 1


def test_a_target_stated_in_another_document_too_stays(ingest, make_record):
    plan = ingest("plan.txt", [make_record()]).document
    ingest("speech.txt", [make_record(quote="高企达到750家以上")])

    documents.document_delete(document=plan)

    target = Target.objects.get()
    assert list(target.mentions.values_list("document__name", flat=True)) == [
        "speech.txt"
    ]
    assert target.plan is None


def test_a_failed_cleanup_deletes_nothing_and_keeps_the_file(
    ingest, make_record, monkeypatch, django_capture_on_commit_callbacks
):
    _, report = _plan_and_report(ingest, make_record)
    path = Path(report.file.path)

    def broken(**kwargs):
        raise RuntimeError("judging failed")

    monkeypatch.setattr(documents, "targets_evaluate", broken)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
    ):
        documents.document_delete(document=report)

    assert Document.objects.filter(pk=report.pk).exists()
    assert Actual.objects.count() == 1
    assert path.exists()


def test_the_admin_delete_goes_through_the_service(
    admin_client, ingest, make_record, django_capture_on_commit_callbacks
):
    _, report = _plan_and_report(ingest, make_record)
    url = reverse("admin:targets_document_delete", args=[report.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"post": "yes"})

    assert response.status_code == 302
    assert Target.objects.get().status == "no_data"


def test_a_revised_copy_of_a_report_supersedes_the_earlier_version(
    ingest, make_record, django_capture_on_commit_callbacks
):
    _, first = _plan_and_report(ingest, make_record)
    revised_text = REPORT.format(n="620").replace("稳步推进", "稳步推进!", 1)

    with django_capture_on_commit_callbacks(execute=True):
        result = ingest(
            "report-v2.txt",
            [make_record(kind="actual", value="620", quote="高企620家")],
            text=revised_text,
            info={"title": "芜湖市科技局2024年工作总结(修订版)", "kind": "report"},
        )

    assert result.superseded == [first.pk]
    assert not Document.objects.filter(pk=first.pk).exists()
    assert list(Actual.objects.values_list("norm_value", flat=True)) == [Decimal(620)]
    target = Target.objects.get()
    assert target.actual_norm_value == Decimal(620)
    assert Mention.objects.filter(document__name="report.txt").count() == 0


@pytest.mark.parametrize(
    ("title", "text", "supersedes"),
    [
        # Another report of the same office: same boilerplate, other content.
        (
            "芜湖市科技局2024年工作总结",
            "芜湖市科技局2024年工作总结\n"
            + "".join(f"第{i}条,全市专利授权量稳定增长。\n" for i in range(40)),
            False,
        ),
        # The same text under another title is another document.
        ("芜湖市科技局2024年上半年工作总结", REPORT.format(n="620"), False),
    ],
)
def test_a_different_report_supersedes_nothing(
    ingest, make_record, title, text, supersedes
):
    _, first = _plan_and_report(ingest, make_record)

    result = ingest(
        "other.txt",
        [make_record(kind="actual", value="620", quote="高企620家")],
        text=text,
        info={"title": title, "kind": "report"},
    )

    assert bool(result.superseded) is supersedes
    assert Document.objects.filter(pk=first.pk).exists()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("芜湖市2024年工作总结", "芜湖市2024年工作总结(修订版)", True),
        ("芜湖市2024年工作总结", "芜湖市 2024 年工作总结【更正稿】", True),
        ("芜湖市2024年工作总结", "芜湖市2023年工作总结", False),
    ],
)
def test_title_key_ignores_revision_marks_and_spacing(a, b, same):
    assert (title_key(a) == title_key(b)) is same


def test_text_similarity_of_a_one_character_edit_is_near_one():
    text = REPORT.format(n="600")
    assert text_similarity(text, text.replace("良好", "良女", 1)) > 0.9
    assert text_similarity(text, "完全不同的一段文字,与上文没有关系。" * 20) < 0.2
