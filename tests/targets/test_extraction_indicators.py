"""Which indicator a figure counts, by kind of phrasing (invented sentences).

Each row is a phrasing seen in real reports, written afresh with other names and
figures: the rule must hold for the kind, not for one document."""

from __future__ import annotations

import pytest

from targets.extraction import extract, load_catalog
from targets.extraction.catalog import normal_key

REPORT = "某某市科技局2023年工作总结\n一、主要指标完成情况\n"
PLAN = "某某市科技局2024年工作要点\n一、主要目标\n"


def rows(text: str, prefix: str = REPORT) -> list[tuple[str, str, float]]:
    return [
        (r.indicator, r.measure, float(r.norm_value))
        for r in extract(prefix + text, "t.txt").records
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A、B和C + a shared head: each value gets its own item with that head.
        (
            "全市战略性新兴产业和高新技术产业增加值占规上工业增加值比重分别达31.2%和58.4%。",
            [
                ("战略性新兴产业增加值占规模以上工业增加值比重", "level", 31.2),
                ("高新技术产业增加值占规模以上工业增加值比重", "level", 58.4),
            ],
        ),
        (
            "装备制造业、数字经济核心产业和高新技术产业增加值占规上工业增加值比重分别为18.5%、"
            "12.1%和47.3%。",
            [
                ("装备制造业增加值占规上工业增加值比重", "level", 18.5),
                ("数字经济核心产业增加值占规上工业增加值比重", "level", 12.1),
                ("高新技术产业增加值占规模以上工业增加值比重", "level", 47.3),
            ],
        ),
        (
            "全年肉、奶、禽蛋产量分别增长4.1%、6.5%和3.2%。",
            [
                ("肉类总产量", "growth", 4.1),
                ("奶类产量", "growth", 6.5),
                ("禽蛋产量", "growth", 3.2),
            ],
        ),
        (
            "城镇和农村居民人均可支配收入分别增长5.2%和6.9%。",
            [
                ("城镇居民人均可支配收入", "growth", 5.2),
                ("农村居民人均可支配收入", "growth", 6.9),
            ],
        ),
        # 两者/二者…分别: the two figures just named.
        (
            "城镇居民人均可支配收入41200元，农村居民人均可支配收入18600元，"
            "两者扣除价格因素实际分别增长4.8%和6.1%。",
            [
                ("城镇居民人均可支配收入", "level", 41200),
                ("农村居民人均可支配收入", "level", 18600),
                ("城镇居民人均可支配收入", "growth", 4.8),
                ("农村居民人均可支配收入", "growth", 6.1),
            ],
        ),
        (
            "全市进出口总额520亿元，实际使用外资3.1亿美元，二者分别增长8.2%和11.5%。",
            [
                ("进出口总额", "level", 52_000_000_000),
                ("实际使用外资", "level", 310_000_000),
                ("进出口总额", "growth", 8.2),
                ("实际使用外资", "growth", 11.5),
            ],
        ),
    ],
)
def test_a_list_before_respectively_names_each_figure(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 从A提升到B / 由A增至B: the name stops before 从/由 and a region name.
        (
            "2018年以来，浙江技术合同交易总额从88.6亿元提升到215.3亿元。",
            [("技术合同成交额", "level", 8_860_000_000)],
        ),
        (
            "全市技术合同交易总额由40.2亿元增至71.5亿元。",
            [
                ("技术合同成交额", "level", 4_020_000_000),
                ("技术合同成交额", "level", 7_150_000_000),
            ],
        ),
        # 全市/全省 is the whole region, never a 市级/省级 prefix.
        (
            "全市有效发明专利授权量超1.2万件、增长15%。",
            [
                ("有效发明专利拥有量", "level", 12000),
                ("有效发明专利拥有量", "growth", 15),
            ],
        ),
        # …比2022年增长近N家: the count grew by so much.
        (
            "全市入库科技型中小企业数量比2022年增长近800家，同比增长18.6%。",
            [
                ("科技型中小企业数", "increase", 800),
                ("科技型中小企业数", "growth", 18.6),
            ],
        ),
        # X净增长率达N%: the growth of X.
        (
            "全市高新技术企业净增长率达21%，总数突破1200家。",
            [("高新技术企业数", "growth", 21), ("高新技术企业数", "level", 1200)],
        ),
        (
            "全社会R&D支出86.4亿元，比增12.7%。",
            [
                ("全社会研发经费投入", "level", 8_640_000_000),
                ("全社会研发经费投入", "growth", 12.7),
            ],
        ),
        # …人员 is the count of people.
        (
            "城镇新增就业人员8.6万人，比上年下降3.1%。",
            [("城镇新增就业", "level", 86000), ("城镇新增就业", "growth", -3.1)],
        ),
        # 技术合同登记成交总金额: an amount, not the count of contracts.
        (
            "完成技术合同登记成交总金额5.6亿元，预计全年完成7亿元，同比增长35%。",
            [
                ("技术合同成交额", "level", 560_000_000),
                ("技术合同成交额", "level", 700_000_000),
                ("技术合同成交额", "growth", 35),
            ],
        ),
    ],
)
def test_the_name_keeps_only_what_is_counted(text, expected):
    got = rows(text)
    assert got[: len(expected)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # X…,占Y的比重达N%,增速达M%: the share of X, then the growth of X.
        (
            "全市财政科技支出18.2亿元，占一般公共预算支出的比重达到4.1%，增速达到12.3%。",
            [
                ("地方财政科技投入", "level", 1_820_000_000),
                ("财政科技支出占比", "level", 4.1),
                ("地方财政科技投入", "growth", 12.3),
            ],
        ),
        (
            "全市财政科技支出9.5亿元，占一般公共预算支出比重为3.6%。",
            [
                ("地方财政科技投入", "level", 950_000_000),
                ("财政科技支出占比", "level", 3.6),
            ],
        ),
    ],
)
def test_a_share_after_its_subject(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # …增长N%,从X提升到Y: X and Y are levels of what the clause before counted.
        (
            "全市地区生产总值年均增长6.8%，从3200亿元提升到4100亿元。",
            [
                ("地区生产总值", "growth", 6.8),
                ("地区生产总值", "level", 320_000_000_000),
                ("地区生产总值", "level", 410_000_000_000),
            ],
        ),
        (
            "全市一般公共预算收入增长9.2%，由210亿元跃升至268亿元。",
            [
                ("一般公共预算收入", "growth", 9.2),
                ("一般公共预算收入", "level", 21_000_000_000),
                ("一般公共预算收入", "level", 26_800_000_000),
            ],
        ),
        (
            "全市高新技术企业数量增长35%，从620家增加到837家。",
            [
                ("高新技术企业数", "growth", 35),
                ("高新技术企业数", "level", 620),
                ("高新技术企业数", "level", 837),
            ],
        ),
        # A rate as the from-value is no rate in a rule (按20%比例).
        (
            "全社会研发投入强度提高0.4个百分点，从2.3%提高到2.7%。",
            [
                ("研发投入强度", "change_pp", 0.4),
                ("研发投入强度", "level", 2.3),
                ("研发投入强度", "level", 2.7),
            ],
        ),
        (
            "全市常住人口城镇化率由58.2%提高到61.5%。",
            [("常住人口城镇化率", "level", 58.2), ("常住人口城镇化率", "level", 61.5)],
        ),
        # The link alone opens the item: the to-value of the same subject.
        (
            "全市地区生产总值增长5.6%，提升到3650亿元。",
            [
                ("地区生产总值", "growth", 5.6),
                ("地区生产总值", "level", 365_000_000_000),
            ],
        ),
        # A subject whose unit the span's values cannot take, or none at all:
        # no record, and never one named 从, 由 or 提升到.
        (
            "全社会研发投入强度达到2.6%，从58亿元增加到76亿元。",
            [("研发投入强度", "level", 2.6)],
        ),
        ("从3200亿元提升到4100亿元。", []),
        ("全市从3200亿元提升到4100亿元。", []),
    ],
)
def test_a_from_to_span_takes_the_subject_of_the_clause_before(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # N家企业入库/纳入X: counted as X (a generic noun before the verb).
        ("全市1820家企业入库科技型中小企业。", [("科技型中小企业数", "level", 1820)]),
        ("共有96家企业入选科技型中小企业。", [("科技型中小企业数", "level", 96)]),
        # …名X深入基层开展…: the counted noun ends before its verb.
        (
            "累计选派316名省市科技特派员深入基层开展技术服务。",
            [("科技特派员数", "level", 316)],
        ),
    ],
)
def test_the_counted_noun_after_the_number(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Applications are not the stock.
        ("已指导18家企业申报今年第一批高企。", []),
        ("组织37家企业申报国家高新技术企业。", []),
        # Money is not a count: a 数 indicator never takes 万元.
        ("其中,重大科技专项980万元。", []),
        # A round mark passed, stated next to the exact figure.
        ("全市技术合同成交额126.4亿元，首次突破百亿元大关。", [12_640_000_000]),
        ("技术合同成交额首破百亿元大关,达112.3亿元。", [11_230_000_000]),
        ("全市地区生产总值跨越2个千亿元台阶。", []),
    ],
)
def test_only_real_figures_take_a_catalog_indicator(text, kept):
    cat = load_catalog()
    records = extract(REPORT + text, "t.txt").records
    assert [r.norm_value for r in records if cat.lookup(r.indicator)] == kept


