"""Round 14: kinds of error seen on held-out pages, each as a table of
sentences written for this test."""

from __future__ import annotations

import pytest

from targets.extraction import extract
from tests.targets.test_extraction_round13 import _regions


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # A two-character county's name after a year, before its office's
        # report: the county's own title line.
        (
            "2024年和县政府工作报告\n各位代表:\n过去的一年,全县地区生产总值完成82.86亿元,增长2.5%。",
            "和县",
        ),
        (
            "二〇二三年范县人民政府工作报告\n全县一般公共预算收入完成3.66亿元,增长9.7%。",
            "范县",
        ),
    ],
)
def test_a_short_county_name_after_a_year_in_its_title(text: str, region: str) -> None:
    assert _regions(text) == {region}


def _read(text: str) -> list[tuple]:
    return [
        (r.indicator, r.measure, float(r.value), r.period)
        for r in extract(text, "x.txt").records
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Two levels, then their rates after a word for the average or the
        # rate alone (年均, 增速) and 分别: the i-th rate is the i-th level's.
        "报告\n2022年,全县实现地区生产总值238.39亿元,完成一般公共预算收入10.82亿元,年均分别增长6.3%、5.6%。",
        "报告\n2022年,全县实现地区生产总值238.39亿元,完成一般公共预算收入10.82亿元,增速分别为6.3%、5.6%。",
    ],
)
def test_rates_after_a_rate_word_and_respectively_follow_the_levels(text: str) -> None:
    growth = {(ind, v) for ind, m, v, _ in _read(text) if m == "growth"}
    assert growth == {("地区生产总值", 6.3), ("一般公共预算收入", 5.6)}


def test_pairs_given_respectively_then_their_rates_by_a_rate_word() -> None:
    text = (
        "报告\n2022年,城乡居民人均可支配收入分别为33365元、13528元,"
        "增速分别为5.6%(全市第四)、6.6%(全市第十)。"
    )
    growth = {(ind, v) for ind, m, v, _ in _read(text) if m == "growth"}
    assert growth == {("城镇居民人均可支配收入", 5.6), ("农村居民人均可支配收入", 6.6)}


def test_an_average_in_a_year_the_term_before_it_ends_on_is_over_the_term() -> None:
    # The sentence before names the five-year term; the figure's sentence
    # opens with the term's last year: its level is that year's, its 年均
    # rate the term's.
    text = (
        "2021年县政府工作报告\n一、“十三五”时期工作回顾\n"
        "“十三五”时期,是经济保持平稳健康发展的五年。2020年,全县实现地区生产总值238.39亿元,年均增长6.3%。"
    )
    got = {(m, p) for _, m, _, p in _read(text)}
    assert got == {("level", "2020"), ("growth", "2016-01/2020-12")}


def test_one_word_for_two_things_given_respectively() -> None:
    # 收支, 存贷款, 进出口 name two indicators, in that order.
    text = (
        "报告\n2022年,全县一般公共预算收支分别增长4.4%、6.1%;"
        "金融机构存贷款余额分别增长10.2%、8.1%。"
    )
    assert {(ind, v) for ind, _, v, _ in _read(text)} == {
        ("一般公共预算收入", 4.4),
        ("一般公共预算支出", 6.1),
        ("金融机构本外币各项存款余额", 10.2),
        ("金融机构本外币各项贷款余额", 8.1),
    }


@pytest.mark.parametrize(
    "text",
    [
        "报告\n2022年,全县地区生产总值、固定资产投资、直接利用外资、农民人均纯收入等主要经济指标同比增长30%以上。",
        # a reposted page's glosses inside the list
        "報告\n2022年,全縣地區(qū)生產(chǎn)總值、固定資產(chǎn)投資、直接利用外資、農(nóng)民人均純收入等主要經(jīng)濟(jì)指標(biāo)同比增長(zhǎng)30%以上。",
    ],
)
def test_a_list_closed_by_a_catch_all_gives_each_catalog_item_the_figure(
    text: str,
) -> None:
    records = extract(text, "x.txt").records
    assert {r.indicator for r in records} == {
        "地区生产总值",
        "固定资产投资",
        "农村居民人均可支配收入",
    }
    for r in records:
        assert text[r.start : r.end] == r.quote
        assert r.quote.endswith("30%以上")
    starts = {r.indicator: text[r.start : r.start + 2] for r in records}
    assert starts["固定资产投资"] in ("固定",)


