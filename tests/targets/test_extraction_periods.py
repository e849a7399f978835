"""Periods of figures: the page's own date in its header or signature, relative
words read against it, spans of years (过去五年, 十三五期间, 5年来) and their
from/to values. Invented sentences of each kind, no corpus text."""

import pytest

from targets.extraction import extract
from targets.extraction.document import publication_date
from targets.extraction.sections import is_date_line
from targets.extraction.simplify import unwrap_lines

BODY = "今年以来,全市新增高新技术企业120家。去年全市技术合同成交额52.3亿元。"
FILLER = "全市上下坚持创新驱动发展战略,持续深化科技体制改革,不断优化创新生态。" * 40


def _periods(text):
    return [r.period for r in extract(text, "document.txt").records]


@pytest.mark.parametrize(
    "header",
    [
        "发布时间:2022-10-27 08:10 信息来源: 德阳市科技局",
        "来源: 大众日报2022-10-27 10:15:36",
        "2022-10-27 来源:德阳市人民政府",
        "日期：2022年10月27日",
        "成文日期：2022年10月27日",
        "发文日期：2022-10-27",
        "时间：2022-10-27 10:15",
        "【字体：大 中 小】 2022年10月27日 浏览次数：120",
        "来源：德阳日报 作者：张三 2022年10月27日",
        "2022年10月27日 08:45 新华网",
        "[2022-10-27]",
        "2022.10.27",
        "阅读次数：200 发布时间：2022/10/27",
        "作者:张三 来源:德阳市科技局 发布时间:2022年10月27日 15:29",
    ],
)
def test_header_dates_date_the_page(header):
    text = f"德阳市科技创新工作取得新成效\n{header}\n{BODY}"
    assert publication_date(text)[0] == 2022
    assert _periods(text) == ["2022", "2021"]


@pytest.mark.parametrize(
    "signature",
    [
        "\n德阳市科技局\n2022年12月20日",
        "\n德阳市科技局 2022年12月20日",
        "\n（2022年12月20日）",
        "\n德阳市科技局\n2022年12月20日\n（此件公开发布）",
    ],
)
def test_a_signature_date_at_the_end_dates_the_page(signature):
    text = f"德阳市科技工作情况\n{BODY}\n{FILLER}{signature}"
    assert publication_date(text) == (2022, 12)
    assert _periods(text) == ["2022", "2021"]


@pytest.mark.parametrize(
    "text",
    [
        f"德阳市科技工作情况\n{BODY}",
        f"德阳市科技工作情况\n{BODY}\n全市将于2025年底前建成创新平台。",
        f"德阳市科技工作情况\n新华社成都1月5日电 {BODY}",
    ],
)
def test_a_page_without_a_date_has_none(text):
    # No date anywhere: the period stays unknown rather than guessed.
    assert publication_date(text) is None
    assert _periods(text) == [None, None]


def test_a_dateline_with_its_year_dates_the_page():
    text = f"科技工作综述\n2022年12月5日电 {BODY}"
    assert publication_date(text) == (2022, 12)


@pytest.mark.parametrize(
    "line,is_date",
    [
        ("2024-01-19", True),
        ("[2024年1月19日 10:05]", True),
        ("2024-01-19 星期五", True),
        ("2024年工作安排", False),
        ("一、2023年工作回顾", False),
    ],
)
def test_date_lines(line, is_date):
    assert is_date_line(line) is is_date


def test_a_date_line_is_no_section_heading():
    # A date under the title names the page's year, not a section of plans.
    text = (
        "政府工作报告解读\n2024-01-19\n"
        "过去一年,全市地区生产总值增长6.1%,新增高新技术企业90家。\n"
    )
    recs = extract(text, "document.txt").records
    assert [(r.kind, r.period) for r in recs] == [
        ("actual", "2023"),
        ("actual", "2023"),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "发布日期：2024年01月22日\n各位代表：",
        "——2024年1月18日在德阳市第九届人民代表大会第四次会议上",
        "来源：德阳日报 2024-01-25 09:10",
    ],
)
def test_a_work_report_reviews_the_year_before_its_date(header):
    text = (
        f"德阳市政府工作报告\n{header}\n"
        "过去一年,全市地区生产总值增长6.1%。"
        "今年全市经济社会发展的主要预期目标是:地区生产总值增长6%左右。\n"
    )
    recs = extract(text, "document.txt").records
    assert [(r.kind, r.period) for r in recs] == [
        ("actual", "2023"),
        ("target", "2024"),
    ]


