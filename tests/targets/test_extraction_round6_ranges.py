"""A goal given as a range: at least its lower end, at most its upper end."""

from __future__ import annotations

import pytest

from targets.extraction import extract

ROWS = [
    (
        "a growth range in a plan",
        "2025年主要预期目标:全市地区生产总值增长7%-7.5%,一般公共预算收入增长5%。\n",
        [("target", 7, ">="), ("target", 7.5, "<="), ("target", 5, "=")],
    ),
    (
        "a long dash and a tilde",
        "2024年工作目标:规上工业增加值增长9%—10%;研发投入强度达到2.6%～2.8%。\n",
        [
            ("target", 9, ">="),
            ("target", 10, "<="),
            ("target", 2.6, ">="),
            ("target", 2.8, "<="),
        ],
    ),
    (
        "a qualifier of its own wins",
        "2024年主要目标:固定资产投资增长8%以上,社会消费品零售总额增长6%-7%左右。\n",
        [("target", 8, ">="), ("target", 6, ">="), ("target", 7, "~")],
    ),
    (
        "a reported range stays as written",
        "2023年工作总结\n\n2023年,全市规上工业增加值增长6%-7%,固定资产投资增长4.2%。\n",
        [("actual", 6, "="), ("actual", 7, "="), ("actual", 4.2, "=")],
    ),
    (
        "a from-to is no range",
        "2023年工作总结\n\n2023年,全市研发投入强度由2.1%提高到2.4%。\n",
        [("actual", 2.1, "="), ("actual", 2.4, "=")],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_range_bounds(case: str, text: str, expected: list) -> None:
    got = [
        (r.kind, float(r.value), r.comparator)
        for r in extract(text, "t.txt").records
        if r.indicator_code
    ]
    assert got == [(k, float(v), c) for k, v, c in expected], case
