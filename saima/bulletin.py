"""The generated bulletin text (通报文字) in the form offices write it, saved as .docx
(python-docx) or plain .txt beside the workbook."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from saima import engine
from saima.models import FigureMeasure
from targets import display
from targets.periods import Period

if TYPE_CHECKING:
    from saima.models import RaceIndicator
    from saima.selectors import MonthReport

SAMPLE_NOTE = "【示例数据】本通报所用数据为演示用示例数据,非真实统计数据。"
PERCENT_MEASURES = (FigureMeasure.GROWTH, FigureMeasure.COMPLETION)


def _fmt(value: Decimal, places: str = "0.01") -> str:
    return display.format_number(value, places=-Decimal(places).as_tuple().exponent)


def _value_text(ri: RaceIndicator, value: Decimal, unit: str = "") -> str:
    if ri.measure in PERCENT_MEASURES:
        return f"{_fmt(value, '0.1')}%"
    return f"{_fmt(value)}{unit or ri.indicator.unit}"


def _names(rows: list[engine.RegionResult], with_scores: bool = False) -> str:
    if with_scores:
        return "、".join(f"{r.region}({r.composite:.2f}分)" for r in rows)
    return "、".join(r.region for r in rows)


def _group_prefix(report: MonthReport, group: str) -> str:
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
        red, black = engine.red_black(rows)
        prefix = _group_prefix(report, group)
        text = f"{prefix}综合得分居前{len(red)}位的是{_names(red, with_scores=True)}"
        if black:
            text += f";居后{len(black)}位的是{_names(black, with_scores=True)}"
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
    for rows in report.result.groups.values():
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


def _average_label(report: MonthReport, ri: RaceIndicator) -> str:
    return "全市" if report.city_reported.get(ri.key) else "全市平均"


def _indicator_paragraph(report: MonthReport, ri: RaceIndicator) -> str:
    average = report.averages.get(ri.key)
    text = f"{ri.display_name}:"
    if average is not None and ri.method == engine.COMPLETION:
        text += f"平均完成目标的{_fmt(average, '0.1')}%。"
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
        return f"完成目标的{_fmt(value, '0.1')}%"
    rate = report.completion(row.region, ri)
    amount = f"{_fmt(value)}{ri.indicator.unit}"
    if rate is None:
        return f"{amount},无目标值"
    return f"{amount},完成目标的{_fmt(rate, '0.1')}%"


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
                part += f",高于{label}{_fmt(gap, '0.1')}个百分点"
            elif gap < 0:
                part += f",低于{label}{_fmt(-gap, '0.1')}个百分点"
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


def bulletin_write(paragraphs: list[str], path: Path, *, title: str) -> Path:
    """Write the bulletin as .docx (by suffix) or UTF-8 plain text."""
    if path.suffix.lower() == ".docx":
        from docx import Document  # imported here: only this path needs python-docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        document = Document()
        heading = document.add_heading(title, level=1)
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for paragraph in paragraphs:
            if paragraph[:2] in ("一、", "二、", "三、", "四、"):
                document.add_heading(paragraph, level=2)
            else:
                document.add_paragraph(paragraph)
        document.save(str(path))
    else:
        path.write_text("\n".join([title, "", *paragraphs]) + "\n", encoding="utf-8")
    return path
