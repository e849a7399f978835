"""Round 6 (r6names2): catalog names reached through a counting word, a share
or an expected growth; a rate's level; residue in names; shared predicates;
a ranking between a name and its figure; small-form punctuation."""

import pytest

from targets.extraction import extract


def _records(head: str, body: str):
    return extract(f"{head}\n{body}", "r6names2.txt").records


def _rows(head: str, body: str):
    return [
        (r.indicator, r.measure, str(r.value))
        for r in _records(head, body)
        if r.indicator_code
    ]


# 户数, 家数: the counting word of firms is no part of the name.
COUNTING_WORDS = [
    ("全区高新技术企业户数达到135户", ("高新技术企业数", "level", "135")),
    ("科技型中小企业户数为420户", ("科技型中小企业数", "level", "420")),
    ("全县高新技术企业家数达到61家", ("高新技术企业数", "level", "61")),
]


@pytest.mark.parametrize(("body", "row"), COUNTING_WORDS)
def test_a_counting_word_after_the_name(body, row):
    assert _rows("某区2022年工作总结", f"2022年,{body}。") == [row]


# 城镇(常住)人口N人,占(常住|总)人口比重M%: the urbanisation rate; the share
# of the registered population is another indicator.
URBAN_SHARES = [
    ("城镇常住人口98.6万人,占常住人口比重61.2%", "常住人口城镇化率"),
    ("城镇人口154万人,占总人口的比重为57.35%", "常住人口城镇化率"),
    ("城镇常住人口40万人,占总人口比例为48.9%", "常住人口城镇化率"),
    ("城镇人口75万人,占户籍总人口比重为44.1%", None),
]


@pytest.mark.parametrize(("body", "name"), URBAN_SHARES)
def test_the_urban_share_of_the_population(body, name):
    records = _records("某市2023年统计公报", f"年末全市{body}。")
    shares = [r for r in records if r.norm_unit == "%"]
    assert len(shares) == 1
    if name is None:
        assert shares[0].indicator_code is None
    else:
        assert shares[0].indicator == name


# 预增, 预降: an expected growth (the name ends before it).
EXPECTED_GROWTH = [
    ("今年生产总值预增9%", ("地区生产总值", "growth", "9")),
    ("今年全市固定资产投资预增12.5%", ("固定资产投资", "growth", "12.5")),
    ("全年社会消费品零售总额预增7%左右", ("社会消费品零售总额", "growth", "7")),
    ("外贸进出口总额预降2%", ("进出口总额", "growth", "-2")),
]


@pytest.mark.parametrize(("body", "row"), EXPECTED_GROWTH)
def test_an_expected_growth(body, row):
    assert _rows("某市2016年政府工作报告", f"{body}。") == [row]


# A rate whose name ends in 增长率 is a level when no verb of change follows it.
RATE_LEVELS = [
    ("人口自然增长率控制在6.5‰以内", "level", "6.5"),
    ("人口自然增长率控制在7%", "level", "7"),
    ("人口自然增长率为4.1‰", "level", "4.1"),
    ("人口自然增长率比上年下降0.4%", "growth", "-0.4"),
]


@pytest.mark.parametrize(("body", "measure", "value"), RATE_LEVELS)
def test_a_rate_named_growth_is_a_level(body, measure, value):
    rows = _rows("某县2012年主要预期目标", f"2012年,{body}。")
    assert rows == [("人口自然增长率", measure, value)]


# ﹔ ﹐ ︰: small and vertical forms break clauses as ; , : do.
SMALL_FORMS = [
    (
        "2023年,建成省级重点实验室1家﹔新认定高新技术企业57户。",
        [("高新技术企业数", "increase", "57")],
    ),
    (
        "2023年,获批国家级平台一个﹐新增科技型中小企业300家。",
        [("科技型中小企业数", "increase", "300")],
    ),
    (
        "2023年,地区生产总值︰1250亿元﹔增长6.1%。",
        [("地区生产总值", "level", "1250"), ("地区生产总值", "growth", "6.1")],
    ),
]


@pytest.mark.parametrize(("body", "rows"), SMALL_FORMS)
def test_small_form_punctuation_breaks_clauses(body, rows):
    got = [x for x in _rows("某市2024年工作报告", body) if x[0] != "省级重点实验室数"]
    assert got == rows


