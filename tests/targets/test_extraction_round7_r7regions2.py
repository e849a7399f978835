"""Round 7, pass 2 (r7regions2): a page speaks for the place it is about, when
the place is named only inside a compound (a chapter slogan, a zone) or the
text speaks as a 地区 or 盟 (地委, 行署)."""

import pytest

from targets.extraction import extract
from targets.extraction.document import document_context
from targets.extraction.engine import to_halfwidth
from targets.extraction.simplify import to_simplified


def _region(text: str) -> str | None:
    return document_context(to_simplified(to_halfwidth(text)), {"name": "t.txt"}).region


def _record_regions(text: str) -> set[str | None]:
    return {r.region for r in extract(text, "r7regions2.txt").records}


# A county (旗) named only in the chapter its report writes for it.
CHAPTER_PLACE = [
    (
        "二、2025年主要工作\n按照县委全会部署,奋力谱写中国式现代化通榆新篇章。\n"
        "全县主要预期目标是:地区生产总值增长6%左右。",
        "通榆县",
    ),
    (
        "今年工作安排\n全县上下要凝心聚力,书写化德高质量发展新画卷;"
        "全县一般公共预算收入增长5%以上。",
        "化德县",
    ),
    (
        "2024年重點工作\n全縣要開創磴口全面振興新局面,全縣固定資產投資增長10%以上。",
        "磴口县",
    ),
    (
        "工作目标\n为绘就美丽通榆新图景而努力。全县规上工业增加值增长8%。",
        "通榆县",
    ),
    (
        "总体要求: 在自治区党委领导下, 开启现代化化德建设新征程; "
        "全县社会消费品零售总额增长7%.",
        "化德县",
    ),
]


@pytest.mark.parametrize(("text", "region"), CHAPTER_PLACE)
def test_a_chapter_slogan_names_the_countys_page(text, region):
    assert _region(text) == region


# No place in the chapter, or a place that is not of the text's level: nothing
# changes.
CHAPTER_NOT_PLACE = [
    "工作安排\n奋力谱写中国式现代化新篇章。全县地区生产总值增长6%。",
    "工作安排\n奋力谱写中国式现代化内蒙古新篇章。全县地区生产总值增长6%。",
    "工作安排\n共同开创高质量发展新局面,全县新增企业30家。",
]


@pytest.mark.parametrize("text", CHAPTER_NOT_PLACE)
def test_a_chapter_without_a_county_names_no_county(text):
    assert _region(text) is None


# A 地区's or 盟's text (地委, 行署, 地区人大工委) that names its place only
# inside a zone's or a programme's name.
PREFECTURE_VOICE = [
    (
        "2023年行署工作报告\n2022年,在地委的坚强领导下,在地区人大工委的监督下,"
        "全年完成地区生产总值877亿元。\n(一)新疆阿勒泰重点开发开放试验区建设加快。",
        "阿勒泰地区",
    ),
    (
        "行政公署工作报告\n一年来,在地委坚强领导下,我们攻坚克难。全地区生产总值增长6%。"
        "喀什经济开发区建设提速。",
        "喀什地区",
    ),
    (
        "盟行署2024年工作要点\n在盟委的领导下,全盟上下奋力推进。"
        "锡林郭勒经开区扩区,全盟地区生产总值增长6%以上。",
        "锡林郭勒盟",
    ),
    (
        "行署工作報告\n在地委堅強領導下,和田國家農業科技園區建設加快,"
        "全年地區生產總值增長7.1%。",
        "和田地区",
    ),
]


@pytest.mark.parametrize(("text", "region"), PREFECTURE_VOICE)
def test_a_prefectures_voice_takes_the_prefecture_named_in_a_compound(text, region):
    assert _region(text) == region


def test_a_prefectures_figures_carry_its_region():
    text = PREFECTURE_VOICE[0][0]
    assert _record_regions(text) == {"阿勒泰地区"}


# Words that only look like 地委 (基地委托, 阵地委员会) are no 地区 voice, and a
# county-level city named beside its 地区 in a city's text stays the city.
NOT_PREFECTURE_VOICE = [
    ("工作总结\n全市依托科创基地委托研发项目30个,全市生产总值增长5%。", None),
    (
        "塔城市政府工作报告\n市委领导下,全市生产总值增长6%,塔城重点开发开放试验区加快建设。",
        "塔城市",
    ),
    ("工作要点\n全县新建宣传阵地委员会5个,全县生产总值增长6%。", None),
]


@pytest.mark.parametrize(("text", "region"), NOT_PREFECTURE_VOICE)
def test_what_only_looks_like_a_prefectures_voice(text, region):
    assert _region(text) == region


# The same kinds in other styles: a news lead, a meeting report, a table line.
OTHER_STYLES = [
    (
        "本报讯 1月10日,地区二届人大三次会议开幕。行署专员代表行署作工作报告。"
        "报告显示,去年全地区生产总值增长5.8%,喀什经济开发区建设加快。",
        "喀什地区",
    ),
    (
        "记者从盟行政公署获悉,今年全盟将实施重点项目200个。兴安盟经开区扩区获批。",
        "兴安盟",
    ),
    (
        "指标|全地区|增速\n地区生产总值|500亿元|6%\n注:数据来源阿克苏地区行署统计局",
        "阿克苏地区",
    ),
    (
        "新华网讯 全旗上下将奋力谱写乌审高质量发展新篇章,全旗地区生产总值增长6%以上。",
        "乌审旗",
    ),
    (
        "会议强调,全县要以更大力度续写现代化磴口新辉煌。会议指出,全县固定资产投资增长10%。",
        "磴口县",
    ),
    ("序号 目标 \n1 全县地区生产总值增长6%\n口号:开创化德全面振兴新局面", "化德县"),
]


@pytest.mark.parametrize(("text", "region"), OTHER_STYLES)
def test_the_same_kinds_in_other_styles(text, region):
    assert _region(text) == region


# The province a 地区's text names (自治区党委, 新疆维吾尔自治区) does not fit its
# voice; the prefecture it names inside a compound still does.
PREFECTURE_WITH_PROVINCE = [
    (
        "2023年行署工作报告\n2022年,在新疆维吾尔自治区党委和地委的坚强领导下,"
        "全年完成地区生产总值877亿元,增长5%。\n(一)新疆阿勒泰重点开发开放试验区建设加快。",
        "阿勒泰地区",
    ),
    (
        "行政公署工作报告\n在自治区党委和地委领导下,贯彻落实新疆工作总目标,"
        "全地区生产总值增长6%,和田国家农业科技园区建设加快。",
        "和田地区",
    ),
    (
        "盟行署工作报告\n在内蒙古自治区党委和盟委领导下,全盟地区生产总值增长6%,"
        "阿拉善重点开发开放试验区扩容。",
        "阿拉善盟",
    ),
]


@pytest.mark.parametrize(("text", "region"), PREFECTURE_WITH_PROVINCE)
def test_a_prefectures_text_naming_its_province_is_still_the_prefectures(text, region):
    assert _region(text) == region
