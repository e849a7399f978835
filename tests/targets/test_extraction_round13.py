"""Round 13: kinds of error seen on held-out pages, each as a table of
sentences written for this test."""

from __future__ import annotations

import pytest

from targets.extraction import extract


def _regions(text: str) -> set[str | None]:
    """The regions of what `text` reads (failing when it reads nothing)."""
    records = extract(text, "x.txt").records
    assert records
    return {r.region for r in records}


@pytest.mark.parametrize(
    "text",
    [
        # The title names the province and the city together, and the city's
        # aim is a rank in its province (力争全省上游): the city's page.
        "甘肃庆阳加快科技创新步伐 十四五末力争全省上游\n"
        "记者从甘肃省政府新闻发布会上获悉,庆阳市将力争全省上游。庆阳市副市长介绍,十三五以来,全市地方财政科技支出累计达6.75亿元。"
        "十四五末全社会研发投入强度达到1.5%。",
        "河北邢台工业增速全省榜首\n"
        "记者从河北省政府新闻发布会上获悉,邢台市增速力争全省中上游。邢台市工信局介绍,全市规上工业增加值增长6.2%。",
    ],
)
def test_a_rank_the_city_aims_at_is_not_the_provinces_voice(text: str) -> None:
    assert len(_regions(text)) == 1
    assert _regions(text) - {"甘肃省", "河北省"}


def test_a_province_a_prefecture_is_measured_against_is_not_its_place() -> None:
    # 高于某省平均水平, 保持某省9市州第2位, 居某省第三: the prefecture's
    # figures set against its province, named more often than itself.
    text = (
        "上半年,延边州经济运行延续良好态势。在全州共同努力下,延边州GDP实现404.8亿元,"
        "增长7.5%,保持吉林省9市州第2位。社会消费品零售总额增长16.8%,居吉林省第三;"
        "服务业增加值增长10.2%,高于吉林省平均水平1个百分点;固定资产投资增长8.9%,"
        "高于吉林省平均水平8个百分点;旅游总收入增长38%,高于吉林省平均水平18个百分点;"
        "一般公共预算收入增长9%,居吉林省首位。"
    )
    assert _regions(text) == {"延边朝鲜族自治州"}


def test_a_countys_news_set_against_the_country_province_and_city() -> None:
    # 增幅高于全国、全省、全市 is a comparison listed upwards; the county's own
    # 县委县政府 as often as 全省 elsewhere: the county's page.
    text = (
        "地区生产总值(GDP)153.99亿元,同比增长8.2%,增幅高于全国、全省、全市。\n"
        "松阳锚定工业强县发展方向,成为全市唯一入选名单、全省试点企业名单的县。\n"
        "得益于松阳县委县政府的一贯重视。规上工业增加值增长10.6%,增速居全市第一。"
    )
    assert _regions(text) == {"松阳县"}


def test_the_citys_committee_acting_is_its_voice_over_its_region() -> None:
    # 某市委坚持…团结带领: the city's own committee opening a clause as the one
    # who acts; 与全国全区一道 is the whole it moves with, and the region's name
    # in its history (西藏和平解放) is named in passing.
    text = (
        "预计完成地区生产总值277.8亿元,增长9.2%;一般公共预算收入20.8亿元,增长10%。\n"
        "2021年是极不平凡的一年,也是昌都发展进程中的关键一年。一年来,昌都市委坚持"
        "团结带领各族干部群众拼搏实干,与全国全区一道全面建成小康社会。\n"
        "西藏解放第一村的村民等待领取西藏和平解放70周年纪念品,他说西藏第一面五星红旗在这里升起。"
    )
    assert _regions(text) == {"昌都市"}


def test_a_province_named_short_opening_a_sentence_owns_its_figures() -> None:
    # A county leader quotes the region's report: 今年广西…预期目标 opens the
    # sentence, so its figures are 广西's; the county's own sentence after it
    # (2021年,武宣…) stays the county's.
    text = (
        "专访自治区人大代表、武宣县委书记\n"
        "武宣县在工业振兴方面将围绕百亿园区建设。根据政府工作报告,今年广西经济增长预期目标"
        "6.5%以上,一般公共预算收入增长3%,固定资产投资增长10%。2021年,武宣经济增长"
        "预计增长10%左右,固定资产投资增长28%。武宣县委书记表示信心十足。"
    )
    by_value = {float(r.value): r.region for r in extract(text, "x.txt").records}
    assert by_value[6.5] == by_value[3] == "广西壮族自治区"
    assert by_value[28] == "武宣县"