def test_a_round_mark_alone_is_the_figure():
    assert rows("全市R&D经费投入总量首次突破百亿元大关，增速居全省第三。") == [
        ("全社会研发经费投入", "level", 10_000_000_000)
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("技术合同交易总额", "技术合同成交额"),
        ("技术合同登记成交总金额", "技术合同登记额"),
        ("有效发明专利授权量", "有效发明专利拥有量"),
        ("有效发明专利数", "有效发明专利拥有量"),
        ("城镇新增就业人员", "城镇新增就业人数"),
    ],
)
def test_normal_keys_set_wording_aside(a, b):
    assert normal_key(a) == normal_key(b)
    assert load_catalog().resolve(a) is load_catalog().resolve(b)


def test_targets_share_the_list_rules():
    assert rows("力争全区肉、奶、禽蛋产量分别增长5%、8%、3%。", PLAN) == [
        ("肉类总产量", "growth", 5),
        ("奶类产量", "growth", 8),
        ("禽蛋产量", "growth", 3),
    ]


def test_a_second_list_after_respectively_shares_the_names():
    assert rows("城乡居民人均可支配收入分别为45210元、23380元,增长4.9%、6.8%。") == [
        ("城镇居民人均可支配收入", "level", 45210),
        ("农村居民人均可支配收入", "level", 23380),
        ("城镇居民人均可支配收入", "growth", 4.9),
        ("农村居民人均可支配收入", "growth", 6.8),
    ]


