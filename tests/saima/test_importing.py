"""Importing monthly figures: every bad cell named, nothing half-imported, re-import
replaces and keeps history."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from saima.importing import (
    ImportRejected,
    IndicatorRef,
    Lookups,
    parse_figures,
    parse_month,
    parse_value,
    template_bytes,
)
from saima.models import FigureImport, MonthlyFigure
from saima.services import figures_import

HEADER = "月份,地区,指标,口径,数值,单位\n"


def _csv(*lines: str) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-06", dt.date(2024, 6, 1)),
        ("2024-6", dt.date(2024, 6, 1)),
        ("2024年6月", dt.date(2024, 6, 1)),
        ("2024/06", dt.date(2024, 6, 1)),
        ("202406", dt.date(2024, 6, 1)),
        (202406, dt.date(2024, 6, 1)),
        (dt.datetime(2024, 6, 15), dt.date(2024, 6, 1)),
        ("2024-13", None),
        ("六月", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_month(raw, expected):
    assert parse_month(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.5", Decimal("12.5")),
        ("12.5%", Decimal("12.5")),
        ("1,234.5", Decimal("1234.5")),
        ("-3", Decimal("-3")),
        (7, Decimal(7)),
        (0.1, Decimal("0.1")),
        ("abc", None),
        ("", None),
        ("NaN", None),
        (True, None),
    ],
)
def test_parse_value(raw, expected):
    assert parse_value(raw) == expected


LOOKUPS = Lookups(
    regions={"南陵县": 1, "无为市": 2, "芜湖市": 9},
    indicators={
        "全社会研发经费投入": IndicatorRef(10, "全社会研发经费投入", "亿元"),
        "研发投入": IndicatorRef(10, "全社会研发经费投入", "亿元"),
        "高新技术企业数": IndicatorRef(11, "高新技术企业数", "家"),
    },
)


def test_every_bad_cell_is_named_by_row_and_column():
    data = _csv(
        "2024-06,南陵县,全社会研发经费投入,增速,12.5,%",
        "2024-13,南陵县,全社会研发经费投入,总量,1.2,亿元",
        "2024-06,黄山区,研发投入,增速,abc,%",
        "2024-06,无为市,不存在的指标,存量,5,",
        "2024-06,南陵县,全社会研发经费投入,增速,13,%",
        "2024-06,无为市,高新技术企业数,总量,50,亿元",
        "2024-06,无为市,全社会研发经费投入,增速,,%",
    )
    with pytest.raises(ImportRejected) as caught:
        parse_figures(data, "bad.csv", LOOKUPS)
    assert [str(error) for error in caught.value.errors] == [
        "第3行A列(月份):“2024-13”不是有效月份(应为 2024-06)",
        "第4行B列(地区):未知地区“黄山区”",
        "第4行E列(数值):“abc”不是数字",
        "第5行D列(口径):未知口径“存量”(应为 总量、增速 或 完成率)",
        "第5行C列(指标):未知指标“不存在的指标”",
        "第6行A列(月份/地区/指标/口径):与第2行重复(同一月份、地区、指标、口径)",
        "第7行F列(单位):单位“亿元”与指标“高新技术企业数”的常用单位“家”不一致",
        "第8行E列(数值):数值为空",
    ]
    assert caught.value.summary == "导入文件有8处错误,未导入任何数据。"


def test_short_city_name_indicator_with_measure_suffix_and_money_conversion():
    data = _csv(
        "2024年6月,芜湖,全社会研发经费投入增速,增速,12.5%,%",
        "2024-06,南陵县,研发投入,总量,35000,万元",
    )
    figures = parse_figures(data, "ok.csv", LOOKUPS)
    assert [
        (f.row, f.month, f.region_id, f.indicator_id, f.measure, f.value, f.unit)
        for f in figures
    ] == [
        (2, dt.date(2024, 6, 1), 9, 10, "growth", Decimal("12.5"), "%"),
        (3, dt.date(2024, 6, 1), 1, 10, "level", Decimal("3.5"), "亿元"),
    ]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.csv", "第0行:文件为空,没有任何数据行。"),
        ("月份,地区,指标\n".encode(), "h.csv", "第1行:表头缺少“口径”列。"),
        (
            b"a,b\n1,2\n",
            "x.csv",
            "第1行:未找到表头,第一行应为“月份 | 地区 | 指标 | 口径 | 数值 | 单位”。",
        ),
        (
            b"\xff\xfe\x00\x00binary",
            "x.csv",
            "第0行:无法识别文件编码,请使用 UTF-8 或 GBK 编码的 CSV。",
        ),
        (
            b"whatever",
            "old.xls",
            "第0行:不支持旧版 .xls 文件,请另存为 .xlsx 或 CSV 后再导入。",
        ),
        (HEADER.encode(), "only-header.csv", "第1行:表头下没有任何数据行。"),
    ],
)
def test_unusable_files_are_rejected_with_a_message(data, name, message):
    with pytest.raises(ImportRejected) as caught:
        parse_figures(data, name, LOOKUPS)
    assert str(caught.value.errors[0]) == message


def test_excel_file_with_a_label_row_and_gbk_csv_are_read():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["示例数据"])
    sheet.append(["地区", "月份", "指标", "口径", "数值", "单位", "备注"])
    sheet.append(
        ["无为市", dt.datetime(2024, 6, 1), "全社会研发经费投入", "增速", 9.5, "%", "x"]
    )
    sheet.append(["无为市", "2024-06", "全社会研发经费投入", "增速", "x", "%", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ImportRejected) as caught:
        parse_figures(buffer.getvalue(), "f.xlsx", LOOKUPS)
    assert [str(e) for e in caught.value.errors] == ["第4行E列(数值):“x”不是数字"]

    gbk = (HEADER + "2024-06,无为市,全社会研发经费投入,增速,9.5,%\n").encode("gbk")
    (only,) = parse_figures(gbk, "gbk.csv", LOOKUPS)
    assert (only.region_id, only.value) == (2, Decimal("9.5"))


def test_bad_file_leaves_the_database_unchanged(race, june_figures, county):
    before = list(MonthlyFigure.objects.values_list("pk", "value").order_by("pk"))
    data = _csv(
        "2024-06,南陵县,全社会研发经费投入,增速,99,%",
        "2024-06,南陵县,全社会研发经费投入,总量,一百,亿元",
    )
    with pytest.raises(ImportRejected) as caught:
        figures_import(data=data, name="bad.csv")
    assert [str(e) for e in caught.value.errors] == ["第3行E列(数值):“一百”不是数字"]
    assert (
        list(MonthlyFigure.objects.values_list("pk", "value").order_by("pk")) == before
    )
    assert FigureImport.objects.count() == 0


def test_reimporting_a_month_replaces_its_figures_and_keeps_history(
    race, county, other_county, rd
):
    first = figures_import(
        data=_csv(
            "2024-06,南陵县,全社会研发经费投入,增速,10,%",
            "2024-06,南陵县,全社会研发经费投入,总量,3,亿元",
            "2024-06,无为市,全社会研发经费投入,增速,20,%",
        ),
        name="june.csv",
    )
    assert (first.created, first.updated, first.deleted) == (3, 0, 0)
    second = figures_import(
        data=_csv(
            "2024-06,南陵县,全社会研发经费投入,增速,11.5,%",
            "2024-05,南陵县,全社会研发经费投入,增速,9,%",
        ),
        name="june-v2.csv",
    )
    # 南陵县 June: growth updated, total dropped; May created; 无为市 untouched.
    assert (second.created, second.updated, second.deleted) == (1, 1, 1)
    rows = sorted(
        MonthlyFigure.objects.values_list("month", "region__name", "measure", "value")
    )
    assert rows == [
        (dt.date(2024, 5, 1), "南陵县", "growth", Decimal("9.0000")),
        (dt.date(2024, 6, 1), "南陵县", "growth", Decimal("11.5000")),
        (dt.date(2024, 6, 1), "无为市", "growth", Decimal("20.0000")),
    ]
    june_growth = MonthlyFigure.objects.get(
        region=county, month=dt.date(2024, 6, 1), measure="growth"
    )
    assert [
        (h.history_type, h.value) for h in june_growth.history.order_by("history_id")
    ] == [("+", Decimal("10.0000")), ("~", Decimal("11.5000"))]
    deleted = MonthlyFigure.history.filter(history_type="-").get()
    assert (deleted.measure, deleted.value) == ("level", Decimal("3.0000"))


def test_template_has_the_header_and_notes():
    workbook = load_workbook(io.BytesIO(template_bytes("xlsx")))
    assert workbook.sheetnames == ["月度数据", "填写说明"]
    assert [c.value for c in workbook["月度数据"][1]] == [
        "月份",
        "地区",
        "指标",
        "口径",
        "数值",
        "单位",
    ]
    assert workbook["月度数据"].max_row == 1
    assert (
        template_bytes("csv").decode("utf-8-sig") == "月份,地区,指标,口径,数值,单位\r\n"
    )
