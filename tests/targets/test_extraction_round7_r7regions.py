"""Round 7 (r7regions): which region a document speaks for."""

import pytest

from targets.extraction.regions import detect_region


def _region(text: str) -> str | None:
    title = text.split("\n", 1)[0]
    return detect_region(text, title)


# 新 that ends a word (创新资源, 更新) is no slogan's epithet: 资源 there is a noun.
WORD_NOT_SLOGAN = [
    "全区上下要汇聚创新资源,推动产业升级。全区研发投入增长10%。",
    "全区统筹盘活创新资源、人才资源,全区新增企业20家。",
    "全区加快设备更新资源,全区工业投资增长8%。",
]


@pytest.mark.parametrize("body", WORD_NOT_SLOGAN)
def test_a_word_ending_in_xin_is_not_a_slogan_place(body):
    assert _region("工作要点\n" + body) != "资源县"


# The slogan of a county still names it in the county's text.
SLOGANS_KEPT = [
    ("全县上下奋力建设新嘉善,全县生产总值增长6%。", "嘉善县"),
    ("全县齐心打造美丽嘉善,全县新增企业30家。", "嘉善县"),
]


@pytest.mark.parametrize(("body", "region"), SLOGANS_KEPT)
def test_a_countys_slogan_still_names_it(body, region):
    assert _region("工作要点\n" + body) == region


# A district named only by its stem inside a compound (a park, a zone, the
# sessions) in a text that speaks as 全区 and names no district in full.
STEM_IN_COMPOUND = [
    ("工作要点\n全区加快打造龙湾高新技术产业带,全区研发投入增长8%。", "龙湾区"),
    (
        "工作要点\n推进鄞州片区建设,全区新增高新技术企业20家。全区工业投资增长5%。",
        "鄞州区",
    ),
    ("萧山两会政府工作报告解读\n全区生产总值增长7%。全区财政收入增长5%。", "萧山区"),
]


@pytest.mark.parametrize(("text", "region"), STEM_IN_COMPOUND)
def test_a_district_named_by_its_stem_in_a_compound(text, region):
    assert _region(text) == region


STEM_NOT_ENOUGH = [
    # a bare stem, in no compound
    "工作要点\n全区学习龙湾的经验,全区研发投入增长8%。",
    # a stem two districts share (城关区 in two cities)
    "工作要点\n推进城关片区建设,全区研发投入增长8%。",
    # a county's text (全县) and a district's stem
    "工作要点\n推进鄞州片区建设,全县新增企业20家。全县工业投资增长5%。",
]


@pytest.mark.parametrize("text", STEM_NOT_ENOUGH)
def test_a_stem_alone_or_shared_names_no_district(text):
    assert _region(text) not in ("龙湾区", "城关区", "鄞州区")


# A page that speaks at no level, names its municipality only in passing and
# a district's park: the district's page.
MUNICIPALITY_IN_PASSING = [
    ("版次:02\n加快闵行片区建设,新增上海市企业科技特派员团队10个。", "闵行区"),
    ("版次:05\n推进长寿经开区扩区,新增重庆市级孵化器3家。", "长寿区"),
    ("第二版\n推动数字重庆建设,南川工业园新增企业40户。", "南川区"),
]


@pytest.mark.parametrize(("text", "region"), MUNICIPALITY_IN_PASSING)
def test_a_district_park_over_a_municipality_named_in_passing(text, region):
    assert _region(text) == region


def test_a_municipalitys_own_text_keeps_the_municipality():
    text = (
        "上海市2024年工作要点\n全市加快闵行片区建设。"
        "全市研发投入增长8%。全市新增企业50家。"
    )
    assert _region(text) == "上海市"


# 全市 in a district's text is its city's: the district it names is its own.
DISTRICT_UNDER_CITY_VOICE = [
    (
        "成绩单\n2023年,龙湾区科技创新成效明显。获评2022年度全市科技创新先进单位,"
        "连续两年全市前三。龙湾区新增高新技术企业30家。",
        "龙湾区",
    ),
    (
        "喜报\n鄞州区入库科技型中小企业200家。获全市科技进步奖,全市表彰大会召开。鄞州区将再接再厉。",
        "鄞州区",
    ),
    (
        "年度回顾\n萧山区全年新增专精特新企业15家,捧回全市创新奖,全市通报表扬萧山区。",
        "萧山区",
    ),
]


