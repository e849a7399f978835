"""Round 7 (r7periods3): a written date over a later posting stamp, a start value
of a long from–to, and the year after a party congress or plenum followed."""

import pytest

from targets.extraction import extract
from targets.extraction.document import publication_date


def _periods(text: str, kind: str | None = None):
    return [
        (r.indicator, str(r.value), r.period)
        for r in extract(text, "r7periods3.txt").records
        if kind is None or r.kind == kind
    ]


# A page written one year and posted (or reposted) years later.
WRITTEN_BEFORE_POSTED = [
    ("成文日期: 2019-01-28\n发布时间: 2023-05-06 09:12\n某县2019年工作要点", 2019),
    ("发布日期：2021年3月2日 印发日期：2016年12月30日\n2017年全市主要预期目标", 2016),
    ("發布時間:2024/02/01 發文日期:2020/01/15\n某區2020年重點任務分解", 2020),
    ("签发日期: 2017.02.20  来源:县政府办  发布时间: 2019.11.11\n2017年度计划", 2017),
]


@pytest.mark.parametrize(("head", "year"), WRITTEN_BEFORE_POSTED)
def test_the_day_written_dates_a_page_posted_later(head, year):
    from targets.extraction.numbers import to_halfwidth
    from targets.extraction.simplify import to_simplified

    got = publication_date(to_simplified(to_halfwidth(head)))
    assert got is not None and got[0] == year


NOT_WRITTEN_BEFORE = [
    # Written and posted the same year, or only posted: the posting date stands.
    ("成文日期: 2023-01-28\n发布时间: 2023-02-06", 2023),
    ("发布时间: 2022-06-21 17:28", 2022),
    # A 公开/上传 date is another posting date, not the writing.
    ("上传日期: 2018-01-02 发布时间: 2022-06-21\n2018年工作计划", 2022),
    # Written late in the year before, on the year posted (今年以来, 1-10月).
    ("成文日期: 2024-12-30\n发布时间: 2025-11-12\n今年以来,全市新增企业120家。", 2025),
    # The year posted is named too (2022年): the posting date stands.
    ("成文日期: 2018-02-09 发布时间: 2022-06-21\n2018年至2022年工作回顾", 2022),
]


@pytest.mark.parametrize(("head", "year"), NOT_WRITTEN_BEFORE)
def test_the_posting_date_stands_without_an_earlier_written_one(head, year):
    got = publication_date(head)
    assert got is not None and got[0] == year


def test_targets_of_a_page_reposted_years_later_are_of_its_written_year():
    text = (
        "索引号: 001/2017-1 发布机构: 县政府办 成文日期: 2017-02-10\n"
        "某县人民政府关于印发《政府工作报告》2017年目标任务分解的通知 "
        "发布时间: 2021-04-02\n\n"
        "各乡镇人民政府:\n\n今年主要预期指标如下。\n\n一、主要预期指标\n\n"
        "1. 生产总值增长7%以上。\n"
    )
    assert _periods(text, "target") == [("地区生产总值", "7", "2017")]


# The start value of a from–to reaching back decades is the start year's.
LONG_FROM_TO = [
    ("全市生产总值从1978年的8.6亿元增长到2020年的3100亿元。", "8.6", "1978"),
    ("全县地方财政收入由1985年的0.3亿元增加到2018年的25亿元。", "0.3", "1985"),
    ("社会消费品零售总额從1992年的3.1億元提高到2023年的410億元。", "3.1", "1992"),
]


@pytest.mark.parametrize(("body", "value", "period"), LONG_FROM_TO)
def test_the_start_value_of_a_long_from_to_is_the_start_years(body, value, period):
    got = _periods("某市发展成就综述\n" + body, "actual")
    assert (value, period) in [(v, p) for _, v, p in got]
    end = [p for _, v, p in got if v != value]
    assert end and all(p != period for p in end)


def test_a_long_ago_year_that_does_not_open_a_from_to_is_still_history():
    # 是1978年的50倍: a multiple of an old year; the figure is of the year reported.
    got = _periods(
        "某市2020年经济运行情况\n2020年,全市生产总值达到500亿元,是1978年的50倍。"
    )
    assert ("地区生产总值", "500", "2020") in got


# A text that follows a party congress or plenum, dated only by month and day.
FOLLOWS_A_PLENUM = [
    (
        "5月14日,全县科技工作会召开。会议全面贯彻党的十七届六中全会精神,总结了去年工作。"
        "据了解,去年,全县专利申请量达到120件。会议表彰了2009年度先进集体。",
        "2011",
    ),
    (
        "3月2日,某区经济工作会议召开。会议深入学习贯彻党的十八届三中全会精神。"
        "去年,全区地区生产总值增长9%。会上为获得2010年度科技奖的单位颁奖。",
        "2013",
    ),
    (
        "記者獲悉,會議認真落實黨的十九屆五中全會精神。去年,全市規模以上工業增加值增長6.5%。"
        "會議還通報了2017年度考核結果。",
        "2020",
    ),
]


@pytest.mark.parametrize(("body", "period"), FOLLOWS_A_PLENUM)
def test_last_year_after_a_plenum_followed_is_the_plenums_year_or_after(body, period):
    got = _periods(body, "actual")
    assert got and all(p == period for _, _, p in got)


def test_a_plenum_followed_before_a_later_plenum_month_stays_in_its_year():
    # Dated 12月 after an October plenum: the same year, 去年 the one before.
    body = (
        "12月20日,全县经济工作会议召开,会议贯彻落实党的十八届五中全会精神。"
        "去年,全县社会消费品零售总额增长11%。会议表彰了2012年度先进单位。"
    )
    assert [p for *_, p in _periods(body, "actual")] == ["2014"]


def test_a_plenum_does_not_override_a_year_the_text_names():
    body = "会议深入贯彻党的十八届三中全会精神。2016年,全区地区生产总值增长8%。"
    assert [p for *_, p in _periods(body, "actual")] == ["2016"]


def test_a_plenum_does_not_date_a_text_that_names_no_year():
    # Only a year proven too early is replaced; a text naming none keeps none.
    body = "会议深入贯彻党的二十大精神。去年,全区地区生产总值增长5%。"
    assert all(p in (None, "") for *_, p in _periods(body, "actual"))


def test_a_plenum_merely_mentioned_does_not_date_the_text():
    # A history line names a plenum without following it (no 贯彻/学习…).
    body = "党的十一届三中全会以后,某县迎来发展。去年,全县地区生产总值增长7%。"
    assert all(p != "1979" for *_, p in _periods(body, "actual"))
