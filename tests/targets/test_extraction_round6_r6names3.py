"""Round 6 (r6names3): names with residue, figures lost after a mark, pairs
after a qualifier, ranges with a bare lower end and parts that are not the whole."""

from decimal import Decimal

import pytest

from targets.extraction import extract


def _records(head: str, body: str):
    return extract(f"{head}\n{body}", "r6names3.txt").records


def _rows(records):
    return [(r.indicator, r.measure, r.comparator, str(r.value)) for r in records]


# 修订为, 初步核算为, 现价/不变价: how a figure was established, not a name.
HOW_COUNTED = [
    ("上年全市生产总值修订为856.2亿元", "地区生产总值", "856.2"),
    ("一般公共预算收入经初步核算为41.7亿元", "一般公共预算收入", "41.7"),
    ("全县地区生产总值按现价计算增长5.1%", "地区生产总值", "5.1"),
    ("社会消费品零售总额经修订后为300亿元", "社会消费品零售总额", "300"),
]


@pytest.mark.parametrize(("body", "name", "value"), HOW_COUNTED)
def test_how_a_figure_is_counted_is_no_part_of_its_name(body, name, value):
    records = _records("某市2023年统计公报", f"2023年,{body}。")
    assert [(r.indicator, str(r.value)) for r in records] == [(name, value)]


def test_a_second_price_basis_after_a_list_comma_keeps_the_subject():
    records = _records(
        "某州2024年统计公报", "2024年,全州生产总值可比增长4.1%、现价增长5.0%。"
    )
    assert [(r.indicator, str(r.value)) for r in records] == [
        ("地区生产总值", "4.1"),
        ("地区生产总值", "5"),
    ]


# A round mark passed (百亿元大关, 千亿元台阶) then the exact figure: the exact
# figure is the subject's, the digitless mark no record.
MARK_THEN_FIGURE = [
    (
        "地方一般公共预算收入首次突破百亿元大关、完成103.6亿元",
        "一般公共预算收入",
        "103.6",
    ),
    ("技术合同成交额迈上千亿元台阶、达到1021亿元", "技术合同成交额", "1021"),
    ("社会消费品零售总额跨过五百亿元关口、实现512亿元", "社会消费品零售总额", "512"),
]


@pytest.mark.parametrize(("body", "name", "value"), MARK_THEN_FIGURE)
def test_the_exact_figure_after_a_round_mark(body, name, value):
    records = _records("某市2024年工作总结", f"2023年,全市{body}。")
    assert [(r.indicator, str(r.value)) for r in records] == [(name, value)]


def test_a_mark_alone_stays_and_the_growth_after_it_keeps_the_subject():
    records = _records(
        "某市2024年工作总结", "2023年,一般公共预算收入突破百亿元大关、同比增长6%。"
    )
    assert _rows(records) == [
        ("一般公共预算收入", "level", ">", "100"),
        ("一般公共预算收入", "growth", "=", "6"),
    ]


# A narrowing word that makes the catalog's own indicator of an alias.
MODIFIED = [
    ("全县规上工业企业R&D强度达1.3%", "规上工业企业研发投入强度"),
    ("全市规模以上工业企业R&D经费投入强度达到1.6%", "规上工业企业研发投入强度"),
    ("吸纳省外技术合同成交额18亿元", "吸纳技术合同成交额"),
    ("吸纳技术合同交易额22亿元", "吸纳技术合同成交额"),
]


@pytest.mark.parametrize(("body", "name"), MODIFIED)
def test_a_modifier_that_makes_a_catalog_indicator(body, name):
    records = _records("某县2023年工作总结", f"2023年,{body}。")
    assert [r.indicator for r in records] == [name]


def test_a_modifier_the_catalog_does_not_know_stays_a_name_of_its_own():
    records = _records("某县2023年工作总结", "2023年,全市优秀科技特派员35名。")
    assert [(r.indicator, r.indicator_code) for r in records] == [
        ("优秀科技特派员数", None)
    ]


# 年人均, 社会消费品销售总额: the catalog's names.
NORMALISED = [
    ("城镇常住居民年人均可支配收入41000元", "城镇居民人均可支配收入"),
    ("农村居民年人均可支配收入增长7%", "农村居民人均可支配收入"),
    ("社会消费品销售总额158亿元", "社会消费品零售总额"),
    ("社会消费品销售额增长4.2%", "社会消费品零售总额"),
]


@pytest.mark.parametrize(("body", "name"), NORMALISED)
def test_catalog_names_of_variant_wordings(body, name):
    records = _records("某市2023年统计公报", f"2023年,全市{body}。")
    assert [r.indicator for r in records] == [name]


