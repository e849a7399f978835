"""Round 7, pass 2 (r7names2): headline amounts in a bare 亿, a rate after a
fund's clause, 技术合同认定, 增产/减产 as a change of output, toneless pinyin
glosses and verbs that work on what exists."""

import pytest

from targets.extraction import extract
from targets.extraction.simplify import move_glosses

PLAN = "某县2026年政府工作报告\n2026年主要预期目标:"
REPORT = "某县2025年国民经济和社会发展统计公报\n"


def _records(text: str):
    return extract(text, "r7names2.txt").records


def _rows(text: str, *fields: str):
    return [tuple(str(getattr(r, f)) for f in fields) for r in _records(text)]


# A headline stating an amount after its verb and name, in a bare 亿.
HEADLINES = [
    ("今年铜川计划完成固定资产投资400亿以上\n正文。", "固定资产投资", ">=", 4e10),
    ("延川县:2026年力争实现地区生产总值120亿\n正文。", "地区生产总值", "=", 1.2e10),
    ("今年榆林計劃完成固定資產投資1200億左右\n正文。", "固定资产投资", "~", 1.2e11),
    (
        "某市十七届人大三次会议开幕 今年计划实现社会消费品零售总额80亿元\n正文。",
        "社会消费品零售总额",
        "=",
        8e9,
    ),
    ("定边县今年完成固定资(zī)产投资(zī)60亿以上\n正文。", "固定资产投资", ">=", 6e9),
]


@pytest.mark.parametrize(("text", "name", "comparator", "norm"), HEADLINES)
def test_a_headline_amount_after_its_verb_and_name_is_read(
    text, name, comparator, norm
):
    hits = [r for r in _records(text) if r.indicator == name]
    assert [(r.comparator, float(r.norm_value)) for r in hits] == [(comparator, norm)]


@pytest.mark.parametrize(
    "text",
    [
        "关于印发2026年固定资产投资计划的通知\n正文。",
        "某市2025年完成固定资产投资情况分析\n正文。",
        "北京GDP增速 今年定5%\n正文。",
    ],
)
def test_a_headline_without_an_amount_is_still_no_figure(text):
    assert _records(text) == []


# A fund's clause (dropped: no figure of an indicator) still names its subject.
FUND_CLAUSES = [
    "农村居民人均可支配收入21914元,增长6.5%;招商引资区外到位资金220.91亿元,增长42.85%。",
    "全县地区生产总值增长6%,到位资金15亿元,同比增长12%。",
    "一般公共预算收入8.2亿元,增长5%。争取上级补助资金3.1億元,增長18%。",
    "社会消费品零售总额增长7%; 落实专项资金2亿元, 比上年增长20%。",
]


@pytest.mark.parametrize("body", FUND_CLAUSES)
def test_a_rate_after_a_fund_is_not_the_previous_indicators(body):
    values = [float(r.value) for r in _records(REPORT + body)]
    assert 42.85 not in values and 12 not in values
    assert 18 not in values and 20 not in values


def test_a_rate_after_its_own_indicator_still_counts():
    rows = _rows(REPORT + "一般公共预算收入8.2亿元,增长5%。", "indicator", "value")
    assert rows == [("一般公共预算收入", "8.2"), ("一般公共预算收入", "5")]


# 技术合同认定: the contracts registered.
CONTRACTS = [
    ("2025年,技术合同认定146项。", "技术合同登记数", "146"),
    ("全年全市技術合同認定達到320項。", "技术合同登记数", "320"),
    ("技术合同认定额12亿元,增长8%。", "技术合同成交额", "12"),
    ("全县技术合同认定成交额5.6亿元。", "技术合同成交额", "5.6"),
]


@pytest.mark.parametrize(("body", "name", "value"), CONTRACTS)
def test_contracts_recognised_are_the_registered_ones(body, name, value):
    first = _records(REPORT + body)[0]
    assert (first.indicator, first.measure, str(first.value)) == (name, "level", value)


def test_other_recognitions_keep_their_own_names():
    first = _records(REPORT + "全年认定高新技术企业46家。")[0]
    assert first.indicator == "高新技术企业数"


# 增产/减产 before a figure: the change of the output named before.
OUTPUT_CHANGES = [
    ("粮食产量59万吨,比上年增产0.9%。", ("粮食产量", "growth", "0.9")),
    ("粮食总产量达到120亿斤,增产0.94亿斤。", ("粮食产量", "increase", "94000000")),
    ("全年粮食总产量35.2万吨,同比减产2.1万吨。", ("粮食产量", "increase", "-21000")),
    ("糧食總產量46萬噸,較上年增產3.2%。", ("粮食产量", "growth", "3.2")),
    ("油料产量3.1万吨,比上年减产1.5%。", ("油料产量", "growth", "-1.5")),
]


@pytest.mark.parametrize(("body", "row"), OUTPUT_CHANGES)
def test_more_or_less_output_is_a_change_of_the_output(body, row):
    rows = _rows(REPORT + body, "indicator", "measure", "norm_value")
    assert rows[-1] == row
    assert all(not name.endswith("增产") for name, *_ in rows)


