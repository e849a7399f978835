"""Round 7, pass 3 (r7regions3): a place is not read out of a 新X word (新兴城市
is not 兴城市), a neighbour the text sets its place against (与某市共建, 仅次于
某市, 融入某市) does not take the page over, and a city's text that names only
its province and a district's bare stem is that district's city."""

import pytest

from targets.extraction import extract
from targets.extraction.document import document_context
from targets.extraction.engine import to_halfwidth
from targets.extraction.regions import gazetteer, slogan_places, zone_subregion_at
from targets.extraction.simplify import to_simplified


def _region(text: str) -> str | None:
    return document_context(to_simplified(to_halfwidth(text)), {"name": "t.txt"}).region


def _slogans(text: str) -> list[str]:
    t = to_simplified(to_halfwidth(text))
    return [name for _a, _b, name in slogan_places(gazetteer(), t)]


# 新 glued to the next character (新兴, 新型, 新时代) is a word, no epithet.
NEW_WORD = [
    "奋力建设现代化都市圈高质量发展新兴城市。",
    "加快打造区域性新兴城市,全市地区生产总值增长6%。",
    "建設現代化新興城市。",
    "迈向新兴安,",
]


@pytest.mark.parametrize("text", NEW_WORD)
def test_a_new_word_is_no_slogan_place(text):
    assert _slogans(text) == []


# What must not change: 新 as an epithet of a place, and other epithets.
NEW_EPITHET = [
    ("建设新清徐。", ["清徐"]),
    ("建设美丽新兴、幸福新兴。", ["新兴", "新兴"]),
    ("打造幸福开原、", ["开原"]),
    ("打造美丽新城区。", ["新城区"]),
]


@pytest.mark.parametrize(("text", "names"), NEW_EPITHET)
def test_an_epithet_still_names_its_place(text, names):
    assert _slogans(text) == names


# A neighbour named again and again as partner, yardstick or whole.
PARTNER = [
    (
        "绍兴,是一座历史文化名城,距离杭州仅半小时车程,与杭州共建都市圈。"
        "全市地区生产总值增长6%。服务杭州、融入杭州、对接杭州,"
        "绍兴的进出口总额仅次于杭州。",
        "绍兴市",
    ),
    (
        "嘉興地處上海之西,與上海共建長三角生態綠色一體化示範區,接軌上海、"
        "對接上海。全市地區生產總值增長6.5%,嘉興居全省前列,上海以外最近的城市。",
        "嘉兴市",
    ),
    (
        "德阳紧邻成都,同成都同城化发展\n全市工业增加值增长8%;依托成都、服务成都,"
        "德阳今年新签约项目120个,除成都外引进企业最多。",
        "德阳市",
    ),
]


@pytest.mark.parametrize(("text", "region"), PARTNER)
def test_a_partner_city_does_not_take_the_page(text, region):
    assert _region(text) == region


# What must not change: the page's own city, named with a partner of its own.
PARTNER_NOT = [
    (
        "成都市人民政府工作报告\n全市地区生产总值增长6%,与重庆共建双城经济圈,"
        "成都市新签约项目300个。",
        "成都市",
    ),
    (
        "杭州市科技局2024年工作总结\n全市高新技术企业新增2000家,与绍兴合作共建园区。",
        "杭州市",
    ),
    ("温州市2023年国民经济和社会发展统计公报\n全市地区生产总值增长6%。", "温州市"),
]


@pytest.mark.parametrize(("text", "region"), PARTNER_NOT)
def test_the_own_city_with_a_partner_keeps_the_page(text, region):
    assert _region(text) == region


# A city's text that names no city, only its province and a district's stem.
CITY_OF_STEM = [
    (
        "2025年工作安排\n认真落实对四川工作系列重要指示精神,全市上下扎实抓好市委全会精神落地,"
        "大力传承东坡文化,全市地区生产总值增长6%。",
        "眉山市",
    ),
    (
        "今年重点工作\n贯彻省委对浙江工作的部署,在市委领导下,加快越城片区建设,"
        "全市固定资产投资增长5%。",
        "绍兴市",
    ),
    (
        "2024年工作安排\n全面落實對江蘇工作的要求,全市上下在市委領導下,建設姑蘇片區,"
        "全市規上工業增加值增長7%。",
        "苏州市",
    ),
]


@pytest.mark.parametrize(("text", "region"), CITY_OF_STEM)
def test_a_districts_stem_names_its_city(text, region):
    assert _region(text) == region


# What must not change: no stem, or stems of two cities.
CITY_OF_STEM_NOT = [
    "2025年工作安排\n认真落实对四川工作系列重要指示精神,全市地区生产总值增长6%。",
    "2025年工作安排\n认真落实对四川工作重要指示精神,全市上下学习东坡文化、旌阳经验,"
    "全市地区生产总值增长6%。",
]


@pytest.mark.parametrize("text", CITY_OF_STEM_NOT)
def test_no_single_stem_no_city(text):
    assert _region(text) in (None, "四川省")


# A bare zone opening a split of a district's or a city's figure.
ZONE_SPLIT = [
    ("高新区预计增长-11.9%", "兴隆台区", "盘锦高新区"),
    ("其中:经开区完成投资16.5亿元", "江宁区", "南京经开区"),
    ("(其中高新区实现增加值20亿元", "绍兴市", "绍兴高新区"),
    ("、經濟技術開發區增長8%", "越城区", "绍兴经济技术开发区"),
]


@pytest.mark.parametrize(("text", "own", "zone"), ZONE_SPLIT)
def test_a_bare_zone_split_is_the_citys_zone(text, own, zone):
    assert zone_subregion_at(to_simplified(to_halfwidth(text)), own) == zone


# What must not change: no zone, the text's own zone, a province, a zone's firms.
ZONE_SPLIT_NOT = [
    ("区本级预计增长13%", "兴隆台区"),
    ("高新区预计增长5%", "盘锦高新区"),
    ("高新区完成投资10亿元", "辽宁省"),
    ("高新区管委会投入5000万元", "兴隆台区"),
    ("高新技术企业新增30家", "兴隆台区"),
    ("高新区预计增长5%", None),
]


@pytest.mark.parametrize(("text", "own"), ZONE_SPLIT_NOT)
def test_no_zone_split(text, own):
    assert zone_subregion_at(text, own) is None


def test_a_zone_split_in_a_report_gets_the_zones_region():
    text = (
        "2022年工作回顾\n全区规模以上工业增加值预计增长9.5%"
        "(其中:区本级预计增长12%,高新区预计增长-3.2%);"
    )
    regions = {
        float(r.value): r.region
        for r in extract(
            text, "r7regions3.txt", info_hint={"region": "兴隆台区"}
        ).records
    }
    assert regions.get(-3.2) == "盘锦高新区"
    assert regions.get(9.5) == "兴隆台区"
