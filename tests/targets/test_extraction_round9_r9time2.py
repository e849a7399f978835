"""Round 9 (r9time2): start years of from–to spans, 下同 estimate notes and a
page's one span framing its opening figures (own phrasings)."""

import pytest

from targets.extraction import extract


def _periods(text: str, name: str = "r9time2.txt"):
    return [
        (r.kind, r.quote, r.period, r.estimate) for r in extract(text, name).records
    ]


def _period_of(text: str, quote_part: str, name: str = "r9time2.txt"):
    hits = [r for r in extract(text, name).records if quote_part in r.quote]
    assert hits, (quote_part, _periods(text, name))
    return hits[0].period


FROM_TO = [
    # A from–to clause that wrote out its years: the later clauses share them.
    (
        "某县2019年政府工作报告\n过去一年回顾。初步核算,全县工业总产值由2013年的"
        "40.1亿元提高到2018年的66.2亿元,年均增长10.5%;税收收入由3.1亿元提高到"
        "5.6亿元。",
        "税收收入由3.1亿元",
        "2013",
    ),
    (
        "某县2019年政府工作报告\n过去一年回顾。初步核算,全县工业总产值由2013年的"
        "40.1亿元提高到2018年的66.2亿元,年均增长10.5%;税收收入由3.1亿元提高到"
        "5.6亿元。",
        "提高到5.6亿元",
        "2018",
    ),
    # 五年来 opening the paragraph: a later clause's from-value is of the base
    # year, not of the year an earlier clause named.
    (
        "某区2023年政府工作报告\n五年来,我们稳住了基本盘。地区生产总值预计2022年"
        "达到88亿元;税收收入由3.3亿元增加到5亿元。",
        "税收收入由3.3亿元",
        "2017",
    ),
]


@pytest.mark.parametrize(("text", "part", "period"), FROM_TO)
def test_from_value_takes_the_start_year(text, part, period):
    assert _period_of(text, part) == period


def test_plan_term_reviewed_gives_the_base_year():
    text = (
        "某市科技创新“十四五”规划(2021—2025年)\n一、发展基础\n创新能力明显提升。“十三五”期间,"
        "全市创新工作稳步推进,主要指标较“十二五”末期均有提升。科技服务业增加值"
        "占比由8%提升至11.5%;专利授权量由900件增加至2100件。"
    )
    assert _period_of(text, "由8%") == "2015"
    assert _period_of(text, "由900件") == "2015"
    ends = {
        r.quote: (r.kind, r.period)
        for r in extract(text, "r9time2.txt").records
        if "至" in r.quote
    }
    assert ends == {
        "提升至11.5%": ("actual", "2020"),
        "增加至2100件": ("actual", "2020"),
    }


def test_from_value_without_a_term_keeps_its_year():
    # A one-year review opened by its year: the from-value keeps that year.
    text = (
        "某县2021年政府工作报告\n2020年工作回顾。2020年,全县税收收入由3.1亿元"
        "增加到3.6亿元。"
    )
    assert _period_of(text, "由3.1亿元") == "2020"


ESTIMATE_NOTES = [
    # A bare 下同 after a figure of a clause that 预计 heads.
    "某县2020年政府工作报告\n经济运行稳中有进。预计全县生产总值实现120亿元,"
    "增长6%(下同);税收收入9.5亿元,增长7.2%;进出口总额3亿美元。",
    # (预计数,下同) with a pinyin gloss the mirror left after each character.
    "某县2020年政府工作报告\n经济运行稳中有进,地区生产总值增长6%(預(yù)計(jì)數(shù),"
    "下同),税收收入增长7.2%;进出口总额增长3%。",
]


@pytest.mark.parametrize("text", ESTIMATE_NOTES)
def test_bare_or_glossed_note_carries_the_estimate(text):
    rows = [r for r in extract(text, "r9time2.txt").records if r.kind == "actual"]
    assert len(rows) >= 3
    assert all(r.estimate for r in rows), [(r.quote, r.estimate) for r in rows]


def test_same_note_without_a_head_estimate_carries_nothing():
    text = (
        "某县2020年政府工作报告\n经济运行稳中有进。全县生产总值实现120亿元,"
        "同比增长6%(下同);税收收入9.5亿元,增长7.2%。"
    )
    rows = [r for r in extract(text, "r9time2.txt").records if r.kind == "actual"]
    assert rows and not any(r.estimate for r in rows)


