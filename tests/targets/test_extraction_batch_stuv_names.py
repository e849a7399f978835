"""Kinds of error of batches S, T, U and V in the indicator, catalog, measure
and exclusion modules, each as a table of sentences written for this test (no
corpus sentence, place or number): sub-sectors and new firms are not the
total, applications are not recognised firms, a share of a whole is not the
whole, 新入库 is a flow, and a price index's comparison words name nothing."""

from __future__ import annotations

import pytest

from targets.extraction import extract

CATALOG_NOT = [
    # (label, sentence, catalog name that must not be given)
    ("sub-sector 服务业", "2022年,全市农林牧渔服务业增加值6.3亿元。", "服务业增加值"),
    (
        "sub-sector, growth",
        "2023年,全区交通运输仓储服务业增加值增长4.3%。",
        "服务业增加值",
    ),
    (
        "Traditional sub-sector",
        "2021年,全縣軟件信息服務業增加值增長12%。",
        "服务业增加值",
    ),
    (
        "new firms 新增",
        "2022年,新增规模以上工业企业增加值增长1.4倍。",
        "规模以上工业增加值",
    ),
    (
        "new firms 新纳入",
        "2023年,新纳入规上企业工业增加值增长35%。",
        "规模以上工业增加值",
    ),
    ("new firms 升规", "去年全县升规企业增加值增长18.2%。", "规模以上工业增加值"),
    (
        "applications 申报",
        "2023年,组织企业申报国家高新技术企业61家。",
        "高新技术企业数",
    ),
    (
        "applications list",
        "全年全区推荐、申报科技型中小企业215家。",
        "科技型中小企业数",
    ),
    ("pending 拟认定", "2024年,本县拟认定高新技术企业19家。", "高新技术企业数"),
    (
        "share of a whole",
        "2022年,高技术产业增加值占规上工业增加值58.3%。",
        "规模以上工业增加值",
    ),
    (
        "share of GDP, spaced",
        "2023年,数字经济核心产业增加值占GDP 9.2%。",
        "地区生产总值",
    ),
    ("pull on growth 增幅", "2021年,工业投资拉动全部投资增幅3.6个百分点。", "工业投资"),
]


@pytest.mark.parametrize(
    "label,text,name", CATALOG_NOT, ids=[c[0] for c in CATALOG_NOT]
)
def test_part_is_not_the_total(label: str, text: str, name: str) -> None:
    got = [r.indicator for r in extract(text, "x.txt").records]
    assert name not in got, (label, got)


def test_whole_still_read() -> None:
    text = (
        "2022年,全市实现服务业增加值800亿元,其中服务业增加值增长6%;"
        "全市规上工业增加值增长7%。"
    )
    got = [(r.indicator, str(r.value)) for r in extract(text, "x.txt").records]
    assert ("服务业增加值", "800") in got
    assert ("服务业增加值", "6") in got
    assert ("规模以上工业增加值", "7") in got


NEW_REGISTER = [
    ("新入库", "2022年,新入库国家级科技型中小企业305家。"),
    ("新增入库", "2024年,全县新增入库科技型中小企业88家。"),
    ("首次 入库, spaced unit", "今年以来全市首次入库科技型中小企业 47 家。"),
]


@pytest.mark.parametrize("label,text", NEW_REGISTER, ids=[c[0] for c in NEW_REGISTER])
def test_new_to_register_is_increase(label: str, text: str) -> None:
    recs = [
        r for r in extract(text, "x.txt").records if r.indicator == "科技型中小企业数"
    ]
    assert [r.measure for r in recs] == ["increase"], label


@pytest.mark.parametrize(
    "text",
    ["2023年,全市科技型中小企业入库1350家。", "2023年,重新入库科技型中小企业920家。"],
)
def test_register_stock_is_level(text: str) -> None:
    recs = extract(text, "x.txt").records
    assert [(r.indicator, r.measure) for r in recs] == [("科技型中小企业数", "level")]


CPI = [
    ("累计比上年", "2022年,全市居民消费价格(CPI)累计比上年上涨0.7%。"),
    ("比上年同期", "2023年,全市居民消费价格比上年同期上涨1.2%。"),
    ("Traditional 比去年同期", "2021年,全區居民消費價格比去年同期上漲0.9%。"),
]


@pytest.mark.parametrize("label,text", CPI, ids=[c[0] for c in CPI])
def test_price_comparison_words_name_nothing(label: str, text: str) -> None:
    got = [r.indicator for r in extract(text, "x.txt").records]
    assert got == ["居民消费价格涨幅"], (label, got)


SECOND_LIST = [
    (
        "和, levels then growths",
        "2022年,专利申请量和授权量分别达2140件和960件,同比分别增长11.3%、42.5%。",
        ["专利申请量", "专利授权量", "专利申请量", "专利授权量"],
    ),
    (
        "、, 分别为 then 分别增长",
        "2023年,全县发明专利申请量、授权量分别为520件、188件,分别增长12.4%和30.2%。",
        ["发明专利申请量", "发明专利授权量", "发明专利申请量", "发明专利授权量"],
    ),
    (
        "Traditional, growths only",
        "2021年,全市專利申請量和授權量分別增長8.8%、15.1%。",
        ["专利申请量", "专利授权量"],
    ),
]


@pytest.mark.parametrize(
    "label,text,names", SECOND_LIST, ids=[c[0] for c in SECOND_LIST]
)
def test_second_list_keeps_the_order_of_shared_head_names(
    label: str, text: str, names: list[str]
) -> None:
    got = [r.indicator for r in extract(text, "x.txt").records]
    assert got == names, label


def test_second_list_with_its_own_names_keeps_them() -> None:
    text = (
        "全县光伏、储能产业产值分别增长18%和9%,生物制药与医疗器械、"
        "绿色食品产业产值分别增长6.5%和4%。"
    )
    got = [r.indicator for r in extract(text, "x.txt").records][2:]
    assert "光伏产业产值" not in got and "储能产业产值" not in got, got
