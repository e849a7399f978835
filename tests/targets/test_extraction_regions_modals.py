"""Sub-regional figures, other regions, and 争取/计划/力争 inside reports."""

import pytest

from targets.extraction import extract

REPORT = (
    "宜宾市科技局2025年工作总结\n一、工作完成情况\n{}\n二、2026年工作打算\n继续推进。\n"
)


def _recs(phrase):
    return extract(REPORT.format(phrase), "r.txt").records


@pytest.mark.parametrize(
    "phrase,region",
    [
        ("江安县新增科技特派员工作站6家。", "江安县"),
        ("南溪区登记技术合同120项。", "南溪区"),
        ("全市新增高新技术企业140家。", "宜宾市"),
        ("全区新增高新技术企业14家。", "宜宾市"),
        ("园区新增高新技术企业14家。", "宜宾市"),
    ],
)
def test_subregion_at_clause_start(phrase, region):
    recs = _recs(phrase)
    assert len(recs) == 1 and recs[0].region == region


def test_a_development_zone_is_not_a_region_of_the_gazetteer():
    # 高新区 is no administrative division: its figure is neither the city's
    # nor a region of its own.
    assert _recs("其中，高新区新增高新技术企业40家。") == []


@pytest.mark.parametrize(
    "phrase",
    [
        "四川省1—10月技术合同成交额突破2900亿元。",
        "江西省高新技术企业达到6000家。",
        "全省新增高新技术企业1200家。",
    ],
)
def test_other_region_figures_are_skipped(phrase):
    assert _recs(phrase) == []


def test_province_as_a_level_is_kept():
    recs = _recs("获批四川省重点实验室3家。")
    assert [r.norm_value for r in recs] == [3]


@pytest.mark.parametrize(
    "phrase,kinds",
    [
        ("争取国家、省各类科技计划项目186项，同比增长18%。", ["actual", "actual"]),
        ("争取省级以上科技项目52项。", ["actual"]),
        ("下半年计划新增省级以上科技创新平台5个。", ["target"]),
        ("力争全年新型研发机构达到12家。", ["target"]),
        ("单个项目支持额度原则上不超过300万元。", []),
        ("每个项目支持额度最高不超过300万元。", []),
    ],
)
def test_modals_in_reports(phrase, kinds):
    recs = _recs(phrase)
    assert [r.kind for r in recs] == kinds
    for r in recs:
        assert r.period.startswith("2025")
        if r.kind == "actual":
            assert not r.stretch


def test_year_target_in_parentheses():
    recs = _recs("技术合同成交额完成年度目标任务（95亿元）的52%。")
    assert [(r.kind, r.norm_value, r.period) for r in recs] == [
        ("target", 9500000000, "2025")
    ]
