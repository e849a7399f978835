"""Round 14: kinds of error seen on held-out pages, each as a table of
sentences written for this test."""

from __future__ import annotations

import pytest

from targets.extraction import extract


def _regions(text: str) -> set[str | None]:
    """The regions of what `text` reads (failing when it reads nothing)."""
    records = extract(text, "x.txt").records
    assert records
    return {r.region for r in records}


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # A two-character county's name after a year, before its office's
        # report: the county's own title line.
        (
            "2024年和县政府工作报告\n各位代表:\n过去的一年,全县地区生产总值完成82.86亿元,增长2.5%。",
            "和县",
        ),
        (
            "二〇二三年范县人民政府工作报告\n全县一般公共预算收入完成3.66亿元,增长9.7%。",
            "范县",
        ),
    ],
)
def test_a_short_county_name_after_a_year_in_its_title(text: str, region: str) -> None:
    assert _regions(text) == {region}
