"""The period and the region of a record, round 6 (fourth pass): a base year
in an earlier bullet dates none of the items after it; a text that names the
latest year only for its plans reviews the year before; 去年 told as coming
after a named year; a five-year plan's proposal with this year's targets; a
date line taken for the title; a province's deputy is no congress; a city
opening a sentence of its province's text. Every sentence is written for this
test (no corpus or seed sentence)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.document import document_context


def _find(text: str, value: str):
    records = extract(text, "t.txt").records
    found = [r for r in records if r.value == Decimal(value)]
    assert found, [(r.indicator, r.value, r.period, r.region) for r in records]
    return found[0]


# 1. A base year (是Y年的N倍, 比Y年) in one item of a multi-year review dates
# none of the items after it; they take the year the review reaches.
# (case, text, value, period)
BASE_YEARS = [
    (
        "a multiple of a base year in the bullet before",
        "各位代表:\n2019年以来,市政府团结带领全市人民砥砺前行。\n"
        "——经济实力明显增强。地区生产总值初步核算2023年达到2650亿元,是2018年的1.5倍;"
        "主要指标稳中有进。\n"
        "——创新能力持续提升。规上工业企业研发机构覆盖率达到60%,"
        "高新技术企业突破520家。\n"
        "2024年,全市地区生产总值预期增长6%左右。",
        "520",
        "2023",
    ),
    (
        "a base of a growth in the bullet before",
        "各位代表:\n五年来,我们迎难而上、奋发有为。\n"
        "——开放水平不断提高。2023年进出口总额达到420亿元,比2018年增长80%。\n"
        "——科技实力稳步增强。科技型中小企业达到1600家,省级以上创新平台突破260家。\n"
        "2024年,全市地区生产总值预期增长6%左右。",
        "1600",
        "2023",
    ),
    (
        "negative: a year opening the earlier bullet still dates the next",
        "县统计局\n●2021年,全县粮食总产量达到62万吨;\n●高标准农田累计建成38万亩。\n",
        "380000",
        "2021",
    ),
]


@pytest.mark.parametrize("case,text,value,period", BASE_YEARS)
def test_a_base_year_dates_no_later_item(case, text, value, period):
    assert _find(text, value).period == period, case


# 2. 一年来 / 去年 read against the right base.
# (case, text, value, period)
LOOK_BACKS = [
    (
        "the latest year named only for its plans: 一年来 is the year before",
        "新闻中心\n科技创新成绩如何?2023年,我市科技工作有哪些亮点?2024年,又将如何发力?"
        "3月6日,市科技局举行新闻发布会。\n"
        "一年来,全市科技创新成效明显。新增国家高新技术企业66家,技术合同成交额达到31亿元。\n"
        "2024年,我市将继续实施创新驱动发展战略。",
        "66",
        "2023",
    ),
    (
        "去年 told as coming after a year named: 继2019年…之后,去年",
        "(上接第一版)我市高度重视科技创新。继2019年在全省率先设立科技创新基金之后,"
        "我市去年继续加大投入,去年新增高新技术企业27家,总数增至140家。",
        "27",
        "2020",
    ),
    (
        "a 1-9月 span of 去年 in the same text",
        "(上接第一版)我市创新驱动成效明显。继2017年出台科技新政之后,我市去年继续加力。"
        "去年1~9月份,全市高新技术产业增加值达到210亿元,同比增长9%。",
        "210",
        "2018-01/2018-09",
    ),
    (
        "negative: a year named with its results stays the year reported",
        "5月8日,市科技局召开会议。2022年,全市新增高新技术企业35家。"
        "2023年,全市新增高新技术企业40家。",
        "40",
        "2023",
    ),
]


@pytest.mark.parametrize("case,text,value,period", LOOK_BACKS)
def test_look_backs_read_against_the_right_year(case, text, value, period):
    assert _find(text, value).period == period, case


def test_a_full_year_estimate_on_a_spring_page_under_a_date_line():
    text = (
        "当前位置: 首页 > 新闻\n\n"
        "高质量发展看某省|奋力追赶 赤峰加快转型\n\n"
        "2024-02-05新闻\n"
        "内蒙古两会期间,记者专访了赤峰市负责人。\n"
        "全年地区生产总值预计完成2150亿元左右,增长6%左右。\n"
        "过去一年,赤峰市经济运行稳中向好,赤峰市各项工作取得新进展。"
        "内蒙古人大代表、赤峰市市长表示,赤峰将奋力追赶。赤峰市上下团结奋斗。\n"
    )
    r = _find(text, "2150")
    assert r.period == "2023"
    assert r.region == "赤峰市"


# 3. A year given only by the plan's context: the proposal for a five-year
# plan adopted, and this year's targets set; not from nothing.
# (case, text, value, period)
CONTEXT_YEARS = [
    (
        "the 14th plan's proposal and 今年's targets",
        "1月15日,中共某市委新闻发布会召开。会议审议通过了《中共洛阳市委关于制定"
        "洛阳市国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》。"
        "全会提出了今年洛阳市经济社会发展的主要预期目标:生产总值增长7%左右,"
        "一般公共预算收入增长5%左右。",
        "7",
        "2021",
    ),
    (
        "the 15th plan's proposal, written short",
        "1月10日,县委全会召开,审议通过了“十五五”规划建议。"
        "全会明确今年全县主要预期目标:地区生产总值增长6.5%左右。",
        "6.5",
        "2026",
    ),
    (
        "negative: today's targets with no plan named give no year",
        "1月10日,县委全会召开。全会明确今年全县主要预期目标:地区生产总值增长6.5%左右。",
        "6.5",
        None,
    ),
]


@pytest.mark.parametrize("case,text,value,period", CONTEXT_YEARS)
def test_a_year_given_by_the_plan_context(case, text, value, period):
    assert _find(text, value).period == period, case


# 4. A city opening the sentence or the paragraph of its province's text is
# the subject of the figures after it, also in Traditional with glosses.
# (case, text, value, region)
OPENING_CITIES = [
    (
        "the city's short name opens the sentence",
        "河南省2019年经济运行情况\n2019年,河南省经济平稳增长,全省生产总值增长7%。"
        "洛阳全年完成生产总值5035亿元,增长7.5%。",
        "7.5",
        "洛阳市",
    ),
    (
        "Traditional with glosses",
        "河南省2019年經濟運行情況\n2019年,河南省經濟平穩增長,全省生產總值增長7%。"
        "洛陽(yáng)全年完成生產(chǎn)總值5035億元,增長(zhǎng)7.5%。",
        "7.5",
        "洛阳市",
    ),
    (
        "the city heading its paragraph with a colon",
        "河南省2019年经济运行情况\n2019年,河南省经济平稳增长,全省生产总值增长7%。\n"
        "开封:全年完成生产总值2364亿元,规上工业增加值增长8.1%。",
        "8.1",
        "开封市",
    ),
    (
        "negative: the city modifies a project in a clause without figures",
        "河南省2019年经济运行情况\n2019年,河南省经济平稳增长,全省生产总值增长7%。"
        "郑州地铁等重大项目加快推进,全省新开工项目1880个,增长12%。",
        "12",
        "河南省",
    ),
    (
        "negative: the province spoken of again",
        "河南省2019年经济运行情况\n2019年,河南省经济平稳增长。\n"
        "洛阳:全年完成生产总值5035亿元。全省一般公共预算收入增长6.4%。",
        "6.4",
        "河南省",
    ),
]


@pytest.mark.parametrize("case,text,value,region", OPENING_CITIES)
def test_a_city_opening_its_sentence_is_the_subject(case, text, value, region):
    assert _find(text, value).region == region, case


def test_a_provincial_deputy_names_no_congress():
    text = (
        "当前位置: 首页\n\n高质量发展看内蒙古|通辽加快追赶\n\n"
        "2024年内蒙古两会期间,内蒙古人大代表,通辽市委副书记、市长接受采访。"
        "通辽市全年地区生产总值增长5%。通辽市各项工作取得新进展。"
    )
    assert document_context(text).region == "通辽市"
