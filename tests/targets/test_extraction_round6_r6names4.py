"""Round 6 (r6names4): PDF-spaced names and figures, totals that take the
subject of the item before, round marks crossed in turn, a list cut by a line
break, and names that reach the catalog (财政支出, 备案, 进行验收, 申报)."""

import pytest

from targets.extraction import extract


def _records(text: str):
    return extract(text, "r6names4.txt").records


def _rows(records):
    return [(r.indicator, r.measure, str(r.value)) for r in records]


# A page scraped into one line, its pieces set apart by spaces (a PDF): a bare
# number or a Latin word between spaces is no heading of its own.
_FILLER = (
    "各县区人民政府,市直各单位: 现将有关事项通知如下,请认真贯彻执行。"
    "综合考虑宏观经济形势和发展基础,经研究确定了今年的工作安排。 "
    "今年是实施规划的关键之年,做好经济社会发展工作意义重大,"
    "各地各部门要统一思想、狠抓落实,确保各项任务落到实处。 "
)
SPACED = [
    ("科技研发投入占 GDP 比重 2.6% ;", "研发投入强度", "level", "2.6"),
    ("城镇新增就业人数 3.2 万人;", "城镇新增就业", "level", "32000"),
    ("全社会 R&D 经费投入强度达到 2.1 %;", "研发投入强度", "level", "2.1"),
    ("社会消费品零售总额增长 7.0% 左右;", "社会消费品零售总额", "growth", "7"),
]


@pytest.mark.parametrize(("body", "name", "measure", "value"), SPACED)
def test_spaces_of_a_pdf_inside_a_figure_read_as_none(body, name, measure, value):
    text = (
        _FILLER
        + "2025 年全市主要预期目标 为: "
        + body
        + "全面完成节能减排约束性指标。 一、坚持稳中求进,巩固经济回升向好态势。"
        + " 一是抓好项目建设。 积极争取上级政策支持,加快重大项目落地。"
    )
    rows = _rows(_records(text))
    assert (name, measure, value) in rows


def test_a_heading_after_a_sentence_still_opens_its_own_line():
    text = (
        _FILLER
        + "2025 年全市地区生产总值增长 6.5% 左右。 二、工业经济 "
        + "规模以上工业增加值增长 7% 左右,全面完成各项任务。"
    )
    rows = _rows(_records(text))
    assert ("地区生产总值", "growth", "6.5") in rows
    assert ("规模以上工业增加值", "growth", "7") in rows


# 总数/总量/总产量 with no subject of its own: the subject of the item before.
TOTALS = [
    (
        "2023年,新认定高新技术企业15家、新增省级工程技术研究中心4家,"
        "总数分别达到120家和36家。",
        ("高新技术企业数", "level", "120"),
    ),
    (
        "2023年,新增入库科技型中小企业30家,总数增至210家。",
        ("科技型中小企业数", "level", "210"),
    ),
    ("2023年,播种粮食56万亩,总产量24.3万吨。", ("粮食产量", "level", "243000")),
    (
        "2023年,改造高标准农田12万亩,粮食总产18.6亿斤,创历史新高。",
        ("粮食产量", "level", "1860000000"),
    ),
]


@pytest.mark.parametrize(("text", "row"), TOTALS)
def test_a_total_takes_the_subject_of_the_item_before(text, row):
    assert row in _rows(_records("某市2024年工作总结\n" + text))


def test_a_total_of_something_the_catalog_lacks_stays_unnamed():
    records = _records("某县2024年工作总结\n2023年,全县油料种植15万亩,总产量2.1万吨。")
    assert all(r.indicator != "粮食产量" for r in records)


# Round marks crossed in turn (先后跨越A、B、C台阶, 相继突破A和B): marks, not
# figures; the exact figure after them is the subject's.
MARKS = [
    (
        "五年来,全市国内生产总值先后跨越1500亿元、2000亿元台阶,2023年达到2130亿元。",
        ("地区生产总值", "level", "2130"),
    ),
    (
        "五年来,全区一般公共预算收入相继突破50亿元和80亿元大关,2023年达到91.2亿元。",
        ("一般公共预算收入", "level", "91.2"),
    ),
    (
        "“十四五”期间,全省地区生产总值跨越2个千亿元台阶,达到6800亿元。",
        ("地区生产总值", "level", "6800"),
    ),
    ("五年来,经济总量连续突破三千亿元、四千亿元,2023年达到4210亿元。", None),
]


@pytest.mark.parametrize(("text", "row"), MARKS)
def test_marks_crossed_in_turn_are_no_figures(text, row):
    rows = _rows(_records("某市2024年政府工作报告\n" + text))
    money = [r for r in rows if r[1] == "level"]
    if row is None:
        assert all(v not in ("3000", "4000") for _, _, v in money)
    else:
        assert money == [row]