# 在…下, 在…基础上, 连续N年, 根据…结果: adverbials between a name and its verb.
ADVERBIALS = [
    ("全市进出口总额在外需收缩的背景下实现980亿元", ("进出口总额", "level", "980")),
    (
        "社会消费品零售总额在上年高基数的基础上增长5.5%",
        ("社会消费品零售总额", "growth", "5.5"),
    ),
    ("规上工业增加值增速连续三年超过8%", ("规模以上工业增加值", "growth", "8")),
    (
        "地区生产总值根据国家统计局的核算结果完成3120亿元",
        ("地区生产总值", "level", "3120"),
    ),
]


@pytest.mark.parametrize(("body", "row"), ADVERBIALS)
def test_adverbials_are_no_part_of_the_name(body, row):
    assert _rows("某市2023年工作总结", f"2023年,{body}。") == [row]


def test_an_adverbial_cue_without_its_close_stays():
    # 在 opens no adverbial without its closing 下/基础上: the name is left alone.
    rows = _rows("某市2023年工作总结", "2023年,在建项目投资完成320亿元。")
    assert ("地区生产总值", "level", "320") not in rows


# 双超, 双突破, 均超: the figure of each item, no list-shaped name.
SHARED_PREDICATES = [
    (
        "地区生产总值、工业园区产值双超600亿元",
        [("地区生产总值", "600"), ("工业园区产值", "600")],
    ),
    (
        "一般公共预算收入、税收收入双突破30亿元",
        [("一般公共预算收入", "30"), ("税收收入", "30")],
    ),
    (
        "社会消费品零售总额、文旅产业产值均超200亿元",
        [("社会消费品零售总额", "200"), ("文旅产业产值", "200")],
    ),
]


@pytest.mark.parametrize(("body", "rows"), SHARED_PREDICATES)
def test_a_predicate_shared_by_two_items(body, rows):
    records = _records("某县2023年工作总结", f"2023年,全县{body}。")
    assert [(r.indicator, str(r.value)) for r in records] == rows
    assert {r.comparator for r in records} == {">"}


def test_stems_of_an_unwritten_head_give_no_record():
    records = _records(
        "某县2023年工作总结", "2023年,粮食、肉蛋奶、蔬菜产量均稳定在50万吨。"
    )
    assert records == []


# A rank closed by 、 or a comma between the name and its figure: the figure
# stays the name's; a rank alone gives no figure.
RANK_BETWEEN = [
    ("全市经济总量跃升至全省第5位、达到1930亿元", ("地区生产总值", "level", "1930")),
    ("全市地区生产总值跃居全省第2位、达到3600亿元", ("地区生产总值", "level", "3600")),
    (
        "全县一般公共预算收入位居全市第三、达到9.8亿元",
        ("一般公共预算收入", "level", "9.8"),
    ),
]


@pytest.mark.parametrize(("body", "row"), RANK_BETWEEN)
def test_a_rank_between_the_name_and_its_figure(body, row):
    assert _rows("某市2024年政府工作报告", f"2024年,{body}。") == [row]


def test_a_rank_alone_is_no_figure():
    body = "2024年,全县一般公共预算收入位居全市第2位,居民收入居全省前列。"
    assert _rows("某县2024年政府工作报告", body) == []


# A figure inside a run of glossed characters (工業(yè)): the quote ends where
# the text has the figure, with the gloss of its last character.
GLOSSED_QUOTES = [
    ("規上工業(yè)增加值突破千億元,", "規上工業(yè)增加值突破千億元"),
    (
        "科技創(chuàng)新平臺(tái)數(shù)量突破百家,",
        "科技創(chuàng)新平臺(tái)數(shù)量突破百家",
    ),
    ("新建眾創(chuàng)空間12個(gè),", "新建眾創(chuàng)空間12個(gè)"),
    ("科技型中小企業入庫300家,", "科技型中小企業入庫300家"),
]


