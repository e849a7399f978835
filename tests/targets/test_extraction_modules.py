"""Table tests per engine module: regions, simplified view, units, periods,
indicators (normaliser and Catalog), sections and exclusions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from targets.extraction import Catalog, extract, load_catalog
from targets.extraction.catalog import normal_key
from targets.extraction.numbers import parse_quantity
from targets.extraction.regions import detect_region, gazetteer, subregion_at
from targets.extraction.simplify import to_simplified, unwrap_lines

# ---------------------------------------------------------------- regions


def test_gazetteer_has_every_level_with_parents_from_the_code() -> None:
    gz = gazetteer()
    assert len(gz.divisions) > 3400
    (tongxiang,) = gz.lookup("桐乡市")
    assert [d.name for d in gz.ancestors(tongxiang)] == ["嘉兴市", "浙江省"]
    assert gz.lookup("浙江")[0].name == "浙江省"
    assert gz.lookup("科右中旗")[0].name == "科尔沁右翼中旗"
    assert not gz.is_region("目前我县") and not gz.is_region("次会议在县")


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # A province's text names its capital often; it is still the province.
        (
            "浙江省2024年政府工作报告\n全省地区生产总值增长6%。杭州、宁波、杭州、温州…",
            "浙江省",
        ),
        # A county-level city's text names its city in passing.
        (
            "桐乡市科技局2024年工作总结\n全市新增高企50家。嘉兴市科技局来我市调研。",
            "桐乡市",
        ),
        # A dateline and a company's home city do not take over.
        ("新华社杭州12月1日电 我县新增高企20家,全县…杭州某某科技有限公司落户。", None),
        # Another city's bureau named deep in a county's text.
        (
            "舒城县科技局2023年工作要点\n全县…" + "。" * 900 + "合肥市科技局牵头",
            "舒城县",
        ),
        ("XX市科技局2021年工作总结\n全市新增高企50家。", "XX市"),
        (
            "2023年全州科技工作会议召开\n全州…全州…黔东南州科技局",
            "黔东南苗族侗族自治州",
        ),
        ("今年我区经济增长7%,我区…新疆", "新疆维吾尔自治区"),
        ("全省第一,居全省前列,名列金华前茅。翻开义乌科技工作成绩单,义乌科技", "义乌市"),
    ],
)
def test_document_region(text: str, region: str | None) -> None:
    title = text.split("\n", 1)[0] if "\n" in text else ""
    assert detect_region(text, title) == region


@pytest.mark.parametrize(
    ("start", "own", "expected"),
    [
        ("桐乡市新增", "嘉兴市", "桐乡市"),
        ("南湖区登记", "嘉兴市", "南湖区"),
        ("高新区新增", "嘉兴市", None),  # no administrative division
        ("杭州市新增", "嘉兴市", None),  # not inside the document's region
        ("广州经济总量", "广东省", "广州市"),  # a city's short name in a province
        ("桐乡新增", "嘉兴市", None),  # a county's short name is too ambiguous
    ],
)
def test_subregion_at_the_clause_start(start: str, own: str, expected: str) -> None:
    assert subregion_at(start, own) == expected


# ---------------------------------------------------------------- simplified view


@pytest.mark.parametrize(
    "text",
    [
        "力爭到2023年底高企數量達1.2萬家",
        "技術(shù)合同成交額增長20%",
        "全市高新技术企业达到750家",  # simplified passes through unchanged
        "",
    ],
)
def test_simplified_view_keeps_the_length(text: str) -> None:
    view = to_simplified(text)
    assert len(view) == len(text)
    assert "爭" not in view and "數" not in view


def test_traditional_page_reads_with_quotes_from_the_original() -> None:
    text = (
        "某市2024年工作總結\n一、完成情況\n"
        "全市技術(shù)合同成交額增長20%,高企數量達1200家。"
    )
    records = extract(text, "t.txt").records
    assert [(r.indicator, r.measure) for r in records] == [
        ("技术合同成交额", "growth"),
        ("高新技术企业数", "level"),
    ]
    assert all(text[r.start : r.end] == r.quote for r in records)
    assert "總" not in records[0].indicator


def test_hard_wraps_inside_a_sentence_become_spaces() -> None:
    text = (
        "地区生产总值从773亿元提升到1000亿元,一般公共预算收入从72亿\n"
        "元提升到114亿元。\n二、工作"
    )
    out = unwrap_lines(text)
    assert len(out) == len(text) and "亿 元" in out and out.endswith("。\n二、工作")


# ---------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("text", "value", "unit", "norm_value", "norm_unit"),
    [
        ("12.5亿美元", "12.5", "亿美元", "1250000000", "美元"),
        ("3,963.1万元", "3963.1", "万元", "39631000", "元"),
        ("3.5‰", "3.5", "‰", "3.5", "‰"),
        ("2.1倍", "2.1", "倍", "210", "%"),
        ("50万吨", "500000", "吨", "500000", "count"),
        ("1.2万亿元", "1200000000000", "元", "1200000000000", "元"),
    ],
)
def test_units_and_base_units(
    text: str, value: str, unit: str, norm_value: str, norm_unit: str
) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.unit, q.norm_value, q.norm_unit) == (
        Decimal(value),
        unit,
        Decimal(norm_value),
        norm_unit,
    )


@pytest.mark.parametrize("text", ["一亿亿亿亿家", "9" * 40 + "亿元"])
def test_impossible_numbers_are_not_quantities(text: str) -> None:
    assert parse_quantity(text) is None


REPORT = "嘉兴市2024年工作总结\n一、工作完成情况\n"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("技术合同成交额增长2.1倍。", ("growth", "=", 210)),
        ("实际利用外资约1000亿美元左右。", ("level", "~", 100000000000)),
        ("全市固定资产投资5000万元左右。", ("level", "~", 50000000)),
    ],
)
def test_figures_with_their_units(phrase: str, expected: tuple) -> None:
    (r,) = extract(REPORT + phrase, "r.txt").records
    assert (r.measure, r.comparator, r.norm_value) == expected


def test_respectively_keeps_each_items_own_measure() -> None:
    text = REPORT + "高新技术企业和科技型中小企业分别新增120家和达到500家。"
    got = [(r.indicator, r.measure) for r in extract(text, "r.txt").records]
    assert got == [("高新技术企业数", "increase"), ("科技型中小企业数", "level")]


def test_shared_head_pairs_split_into_both_subjects() -> None:
    text = REPORT + "城乡居民人均可支配收入分别增长7.5%和7.8%。"
    got = [(r.indicator, r.norm_value) for r in extract(text, "r.txt").records]
    assert got == [
        ("城镇居民人均可支配收入", Decimal("7.5")),
        ("农村居民人均可支配收入", Decimal("7.8")),
    ]


# ---------------------------------------------------------------- periods


def _periods(text: str) -> list[tuple[str, str | None]]:
    return [(r.kind, r.period) for r in extract(text, "p.txt").records]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A 政府工作报告 of 2024 reviews 2023 and plans 2024.
        (
            "嘉兴市2024年政府工作报告\n去年全市地区生产总值增长6%。"
            "今年主要预期目标是:地区生产总值增长5.5%左右。",
            [("actual", "2023"), ("target", "2024")],
        ),
        # A 2025年工作回顾 heading beats the publication year.
        (
            "发布时间:2026-01-20\n某市政府工作报告\n一、2025年工作回顾\n"
            "全市新增高新技术企业120家。",
            [("actual", "2025")],
        ),
        # A 1-10月 progress report frames every figure in it.
        (
            "嘉兴市科技局2023年1-10月工作完成情况\n全市新增高新技术企业120家。",
            [("actual", "2023-01/2023-10")],
        ),
        # From-to spans: the start value to the start year, the end value to the end.
        (
            REPORT + "2018年至2021年,高新技术企业数从500家增长到900家。",
            [("actual", "2018"), ("actual", "2021")],
        ),
        (
            REPORT + "“十三五”期间,累计新增高新技术企业1200家。",
            [("actual", "2016-01/2020-12")],
        ),
        (
            REPORT + "2017年以来,技术合同成交额从256亿元提升到561亿元。",
            [("actual", "2017"), ("actual", "2024")],
        ),
    ],
)
def test_periods_against_the_documents_date(text: str, expected: list) -> None:
    assert _periods(text) == expected


def test_a_dateline_is_not_a_heading() -> None:
    text = (
        "关于2024年国民经济和社会发展计划执行情况的报告\n——2025年1月12日在市人民代表大会上\n"
        "预计全年,地区生产总值增长5.2%左右。"
    )
    assert _periods(text) == [("actual", "2024")]


# ---------------------------------------------------------------- indicators


@pytest.mark.parametrize(
    ("name", "indicator"),
    [
        ("进出口总值", "进出口总额"),
        ("三产增加值", "服务业增加值"),
        ("人均gdp", "人均地区生产总值"),
        ("城镇新增就业人员数", "城镇新增就业"),
        ("居民消费价格比上年上涨", "居民消费价格涨幅"),
        ("国家高新技术企业数", "高新技术企业数"),
        ("研究与试验发展经费投入强度", "研发投入强度"),
        ("技术合同交易登记额", "技术合同成交额"),
        ("全社会研发经费投入占GDP比重", "研发投入强度"),
        ("申报高新技术企业", None),
    ],
)
def test_free_form_names_resolve_to_the_catalog(name: str, indicator: str) -> None:
    hit = load_catalog().resolve(name)
    assert (hit.name if hit else None) == indicator


def test_normal_key_sets_wording_aside_but_keeps_levels() -> None:
    assert normal_key("全市进出口总值") == normal_key("进出口总额")
    assert normal_key("省级重点实验室数") != normal_key("市级重点实验室数")


def test_catalog_from_plain_rows_reaches_the_engine() -> None:
    catalog = Catalog.from_rows(
        [
            {
                "code": "hatcheries",
                "name": "苗种场数",
                "unit": "个",
                "norm_unit": "count",
                "better": "higher",
                "accumulates": False,
                "aliases": ["良种场"],
            },
            {"code": "", "name": "skipped"},
        ]
    )
    assert [i.code for i in catalog.indicators] == ["hatcheries"]
    (r,) = extract(REPORT + "全市良种场达到12个。", "r.txt", catalog=catalog).records
    assert (r.indicator, r.indicator_code) == ("苗种场数", "hatcheries")


# ---------------------------------------------------------------- sections, exclusions


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "某县2023年计划执行情况和2024年计划草案\n一、冲云拨雾,稳步发展\n全县地区生产总值完成78亿元。",
            "actual",
        ),
        ("某市2023年工作总结\n二、下一步打算\n新增高新技术企业100家。", "target"),
        ("某市2023年工作总结\n一、工作情况\n全市将新增高新技术企业100家。", "target"),
        ("某市2023年工作总结\n一、工作情况\n全市高新技术企业达到100家。", "actual"),
    ],
)
def test_target_or_actual_from_sections_and_modality(text: str, kind: str) -> None:
    (r,) = extract(text, "s.txt").records
    assert r.kind == kind


@pytest.mark.parametrize(
    "phrase",
    [
        "地区生产总值增速高于预期目标7.5个百分点。",
        "社会消费品零售总额增长目标下调1个百分点。",
        "推进5万吨碳纤维项目。",
        "其中,高新区新增高新技术企业40家。",
    ],
)
def test_not_targets_or_actuals(phrase: str) -> None:
    assert extract(REPORT + phrase, "e.txt").records == []


def test_pinyin_glosses_move_behind_their_run() -> None:
    from targets.extraction.simplify import move_glosses

    text = "初步預(yù)計(jì),地區(qū)生產(chǎn)總值增長7.5%"
    view = move_glosses(text)
    assert len(view) == len(text)
    assert view.startswith("初步預計(yù)(jì),地區生產總值增長")
    assert view.endswith("7.5%")


def test_a_glossed_traditional_page_reads_its_estimates() -> None:
    text = "某省2021年工作總結\n初步預(yù)計(jì),地區(qū)生產(chǎn)總值增長7.5%。"
    (r,) = extract(text, "g.txt").records
    assert (r.indicator, r.estimate, r.measure) == ("地区生产总值", True, "growth")
    assert r.quote == text[r.start : r.end]


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        # A target named as such inside a news report.
        ("东莞还提出了一系列具体目标,如:GDP增长5.5%以上。", "target"),
        # 虚拟现实 holds 拟 but plans nothing.
        ("从产品产量看,虚拟现实设备产量增长96.0%。", "actual"),
        ("今年西藏将稳步发展特色农牧业;青稞播种面积稳定在230万亩以上。", "target"),
    ],
)
def test_modality_inside_a_report(phrase: str, kind: str) -> None:
    (r,) = extract(REPORT + phrase, "m.txt").records
    assert r.kind == kind


@pytest.mark.parametrize(
    "phrase",
    [
        "今年的政府工作报告中,“发展”出现67次。",
        "在2023年河北的8项重点工作中,排在首位的是创新。",
    ],
)
def test_word_counts_and_the_documents_structure_are_not_figures(phrase: str) -> None:
    assert extract(REPORT + phrase, "w.txt").records == []


def test_a_one_line_page_gets_its_sections_back() -> None:
    text = (
        "2024年某县政府工作报告 --2024年1月21日在某县人民代表大会上 各位代表: "
        "现在,我代表县人民政府向大会报告工作。 2023年工作回顾 "
        + "过去一年,我们稳增长。预计地区生产总值增长7%,固定资产投资56.1亿元。"
        * 16
    )
    records = extract(text, "o.txt").records
    assert records and {(r.kind, r.period) for r in records} == {("actual", "2023")}
