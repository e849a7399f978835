"""The region of a document and of its figures: the title, the 来源 line, the
issuing office, the first sentence; a province's text is the province's (not its
capital's, not a dateline's); a figure about a named division stays that
division's. Invented pages of each kind, no corpus text."""

from decimal import Decimal

import pytest

from targets.extraction import extract
from targets.extraction.regions import (
    detect_region,
    is_province_level,
    parent_region_at,
)


def _recs(text):
    return extract(text, "document.txt").records


@pytest.mark.parametrize(
    "name,province_level",
    [
        ("四川省", True),
        ("广西壮族自治区", True),
        ("北京市", True),
        ("天津市", True),
        ("上海市", True),
        ("重庆市", True),
        ("香港特别行政区", True),
        ("成都市", False),
        ("万州区", False),
        ("中江县", False),
        ("XX市", False),
        ("", False),
        (None, False),
    ],
)
def test_is_province_level(name, province_level):
    assert is_province_level(name) is province_level


@pytest.mark.parametrize(
    "text,region",
    [
        # The title names the place.
        ("德阳:前三季度经济运行稳中有进\n前三季度,地区生产总值增长6.1%。", "德阳市"),
        # The 信息来源 line or the office at the top.
        (
            "科技创新工作综述\n发布时间:2023-11-02 信息来源:德阳市科技局\n"
            "今年以来,全市新增高新技术企业120家。",
            "德阳市",
        ),
        ("关于印发工作要点的通知\n旌阳区人民政府\n2023年,全区新增企业30家。", "旌阳区"),
        # The first sentence.
        (
            "科技工作会议召开\n中江县召开2023年科技工作会议。会议指出,2022年,"
            "全县新增高新技术企业12家。",
            "中江县",
        ),
        # A city paper on the 来源 line of a text that says 我市.
        (
            "前三季度我市经济运行情况\n来源:德阳日报\n前三季度,全市地区生产总值增长6.1%。",
            "德阳市",
        ),
        # The office signing at the end.
        (
            "2023年上半年经济运行情况\n上半年,全市地区生产总值增长6.1%。\n"
            "德阳市统计局\n2023年7月20日\n",
            "德阳市",
        ),
        # A district named only by a city bureau's branch (…局旌阳分局) in its list.
        (
            "2023年重点工作任务分解方案\n1.地区生产总值增长7%以上。(牵头单位:区发改局)\n"
            "2.单位GDP能耗下降3%。(牵头单位:市生态环境局旌阳分局)\n"
            "3.全区一般公共预算收入增长8%。",
            "旌阳区",
        ),
    ],
)
def test_the_document_s_own_place(text, region):
    recs = _recs(text)
    assert recs and {r.region for r in recs} == {region}


@pytest.mark.parametrize(
    "title,text,region",
    [
        # A title that writes the city with its province (四川省德阳市…): the city.
        (
            "四川省德阳市:制造业强市建设再提速",
            "德阳,这座重装之都,正在加快转型。数据显示,2023年地区生产总值增长6.1%,"
            "位居四川省前列。",
            "德阳市",
        ),
        (
            "广东省佛山市南海区经济稳步回升",
            "前三季度,地区生产总值增长4.2%,南海区工业投资增长较快。",
            "南海区",
        ),
        # …unless the text speaks as the province.
        (
            "四川省成都市召开全省科技工作会议",
            "会议指出,2023年,全省高新技术企业达到1.8万家,我省创新能力持续增强。",
            "四川省",
        ),
    ],
)
def test_an_address_in_the_title_is_its_last_division_s(title, text, region):
    assert detect_region(title + "\n" + text, title) == region


def test_a_province_text_is_the_province_s_not_its_capital_s():
    text = (
        "2023年政府工作报告\n省人民政府\n各位代表:过去一年,全省地区生产总值增长6%。"
        "省会成都地区生产总值增长6.5%。\n"
    )
    recs = _recs(text)
    assert [r.region for r in recs] == ["四川省", "成都市"]


def test_a_dateline_city_is_not_the_province_s_region():
    text = (
        "四川经济运行情况\n发布时间:2023-10-20\n成都10月20日电 前三季度,"
        "全省地区生产总值增长6.1%,规模以上工业增加值增长7%。\n"
    )
    recs = _recs(text)
    assert [(r.region, r.period) for r in recs] == [
        ("四川省", "2023-01/2023-09"),
        ("四川省", "2023-01/2023-09"),
    ]


def test_a_company_s_home_city_is_not_the_region():
    text = (
        "四川省2023年科技工作总结\n2023年,全省新增高新技术企业3000家。"
        "成都某某科技有限公司获批国家重点研发计划项目5项。\n"
    )
    assert detect_region(text, "四川省2023年科技工作总结") == "四川省"


