"""Comparators, measures, periods, kinds and exclusions on short sentences."""

from __future__ import annotations

import pytest

from targets.extraction import Record, extract

PLAN = "舒城县科技局2023年工作要点\n一、主要目标\n"
REPORT = "舒城县科技局2022年工作总结\n一、主要指标完成情况\n"


def one(text: str, prefix: str = PLAN) -> Record:
    records = extract(prefix + text, "t.txt").records
    assert len(records) == 1, [r.quote for r in records]
    return records[0]


def only(text: str, prefix: str = PLAN) -> list[Record]:
    return extract(prefix + text, "t.txt").records


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("全县高新技术企业达到130家以上。", ">="),
        ("全县高新技术企业不少于130家。", ">="),
        ("全县高新技术企业不低于130家。", ">="),
        ("全县高新技术企业至少130家。", ">="),
        ("全县高新技术企业超过130家。", ">"),
        ("全县高新技术企业突破130家。", ">"),
        ("全县高新技术企业130余家。", ">"),
        ("全县高新技术企业130多家。", ">"),
        ("全县高新技术企业130家左右。", "~"),
        ("全县高新技术企业稳定在130家。", "~"),
        ("全县高新技术企业约130家。", "~"),
        ("全县高新技术企业近130家。", "~"),
        ("全县高新技术企业不超过130家。", "<="),
        ("全县高新技术企业130家以内。", "<="),
        ("全县高新技术企业不到130家。", "<"),
        ("全县高新技术企业达到130家。", "="),
        ("全县高新技术企业130家。", "="),
    ],
)
def test_comparator_follows_the_qualifier(text: str, comparator: str) -> None:
    assert one(text).comparator == comparator


@pytest.mark.parametrize(
    ("text", "measure", "value"),
    [
        ("全县高新技术企业新增15家。", "increase", 15),
        ("全县高新技术企业净增15家。", "increase", 15),
        ("新认定市级工程技术研究中心15家。", "increase", 15),
        ("全县高新技术企业总数达到130家。", "level", 130),
        ("全社会研发投入增长12%。", "growth", 12),
        ("全社会研发投入增幅12%。", "growth", 12),
        ("全社会研发投入同比下降5%。", "growth", -5),
        ("研发投入强度提高0.2个百分点。", "change_pp", 0.2),
        ("研发投入强度达到2.5%。", "level", 2.5),
    ],
)
def test_measure_follows_the_verb(text: str, measure: str, value: float) -> None:
    r = one(text)
    assert (r.measure, float(r.value)) == (measure, value)


def test_head_verb_reaches_every_item_of_an_enumeration() -> None:
    records = only("新增科技创新平台4家、省科技企业孵化器1家。")
    assert [(r.indicator, r.measure) for r in records] == [
        ("科技创新平台数", "increase"),
        ("省科技企业孵化器数", "increase"),
    ]


def test_anaphor_takes_the_indicator_named_earlier_in_the_sentence() -> None:
    r = one("优化科技特派员队伍，确保总数稳定在2500人左右。")
    assert (r.indicator, r.comparator, r.stretch) == ("科技特派员数", "~", False)


def test_two_tier_targets_are_two_records() -> None:
    a, b = only("新材料产业产值达450亿，力争突破500亿元。")
    assert (a.comparator, a.stretch, a.unit) == ("=", False, "亿")
    assert (b.comparator, b.stretch, b.unit) == (">", True, "亿元")


def test_named_tiers_are_kept_and_are_not_stretch() -> None:
    a, b = only("高新技术产业增加值向人大报告目标增长12%以上，工作目标增长15%以上。")
    assert (a.tier, b.tier) == ("人大报告目标", "工作目标")
    assert a.indicator == b.indicator == "高新技术产业增加值"
    assert not a.stretch and not b.stretch


def test_stretch_scopes_over_the_clause_group() -> None:
    records = only(
        "力争高新技术企业超过2000家，科技型中小企业超过2200家；净增高新技术企业40家。"
    )
    assert [r.stretch for r in records] == [True, True, False]


@pytest.mark.parametrize(
    ("text", "period", "recurring"),
    [
        ("2021年，全市高新技术企业达到612家。", "2021", False),
        ("1-10月，入库国家科技型中小企业1647家。", "2022-01/2022-10", False),
        ("1—9月份，全市技术合同成交额86亿元。", "2022-01/2022-09", False),
        ("上半年，全市技术合同成交额86亿元。", "2022-01/2022-06", False),
        ("前三季度，全市技术合同成交额86亿元。", "2022-01/2022-09", False),
        ("2021年上半年，全市技术合同成交额86亿元。", "2021-01/2021-06", False),
        ("全市高新技术企业达到612家。", "2022", False),
    ],
)
def test_period_of_actuals(text: str, period: str, recurring: bool) -> None:
    r = one(text, REPORT)
    assert (r.kind, r.period, r.recurring) == ("actual", period, recurring)


