"""Kinds of batches P, Q and R about the document's region, each as a table of
sentences written for this test (no corpus sentence, place or number): the
site's furniture (a copyright, the host or sponsor, a masthead's time stamp)
naming the province over a city's page; a province named for a leader's visit
or as a whole the city joins or is ranked in; the province's institutions
leading the city; an address written with short names; two places in a title."""

from __future__ import annotations

import pytest

from targets.extraction import extract
from targets.extraction.document import document_context
from targets.extraction.regions import detect_region

# (case, text, region) read through document_context (the title is found there)
FURNITURE = [
    (
        "a copyright line naming the province's department",
        "Copyright © 2024 All Rights Reserved\n四川省经济和信息化厅 版权所有\n"
        "来源:绵阳日报\n"
        "日前,记者从绵阳市统计局了解到,今年以来我市工业经济稳中有进,"
        "全市规模以上工业增加值增长8.2%。\n",
        "绵阳市",
    ),
    (
        "the site's sponsor and its record number (Traditional)",
        "主辦單位:廣西壯族自治區人民政府辦公廳 桂ICP備05000000號\n"
        "柳州市前三季度經濟運行穩中向好\n"
        "前三季度,全市地區生產總值增長6.1%,我市固定資產投資增長4.3%。\n",
        "柳州市",
    ),
    (
        "a masthead with its time stamp is not the headline",
        "荆楚网  2025-05-06 08:30\n分享到:\n"
        "宜昌市统计局发布数据,一季度我市地区生产总值增长6.3%,全市社会消费品零售总额"
        "增长5.1%,增速居全省第二位。\n",
        "宜昌市",
    ),
]


@pytest.mark.parametrize(
    ("text", "region"), [c[1:] for c in FURNITURE], ids=[c[0] for c in FURNITURE]
)
def test_the_sites_furniture_names_no_region(text, region):
    ctx = document_context(text)
    assert ctx.region == region
    assert not any(w in ctx.title for w in ("版权", "版權", "ICP", "2025-05-06"))
    records = extract(text, "f.txt").records
    assert records and {r.region for r in records} == {region}


# (case, text, title, region) read through detect_region
IN_PASSING = [
    (
        "a leader's visit to the province (亲临…考察)",
        "2024年,习近平总书记亲临安徽考察,为芜湖发展指明方向。全市上下奋力拼搏,"
        "芜湖市地区生产总值增长6%。\n",
        "",
        "芜湖市",
    ),
    (
        "a leader's visit written another way (莅临…视察指导), the city's own office",
        "去年,中央领导莅临广东视察指导。江门市发展和改革局介绍,我市去年"
        "实现地区生产总值增长4.5%,规上工业增加值增长5%。\n",
        "",
        "江门市",
    ),
    (
        "the only one in the province, the province's industries it joins",
        "宜宾成为全省唯一入选城市。宜宾市委常委表示,今年宜宾将深度对接全省"
        "五大产业,融入全省发展大局,全市固定资产投资增长8%。\n",
        "",
        "宜宾市",
    ),
    (
        "the province's leaders named before the city's own (在省委、省政府和市委…)",
        "在省委、省政府和市委的坚强领导下,全市上下团结奋进,认真落实省委部署,"
        "经济运行稳中向好。省委、省政府出台支持洛阳发展的若干政策。"
        "全年洛阳地区生产总值增长5%,一般公共预算收入增长6%。\n",
        "",
        "洛阳市",
    ),
    (
        "an address in short names (省 市 zone city)",
        "近年来,江苏苏州昆山开发区昆山市持续推进工业企业技改。\n"
        "2024年,昆山市新增高新技术企业300家。\n",
        "江苏昆山:技改成为产业升级新引擎",
        "昆山市",
    ),
    (
        "two places in the title: the one the text is about",
        "1月10日,温州市第十四届人民代表大会第四次会议开幕。温州市市长作政府工作报告。"
        "报告提出,温州今年地区生产总值增长6%左右。\n",
        "温州:今年GDP增长目标6% 开通至杭州城际铁路",
        "温州市",
    ),
]


@pytest.mark.parametrize(
    ("text", "title", "region"),
    [c[1:] for c in IN_PASSING],
    ids=[c[0] for c in IN_PASSING],
)
def test_a_province_named_in_passing_is_not_the_citys_region(text, title, region):
    assert detect_region(text, title) == region


def test_a_province_speaking_as_itself_keeps_its_region():
    # The counter-case: the province's own text, with its cities named in passing.
    text = (
        "2024年,全省上下坚决贯彻省委、省政府决策部署,我省地区生产总值增长5.1%。"
        "芜湖、合肥等地增速居全省前列。\n"
    )
    assert detect_region(text, "安徽省2024年经济运行情况") == "安徽省"