def test_a_figure_of_a_division_inside_stays_that_division_s():
    text = (
        "重庆市2022年科技工作总结\n2022年,全市新增高新技术企业1200家。"
        "其中,万州区新增高新技术企业80家。\n"
    )
    assert [r.region for r in _recs(text)] == ["重庆市", "万州区"]


def test_a_figure_of_the_city_above_a_county_is_the_city_s():
    text = (
        "2023年前三季度经济运行情况\n中江县统计局\n"
        "前三季度,全县地区生产总值增长6.1%。德阳市地区生产总值增长5%。\n"
    )
    assert [r.region for r in _recs(text)] == ["中江县", "德阳市"]


@pytest.mark.parametrize(
    "start,expected",
    [
        ("德阳市地区生产总值增长5%", "德阳市"),
        ("四川省研发投入强度", "四川省"),
        ("德阳市级科技计划项目", None),  # a level
        ("德阳市下达的目标任务", None),  # an assignment to the county
        ("德阳市委要求", None),  # an office
        ("成都市地区生产总值", None),  # another city, not above
        ("中江县地区生产总值", None),  # the county itself
    ],
)
def test_parent_region_at(start, expected):
    assert parent_region_at(start, "中江县") == expected


def test_a_paragraph_opened_by_another_city_is_that_city_s():
    text = (
        "德阳、绵阳双双入选国家创新型城市\n"
        "2022年,德阳市全社会研发投入达到52.4亿元,高新技术企业达到461家。\n"
        "2022年,绵阳市加快建设创新平台、培育创新主体。截至2022年底,"
        "新认定高新技术企业110家,达到280家;新培育科技型中小企业97家。\n"
        "德阳市科技型中小企业达到413家。"
    )
    got = [(r.region, r.norm_value) for r in _recs(text)]
    assert got == [
        ("德阳市", 5240000000),
        ("德阳市", 461),
        ("绵阳市", 110),
        ("绵阳市", 280),
        ("绵阳市", 97),
        ("德阳市", 413),
    ]


@pytest.mark.parametrize(
    "text,region",
    [
        # A masthead on the first line is the paper's, not the page's region.
        (
            "香港文汇报\n四川前三季度经济稳中向好\n来源:香港文汇报网\n"
            "前三季度,四川省地区生产总值增长6.1%,全省规模以上工业增加值增长7%。",
            "四川省",
        ),
        (
            "澳门商报\n四川经济运行情况\n前三季度,全省地区生产总值增长6.1%。",
            "四川省",
        ),
    ],
)
def test_a_masthead_names_its_paper_not_the_region(text, region):
    recs = _recs(text)
    assert recs and {r.region for r in recs} == {region}


@pytest.mark.parametrize(
    "text,region",
    [
        # A zone's own news: the title names it, the text speaks as 全区.
        (
            "绵阳高新区交出2023年科技创新成绩单\n2023年,全区新增高新技术企业50家,"
            "高新技术产业产值增长12%。",
            "绵阳高新区",
        ),
        # No title: the zone named again and again, more than its city alone.
        (
            "本报讯 记者从烟台开发区获悉,2023年,烟台开发区新认定高新技术企业60家,"
            "同比增长20%。烟台开发区科技型中小企业达到420家,全区研发投入强度3.1%。",
            "烟台开发区",
        ),
        # A city's text that names its zone in passing stays the city's.
        (
            "绵阳市2023年科技工作总结\n2023年,全市新增高新技术企业200家。"
            "绵阳高新区获评先进园区,全区科技型中小企业达到300家。",
            "绵阳市",
        ),
        # 创新驱动示范区 is no place's zone.
        (
            "德阳市建设创新驱动示范区\n2023年,全市新增高新技术企业120家,"
            "全区域研发投入增长10%。",
            "德阳市",
        ),
    ],
)
def test_a_development_zone_s_own_text_is_the_zone_s(text, region):
    recs = _recs(text)
    assert recs and {r.region for r in recs} == {region}


def test_a_zone_s_own_figures_opened_by_its_name_are_kept():
    text = (
        "本报讯 记者从烟台开发区获悉,烟台开发区新认定高新技术企业60家,同比增长20%。"
        "烟台开发区新增科技型中小企业420家,全区研发投入强度3.1%。"
    )
    assert [(r.norm_value, r.region) for r in _recs(text)] == [
        (60, "烟台开发区"),
        (20, "烟台开发区"),
        (420, "烟台开发区"),
        (Decimal("3.1"), "烟台开发区"),
    ]


