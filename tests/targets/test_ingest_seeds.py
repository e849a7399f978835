"""The real engine on the five seeds, plus invented follow-up reports of the same
cities (tests/data/ingest/), end to end through `ingest` and `evaluate --json`."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from freezegun import freeze_time

from targets.extraction import extract, load_document
from targets.models import Actual, Document, Flag, Mention, Target
from targets.periods import Period

SEEDS = sorted((Path(settings.BASE_DIR) / "seeds").glob("*.txt"))
DATA = Path(settings.BASE_DIR) / "tests" / "data" / "ingest"
FOLLOW_UPS = sorted(DATA.glob("*.txt"))
# Reports that supersede the follow-ups (ingested by one test only).
LATER = DATA / "later"


@pytest.fixture(autouse=True)
def _today():
    with freeze_time("2025-06-01"):
        yield


def ingest(*paths: Path) -> str:
    out = io.StringIO()
    call_command("ingest", *map(str, paths), stdout=out)
    return out.getvalue()


def evaluate_json() -> list[dict]:
    out = io.StringIO()
    call_command("evaluate", "--json", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def snapshot() -> tuple:
    return (
        Document.objects.count(),
        Target.objects.count(),
        Actual.objects.count(),
        Mention.objects.count(),
        Flag.objects.count(),
        sorted(Target.objects.values_list("pk", "status", "norm_value")),
    )


def test_the_seeds_give_one_target_per_distinct_goal_and_reingest_changes_nothing(
    catalog,
):
    assert len(SEEDS) == 5
    ingest(*SEEDS)

    goals = Counter(
        Target.objects.values_list(
            "region__name", "indicator__name", "measure", "period_start", "norm_value"
        )
    )
    assert [goal for goal, n in goals.items() if n > 1] == []
    liuan = Target.objects.get(
        region__name="六安市", indicator__name="高新技术企业数", measure="level"
    )
    assert (liuan.norm_value, liuan.tier, liuan.mentions.count()) == (750, "base", 2)
    assert Target.objects.filter(region__name="六安市").count() == 14
    # Every target statement the engine found is kept as evidence on some row.
    extracted = sum(
        1
        for path in SEEDS
        for r in extract(load_document(path).text, path.name).records
        if r.kind == "target"
    )
    assert Mention.objects.filter(kind="target").count() == extracted

    before = snapshot()
    output = ingest(*SEEDS)

    assert snapshot() == before
    assert output.count("内容重复,已跳过") == 5


def test_seed_001_judged_against_itself_and_seed_004s_estimate(catalog):
    ingest(*SEEDS)

    high_tech = Target.objects.get(
        region__name="XX市", indicator__name="高新技术企业数", measure="level"
    )
    turnover = Target.objects.get(
        region__name="XX市", indicator__name="技术合同成交额", tier="base"
    )
    assert (high_tech.norm_value, high_tech.actual_norm_value) == (230, 224)
    assert high_tech.status == "missed"
    assert (turnover.norm_value, turnover.actual_norm_value) == (180000000, 244000000)
    assert turnover.status == "met"
    # The plan part's "突破2.8亿元" for the same key is a conflict, not an overwrite.
    assert Flag.objects.get(target=turnover, kind="conflict").is_open
    assert turnover.claimed_status == "met"
    # The report claims its patent targets were exceeded; its own figures say not.
    mismatched = Flag.objects.filter(kind="claim_mismatch").values_list(
        "target__indicator__name", flat=True
    )
    assert sorted(mismatched) == ["有效发明专利拥有量", "每万人口有效发明专利拥有量"]
    # Seed 004's "预计全年高新技术企业数量1950家" is stored as an estimate.
    estimate = Actual.objects.get(
        region__name="南昌市",
        indicator__name="高新技术企业数",
        measure="level",
        period_start__year=2021,
    )
    assert (estimate.norm_value, estimate.estimate) == (1950, True)


EXPECTED = {
    # (region, indicator, period, tier): (status, provisional, actual, actual period)
    ("六安市", "高新技术企业数", "2024", "base"): ("met", False, 768, "2024"),
    ("六安市", "科技型中小企业数", "2024", "base"): ("missed", False, 1302, "2024"),
    ("六安市", "科技创新平台数", "2024", "base"): ("met", False, 5, "2024"),
    ("六安市", "全社会研发经费投入", "2024", "base"): ("met", False, 16.2, "2024"),
    ("六安市", "科技特派员数", "2024", "base"): ("met", False, 2510, "2024"),
    ("六安市", "科技特派团数", "2024", "base"): ("missed", False, 18, "2024"),
    ("六安市", "高新技术企业数", "2025", "stretch"): ("no_data", False, None, None),
    # Seed 004's 预计 1950家 decides the 2021 goal, provisionally.
    ("南昌市", "高新技术企业数", "2021", "base"): ("missed", True, 1950, "2021"),
    ("南昌市", "技术合同成交额", "2021", "base"): ("met", False, 10670000000, "2021"),
    ("南昌市", "高新技术企业数", "2022", "stretch"): ("met", False, 2235, "2022"),
    ("南昌市", "技术合同成交额", "2022", "stretch"): (
        "missed",
        False,
        10530000000,
        "2022",
    ),
    ("南昌市", "科技型中小企业数", "2022", "stretch"): ("met", False, 2480, "2022"),
    # 1-10月: 52亿 of 70亿 is 74% against 83% of the year.
    ("连云港市", "技术合同成交额", "2022", "stretch"): (
        "at_risk",
        False,
        5200000000,
        "2022-01/2022-10",
    ),
    ("连云港市", "高新技术企业数", "2022", "base"): (
        "met",
        False,
        52,
        "2022-01/2022-10",
    ),
    ("XX市", "高新技术企业数", "2020", "stretch"): ("missed", False, 224, "2020"),
    ("XX市", "技术合同成交额", "2020", "base"): ("met", False, 244000000, "2020"),
}


@pytest.mark.parametrize("follow_ups_first", [False, True])
def test_follow_up_reports_give_the_right_statuses(catalog, follow_ups_first):
    if follow_ups_first:
        ingest(*FOLLOW_UPS)
        ingest(*SEEDS)
    else:
        ingest(*SEEDS, *FOLLOW_UPS)

    lines = evaluate_json()

    assert set(lines[0]) == {
        "region",
        "indicator",
        "measure",
        "period",
        "tier",
        "comparator",
        "norm_value",
        "norm_unit",
        "actual_norm_value",
        "actual_period",
        "status",
        "provisional",
        "progress",
        "documents",
    }
    got = {
        (line["region"], line["indicator"], line["period"], line["tier"]): (
            line["status"],
            line["provisional"],
            line["actual_norm_value"],
            line["actual_period"],
        )
        for line in lines
    }
    assert {key: got.get(key) for key in EXPECTED} == EXPECTED
    liuan = next(
        line
        for line in lines
        if (line["region"], line["indicator"], line["period"])
        == ("六安市", "科技型中小企业数", "2024")
    )
    assert liuan == {
        "region": "六安市",
        "indicator": "科技型中小企业数",
        "measure": "level",
        "period": "2024",
        "tier": "base",
        "comparator": ">=",
        "norm_value": 1350,
        "norm_unit": "count",
        "actual_norm_value": 1302,
        "actual_period": "2024",
        "status": "missed",
        "provisional": False,
        "progress": 0.9644,
        "documents": ["003_0edeab85d117419d.txt", "liuan_2024_summary.txt"],
    }
    # Seed 000 and the 2022 summary both report 芜湖's 揭榜挂帅 projects (10 and 12);
    # either way the goal of 10 is met.
    assert got[("芜湖市", "揭榜挂帅项目数", "2022", "base")][0] == "met"
    # 南昌's report claims every goal but 高企 was met; that now agrees.
    claims = dict(
        Target.objects.filter(region__name="南昌市", period_start__year=2021)
        .exclude(claimed_status="")
        .values_list("indicator__name", "claimed_status")
    )
    assert claims == {"高新技术企业数": "missed", "技术合同成交额": "met"}


def test_a_full_year_report_supersedes_the_progress_report_and_clears_its_flag(
    catalog,
):
    ingest(*SEEDS, *FOLLOW_UPS)
    turnover = Target.objects.get(
        region__name="连云港市", indicator__name="技术合同成交额"
    )
    assert turnover.status == "at_risk"
    assert Flag.objects.get(target=turnover, kind="at_risk").is_open

    output = ingest(LATER / "lianyungang_2022_summary.txt")

    turnover.refresh_from_db()
    assert "目标 0, 实际 8" in output
    assert (turnover.status, turnover.actual_norm_value, turnover.actual_period) == (
        "met",
        7230000000,
        Period.of_year(2022),
    )
    assert Flag.objects.open().filter(target=turnover).count() == 0
    # "以上指标均完成年度目标任务", but 科技进步贡献率 57.5% < 58%.
    contribution = Target.objects.get(
        region__name="连云港市", indicator__name="科技进步贡献率"
    )
    assert (contribution.status, contribution.claimed_status) == ("missed", "met")
    assert Flag.objects.get(target=contribution, kind="claim_mismatch").is_open
    # The claim is about the 450亿 goal, which was met, not the 力争500亿 beside it.
    materials = dict(
        Target.objects.filter(
            region__name="连云港市", indicator__name="新材料产业产值"
        ).values_list("tier", "claimed_status")
    )
    assert materials == {"base": "met", "stretch": ""}
