"""The 月通报 workbook reopened with load_workbook, and the bulletin text."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from openpyxl import load_workbook

from saima import selectors
from saima.bulletin import (
    _months_text,
    bulletin_paragraphs,
    bulletin_write,
    fullwidth,
    rollup_paragraphs,
)
from saima.workbook import BLACK_FILL, RED_FILL, month_workbook_write
from targets.models import Region, RegionLevel

from .conftest import JUNE, MAY


def _values(sheet, min_row):
    return [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=min_row)]


def test_ranking_sheet_has_title_ranks_changes_and_colours(
    race, june_figures, may_figures, tmp_path
):
    report = selectors.month_report(race, JUNE)
    assert month_workbook_write(report, tmp_path / "m.xlsx") == 4
    workbook = load_workbook(tmp_path / "m.xlsx")
    assert workbook.sheetnames == [
        "综合排名",
        "综合得分图",
        "全社会研发经费投入增速",
        "规上工业企业研发活动空白率",
    ]
    ranking = workbook["综合排名"]
    assert ranking["A1"].value == "2024年6月全市科技创新赛马通报"
    assert [c.value for c in ranking[3]] == [
        "名次",
        "地区",
        "综合得分",
        "上月名次",
        "变化",
        "分组",
        "全社会研发经费投入增速得分",
        "规上工业企业研发活动空白率得分",
        "备注",
    ]
    assert _values(ranking, 4) == [
        (1, "南陵县", 76, 2, "↑1", "县", 36, 40, "红榜"),
        (2, "无为市", 60, 1, "↓1", "县", 60, 0, None),
        (1, "镜湖区", 100, 2, "↑1", "区", 60, 40, "红榜"),
        (2, "弋江区", 60, 1, "↓1", "区", 60, 0, "未报送:规上工业企业研发活动空白率"),
    ]
    # Two-member groups are too small for both lists: only the first is 红榜.
    fills = [ranking.cell(row=r, column=1).fill.fgColor.rgb for r in range(4, 8)]
    assert [f == RED_FILL.fgColor.rgb for f in fills] == [True, False, True, False]
    assert BLACK_FILL.fgColor.rgb not in fills
    assert len(workbook["综合得分图"]._charts) == 1


def test_indicator_sheet_shows_value_growth_score_rank(
    race, june_figures, tmp_path, city
):
    report = selectors.month_report(race, JUNE)
    month_workbook_write(report, tmp_path / "m.xlsx")
    sheet = load_workbook(tmp_path / "m.xlsx")["全社会研发经费投入增速"]
    assert [c.value for c in sheet[3]] == [
        "名次",
        "地区",
        "数值(亿元)",
        "增速(%)",
        "得分",
        "分组",
        "备注",
    ]
    assert _values(sheet, 4) == [
        (1, "无为市", None, 20, 60, "县", "红榜"),
        (2, "南陵县", 3.5, 10, 36, "县", None),
        (1, "镜湖区", None, 5, 60, "区", "红榜"),
        (1, "弋江区", None, 5, 60, "区", "红榜"),
    ]
    blank = load_workbook(tmp_path / "m.xlsx")["规上工业企业研发活动空白率"]
    assert _values(blank, 4)[-1] == ("—", "弋江区", None, None, 0, "区", "未报送")


def test_bottom_three_are_grey_in_a_larger_group(race, june_figures, tmp_path, city):
    # Seven members without groups: three red, three dark grey, one plain.
    from saima.models import MonthlyFigure, RaceMember

    race.groups.all().delete()
    rd_ri = race.indicators.get(order=0)
    race.indicators.exclude(pk=rd_ri.pk).delete()
    for i in range(3):
        region = Region.objects.create(
            name=f"区{i}", level=RegionLevel.COUNTY, parent=city
        )
        RaceMember.objects.create(race=race, region=region)
        MonthlyFigure.objects.create(
            region=region,
            indicator=rd_ri.indicator,
            measure="growth",
            month=JUNE,
            value=30 + i,
        )
    report = selectors.month_report(race, JUNE)
    month_workbook_write(report, tmp_path / "m.xlsx")
    ranking = load_workbook(tmp_path / "m.xlsx")["综合排名"]
    colours = [
        (row[1].value, row[0].fill.fgColor.rgb) for row in ranking.iter_rows(min_row=4)
    ]
    assert [(name, colour == RED_FILL.fgColor.rgb) for name, colour in colours[:3]] == [
        ("区2", True),
        ("区1", True),
        ("区0", True),
    ]
    assert [name for name, colour in colours if colour == BLACK_FILL.fgColor.rgb] == [
        "南陵县",
        "镜湖区",
        "弋江区",
    ]


def test_formula_like_region_name_is_written_as_text(race, june_figures, tmp_path):
    nasty = Region.objects.get(name="镜湖区")
    nasty.name = '=HYPERLINK("http://x","点我")'
    nasty.save()
    report = selectors.month_report(race, JUNE)
    month_workbook_write(report, tmp_path / "m.xlsx")
    ranking = load_workbook(tmp_path / "m.xlsx")["综合排名"]
    cell = ranking["B6"]
    assert (cell.value, cell.data_type) == (nasty.name, "s")


def test_sample_race_is_labelled_everywhere(race, june_figures, tmp_path):
    race.is_sample = True
    race.save()
    report = selectors.month_report(race, JUNE)
    month_workbook_write(report, tmp_path / "m.xlsx")
    workbook = load_workbook(tmp_path / "m.xlsx")
    assert workbook["综合排名"]["A1"].value == "2024年6月全市科技创新赛马通报(示例数据)"
    for sheet in workbook.worksheets:
        assert "示例数据" in sheet["A1" if sheet.title == "综合得分图" else "A2"].value
    assert bulletin_paragraphs(report)[0].startswith("【示例数据】")


def test_bulletin_text_names_leaders_gaps_and_ranks(
    race, june_figures, may_figures, tmp_path
):
    report = selectors.month_report(race, JUNE)
    paragraphs = bulletin_paragraphs(report)
    assert paragraphs[:3] == [
        "现将2024年6月科技创新赛马情况通报如下(共4个地区参赛,2项指标)。",
        "一、综合排名",
        "县组列入红榜的是南陵县(76.00分)。"
        "与上月相比,名次上升的有南陵县(↑1);名次下降的有无为市(↓1)。",
    ]
    assert (
        "全社会研发经费投入增速:全市平均为10%。县组居前2位的是无为市(20%)、"
        "南陵县(10%);区组居前2位的是镜湖区(5%)、弋江区(5%)。"
    ) in paragraphs
    assert (
        "无为市:综合得分60.00分,居县组第2位(上月第1位,下降1位)。"
        "全社会研发经费投入增速20%,高于全市平均10个百分点,居第1位;"
        "规上工业企业研发活动空白率3%,居第2位。"
    ) in paragraphs
    assert (
        "弋江区:综合得分60.00分,居区组第2位(上月第1位,下降1位)。"
        "全社会研发经费投入增速5%,低于全市平均5个百分点,居第1位;"
        "规上工业企业研发活动空白率未报送。"
    ) in paragraphs
    assert paragraphs[-1] == (
        "以下地区未按要求报送全部数据,未报送指标按0分计:弋江区(规上工业企业研发活动空白率)。"
    )
    docx_path = bulletin_write(paragraphs, tmp_path / "b.docx", title=report.title)
    texts = [p.text for p in Document(str(docx_path)).paragraphs]
    assert texts[0] == "2024年6月全市科技创新赛马通报"
    assert texts[1] == ""
    assert texts[2:] == [fullwidth(p) for p in paragraphs]


def test_rollup_bulletin_names_lists_averages_and_gaps(race, june_figures, may_figures):
    report = selectors.rollup_report(
        race, [dt.date(2024, 4, 1), MAY, JUNE], "2024年第2季度"
    )
    assert report.bulletin_title == "2024年第2季度全市科技创新赛马通报"
    assert rollup_paragraphs(report) == [
        "现将2024年第2季度科技创新赛马情况通报如下(共4个地区参赛,2项指标,"
        "计5月、6月共2个月)。各地得分为各月综合得分的算术平均,某月未报送任何数据计0分。",
        "一、综合排名",
        "县组列入红榜的是无为市(80.00分)。",
        "区组列入红榜的是弋江区(80.00分)。",
        "二、各地得分",
        "(一)县组",
        "无为市:平均得分80.00分,居县组第1位(5月100.00分、6月60.00分)。",
        "南陵县:平均得分56.00分,居县组第2位(5月36.00分、6月76.00分)。",
        "(二)区组",
        "弋江区:平均得分80.00分,居区组第1位(5月100.00分、6月60.00分)。",
        "镜湖区:平均得分68.00分,居区组第2位(5月36.00分、6月100.00分)。",
        "三、数据报送",
        "以下地区有月份未按要求报送全部数据,未报送指标按0分计:弋江区(6月)。",
    ]


def test_rollup_bulletin_of_a_period_without_figures_says_so(race):
    report = selectors.rollup_report(race, [dt.date(2023, 1, 1)], "2023年")
    assert rollup_paragraphs(report) == [
        "2023年科技创新赛马没有任何月度数据,不作排名。"
    ]


@pytest.mark.parametrize(
    ("months", "text"),
    [
        ([4, 5, 6], "4月至6月"),
        ([5, 6], "5月、6月"),
        ([1, 3, 4], "1月、3月、4月"),
        ([6], "6月"),
    ],
)
def test_months_text(months, text):
    assert _months_text([dt.date(2024, m, 1) for m in months]) == text
