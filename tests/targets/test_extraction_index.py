"""The text index's shortcuts find exactly what the plain scans find."""

from __future__ import annotations

from pathlib import Path

import pytest

from targets.extraction import load_document
from targets.extraction.catalog import finditer_from
from targets.extraction.periods import (
    _PERIOD_FIRST_RE,
    _PERIOD_INDEX_FIRST_RE,
    _PERIOD_RE,
)

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "extraction").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "corpus" / "docs").glob("*.txt"))
    return [load_document(p).text for p in paths]


@pytest.mark.parametrize(
    "text",
    [
        "2018年至2021年,1-6月,1月份至5月,5年来,近3年,2024年度上半年增长12%,15%,",
        "截至10月底,今年以来,“十四五”期末,过去一年,2020~2022年,1 ~ 3月,1—6月,前11个月",
        *_texts(),
    ],
)
def test_stricter_period_first_finds_the_same_periods(text: str) -> None:
    plain = [m.span() for m in finditer_from(_PERIOD_RE, _PERIOD_FIRST_RE, text)]
    index = [m.span() for m in finditer_from(_PERIOD_RE, _PERIOD_INDEX_FIRST_RE, text)]
    assert index == plain


def test_the_texts_state_periods() -> None:
    # The comparison above is not vacuous: the texts hold many periods.
    found = sum(
        1 for t in _texts() for _ in finditer_from(_PERIOD_RE, _PERIOD_FIRST_RE, t)
    )
    assert found > 500
