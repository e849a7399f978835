"""The scorecard workbook, reopened with openpyxl: sheets, headers, rows, styles."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from reports.excel.printing import MIN_SCALE
from reports.excel.scorecard import (
    DETAIL_HEADERS,
    FLAG_HEADERS,
    SUMMARY_HEADERS,
    display_value,
)
from reports.services import scorecard_write
from tests.reports.conftest import EVIL_QUOTE, EVIL_REASON


def _export(tmp_path, **scope):
    out = tmp_path / "scorecard.xlsx"
    count = scorecard_write(out=out, **scope)
    return count, load_workbook(out)


def _rows(ws, first: int = 2) -> list[list]:
    return [list(row) for row in ws.iter_rows(min_row=first, values_only=True)]


def test_workbook_has_the_three_sheets_with_chinese_headers(tmp_path, scorecard_world):
    count, wb = _export(tmp_path)

    assert count == 5
    assert wb.sheetnames == ["总览", "目标明细", "目标出处", "预警"]
    assert [c.value for c in wb["总览"][4]] == SUMMARY_HEADERS
    assert [c.value for c in wb["目标明细"][1]] == DETAIL_HEADERS
    assert [c.value for c in wb["预警"][1]] == FLAG_HEADERS
    assert DETAIL_HEADERS == [
        "序号",
        "地区",
        "指标",
        "口径",
        "目标",
        "单位",
        "期间",
        "实际值",
        "实际期间",
        "完成度",
        "序时进度",
        "状态",
        "预计",
        "审核",
    ]
    # Plan and quote are on a sheet of their own, so 目标明细 prints readably.
    assert [c.value for c in wb["目标出处"][1]] == [
        "序号",
        "地区",
        "指标",
        "期间",
        "依据文件",
        "原文摘录",
    ]


def test_detail_rows_show_each_target_in_the_unit_it_was_written_in(
    tmp_path, scorecard_world
):
    _, wb = _export(tmp_path)
    ws = wb["目标明细"]

    assert _rows(ws) == [
        [
            1,
            "南陵县",
            "技术合同成交额",
            "总量",
            "≥12",
            "亿元",
            "2024年",
            6.6,
            "2024年1–10月",
            0.55,
            0.8333,
            "有风险",
            "是",
            "未审核",
        ],
        [
            2,
            "南陵县",
            "科技型中小企业数",
            "新增量",
            "≥30",
            "家",
            "2024年",
            21,
            "2024年1–8月",
            0.7,
            0.6667,
            "进行中",
            None,
            "未审核",
        ],
        [
            3,
            "合肥市",
            "高新技术企业数",
            "总量",
            "≥1,000",
            "家",
            "2023年",
            None,
            None,
            None,
            None,
            "暂无数据",
            None,
            "已审核",
        ],
        [
            4,
            "无为市",
            "研发投入强度",
            "总量",
            "≥2.5",
            "%",
            "2024年",
            0.021,
            "2024年",
            0.84,
            None,
            "未完成",
            None,
            "已审核",
        ],
        [
            5,
            "芜湖市",
            "高新技术企业数",
            "总量",
            "≥750",
            "家",
            "2024年",
            780,
            "2024年",
            1.04,
            None,
            "已完成",
            None,
            "未审核",
        ],
    ]

    assert _rows(wb["目标出处"]) == [
        [
            1,
            "南陵县",
            "技术合同成交额",
            "2024年",
            "南陵县2024年科技工作要点",
            EVIL_QUOTE,
        ],
        [
            2,
            "南陵县",
            "科技型中小企业数",
            "2024年",
            "南陵县2024年科技工作要点",
            "新增科技型中小企业30家",
        ],
        [3, "合肥市", "高新技术企业数", "2023年", None, None],
        [4, "无为市", "研发投入强度", "2024年", None, None],
        [
            5,
            "芜湖市",
            "高新技术企业数",
            "2024年",
            "芜湖市科技局2024年工作要点",
            "全市高新技术企业总数达到750家以上",
        ],
    ]


def test_number_formats_follow_the_unit(tmp_path, scorecard_world):
    _, wb = _export(tmp_path)
    ws = wb["目标明细"]

    # 亿元 with two decimals, a percentage as %, a count as a whole number.
    assert ws["H2"].number_format == "#,##0.00"
    assert ws["H5"].number_format == "0.00%"
    assert ws["H6"].number_format == "#,##0"
    assert {ws[f"J{r}"].number_format for r in (2, 3, 5, 6)} == {"0.0%"}
    assert ws["K2"].number_format == "0.0%"


def test_status_cells_are_filled_by_status(tmp_path, scorecard_world):
    _, wb = _export(tmp_path)
    ws = wb["目标明细"]

    fills = {ws[f"L{r}"].value: ws[f"L{r}"].fill.fgColor.rgb[-6:] for r in range(2, 7)}

    assert fills == {
        "已完成": "C6EFCE",  # green
        "未完成": "FFC7CE",  # red
        "有风险": "FFEB9C",  # amber
        "进行中": "DDEBF7",  # blue
        "暂无数据": "E7E6E6",  # grey
    }
    assert {ws[f"L{r}"].fill.fill_type for r in range(2, 7)} == {"solid"}


def test_sheets_are_set_up_for_reading_and_printing(tmp_path, scorecard_world):
    _, wb = _export(tmp_path)
    detail, summary, flags = wb["目标明细"], wb["总览"], wb["预警"]

    assert detail.freeze_panes == "C2"
    assert summary.freeze_panes == "A5"
    assert flags.freeze_panes == "A2"
    assert detail.auto_filter.ref == "A1:N6"
    assert flags.auto_filter.ref == "A1:H3"
    assert detail.column_dimensions["C"].width == 26
    assert wb["目标出处"].column_dimensions["F"].width == 70
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.print_title_rows
        assert "&P" in ws.oddFooter.center.text
        # One page wide: fitted, or scaled to the width but never below MIN_SCALE.
        setup = ws.page_setup
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        else:  # too wide to fit readably: MIN_SCALE, spilling onto a second page
            assert setup.scale == MIN_SCALE
    assert detail.page_setup.scale >= 80  # 14 columns at a readable size
    assert {"计分卡·表头", "计分卡·状态·已完成"} <= set(wb.named_styles)
    assert detail.print_title_rows == "$1:$1"
    assert summary.print_title_rows == "$4:$4"
    rules = [
        (str(cf.sqref), rule.type)
        for cf in detail.conditional_formatting
        for rule in cf.rules
    ]
    assert rules == [("J2:J6", "dataBar")]


def test_summary_counts_statuses_per_region_with_a_chart(tmp_path, scorecard_world):
    _, wb = _export(tmp_path)
    ws = wb["总览"]

    assert ws["A1"].value == "目标计分卡 — 全部地区"
    assert ws["A2"].value.startswith("数据日期:2024-11-20")
    assert _rows(ws, first=5) == [
        ["南陵县", 2, 0, 1, 1, 0, 0, 0],
        ["合肥市", 1, 0, 0, 0, 0, 1, 0],
        ["无为市", 1, 0, 0, 0, 1, 0, 0],
        ["芜湖市", 1, 1, 0, 0, 0, 0, 1],
        ["合计", 5, 1, 1, 1, 1, 1, 0.2],
    ]
    assert ws["H5"].number_format == "0.0%"
    assert len(ws._charts) == 1
    assert ws._charts[0].type == "bar"


def test_flags_sheet_lists_open_flags_with_their_reasons(tmp_path, scorecard_world):
    _, wb = _export(tmp_path)
    ws = wb["预警"]

    rows = _rows(ws)

    assert [row[:7] for row in rows] == [
        [
            1,
            "无为市",
            "研发投入强度",
            "2024年",
            "≥2.5%",
            "未完成",
            "实际2.1%,低于目标2.5%",
        ],
        [2, "无为市", None, None, None, "未按期报送", EVIL_REASON],
    ]
    assert all(isinstance(row[7], dt.datetime) for row in rows)


def test_region_scope_covers_the_region_and_its_counties(tmp_path, scorecard_world):
    count, wb = _export(tmp_path, region="芜湖市")

    assert count == 4
    assert {row[1] for row in _rows(wb["目标明细"])} == {"芜湖市", "南陵县", "无为市"}
    assert wb["总览"]["A1"].value == "目标计分卡 — 芜湖市(含下辖地区)"
    assert len(_rows(wb["预警"])) == 2


def test_county_scope_leaves_out_its_parent_and_siblings(tmp_path, scorecard_world):
    count, wb = _export(tmp_path, region="南陵县")

    assert count == 2
    assert {row[1] for row in _rows(wb["目标明细"])} == {"南陵县"}
    assert _rows(wb["预警"]) == []


def test_year_scope_keeps_only_that_years_targets(tmp_path, scorecard_world):
    count, wb = _export(tmp_path, year=2023)

    assert count == 1
    assert _rows(wb["目标明细"])[0][1:3] == ["合肥市", "高新技术企业数"]
    assert wb["总览"]["A1"].value == "目标计分卡 — 2023年"


def test_document_scope_keeps_the_targets_of_one_plan(
    tmp_path, scorecard_world, county_plan
):
    count, wb = _export(tmp_path, document="nanling-2024.txt")

    assert count == 2
    assert {row[4] for row in _rows(wb["目标出处"])} == {"南陵县2024年科技工作要点"}
    # Region-level flags belong to no plan.
    assert _rows(wb["预警"]) == []


def test_unknown_region_is_a_clear_error(tmp_path, scorecard_world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="找不到地区"):
        scorecard_write(out=tmp_path / "x.xlsx", region="火星市")
    assert not (tmp_path / "x.xlsx").exists()


def test_text_from_documents_never_becomes_a_formula(tmp_path, scorecard_world):
    _, wb = _export(tmp_path)

    quote = wb["目标出处"]["F2"]
    reason = wb["预警"]["G3"]
    assert (quote.value, quote.data_type, quote.quotePrefix) == (EVIL_QUOTE, "s", True)
    assert (reason.value, reason.data_type) == (EVIL_REASON, "s")
    formulas = [
        cell.coordinate
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []


def test_an_empty_database_still_writes_a_readable_workbook(tmp_path, db):
    count, wb = _export(tmp_path)

    assert count == 0
    assert wb.sheetnames == ["总览", "目标明细", "目标出处", "预警"]
    assert _rows(wb["目标明细"]) == []
    assert wb["总览"]["A2"].value.startswith("数据日期:尚未评估")


@pytest.mark.parametrize(
    ("norm", "unit", "norm_unit", "value", "norm_value", "expected"),
    [
        ("14969999999.9999", "亿元", "元", "150", "15000000000", (149.7, "#,##0.00")),
        ("2500000", "万元", "元", "300", "3000000", (250.0, "#,##0.00")),
        ("8000", "元", "元", "1", "1", (8000.0, "#,##0.00")),
        ("12.5", "%", "%", "10", "10", (0.125, "0.00%")),
        ("0.14", "个百分点", "pp", "0.1", "0.1", (0.14, "#,##0.00")),
        ("780", "家", "count", "750", "750", (780.0, "#,##0")),
        ("35.5", "件", "count", "30", "30", (35.5, "#,##0.00")),
        (None, "亿元", "元", "12", "1200000000", (None, "#,##0.00")),
    ],
)
def test_display_value_uses_the_targets_unit(
    norm, unit, norm_unit, value, norm_value, expected
):
    assert (
        display_value(
            None if norm is None else Decimal(norm),
            unit=unit,
            norm_unit=norm_unit,
            value=Decimal(value),
            norm_value=Decimal(norm_value),
        )
        == expected
    )


def test_a_large_selection_of_targets_is_passed_as_one_parameter(
    tmp_path, scorecard_world, monkeypatch
):
    from reports import selectors

    # Force the JSON path that "select all" in the admin takes for big selections.
    monkeypatch.setattr(selectors, "MANY_IDS", 1)
    picked = [scorecard_world["met"].pk, scorecard_world["at_risk"].pk]

    count, wb = _export(tmp_path, target_ids=picked)

    assert count == 2
    assert [row[1] for row in _rows(wb["目标明细"])] == ["南陵县", "芜湖市"]
    assert wb["总览"]["A1"].value == "目标计分卡 — 选定的2个目标"


def test_every_formula_like_text_cell_from_documents_has_quote_prefix(
    tmp_path, scorecard_world
):
    from targets.models import Document, Indicator, Region

    # Names come from documents and the catalog; any of them can start a formula.
    Region.objects.filter(name="南陵县").update(name="=南陵县")
    Indicator.objects.filter(name="高新技术企业数").update(name="@高新技术企业数")
    Document.objects.update(name="+计划.docx")
    _, wb = _export(tmp_path)

    risky = [
        (ws.title, cell.coordinate, cell.quotePrefix)
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value[:1] in "=+-@"
    ]
    sheets = {title for title, _, _ in risky}
    assert {"总览", "目标明细", "预警"} <= sheets
    assert [entry for entry in risky if entry[2] is not True] == []


def test_a_scorecard_limited_to_confirmed_figures_leaves_out_unreviewed_targets(
    tmp_path, scorecard_world
):
    from targets.models import Mention, MentionReview

    mention = Mention.objects.get(quote="新增科技型中小企业30家")
    Mention.objects.filter(pk=mention.pk).update(review=MentionReview.CONFIRMED)

    count, wb = _export(tmp_path, confirmed_only=True)

    indicators = [(r[1], r[2], r[13]) for r in _rows(wb["目标明细"])]
    # The confirmed statement, and the targets entered by hand (no statement).
    assert indicators == [
        ("南陵县", "科技型中小企业数", "已审核"),
        ("合肥市", "高新技术企业数", "已审核"),
        ("无为市", "研发投入强度", "已审核"),
    ]
    assert count == 3
    assert "仅含已审核数据" in str(wb["总览"]["A2"].value) + str(wb["总览"]["A1"].value)