def test_a_later_item_naming_its_own_indicator_leaves_the_list():
    got = rows(
        "城乡居民人均可支配收入分别增长5.1%、6.2%,固定资产投资增长7.4%,"
        "规上工业增加值增长8.1%。"
    )
    assert [i for i, _, _ in got] == [
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
        "固定资产投资",
        "规模以上工业增加值",
    ]


def test_a_head_verb_reaches_items_after_a_skipped_first_one():
    # The first item is about the nation (skipped); 新增 still heads the list.
    got = rows("全市新增全国重点实验室2家、新型研发机构7家、省级院士专家工作站11家。")
    assert [
        (i, m) for i, m, _ in got if i in ("新型研发机构数", "省级院士专家工作站数")
    ] == [
        ("新型研发机构数", "increase"),
        ("省级院士专家工作站数", "increase"),
    ]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # A size that selects the items counted is not part of their name.
        ("储备投资超5亿元重大项目300个以上。", "储备重大项目数"),
        ("实施总投资5000万元以上的科技项目20个。", "科技项目数"),
        # A relative clause before the counted noun.
        ("研究开发30个具有自主知识产权的重大新产品。", "重大新产品数"),
    ],
)
def test_a_selecting_clause_is_not_part_of_the_name(text, indicator):
    assert [i for i, _, _ in rows(text, PLAN)] == [indicator]