# A pair of subjects with one head, a qualifier (同口径, 按可比价, 名义) or a
# reposting site's glosses between the head and its two figures, no 分别.
PAIRS = [
    "城镇、农村居民人均可支配收入同口径增长4.2%、7.1%",
    "城乡居民人均可支配收入按可比价计算增长4.2%和7.1%",
    "城镇和农村居民人均可支配收入名义增长4.2%、7.1%",
    "城鎮(zhèn)、農(nóng)村居民人均可支配收入同口徑增長(zhǎng)4.2%、7.1%",
]


@pytest.mark.parametrize("body", PAIRS)
def test_a_pair_after_a_qualifier_splits_in_two(body):
    records = _records("某市2024年统计公报", f"2023年,{body}。")
    assert [(r.indicator, str(r.value)) for r in records] == [
        ("城镇居民人均可支配收入", "4.2"),
        ("农村居民人均可支配收入", "7.1"),
    ]


# A range goal whose lower end is a bare number: the lower number is no part of
# the name, and it is a record (>=) of its own.
BARE_RANGES = [
    ("认定省级重点实验室4—6个", "省级重点实验室数", "4", "6"),
    ("新增高新技术企业20-30家", "高新技术企业数", "20", "30"),
    ("培育科技型中小企业100~150家", "科技型中小企业数", "100", "150"),
    ("新建7—9家省级工程技术研究中心", "省级工程技术研究中心数", "7", "9"),
]


@pytest.mark.parametrize(("body", "name", "low", "high"), BARE_RANGES)
def test_a_range_with_a_bare_lower_end(body, name, low, high):
    records = _records("某市2024年工作要点", f"2024年工作目标:力争{body}。")
    assert [(r.indicator, r.comparator, r.value) for r in records] == [
        (name, ">=", Decimal(low)),
        (name, "<=", Decimal(high)),
    ]


def test_a_reported_range_gets_no_lower_record():
    records = _records("某市2023年工作总结", "2023年,全市新增高新技术企业20-30家。")
    assert [(r.comparator, str(r.value)) for r in records] == [("=", "30")]


# A group of industries before an alias counts a part of the whole.
PARTS = [
    ("三大支柱产业规上工业总产值达到800亿元", "三大支柱产业规上工业总产值"),
    ("五大优势产业规模工业产值达到620亿元", "五大优势产业规模工业产值"),
    ("重点产业规上工业增加值增长9%", "重点产业规上工业增加值"),
]


@pytest.mark.parametrize(("body", "name"), PARTS)
def test_a_group_of_industries_is_not_the_whole(body, name):
    records = _records("某市2024年工作要点", f"2024年,力争{body}。")
    assert [(r.indicator, r.indicator_code) for r in records] == [(name, None)]


def test_the_whole_stays_the_catalogs():
    records = _records("某市2024年工作要点", "2024年,力争规上工业总产值达到800亿元。")
    assert [r.indicator for r in records] == ["规模以上工业总产值"]


# Units entering a list of a level (列入省X): newly entered, the catalog's kind.
FILED = [
    ("8个项目列入省“揭榜挂帅”科技攻关项目", "揭榜挂帅项目数", "8"),
    ("3个项目列入省揭榜挂帅项目", "揭榜挂帅项目数", "3"),
]


@pytest.mark.parametrize(("body", "name", "value"), FILED)
def test_units_listed_in_a_programme_of_a_level(body, name, value):
    records = _records("某市2024年工作总结", f"2023年,全市{body}。")
    assert [(r.indicator, r.measure, str(r.value)) for r in records] == [
        (name, "increase", value)
    ]


# 等工作 and 和 + a verb close the counted noun after a number.
def test_a_counted_noun_ends_at_etc_or_a_joined_verb():
    records = _records(
        "某省2012年科技工作要点",
        "2012年,将通过建立20个左右院士专家工作站和认定3—5个省级重点实验室"
        "等工作加强科技合作。",
    )
    assert [(r.indicator, r.comparator, str(r.value)) for r in records] == [
        ("院士专家工作站数", "~", "20"),
        ("省级重点实验室数", ">=", "3"),
        ("省级重点实验室数", "<=", "5"),
    ]


# A first crossing right after the exact amount restates it (…8476元,首次超过
# 1000美元); a crossing alone, or after a growth, is a figure of its own.
RESTATED_MARKS = [
    ("人均地区生产总值达到9120元,首次超过1100美元", [("人均地区生产总值", "9120")]),
    ("全市实现生产总值2105.3亿元,首次突破2000亿元", [("地区生产总值", "2105.3")]),
    ("一般公共预算收入52.4亿元、首次突破50亿元", [("一般公共预算收入", "52.4")]),
    ("地区生产总值首次突破2000亿元", [("地区生产总值", "2000")]),
    (
        "地区生产总值增长7%,首次突破2000亿元",
        [("地区生产总值", "7"), ("地区生产总值", "2000")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), RESTATED_MARKS)
def test_a_first_crossing_after_the_exact_amount(body, expected):
    records = _records("某市2024年工作总结", f"2023年,{body}。")
    assert [(r.indicator, str(r.value)) for r in records] == expected