@pytest.mark.parametrize(
    ("text", "period", "recurring"),
    [
        ("到2025年建成科技企业孵化器、众创空间100家。", "2025", False),
        ("每年获批省级以上科技计划项目5项左右。", "2023", True),
        ("全年登记科技成果800项以上。", "2023", False),
        ("在2022年基础上，高新技术企业增长20%。", "2023", False),
        ("技术合同成交额比2020年翻一番，达到60亿元。", "2023", False),
    ],
)
def test_period_of_targets(text: str, period: str, recurring: bool) -> None:
    r = one(text)
    assert (r.kind, r.period, r.recurring) == ("target", period, recurring)


def test_a_report_quotes_back_its_target() -> None:
    actual, target = only(
        "技术合同成交额达到2.44亿元，超额完成省厅下达的1.8亿元目标任务。", REPORT
    )
    assert (actual.kind, target.kind) == ("actual", "target")
    assert target.indicator == "技术合同成交额"


def test_estimates_are_actuals_marked_as_such() -> None:
    r = one("预计全年高新技术企业数量1950家。", REPORT)
    assert (r.kind, r.estimate) == ("actual", True)


def test_sections_switch_between_actuals_and_targets() -> None:
    text = (
        "XX市科技局2021年工作总结和2022年工作计划\n"
        "一、2021年工作总结\n全市高新技术企业达到612家。\n"
        "二、2022年工作计划\n全市高新技术企业达到700家。\n"
    )
    a, t = extract(text, "t.txt").records
    assert (a.kind, a.period, t.kind, t.period) == ("actual", "2021", "target", "2022")


@pytest.mark.parametrize(
    "text",
    [
        "单个项目最高资助500万元。",
        "给予年度实际研发费用20%的补助。",
        "对骨干企业给予每年不超过2000万元的补贴。",
        "推动营业收入3亿元以上的工业企业设立研发机构。",
        "重点摸排20万元以上设备。",
        "推进5万吨碳纤维项目。",
        "围绕“5+1”主导产业。",
        "研发投入强度排名全省第2。",
        "技术合同成交额占全省的28.23%。",
        "高新技术产业增加值增速比全省平均值高1个百分点。",
        "开展“千家企业大走访”活动。",
        "实施三项计划，建立三个机制。",
        "芜湖长信科技股份有限公司研发投入3.2亿元。",
        "全省高新技术企业达到15000家。",
        "发布时间：2022-10-27 08:10",
        "落实研发费用加计扣除100%政策，按20%比例给予补助。",
        "39065",
    ],
)
def test_what_is_not_a_target_or_an_actual(text: str) -> None:
    assert only(text, REPORT) == []


@pytest.mark.parametrize(
    "text",
    [
        "确保了企业入统率达100%2020年，我市研发投入强度排名全省第三。",
        "南昌科技广场20209月运营至2021年底。",
        "技术合同成交额106.7亿元，分别占全省49.5%25.8%",
        "市级重点实验室20,市级工程技术研究中心29家。\n扫码浏览\n1/3",
    ],
)
def test_scraping_damage_gives_no_nonsense(text: str) -> None:
    records = only(text, REPORT)
    for r in records:
        assert r.quote == (REPORT + text)[r.start : r.end]
    values = {float(r.value) for r in records}
    assert not values & {20209.0, 2020.0, 49.5, 25.8, 3.0, 1.0}


def test_region_comes_from_the_source_line_and_city_words_resolve_to_it() -> None:
    text = "市科技局工作动态\n信息来源：芜湖市科技局\n全市技术转移机构达14家。"
    result = extract(text, "t.txt")
    assert result.info.region == "芜湖市"
    assert result.records[0].region == "芜湖市"


def test_region_from_bare_city_name_in_the_text() -> None:
    text = (
        "市科技局2024年工作要点\n为六安高质量发展增添动能。促进成果在六安转化。\n"
        "全市高新技术企业达到750家。"
    )
    assert extract(text, "t.txt").info.region == "六安市"


def test_info_hint_overrides_region_and_year() -> None:
    r = extract(
        "全市高新技术企业达到750家。",
        "t.txt",
        info_hint={"region": "南昌市", "year": 2023},
    )
    assert (r.info.region, r.records[0].region, r.records[0].period) == (
        "南昌市",
        "南昌市",
        "2023",
    )


def test_catalog_match_needs_the_same_administrative_level() -> None:
    r = one("省级工程技术研究中心28家。", REPORT)
    # Its own catalog row, never the city-level one.
    assert r.indicator == "省级工程技术研究中心数"
    assert r.indicator_code == "provincial_engineering_centers"


def test_alias_must_be_the_head_noun() -> None:
    r = one("新备案省级科技特派员工作站7家。", REPORT)
    assert r.indicator_code != "sci_commissioners" and "工作站" in r.indicator


def test_applications_are_not_stock() -> None:
    r = one("全市科技型中小企业申请入库2360家。", REPORT)
    assert r.indicator_code is None


