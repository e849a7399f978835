"""Province scale, as behaviour (the times are in bench/bench_province.py): ingest
work that does not grow with the region's documents, conflicts in bulk with a
capped reason, judgment from slim rows in bounded batches."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from targets.models import Flag, SelfClaim, Target
from targets.services import judging
from targets.services.flags import targets_refresh
from targets.services.judging import targets_evaluate
from targets.services.merging import MAX_CONFLICT_LINES

pytestmark = pytest.mark.django_db


def _year_documents(ingest, make_record, year: int):
    """A plan for ``year`` (two goals) and a report on it with a 完成 claim."""
    ingest(
        f"plan-{year}.txt",
        [
            make_record(value=str(700 + year % 100), period=str(year)),
            make_record(
                indicator="技术合同成交额",
                indicator_code="tech_contract_turnover",
                value="30",
                unit="亿元",
                norm_value=str(3_000_000_000 + year),
                norm_unit="yuan",
                period=str(year),
            ),
        ],
        text=f"{year}年工作要点",
    )
    quote = f"全市高企达到{800 + year % 100}家"
    text = f"(一)完成情况\n{quote}。以上指标均完成年度目标任务。"
    at = text.index(quote)
    return ingest(
        f"report-{year}.txt",
        [
            make_record(
                kind="actual",
                comparator="=",
                value=str(800 + year % 100),
                quote=quote,
                start=at,
                end=at + len(quote),
                period=str(year),
            )
        ],
        text=text,
    )


def _queries_of_next_year(ingest, make_record, year: int) -> int:
    with CaptureQueriesContext(connection) as plan_and_report:
        result = _year_documents(ingest, make_record, year)
    assert result.document.status == "done", result.document.error
    return len(plan_and_report)


def test_ingest_queries_do_not_grow_with_the_documents_of_the_region(
    ingest, make_record
):
    for year in range(2001, 2003):
        _year_documents(ingest, make_record, year)
    early = _queries_of_next_year(ingest, make_record, 2003)
    for year in range(2004, 2016):
        _year_documents(ingest, make_record, year)
    late = _queries_of_next_year(ingest, make_record, 2016)

    assert Target.objects.count() == 32
    assert late == early
    # Each report's claim reached its own year's goal, by lookup, once.
    target = Target.objects.get(
        indicator__code="high_tech_enterprises", period_start__year=2016
    )
    assert (target.claimed_status, target.status) == ("met", "met")
    assert SelfClaim.objects.count() == 16


def test_a_claim_stored_at_ingest_reaches_a_plan_ingested_later(ingest, make_record):
    quote = "全市高企达到780家"
    text = f"(一)完成情况\n{quote}。以上指标均完成年度目标任务。"
    at = text.index(quote)
    ingest(
        "report.txt",
        [
            make_record(
                kind="actual",
                comparator="=",
                value="780",
                quote=quote,
                start=at,
                end=at + len(quote),
            )
        ],
        text=text,
    )
    assert SelfClaim.objects.get().status == "met"

    ingest("plan.txt", [make_record(value="750")])

    target = Target.objects.get()
    assert (target.claimed_status, target.claim_quote) == (
        "met",
        "以上指标均完成年度目标任务",
    )


def test_the_later_document_s_claim_wins(ingest, make_record):
    ingest("plan.txt", [make_record(value="750")])
    for name, published, words in [
        ("late.txt", dt.date(2025, 3, 1), "以上指标均未完成年度目标任务。"),
        ("early.txt", dt.date(2025, 1, 1), "以上指标均完成年度目标任务。"),
    ]:
        quote = "全市高企达到780家" if name == "early.txt" else "全市高企达到781家"
        text = f"(一)完成情况\n{quote}。{words}"
        at = text.index(quote)
        ingest(
            name,
            [
                make_record(
                    kind="actual",
                    comparator="=",
                    value=quote[-4:-1],
                    quote=quote,
                    start=at,
                    end=at + len(quote),
                )
            ],
            text=text,
            published=published,
        )

    # early.txt came last but was published first: late.txt's claim stands.
    assert Target.objects.get().claimed_status == "missed"


def test_conflicts_are_appended_in_bulk_and_the_reason_is_capped(ingest, make_record):
    ingest("plan.txt", [make_record(value="750")])
    records = [make_record(value=str(751 + i)) for i in range(MAX_CONFLICT_LINES + 5)]
    with CaptureQueriesContext(connection) as few:
        ingest("other-a.txt", records[:2])
    with CaptureQueriesContext(connection) as many:
        ingest("other-b.txt", records[2:])

    flag = Flag.objects.get(kind="conflict")
    lines = flag.reason.split("\n")
    assert len(lines) == MAX_CONFLICT_LINES + 1
    assert lines[-1] == "另有5处表述与已有目标值不一致"

    # Two conflicting statements or twenty-three: the same flag queries (one read,
    # one write), not a read and a rewrite of the reason per statement.
    def flag_queries(captured):
        return [q["sql"] for q in captured if '"targets_flag"' in q["sql"]]

    assert len(flag_queries(many)) == len(flag_queries(few))

    ingest("other-c.txt", [make_record(value="999")])
    assert Flag.objects.get(kind="conflict").reason.split("\n")[-1] == (
        "另有6处表述与已有目标值不一致"
    )


def test_judgment_reads_slim_rows_without_any_document_text(
    evaluated, make_target, city, high_tech
):
    with CaptureQueriesContext(connection) as queries:
        targets_refresh(today=dt.date(2025, 3, 1))

    reads = [q["sql"] for q in queries if "SELECT" in q["sql"]]
    assert any("targets_document" in sql for sql in reads)  # published, year
    assert not any('"targets_document"."text"' in sql for sql in reads)
    # Judging loads neither the quotes nor the claim text of the targets.
    judged = [sql for sql in reads if '"targets_target"."recurring"' in sql]
    assert judged
    assert not any("claim_quote" in sql for sql in judged)
    evaluated.refresh_from_db()
    assert evaluated.status == "met"


def test_the_evaluate_selector_defers_the_document_text(evaluated):
    from targets.selectors import targets_for

    with CaptureQueriesContext(connection) as queries:
        rows = list(targets_for())
        names = [m.document.name for t in rows for m in t.mentions.all()]
    assert names
    assert not any('"targets_document"."text"' in q["sql"] for q in queries)


def test_evaluation_runs_in_bounded_batches(monkeypatch, make_target, city, high_tech):
    for year in range(2010, 2017):
        make_target(region=city, indicator=high_tech, year=year, value="10")
    loaded: list[int] = []
    real = judging._candidates_for

    def spy(rows):
        loaded.append(len(rows))
        return real(rows)

    monkeypatch.setattr(judging, "BATCH_SIZE", 3)
    monkeypatch.setattr(judging, "_candidates_for", spy)
    assert targets_evaluate(today=dt.date(2025, 3, 1)) == 7
    assert loaded == [3, 3, 1]
    assert Target.objects.filter(evaluated_at__isnull=True).count() == 0