@pytest.mark.parametrize(
    "date,year",
    [("2023-01-10", "2022"), ("2023-02-20", "2022"), ("2022-12-28", "2022")],
)
def test_one_year_looking_back_early_in_the_year(date, year):
    # 一年来 on a page dated in January looks back on the year just ended.
    text = f"绵阳科技工作综述\n发布时间:{date}\n一年来,全市新增高新技术企业200家。"
    assert _periods(text) == [year]


FIVE_YEARS = (
    "政府工作报告\n发布时间:2022-01-20\n{lead},全市地区生产总值年均增长6.5%,"
    "从2000亿元提升到2800亿元。一般公共预算收入从100亿元增加到150亿元。\n"
)


@pytest.mark.parametrize(
    "lead", ["过去五年", "五年来", "过去的五年", "5年来", "近五年"]
)
def test_five_year_review(lead):
    recs = extract(FIVE_YEARS.format(lead=lead), "document.txt").records
    assert [(r.value, r.period) for r in recs] == [
        (6.5, "2017-01/2021-12"),  # an average over the years: the span
        (2000, "2016"),  # the from-value: the base year
        (2800, "2021"),  # the to-value: the year reported on
        (100, "2016"),
        (150, "2021"),
    ]


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("全市高新技术企业增长60%,从500家增加到800家", "高新技术企业数"),
        ("研发投入强度提高0.5个百分点,由2.1%提高到2.6%", "研发投入强度"),
        ("全市城镇化率由55.3%提高到60.1%", "常住人口城镇化率"),
    ],
)
def test_five_year_spans_of_counts_and_rates(span, name):
    # The from-value is the base year's, the to-value the last year's, whether
    # the span names its subject or the clause before it does.
    text = f"政府工作报告\n发布时间:2022-01-20\n五年来,{span}。\n"
    recs = extract(text, "document.txt").records
    assert [(r.indicator, r.period) for r in recs][-2:] == [
        (name, "2016"),
        (name, "2021"),
    ]


def test_plan_term_review():
    text = (
        "政府工作报告\n发布时间:2021-01-20\n“十三五”期间,全市地区生产总值年均增长7%,"
        "从1500亿元提升到2200亿元。过去一年,全市地区生产总值增长4%。\n"
    )
    recs = extract(text, "document.txt").records
    assert [(r.value, r.period) for r in recs] == [
        (7, "2016-01/2020-12"),
        (1500, "2015"),
        (2200, "2020"),
        (4, "2020"),
    ]


@pytest.mark.parametrize(
    "phrase,period",
    [
        ("五年来,全市新增高新技术企业500家。", "2017-01/2021-12"),
        ("五年来,全市累计引进高层次人才300名。", "2017-01/2021-12"),
        ("五年来,全市高新技术企业达到800家。", "2021"),
    ],
)
def test_five_year_totals_and_levels(phrase, period):
    text = f"政府工作报告\n发布时间:2022-01-20\n{phrase}\n"
    assert _periods(text) == [period]


def test_years_inside_a_sentence_frame_only_their_clause():
    # 2023年,…达713亿元,5年来年均增长…;…: the average is over the five years
    # up to the year named; the clause after it is that year's again.
    text = (
        "科技创新成绩亮眼\n发布时间:2024-02-22\n"
        "2023年,全市科技服务业营业总收入达713亿元,5年来年均增长11.8%;"
        "全市技术合同成交额114.7亿元。\n"
    )
    assert _periods(text) == ["2023", "2019-01/2023-12", "2023"]