def test_head_estimate_still_stops_at_the_semicolon():
    text = (
        "某县2020年政府工作报告\n经济运行稳中有进。预计全县生产总值实现120亿元,"
        "增长6%;税收收入9.5亿元,增长7.2%。"
    )
    rows = {r.quote: r.estimate for r in extract(text, "r9time2.txt").records}
    assert any(v for q, v in rows.items() if "120亿元" in q)
    assert not any(v for q, v in rows.items() if "9.5亿元" in q)


SPAN_AHEAD = (
    "某区地区生产总值实现300.5亿元、增长6.1%\n"
    "其中,第二产业增加值120.2亿元、增长5.5%\n"
    "今年以来,全区上下稳中求进,经济运行总体平稳,为全年目标打下坚实基础。\n"
    "前三季度,全区工业表现亮眼:规上工业总产值完成210.4亿元、增长4.1%。\n"
)


def test_one_span_named_later_frames_the_opening_figures():
    text = "2024年10月20日\n" + SPAN_AHEAD
    assert _period_of(text, "300.5亿元") == "2024-01/2024-09"
    assert _period_of(text, "210.4亿元") == "2024-01/2024-09"


def test_two_spans_named_frame_no_opening_figure():
    text = (
        "2024年10月20日\n"
        + SPAN_AHEAD
        + "上半年,全区固定资产投资增长3.2%,为全年奠定基础。\n"
    )
    assert _period_of(text, "300.5亿元") == "2024"


def _rows(text: str):
    return [
        (r.kind, r.indicator, str(r.value))
        for r in extract(text, "r9time2.txt").records
    ]


def test_amount_closing_a_list_of_goals_is_kept():
    text = (
        "某市“十四五”规划\n努力实现游客人次达到8000万人次、旅游总收入达到900亿元"
        "的发展目标。"
    )
    assert ("target", "旅游总收入", "900") in _rows(text)


def test_amount_sizing_a_project_is_still_dropped():
    text = "某市2024年工作要点\n实施投资800万元的项目12个。"
    assert not any(v == "800" for _, _, v in _rows(text))


def test_bare_count_glued_to_the_next_name_splits():
    text = (
        "某市2025年科技工作要点\n2025年主要目标是:全市技术合同成交额突破50亿元,"
        "科技型企业入库360有效期内国家高新技术企业突破210,新增研发平台12个。"
    )
    assert ("target", "高新技术企业数", "210") in _rows(text)


def test_bare_count_before_a_unit_is_not_split():
    text = "某市2025年科技工作要点\n全市高新技术企业突破210家企业研发投入增长15%。"
    assert ("target", "高新技术企业数", "210") in _rows(text)


FDI = [
    ("全市使用外资(FDI)增长15%。", "实际使用外资"),
    ("全市使用外资增长15%。", "实际使用外资"),
    ("全市合同使用外资增长15%。", "合同使用外资"),
]


@pytest.mark.parametrize(("body", "indicator"), FDI)
def test_foreign_capital_used_is_the_actual_fdi(body, indicator):
    text = "某市2024年政府工作报告\n" + body
    assert [r.indicator for r in extract(text, "r9time2.txt").records] == [indicator]


def test_reading_of_a_work_report_early_next_year_reviews_the_title_year():
    text = (
        "政府工作报告解读丨2023年某市主要经济指标好于预期\n\n"
        "时间:2024-01-10 09:00 来源:某台\n\n"
        "报告全面总结了2023年发展成果,安排部署2024年重点工作。首先来看:2023年工作回顾。\n\n"
        "2023年,全市交出了一份厚重的答卷。\n\n"
        "产业加快升级。高新技术产业增加值增长11%,占比提高。\n"
    )
    rows = {r.quote: (r.kind, r.period) for r in extract(text, "r9time2.txt").records}
    assert rows["高新技术产业增加值增长11%"] == ("actual", "2023")


def test_work_report_dated_in_its_title_keeps_its_year():
    text = (
        "某市政府工作报告(2023年1月3日 某某)\n\n时间: 2024-02-24 12:54:11\n\n"
        "今年是关键之年。今年经济社会发展的主要预期目标是:地区生产总值增长6%左右。\n"
    )
    rows = {r.quote: (r.kind, r.period) for r in extract(text, "r9time2.txt").records}
    assert rows["地区生产总值增长6%左右"] == ("target", "2023")


def test_awards_of_a_year_handed_out_this_year_date_the_page_after_it():
    text = (
        "某市改革综述\n\n  上半年地区生产总值增长6.1%,位居前列。"
        "今年以来,某市攻坚克难。\n\n"
        "  在今年上半年揭晓的2023年度省科学技术奖中,某市企业获奖3项。\n"
    )
    rows = {r.quote: r.period for r in extract(text, "r9time2.txt").records}
    assert rows["上半年地区生产总值增长6.1%"] == "2024-01/2024-06"