def test_a_goal_set_for_a_named_year_on_an_undated_page() -> None:
    # The page names no date of its own; 目标到2023年 sets what follows as
    # goals, and the deadline holds for the paragraph's later sentences.
    text = (
        "某省将实施科技强省行动\n"
        "记者于发布会获悉,过去五年,全省高新技术企业数量增长3.4倍。\n"
        "副厅长介绍,全省即将印发三年行动方案,目标到2023年,全社会研发经费投入强度突破1.3%,"
        "高新技术企业数量达4200家。高新技术企业工业总产值力争突破10000亿元。"
    )
    records = extract(text, "x.txt").records
    got = {(r.kind, r.indicator, r.period) for r in records if r.value != 3.4}
    assert got == {
        ("target", "研发投入强度", "2023"),
        ("target", "高新技术企业数", "2023"),
        ("target", "高新技术企业工业总产值", "2023"),
    }


def test_a_paragraph_opening_on_a_deadline_it_aims_at_states_goals() -> None:
    # An undated five-year outline: 到2017年,预期… opens the paragraph, and
    # its later sentences are the goals for then too. 公共财政收入 is the old
    # name of 一般公共预算收入.
    text = (
        "某省政府工作报告描绘未来五年蓝图\n"
        "到2017年,预期全省地区生产总值比2010年翻一番以上。公共财政收入年均增长12%以上;"
        "全社会固定资产投资年均增长25%以上。粮食综合生产能力达到1500亿斤以上。"
    )
    records = extract(text, "x.txt").records
    assert {r.kind for r in records} == {"target"}
    assert "一般公共预算收入" in {r.indicator for r in records}


@pytest.mark.parametrize(
    "body",
    [
        "今年以来,全市较好地完成了主要目标任务。预计全年实现地区生产总值420亿元、增长6.5%;固定资产投资增长17%。",
        # the title run into the body line, without its date stamp
        "2023年某市政府工作报告 一、勠力同心,实现良好开局 "
        "今年以来,全市较好地完成了主要目标任务。"
        "预计全年实现地区生产总值420亿元、增长6.5%;固定资产投资增长17%。",
    ],
)
def test_a_report_for_the_year_ahead_given_late_in_the_year_before(body: str) -> None:
    # The title names 2023 and its stamp the day it was given (20221229): its
    # 今年 is 2022, reviewed.
    text = "2023年某市政府工作报告(20221229)\n" + body
    records = extract(text, "x.txt").records
    assert {(r.kind, r.period) for r in records} == {("actual", "2022")}


def test_a_countys_honours_of_the_province_and_its_partners_are_not_its_place() -> None:
    # 全省…先进县 is a title the province gave the county (a county's page);
    # 与某区、某县等地签署…协议 lists partners, the later ones too.
    text = (
        "过去五年,休宁县坚持以新发展理念为指导,深入贯彻总书记对安徽作出的重要讲话指示批示,"
        "获得全省美丽乡村建设先进县、全省首批健康脱贫示范县等多项荣誉。\n"
        "五年拼搏,经济实力显著增强。2021年地区生产总值125.63亿元;"
        "一般公共预算收入突破10亿元。\n"
        "五年耕耘,对外开放不断扩大。与临安区、开化县等地签署战略合作协议。"
    )
    assert _regions(text) == {"休宁县"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # What is counted, 占, the whole: the share named whole, not after the
        # whole's alias (地方财政支出, 生产总值), its subject kept past 16
        # characters and without the place that owns it.
        (
            "全县财政科技支出占地方财政支出比重达到1.6%以上。",
            "财政科技支出占地方财政支出比重",
        ),
        ("第一产业增加值占生产总值的比重为22%。", "第一产业增加值占生产总值的比重"),
        (
            "全社会科研经费支出占地区生产总值比重达到4%。",
            "全社会科研经费支出占地区生产总值比重",
        ),
        (
            "到2025年,大连市技术合同成交额占地区生产总值的比重达到3.5%。",
            "技术合同成交额占地区生产总值比重",  # the catalog's
        ),
        # a list item's dash and 预计 before a catalog share
        ("——预计研发经费支出占地区生产总值比重达2.91%。", "研发投入强度"),
    ],
)
def test_a_share_is_named_by_what_it_counts(sentence: str, name: str) -> None:
    records = extract("报告\n2023年," + sentence, "x.txt").records
    assert [r.indicator for r in records] == [name]


