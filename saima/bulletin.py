"""The generated bulletin text (通报文字) in the form offices write it, saved as .docx
(python-docx) or plain .txt beside the workbook."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from saima import engine
from saima.models import FigureMeasure
from targets import display
from targets.periods import Period

if TYPE_CHECKING:
    from saima.models import RaceIndicator
    from saima.selectors import MonthReport, RollupReport

SAMPLE_NOTE = "【示例数据】本通报所用数据为演示用示例数据,非真实统计数据。"
_CHINESE_NUMBERS = "一二三四五六七八九十"
PERCENT_MEASURES = (FigureMeasure.GROWTH, FigureMeasure.COMPLETION)


def _value_text(ri: RaceIndicator, value: Decimal, unit: str = "") -> str:
    if ri.measure in PERCENT_MEASURES:
        return f"{display.format_number(value, places=1)}%"
    return f"{display.format_number(value)}{unit or ri.indicator.unit}"


def _names(rows: list[engine.RegionResult], with_scores: bool = False) -> str:
    if with_scores:
        return "、".join(f"{r.region}({r.composite:.2f}分)" for r in rows)
    return "、".join(r.region for r in rows)


def _group_prefix(report: MonthReport | RollupReport, group: str) -> str:
    return f"{group}组" if report.grouped and group != engine.DEFAULT_GROUP else ""


def bulletin_paragraphs(report: MonthReport) -> list[str]:
    """The bulletin as paragraphs (the title is ``report.title``)."""
    paragraphs: list[str] = []
    if report.race.is_sample:
        paragraphs.append(SAMPLE_NOTE)
    members = len(report.result.rows)
    paragraphs.append(
        f"现将{Period.month_of(report.month).label}{report.race.name}情况通报如下"
        f"(共{members}个地区参赛,{len(report.indicators)}项指标)。"
    )
    paragraphs.append("一、综合排名")
    for group, rows in report.result.groups.items():
        red, black = report.lists(rows)
        prefix = _group_prefix(report, group)
        text = (
            f"{prefix}列入红榜的是{_names(red, with_scores=True)}"
            if red
            else f"{prefix}本月无地区列入红榜"
        )
        if black:
            text += f";列入黑榜的是{_names(black, with_scores=True)}"
        text += "。"
        if report.has_previous:
            up = [r for r in rows if r.change.startswith("↑")]
            down = [r for r in rows if r.change.startswith("↓")]
            if up:
                text += "与上月相比,名次上升的有" + "、".join(
                    f"{r.region}({r.change})" for r in up
                )
                text += ";" if down else "。"
            if down:
                text += ("" if up else "与上月相比,") + "名次下降的有"
                text += "、".join(f"{r.region}({r.change})" for r in down) + "。"
            if not up and not down:
                text += "各地名次与上月相同。"
        paragraphs.append(text)
    paragraphs.append("二、分项指标")
    for ri in report.indicators:
        paragraphs.append(_indicator_paragraph(report, ri))
    paragraphs.append("三、各地情况")
    for number, (group, rows) in enumerate(report.result.groups.items()):
        if report.grouped:
            paragraphs.append(f"({_CHINESE_NUMBERS[number]}){group}组")
        for row in rows:
            paragraphs.append(_region_paragraph(report, row))
    missing = [row for row in report.result.rows if row.missing]
    paragraphs.append("四、数据报送")
    if missing:
        paragraphs.append(
            "以下地区未按要求报送全部数据,未报送指标按0分计:"
            + ";".join(
                row.region
                + "("
                + "、".join(
                    ri.display_name for ri in report.indicators if ri.key in row.missing
                )
                + ")"
                for row in missing
            )
            + "。"
        )
    else:
        paragraphs.append("各地均已按要求报送全部数据。")
    return paragraphs


def _months_text(months: list[dt.date]) -> str:
    """4月至6月 for a run of three or more months, else 5月、6月."""
    numbers = [m.month for m in months]
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}月至{numbers[-1]}月"
    return "、".join(f"{n}月" for n in numbers)


def rollup_paragraphs(report: RollupReport) -> list[str]:
    """The 季调度 / 年评价 bulletin as paragraphs (the title is
    ``report.bulletin_title``), worded like the month's: 红黑榜 per group, each
    region's average and monthly scores, the regions that left figures out."""
    paragraphs: list[str] = []
    if report.race.is_sample:
        paragraphs.append(SAMPLE_NOTE)
    if not report.months:
        paragraphs.append(
            f"{report.label}{report.race.name}没有任何月度数据,不作排名。"
        )
        return paragraphs
    members = sum(len(rows) for rows in report.rows.values())
    paragraphs.append(
        f"现将{report.label}{report.race.name}情况通报如下"
        f"(共{members}个地区参赛,{report.indicators}项指标,"
        f"计{_months_text(report.months)}共{len(report.months)}个月)。"
        "各地得分为各月综合得分的算术平均,某月未报送任何数据计0分。"
    )
    paragraphs.append("一、综合排名")
    for group, rows in report.rows.items():
        red, black = report.lists(rows)
        prefix = _group_prefix(report, group)
        red_rows = [r for r in rows if r.region in red]
        black_rows = [r for r in rows if r.region in black]
        text = (
            f"{prefix}列入红榜的是{_rollup_names(red_rows)}"
            if red_rows
            else f"{prefix}本期无地区列入红榜"
        )
        if black_rows:
            text += f";列入黑榜的是{_rollup_names(black_rows)}"
        paragraphs.append(text + "。")
    paragraphs.append("二、各地得分")
    for number, (group, rows) in enumerate(report.rows.items()):
        if report.grouped:
            paragraphs.append(f"({_CHINESE_NUMBERS[number]}){group}组")
        for row in rows:
            monthly = "、".join(
                f"{m.month}月{row.monthly.get(f'{m:%Y-%m}', Decimal(0)):.2f}分"
                for m in report.months
            )
            paragraphs.append(
                f"{row.region}:平均得分{row.average:.2f}分,"
                f"居{_group_prefix(report, row.group)}第{row.rank}位({monthly})。"
            )
    paragraphs.append("三、数据报送")
    missing = [
        f"{row.region}({_months_text(report.missing[row.region])})"
        for rows in report.rows.values()
        for row in rows
        if row.region in report.missing
    ]
    if missing:
        paragraphs.append(
            "以下地区有月份未按要求报送全部数据,未报送指标按0分计:"
            + ";".join(missing)
            + "。"
        )
    else:
        paragraphs.append("各月各地均已按要求报送全部数据。")
    return paragraphs


