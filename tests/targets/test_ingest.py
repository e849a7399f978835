"""Ingest: records become one Target per key, Actuals, Mentions and conflict flags,
in one transaction per document."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from freezegun import freeze_time

from targets.models import (
    Actual,
    Document,
    DocumentKind,
    DocumentStatus,
    Flag,
    Indicator,
    Mention,
    Region,
    Target,
)
from targets.services import documents, merging


@pytest.fixture(autouse=True)
def _today():
    # Early 2025: the 2024 targets have ended but are still within the grace period.
    with freeze_time("2025-01-15"):
        yield


def test_a_plan_becomes_targets_with_their_mentions(ingest, make_record):
    result = ingest(
        "plan.txt",
        [
            make_record(),
            make_record(
                indicator="技术合同成交额",
                indicator_code="tech_contract_turnover",
                comparator=">",
                value="2.8",
                unit="亿元",
                norm_value="280000000",
                norm_unit="元",
            ),
        ],
        info={"title": "芜湖市2024年工作要点", "kind": "plan"},
    )

    document = result.document
    assert (result.created, result.targets_created, result.mentions) == (True, 2, 2)
    assert (document.status, document.kind, document.year) == ("done", "plan", 2024)
    assert document.title == "芜湖市2024年工作要点"
    assert document.region.name == "芜湖市"
    rows = sorted(
        Target.objects.values_list(
            "indicator__code", "comparator", "norm_value", "tier", "plan__name"
        )
    )
    assert rows == [
        ("high_tech_enterprises", ">=", Decimal("750"), "base", "plan.txt"),
        ("tech_contract_turnover", ">", Decimal("280000000"), "base", "plan.txt"),
    ]
    # Judged straight away: no data yet, still within the grace period.
    assert set(Target.objects.values_list("status", flat=True)) == {"no_data"}


def test_a_goal_stated_twice_is_one_target_with_two_mentions(ingest, make_record):
    result = ingest(
        "plan.txt",
        [
            make_record(quote="高新技术企业总数达到750家以上"),
            make_record(quote="力争2024年高企总数达到750家以上", stretch=True),
        ],
    )

    target = Target.objects.get()
    assert (result.targets_created, result.targets_merged) == (1, 1)
    assert target.tier == "base"
    assert sorted(target.mentions.values_list("quote", "stretch")) == [
        ("力争2024年高企总数达到750家以上", True),
        ("高新技术企业总数达到750家以上", False),
    ]


def test_a_stretch_goal_with_another_value_is_its_own_tier(ingest, make_record):
    ingest(
        "plan.txt",
        [make_record(value="750"), make_record(value="800", stretch=True)],
    )

    assert sorted(Target.objects.values_list("tier", "norm_value")) == [
        ("base", Decimal("750")),
        ("stretch", Decimal("800")),
    ]
    assert not Flag.objects.exists()


def test_named_tiers_are_separate_targets(ingest, make_record):
    ingest(
        "plan.txt",
        [
            make_record(measure="growth", value="12", unit="%", tier="人大报告目标"),
            make_record(measure="growth", value="15", unit="%", tier="工作目标"),
        ],
    )

    assert sorted(Target.objects.values_list("tier", "norm_value")) == [
        ("人大报告目标", Decimal("12")),
        ("工作目标", Decimal("15")),
    ]


def test_a_conflicting_value_is_flagged_not_overwritten(ingest, make_record):
    ingest("plan.txt", [make_record(value="750")])
    result = ingest("revised.txt", [make_record(value="800", quote="高企达到800家")])

    target = Target.objects.get()
    flag = Flag.objects.get(kind="conflict")
    assert target.norm_value == Decimal("750")
    assert result.conflicts == 1
    assert flag.target == target
    assert flag.is_open
    assert "高企达到800家" in flag.reason
    assert "revised.txt" in flag.reason
    # The conflicting statement is kept as evidence on the same target.
    assert sorted(target.mentions.values_list("raw_value", flat=True)) == [
        Decimal("750"),
        Decimal("800"),
    ]


def test_the_same_goal_in_a_second_document_is_more_evidence(ingest, make_record):
    ingest("plan.txt", [make_record()])
    result = ingest("speech.txt", [make_record(quote="高企达到750家以上")])

    assert (result.targets_created, result.targets_merged) == (0, 1)
    target = Target.objects.get()
    assert target.plan.name == "plan.txt"
    assert sorted(target.mentions.values_list("document__name", flat=True)) == [
        "plan.txt",
        "speech.txt",
    ]


def test_the_same_content_twice_adds_nothing_and_says_so(ingest, make_record, engine):
    first = ingest("plan.txt", [make_record()], text="同一内容")
    counts = (Document.objects.count(), Target.objects.count(), Mention.objects.count())

    again = ingest("copy.txt", [make_record()], text="同一内容")

    assert first.created and not first.duplicate
    assert again.duplicate and not again.created
    assert again.document == first.document
    assert "相同" in again.warnings[0]
    assert engine.calls == ["plan.txt"]
    assert (
        Document.objects.count(),
        Target.objects.count(),
        Mention.objects.count(),
    ) == counts


def test_actuals_are_stored_per_document_with_their_mentions(ingest, make_record):
    result = ingest(
        "report.txt",
        [
            make_record(kind="actual", comparator="=", value="780", quote="高企780家"),
            make_record(kind="actual", comparator="=", value="780", quote="共780家"),
        ],
        published=dt.date(2025, 2, 1),
    )

    actual = Actual.objects.get()
    assert (result.actuals_created, result.actuals_merged) == (1, 1)
    assert (actual.document.name, actual.source, actual.reported_date) == (
        "report.txt",
        "document",
        dt.date(2025, 2, 1),
    )
    assert actual.mentions.count() == 2


def test_records_of_unknown_indicators_create_non_catalog_indicators(
    ingest, make_record
):
    ingest(
        "plan.txt",
        [
            make_record(
                indicator="六安院孵化毕业企业数", indicator_code=None, value="20"
            )
        ],
    )

    indicator = Indicator.objects.get(name="六安院孵化毕业企业数")
    assert (indicator.in_catalog, indicator.code, indicator.norm_unit) == (
        False,
        None,
        "count",
    )
    assert Target.objects.get().indicator == indicator


def test_a_bare_city_name_and_the_full_name_are_one_region(ingest, make_record):
    ingest(
        "plan.txt",
        [
            make_record(region="南昌", value="2000"),
            make_record(region="南昌市", value="2000"),
        ],
        info={"region": "南昌"},
    )

    assert list(Region.objects.values_list("name", flat=True)) == ["南昌市"]
    assert Target.objects.get().mentions.count() == 2


def test_a_county_named_in_a_city_document_sits_under_the_city(ingest, make_record):
    ingest("plan.txt", [make_record(region="南陵县", value="40")])

    county = Region.objects.get(name="南陵县")
    assert (county.level, county.parent.name) == ("county", "芜湖市")


def test_missing_region_and_period_come_from_the_document(ingest, make_record):
    ingest(
        "plan.txt",
        [make_record(region=None, period=None)],
        info={"region": "六安市", "year": 2024, "kind": "plan"},
    )

    target = Target.objects.get()
    assert (target.region.name, target.period_label) == ("六安市", "2024年")


def test_a_record_without_any_period_is_skipped_with_a_warning(ingest, make_record):
    result = ingest(
        "note.txt",
        [make_record(period=None), make_record(period="2024", value="9")],
        info={"year": None},
    )

    assert result.skipped == 1
    assert "无法确定期间" in result.warnings[0]
    assert Target.objects.count() == 1


def test_a_given_region_and_kind_win_over_what_the_engine_read(ingest, make_record):
    result = ingest(
        "plan.txt",
        [make_record(region=None)],
        info={"region": "芜湖市", "kind": "both"},
        region="南昌",
        kind="report",
    )

    assert result.document.region.name == "南昌市"
    assert result.document.kind == DocumentKind.REPORT
    assert Target.objects.get().region.name == "南昌市"


def test_a_failure_leaves_nothing_half_written_and_records_the_error(
    ingest, make_record, monkeypatch
):
    def explode(self, *args, **kwargs):
        raise RuntimeError("磁盘已满")

    monkeypatch.setattr(merging.Merger, "_actual", explode)

    result = ingest(
        "report.txt",
        [make_record(), make_record(kind="actual", comparator="=", value="780")],
    )

    document = Document.objects.get()
    assert result.failed
    assert (document.status, document.error) == (
        DocumentStatus.FAILED,
        "RuntimeError: 磁盘已满",
    )
    assert Target.objects.count() == 0
    assert Mention.objects.count() == 0
    assert Region.objects.count() == 0


def test_a_failed_document_is_processed_again_when_resubmitted(
    ingest, make_record, monkeypatch
):
    real_target = merging.Merger._target
    broken = [True]

    def flaky(self, *args):
        if broken[0]:
            raise ValueError("暂时故障")
        return real_target(self, *args)

    monkeypatch.setattr(merging.Merger, "_target", flaky)
    assert ingest("plan.txt", [make_record()], text="同一内容").failed
    broken[0] = False

    result = documents.document_ingest(data="同一内容".encode(), name="plan.txt")

    assert (result.failed, result.targets_created) == (False, 1)
    assert result.document.status == DocumentStatus.DONE
    assert result.document.error == ""


def test_processing_a_done_document_again_does_nothing(ingest, make_record):
    result = ingest("plan.txt", [make_record()])

    again = documents.document_process(document=result.document)

    assert again.duplicate
    assert Mention.objects.count() == 1


def test_an_unknown_kind_is_refused(engine):
    with pytest.raises(ValidationError, match="文件类型"):
        documents.document_create(data=b"abc", name="a.txt", kind="memo")
    assert not Document.objects.exists()


# --- The ingest command ---------------------------------------------------------------


def test_the_command_prints_progress_and_a_summary(engine, make_record, tmp_path):
    plan, report = tmp_path / "plan.txt", tmp_path / "report.txt"
    plan.write_text("计划", encoding="utf-8")
    report.write_text("总结", encoding="utf-8")
    engine.returns("plan.txt", [make_record(), make_record(value="750", stretch=True)])
    engine.returns(
        "report.txt", [make_record(kind="actual", comparator="=", value="700")]
    )
    out = io.StringIO()

    call_command(
        "ingest", str(plan), str(report), "--published", "2025-02-01", stdout=out
    )

    lines = out.getvalue().splitlines()
    assert lines[0] == "[1/2] plan.txt: 目标 2, 实际 0, 其中合并 1"
    assert lines[1] == "[2/2] report.txt: 目标 0, 实际 1"
    assert lines[-1] == (
        "共 2 个文件:导入 2,重复 0,失败 0。新增目标 1,合并重复表述 1,"
        "新增实际值 1,原文依据 3,冲突 0,跳过 0,新预警 1"
    )
    assert Target.objects.get().status == "missed"
    assert Document.objects.get(name="report.txt").published == dt.date(2025, 2, 1)


def test_a_bad_file_gets_one_line_and_the_others_continue(
    engine, make_record, tmp_path
):
    good = tmp_path / "plan.txt"
    good.write_text("计划", encoding="utf-8")
    engine.returns("plan.txt", [make_record()])
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError) as excinfo:
        call_command(
            "ingest", str(tmp_path / "missing.txt"), str(good), stdout=out, stderr=err
        )

    assert excinfo.value.returncode == 1
    assert err.getvalue().strip() == "[1/2] missing.txt: 错误:文件不存在"
    assert "[2/2] plan.txt: 目标 1, 实际 0" in out.getvalue()
    assert Target.objects.count() == 1


def test_the_command_says_when_content_was_ingested_before(
    engine, make_record, tmp_path
):
    path = tmp_path / "plan.txt"
    path.write_text("计划", encoding="utf-8")
    engine.returns("plan.txt", [make_record()])
    call_command("ingest", str(path), stdout=io.StringIO())
    out = io.StringIO()

    call_command("ingest", str(path), stdout=out)

    assert (
        out.getvalue().splitlines()[0] == "plan.txt: 内容重复,已跳过(与“plan.txt”相同)"
    )


def test_ingest_loads_the_catalog_when_it_is_missing(db, monkeypatch, make_record):
    from targets.extraction.records import DocumentInfo, Extraction

    extraction = Extraction(DocumentInfo("芜湖市", 2024, "", "plan"), [make_record()])
    monkeypatch.setattr(documents, "document_extract", lambda document: extraction)

    documents.document_ingest(data="计划".encode(), name="plan.txt")

    indicator = Target.objects.get().indicator
    assert (indicator.code, indicator.in_catalog) == ("high_tech_enterprises", True)
    assert Indicator.objects.filter(in_catalog=True).count() > 40


def test_a_base_statement_repeating_a_stretch_goal_is_the_same_goal(
    ingest, make_record
):
    ingest("plan.txt", [make_record(value="2000", comparator=">", stretch=True)])
    result = ingest("summary.txt", [make_record(value="2000", comparator=">")])

    target = Target.objects.get()
    assert (result.targets_created, result.targets_merged) == (0, 1)
    assert (target.tier, target.mentions.count()) == ("stretch", 2)


REPORT_TEXT = "(一)完成情况\n全市高企达到780家。以上指标均完成年度目标任务。"


@pytest.mark.parametrize("report_first", [False, True])
def test_a_report_claim_reaches_the_plans_goal_but_not_its_stretch(
    ingest, make_record, report_first
):
    at = REPORT_TEXT.index("全市高企")
    report = (
        "report.txt",
        [
            make_record(
                kind="actual",
                comparator="=",
                value="780",
                quote="全市高企达到780家",
                start=at,
                end=at + len("全市高企达到780家"),
            )
        ],
    )
    plan = (
        "plan.txt",
        [make_record(value="750"), make_record(value="800", stretch=True)],
    )
    for name, records in [report, plan] if report_first else [plan, report]:
        text = REPORT_TEXT if name == "report.txt" else None
        ingest(name, records, text=text)

    claims = sorted(Target.objects.values_list("tier", "claimed_status", "claim_quote"))
    assert claims == [
        ("base", "met", "以上指标均完成年度目标任务"),
        ("stretch", "", ""),
    ]
    # The stretch goal is missed, but nobody claimed it: no mismatch.
    assert not Flag.objects.filter(kind="claim_mismatch").exists()


def test_a_value_too_large_for_the_database_is_skipped(ingest, make_record):
    result = ingest(
        "plan.txt", [make_record(value="1e21"), make_record(value="750", start=500)]
    )

    assert (result.failed, result.skipped, result.targets_created) == (False, 1, 1)
    assert "数值超出范围" in result.warnings[0]


@pytest.mark.parametrize(
    ("kind", "placed"),
    [
        ("plan", ["target", "actual"]),
        ("report", ["target", "actual"]),
        ("both", ["actual"]),
    ],
)
def test_an_undated_goal_in_a_summary_and_plan_is_ambiguous(
    ingest, make_record, kind, placed
):
    result = ingest(
        "doc.txt",
        [
            make_record(period=None),
            make_record(kind="actual", comparator="=", period=None, value="700"),
        ],
        info={"kind": kind, "year": 2024},
    )

    got = ["target"] * Target.objects.count() + ["actual"] * Actual.objects.count()
    assert got == placed
    assert result.skipped == 2 - len(placed)
