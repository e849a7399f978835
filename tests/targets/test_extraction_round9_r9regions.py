"""Round 9 (r9regions): a two-character county after a function word, a
county-level city's text naming its prefecture in passing, and a district the
gazetteer snapshot left out (own phrasings)."""

import pytest

from targets.extraction.regions import detect_region

# (text, region): the document's own region.
POSITIVE = [
    # A two-character county's congress after 在 (the opening line of a report).
    (
        "政府工作报告\n——2020年1月8日在歙县第十六届人民代表大会第五次会议上\n"
        "各位代表:全县上下团结奋斗,全县地区生产总值增长6%。",
        "歙县",
    ),
    (
        "工作报告\n——在泾县第九届人民代表大会第二次会议上\n"
        "全县一般公共预算收入增长5%,全县固定资产投资增长8%。",
        "泾县",
    ),
    # A county-level city named more often than its prefecture, named once
    # in passing as a comparison.
    (
        "一、过去一年\n义乌市生产总值增长7%,义乌迈向高质量发展。"
        "园区成为金华市规模最大的园区,义乌成为全省首个试点。",
        "义乌市",
    ),
    # A district of 重庆 the snapshot had left out.
    (
        "渝北,科技创新活力强劲。今年以来,我区新增高新技术企业80家,离不开渝北区的支持。",
        "渝北区",
    ),
    # A page that names only two counties of one prefecture, once, in a list.
    (
        "2024年工作回顾\n全年地区生产总值增长5%、居全省第4位。"
        "桐庐县、淳安县入选全国试点,高新技术企业120家。",
        "杭州市",
    ),
]

# (text, region): what must not change.
NEGATIVE = [
    # 示范县 is not 范县, 省市和县委 not 和县.
    (
        "某市科技局工作总结\n全市创建示范县人民政府表彰3个,全市高新技术企业120家。",
        None,
    ),
    # A prefecture's text naming one of its county-level cities once.
    (
        "金华市政府工作报告\n金华市生产总值增长6%,金华全市上下奋力拼搏,"
        "义乌市小商品城成交额增长10%。",
        "金华市",
    ),
    # Two county-level cities of the prefecture: none is the text's own.
    (
        "一、过去一年\n义乌市、东阳市生产总值分别增长7%、6%,金华市上下奋力拼搏。",
        "金华市",
    ),
]

LISTED_NEGATIVE = [
    # Counties of two prefectures in one list: no parent is the page's.
    "2024年工作回顾\n全年地区生产总值增长5%。桐庐县、义乌市入选全国试点。",
    # Two counties not in one list.
    "2024年工作回顾\n桐庐县入选全国试点,生产总值增长5%。淳安县获评示范。",
]


@pytest.mark.parametrize("text", LISTED_NEGATIVE)
def test_listed_counties_not_parent(text):
    assert detect_region(text, text.split("\n", 1)[0]) != "杭州市"


@pytest.mark.parametrize(("text", "region"), POSITIVE)
def test_region_found(text, region):
    assert detect_region(text, text.split("\n", 1)[0]) == region


@pytest.mark.parametrize(("text", "region"), NEGATIVE)
def test_region_unchanged(text, region):
    found = detect_region(text, text.split("\n", 1)[0])
    assert found == region or (region is None and found != "范县")