def _rollup_names(rows: list[engine.RollupRow]) -> str:
    return "、".join(f"{r.region}({r.average:.2f}分)" for r in rows)


def _average_label(report: MonthReport, ri: RaceIndicator) -> str:
    return "全市" if report.city_reported.get(ri.key) else "全市平均"


def _indicator_paragraph(report: MonthReport, ri: RaceIndicator) -> str:
    average = report.averages.get(ri.key)
    text = f"{ri.display_name}:"
    if average is not None and ri.method == engine.COMPLETION:
        text += f"平均完成目标的{display.format_number(average, places=1)}%。"
    elif average is not None:
        text += f"{_average_label(report, ri)}为{_value_text(ri, average)}。"
    parts = []
    for group, rows in report.result.groups.items():
        ranked = sorted(
            (r for r in rows if r.indicators[ri.key].rank is not None),
            key=lambda r: r.indicators[ri.key].rank,
        )
        top = [r for r in ranked if r.indicators[ri.key].rank <= 3]
        if top:
            listed = "、".join(f"{r.region}({_shown(report, ri, r)})" for r in top)
            parts.append(f"{_group_prefix(report, group)}居前{len(top)}位的是{listed}")
    text += ";".join(parts) + ("。" if parts else "各地均未报送。")
    unreported = [r.region for r in report.result.rows if ri.key in r.missing]
    if unreported and len(unreported) < len(report.result.rows):
        text += "、".join(unreported) + "未报送。"
    return text


def _shown(report: MonthReport, ri: RaceIndicator, row: engine.RegionResult) -> str:
    """The figure as the bulletin shows it; completion indicators show the rate."""
    value = row.indicators[ri.key].value
    if ri.method != engine.COMPLETION:
        return _value_text(ri, value)
    if ri.measure == FigureMeasure.COMPLETION:
        return f"完成目标的{display.format_number(value, places=1)}%"
    rate = report.completion(row.region, ri)
    amount = f"{display.format_number(value)}{ri.indicator.unit}"
    if rate is None:
        return f"{amount},无目标值"
    return f"{amount},完成目标的{display.format_number(rate, places=1)}%"


def _region_paragraph(report: MonthReport, row: engine.RegionResult) -> str:
    place = f"居{_group_prefix(report, row.group)}第{row.rank}位"
    text = f"{row.region}:综合得分{row.composite:.2f}分,{place}"
    if report.has_previous and row.previous_rank is not None:
        text += f"(上月第{row.previous_rank}位,{_change_words(row.change)})"
    text += "。"
    parts = []
    for ri in report.indicators:
        res = row.indicators[ri.key]
        if res.value is None:
            parts.append(f"{ri.display_name}未报送")
            continue
        if ri.method == engine.COMPLETION:
            part = f"{ri.display_name}:{_shown(report, ri, row)}"
        else:
            part = f"{ri.display_name}{_value_text(ri, res.value)}"
        average = report.averages.get(ri.key)
        if (
            ri.measure in PERCENT_MEASURES
            and ri.method != engine.COMPLETION
            and average is not None
        ):
            gap = (res.value - average).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            label = _average_label(report, ri)
            if gap > 0:
                part += f",高于{label}{display.format_number(gap, places=1)}个百分点"
            elif gap < 0:
                part += f",低于{label}{display.format_number(-gap, places=1)}个百分点"
            else:
                part += f",与{label}持平"
        part += f",居第{res.rank}位"
        parts.append(part)
    return text + ";".join(parts) + "。"