def quotes(text: str, prefix: str = REPORT) -> list[tuple[str, str, str]]:
    return [
        (r.indicator, r.measure, r.quote)
        for r in extract(prefix + text, "t.txt").records
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Synonyms the catalog keeps as aliases: 物价涨幅 is the CPI rise.
        ("全年物价涨幅控制在2.8%左右。", [("居民消费价格涨幅", "level", 2.8)]),
        # A verb between the subject and what is measured names nothing.
        (
            "第三产业完成增加值61.2亿元,同比增长2.4%。",
            [("服务业增加值", "level", 6120000000.0), ("服务业增加值", "growth", 2.4)],
        ),
        ("规上工业实现增加值35亿元。", [("规模以上工业增加值", "level", 3500000000.0)]),
        # A verb left after the name (稳定, 保持) is no part of it.
        ("粮食产量稳定85万吨以上。", [("粮食产量", "level", 850000.0)]),
        # 城乡 and 城镇和农村X + a head with 常住 and 同比 before 分别.
        (
            "城乡常住居民人均可支配收入分别完成38120元、15260元,增长5.1%、6.8%。",
            [
                ("城镇居民人均可支配收入", "level", 38120.0),
                ("农村居民人均可支配收入", "level", 15260.0),
                ("城镇居民人均可支配收入", "growth", 5.1),
                ("农村居民人均可支配收入", "growth", 6.8),
            ],
        ),
        (
            "城镇和农村牧区常住居民人均可支配收入同比分别增长4.6%和7.1%。",
            [
                ("城镇居民人均可支配收入", "growth", 4.6),
                ("农村居民人均可支配收入", "growth", 7.1),
            ],
        ),
        # A follow-on clause compared with a base year counts the subject.
        (
            "科技型中小企业达到520家,较上年度增加64家,增长14%。",
            [
                ("科技型中小企业数", "level", 520.0),
                ("科技型中小企业数", "increase", 64.0),
                ("科技型中小企业数", "growth", 14.0),
            ],
        ),
        # By how much a task was beaten is no figure of its own; the growth
        # after it is the subject's.
        (
            "固定资产投资完成23亿元,超额完成年度任务1.4亿元,增长11.2%。",
            [("固定资产投资", "level", 2300000000.0), ("固定资产投资", "growth", 11.2)],
        ),
        # A plan period (“十四五”以来) frames the figure, it names nothing.
        (
            "单位地区生产总值能耗下降3%,“十四五”以来累计下降12%。",
            [
                ("单位地区生产总值能耗", "growth", -3.0),
                ("单位地区生产总值能耗", "growth", -12.0),
            ],
        ),
        # The investment of the projects the sentence counts is not the
        # region's 固定资产投资; a bare 完成投资 alone still is.
        (
            "全年实施亿元以上重点项目86个,完成投资74亿元。",
            [
                ("亿元以上重点项目数", "level", 86.0),
                ("重点项目完成投资", "level", 7400000000.0),
            ],
        ),
        (
            "全年完成投资126亿元,增长6%。",
            [
                ("固定资产投资", "level", 12600000000.0),
                ("固定资产投资", "growth", 6.0),
            ],
        ),
    ],
)
def test_names_map_to_the_catalog_through_wording(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A number before the first noun of a 、 list counts that noun only.
        (
            "推进126个老旧小区改造项目、国际港站扩建、环线高速等重大工程。",
            [("老旧小区改造项目数", "level", "推进126个老旧小区改造项目")],
        ),
        (
            "建成18个安置房项目、新增停车位2.4万个。",
            [
                ("安置房项目数", "level", "建成18个安置房项目"),
                ("停车位数", "increase", "新增停车位2.4万个"),
            ],
        ),
        # …but a list of levels, of words in brackets, or of modifiers of one
        # head is one noun.
        (
            "新增12家国家级、省级工程技术研究中心。",
            [
                (
                    "省级工程技术研究中心数",
                    "increase",
                    "新增12家国家级、省级工程技术研究中心",
                )
            ],
        ),
        (
            "实施15项技术难度大、带动作用强的重大科技专项。",
            [
                (
                    "科技重大专项数",
                    "level",
                    "实施15项技术难度大、带动作用强的重大科技专项",
                )
            ],
        ),
    ],
)
def test_a_number_before_a_list_counts_its_first_noun(text, expected):
    assert quotes(text, PLAN) == expected