def test_a_level_after_an_average_is_the_end_year():
    text = (
        "政府工作报告\n发布时间:2026-01-20\n这五年,全市GDP年均增长6.3%,"
        "一般公共预算收入突破300亿元。\n"
    )
    assert _periods(text) == ["2021-01/2025-12", "2025"]


PROGRESS = "德阳市经济运行情况\n发布时间:2023-07-20\n{lead}\n{body}"


@pytest.mark.parametrize(
    "lead",
    [
        "一、上半年经济运行情况",
        "上半年,全市经济运行稳中向好。",
        "(一)1-6月主要指标",
        "1至6月,全市经济运行总体平稳,稳中有进,工业、投资、消费三大指标均保持较快增长势头。",
    ],
)
def test_a_span_heading_or_lead_frames_what_follows(lead):
    body = "全市地区生产总值增长6.1%。\n规模以上工业增加值增长8%。\n"
    assert _periods(PROGRESS.format(lead=lead, body=body)) == [
        "2023-01/2023-06",
        "2023-01/2023-06",
    ]


def test_another_period_ends_the_span():
    body = (
        "全市地区生产总值增长6.1%。\n2022年,全市地区生产总值2800亿元。\n"
        "规模以上工业增加值增长8%。\n"
    )
    assert _periods(PROGRESS.format(lead="上半年,全市经济稳中向好。", body=body)) == [
        "2023-01/2023-06",
        "2022",
        "2023",
    ]


def test_a_span_after_an_inline_subheading_frames_its_sentences():
    text = (
        "德阳市经济运行情况\n发布时间:2023-07-20\n"
        "(一)农业生产稳定,基础加强。(1)农业生产保持稳定。上半年,全市农业增加值"
        "106.2亿元,同比增长3.1%。春收粮食作物总产56.5万吨,同比增长2.7%。\n"
    )
    assert set(_periods(text)) == {"2023-01/2023-06"}


def test_a_span_inside_a_paragraph_frames_only_its_sentence():
    text = (
        "德阳市科技工作情况\n发布时间:2023-11-20\n"
        "全面落实高企税收优惠政策,举办高企申报培训。1-10月,入库科技型中小企业"
        "1647家。全市高新技术企业总数超过1600家。\n"
    )
    assert _periods(text) == ["2023-01/2023-10", "2023"]


@pytest.mark.parametrize(
    "phrase,period",
    [
        (
            "1-9月,全市规模以上工业增加值增长8%,增速与上半年相比下降0.4个百分点。",
            "2023-01/2023-09",
        ),
        (
            "1-9月,全市固定资产投资增长5%,增速比1-8月提高0.2个百分点。",
            "2023-01/2023-09",
        ),
        ("全市研发经费投入增长12%,增速比2021年提高2个百分点。", "2023"),
        ("全市高新技术企业达到900家,较“十三五”末增加400家。", "2023"),
        ("全市研发投入强度2.6%,较2020年提高0.5个百分点。", "2023"),
    ],
)
def test_a_period_compared_with_is_not_the_figure_s(phrase, period):
    text = f"德阳市经济运行情况\n发布时间:2023-10-20\n{phrase}\n"
    assert _periods(text)[-1] == period


def test_a_figure_of_an_earlier_year_keeps_its_year():
    text = (
        "德阳市科技工作情况\n发布时间:2023-10-20\n"
        "全市研发投入强度达到2.6%,2020年为2.1%。\n"
    )
    assert _periods(text) == ["2023", "2020"]


def test_a_review_and_plan_dated_in_spring():
    # Out in February: the whole-year results are last year's, the plan is for
    # the year the page is dated.
    text = (
        "德阳市科技局工作总结及工作计划\n发布时间:2023-02-10\n一、工作总结\n"
        "全年新增高新技术企业100家。\n二、工作计划\n力争新增高新技术企业120家。\n"
    )
    recs = extract(text, "document.txt").records
    assert [(r.kind, r.period) for r in recs] == [
        ("actual", "2022"),
        ("target", "2023"),
    ]


