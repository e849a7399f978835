"""News releases take their year from the publication line; comparisons are ellipsis."""

import pytest

from targets.extraction import extract

NEWS = (
    "我市科技创新工作取得新成效\n索引号：113401/2024-00123 成文日期：2024-12-30\n"
    "{date}\n记者从市科技局获悉，今年以来，全市新增高新技术企业120家。"
    "截至10月底，全市科技型中小企业达到1386家。{span}全市技术合同成交额52.3亿元。\n"
)


@pytest.mark.parametrize(
    "date",
    [
        "发布时间：2025年11月12日 来源：市科技局",
        "2025年11月12日 来源：某某日报",
        "2025-11-12 09:30 来源：市政府网",
        "发布日期: 2025-11-12",
        "更新时间：2025/11/12",
    ],
)
@pytest.mark.parametrize("span", ["1—10月，", "1至10月，", "1-10月，"])
def test_publication_year(date, span):
    recs = extract(NEWS.format(date=date, span=span), "n.txt").records
    periods = [r.period for r in recs]
    assert periods == ["2025", "2025", "2025-01/2025-10"]
    assert all(r.kind == "actual" for r in recs)


@pytest.mark.parametrize(
    "comparison",
    [
        "较年初增长19.6%",
        "比年初增长19.6%",
        "较2024年底增长19.6%",
        "较上年同期增长19.6%",
    ],
)
def test_growth_after_a_level_is_ellipsis(comparison):
    text = (
        "某某市2025年科技工作总结\n一、工作完成情况\n"
        f"全市科技贷款余额达到320.5亿元，{comparison}。\n"
    )
    recs = extract(text, "r.txt").records
    assert [(r.indicator, r.measure) for r in recs] == [
        ("科技贷款余额", "level"),
        ("科技贷款余额", "growth"),
    ]