def named(text: str, prefix: str = REPORT) -> list[tuple[str, str, str, float]]:
    return [
        (r.kind, r.indicator, r.measure + r.comparator, float(r.norm_value))
        for r in extract(prefix + text, "t.txt").records
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Qualifiers between the subject and the figure name nothing.
        (
            "全市一般公共预算收入达410.5亿元、同口径增长3.2%。",
            [
                ("actual", "一般公共预算收入", "level=", 41050000000.0),
                ("actual", "一般公共预算收入", "growth=", 3.2),
            ],
        ),
        (
            "全市一般公共预算收入同口径增长6.1%。",
            [("actual", "一般公共预算收入", "growth=", 6.1)],
        ),
        (
            "三年来,全市居民人均可支配收入三年增长21.4%。",
            [("actual", "居民人均可支配收入", "growth=", 21.4)],
        ),
        # A region's 目标 before a name of the economy; 目标定为 before a figure.
        (
            "2024年,浙江目标经济增长5.5%左右。",
            [("target", "地区生产总值", "growth~", 5.5)],
        ),
        (
            "2024年,全市GDP目标定为6%。",
            [("target", "地区生产总值", "growth=", 6.0)],
        ),
        # Crossing a mark (迈过, 跨过) is more than it, and names nothing itself.
        (
            "全市地区生产总值继2019年迈过五千亿元大关后,2023年又迈过6000亿元关口。",
            [("actual", "地区生产总值", "level>", 600000000000.0)],
        ),
        # A note cut at its comma (人民币,下同) is no name.
        (
            "全市地区生产总值达3200亿元(人民币,下同)、增长4.8%。",
            [
                ("actual", "地区生产总值", "level=", 320000000000.0),
                ("actual", "地区生产总值", "growth=", 4.8),
            ],
        ),
        # 人均 after the subject's figure, across an interjected predicate.
        (
            "全市GDP突破8000亿元、再上一个新台阶、人均达11.2万元左右。",
            [
                ("actual", "地区生产总值", "level>", 800000000000.0),
                ("actual", "人均地区生产总值", "level~", 112000.0),
            ],
        ),
        # A share cut to 占营业收入的 / 占营业收入比 is the clause subject's share.
        (
            "全市规上工业研发费用12.6亿元,占营业收入的2.91%。",
            [
                ("actual", "规上工业企业研发费用", "level=", 1260000000.0),
                ("actual", "规上工业企业研发投入强度", "level=", 2.91),
            ],
        ),
        (
            "全市规上工业企业研发费用40.2亿元,同比增长9.1%,占营业收入比3.05%。",
            [
                ("actual", "规上工业企业研发费用", "level=", 4020000000.0),
                ("actual", "规上工业企业研发费用", "growth=", 9.1),
                ("actual", "规上工业企业研发投入强度", "level=", 3.05),
            ],
        ),
    ],
)
def test_words_between_subject_and_figure_that_name_nothing(text, expected):
    assert named(text) == expected