@pytest.mark.parametrize(
    "date,period",
    [
        ("2023-02-10", "2022-01/2022-09"),  # before the span ended: last year's
        ("2023-10-20", "2023-01/2023-09"),
    ],
)
def test_a_span_is_reported_once_it_is_over(date, period):
    text = f"德阳市经济运行情况\n发布时间:{date}\n前三季度,全市地区生产总值增长6.1%。\n"
    assert _periods(text) == [period]


@pytest.mark.parametrize(
    "lead",
    [
        # A profile dated August 2024 whose opening sentence states 2023 figures.
        "德阳市旌阳区位于四川盆地西北部,面积646平方公里,2023年末户籍总人口65万人,"
        "辖9个镇和6个街道。",
        # A meeting report: the second sentence of the lead names the year reviewed.
        "7月27日,全市科技企业创新促进会召开。记者从会上了解到,2023年我市持续优化"
        "企业创新环境,企业研发投入积极性不断提高。",
        # …in Traditional characters.
        "7月27日,全市科技企業創新促進會召開。記者從會上了解到,2023年我市持續優化"
        "企業創新環境,企業研發投入積極性不斷提高。",
    ],
)
def test_the_year_an_opening_sentence_names_frames_the_page(lead):
    text = (
        "旌阳区科技创新情况\n发布时间:2024-08-01 来源:旌阳区政府网\n"
        f"{lead}\n过去一年,全区高新技术企业数量达到167家。\n"
        "全年地区生产总值850.1亿元,比上年增长6.2%。\n"
        "今年以来,全区新增科技型中小企业30家。"
    )
    got = {
        (r.indicator, r.measure): r.period
        for r in extract(text, "document.txt").records
    }
    assert got[("高新技术企业数", "level")] == "2023"
    assert got[("地区生产总值", "level")] == "2023"
    assert got[("地区生产总值", "growth")] == "2023"
    assert got[("科技型中小企业数", "increase")] == "2024"


def test_an_opening_sentence_of_this_year_leaves_the_page_s_year():
    text = (
        "旌阳区科技创新情况\n发布时间:2024-08-01 来源:旌阳区政府网\n"
        "7月27日,全区科技企业创新促进会召开。会议指出,2024年是关键之年,"
        "全区上下要持续优化企业创新环境。\n今年以来,全区新增科技型中小企业30家。\n"
        "全区高新技术企业数量达到167家。"
    )
    assert _periods(text) == ["2024", "2024"]


@pytest.mark.parametrize(
    "lead",
    [
        "1月12日,德阳市第九届人民代表大会第四次会议开幕,市长作政府工作报告。"
        "报告回顾了2024年工作,并就2025年重点工作进行了部署。",
        "1月12日,德陽市第九屆人民代表大會第四次會議開幕,市長作政府工作報告。"
        "報告回顧了2024年工作,並就2025年重點工作進行了部署。",
    ],
)
def test_a_review_of_the_year_before_the_title_s(lead):
    text = (
        "拼经济!德阳为2025年“划重点”\n"
        f"{lead}\n全年一般公共预算收入168.8亿元,增长5.5%。\n"
        "规模以上工业增加值增长10%,固定资产投资增长7.5%。"
    )
    assert _periods(text) == ["2024"] * 4


@pytest.mark.parametrize(
    "span",
    [
        "由2017年929家增长到3605家",
        # Inline pinyin glosses of a reposted page, moved before the year.
        "由(guó)(rèn)2017年929家增长到3605家",
    ],
)
def test_a_from_to_span_from_a_named_year(span):
    text = (
        "四川省人民政府工作报告\n2023年1月12日\n回顾过去五年,全省发展成绩亮眼。\n"
        f"全省国家认定的高新技术企业{span}。"
    )
    recs = extract(text, "document.txt").records
    assert [(r.period, r.measure, r.norm_value) for r in recs] == [
        ("2017", "level", 929),
        ("2022", "level", 3605),
    ]