@pytest.mark.parametrize(("body", "quote"), GLOSSED_QUOTES)
def test_a_quote_inside_a_glossed_run(body, quote):
    records = _records("某市2023年工作总结", f"2023年,全市{body}成效明显。")
    assert [r.quote for r in records] == ["全市" + quote]
    text = f"某市2023年工作总结\n2023年,全市{body}成效明显。"
    assert all(text[r.start : r.end] == r.quote for r in records)


# A place name glued after a growth rate, closing its sentence (a site's name):
# still the growth; a rate before a noun stays a rule's.
def test_a_place_name_after_a_rate_is_page_residue():
    rows = _rows(
        "某市2023年工作回顾", "2022年,規上工業增加值增長8.6%晉中。能源保供有力。"
    )
    assert rows == [("规模以上工业增加值", "growth", "8.6")]
    assert _rows("某市2023年工作回顾", "2022年,对企业给予30%晋中市配套资金补贴。") == []


# 数在N以上: the counting word and a bare copula 在 name nothing; kinds of one
# head joined by 和 are counted together.
COPULA_IN = [
    ("高新技术企业数在450家以上", ("高新技术企业数", "level", "450")),
    ("科技型中小企业在800家以上", ("科技型中小企业数", "level", "800")),
    ("研发投入强度稳定在2.6%", ("研发投入强度", "level", "2.6")),
]


@pytest.mark.parametrize(("body", "row"), COPULA_IN)
def test_a_bare_copula_before_the_figure(body, row):
    assert _rows("某市2025年工作要点", f"到2025年底,全市{body}。") == [row]


def test_kinds_of_one_head_joined_by_and_are_counted_together():
    records = _records(
        "某市2025年工作要点", "2025年,专精特新企业和“小巨人”企业数在40家以上。"
    )
    assert [(r.indicator, r.indicator_code) for r in records] == [
        ("专精特新企业和小巨人企业数", None)
    ]


# X与Y之比: the share of X in Y.
RATIOS = [
    ("技术合同成交额与地区生产总值之比达到1.2%", "技术合同成交额占地区生产总值比重"),
    ("全社会研发经费支出与GDP之比达到2.4%", "研发投入强度"),
    ("技术合同成交额与GDP的之比超过0.8%", "技术合同成交额占地区生产总值比重"),
]


@pytest.mark.parametrize(("body", "name"), RATIOS)
def test_a_ratio_of_two_amounts_is_a_share(body, name):
    records = _records("某市2024年统计公报", f"2024年,全市{body}。")
    assert [r.indicator for r in records] == [name]


# 增速从X转为Y: the growth of what was just named.
RATE_MOVES = [
    "全市完成税收收入88.2亿元,增速从去年同期的-5.6%转为12.4%",
    "全市完成税收收入88.2亿元,增速由上年的-3%回升至12.4%",
    "全市完成税收收入88.2亿元,增幅从2022年的1.2%提高到12.4%",
]


@pytest.mark.parametrize("body", RATE_MOVES)
def test_a_rate_moving_from_an_earlier_value(body):
    rows = _rows("某市2023年上半年经济运行", f"上半年,{body}。")
    assert ("税收收入", "growth", "12.4") in rows
    assert all(name == "税收收入" for name, _, _ in rows)


# 占Y比重首次突破N%达到M%: the bound crossed is cut from the share's name.
def test_a_share_past_a_round_bound():
    body = "上半年,文化产业增加值占GDP比重首次突破6%达到6.35%。"
    records = _records("某市2023年上半年经济运行", body)
    assert [(r.indicator, str(r.value)) for r in records] == [
        ("文化产业增加值占GDP比重", "6.35")
    ]


# 国家级A 15个、省级124个: the same kind at another level; parts of a total
# (其中国家级60家、省级376家) stay parts.
def test_level_words_listed_after_a_kind():
    body = "全市建成国家级科技创新平台22个、省级160个、市级430个。"
    rows = _rows("某市2023年工作总结", body)
    assert rows == [
        ("科技创新平台数", "level", "22"),
        ("科技创新平台数", "level", "160"),
        ("科技创新平台数", "level", "430"),
    ]
    body = "全市科技创新平台达到900家,其中国家级70家、省级410家。"
    records = _records("某市2023年工作总结", body)
    assert [r.indicator for r in records][1:] == [
        "国家级科技创新平台数",
        "省级科技创新平台数",
    ]