def test_a_papers_name_glued_to_its_dateline_is_no_subject() -> None:
    # 四川经济日报雅安讯: the paper of the province, not the figures' place.
    text = (
        "雅安上半年经济实现双提升\n\n四川经济日报 2019-08-05 06:50\n\n"
        "四川经济日报雅安讯 (记者 某某)记者日前从雅安市获悉,今年上半年,"
        "该市实现地区生产总值(GDP)280.34亿元,同比增长8%。"
    )
    assert _regions(text) == {"雅安市"}


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # A district's site names its place by the stem alone (districts have
        # no short name): 走进天河, 天河概况, 天河经济.
        (
            "当前位置:首页 > 走进天河 > 天河概况 > 经济发展\n"
            "2023年,我区坚持稳中求进,推动天河经济高质量发展。全区实现地区生产总值"
            "6500亿元,增长5%;我区一般公共预算收入增长6%。",
            "天河区",
        ),
        # 金义新区(金东区): the district a zone is one with, in brackets.
        (
            "区科技局2024年度工作总结\n今年以来,区科技局紧紧围绕区委区政府中心工作,"
            "结合金义新区(金东区)实际情况推进工作。全区新认定高新技术企业35家,"
            "我区技术合同成交额达到12亿元。",
            "金东区",
        ),
    ],
    ids=["stem", "bracketed"],
)
def test_a_district_named_by_its_stem_or_in_brackets_after_its_zone(
    text: str, region: str
) -> None:
    assert _regions(text) == {region}


def test_jinnian_in_a_review_of_the_year_before_the_speech_is_that_year() -> None:
    # Drafted in 2023 and delivered on 2024-01-06: under the heading
    # 一、2023年…计划执行情况, 今年以来 and the 全年 after it are 2023.
    text = (
        "关于2023年国民经济和社会发展计划执行情况\n与2024年国民经济和社会发展计划报告\n"
        "——2024年1月6日在某县第十九届人民代表大会第三次会议上\n"
        "一、2023年国民经济和社会发展计划执行情况\n"
        "今年以来,全县上下坚持稳中求进工作总基调,目标任务基本完成。全年完成地区生产总值"
        "120.5亿元,同比增长6.4%;今年以来固定资产投资增长9.1%。\n"
    )
    actuals = [r for r in extract(text, "x.txt").records if r.kind == "actual"]
    assert len(actuals) == 3
    assert {r.period for r in actuals} == {"2023"}


def test_the_span_a_meetings_story_says_was_reported_frames_its_figures() -> None:
    # No title: 会议通报了某县2018年一季度经济运行情况 near the top, 第一季度 again,
    # and the figures after it carry no period of their own.
    text = (
        "3月29日,某县县长主持召开县政府第一次全体(扩大)会议。会议通报了慈利县2018年"
        "一季度经济运行情况。第一季度,全县主要经济指标实现开门红。预计全县完成地区生产总值"
        "30.6亿元,同比增长8.4%。完成固定资产投资总量9亿元,同比增长18%。"
    )
    actuals = [r for r in extract(text, "x.txt").records if r.kind == "actual"]
    assert len(actuals) == 4
    assert {r.period for r in actuals} == {"2018-01/2018-03"}


@pytest.mark.parametrize(
    "opening",
    [
        "1月21日,某县召开县委经济工作会议,总结2021年经济工作,研究部署2022年经济工作。",
        # A Traditional repost whose glosses stand between the verb and the year.
        "1月21日,某縣召開縣委經(jīng)濟(jì)工作會(huì)議,總結(jié)2021年經(jīng)濟(jì)工作,"
        "研究部署2022年經(jīng)濟(jì)工作。",
    ],
    ids=["simplified", "glossed"],
)
def test_a_meeting_that_sums_up_one_year_and_plans_the_next(opening: str) -> None:
    text = (
        opening
        + "\n刚刚过去的一年,全县高质量发展迈出坚实步伐。预计全年生产总值增长8.5%,"
        "固定资产投资增长12%。\n新的一年,全县将聚焦战略目标。"
    )
    actuals = [r for r in extract(text, "x.txt").records if r.kind == "actual"]
    assert len(actuals) == 2
    assert {r.period for r in actuals} == {"2021"}


