"""Round 12: kinds of error seen on held-out pages, each as a table of
sentences written for this test or as the corpus page it was seen on."""

from __future__ import annotations

from pathlib import Path

import pytest

from targets.extraction import extract
from targets.extraction.document import document_context, publication_date

CORPUS_DOCS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "docs"


def test_a_page_dated_late_in_its_year_reads_mingnian_from_its_date() -> None:
    # A district congress held on 2013-12-26 (the page's date line) reviews
    # 2013 and sets 明年的奋斗目标; a body line naming 2013年…及2014年计划草案
    # is taken for its title, so no rule of the title dates the page: its
    # own date does, and 明年 is 2014, not the year after the plan's.
    text = (CORPUS_DOCS / "rh_gwr_gongjing_2013.txt").read_text(encoding="utf-8")
    assert document_context(text).doc_year == 2013
    targets = [r for r in extract(text, "x.txt").records if r.kind == "target"]
    assert targets and {r.period for r in targets} == {"2014"}


@pytest.mark.parametrize(
    ("head", "date"),
    [
        ("2022年1-8月全市经济运行情况\n1-8月,全市固定资产投资增长6.1%。", None),
        ("2022年1—11月经济运行简况\n", None),
        ("2022年9月5日 10:20 来源:某某日报\n", (2022, 9)),
        ("2022-09-05 10:20\n", (2022, 9)),
    ],
)
def test_a_span_of_months_is_not_the_pages_date(
    head: str, date: tuple[int, int] | None
) -> None:
    assert publication_date(head) == date