def test_likely_ends_at_the_semicolon():
    # 有望 about one figure does not make the figures after a ; goals.
    text = (
        "2023年,全市地区生产总值8120亿元,人均GDP有望保持全省首位;"
        "固定资产投资完成2140.6亿元,同比增长5.1%。"
    )
    got = named(text, "某某市2024年新闻\n")
    assert [k for k, *_ in got] == ["actual"] * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lone space from the page layout inside a name (占 GDP 比重) is no
        # part of it: the alias still matches.
        (
            "全市全社会研发经费投入占 GDP 比重达到2.6%。",
            [("actual", "研发投入强度", "level=", 2.6)],
        ),
        (
            "全市新增国家科技型中小 企业 310 家。",
            [("actual", "科技型中小企业数", "increase=", 310.0)],
        ),
        # A bound crossed, and how (顺利迈上了), names nothing.
        (
            "2023年,全市经济总量顺利迈上了4000亿元新台阶。",
            [("actual", "地区生产总值", "level>", 400000000000.0)],
        ),
        # The base of a comparison (比疫情前的2019年) names nothing: the figure
        # is the change of the subject just named.
        (
            "全市地区生产总值3520亿元,比疫情前的2019年增加了近600亿元。",
            [
                ("actual", "地区生产总值", "level=", 352000000000.0),
                ("actual", "地区生产总值", "increase~", 60000000000.0),
            ],
        ),
        # 削减 / 压减 a share is a negative growth; the base year names nothing.
        (
            "化学需氧量排放量较2020年削减3.5%。",
            [("target", "化学需氧量排放量", "growth=", -3.5)],
        ),
    ],
)
def test_layout_spaces_bounds_and_bases_name_nothing(text, expected):
    assert named(text, PLAN if "较2020年" in text else REPORT) == expected


def test_a_wrap_between_a_number_and_its_unit():
    # A hard-wrapped page: the number on one line, its unit on the next.
    text = (
        "2022年,全市经济运行持续向好,全市地区生产总值首次突破3000\n"
        "亿元,增长6.2%,增速居全省前列。\n"
    )
    assert named(text) == [
        ("actual", "地区生产总值", "level>", 300000000000.0),
        ("actual", "地区生产总值", "growth=", 6.2),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 新增就业 is the catalog's 城镇新增就业, a level of the year (its 新增 is
        # part of the name, not a verb); a group of people narrows it.
        (
            "全年新增就业首次突破32万人,城镇调查失业率5.1%。",
            [
                ("actual", "城镇新增就业", "level>", 320000.0),
                ("actual", "城镇调查失业率", "level=", 5.1),
            ],
        ),
        (
            "全年农村劳动力新增就业2.4万人。",
            [("actual", "农村劳动力新增就业数", "level=", 24000.0)],
        ),
    ],
)
def test_new_jobs_is_the_urban_new_jobs_level(text, expected):
    assert named(text) == expected


def test_a_target_quoted_back_in_quotes():
    # 完成年度目标任务“增长6%”的97%: the quoted figure is the year's target of
    # the subject just named; the completion rate is nothing.
    text = (
        "——全区地区生产总值预计完成1020亿元、增长4.2%,完成年度目标任务“增长6%”的70%。"
    )
    got = named(text, "某某区2022年国民经济和社会发展计划执行情况的报告\n")
    assert got == [
        ("actual", "地区生产总值", "level=", 102000000000.0),
        ("actual", "地区生产总值", "growth=", 4.2),
        ("target", "地区生产总值", "growth=", 6.0),
    ]


def test_a_price_index_as_written_is_the_cpi():
    # 居民消费价格指数102.1 (last year = 100): the catalog's CPI, as written.
    got = named("2023年,全市城镇登记失业率2.6%;居民消费价格指数102.1,物价平稳。")
    assert got[-1] == ("actual", "居民消费价格涨幅", "level=", 102.1)