def test_a_five_year_reviews_from_values_are_of_its_base_year() -> None:
    # 过去五年 opens the review a paragraph before; 从A增长到B: A is the
    # base year's, B the year reviewed; 发展到 names nothing counted.
    text = (
        "2021年12月26日在县第十七届人民代表大会第一次会议上\n"
        "一、本届政府和2021年工作回顾\n"
        "过去五年,是全县发展历程中极不平凡的五年。\n"
        "这是综合实力显著增强的五年。地区生产总值从129.8亿元增长到325亿元;"
        "规上企业从153家发展到268家。"
    )
    got = {
        (r.indicator, float(r.value), r.period) for r in extract(text, "x.txt").records
    }
    assert got == {
        ("地区生产总值", 129.8, "2016"),
        ("地区生产总值", 325.0, "2021"),
        ("规上企业数", 153.0, "2016"),
        ("规上企业数", 268.0, "2021"),
    }


def test_a_list_of_goals_goes_on_through_its_paragraph() -> None:
    # 主要目标是: opens the list; the later sentence of the paragraph states
    # goals too, by the deadline set; a 年均 goal over the term is from its
    # first year.
    text = (
        "某县确定未来五年发展路径\n"
        "今后五年,该县经济社会发展的主要目标是:到“十三五”末,地区生产总值达到214.9亿元,"
        "年均增长10%。城镇常住人口达到43万人以上,城镇化率达到49%以上。"
    )
    got = {(r.kind, r.indicator, r.period) for r in extract(text, "x.txt").records}
    assert got == {
        ("target", "地区生产总值", "2020"),
        ("target", "地区生产总值", "2016"),
        ("target", "城镇常住人口数", "2020"),
        ("target", "常住人口城镇化率", "2020"),
    }


def test_cut_through_is_a_bound_and_short_sector_ordinals_are_sectors() -> None:
    # 衝破/冲破 crosses a figure as 突破 does; 一产, 二产 name the sectors.
    text = (
        "報告\n2022年,全縣地區生產總值衝破1300億元,金融存款衝破1900億元。"
        "一產增長3.9%,二產增長14.1%。"
    )
    got = {(r.indicator, r.comparator) for r in extract(text, "x.txt").records}
    assert got == {
        ("地区生产总值", ">"),
        ("金融机构本外币各项存款余额", ">"),
        ("第一产业增加值", "="),
        ("第二产业增加值", "="),
    }


def test_a_title_wrapped_over_two_lines_is_one_title() -> None:
    text = (
        "关于某某自治县2024年预算执行\n情况和2025年预算草案的报告\n"
        "一、预算执行情况\n全县一般公共预算收入完成26.06亿元,增长17.6%。"
    )
    got = {(r.kind, r.period) for r in extract(text, "x.txt").records}
    assert got == {("actual", "2024")}


def test_this_year_written_out_in_brackets_dates_the_page() -> None:
    # 今年(2024年): the undated page speaks from 2024, its goals are 2024's.
    text = (
        "【新闻】某省十四届人大二次会议今日上午开幕。省长作政府工作报告时表示,"
        "今年(2024年)全省发展面临的有利条件强于不利因素。\n"
        "今年经济社会发展的主要预期目标是:地区生产总值增长5%;固定资产投资增长4%。"
    )
    got = {(r.kind, r.period) for r in extract(text, "x.txt").records}
    assert got == {("target", "2024")}


def test_a_list_trailing_off_into_its_goal_label() -> None:
    # ……这是某区2024年的发展目标: the figures before the label are goals, the
    # label naming their year.
    text = (
        "某网12月28日讯 地区生产总值增长6%以上,规模以上工业增加值增长5%,"
        "固定资产投资增长6.5%……这是某市集美区2024年的发展目标。\n"
        "昨日上午,集美区十三届人大四次会议开幕,区长向大会作政府工作报告。"
    )
    got = {(r.kind, r.period) for r in extract(text, "x.txt").records}
    assert got == {("target", "2024")}


