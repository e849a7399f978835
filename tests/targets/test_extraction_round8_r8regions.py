"""Round 8 (r8regions): the 新疆生产建设兵团 and its 师市 are regions, a county
text that names itself once as a whole by its short name (是某县发展历程中…) is
that county's, a masthead's slogan is no title, a 示范区 of a city no prefecture
stands over speaks for the city, and a sentence about a zone inside the place
gives the place none of its figures."""

import pytest

from targets.extraction import extract
from targets.extraction.document import _furniture_line, document_context
from targets.extraction.engine import to_halfwidth
from targets.extraction.regions import gazetteer, is_province_level, zone_city
from targets.extraction.simplify import to_simplified


def _region(text: str) -> str | None:
    return document_context(to_simplified(to_halfwidth(text)), {"name": "t.txt"}).region


def _records(text: str, region: str | None = None) -> list[tuple[float, str | None]]:
    hint = {"region": region} if region else None
    return [
        (float(r.value), r.region)
        for r in extract(text, "r8regions.txt", info_hint=hint).records
    ]


# The 兵团 (province-level in the statistics), simplified, Traditional, glossed.
CORPS = [
    "兵团经济运行总体平稳\n上半年,兵团实现生产总值455亿元,同比增长19%。"
    "兵团固定资产投资增长52%。",
    "兵團統計局發佈上半年數據\n上半年,兵團上下緊緊圍繞目標,兵團實現生產總值455億元,增長19%。",
    "今年以來,兵團(tuán)上下圍繞目標,上半年兵團(tuán)實現生產總值400億元,"
    "兵團(tuán)固定資產投資增長40%。",
    "新疆生产建设兵团2022年国民经济和社会发展统计公报\n2022年,兵团实现生产总值3000亿元,"
    "增长5%。",
]


@pytest.mark.parametrize("text", CORPS)
def test_the_corps_is_a_region(text):
    assert _region(text) == "新疆生产建设兵团"


def test_the_corps_is_province_level_and_holds_its_cities():
    gz = gazetteer()
    assert is_province_level("新疆生产建设兵团")
    (city,) = gz.lookup("石河子市")
    assert gz.parent(city).name == "新疆生产建设兵团"


# A 师市 (one unit with its city) speaks as the city, not as the 兵团 it names.
CORPS_CITY = [
    (
        "第八师石河子市2023年经济运行情况\n今年以来,师市上下在兵团党委的坚强领导下,"
        "全力稳增长。兵团党委要求……师市固定资产投资增长12%。",
        "石河子市",
    ),
    (
        "兵团第一师阿拉尔市召开科技工作会议\n会议指出,过去一年,全师科技工作取得新成效,"
        "兵团科技局给予大力支持。全师新增高新技术企业12家,兵团表彰了先进。",
        "阿拉尔市",
    ),
    (
        "第六師五家渠市工作報告\n過去一年,師市兩級在兵團黨委領導下,我師市生產總值增長8%,"
        "兵團黨委充分肯定。",
        "五家渠市",
    ),
]


@pytest.mark.parametrize(("text", "region"), CORPS_CITY)
def test_a_corps_division_speaks_as_its_city(text, region):
    assert _region(text) == region


# 兵团 as a troop of people, and 全师生 (teachers and students), name nothing.
CORPS_NOT = [
    "组建科技志愿服务兵团\n全县组建科技志愿服务兵团3支,志愿兵团走进乡村,服务农户2000户。",
    "学校开学典礼\n全师生齐聚一堂,教师市级培训3次,我师生共参加活动20场。",
]


@pytest.mark.parametrize("text", CORPS_NOT)
def test_a_troop_or_a_school_is_no_corps(text):
    assert _region(text) is None


# A text speaking as 全县 that names its county once, as a whole, by its short
# name (泽州发展历程, 龙游人民, 长兴经济), amid words that read as names too.
WHOLE_COUNTY = [
    (
        "政府工作报告解读\n2022年,是泽州发展历程中极不平凡的一年。全县上下在县委的坚强"
        "领导下,新兴产业不断壮大,地区生产总值增长5%。",
        "泽州县",
    ),
    (
        "政府工作报告\n过去一年,全县上下在县委领导下攻坚克难,为龙游人民交出了满意答卷,"
        "全县地区生产总值增长6%。",
        "龙游县",
    ),
    (
        "縣政府工作報告\n過去一年,全縣上下在縣委領導下,是長興經濟發展極不平凡的一年,"
        "全縣生產總值增長6%。",
        "长兴县",
    ),
    (
        "2024年工作回顾\n一年来,全县上下凝心聚力,向着桐庐高质量发展目标奋进,"
        "全县一般公共预算收入增长4%。",
        "桐庐县",
    ),
]


@pytest.mark.parametrize(("text", "region"), WHOLE_COUNTY)
def test_one_whole_place_mention_names_the_county(text, region):
    assert _region(text) == region


# Once, but not as the whole place, or two counties so named: no county.
WHOLE_COUNTY_NOT = [
    "县政府工作报告\n过去一年,全县上下在县委领导下,新兴产业不断壮大,"
    "总产值突破百亿元大关。全县生产总值增长6%。",
    "县政府工作报告\n过去一年,全县上下在县委领导下,借鉴的是桐庐经验,"
    "全县生产总值增长6%。",
]


