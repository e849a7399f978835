"""Kinds of batches M and N about periods, regions and the document as a whole,
each as a table of sentences written for this test (no corpus sentence, place
or number): a year in an aside, a historical year opening a sentence, a
from-period (由一季度的…), 今年 after a year already reported on, a page's tag
line taken for its title; a province named for a leader's visit or as a ranking
group in a headline, a county report that names its prefecture."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.document import document_context
from targets.extraction.regions import detect_region

# (case, text, [(indicator, value, period)])
PERIODS = [
    (
        "a year inside a parenthesis frames nothing after it",
        "2026年政府工作报告\n"
        "2026年主要预期目标是:地区生产总值增长6%以上;一般公共预算支出"
        "(剔除2024年专项债券因素)增长4%以上;固定资产投资增长7%以上;"
        "社会消费品零售总额增长5%以上。\n",
        [
            ("一般公共预算支出", "4", "2026"),
            ("固定资产投资", "7", "2026"),
            ("社会消费品零售总额", "5", "2026"),
        ],
    ),
    (
        "a figure inside the parenthesis keeps the year written there",
        "2026年政府工作报告\n"
        "过去一年,全市地区生产总值增长5.5%(2024年增长4.8%),"
        "规模以上工业增加值增长7.1%。\n",
        [
            ("地区生产总值", "4.8", "2024"),
            ("规模以上工业增加值", "7.1", "2025"),
        ],
    ),
    (
        "a historical year opening its sentence dates the figure",
        "发布时间:2025-03-02\n"
        "1996年,全市实现地区生产总值88.6亿元。如今全市经济总量已今非昔比。\n",
        [("地区生产总值", "88.6", "1996")],
    ),
    (
        "a from-period (由一季度的…) frames neither the to-value nor the next clause",
        "2026年上半年全市经济运行情况\n"
        "上半年,全市经济稳步恢复。\n"
        "分产业看,第一产业增加值40.2亿元,由一季度的下降1.5%转为增长1.8%;"
        "第三产业增加值512.3亿元,增长3.3%,增速比一季度加快0.9个百分点。\n",
        [
            ("服务业增加值", "512.3", "2026-01/2026-06"),
            ("服务业增加值", "3.3", "2026-01/2026-06"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in PERIODS], ids=[c[0] for c in PERIODS]
)
def test_periods_of_asides_history_and_from_periods(text, expected):
    got = [(r.indicator, r.value, r.period) for r in extract(text, "k.txt").records]
    for ind, value, period in expected:
        assert (ind, Decimal(value), period) in got, got


def test_this_year_after_a_sentence_on_a_past_year_is_the_year_after():
    text = (
        "9月3日,记者从全市经济形势通报会上获悉,今年以来全市经济持续向好。"
        "2024年,全市完成地区生产总值1830亿元,排全省第5。"
        "今年上半年,全市地区生产总值增长4.6%,一般公共预算收入增长6.2%。\n"
    )
    got = {(r.indicator, r.value): r.period for r in extract(text, "k.txt").records}
    assert got[("地区生产总值", Decimal("1830"))] == "2024"
    assert got[("地区生产总值", Decimal("4.6"))] == "2025-01/2025-06"
    assert got[("一般公共预算收入", Decimal("6.2"))] == "2025-01/2025-06"


@pytest.mark.parametrize("tag", ["其他", "视频", "查看原文"])
def test_a_tag_line_is_not_the_title(tag):
    text = (
        f"{tag}\n某某市前三季度经济数据出炉,多项指标好于预期\n"
        "近日,市统计局发布前三季度经济运行情况。\n"
    )
    ctx = document_context(text)
    assert ctx.title.startswith("某某市前三季度")
    assert ctx.span == (1, 9)


REGIONS = [
    (
        "a province named for a leader's visit is not the city's text",
        "2025年工作总体要求\n"
        "2025年政府工作的总体要求是:深入贯彻习近平总书记考察江西重要讲话精神,"
        "认真落实党中央、国务院、省委、省政府和市委决策部署,以赣州的新作为"
        "为全省、全国大局作出更大贡献。\n"
        "主要预期目标为:地区生产总值增长5.5%左右;研发投入强度达到2%以上。\n",
        "赣州市",
    ),
    (
        "a province in a headline's ranking is the group, not the place",
        "研发投入增幅居江西前列\n赣州市科技创新势头强劲\n"
        "近日,江西省统计局公布的数据显示,2024年赣州市研发经费投入增长12%,"
        "增幅居全省前列。我市将继续加大投入。\n",
        "赣州市",
    ),
    (
        "a county report naming its prefecture is the county's",
        "2026年政府工作的总体要求是:认真贯彻省委十二届五次全会、州委八届四次全会"
        "和县委十四届五次全会精神,主动融入红河发展大局,真正把石屏建设成为"
        "滇南生态强县。\n"
        "2026年主要预期目标是:地区生产总值增长6%以上;一般公共预算收入增长5%。\n",
        "石屏县",
    ),
]


@pytest.mark.parametrize(
    ("text", "region"), [c[1:] for c in REGIONS], ids=[c[0] for c in REGIONS]
)
def test_regions_named_in_passing(text, region):
    title = text.split("\n", 1)[0]
    assert detect_region(text, title if len(title) < 40 else "") == region
    records = extract(text, "k.txt").records
    assert records and {r.region for r in records} == {region}


def test_a_district_set_apart_in_its_citys_release_has_its_figures():
    text = (
        "发布时间:2025-08-20\n河池各县区上半年经济运行情况\n"
        "上半年,河池市地区生产总值增长4.1%。\n"
        "各县区增速有快有慢。如宜州区,上半年地区生产总值为155.6亿元,增长5.2%。\n"
    )
    got = {r.value: r.region for r in extract(text, "k.txt").records}
    assert got[Decimal("4.1")] == "河池市"
    assert got[Decimal("155.6")] == "宜州区"
    assert got[Decimal("5.2")] == "宜州区"


def test_a_value_right_after_its_base_year_is_that_years():
    text = (
        "2025年,全市财政科技支出15000万元,比2021年3600万元增长316.7%;"
        "新认定高新技术企业52家,比2021年增长30%。\n"
    )
    got = {r.value: r.period for r in extract(text, "k.txt").records}
    assert got[Decimal("15000")] == "2025"
    assert got[Decimal("3600")] == "2021"
    assert got[Decimal("52")] == "2025"


def test_last_year_in_news_early_in_the_year_is_the_year_it_names():
    text = (
        "3月2日记者从市科技局获悉,全市科技创新工作成效明显。去年,全市技术合同成交额"
        "达52亿元。2024年新认定高新技术企业88家。\n"
    )
    got = {r.value: r.period for r in extract(text, "k.txt").records}
    assert got[Decimal("52")] == "2024"
    assert got[Decimal("88")] == "2024"


def test_a_programmes_term_in_its_name_does_not_date_the_text():
    text = (
        "全市研发投入持续增长\n"
        "近日,市统计局公布的数据显示,2023年全市研发经费投入增长11%。"
        "全市印发《科技创新能力提升行动方案(2024—2028年)》,推动投入提质。\n"
    )
    assert document_context(text).report_year == 2023


def test_a_short_line_after_the_body_has_begun_is_not_the_title():
    text = (
        "短评一则。\n"
        "2024年,全市地区生产总值迈上了新台阶,三年两个台阶的目标顺利实现。\n"
        "即,2021年突破2000亿,2024年突破3000亿!\n"
        "全市上下继续奋力前行。\n"
    )
    ctx = document_context(text)
    assert ctx.title == ""
    assert ctx.report_year == 2024


def test_a_source_agency_of_the_province_is_not_the_author():
    text = (
        "近日,江西省统计局最新公布的数据显示,2024年赣州市研发经费投入增长12%,"
        "投入强度提升至2.1%。\n赣州市还印发实施多项政策,推动研发投入持续提质。\n"
    )
    assert detect_region(text, "") == "赣州市"


@pytest.mark.parametrize(
    ("title", "region"),
    [
        ("四川省成都市天府新区简阳市科技局2024年工作总结", "简阳市"),
        ("河南省郑州市航空港经济综合实验区新郑市2023年工作总结", "新郑市"),
        ("成都市高新区2024年工作总结", "成都市"),
    ],
)
def test_an_address_through_a_zone_names_its_innermost_division(title, region):
    text = title + "\n2024年,全市新增高新技术企业30家。\n"
    assert detect_region(text, title) == region


def test_this_year_opening_the_paragraph_after_a_past_years_figures():
    text = (
        "记者从市政府新闻办获悉,全市经济运行总体平稳。2024年,全市完成地区生产总值"
        "960亿元。\n今年1-6月,全市规模以上工业增加值增长7.7%。\n"
    )
    got = {r.value: r.period for r in extract(text, "k.txt").records}
    assert got[Decimal("960")] == "2024"
    assert got[Decimal("7.7")] == "2025-01/2025-06"


def test_a_period_a_rate_is_set_above_or_below_frames_nothing():
    text = (
        "2025年上半年全市经济运行情况\n"
        "上半年,全市地区生产总值增长5.2%,增速高于一季度0.8个百分点,"
        "规模以上工业增加值增长6%;固定资产投资增长3%,增幅低于前5个月1个百分点;"
        "出口总额增长8%。\n"
    )
    got = {(r.indicator, r.value): r.period for r in extract(text, "k.txt").records}
    for key in (
        ("规模以上工业增加值", Decimal("6")),
        ("固定资产投资", Decimal("3")),
        ("出口总额", Decimal("8")),
    ):
        assert got[key] == "2025-01/2025-06", got


def test_a_years_target_quoted_after_better_than_keeps_the_year():
    text = (
        "关于2025年上半年国民经济和社会发展计划执行情况的报告\n"
        "——上半年全市地区生产总值增长6.4%,好于全年预期目标(增长5%以上)要求;\n"
    )
    got = {(r.kind, r.value): r.period for r in extract(text, "k.txt").records}
    assert got[("actual", Decimal("6.4"))] == "2025-01/2025-06"
    assert got[("target", Decimal("5"))] == "2025"


@pytest.mark.parametrize("span", ["前11个月", "首11个月", "1-11月"])
def test_the_first_months_of_a_year_are_a_span(span):
    text = f"发布时间:2024-12-20\n今年{span},全市规模以上工业增加值增长5.5%。\n"
    got = [r.period for r in extract(text, "k.txt").records]
    assert got == ["2024-01/2024-11"]
