"""The period and the region of a record, round 6 (fifth pass): a bulletin's
year is the one its title names, not its repost date; an agency's signed date
line is no title; a template's placeholder (XX县, XX年) is no place and no
year; a place named only in a slogan; a plan's 今后五年 after a five-year
review. Every sentence is written for this test (no corpus or seed sentence)."""

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


# 1. A bulletin's year is in its title (某市2019年…统计公报) or, under a signed
# date line (某市统计局 2019-3-10), is the year before that spring date; a
# repost stamp (时间:2022-05-06) years later does not date it.
# (case, text, value, period)
BULLETINS = [
    (
        "a bulletin titled with its year, reposted years later",
        "加入收藏 | 设为首页\n当前位置:首页 > 统计数据\n\n"
        "衢州市2019年国民经济和社会发展统计公报\n\n"
        "时间:2022-05-06 09:12:40 来源:市统计局\n\n"
        "一、综合\n初步核算,全年全市地区生产总值1573.5亿元,比上年增长6.9%。",
        "1573.5",
        "2019",
    ),
    (
        "a Traditional bulletin titled with its year, posted the year after",
        "收藏本站\n\n黔南州2015年國民經濟和社會發展統計公報\n\n"
        "發布時間:2017-01-20\n\n全年全州地區生產總值實現801.2億元,增長12.3%。",
        "801.2",
        "2015",
    ),
    (
        "a signed date line in the spring opens the page: the year before",
        "某市统计局 2014-3-12\n"
        "一年来,全市上下团结一心,经济社会平稳较快发展。\n一、综合\n"
        "全年全市地区生产总值达到688.4亿元,比上年增长10.2%。",
        "688.4",
        "2013",
    ),
    (
        "negative: a news page dated in its own year keeps it",
        "市统计局发布数据\n发布时间:2021-10-20\n"
        "前三季度,全市地区生产总值达到512.6亿元,同比增长9.1%。",
        "512.6",
        "2021-01/2021-09",
    ),
]


@pytest.mark.parametrize("case,text,value,period", BULLETINS)
def test_a_bulletin_reports_on_its_own_year(case, text, value, period):
    assert _find(text, value).period == period, case


# A line that quotes a bulletin (…统计公报显示,) is not the page's title.
def test_a_line_quoting_a_bulletin_is_no_title():
    text = (
        "3月8日,\n记者从市统计局获悉,\n社会发展统计公报显示,\n全年全市生产总值增长5%。"
    )
    assert document_context(text).title != "社会发展统计公报显示,"


# 2. A template's placeholder (XX县, XX市) is the text's place only when the
# text lets no real place of that level slip; a blanked year (XX年) dates
# nothing, whatever the page's posting date.
# (case, text, value, region, period)
TEMPLATES = [
    (
        "XX县 with its county named once in a partnership",
        "XX县科技局工作总结范文\n发布时间:2019-07-02\n"
        "XX年,我县深入实施创新驱动发展战略,全县新增高新技术企业31家。"
        "依托由XX市科技局牵头的长兴与杭州科创走廊合作机制,引进人才团队12个。",
        "31",
        "长兴县",
        None,
    ),
    (
        "XX县 with a county named and a word that reads as a county",
        "XX县科技工作总结\n"
        "一年来,我县科技工作取得新成效,全县技术合同成交额达到2.6亿元。"
        "发挥自身的资源优势,积极对接嘉兴,推动与海盐共建产业园。",
        "2.6",
        "海盐县",
        None,
    ),
    (
        "negative: XX县 with no county named stays the placeholder",
        "XX县科技局2022年工作总结\n"
        "2022年,全县新增省级科技型中小企业45家,研发投入增长15%。",
        "45",
        "XX县",
        "2022",
    ),
]


@pytest.mark.parametrize("case,text,value,region,period", TEMPLATES)
def test_a_placeholder_is_no_place(case, text, value, region, period):
    rec = _find(text, value)
    assert (rec.region, rec.period) == (region, period), case


# 3. A place named only in a slogan the text builds (建设“…幸福X县”, 打造美丽X)
# is the text's own when it names no other place of its level; a slogan does
# not override the place the title names.
# (case, text, value, region)
SLOGANS = [
    (
        "a county's plan that says 全市 of its city and builds its slogan",
        "二〇二三年工作安排\n做好今年工作,要认真落实省委、市委经济工作会议精神,"
        "聚焦全市重点任务,奋力建设“生态宜居新城、和谐富裕武义”。\n"
        "今年主要预期目标是:地区生产总值增长7%左右,一般公共预算收入增长6.5%。",
        "7",
        "武义县",
    ),
    (
        "a county-level city's review that names itself only in its goal",
        "一年来,我市紧紧围绕“工业强市、打造幸福长葛”的目标,全市上下团结奋进。"
        "预计全年全市地区生产总值完成520亿元,增长8.2%。",
        "520",
        "长葛市",
    ),
    (
        "negative: the title's city stays when a slogan builds a county in it",
        "金华市2023年国民经济运行情况\n全市上下奋力建设“和谐富裕武义”等县域样板。"
        "全年全市地区生产总值完成6011.3亿元,增长6.3%。",
        "6011.3",
        "金华市",
    ),
]