def test_more_output_as_a_slogan_is_no_figure():
    rows = _rows(REPORT + "实现粮食增产增收,全年粮食产量60万吨。", "indicator", "value")
    assert rows == [("粮食产量", "600000")]


# Toneless pinyin glosses (分(fen)別) are glosses like the toned ones.
def test_toneless_glosses_are_moved_behind_their_run():
    assert move_glosses("收(shou)入分(fen)別增(zeng)長(chang)3.8%") == (
        "收入分別增長(shou)(fen)(zeng)(chang)3.8%"
    )


@pytest.mark.parametrize(
    "text",
    ["用电量(kwh)增长", "指标(a)和(b)", "面积(km)", "数据(gdp)", "企业(10家)"],
)
def test_parenthesised_latin_that_is_no_syllable_is_left_alone(text):
    assert move_glosses(text) == text


GLOSSED_PAIRS = [
    "城鎮、農村(cun)居(ju)民人均可支(zhi)配收(shou)入分(fen)別增(zeng)長(chang)3.8%和5.1%。",
    "城(cheng)乡(xiang)居民人均可支配收入分(fen)别增长3.8%、5.1%。",
    "城镇和农村居民人均可支配收入分(fen)别(bie)增长3.8%和5.1%。",
]


@pytest.mark.parametrize("body", GLOSSED_PAIRS)
def test_a_pair_shared_out_by_a_glossed_fenbie_is_split(body):
    rows = _rows(REPORT + body, "indicator", "value")
    assert rows == [
        ("城镇居民人均可支配收入", "3.8"),
        ("农村居民人均可支配收入", "5.1"),
    ]


# A verb that works on what exists (改造, 提升, 打造) ends a head verb's reach.
WORKS_ON_STOCK = [
    "全年培育限上商贸企业30户左右,改造区县综合商贸服务中心2个,乡镇商贸中心10个。",
    "新增规上企业20家,提升改造农贸市场5个,社区菜市场10个。",
    "引进重点企业12家;打造特色商业街区3个,夜间消费集聚区4个。",
    "新建5G基站300个,升级改造老旧小区宽带网络20个、行政村15个。",
]


@pytest.mark.parametrize("body", WORKS_ON_STOCK)
def test_items_after_a_verb_on_stock_are_counted_as_they_stand(body):
    measures = [r.measure for r in _records(PLAN + body)]
    assert measures[0] == "increase"
    assert set(measures[1:]) == {"level"}


@pytest.mark.parametrize(
    "body",
    [
        "新增规上企业20家、高新技术企业8家。",
        "新增孵化器3家,改造提升市场5个,新增众创空间2家。",
    ],
)
def test_an_item_with_an_increase_verb_still_adds(body):
    records = _records(PLAN + body)
    assert records[0].measure == "increase" and records[-1].measure == "increase"


# The same kind in other styles: a news lead, a report line, a table-like line.
OUTPUT_CHANGES_OTHER_STYLES = [
    (
        "今年我县粮食喜获丰收,总产达到8.6亿斤,比上年增产4200万斤。",
        ("粮食产量", "increase", "42000000"),
    ),
    (
        "全年粮食播种面积稳定在120万亩,粮食总产量48.5万吨,增产2.6%。",
        ("粮食产量", "growth", "2.6"),
    ),
    ("粮食总产量 48.5万吨 增产 2.6%", ("粮食产量", "growth", "2.6")),
]


@pytest.mark.parametrize(("body", "row"), OUTPUT_CHANGES_OTHER_STYLES)
def test_more_output_in_other_styles(body, row):
    rows = _rows(REPORT + body, "indicator", "measure", "norm_value")
    assert rows[-1] == row
    assert all(name == "粮食产量" for name, *_ in rows if "产" in name)


@pytest.mark.parametrize(
    "body",
    [
        "全年粮食生产再获丰收,总产量达到52.3万吨,增长1.8%。",
        "粮食喜获丰收,总产达到8.6亿斤。",
        "2025年,全县糧食生產穩中有進,總產量46萬噸。",
    ],
)
def test_a_bare_total_takes_the_crop_the_clause_before_names(body):
    assert _records(REPORT + body)[0].indicator == "粮食产量"


def test_a_bare_total_of_an_unknown_crop_keeps_its_own_name():
    assert _records(REPORT + "油料种植稳中有增,总产12万吨。")[0].indicator != "粮食产量"


# An item counted by a verb of its own keeps its own qualifier in a 、 list.
OWN_VERB_ITEMS = [
    "全年新增高新技术企业10家、新备案科技型中小企业200家以上。",
    "2026年,力爭新增高新技術企業15家、新認定專精特新企業8家左右。",
    "引进规上企业12家、培育科技型中小企业100家以上;",
]


@pytest.mark.parametrize("body", OWN_VERB_ITEMS)
def test_an_item_with_its_own_verb_keeps_its_own_qualifier(body):
    comparators = [r.comparator for r in _records(PLAN + body)]
    assert comparators[0] == "=" and comparators[-1] != "="


def test_a_bare_item_still_shares_the_last_qualifier():
    records = _records(PLAN + "新增高新技术企业10家、科技型中小企业200家以上。")
    assert [r.comparator for r in records] == [">=", ">="]
