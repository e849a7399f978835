"""Round 8 (r8regions2): the statistics office that checked a page's figures
(经某市统计局核算) does not make its city the page's region, and a named place's
meeting listed before the text's own bare one (某市委…全会、市委…全会) is the
place above the text's, and a county text that names its county only as a firm's
(某某一建, 某某水泥有限公司) inside a prefecture it names is that county's."""

import pytest

from targets.extraction.document import document_context
from targets.extraction.engine import to_halfwidth
from targets.extraction.simplify import to_simplified


def _region(text: str) -> str | None:
    return document_context(to_simplified(to_halfwidth(text)), {"name": "t.txt"}).region


# A county-level city's summary whose prefecture's office checked the figures;
# the city names itself once as the whole place.
CHECKED_BY_PARENT = [
    (
        "2021年是邛崃发展史上不平凡的一年。\n经成都市统计局统一核算,2021年,我市实现"
        "地区生产总值400亿元,同比增长8%;全市固定资产投资增长9%。",
        "邛崃市",
    ),
    (
        "2022年,是義烏發展史上關鍵的一年。據金華市統計局初步核算,全市實現地區生產總值"
        "1800億元,增長3%,我市社會消費品零售總額增長5%。",
        "义乌市",
    ),
    (
        "根据无锡市统计局反馈,江阴经济持续向好:今年我市规模以上工业增加值增长6%,"
        "全市固定资产投资增长5%。",
        "江阴市",
    ),
    (
        "经过 成都市统计调查队核定,简阳人民生活持续改善,全市城镇居民人均可支配收入"
        "增长6%,我市农村居民人均可支配收入增长8%。",
        "简阳市",
    ),
]


@pytest.mark.parametrize(("text", "region"), CHECKED_BY_PARENT)
def test_the_office_that_checked_the_figures_is_not_the_page_region(
    text: str, region: str
) -> None:
    assert _region(text) == region


# The city's own office checking its own figures, or a page naming its place
# besides: the city stays.
OWN_OFFICE = [
    ("经成都市统计局核算,2021年全市实现地区生产总值19917亿元,增长8.6%。", "成都市"),
    (
        "成都市2021年经济运行情况\n据成都市统计局数据,全市地区生产总值增长8.6%,"
        "我市固定资产投资增长10%。",
        "成都市",
    ),
    (
        "據金華市統計局核算,全市生產總值5500億元,增長3%。金華市上下齊心,我市經濟回升。",
        "金华市",
    ),
]


@pytest.mark.parametrize(("text", "region"), OWN_OFFICE)
def test_a_city_checked_by_its_own_office_keeps_its_region(
    text: str, region: str
) -> None:
    assert _region(text) == region


# The meetings a county-level text follows, top down, its own last and bare.
PARENT_MEETING = [
    (
        "今年工作的总体要求是:认真落实省委十二届二次全会、苏州市委十三届五次全会、"
        "市委十四届三次全会部署要求,全市地区生产总值增长6%。",
        None,
    ),
    (
        "貫徹省委十五屆三次全會、金華市委八屆七次全會和市委十五屆五次全會精神,"
        "全市生產總值增長6%。",
        None,
    ),
    (
        "全面落实省委经济工作会议,曲靖市委五届八次全会与县委十四届六次全会精神,"
        "会泽县全县地区生产总值增长7%,全县固定资产投资增长10%。",
        "会泽县",
    ),
]


@pytest.mark.parametrize(("text", "region"), PARENT_MEETING)
def test_a_parent_meeting_before_the_texts_own_is_not_its_region(
    text: str, region: str | None
) -> None:
    assert _region(text) == region


# A named place's meeting with no bare one after it, or a bare chain: kept.
OWN_MEETING = [
    ("深入贯彻苏州市委十三届五次全会精神,全市地区生产总值增长6%。", "苏州市"),
    (
        "苏州市政府工作报告\n落实省委十二届二次全会、市委十三届五次全会部署,"
        "全市地区生产总值增长6%。",
        "苏州市",
    ),
    (
        "金華市委八屆七次全會召開。全會指出,我市生產總值增長6%。市委八屆八次全會將於年底召開。",
        "金华市",
    ),
]


@pytest.mark.parametrize(("text", "region"), OWN_MEETING)
def test_a_place_holding_its_own_meeting_keeps_its_region(
    text: str, region: str
) -> None:
    assert _region(text) == region


# A county text (我县, 全市) naming its county only as a firm's, in a prefecture
# it names besides (a firm of the city, the city it ranks itself in).
FIRM_OF_THE_COUNTY = [
    (
        "调研组先后到嘉善恒达科技有限公司、嘉兴市华美新材料有限公司走访,帮助我县企业"
        "申报高新技术企业,今年全县新增高新技术企业20家。",
        "嘉善县",
    ),
    (
        "全市建築業總產值500億元,如皋三建晉升特級資質。我市工業總量領跑南通,"
        "全市規模以上工業增加值增長9%。",
        "如皋市",
    ),
    (
        "我县组织龙游恒盛纸业有限公司等企业参加展会。全县工业增加值增长8%,"
        "增幅居衢州前列。",
        "龙游县",
    ),
]


@pytest.mark.parametrize(("text", "region"), FIRM_OF_THE_COUNTY)
def test_a_county_named_only_as_a_firm_in_its_prefecture_is_the_region(
    text: str, region: str
) -> None:
    assert _region(text) == region


# No prefecture to place the firm in, or two counties' firms: nothing is guessed.
FIRM_NOT_ENOUGH = [
    "我县组织企业赴龙游恒盛纸业有限公司学习,全县工业增加值增长8%。",
    "调研组先后到嘉善恒达科技有限公司、平湖华美新材料有限公司和嘉兴市某公司走访,"
    "全县新增高新技术企业20家。",
    "全市建筑业总产值500亿元,我市工业总量领跑南通,全市规模以上工业增加值增长9%。",
]


@pytest.mark.parametrize("text", FIRM_NOT_ENOUGH)
def test_a_firm_alone_or_two_counties_firms_give_no_region(text: str) -> None:
    assert _region(text) is None