def _change_words(change: str) -> str:
    if change.startswith("↑"):
        return f"上升{change[1:]}位"
    if change.startswith("↓"):
        return f"下降{change[1:]}位"
    return "持平"


# --- 公文 form (GB/T 9704-2012) -----------------------------------------------------

# Fonts named as offices have them, each with installed fallbacks written into the
# document's font table (w:altName) so a machine without the 方正/GB2312 fonts still
# renders a Song/Fang/Kai/Hei face rather than a Latin default.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
NUMBER_FONT = "宋体"
FONT_FALLBACKS = {
    TITLE_FONT: "方正小标宋_GBK,华文中宋,宋体,Noto Serif CJK SC",
    BODY_FONT: "仿宋,FangSong,STFangsong,Noto Serif CJK SC",
    HEADING_FONT: "SimHei,STHeiti,Noto Sans CJK SC",
    SUBHEADING_FONT: "楷体,KaiTi,STKaiti,Noto Serif CJK SC",
    NUMBER_FONT: "SimSun,Noto Serif CJK SC",
}
SIZE_ERHAO = 22  # 二号, points
SIZE_SANHAO = 16  # 三号
SIZE_SIHAO = 14  # 四号
# 版心 156 mm × 225 mm: 22 lines of 28 characters.
LINE_PITCH_PT = 28.95
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
RED = "FF0000"
# 三号 characters are 16 pt; 28 of them fit the 156 mm line when each gives up
# 0.2 pt (w:spacing is in twentieths of a point).
CHAR_SPACING = round(((210 - 28 - 26) / 25.4 * 72 / 28 - SIZE_SANHAO) * 20)
HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）")

_DIGIT_SEPARATED = re.compile(r"(?<=\d)([,:])(?=\d)")
_HALF_TO_FULL = str.maketrans(
    {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
)


def fullwidth(text: str) -> str:
    """Chinese prose punctuation: ASCII , ; : ( ) ? ! become full-width, except a
    comma or colon between two digits (1,234 and 8:30 stay as they are)."""
    kept = _DIGIT_SEPARATED.sub(lambda m: "\0" if m[1] == "," else "\1", text)
    return kept.translate(_HALF_TO_FULL).replace("\0", ",").replace("\1", ":")


def _fonts(run: Any, name: str, size: float, *, bold: bool = False) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)
    if size == SIZE_SANHAO:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CHAR_SPACING))
        rpr.append(spacing)


def _font_table(document: Any) -> None:
    """Declare each font with its fallbacks (altName) and the GB2312 charset."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    part = document.part.part_related_by(RT.FONT_TABLE)
    table = parse_xml(part.blob)
    for name, alternatives in FONT_FALLBACKS.items():
        table.append(
            parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}">'
                f'<w:altName w:val="{alternatives}"/><w:charset w:val="86"/>'
                f'<w:family w:val="{"swiss" if name == HEADING_FONT else "roman"}"/>'
                '<w:pitch w:val="variable"/></w:font>'
            )
        )
    from lxml import etree

    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8")


def _paragraph(
    document: Any,
    text: str,
    *,
    font: str = BODY_FONT,
    size: float = SIZE_SANHAO,
    align: str = "justify",
    indent: bool = True,
    color: str | None = None,
    bold: bool = False,
) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    paragraph = document.add_paragraph()
    paragraph.alignment = {
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH_PT if size <= SIZE_SANHAO else size * 1.5)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(2 * SIZE_SANHAO)
    if text:
        run = paragraph.add_run(text)
        _fonts(run, font, size, bold=bold)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    return paragraph


def _red_rule(paragraph: Any) -> None:
    """The red separator line under the 版头 (a bottom border of the paragraph)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="12" '
            f'w:space="6" w:color="{RED}"/></w:pBdr>'
        )
    )