@pytest.mark.parametrize("text", WHOLE_COUNTY_NOT)
def test_no_single_whole_mention_no_county(text):
    assert _region(text) is None


# A medium's masthead with its slogan is the site's, not the page's title.
MASTHEAD = [
    "科技时报 全球最新科技资讯专业发布平台",
    "某某日报|权威新闻发布平台",
    "某某新聞網——綜合新聞門戶網站",
    "某某在线 · 本地生活服务门户",
]
MASTHEAD_NOT = [
    "某县新闻发布会推介科技成果转化平台",
    "某市打造科技服务平台",
    "某市科技局 发布 创新平台",
]


@pytest.mark.parametrize("line", MASTHEAD)
def test_a_masthead_is_furniture(line):
    assert _furniture_line(line)


@pytest.mark.parametrize("line", MASTHEAD_NOT)
def test_a_headline_about_a_platform_is_no_masthead(line):
    assert not _furniture_line(line)


def test_a_masthead_does_not_hide_the_address_in_the_title():
    text = (
        "科技时报 全球最新科技资讯专业发布平台\n\n"
        "石家庄市鹿泉区8家企业被评为高新技术企业\n"
        "来源:石家庄市科技局\n近日,石家庄市鹿泉区共有16家企业榜上有名。鹿泉区科技局"
        "大力实施培育工作,截至目前,鹿泉区共有高新技术企业48家。"
    )
    assert _region(text) == "鹿泉区"


# A 示范区/试验区 named after a city its province runs directly is that city.
ZONE_CITY = [
    ("济源示范区", "济源市"),
    ("仙桃示范区", "仙桃市"),
    ("石河子试验区", "石河子市"),
    ("平原示范区", "平原示范区"),  # 平原县 is a county, elsewhere
    ("无锡高新区", "无锡高新区"),  # a part of its city
    ("天门高新区", "天门高新区"),
    ("济源市", "济源市"),
    (None, None),
]


@pytest.mark.parametrize(("zone", "region"), ZONE_CITY)
def test_a_whole_city_zone_is_its_city(zone, region):
    assert zone_city(zone) == region


def test_a_whole_city_zones_page_gives_figures_to_the_city():
    text = (
        "济源产城融合示范区2024年国民经济和社会发展统计公报\n"
        "济源产城融合示范区统计局\n2024年,济源示范区全年地区生产总值800亿元,增长6%。"
        "示范区规模以上工业增加值增长8%。"
    )
    regions = {r for _v, r in _records(text)}
    assert regions == {"济源市"}


# A sentence whose subject is a zone inside the place: the zone's figures.
ZONE_SENTENCE = [
    "起步区“五年成形”目标基本实现,预计全域地区生产总值年均增长15%左右。",
    "新旧动能转换起步区建设提速,地区生产总值增长12%。",
    "示範區全年實現地區生產總值120億元,增長9%。",
    "2023年,自贸试验区新增市场主体3000家。",
]


@pytest.mark.parametrize("sentence", ZONE_SENTENCE)
def test_a_zone_sentence_gives_the_city_no_figure(sentence):
    text = "2025年工作总结\n全市地区生产总值增长5%。" + sentence
    assert _records(text, "济南市") == [(5.0, "济南市")]


# The place speaking of itself again, a count of zones, or the zone's own page.
ZONE_SENTENCE_NOT = [
    ("起步区建设提速,全市地区生产总值增长6%。", "济南市", [(6.0, "济南市")]),
    ("创建省级示范区3个,全市新增高新技术企业120家。", "济南市", [(120.0, "济南市")]),
    ("高新区全年新增高新技术企业50家。", "无锡高新区", [(50.0, "无锡高新区")]),
]


@pytest.mark.parametrize(("sentence", "region", "records"), ZONE_SENTENCE_NOT)
def test_the_place_or_the_zones_own_page_keeps_its_figures(sentence, region, records):
    text = "2025年工作总结\n" + sentence
    assert [r for r in _records(text, region) if r[0] != 3.0] == records


# A district opening the clause after the period it is about, with a subject
# other than the verbs already read (居民消费价格, 地区生产总值, 固定资产投资).
DISTRICT_OPENS = [
    ("全年平安区居民消费价格总水平比上年上涨2.9%。", "海东市", "平安区"),
    ("上半年,乐都区地区生产总值增长5%。", "海东市", "乐都区"),
    ("2024年工作回顾\n今年桐乡市固定资产投资增长8%。", "嘉兴市", "桐乡市"),
    ("全年鹿泉区城镇居民人均可支配收入增长6%。", "石家庄市", "鹿泉区"),
]


@pytest.mark.parametrize(("text", "own", "region"), DISTRICT_OPENS)
def test_a_district_after_the_period_is_the_figures_subject(text, own, region):
    assert {r for _v, r in _records(text, own)} == {region}


# The text itself, its urban part, or a place outside it: the text's region.
DISTRICT_OPENS_NOT = [
    ("全年全市居民消费价格总水平上涨2%。", "海东市"),
    ("全年城区居民消费价格总水平上涨2%。", "海东市"),
    ("全年本县地区生产总值增长5%。", "桐庐县"),
]


@pytest.mark.parametrize(("text", "own"), DISTRICT_OPENS_NOT)
def test_no_district_of_its_own_keeps_the_texts_region(text, own):
    assert {r for _v, r in _records(text, own)} == {own}
