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


def _table(label: str) -> str:
    return (
        "序号\n\n指标名称\n\n2024年目标\n\n完成情况\n\n1\n\n"
        f"{label}\n\n7\n\n6.8\n\n2\n\n新增市场主体(户)\n\n3000\n\n3100\n"
    )


UNCLOSED_UNIT_NOTES = [
    ("地区生产总值增速(%", "地区生产总值"),
    ("一般公共预算收入增速（%", "一般公共预算收入"),
    ("规模以上工业增加值增速(%", "规模以上工业增加值"),
]


@pytest.mark.parametrize(("label", "name"), UNCLOSED_UNIT_NOTES)
def test_a_table_label_whose_unit_note_lost_its_close(label, name):
    records = _records("某区2024年国民经济和社会发展计划执行情况的报告", _table(label))
    first = [(r.kind, r.indicator, r.measure, str(r.value)) for r in records[:2]]
    assert first == [
        ("target", name, "growth", "7"),
        ("actual", name, "growth", "6.8"),
    ]
    # The closed note of the next row reads as before.
    assert [(r.indicator, r.unit) for r in records[2:]] == [("经营主体数", "户")] * 2


RUN_TOGETHER_RATES = [
    (
        "城镇新增就业增长3%预计外贸进出口总额增长8%。",
        [("进出口总额", "8")],
        "3",
    ),
    (
        "税收收入增长-4%区级财政收入增长-12%。",
        [("税收收入", "-4"), ("财政总收入", "-12")],
        None,
    ),
    (
        "固定资产投资增长6.5%一般公共预算收入增长2%社会消费品零售总额增长4%。",
        [
            ("固定资产投资", "6.5"),
            ("一般公共预算收入", "2"),
            ("社会消费品零售总额", "4"),
        ],
        None,
    ),
]


@pytest.mark.parametrize(("body", "expected", "_"), RUN_TOGETHER_RATES)
def test_unpunctuated_rates_each_keep_their_own_name(body, expected, _):
    records = _records("某区2023年上半年工作推进情况", body)
    got = [(r.indicator, str(r.value)) for r in records]
    for pair in expected:
        assert pair in got
    # No name swallows the figure before it.
    assert not any("%" in r.indicator or "负" in r.indicator for r in records)


@pytest.mark.parametrize(
    "body",
    [
        "按20%比例给予补助。",
        "给予50%补贴资金支持。",
        "对研发费用增长10%以上部分给予奖励。",
    ],
)
def test_a_rate_in_a_rule_is_still_no_record(body):
    assert _records("某市2024年工作总结", body) == []


ELLIPTICAL_AMOUNTS = [
    ("全年完成技术合同登记210项、交易金额8亿元。", "8"),
    ("登记技术合同500项、交易额30亿元。", "30"),
    ("技术合同登记120项,成交金额3.2亿元。", "3.2"),
]


@pytest.mark.parametrize(("body", "value"), ELLIPTICAL_AMOUNTS)
def test_an_elliptical_amount_after_the_count_of_contracts(body, value):
    records = _records("某区2022年工作总结", body)
    assert [(r.indicator, str(r.value)) for r in records][-1] == (
        "技术合同成交额",
        value,
    )


def test_an_amount_word_with_no_contracts_in_the_paragraph_names_no_catalog_item():
    records = _records("某区2022年工作总结", "新增高新技术企业20家、交易金额5亿元。")
    assert "技术合同成交额" not in [r.indicator for r in records]


MILESTONES = [
    ("一般公共预算收入连续跨越30、40、50亿元三道大关,达到52.6亿元。", "52.6"),
    ("规上工业营业收入先后突破100、200亿元两个台阶,达到236亿元。", "236"),
    ("地区生产总值跨越500亿元、600亿元两个关口,达到612亿元。", "612"),
]


@pytest.mark.parametrize(("body", "value"), MILESTONES)
def test_milestones_passed_are_no_figures(body, value):
    records = _records("某市2024年工作总结", body)
    assert [str(r.value) for r in records] == [value]


def test_a_single_mark_without_a_count_of_milestones_still_reads():
    records = _records("某市2024年工作总结", "地区生产总值突破600亿元,增长6%。")
    assert [str(r.value) for r in records] == ["600", "6"]


@pytest.mark.parametrize(
    "body",
    [
        "全县地区生产总值增长3%,增速由一季度的-5%转为增长3%。",
        "固定资产投资增长4%,增速由上半年的-2%回升到增长4%。",
    ],
)
def test_a_turn_of_the_same_rate_is_not_a_new_item(body):
    records = _records("某县2023年工作总结", body)
    assert len({r.indicator for r in records}) == 1
    assert len(records) >= 2