@pytest.mark.parametrize(("text", "region"), DISTRICT_UNDER_CITY_VOICE)
def test_a_district_named_once_under_a_city_voice(text, region):
    assert _region(text) == region


CITY_TEXT_NAMING_ONE_DISTRICT = [
    # the city's bureau speaks, one county's park named in passing
    "要闻\n- 市委常委会召开会议\n- 龙湾区物流产业园区\n"
    "2024年市科技局综述。全市科技贷全省第一。全市新增企业50家。",
    # the district named once only
    "综述\n全市新增企业50家,龙湾区产业园开园。全市研发投入增长9%。",
    # 市科学技术局 names itself
    "年度综述\n市科学技术局:全市新增企业50家。龙湾区、龙湾区园区开园。全市增长9%。",
]


@pytest.mark.parametrize("text", CITY_TEXT_NAMING_ONE_DISTRICT)
def test_a_city_text_naming_one_district_is_not_the_districts(text):
    assert _region(text) != "龙湾区"


def test_a_city_text_naming_several_districts_stays_the_city():
    text = (
        "工作总结\n全市新增高新技术企业300家。其中龙湾区40家,鄞州区50家。"
        "全市研发投入增长9%。温州市科技局"
    )
    assert _region(text) != "龙湾区"


# 该县/该区 in a news story speaks for the place it reports (and a paper's
# province in the credit line does not take over).
THIS_COUNTY = [
    (
        "-\n浙江日报客户端讯 日前,记者从嘉善县两会获悉,该县明确了主要目标。"
        "获评浙江省示范县、浙江省先进县。该县力争生产总值增长6%。",
        "嘉善县",
    ),
    (
        "-\n四川日报讯 近日,笔者从郫都区获悉,该区今年新增企业30家,"
        "四川省先进区、四川省示范区称号。该区将加快发展。",
        "郫都区",
    ),
    (
        "-\n湖南日报讯 记者从浏阳市获悉,该市全年新增企业50家,"
        "湖南省十强县市、湖南省示范市。该市力争增长7%。",
        "浏阳市",
    ),
]


@pytest.mark.parametrize(("text", "region"), THIS_COUNTY)
def test_this_county_in_news_speaks_for_it(text, region):
    assert _region(text) == region


def test_gai_shichang_is_no_city_voice():
    # 该市场 is "that market": no level of its own.
    text = "工作要点\n全县培育农贸市场,该市场新增商户20家。全县增长5%。嘉善县"
    assert _region(text) == "嘉善县"


# A news page that speaks at no level and is about one development zone:
# the zone, not the city it is named after (whose bureau only published a list).
VOICELESS_ZONE = [
    (
        "近日,苏州市科技局公布了第三批高新技术企业名单,苏州高新区有120家企业入选。"
        "至此,苏州高新区高新技术企业总数达到1500家。高新区将持续优化创新生态。",
        "苏州高新区",
    ),
    (
        "日前,合肥市科学技术局发布认定名单。合肥经开区89家企业入库。"
        "合肥经开区科技型中小企业总量达到900家,经开区创新活力持续增强。",
        "合肥经开区",
    ),
    (
        "武汉经开区今年新增专精特新企业30家。据悉,武汉经开区已累计培育400家,"
        "经开区产业结构不断优化。",
        "武汉经开区",
    ),
]


@pytest.mark.parametrize(("text", "region"), VOICELESS_ZONE)
def test_a_zones_news_without_a_voice_is_the_zones(text, region):
    assert _region(text) == region


ZONE_NOT_OWN = [
    # a province's text that names its capital's zone again and again
    (
        "江苏省科技厅发布通知。苏州高新区新增企业20家,苏州高新区获批平台3个,"
        "高新区示范作用明显。江苏省高新技术企业总数达到5万家。江苏省科技厅",
        "苏州高新区",
    ),
    # a city that speaks as 全市 names its zone among its parts
    (
        "全市新增高新技术企业300家,其中合肥经开区89家。全市研发投入增长9%。"
        "合肥经开区、经开区企业总数达900家。合肥市科技局",
        "合肥经开区",
    ),
    # the zone named only twice
    (
        "日前,合肥市科学技术局发布认定名单。合肥经开区89家企业入库。合肥市新增企业50家。",
        "合肥经开区",
    ),
]


@pytest.mark.parametrize(("text", "zone"), ZONE_NOT_OWN)
def test_a_zone_named_in_a_larger_whole_text_is_not_the_text(text, zone):
    assert _region(text) != zone