def test_respectively_gives_each_name_its_own_figure() -> None:
    records = only(
        "全市高新技术企业和科技型中小企业分别达到652家、1423家，分别增长18.5%、21.3%。",
        REPORT,
    )
    assert [(r.indicator, r.measure, float(r.value)) for r in records] == [
        ("高新技术企业数", "level", 652),
        ("科技型中小企业数", "level", 1423),
        ("高新技术企业数", "growth", 18.5),
        ("科技型中小企业数", "growth", 21.3),
    ]


def test_target_in_parentheses_and_completion_rate_in_a_report() -> None:
    records = only(
        "全市高新技术企业总数达1128家，完成年度目标（1100家）的102.5%。", REPORT
    )
    assert [(r.kind, float(r.value)) for r in records] == [
        ("actual", 1128),
        ("target", 1100),
    ]
    assert records[1].indicator == "高新技术企业数"


def test_an_elided_head_takes_the_catalog_name_from_the_sentence() -> None:
    records = only("全年登记技术合同2460项，成交额145.3亿元。", REPORT)
    assert [r.indicator for r in records] == ["技术合同登记数", "技术合同成交额"]


def test_a_work_report_turns_to_this_years_goals() -> None:
    text = (
        "铜陵市人民政府工作报告\n"
        "过去一年，全市新增国家高新技术企业85家。\n"
        "做好今年工作，重点抓好以下几个方面：新建省级以上创新平台8个。\n"
    )
    a, t = extract(text, "t.txt").records
    assert (a.kind, t.kind) == ("actual", "target")


def test_sub_regional_figures_are_left_out() -> None:
    assert only("个别县区研发投入强度不足1%。", REPORT) == []


def test_a_part_borrows_the_measure_word_of_its_whole() -> None:
    records = only("全市专利授权量5200件，其中发明专利1200件。", REPORT)
    assert [r.indicator for r in records] == ["专利授权量", "发明专利授权量"]


def test_full_width_letters_and_signs_are_read() -> None:
    r = one("全社会Ｒ＆Ｄ经费投入强度达到２.１％。", REPORT)
    assert (r.indicator, float(r.value), r.unit) == ("研发投入强度", 2.1, "%")


def test_targets_stated_in_a_completion_report() -> None:
    text = (
        "宣城市科技局2023年度目标任务完成情况\n"
        "1.高新技术企业。年度目标任务为500家，实际完成520家，完成率104%。"
    )
    records = extract(text, "t.txt").records
    assert [(r.kind, r.indicator, int(r.value)) for r in records] == [
        ("target", "高新技术企业数", 500),
        ("actual", "高新技术企业数", 520),
    ]


def test_headings_inside_one_long_scraped_line_still_switch_the_mode() -> None:
    text = (
        "XX市科技局2021年工作总结和2022年工作计划\n"
        "一、2021年工作总结 全市高新技术企业达到612家。"
        "二、2022年工作计划 全市高新技术企业达到700家。\n"
    )
    a, t = extract(text, "t.txt").records
    assert (a.kind, a.period, t.kind, t.period) == ("actual", "2021", "target", "2022")


def test_a_year_hint_the_title_already_names_keeps_both_title_years() -> None:
    text = (
        "XX市科技局2021年工作总结和2022年工作计划\n二、下一步打算\n"
        "高新技术企业达到700家。"
    )
    r = extract(text, "t.txt", info_hint={"year": 2021}).records[0]
    assert (r.kind, r.period) == ("target", "2022")


def test_publication_date_hint_gives_the_year_when_the_title_has_none() -> None:
    r = extract(
        "全市高新技术企业达到750家。", "t.txt", info_hint={"published": "2023-05-01"}
    )
    assert r.records[0].period == "2023"


def test_another_citys_figures_are_left_out() -> None:
    text = (
        "六安市科技局2023年工作总结\n"
        "合肥市高新技术企业达到7000家。六安市技术合同成交额达到50亿元。"
    )
    records = extract(text, "t.txt").records
    assert [(r.indicator, int(r.value)) for r in records] == [("技术合同成交额", 50)]


def test_a_space_separated_table_with_a_number_column() -> None:
    text = (
        "淮南市科技局2023年主要指标完成情况\n\n"
        "序号  指标名称  单位  2023年目标  2023年完成  完成率\n"
        "1  高新技术企业数  家  1200  1256  104.7%\n"
        "2  技术合同成交额  亿元  80  92.5  115.6%\n"
    )
    records = extract(text, "t.txt").records
    assert [(r.kind, r.indicator, float(r.value), r.period) for r in records] == [
        ("target", "高新技术企业数", 1200, "2023"),
        ("actual", "高新技术企业数", 1256, "2023"),
        ("target", "技术合同成交额", 80, "2023"),
        ("actual", "技术合同成交额", 92.5, "2023"),
    ]


def test_will_in_a_report_is_a_goal_unless_it_is_an_estimate() -> None:
    records = only(
        "全市高新技术企业达到600家。明年全市将新增高新技术企业100家。"
        "预计全年技术合同成交额将突破80亿元。",
        REPORT,
    )
    assert [(r.kind, r.period, r.estimate) for r in records] == [
        ("actual", "2022", False),
        ("target", "2023", False),
        ("actual", "2022", True),
    ]