def _page_number(footer: Any, align: str) -> None:
    """`— 1 —` in 四号 宋体: right on odd pages, left on even ones, one space in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt

    paragraph = footer.paragraphs[0]
    paragraph.alignment = (
        WD_ALIGN_PARAGRAPH.RIGHT if align == "right" else WD_ALIGN_PARAGRAPH.LEFT
    )
    if align == "right":
        paragraph.paragraph_format.right_indent = Pt(SIZE_SIHAO)
    else:
        paragraph.paragraph_format.left_indent = Pt(SIZE_SIHAO)
    run = paragraph.add_run("— ")
    _fonts(run, NUMBER_FONT, SIZE_SIHAO)
    field = paragraph.add_run()
    _fonts(field, NUMBER_FONT, SIZE_SIHAO)
    for xml in (
        '<w:fldChar {} w:fldCharType="begin"/>',
        '<w:instrText {} xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar {} w:fldCharType="separate"/>',
        "<w:t {}>1</w:t>",
        '<w:fldChar {} w:fldCharType="end"/>',
    ):
        field._r.append(parse_xml(xml.format(nsdecls("w"))))
    run = paragraph.add_run(" —")
    _fonts(run, NUMBER_FONT, SIZE_SIHAO)


def _setup_page(document: Any) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Mm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(15)
    section.footer_distance = Mm(28) - Mm(7)  # number 7 mm below the text block
    # Line grid of 22 lines; 28 characters of 三号 a line come from the character
    # spacing of the body runs (CHAR_SPACING).
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    sect.append(
        parse_xml(
            f'<w:docGrid {nsdecls("w")} w:type="lines" '
            f'w:linePitch="{round(LINE_PITCH_PT * 20)}"/>'
        )
    )
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, "right")
    _page_number(section.even_page_footer, "left")
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(SIZE_SANHAO)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), BODY_FONT)
    _font_table(document)


def bulletin_document(
    paragraphs: list[str],
    *,
    title: str,
    header: str = "",
    number: str = "",
    issuer: str = "",
    date: dt.date | None = None,
) -> Any:
    """The bulletin as a python-docx Document in 公文 form (GB/T 9704-2012)."""
    from docx import Document

    document = Document()
    document._body.clear_content()
    _setup_page(document)
    if header:
        _paragraph(
            document,
            fullwidth(header),
            font=TITLE_FONT,
            size=36,
            align="center",
            indent=False,
            color=RED,
        )
        _paragraph(document, "", indent=False)
        line = _paragraph(document, fullwidth(number), align="center", indent=False)
        _red_rule(line)
        _paragraph(document, "", indent=False)
    _paragraph(
        document,
        fullwidth(title),
        font=TITLE_FONT,
        size=SIZE_ERHAO,
        align="center",
        indent=False,
    )
    _paragraph(document, "", indent=False)
    for text in paragraphs:
        text = fullwidth(text)
        if HEADING.match(text):
            _paragraph(document, text, font=HEADING_FONT)
        elif SUBHEADING.match(text):
            _paragraph(document, text, font=SUBHEADING_FONT)
        else:
            _paragraph(document, text)
    if issuer:
        when = date or timezone.localdate()
        _paragraph(document, "", indent=False)
        for line in (fullwidth(issuer), f"{when.year}年{when.month}月{when.day}日"):
            block = _paragraph(document, line, align="right", indent=False)
            block.paragraph_format.right_indent = _pt(4 * SIZE_SANHAO)
    return document


def _pt(points: float) -> Any:
    from docx.shared import Pt

    return Pt(points)


def bulletin_write(
    paragraphs: list[str],
    path: Path,
    *,
    title: str,
    header: str = "",
    number: str = "",
    issuer: str = "",
    date: dt.date | None = None,
) -> Path:
    """Write the bulletin as .docx in 公文 form (by suffix) or UTF-8 plain text."""
    if path.suffix.lower() == ".docx":
        bulletin_document(
            paragraphs,
            title=title,
            header=header,
            number=number,
            issuer=issuer,
            date=date,
        ).save(str(path))
    else:
        lines = [fullwidth(title), "", *(fullwidth(p) for p in paragraphs)]
        if issuer:
            when = date or timezone.localdate()
            lines += ["", fullwidth(issuer), f"{when.year}年{when.month}月{when.day}日"]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class PdfUnavailable(RuntimeError):
    """LibreOffice (soffice) is not installed; the message is for the user."""


PDF_MISSING = (
    "未安装 LibreOffice,无法生成 PDF。请安装 libreoffice-writer-nogui(及中文字体 "
    "fonts-noto-cjk)后重试,或直接打印 .docx 文件。"
)


def pdf_convert(path: Path, *, timeout: int = 180) -> Path:
    """Convert ``path`` (.docx or .xlsx) to PDF beside it with LibreOffice; raises
    PdfUnavailable with a Chinese message when soffice is missing or fails."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise PdfUnavailable(PDF_MISSING)
    with tempfile.TemporaryDirectory(prefix="dabiao-lo-") as profile:
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(path.parent),
                    str(path),
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise PdfUnavailable(f"LibreOffice 转换 PDF 失败:{exc}") from exc
    out = path.with_suffix(".pdf")
    if not out.exists():
        raise PdfUnavailable(f"LibreOffice 未生成 PDF:{path.name}")
    return out