@pytest.mark.parametrize(
    "text,periods",
    [
        # 前10月 and 1—10月份 (an em dash) are spans from January.
        (
            "2022年前10月,全市规模以上工业增加值增长6.2%。",
            ["2022-01/2022-10"],
        ),
        (
            "2022年1—10月份,全市固定资产投资增长8.1%。",
            ["2022-01/2022-10"],
        ),
        # 提前2个月 is no span.
        ("2022年,全市提前2个月实现固定资产投资增长8.1%。", ["2022"]),
    ],
)
def test_spans_written_as_前n月_or_with_an_em_dash(text, periods):
    assert _periods(text) == periods


def test_an_undated_release_names_last_year_by_its_number():
    # No date, no year of its own: 去年全年 is the 2021年全年 it compares with.
    text = (
        "前10月德阳消费品零售总额超去年全年\n"
        "记者对比2021年全年数据发现,前10月,全市社会消费品零售总额1200.5亿元,"
        "同比增长9.1%,已超过去年全年的1180.2亿元。\n"
    )
    assert _periods(text) == ["2022-01/2022-10", "2022-01/2022-10", "2021"]


def test_a_comparison_with_last_year_names_no_year():
    # 比去年末 compares: the year named stays the text's own.
    text = "2022年末,全市户籍人口374.8万人,比去年末增加3.0万人。"
    assert set(_periods(text)) == {"2022"}


@pytest.mark.parametrize(
    "text,periods",
    [
        # An undated caption: 今年 set against the year it names is the next one.
        (
            "德阳市近年来加快科技创新。2023年全市高新技术企业达到1250家,"
            "今年上半年,全市地区生产总值达1520.3亿元、同比增长5.9%。",
            ["2023", "2024-01/2024-06", "2024-01/2024-06"],
        ),
        # 2023年是… names the year as a topic, not a frame of figures.
        (
            "2023年是全面贯彻落实党的二十大精神的开局之年,今年上半年,"
            "全市地区生产总值增长5.9%。",
            ["2023-01/2023-06"],
        ),
    ],
)
def test_今年_against_a_named_year_is_the_year_after(text, periods):
    assert _periods(text) == periods


def _kinds_periods(text):
    return [(r.kind, r.period) for r in extract(text, "document.txt").records]


@pytest.mark.parametrize(
    "text",
    [
        # A congress news item that writes the year out in parentheses.
        "德阳市第九届人民代表大会第四次会议昨(15)日开幕,市长向大会作政府工作报告。"
        "报告指出,2023年,德阳市地区生产总值3014.5亿元、增长6.1%。报告又提出"
        "今(2024)年经济社会发展的主要预期目标,包括预期今年地区生产总值增长6.5%,"
        "固定资产投资增长5%。\n",
        # …with full-width parentheses, in Traditional characters.
        "德陽市第九屆人民代表大會第四次會議昨(15)日開幕,市長向大會作政府工作報告。"
        "報告指出,2023年,德陽市地區生產總值3014.5億元、增長6.1%。報告又提出"
        "今（2024）年經濟社會發展的主要預期目標,包括預期今年地區生產總值增長6.5%,"
        "固定資產投資增長5%。\n",
    ],
)
def test_a_year_in_parentheses_is_the_text_s_own(text):
    assert _kinds_periods(text) == [
        ("actual", "2023"),
        ("actual", "2023"),
        ("target", "2024"),
        ("target", "2024"),
    ]


def test_a_year_in_parentheses_dates_its_own_figures():
    text = (
        "今(2024)年以来,全市新增高新技术企业120家。"
        "去(2023)年全市技术合同成交额52.3亿元。"
    )
    assert _periods(text) == ["2024", "2023"]


