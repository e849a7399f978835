"""Round 8 (r8time): which year or span each figure measures."""

from __future__ import annotations

import pytest

from targets.extraction import extract


def _periods(text: str) -> dict[str, str | None]:
    """indicator (first record of each) -> period."""
    out: dict[str, str | None] = {}
    for r in extract(text, "r8time.txt").records:
        out.setdefault(r.indicator, r.period)
    return out


def _by_value(text: str) -> dict[float, str | None]:
    return {float(r.value): r.period for r in extract(text, "r8time.txt").records}


# A heading naming two years (the event's and its part's): the subtitle after the
# colon or dash names the part's year, and the year of an earlier part (a table
# of contents, a previous section) no longer holds.
SUBTITLE_YEAR = [
    "目录\n1.某县2026年两会解读之一:2025年工作回顾 2\n"
    "2.某县2026年两会解读之二:2026年目标 5\n"
    "某县2026年两会解读之一:2025年工作回顾\n"
    "这一年,我们稳中求进。\n"
    "地区生产总值达到321.5亿元;一般公共预算收入完成18.7亿元。",
    "二、2027年目标任务\n全县固定资产投资增长9%以上。\n"
    "2027年政府工作报告解读——2026年工作回顾\n"
    "这一年,全县经济运行平稳。\n"
    "地区生产总值达到412.3亿元,一般公共预算收入完成22.4亿元。",
    "某县政府工作报告解读\n"
    "一、2024年主要目标\n全县固定资产投资增长8%。\n"
    "某县2024年人代会报告摘要|2023年成绩回顾\n"
    "一年里,我们攻坚克难。\n"
    "地區生產總值達到612.8億元,一般公共預算收入完成33.9億元。",
]


@pytest.mark.parametrize("text", SUBTITLE_YEAR)
def test_the_subtitle_year_of_a_two_year_heading_frames_its_part(text):
    periods = _periods(text)
    year = (
        "2025"
        if "2025年工作回顾" in text
        else "2026"
        if "2026年工作" in text
        else "2023"
    )
    assert periods["地区生产总值"] == year
    assert periods["一般公共预算收入"] == year


def test_a_two_year_heading_without_a_subtitle_year_keeps_the_current_part():
    # A heading naming the part's own year among others changes nothing.
    text = (
        "某县2025年工作总结\n"
        "一、2025年工作完成情况\n"
        "地区生产总值达到300亿元。\n"
        "2025年与2024年对比分析\n"
        "一般公共预算收入完成20亿元。"
    )
    periods = _periods(text)
    assert periods["地区生产总值"] == "2025"
    assert periods["一般公共预算收入"] == "2025"


# A paragraph opening with a speaker's lead-in and a period (某某介绍,今年以来,…)
# ends the span a headline or an earlier paragraph opened (前三季度,…).
SPEAKER_LEAD = [
    "某市科技创新新闻\n2025-12-10 来源:某报\n"
    "前三季度,全市高新技术产业产值占规上工业产值比重达到58.2%。\n"
    "局长张某介绍,今年以来,全市科技工作稳步推进。\n"
    "全市新增高新技术企业150家,技术合同成交额达到45.6亿元。",
    "某区工业经济稳中有进\n2025-11-20 来源:某网\n"
    "上半年,全区规模以上工业增加值增长6.1%。\n"
    "据统计,今年以来,全区各项工作有序开展。\n"
    "全区新增高新技术企业36家,技术合同成交额达到8.2亿元。",
    "某县技术交易活跃\n发布时间:2025年12月3日\n"
    "1-9月,全县地区生产总值增长5.5%。\n"
    "会上,县科技局负责人表示:今年以来,我县聚焦创新驱动。\n"
    "全县新增高新技术企业12家,技术合同成交额达到2.3亿元。",
]


@pytest.mark.parametrize("text", SPEAKER_LEAD)
def test_a_speakers_lead_in_before_this_year_ends_an_earlier_span(text):
    periods = _periods(text)
    assert periods["技术合同成交额"] == "2025"


def test_a_span_opening_its_own_paragraph_after_a_lead_in_still_frames_it():
    text = (
        "某市经济运行情况\n"
        "2025-10-20 来源:某网\n"
        "市统计局介绍,前三季度,全市地区生产总值达到800亿元,同比增长5.1%。"
    )
    assert _periods(text)["地区生产总值"] == "2025-01/2025-09"