def test_the_years_plan_quoted_with_its_completion_ratio() -> None:
    # 完成年计划710亿元的89.4%: the plan's figure is the year's target; the
    # remark in brackets (未达预期目标) does not make the growth after it an aim.
    text = (
        "一、2022年国民经济和社会发展计划执行情况\n2022年,全区经济平稳运行。初步预计,"
        "全区地区生产总值635亿元,完成年计划710亿元的89.4%(主要是二产未达预期目标),"
        "增长2.0%。固定资产投资300亿元,完成年计划385亿元的77.9%,下降18.4%。"
    )
    got = {(r.kind, float(r.value), r.period) for r in extract(text, "x.txt").records}
    assert ("target", 710.0, "2022") in got and ("target", 385.0, "2022") in got
    assert ("actual", 2.0, "2022") in got and ("actual", -18.4, "2022") in got
    assert not any(v == 89.4 for _, v, _ in got)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # A share whose verb makes its name long: the name is not cut to its
        # last characters (研发 kept).
        (
            "2020年,全社会研究与试验发展(R&D)经费支出占地区生产总值(GDP)比重提高至3.98%。",
            ["研发投入强度"],
        ),
        ("2022年,研发经费支出占地区生产总值比重提高至2.1%。", ["研发投入强度"]),
        # The ordinals of a list sharing 产…增加值.
        (
            "2023年全县实现地区生产总值179.1亿元,其中一、二、三产增加值分别实现7.7亿元、"
            "52.4亿元、119亿元。",
            ["地区生产总值", "第一产业增加值", "第二产业增加值", "服务业增加值"],
        ),
        # The basis a figure is counted on, unbracketed.
        ("2023年,实际使用外资商务部口径预计完成580万美元。", ["实际使用外资"]),
        # 是2010年的1.7倍: a multiple of a base year names nothing; the average
        # growth after it is the subject's.
        (
            "2015年,全市实现地区生产总值1059亿元,是2010年的1.7倍,年均增长10.9%。",
            ["地区生产总值", "地区生产总值"],
        ),
    ],
    ids=["share-verb", "share-verb-short", "ordinals", "basis", "multiple"],
)
def test_names_cut_kept_whole_or_cleared_of_debris(text: str, named: list[str]) -> None:
    assert [r.indicator for r in extract(text, "x.txt").records] == named


def test_a_multiple_of_a_base_year_is_no_figure_but_its_bracketed_value_is() -> None:
    text = (
        "某市科技工作综述\n2023年,全市高新技术企业达到6100家,是2018年(2050家)的3倍,"
        "技术合同成交额800.5亿元,是2018年的3.1倍。"
    )
    got = [
        (r.indicator, float(r.value), r.period) for r in extract(text, "x.txt").records
    ]
    assert ("高新技术企业数", 2050.0, "2018") in got
    assert not [g for g in got if g[1] in (3.0, 3.1)]


def test_a_county_named_short_over_its_city_named_in_compounds() -> None:
    # The text speaks at no level; its city is named only in compounds (以某市
    # 核电为龙头, 打造某市能源高地), its county by the short name as a whole.
    text = (
        "2023年主要预期目标:地区生产总值达到236.6亿元,增长7%;固定资产投资达到171.6亿元,"
        "增长7%。产业是云霄发展的基础,也是云霄后发赶超的底气所在。以漳州核电为龙头,"
        "力促清洁能源产业集群,打造漳州能源高地。"
    )
    assert _regions(text) == {"云霄县"}