# 一季度、上半年、全年GDP分别…: parts of the year of one indicator, not names.
PERIOD_LISTS = [
    ("一季度、上半年、前三季度全市GDP分别增长5.1%、5.4%、5.6%", "地区生产总值", 3),
    ("上半年、全年规上工业增加值分别增长8%、8.5%", "规模以上工业增加值", 2),
    ("1-5月、1-6月固定资产投资分别增长4.2%和4.9%", "固定资产投资", 2),
]


@pytest.mark.parametrize(("body", "name", "n"), PERIOD_LISTS)
def test_a_list_of_periods_shares_one_indicator(body, name, n):
    records = _records("某市2024年经济运行情况", f"2024年,{body}。")
    assert [r.indicator for r in records] == [name] * n


def test_a_list_of_subjects_still_names_each():
    body = "2024年,城镇、农村居民人均可支配收入分别增长4.8%、6.9%。"
    records = _records("某市2024年经济运行情况", body)
    assert [r.indicator for r in records] == [
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
    ]


# A head 新增/新认定 counting firms reaches the items listed after it, not an
# amount after a comma; a bound before a glossed figure is its own qualifier.
HEAD_SCOPE = [
    ("新认定高新技术企业45家,技术合同成交额9.5亿元", "level"),
    ("新增科技型中小企业210家,规上工业增加值630亿元", "level"),
    ("新认定高新技术企业45家,技術(shù)合同成交額突破9億元", "level"),
]


@pytest.mark.parametrize(("body", "measure"), HEAD_SCOPE)
def test_a_head_increase_does_not_reach_an_amount(body, measure):
    records = _records("某市2023年工作总结", f"2023年,全市{body}。")
    assert [r.measure for r in records] == ["increase", measure]


def test_a_head_increase_still_reaches_counts_after_it():
    body = "2023年,全市新增高新技术企业45家,科技型中小企业160家。"
    records = _records("某市2023年工作总结", body)
    assert [r.measure for r in records] == ["increase", "increase"]


# Past a comma, an amount (a flow of the year) or a stock word is no addition
# of what the head verb counted.
FLOW_OR_STOCK_AFTER_HEAD = [
    "引进内资项目32个,实际使用外资8800万美元",
    "增加研发投入2.3亿元,技术合同成交额1.6亿元",
    "培育入库科技型中小企业900家,有效期内高新技术企业410家",
]


@pytest.mark.parametrize("body", FLOW_OR_STOCK_AFTER_HEAD)
def test_a_flow_or_a_stock_after_a_head_increase(body):
    records = _records("某市2023年工作总结", f"2023年,全市{body}。")
    assert records[-1].measure == "level"
    assert records[0].measure == "increase"


# Loans to technology firms, however the firms are named, are 科技贷款余额.
TECH_LOANS = [
    "科技型企业贷款突破90亿元",
    "科技型中小企业贷款余额130亿元",
    "科技企业贷款达到45亿元",
]


@pytest.mark.parametrize("body", TECH_LOANS)
def test_loans_to_technology_firms(body):
    records = _records("某市2025年工作要点", f"今年,全市{body}。")
    assert [r.indicator for r in records] == ["科技贷款余额"]


# 占全市公共财政支出比例: the place of a share's whole and the old name of the
# budget spending name no other share; a part of the city's total stays out.
PLACED_SHARES = [
    ("财政科技支出占全市公共财政支出比例达3.6%", "财政科技支出占比"),
    ("财政科技支出占公共财政预算支出的比重为2.9%", "财政科技支出占比"),
    ("全社会研发经费投入占全市地区生产总值比重达2.7%", "研发投入强度"),
]


@pytest.mark.parametrize(("body", "name"), PLACED_SHARES)
def test_a_share_whose_whole_names_its_place(body, name):
    records = _records("某市2023年科技工作总结", f"2023年,全市{body}。")
    assert [r.indicator for r in records] == [name]


def test_a_part_of_the_city_total_is_no_share_indicator():
    body = "2023年,高新区规上工业增加值占全市比重达到42%。"
    assert _records("某市2023年科技工作总结", body) == []