@pytest.mark.parametrize(
    ("second", "kind"),
    [
        # after an aim, an approximate figure with no period of its own is an aim
        ("优化创新生态上,加大科技投入,全社会研发投入强度达到2.1%左右;", "target"),
        # (not after a sentence telling what was done)
        ("全社会研发投入强度达到2.1%左右;", "actual"),
    ],
)
def test_an_approximate_figure_after_an_aim(second: str, kind: str) -> None:
    first = (
        "其中,将实施科技型企业成长工程,力争高新技术企业达到3500家。"
        if kind == "target"
        else "过去一年,全市完成了各项目标任务,高新技术企业达到3500家。"
    )
    text = "2020年1月11日,市长在政府工作报告中提出\n" + first + second
    records = extract(text, "x.txt").records
    got = {r.kind for r in records if r.indicator == "研发投入强度"}
    assert got == {kind}


def test_a_variant_glyph_of_a_province_on_a_traditional_page() -> None:
    # 陜 (a glyph Hong Kong and Taiwan pages write for 陕), kept by t2s.
    text = "陜西新聞\n去年,陜西省高新技術企業淨增1800家,總數達到7400家。"
    assert _regions(text) == {"陕西省"}


def test_a_goal_quoted_in_brackets_after_a_result() -> None:
    text = (
        "2023年某区国民经济和社会发展计划执行情况\n"
        "2023年,全区地区生产总值增长4.1%(目标6.0%左右),规模以上工业增加值增长5.2%(目标5%)。"
    )
    got = {(r.kind, float(r.value)) for r in extract(text, "x.txt").records}
    assert got == {("actual", 4.1), ("target", 6.0), ("actual", 5.2), ("target", 5.0)}


def test_a_span_after_a_lead_in_frames_its_paragraph_and_the_headline_list() -> None:
    # 根据…核算结果,2023年前三季度…: the span opens the paragraph after its
    # lead-in; the headline list before it, after 今年以来, is of the same span.
    text = (
        "今年以来,区委、区政府坚决贯彻落实决策部署,高质量发展取得新进展。\n"
        "一、主要指标完成情况\n——地区生产总值(GDP)2809.61亿元,同比增长4.3%。\n"
        "二、经济运行情况\n(一)全区经济运行稳健。\n"
        "根据统一核算结果,2023年前三季度越秀区地区生产总值为2809.61亿元,同比增长4.3%。"
        "第二产业实现增加值88.44亿元,同比增长8.4%。"
    )
    got = {r.period for r in extract(text, "x.txt").records}
    assert got == {"2023-01/2023-09"}


def test_a_district_of_the_titled_city_named_through_the_text_is_the_page() -> None:
    text = (
        "深圳二届人大二次会议开幕 部署2022政府工作\n"
        "4月21日,坪山区二届人大二次会议开幕。区政府工作报告回顾了2021年工作。\n"
        "报告指出,坪山区2021年全年地区生产总值达910.6亿元、增长11.7%。"
        "坪山区规上工业增加值达485.1亿元,增长12.1%。\n"
        "2022年坪山区经济社会发展的主要预期目标是:地区生产总值增长7%左右。"
    )
    assert _regions(text) == {"坪山区"}


@pytest.mark.parametrize(
    "text",
    [
        "报告\n2021年,全旗城镇居民人均可支配收入52000元、农村居民人均可支配收入22000元,均增长8.3%。",
        "报告\n2021年,城乡居民人均可支配收入分别达到44960元和16774元,均增长8.3%。",
    ],
)
def test_one_rate_after_two_levels_is_each_ones(text: str) -> None:
    growth = {(ind, v) for ind, m, v, _ in _read(text) if m == "growth"}
    assert growth == {("城镇居民人均可支配收入", 8.3), ("农村居民人均可支配收入", 8.3)}


def test_an_average_under_a_heading_looking_back_over_the_years() -> None:
    text = (
        "2022年某市政府工作报告\n过去五年及2021年工作回顾\n坚持稳增长、促发展,综合实力持续攀升。\n"
        "2021年预计完成地区生产总值760亿元,年均增长6.6%。"
    )
    got = {(m, p) for _, m, _, p in _read(text)}
    assert got == {("level", "2021"), ("growth", "2017-01/2021-12")}


def test_the_short_names_of_high_tech_firms_and_business_entities() -> None:
    # 国高企业 (国家高新技术企业), 商事主体 (经营主体); 引育 (引进培育) counts
    # what was added.
    text = "报告\n2022年,引育国高企业188家;全区商事主体达到35万户。"
    got = {(r.indicator, r.measure) for r in extract(text, "x.txt").records}
    assert got == {("高新技术企业数", "increase"), ("经营主体数", "level")}