def test_a_single_mark_without_the_exact_figure_stays():
    rows = _rows(
        _records("某市2024年工作总结\n2023年,全市地区生产总值突破3000亿元大关。")
    )
    assert rows == [("地区生产总值", "level", "3000")]


# A list of figures cut by a hard line break after an item (增长8.5%⏎和9%).
_LINE = "2018年,全区经济运行总体平稳,社会消费品零售总额实现261.5亿元,增长6.4%;"
LIST_BREAKS = [
    (
        _LINE + "城乡居民人均可支配收入分别达28336元和13632元,增长8.5%\n和9%。",
        ("农村居民人均可支配收入", "growth", "9"),
    ),
    (
        _LINE + "城镇和农村居民人均可支配收入分别增长7.2%\n与8.1%,较上年有所提高。",
        ("农村居民人均可支配收入", "growth", "8.1"),
    ),
    (
        _LINE + "城乡居民人均可支配收入分别达31000元和15000元,增长6%\n及7.5%。",
        ("农村居民人均可支配收入", "growth", "7.5"),
    ),
]


@pytest.mark.parametrize(("text", "row"), LIST_BREAKS)
def test_the_last_item_of_a_list_after_a_line_break(text, row):
    assert row in _rows(_records("某区2019年政府工作报告\n" + text))


def test_a_new_line_opening_with_a_place_is_no_list_item():
    text = (
        "某区2019年政府工作报告\n"
        + _LINE
        + "全区居民人均可支配收入增长8.5%\n和平街道新增就业1200人。"
    )
    rows = _rows(_records(text))
    assert ("居民人均可支配收入", "growth", "8.5") in rows
    assert all(r[0] != "居民人均可支配收入" or r[2] == "8.5" for r in rows)


def test_three_items_with_and_before_the_last():
    text = (
        "某县2023年统计公报\n2023年,第一产业增加值13.1亿元、第二产业增加值147.8亿元、"
        "第三产业增加值158.9 亿元,分别增长4.1%、6.7%和9.2%。"
    )
    assert ("服务业增加值", "growth", "9.2") in _rows(_records(text))


# Names that reach the catalog.
NAMES = [
    ("2023年,全区财政支出383.9亿元、增长12.2%。", "一般公共预算支出", "383.9"),
    ("2023年,全县地方财政支出52.6亿元。", "一般公共预算支出", "52.6"),
    ("2023年,全市实际到位内资812亿元。", "实际到位内资", "812"),
    ("2023年,全市实际利用内资96.4亿元。", "实际利用内资", "96.4"),
    ("2023年,新增科技型中小企业备案45家。", "科技型中小企业数", "45"),
    ("2024年,计划对5个省级项目进行验收。", "省级科技项目验收数", "5"),
]


@pytest.mark.parametrize(("text", "name", "value"), NAMES)
def test_names_that_reach_the_catalog(text, name, value):
    rows = _rows(_records("某市2024年工作要点\n" + text))
    assert (name, value) in [(n, v) for n, _, v in rows]


def test_a_light_verb_is_no_part_of_a_name():
    records = _records("某区2024年工作要点\n2024年,对12个市级科技项目进行结题验收。")
    assert [r.indicator for r in records] == ["市级科技项目结题验收数"]


# Applications filed (申报, 申请认定, 推荐申报) are counted as they stand.
APPLIED = [
    ("2017年申报认定高新技术企业2家,申报优秀科技成果6个。", ["level", "level"]),
    (
        "2024年,新增高新技术企业12家,申请认定省级工程技术研究中心3家。",
        ["increase", "level"],
    ),
    ("2024年,推荐申报省级专精特新企业15家。", ["level"]),
    # an aim to win a recognition is an addition
    ("2024年,力争申报认定国家国际科技合作基地1个。", ["increase"]),
]


@pytest.mark.parametrize(("text", "measures"), APPLIED)
def test_applications_are_a_level(text, measures):
    records = _records("某区科技局2024年工作要点\n" + text)
    assert [r.measure for r in records] == measures


# The investment of the works just counted (331项…重点工程…,完成投资…) is theirs.
PROJECT_INVESTMENT = [
    "2023年,全市215项城市更新重点工程加速推进,完成投资88.6亿元。",
    "2023年,全县实施民生工程28项,完成投资12.6亿元。",
    "2023年,全区实施重点项目120个,完成投资80亿元。",
]


@pytest.mark.parametrize("text", PROJECT_INVESTMENT)
def test_the_investment_of_works_counted_is_not_the_regions(text):
    records = _records("某市2024年工作总结\n" + text)
    assert all(r.indicator != "固定资产投资" for r in records)