@pytest.mark.parametrize(
    "text,periods",
    [
        (
            "遂寧市經濟運行情況\n發布時間:2022-08-23\n今年前7個月,全市經濟持續恢復。\n"
            "前7個月,全市規模以上工業增加值同比增長6.2%。1-7月,全市固定資產投資"
            "同比增長12.3%。\n",
            ["2022-01/2022-07", "2022-01/2022-07"],
        ),
        (
            "遂宁市经济运行情况\n来源:遂宁市人民政府 2022-08-23\n前7个月,全市规模以上"
            "工业增加值同比增长6.2%。今年1至3月,全市技术合同成交额达到15.1亿元。\n",
            ["2022-01/2022-07", "2022-01/2022-03"],
        ),
        (
            "遂宁市一季度科技工作情况\n发布时间:2023-04-12\n今年1至3月,全市技术合同"
            "成交额达到15.1亿元,较去年同期增长41%。\n截至3月底,全市各类科技创新平台"
            "达708家。\n",
            ["2023-01/2023-03", "2023-01/2023-03", "2023"],
        ),
    ],
)
def test_month_spans_take_the_page_s_year(text, periods):
    assert _periods(text) == periods


@pytest.mark.parametrize(
    "remark",
    ["该位次为2015年以来同期最好位次", "增速为2015年以来最高", "增速创近五年新高"],
)
def test_a_ranking_remark_names_no_period(remark):
    text = (
        "德阳市上半年经济运行情况\n发布时间:2022-07-27\n上半年全市地区生产总值"
        f"1666.3亿元,同比增长4.5%,居全省第5位,{remark},第一产业增加值128.3亿元。\n"
        "第二产业增加值772.6亿元。\n"
    )
    assert set(_periods(text)) == {"2022-01/2022-06"}


def test_a_ranking_remark_before_its_figure_names_no_period():
    text = (
        "德阳市上半年经济运行情况\n发布时间:2022-07-27\n上半年全市规模以上工业增加值"
        "实现2015年以来同期最快增长8.2%。\n"
    )
    assert _periods(text) == ["2022-01/2022-06"]


def test_a_ranking_remark_does_not_date_an_undated_text():
    # No date anywhere: the year a remark ranks from is not the text's.
    text = (
        "德阳市上半年经济运行情况\n上半年全市地区生产总值1666.3亿元,同比增长4.5%,"
        "增速为2015年以来最高。第一产业增加值128.3亿元,同比增长5%。\n"
    )
    assert set(_periods(text)) == {None}


Q1_LEAD = (
    "全市一季度技术合同成交额同比增长41%\n{date}"
    "记者 张三 科技型中小企业入库数、技术合同成交额大幅增长,2022年“十大技术攻关"
    "项目”取得新突破……昨天,记者从市科技局一季度工作会获悉。\n"
    "今年1至3月,全市技术合同成交额达到15.1亿元。\n"
    "截至3月底,全市各类科技创新平台达708家。\n"
)


def test_a_programme_named_by_its_year_does_not_date_a_dated_page():
    text = Q1_LEAD.format(date="发布时间:2023-04-12\n")
    recs = extract(text, "document.txt").records
    assert [r.period for r in recs] == ["2023-01/2023-03", "2023-01/2023-03", "2023"]
    assert extract(text, "document.txt").info.year == 2023


def test_a_year_s_known_growth_puts_an_undated_quarter_after_it():
    # 2022年度…同比增长13% is over by the time 今年1至3月 is reported on: the
    # text speaks from 2023; the programme title names no year of its own.
    text = Q1_LEAD.format(date="") + "2022年度企业研发经费总量申报额同比增长13%。\n"
    got = {r.norm_value: r.period for r in extract(text, "document.txt").records}
    assert got == {
        41: "2023-01/2023-03",
        1510000000: "2023-01/2023-03",
        708: "2023",
        13: "2022",
    }


def test_a_planned_growth_of_a_year_does_not_move_the_quarter():
    text = Q1_LEAD.format(date="") + "2022年度企业研发经费力争同比增长13%。\n"
    got = {r.norm_value: r.period for r in extract(text, "document.txt").records}
    assert got[1510000000] == "2022-01/2022-03"


