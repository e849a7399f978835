"""Round 7 (r7names): numbers, 分别 pairs and catalog names of kinds of wording."""

import pytest

from targets.extraction import extract
from targets.extraction.numbers import parse_quantity


def _records(head: str, body: str):
    return extract(f"{head}\n{body}", "r7names.txt").records


SPACED_DECIMALS = [
    ("6 . 5%", "6.5"),
    ("12 .8亿元", "12.8"),
    ("3\t. 25%", "3.25"),
]


@pytest.mark.parametrize(("text", "value"), SPACED_DECIMALS)
def test_a_space_before_the_decimal_point_joins_the_number(text, value):
    q = parse_quantity(text)
    assert q is not None and str(q.value) == value


@pytest.mark.parametrize(
    ("body", "name", "value"),
    [
        ("全县经济增长7 . 5%左右。", "地区生产总值", "7.5"),
        ("社会消费品零售总额增长5 .5%。", "社会消费品零售总额", "5.5"),
        ("一般公共预算收入增长4 . 0%。", "一般公共预算收入", "4"),
    ],
)
def test_spaced_decimals_in_running_text(body, name, value):
    records = _records("某县2026年政府工作报告\n2026年主要预期目标:", body)
    assert [(r.indicator, str(r.value)) for r in records] == [(name, value)]


def test_a_space_only_after_a_point_is_a_section_number_not_a_decimal():
    # 2. 5G基站: a list number, then a name starting with a digit.
    assert parse_quantity("2. 5") is None


URBAN_RURAL_SHORT = [
    "城乡人均可支配收入分别增长6%、7%。",
    "城乡人均可支配收入分别预计增长6%和7%。",
    "城、乡人均可支配收入分别增长6%、7%。",
]


@pytest.mark.parametrize("body", URBAN_RURAL_SHORT)
def test_urban_rural_pair_without_residents_word_is_split(body):
    records = _records("某县2026年政府工作报告\n2026年主要预期目标:", body)
    assert [(r.indicator, r.measure, str(r.value)) for r in records] == [
        ("城镇居民人均可支配收入", "growth", "6"),
        ("农村居民人均可支配收入", "growth", "7"),
    ]


def test_urban_rural_pair_of_a_non_income_head_is_not_invented():
    records = _records(
        "某县2024年工作总结", "城乡人均住房面积分别达到40平方米和45平方米。"
    )
    assert not any("居民人均可支配收入" in r.indicator for r in records)


COUNTS_OF_AMOUNTS = [
    "技术合同登记额441项",
    "技术合同成交额达到300项",
    "技术合同交易额1200项",
]


@pytest.mark.parametrize("body", COUNTS_OF_AMOUNTS)
def test_a_counter_on_an_amount_names_the_count_of_the_same_subject(body):
    records = _records("某市2024年工作总结", f"2024年,全市{body}。")
    assert [r.indicator for r in records] == ["技术合同登记数"]


def test_an_amount_in_money_stays_the_amount():
    records = _records("某市2024年工作总结", "2024年,全市技术合同成交额15亿元。")
    assert [r.indicator for r in records] == ["技术合同成交额"]


ENERGY_PER_OUTPUT = [
    "万元地区生产总值综合能耗下降3%",
    "单位GDP综合能耗下降3%",
    "每万元生产总值综合能耗降低3%",
]


@pytest.mark.parametrize("body", ENERGY_PER_OUTPUT)
def test_energy_per_unit_of_output_whatever_the_wording(body):
    records = _records("某市2024年工作总结", f"2024年,全市{body}。")
    assert [(r.indicator, str(r.value)) for r in records] == [
        ("单位地区生产总值能耗", "-3")
    ]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("规上工业综合能耗下降2%", "规上工业综合能耗"),
        ("地区生产总值增长5%", "地区生产总值"),
    ],
)
def test_other_energy_and_output_names_are_unchanged(body, name):
    records = _records("某市2024年工作总结", f"2024年,全市{body}。")
    assert [r.indicator for r in records] == [name]


STOCK_SUFFIXES = [
    ("国家高新技术企业保有量达163家", "高新技术企业数"),
    ("科技型中小企业保有量达到500家", "科技型中小企业数"),
    ("国家级科技企业孵化器存量12家", "国家级科技企业孵化器数"),
]


@pytest.mark.parametrize(("body", "name"), STOCK_SUFFIXES)
def test_the_stock_word_after_a_kind_counted_is_its_count(body, name):
    records = _records("某市2024年工作总结", f"2024年,全市{body}。")
    assert [r.indicator for r in records] == [name]


def test_a_stock_of_land_keeps_its_name():
    records = _records("某市2024年工作总结", "2024年,全市耕地保有量稳定在300万亩。")
    assert [r.indicator for r in records] == ["耕地保有量"]