def test_a_page_run_into_one_line_does_not_open_on_its_titles_year() -> None:
    text = (
        "2020年某县政府工作报告\n2020年某县政府工作报告——2020年4月28日在县十七届人民代表大会"
        "第五次会议上各位代表:现在,我代表县人民政府向大会报告工作。一、2019年工作回顾"
        "2019年,县政府紧密团结和依靠全县人民,主要经济指标均完成目标任务。全县地区生产总值"
        "316.8亿元,同比增长8.2%;规模工业增加值152.22亿元,增长8.1%;固定资产投资"
        "269.57亿元,增长13.7%。"
    )
    records = extract(text, "x.txt").records
    assert len(records) == 6
    assert {(r.kind, r.period) for r in records} == {("actual", "2019")}


def test_goals_of_an_undated_five_year_outline_are_its_terms() -> None:
    # 会议印发了《…第十四个五年规划…纲要(草案)》,确定今后五年的主要发展目标: a
    # text naming no year speaks from the term's first year; 今后五年 ends in 2025.
    text = (
        "2月4号上午,某市第九届人民代表大会第六次会议隆重开幕。会议印发了《某市国民经济和社会"
        "发展第十四个五年规划和二〇三五年远景目标纲要(草案)》,确定今后五年的主要发展目标:"
        "地区生产总值超过1200亿元,常住人口城镇化率达到63%。"
    )
    got = {(r.kind, r.period) for r in extract(text, "x.txt").records}
    assert got == {("target", "2025")}


def test_a_zone_named_with_a_word_that_is_a_citys_short_name() -> None:
    # 湘赣边区域合作示范区: 合作 is a word here, not 合作市's zone.
    text = (
        "政府工作报告\n过去一年,地区生产总值增长5%,规模以上工业增加值增长4.5%。成功承办"
        "湘赣边区域合作示范区建设推进大会,示范区建设全面起势,示范区合作持续深化。"
    )
    assert "合作示范区" not in _regions(text)


def test_a_retail_total_named_without_its_head() -> None:
    records = extract(
        "2020年,全县实现社会消费品零售92.2亿元,比增8.5%。", "x.txt"
    ).records
    assert {r.indicator for r in records} == {"社会消费品零售总额"}


def test_firms_put_on_a_public_list_are_no_aim() -> None:
    text = (
        "2024年工作总结\n我市2024年共组织27家企业申报高新技术企业,17家企业进入拟认定公示名单"
        "(第一批拟认定10家,第二批拟认定6家)。明年拟认定高新技术企业30家。"
    )
    kinds = {float(r.value): r.kind for r in extract(text, "x.txt").records}
    assert kinds[10] == kinds[6] == kinds[17] == "actual"
    assert kinds[30] == "target"


@pytest.mark.parametrize(
    "sentence",
    [
        "今年全县经济增长预期目标为6.5%左右。",
        "今年经济增长的预期目标是6.5%左右。",
        "今年全县经济增长预期目标6.5%左右。",
        "今年我县经济预期增长目标为6.5%左右。",
    ],
    ids=["target-is", "target-de-is", "target-bare", "expected-growth"],
)
def test_the_economys_growth_goal_stated_with_its_copula(sentence: str) -> None:
    # 目标为 right before the figure quotes no earlier figure's goal here: the
    # goal names its own subject, the economy's growth (GDP).
    records = extract("2022年工作安排\n" + sentence, "x.txt").records
    assert [(r.kind, r.indicator, r.measure, r.comparator) for r in records] == [
        ("target", "地区生产总值", "growth", "~")
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "2月9日上午,某县第十九届人民代表大会第二次会议开幕。\n大会听取县人民政府工作报告。\n",
        "1月5日,在某市第九届人民代表大会第二次会议上,市长作政府工作报告。",
    ],
    ids=["opens", "speech"],
)
def test_a_congress_early_in_the_year_reviews_the_year_before(opening: str) -> None:
    # No date line: the story names one year with its results and the next
    # with its plans; the congress sits early in the later one.
    text = (
        opening + "2022年,全县全力以赴拼经济,全年实现地区生产总值87.3亿元、增长10%;"
        "固定资产投资完成26.2亿元。\n2023年,全县继续激发创新活力,高新技术企业达到260家,"
        "技术合同成交金额达到50亿元。"
    )
    got = {(r.kind, r.period) for r in extract(text, "x.txt").records}
    assert got == {("actual", "2022"), ("target", "2023")}