@pytest.mark.parametrize(
    "title,lead",
    [
        ("2023年德阳科技工作亮点纷呈", "过去一年,全市"),
        # A count in the title (突破2000家) is no year.
        ("2023年德阳科技型中小企业突破2000家", "过去一年,全市"),
        ("德阳科技型中小企业突破2000家", "过去一年,全市"),
        ("德陽科技型中小企業突破2000家", "過去一年,全市"),
    ],
)
def test_a_page_early_in_the_year_about_the_past_year(title, lead):
    text = (
        f"{title}\n供稿: | 2024-02-01\n1月31日上午,从全市科技工作新闻发布会上获悉,"
        f"{lead}新增高新技术企业120家,技术合同成交额达到52.3亿元。\n"
        "全市新增省级以上创新平台88家。\n今年,全市将力争新增高新技术企业150家。\n"
    )
    assert _kinds_periods(text) == [
        ("actual", "2023"),
        ("actual", "2023"),
        ("actual", "2023"),
        ("target", "2024"),
    ]


@pytest.mark.parametrize(
    "text,periods",
    [
        # Text taken from a PDF parts the year from 年: still a year, and
        # 较 2021 年 still a base.
        (
            "关于印发德阳市科技创新行动方案的通知\n2022/7/15\n"
            "到 2025 年,全市高新技术企业达到 1500 家,较 2021 年翻一番。",
            ["2025"],
        ),
        # A sentence cut by a blank line keeps the year it opened with.
        (
            "关于印发德阳市科技创新行动方案的通知\n2022/7/15\n"
            "到 2025 年,创新主体、创新平台成为推动发展的主要动力,较 2021 年实现"
            "创新主体、创新\n\n平台“双倍增”,即:全市高新技术企业突破 1500 家,"
            "省级以上创新平台突破 300 个。\n",
            ["2025", "2025"],
        ),
    ],
)
def test_years_in_text_from_a_pdf(text, periods):
    assert _periods(text) == periods


_HEADING = "到2025年建成一批高水平创新平台和一批科技型企业培育基地和孵化载体"
_UNDER_WAY = "到2025年,创新主体、创新平台成为推动发展的主要动力,较2021年实现"


@pytest.mark.parametrize(
    "text,joined",
    [
        (f"{_UNDER_WAY}创新\n\n平台倍增。", True),
        # A heading or a title (no sentence under way) is not carried on.
        (f"{_HEADING}\n\n全市新增。", False),
        (f"{_UNDER_WAY}。\n\n平台倍增。", False),
        (f"{_UNDER_WAY}创新\n\n一、主要任务", False),
    ],
)
def test_a_sentence_cut_by_a_blank_line_is_joined(text, joined):
    out = unwrap_lines(text)
    assert len(out) == len(text)
    assert ("\n" not in out) == joined


REPLY = (
    "对政协德阳市十三届委员会第三次会议第059号提案的答复\n"
    "来源:科技和工业信息化局 时间:2023-07-06\n"
    "1、积极培育高新技术企业。通过落实企业创新政策,加大服务力度。2022年,全年新增"
    "高新技术企业12家,科技型中小企业60家。2023年,已有5家企业提交了复审资料。\n"
    "2、加大工业投资力度。2022年,规上企业实现产值100亿元。全年工业投资完成30亿元,"
    "同比增长12%。\n"
    "德阳市科工局\n2023年6月30日\n"
)


def test_全年_is_the_year_its_sentence_or_paragraph_opened_with():
    # 2022年,全年新增…: that year; so in the sentences after it in the same
    # paragraph, also after an inline numbered heading (2、加大工业投资力度。).
    assert _periods(REPLY) == ["2022", "2022", "2023", "2022", "2022", "2022"]