@pytest.mark.parametrize(
    "text,region,values",
    [
        # A zone's page that names it bare (高新区科技创新局…) under its city's
        # paper: that city's zone, its figures opened by 高新区 kept
        # (a share of the city's total, 占比全市…, is no record).
        (
            "高新区科技创新局获评全省科技系统先进集体\n"
            "来源:德阳日报 发布日期:2023-03-20\n"
            "近年来,区科技创新局始终坚持创新引领发展,获评全省先进集体。\n"
            "截至2022年底,高新区拥有高新技术企业90家,占比全市20.5%;"
            "技术合同成交额2.1亿元,同比增长12.5%。",
            "德阳高新区",
            [90, 210000000, Decimal("12.5")],
        ),
        # A title that only talks about a zone is not the zone's page.
        (
            "高新区成为德阳经济增长新引擎\n来源:德阳日报\n"
            "2023年,全市高新技术企业达到500家,全市技术合同成交额20.5亿元。",
            "德阳市",
            [500, 2050000000],
        ),
    ],
)
def test_a_zone_named_bare_on_its_city_s_page(text, region, values):
    recs = _recs(text)
    assert {r.region for r in recs} == {region}
    assert [r.norm_value for r in recs] == values


@pytest.mark.parametrize(
    "title,text,region",
    [
        # A county-level city's work report, given to its own congress, that
        # speaks of 全省 only as an award and of the province as acting on it.
        (
            "2024年《政府工作报告》(摘登)",
            "2024年《政府工作报告》(摘登)\n来源:如皋日报\n"
            "——2024年1月8日在如皋市第十七届人民代表大会第三次会议上\n"
            "过去一年,地区生产总值增长6.5%,一般公共预算收入增长7%。"
            "被省委、省政府表彰为全省高质量发展先进县(市、区),获得省政府督查激励。",
            "如皋市",
        ),
        # A bureau's news under a byline: 获评全省…优秀单位 is an award, 全区域
        # is everywhere.
        (
            "(记者 张明 通讯员 李华)",
            "23日,记者从丹阳市科技局获悉,省委、省政府近日下发通报,丹阳市获评全省"
            "科技创新优秀单位。近年来,全区域、多层次推进创新,"
            "2022年新增科技型中小企业300家。\n(记者 张明 通讯员 李华)",
            "丹阳市",
        ),
        # A county-level city reporting at its prefecture's news conference:
        # the city above is named, the county more often.
        (
            "日期:",
            "日期:\n衢州市召开系列新闻发布会,江山市通报了全年经济社会发展情况。\n"
            "衢州市召开系列新闻发布会。\n前三季度,江山市GDP同比增长7%。"
            "1-11月,固定资产投资增长6%。明年,江山市将加快发展,为衢州作出更大贡献。",
            "江山市",
        ),
    ],
)
def test_a_county_level_city_s_page_is_its_own(title, text, region):
    assert detect_region(text, title) == region


@pytest.mark.parametrize(
    "text,region",
    [
        # A county's report that names itself only in a slogan (建设现代化X县).
        (
            "各位代表:\n现在,我代表县人民政府,向大会报告工作。一年来,全县上下团结奋进,"
            "建设现代化滑县迈出坚实步伐。预计全年,生产总值增长5.1%,"
            "全县一般公共预算收入增长8.2%。",
            "滑县",
        ),
        # A city's progress report that says only 全市: its government's
        # document number names it by the first character, when one city's
        # name starts with it (德 is 德阳's and 德州's).
        (
            "根据德府发〔2021〕5号文件部署,市政府办公室对重点工作进展情况进行了督查。"
            "1-6月份,全市地区生产总值增长8.2%,全市一般公共预算收入增长6.3%。",
            None,
        ),
        (
            "根据绵政发〔2021〕5号文件部署,市政府办公室对重点工作进展情况进行了督查。"
            "1-6月份,全市地区生产总值增长8.2%,全市一般公共预算收入增长6.3%。",
            "绵阳市",
        ),
        # A province's number (川政发) names no city.
        (
            "根据川政发〔2021〕5号文件部署,对重点工作进展情况进行了督查。"
            "1-6月份,全市地区生产总值增长8.2%,全市一般公共预算收入增长6.3%。",
            None,
        ),
    ],
)
def test_a_county_in_a_slogan_and_a_city_by_its_document_number(text, region):
    recs = _recs(text)
    assert recs and {r.region for r in recs} == {region}


def test_a_demonstration_county_is_not_a_county_s_name():
    # 示范县 is not 范县 (the slogan reading needs its modifier).
    assert detect_region("全县创建省级示范县,全县地区生产总值增长6%。", "") is None
