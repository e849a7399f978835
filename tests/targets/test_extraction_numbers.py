"""Numerals, quantities and units, table-driven."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction.numbers import cn_to_int, parse_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一", 1),
        ("两", 2),
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("一百二十", 120),
        ("一千零五", 1005),
        ("三千五", 3500),
        ("两百五", 250),
        ("一万二", 12000),
        ("两万", 20000),
        ("十万", 100000),
        ("一亿", 100_000_000),
        ("两亿三千万", 230_000_000),
        ("二〇二四", 2024),
        ("千", 1000),
    ],
)
def test_chinese_numerals_convert(text: str, expected: int) -> None:
    assert cn_to_int(text) == expected


@pytest.mark.parametrize("text", ["十四五", "", "abc", "二十四五"])
def test_malformed_chinese_numerals_are_refused(text: str) -> None:
    assert cn_to_int(text) is None


@pytest.mark.parametrize(
    ("text", "value", "unit", "norm_value", "norm_unit", "more"),
    [
        ("1647家", "1647", "家", "1647", "count", False),
        ("1,647家", "1647", "家", "1647", "count", False),
        ("2.8亿元", "2.8", "亿元", "280000000", "元", False),
        ("450亿", "450", "亿", "45000000000", "元", False),
        ("3390余万元", "3390", "万元", "33900000", "元", True),
        ("500 万元", "500", "万元", "5000000", "元", False),
        ("2985万元", "2985", "万元", "29850000", "元", False),
        ("120元", "120", "元", "120", "元", False),
        ("18.7%", "18.7", "%", "18.7", "%", False),
        ("0.14个百分点", "0.14", "个百分点", "0.14", "pp", False),
        ("20余次", "20", "次", "20", "count", True),
        ("260多场次", "260", "场次", "260", "count", True),
        ("千余项", "1000", "项", "1000", "count", True),
        ("两万人", "20000", "人", "20000", "count", False),
        ("6万多人", "60000", "人", "60000", "count", True),
        ("1.2万户", "12000", "户", "12000", "count", False),
        ("三千五百万元", "3500", "万元", "35000000", "元", False),
        ("十二名", "12", "名", "12", "count", False),
        ("8件", "8", "件", "8", "count", False),
        ("2场", "2", "场", "2", "count", False),
        ("5个", "5", "个", "5", "count", False),
        ("20", "20", "", "20", "count", False),
        ("１２３家", "123", "家", "123", "count", False),
        # 度 (kWh) and 方 (m³) after a magnitude: 23.5亿度, 350亿方.
        ("23.5亿度", "2350000000", "度", "2350000000", "count", False),
        ("350亿方", "35000000000", "方", "35000000000", "count", False),
        ("1.2万度", "12000", "度", "12000", "count", False),
    ],
)
def test_quantities_read_value_unit_and_base_unit(
    text: str, value: str, unit: str, norm_value: str, norm_unit: str, more: bool
) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.unit, q.norm_value, q.norm_unit, q.approx_more) == (
        Decimal(value),
        unit,
        Decimal(norm_value),
        norm_unit,
        more,
    )


@pytest.mark.parametrize("text", ["十四五项", "亿元", "下降"])
def test_non_quantities_are_refused(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize("text", ["5度", "3方", "一度成为", "多方协作"])
def test_degree_and_cube_are_no_units_without_a_magnitude(text: str) -> None:
    """一度 (once), 多方 (many parties), 5度: only 万度/亿度, 万方/亿方 are units."""
    q = parse_quantity(text)
    assert q is None or q.unit == ""


def test_a_bare_magnitude_reads_by_its_cue_however_often_it_was_seen() -> None:
    # read_quantity remembers readings by matched text; 万元 after 近 is one
    # 万元, a bare 万元 (a column's unit) is no number, in whichever order.
    from targets.extraction.numbers import QUANTITY_RE, read_quantity

    def read(text: str):
        m = next(m for m in QUANTITY_RE.finditer(text) if m.group().startswith("万"))
        return read_quantity(m)

    for _ in range(2):
        cued = read("全年投入近万元")
        assert cued is not None and cued.norm_value == Decimal(10000)
        assert read("金额(单位:万元)") is None