def test_a_bare_investment_of_the_region_stays():
    records = _records("某市2024年工作总结\n2023年,全市完成投资1200亿元,增长5%。")
    assert [r.indicator for r in records] == ["固定资产投资", "固定资产投资"]


# Figures that are no statement of the indicator: a contribution list, a rate
# against last year's rate, how many counties pass a mark.
NOT_FIGURES = [
    "2023年,三次产业对地区生产总值增长的贡献率分别为3.1%、41.2%和55.7%。",
    "2021年前三季度一般公共预算收入达25.02亿元,增速较去年同期提高19.6%。",
    "2020年,全市9个县区生产总值超过百亿元。",
    "2023年,全州5个乡镇一般公共预算收入超亿元。",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_no_catalog_figure_of_the_indicator(text):
    records = _records("某市2024年工作总结\n" + text)
    values = [str(r.value) for r in records if r.indicator_code]
    assert values in ([], ["25.02"])


def test_the_growth_of_the_indicator_next_to_a_rate_gap_stays():
    records = _records(
        "某县2021年前三季度完成情况\n2021年前三季度地区生产总值达440亿元,"
        "同比增长11.6%,增速较去年同期增长8.6%,较疫情前同比增长3.9%。"
    )
    assert _rows(records) == [
        ("地区生产总值", "level", "440"),
        ("地区生产总值", "growth", "11.6"),
        ("地区生产总值", "growth", "3.9"),
    ]


# 增收/减收: the change of the amount just named, no name of its own.
CHANGED_BY = [
    ("全市一般公共预算收入完成43.8亿元,同比增收5.5亿元", "一般公共预算收入", "5.5"),
    ("全县税收收入12.1亿元,比上年减收0.8亿元", "税收收入", "-0.8"),
    ("全市居民人均可支配收入32100元,同比增收2100元", "居民人均可支配收入", "2100"),
]


@pytest.mark.parametrize(("body", "name", "value"), CHANGED_BY)
def test_an_increase_of_revenue_is_the_amounts_change(body, name, value):
    records = _records(f"某市2024年工作总结\n2023年,{body}。")
    assert (name, "increase", value) in _rows(records)


# An application verb heading a 、 list of counts reaches its later items.
APPLIED_LIST = [
    "2015年,推荐申报省高新技术后备企业6家、省“科技小巨人”企业33家。",
    "2015年,申报高新技术企业20家、科技型中小企业30家。",
    "2024年,全市申请认定省级重点实验室2家、省级工程技术研究中心5家。",
]


@pytest.mark.parametrize("text", APPLIED_LIST)
def test_later_items_of_an_applied_list_are_applications(text):
    records = _records("某市科技局2024年工作总结\n" + text)
    assert len(records) == 2
    assert all(r.indicator_code is None for r in records)
    assert [r.measure for r in records] == ["level", "level"]


def test_a_list_after_another_verb_keeps_the_stock():
    records = _records(
        "某市2024年工作总结\n2015年,组织申报项目12项,新增高新技术企业20家、科技型中小企业30家。"
    )
    assert _rows(records)[1:] == [
        ("高新技术企业数", "increase", "20"),
        ("科技型中小企业数", "increase", "30"),
    ]


# 承担 (projects undertaken) is the item's own verb: a level, whatever came before.
UNDERTAKEN = [
    ("2024年,新签订产学研合作项目52项,承担省级以上科技项目29项。", "29"),
    ("2024年,新增高新技术企业12家,累计承担省级以上科技项目57项。", "57"),
    ("2024年,新建研发平台3个,承担省级以上科技计划项目8项。", "8"),
]


@pytest.mark.parametrize(("text", "value"), UNDERTAKEN)
def test_projects_undertaken_are_a_level(text, value):
    rows = _rows(_records("某市2024年工作总结\n" + text))
    assert ("省级以上科技计划项目数", "level", value) in rows


# Units taking part in an evaluation (组织N家企业开展…评价) are no stock of
# what the evaluation recognises, nor the generic 企业数: a count of
# participants states no figure of any indicator (exclusions.states_no_figure).
TOOK_PART = [
    "2024年,全市组织2364家企业开展科技型中小企业评价。",
    "2024年,全县组织85家企业参加高新技术企业认定。",
    "2024年,全区组织46个项目参加省级科技成果评价。",
]


@pytest.mark.parametrize("text", TOOK_PART)
def test_units_taking_part_in_an_evaluation(text):
    records = _records("某市科技局2024年工作总结\n" + text)
    assert records == []


def test_new_firms_stay_the_generic_count():
    records = _records("某县2024年工作总结\n2024年,全县新增企业150家。")
    assert [r.indicator for r in records] == ["企业数"]
