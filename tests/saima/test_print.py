"""Outputs an office prints: every sheet of the 赛马 workbooks set up for A4, the
bulletin in 公文 form (GB/T 9704-2012), and — where LibreOffice is installed — the
workbook converted to PDF at one A4 landscape page per sheet."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.shared import Pt
from openpyxl import load_workbook

from saima import selectors
from saima.bulletin import (
    BODY_FONT,
    FONT_FALLBACKS,
    HEADING_FONT,
    PDF_MISSING,
    SUBHEADING_FONT,
    TITLE_FONT,
    PdfUnavailable,
    bulletin_paragraphs,
    bulletin_write,
    fullwidth,
    pdf_convert,
)
from saima.workbook import month_workbook_write, rollup_workbook_write

from .conftest import JUNE, MAY

ASCII_IN_PROSE = re.compile(r"[\u4e00-\u9fff][,;:()?!]|[,;:()?!][\u4e00-\u9fff]")


def _assert_printable(path):
    workbook = load_workbook(path)
    assert workbook.worksheets
    for ws in workbook.worksheets:
        setup = ws.page_setup
        assert setup.paperSize == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert setup.fitToWidth == 1, ws.title
        assert setup.orientation in ("landscape", "portrait")
        assert "&P" in ws.oddFooter.center.text, ws.title
        assert ws.oddHeader.left.text and ws.oddHeader.right.text, ws.title
        if ws._charts:
            # A chart sheet: one page, its print area, every category labelled.
            assert setup.fitToHeight == 1
            assert ws.print_area
            assert all(c.x_axis.tickLblSkip == 1 for c in ws._charts)
        else:
            assert ws.print_title_rows == "$3:$3", ws.title
            assert setup.fitToHeight == 0
            assert ws.row_dimensions[3].height >= 18  # wrapped header fits
    names = set(workbook.named_styles)
    assert {"赛马·表头", "赛马·标题", "赛马·数据"} <= names
    return workbook


def test_month_workbook_prints_on_a4_every_sheet(race, june_figures, tmp_path):
    report = selectors.month_report(race, JUNE)
    month_workbook_write(report, tmp_path / "m.xlsx")
    workbook = _assert_printable(tmp_path / "m.xlsx")
    ranking = workbook["综合排名"]
    assert ranking.page_setup.orientation == "landscape"
    assert ranking.oddHeader.right.text == "2024年6月"
    # Data cells use the named styles, not per-cell formatting.
    assert ranking["A4"].style.startswith("赛马·数据")
    assert ranking["A3"].style == "赛马·表头"


def test_rollup_workbook_prints_on_a4_every_sheet(
    race, june_figures, may_figures, tmp_path
):
    report = selectors.rollup_report(race, [MAY, JUNE], "2024年第2季度")
    rollup_workbook_write(report, tmp_path / "q.xlsx")
    workbook = _assert_printable(tmp_path / "q.xlsx")
    assert workbook.sheetnames == ["汇总排名", "平均得分图"]


def test_fullwidth_keeps_numbers():
    assert fullwidth("增速12.5%,高于全市(1,234.5万元):8:30") == (
        "增速12.5%，高于全市（1,234.5万元）：8:30"
    )


def _fonts(run):
    rpr = run._element.rPr
    return {v for k, v in rpr.rFonts.attrib.items()}


def test_bulletin_is_in_official_document_form(race, june_figures, tmp_path):
    race.bulletin_header = "芜湖市科学技术局文件"
    race.bulletin_number = "芜科〔2024〕12号"
    race.bulletin_issuer = "芜湖市科学技术局"
    race.save()
    report = selectors.month_report(race, JUNE)
    path = bulletin_write(
        bulletin_paragraphs(report),
        tmp_path / "b.docx",
        title=report.title,
        header=race.bulletin_header,
        number=race.bulletin_number,
        issuer=race.bulletin_issuer,
        date=dt.date(2024, 7, 5),
    )
    document = Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    )
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    paragraphs = document.paragraphs
    header = paragraphs[0].runs[0]
    assert header.text == "芜湖市科学技术局文件"
    assert str(header.font.color.rgb) == "FF0000"
    title = next(p for p in paragraphs if p.text == report.title)
    assert TITLE_FONT in _fonts(title.runs[0])
    assert title.runs[0].font.size == Pt(22)  # 二号
    heading = next(p for p in paragraphs if p.text.startswith("一、"))
    assert HEADING_FONT in _fonts(heading.runs[0])
    sub = next(p for p in paragraphs if p.text.startswith("（一）"))
    assert SUBHEADING_FONT in _fonts(sub.runs[0])
    body = next(p for p in paragraphs if p.text.startswith("现将"))
    assert BODY_FONT in _fonts(body.runs[0])
    assert body.runs[0].font.size == Pt(16)  # 三号
    assert body.paragraph_format.line_spacing == Pt(28.95)  # 22 lines a page
    assert [p.text for p in paragraphs[-2:]] == ["芜湖市科学技术局", "2024年7月5日"]
    for p in paragraphs:
        assert not ASCII_IN_PROSE.search(p.text), p.text
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")
    xml = section.footer._element.xml
    assert "PAGE" in xml
    with zipfile.ZipFile(path) as archive:
        fonts = archive.read("word/fontTable.xml").decode()
    for name, fallbacks in FONT_FALLBACKS.items():
        assert f'w:name="{name}"' in fonts
        assert fallbacks in fonts


def test_bulletin_without_header_starts_with_the_title(race, june_figures, tmp_path):
    report = selectors.month_report(race, JUNE)
    path = bulletin_write(
        bulletin_paragraphs(report), tmp_path / "b.docx", title=report.title
    )
    assert Document(str(path)).paragraphs[0].text == report.title


def test_pdf_without_libreoffice_is_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(PdfUnavailable) as caught:
        pdf_convert(tmp_path / "b.docx")
    assert str(caught.value) == PDF_MISSING
    assert "未安装 LibreOffice" in PDF_MISSING


def _pdf_pages(path):
    info = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])
    return pages, info


@pytest.mark.print
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils missing")
def test_demo_workbook_prints_one_a4_landscape_page_per_sheet(db, tmp_path):
    from django.core.management import call_command

    from tests.saima.test_commands import SEEDS

    call_command("saima_demo_setup")
    call_command("import_monthly", str(SEEDS / "saima_sample.csv"))
    out = tmp_path / "saima-2024-06.xlsx"
    call_command("export_saima", month="2024-06", out=out)
    sheets = len(load_workbook(out).sheetnames)
    (tmp_path / "pdf").mkdir()
    moved = tmp_path / "pdf" / out.name
    shutil.copy(out, moved)
    pages, info = _pdf_pages(pdf_convert(moved))
    assert pages == sheets
    assert "841.89 x 595.3" in info  # A4 landscape
    bulletin_pages, info = _pdf_pages(pdf_convert(out.with_suffix(".docx")))
    assert bulletin_pages >= 1
    assert "595.3" in info and "x 841.89" in info  # A4 portrait
