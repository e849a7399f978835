"""Round 6 (r6names): indicator names and measures of kinds of wording."""

import pytest

from targets.extraction import extract


def _records(head: str, body: str):
    return extract(f"{head}\n{body}", "r6names.txt").records


NOTE_NAMES = [
    ("占总人口的比重(常住人口城镇化率)为61.4%", "常住人口城镇化率", "61.4"),
    ("占户籍人口的比重(城镇化率)达到58%", "常住人口城镇化率", "58"),
    ("研发经费相当于营业收入的比重为2.1%", "规上工业企业研发投入强度", "2.1"),
]


@pytest.mark.parametrize(("body", "name", "value"), NOTE_NAMES)
def test_a_catalog_name_in_a_note_or_an_equivalent_share(body, name, value):
    records = _records("某市2023年统计公报", f"2023年末,全市{body}。")
    assert [(r.indicator, str(r.value)) for r in records] == [(name, value)]


ALIASES = [
    ("实际吸收外资2.5亿美元", "实际使用外资"),
    ("实际吸收外资金额增长8%", "实际使用外资"),
    ("独角兽、瞪羚企业突破40家", "独角兽瞪羚企业数"),
    ("各级各类瞪羚、独角兽企业突破60家", "独角兽瞪羚企业数"),
]


@pytest.mark.parametrize(("body", "name"), ALIASES)
def test_aliases(body, name):
    records = _records("某市2024年工作总结", f"2024年,全市{body}。")
    assert [r.indicator for r in records] == [name]


RESPECTIVELY_AFTER_ITEMS = [
    (
        "2020年以来,新增高新技术企业120家、新增科技型中小企业300家、"
        "新增省级重点实验室5家,分别发展到560家、900家和21家。",
        ["高新技术企业数", "科技型中小企业数", "省级重点实验室数"],
    ),
    (
        "今年新增高新技术企业40家、新增科技型中小企业85家,分别发展到310家和620家。",
        ["高新技术企业数", "科技型中小企业数"],
    ),
]


@pytest.mark.parametrize(("body", "names"), RESPECTIVELY_AFTER_ITEMS)
def test_respectively_after_named_items_takes_as_many_items(body, names):
    records = _records("某市科技局2024年工作总结", body)
    n = len(names)
    tail = records[-n:]
    assert [r.indicator for r in tail] == names
    assert {r.measure for r in tail} == {"level"}
    assert [r.measure for r in records[:n]] == ["increase"] * n


MEASURES = [
    ("全市高新技术企业发展到420家", "level"),
    ("科技型中小企业壮大到1300家", "level"),
    ("新批建市级科技创新平台35家", "increase"),
    ("新批准建设省级重点实验室4家", "increase"),
    ("全市高新技术企业420家", "level"),  # negative: no cue, a bare count is a level
    ("建设省级以上研发平台90家", "level"),  # negative: 建设 alone is no approval
    ("新组建8家市级产业技术创新联盟", "increase"),
    ("组建科技特派团12家", "level"),  # negative: a bare 组建 in a summary is the stock
    ("新纳统项目45个", "increase"),
    ("全年新增高新技术企业达95家", "increase"),
    ("全市高新技术企业累计达到900家", "level"),  # negative: a stock word
]


@pytest.mark.parametrize(("body", "measure"), MEASURES)
def test_measures(body, measure):
    records = _records("某市科技局2023年工作总结", f"2023年,{body}。")
    assert [r.measure for r in records] == [measure]


NAMES = [
    ("主城区建成区面积由2015年的40平方公里扩大到2023年的75平方公里", "建成区面积"),
    ("力争年内新开工重大项目30个", "新开工重大项目数"),
    ("曲靖将实施老旧小区改造项目80个", "老旧小区改造项目数"),
    ("自由贸易试验区新设企业1200家", "自由贸易试验区新设企业数"),  # 由 of 自由 stays
]


@pytest.mark.parametrize(("body", "part"), NAMES)
def test_names_are_noun_phrases(body, part):
    records = _records("某市2024年新闻", f"今年,{body}。")
    assert records, body
    name = records[-1].indicator
    assert part in name and "由" not in name.replace("自由", "")
    assert not name.startswith(("内", "曲靖", "将"))


SHARED_WITH_QUANTITY_WORD = [
    (
        "高新技术企业、科技型中小企业总量均突破600家",
        ["高新技术企业数", "科技型中小企业数"],
    ),
    (
        "高新技术企业和科技型中小企业总数均达到900家",
        ["高新技术企业数", "科技型中小企业数"],
    ),
    (
        "城镇、农村居民人均可支配收入均增长6.5%",
        ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
    ),
]


@pytest.mark.parametrize(("body", "names"), SHARED_WITH_QUANTITY_WORD)
def test_a_shared_figure_goes_to_each_item_past_a_quantity_word(body, names):
    records = _records("某市2024年工作总结", f"2024年,全市{body}。")
    assert [r.indicator for r in records] == names


def test_a_catch_all_list_with_a_shared_figure_is_no_one_name():
    # negative: 蔬菜产量、水果产量均… are no catalog names one by one; no record
    # named by the whole list.
    records = _records(
        "某区2025年新闻", "今年,粮食、油料、蔬菜产量均稳定在50万吨以上。"
    )
    assert not any("、" in r.indicator for r in records), records


MANNER_WORDS = [
    ("全市实现地区生产总值820亿元,名义增速7.4%。", "地区生产总值", "growth"),
    ("全市进出口总额完成56亿元,大幅增长21.5%。", "进出口总额", "growth"),
    ("全市GDP达3100亿元 增4.6%", "地区生产总值", "growth"),
    (
        "规模以上工业企业420家,实现增加值比上年增长6.2%。",
        "规模以上工业增加值",
        "growth",
    ),
    ("全年淮安第三产业增加值增长5.1%。", "服务业增加值", "growth"),
]


@pytest.mark.parametrize(("body", "name", "measure"), MANNER_WORDS)
def test_manner_words_and_comparison_bases_name_nothing(body, name, measure):
    records = _records("某市2023年统计公报", f"2023年,{body}")
    assert (records[-1].indicator, records[-1].measure) == (name, measure)


def test_a_kind_of_services_is_still_no_catalog_total():
    # negative: 交通运输 before 服务业 narrows it; only a place name does not.
    records = _records("某市2023年统计公报", "2023年,交通运输服务业增加值增长3.3%。")
    assert [r.indicator for r in records] != ["服务业增加值"]


NOTES_AND_ITEMS = [
    ("全市进出口总额(海关口径)为915.3亿元。", "进出口总额"),
    ("全市地区生产总值(现价)为1500亿元。", "地区生产总值"),
    ("其中税收完成38亿元。", "税收收入"),
]


@pytest.mark.parametrize(("body", "name"), NOTES_AND_ITEMS)
def test_a_note_after_the_name_and_tax_named_alone(body, name):
    records = _records("某市2023年统计公报", f"2023年,{body}")
    assert [r.indicator for r in records] == [name]


def test_an_item_stating_its_own_goal_is_not_counted_with_the_next():
    text = (
        "主要预期目标:居民收入增长与经济增长同步、粮食产量稳定在300万吨、"
        "认定省级重点实验室、工程技术研究中心12家。"
    )
    records = _records("某省2025年国民经济和社会发展计划", text)
    names = [r.indicator for r in records]
    assert names[0] == "粮食产量"
    # negative: two kinds counted in one figure keep their combined name.
    assert "重点实验室、工程技术研究中心" in names[-1]