@pytest.mark.parametrize("case,text,value,region", SLOGANS)
def test_a_slogan_names_the_place_it_builds(case, text, value, region):
    assert _find(text, value).region == region, case


# 4. A plan's 今后五年 / 未来五年 runs from the plan's year: a goal under such a
# heading (or in such a sentence) is of the term's last year; the from–to lines
# of a review block share the years the block's first from–to names.
# (case, text, value, period)
TERMS = [
    (
        "goals listed under a heading of the term after a five-year review",
        "2018年1月10日,某市第九届人民代表大会第一次会议开幕。\n"
        "过去五年的主要成就\n"
        "一般公共预算收入从2012年的80亿元增加到2017年的126亿元;\n"
        "今后五年的奋斗目标\n"
        "一般公共预算收入突破200亿元;\n"
        "高新技术企业超过600家。\n"
        "2018年主要预期目标\n"
        "地区生产总值增长7%左右。",
        "600",
        "2022",
    ),
    (
        "a sentence opening with 未来五年 in the year's report",
        "2021年政府工作报告\n各位代表:\n"
        "未来五年,全县地区生产总值年均增长6.5%,研发经费投入强度达到2.8%。",
        "2.8",
        "2025",
    ),
    (
        "negative: the year's targets after the term's keep their year",
        "2018年1月10日,某市第九届人民代表大会第一次会议开幕。\n"
        "今后五年的奋斗目标\n"
        "一般公共预算收入突破200亿元。\n"
        "2018年主要预期目标\n"
        "地区生产总值增长7%左右。",
        "7",
        "2018",
    ),
    (
        "a from-value on the line after a from–to that names both years",
        "某市2022年政府工作报告\n过去五年成就\n"
        "地区生产总值从2016年的1800亿元增加到2021年的2600亿元;\n"
        "城镇居民人均可支配收入从32000元增加到46000元,年均增长7.5%;\n",
        "32000",
        "2016",
    ),
    (
        "an average on the line after a from–to that names both years",
        "某市2022年政府工作报告\n过去五年成就\n"
        "地区生产总值从2016年的1800亿元增加到2021年的2600亿元;\n"
        "城镇居民人均可支配收入从32000元增加到46000元,年均增长7.5%;\n",
        "7.5",
        "2017-01/2021-12",
    ),
]


@pytest.mark.parametrize("case,text,value,period", TERMS)
def test_a_plans_term_follows_the_review(case, text, value, period):
    assert _find(text, value).period == period, case


# 5. A year the lead names for an earlier event (这是继2018年…之后) does not
# date a page of a later year; the one year opening a sentence of a paragraph
# that opened with none frames the sentences after it, unless a new item of a
# list (二是) begins.
# (case, text, value, period)
OPENINGS = [
    (
        "a page's lead follows on an earlier year's event",
        "某县入选省级创新型县建设名单\n\n   2024-06-12 综合科\n"
        "近日,省科技厅公布了创新型县建设名单,某县成功入选。这是继2019年某市入选之后,"
        "全市第二个入选的县。\n"
        "全县全社会研发投入达到5.6亿元。",
        "5.6",
        "2024",
    ),
    (
        "a year opening the second sentence frames the third",
        "近年来,某县持续加大科技投入。2023年新认定高新技术企业21家,"
        "科技型中小企业入库96家。建成省级以上研发平台9个,院士工作站1家。",
        "9",
        "2023",
    ),
    (
        "negative: a new item of the list after the year's sentence",
        "某县2024年科技工作总结\n"
        "近年来,全县科技投入持续加大。一是研发投入。2023年全县研发投入为12.5亿元,"
        "同比增长9%。二是平台建设。建成省级研发平台15个。",
        "15",
        "2024",
    ),
]


@pytest.mark.parametrize("case,text,value,period", OPENINGS)
def test_the_year_a_paragraph_speaks_of(case, text, value, period):
    assert _find(text, value).period == period, case


def test_a_provinces_slogan_is_no_citys_place():
    text = (
        "二〇二四年工作安排\n我市上下要在市委的坚强领导下,奋力谱写“美丽河南”新篇章。"
        "今年主要预期目标是:地区生产总值增长6%左右。"
    )
    assert _find(text, "6").region is None


def test_a_countys_slogan_in_a_county_voice():
    text = (
        "二〇二四年工作安排\n必须在县委的坚强领导下,全县上下齐心,加快建设“幸福长兴”。"
        "今年全县主要预期目标是:地区生产总值增长6.5%左右。"
    )
    assert _find(text, "6.5").region == "长兴县"