@pytest.mark.parametrize(
    "text,periods",
    [
        # A level reached (迈上…台阶) at the end of a span of years is the end
        # year's; so is a change against a base year (比…2019年增加了).
        (
            "从2020年到2022年,全市经济总量迈上了3000亿元新台阶,"
            "比疫情前的2019年增加了500亿元。",
            ["2022", "2022"],
        ),
        # A total over the span stays the span.
        (
            "2020年至2022年,全市累计新增高新技术企业300家。",
            ["2020-01/2022-12"],
        ),
        # A base named with words before it (比疫情前的2019年) is no period.
        (
            "德阳市经济运行情况\n发布时间:2023-10-20\n"
            "全市地区生产总值3000亿元,比疫情前的2019年增长15%。",
            ["2023", "2023"],
        ),
    ],
)
def test_spans_of_years_reached_or_compared(text, periods):
    assert _periods(text) == periods


@pytest.mark.parametrize(
    "text,periods",
    [
        # 1-3季度 is January to September; 今年1-3季度 opening a progress
        # report frames its items until one names another year.
        (
            "科创工作进展情况\n发布时间:2024-11-05\n"
            "今年1-3季度,在市委、市政府的坚强领导下,较好完成了各项指标任务,"
            "现将进展情况汇报如下:\n一、重点工作完成情况\n"
            "(一)指标完成情况。一是研发投入。2023年我市全社会研发投入20亿元。"
            "二是技术合同成交额。完成技术合同成交额30亿元。",
            ["2023", "2024-01/2024-09"],
        ),
        ("2024年1-3季度,全市技术合同成交额30亿元。", ["2024-01/2024-09"]),
        ("发布时间:2024-08-05\n今年一至二季度,全市新增企业30家。", ["2024-01/2024-06"]),
        # News late in a year about that year, whose next year is named only
        # for plans: the months reported are the year's own.
        (
            "日期:\n12月26日,衢州市召开新闻发布会,江山市通报了2023年经济社会发展"
            "情况。2023年全市经济稳中有进。1-11月,固定资产投资增长6%。"
            "2024年,江山市将加快发展。",
            ["2023-01/2023-11"],
        ),
        # One year far past every other a text names (a slip: 2049年 in a
        # text of a 2019年会) does not date the text.
        (
            "某某合作大会2019年会日前在江山举行。据了解,今年1~9月,"
            "全市财政总收入75亿元。\n2049年,全市新增高新技术企业27家。",
            ["2019-01/2019-09", "2049"],
        ),
    ],
)
def test_quarters_late_news_and_a_stray_year(text, periods):
    assert _periods(text) == periods


@pytest.mark.parametrize(
    "text,periods",
    [
        # A yearbook's 概况 names the place's history (a reign year written out,
        # the year it was founded); its year is the one of the event it dates.
        (
            "【概况】 德阳市位于四川省中部。清朝雍正七年(1729年)设县,1983年,"
            "地级德阳市成立。全年地区生产总值2816.9亿元,比上年增长7.2%。"
            "2023年5月,德阳市获评全国文明城市。年末全市常住人口345.4万人。",
            ["2023", "2023", "2023"],
        ),
        # No year but that of the document the progress report follows up.
        (
            "根据德府发〔2021〕5号文件部署,市政府办公室对1-6月份重点工作进展情况"
            "进行了督查。1-6月份,全市地区生产总值增长8.2%,"
            "一般公共预算收入增长6.3%。",
            ["2021-01/2021-06", "2021-01/2021-06"],
        ),
        # A portal's information table names the document: 三季度进展情况 of the
        # year's targets runs from January to the quarter's end.
        (
            "德阳市人民政府\n"
            "| 标题: | 2024年度全市主要目标任务三季度进展情况通报 | ||\n"
            "|---|---|---|---|\n| 索引号: | 115106000082/2024-00123 | 文号: | |\n"
            "| 发文日期: | 2024-11-03 | 发布机构: | 德阳市人民政府办公室 |\n"
            "一、经济运行稳中向好。全市地区生产总值增长5.6%,一般公共预算收入增长4.2%。",
            ["2024-01/2024-09", "2024-01/2024-09"],
        ),
        (
            "2024年度全市重点任务二季度落实情况\n全市地区生产总值增长5.6%。",
            ["2024-01/2024-06"],
        ),
    ],
)
def test_yearbook_history_years_doc_numbers_and_progress_tables(text, periods):
    assert _periods(text) == periods