# A span told after a lead-in is that paragraph's: the next paragraph (此外,…;
# a bare list of the year's counts) takes no month span from it.
TOLD_SPAN_ENDS = [
    "某市政府工作报告解读\n2024年1月8日 来源:某报\n"
    "报告指出,2023年1至11月,全市规模以上工业增加值增长8.2%。\n"
    "此外,全市高新技术企业达到820家,技术合同成交额达到56亿元。",
    "某县经济综述\n2024-01-10 来源:某网\n"
    "据统计,2023年前三季度,全县地区生产总值增长6.4%。\n"
    "全县新增高新技术企业18家,技术合同成交额达到3.5亿元。",
    "某區經濟綜述\n2024-01-10 來源:某網\n"
    "負責人介紹,2023年1-10月,全區固定資產投資增長9%。\n"
    "同時,全區技術合同成交額達到4.1億元。",
]


@pytest.mark.parametrize("text", TOLD_SPAN_ENDS)
def test_a_span_told_after_a_lead_in_frames_its_own_paragraph_only(text):
    periods = _periods(text)
    assert periods["技术合同成交额"] and "/" not in periods["技术合同成交额"]
    told = [p for name, p in periods.items() if name != "技术合同成交额"]
    assert told[0] and told[0].startswith("2023-01/")


def test_a_span_opening_a_paragraph_itself_still_runs_on():
    text = (
        "某市一季度经济运行\n2024-04-20 来源:某网\n"
        "一季度,全市规模以上工业增加值增长7.1%。\n"
        "全市技术合同成交额达到12亿元。"
    )
    assert _periods(text)["技术合同成交额"] == "2024-01/2024-03"


# A base year with its value in brackets (是2019年(2231家)的3.1倍): the base is
# not the period of the figures after it; the bracketed value is the base year's.
BRACKETED_BASE = [
    "2023年,全市高新技术企业达到6100家,是2018年(2050家)的3倍,"
    "技术合同成交额800.5亿元,是2018年(260.1亿元)的3.1倍。",
    "2023年,全市技术合同成交额800.5亿元,相当于2018年(260.1亿元)的3.1倍,"
    "高新技术企业达到6100家。",
    "2023年,全市技术合同成交额800.5亿元,为2018年(260.1亿元)的三倍;"
    "高新技术企业达到6100家,比2018年(2050家)增加4050家。",
]


@pytest.mark.parametrize("text", BRACKETED_BASE)
def test_a_bracketed_base_year_does_not_take_the_main_figures(text):
    periods = _by_value("某市科技工作综述\n" + text)
    assert periods[800.5] == "2023"
    assert periods[6100] == "2023"
    assert periods[260.1] == "2018"


def test_a_bracket_that_is_not_a_base_leaves_the_year_alone():
    # (含…) after a year is an aside, not a multiple's base.
    periods = _by_value(
        "某市科技工作综述\n2022年(含开发区),全市技术合同成交额300.2亿元。"
    )
    assert periods[300.2] == "2022"


# An undated page on a work meeting held early in a year, whose name gives that
# year (召开2026年全省科技工作会议), reviews the year before: a later paragraph
# that names no year is that year's too.
MEETING_YEAR = [
    "2月26日,某省科技厅召开2026年全省科技工作会议。2025年,全省高新技术企业达"
    "5200家。\n会议指出,我省持续加强攻关,立项实施32个科技重大专项。",
    "1月18日,某市召开2026年度全市科技创新工作会议。2025年,全市技术合同成交额"
    "达到40.1亿元。\n此外,全市立项实施32个科技重大专项。",
    "3月2日,某省科技厅举行2026年全省科技工作会。2025年,全省高新技术企业达"
    "5200家。\n会上通报,我省立项实施32个科技重大专项。",
]


@pytest.mark.parametrize("text", MEETING_YEAR)
def test_an_early_work_meeting_named_with_its_year_reviews_the_year_before(text):
    periods = _by_value("科技创新赋能高质量发展\n" + text)
    assert periods[32] == "2025"


def test_a_meeting_late_in_the_year_is_not_a_review_of_the_year_before():
    periods = _by_value(
        "科技创新赋能高质量发展\n12月20日,某市召开2025年全市科技工作推进会议。"
        "全市立项实施32个科技重大专项。"
    )
    assert periods[32] != "2024"


def test_a_meeting_year_older_than_the_latest_year_named_is_no_date():
    periods = _by_value(
        "科技创新赋能高质量发展\n2月20日,某市回顾召开2019年全市科技工作会议以来的变化。"
        "2025年,全市立项实施32个科技重大专项。"
    )
    assert periods[32] == "2025"
