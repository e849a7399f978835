"""Round 9 (r9regions2): a district's news about the province's meeting, a
development zone named bare in its own text, a city bureau naming its city only
in a firm's name, a district's yearbook, a document number glossed in pinyin, a
county-level city named only by its parks and trades (own phrasings)."""

import pytest

from targets.extraction.regions import detect_region

# (text, region): the document's own region.
POSITIVE = [
    # 全省 twice for the province's meeting and its assessment; the district's
    # own office near the top and its name repeated.
    (
        "海曙获评全省先进区\n4月2日,全省2024年度工作推进会议在杭州召开,"
        "会上通报了全省年度考核结果,海曙区获评先进县(市、区)。宁波市委常委、"
        "海曙区委书记某某代表海曙领奖。\n2024年,海曙区聚焦浙江工作重要指示精神,"
        "地区生产总值增长6%,工业投资增长10%。",
        "海曙区",
    ),
    # The zone named twice with its city, then bare, speaking as 全区.
    (
        "齐鲁网3月2日讯\n3月2日,淄博市人民政府新闻办公室召开新闻发布会。"
        "淄博高新区科技局负责人介绍,淄博高新区聚焦科技创新。2024年,高新区"
        "高新技术产业产值增长15%,高新区科技局主要做了以下工作。"
        "全区高新技术企业达到300家。",
        "淄博高新区",
    ),
    # 市科技局 naming its province and its city only in a firm's name (the
    # academy's institute sits elsewhere).
    (
        "市科技局2024年上半年工作总结\n上半年,市科技局深入贯彻总书记考察江西"
        "重要讲话精神,获批江西省重点实验室2家。九江化纤股份有限公司(联合中科院"
        "上海有机化学研究所)获批省联合共建重点实验室;全市高新技术企业申报120家。",
        "九江市",
    ),
    # A district's yearbook: its running head names it by its stem.
    (
        "Page 12 - 柯桥年鉴(2023)\n柯桥年鉴\n经济运行稳中有进,复产指数位列"
        "全市第一。对全市经济的带动力偏弱。全区生产总值增长5%。",
        "柯桥区",
    ),
    (
        "柯桥年鉴\n复产指数位列全市第一,全市经济稳中有进,全市上下齐心。",
        "柯桥区",
    ),
    # A city's document number with a repost's pinyin gloss, in a text that
    # serves its province.
    (
        "襄政发(fā)〔2024〕3号\n市人民政府\n关于2024年全市国民经济和社会发展"
        "计划的报告\n全市主要预期目标是:地区生产总值增长7%左右。全力服务湖北"
        "建设,按照市委经济工作会议精神和市《政府工作报告》部署。",
        "襄阳市",
    ),
    # A prefecture's news naming a county-level city of it only by its park and
    # its trade (never in full): still the prefecture's.
    (
        "本报讯\n2024年,全市上下奋力拼搏,现代化强市建设迈出坚实步伐。"
        "嘉兴高新区、桐乡经济开发区列入省级试点。全年一般公共预算收入增长5%。"
        "桐乡时尚产业大脑上线运行。",
        "嘉兴市",
    ),
]

# (text, region): what must not change.
NEGATIVE = [
    # The province's own text: 我省, 省委、省政府; a county's secretary speaks.
    (
        "全省科技工作会议召开\n全省科技工作会议在杭州召开。会议指出,我省坚持"
        "创新驱动,省委、省政府高度重视。全省高新技术企业达到3万家,"
        "海曙区委书记某某作交流发言。",
        "浙江省",
    ),
    # A district's report that backs its city's zone, named bare too.
    (
        "张店区2024年政府工作报告\n全区地区生产总值增长6%。支持淄博高新区发展,"
        "高新区、经开区联动,高新区企业达到50家。张店区人民政府。",
        "张店区",
    ),
    # A city's text naming two of its zones.
    (
        "淄博市2024年工作总结\n全市地区生产总值增长6%。淄博高新区、淄博经开区"
        "联动发展,全市高新技术企业达到900家。",
        "淄博市",
    ),
    # A firm named after a city of another province than the one named.
    (
        "市科技局2024年上半年工作总结\n上半年,市科技局深入贯彻总书记考察江西"
        "重要讲话精神,获批江西省重点实验室2家。杭州某某股份有限公司获批省联合"
        "共建重点实验室;全市高新技术企业申报120家。",
        None,
    ),
    # A national yearbook cited: no place.
    (
        "统计资料\n据《中国统计年鉴》显示,全市地区生产总值增长5%,"
        "对全市经济的带动力增强。",
        None,
    ),
    # A document number of a city outside the province the text serves.
    (
        "烟政发(fā)〔2024〕3号\n市人民政府\n关于2024年全市国民经济和社会发展"
        "计划的报告\n全市主要预期目标是:地区生产总值增长7%左右。全力服务湖北"
        "建设,按照市委经济工作会议精神和市《政府工作报告》部署。",
        None,
    ),
    # A county-level city's text naming itself in full keeps it (round 9).
    (
        "一、过去一年\n义乌市生产总值增长7%,义乌迈向高质量发展。"
        "园区成为金华市规模最大的园区,义乌成为全省首个试点。",
        "义乌市",
    ),
]


@pytest.mark.parametrize(("text", "region"), POSITIVE + NEGATIVE)
def test_document_region(text, region):
    assert detect_region(text, text.split("\n", 1)[0]) == region
