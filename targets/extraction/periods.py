"""Period expressions: years, month spans, 上半年, 今年/去年/明年, 十四五末.

A figure takes the last period written before it in its sentence, else one
that opens its paragraph, else the section year, else the document year;
relative words are read against the document year."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import (
    _NUMBERING_RE,
    _SENTENCE_REACH,
)

if TYPE_CHECKING:
    from .sections import _Ctx

# Every branch starts with a literal (fast scanning); a year glued to a digit
# before it (…100%2020年 is fine, 12020年 is not) is filtered when indexing.
_SPAN = (
    r"(?:1|一)(?:月份?)?\s*[-~至到]\s*(?:1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])月(?:份|末|底)?"
    r"|[上下]半年|前三季度|(?:第一|一)季度"
)
_PERIOD_RE = re.compile(
    r"(?P<y>(?:19|20)\d{2})年度?(?P<span1>" + _SPAN + r")?"
    r"|(?P<span2>" + _SPAN + r")"
    r"|(?P<now>今年以来|今年|截至目前|截止目前|截至今年|目前|全年|本年度|本年)"
    # 去年 as a time phrase, not a comparison base (比去年增长).
    r"|(?P<last>去年|上年)(?<![比较同与于]..)(?=[,:]|全市|我市|全县|以来|全年|底|末)"
    r"|(?P<next>明年|下一年)(?<![比较同与于]..)"
    r"|(?P<fyp>“十四五”|十四五|“十五五”|十五五)(?:期末|末)"
)
# Every character a _PERIOD_RE match can start with (see finditer_from).
_PERIOD_FIRST_RE = re.compile("[12一上下前第今截目全本去明“十]")
_SPAN_MONTH_RE = re.compile(r"[-~至到]\s*(1[0-2]|[2-9]|十[一二]?|[二三四五六七八九])月")
_CN_MONTH = {
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}
_BASE_AFTER_RE = re.compile(r"(?:底|末)?(?:的)?基础上|(?:底|末)?(?:的)?水平上")


@dataclass(frozen=True, slots=True)
class _Period:
    start: int
    end: int
    year: int | None  # explicit year, None for 今年-like words
    months: tuple[int, int] | None  # (first, last) month of a span
    offset: int = 0  # -1 for 去年, +1 for 明年: relative to the document's year


def _period_of(m: re.Match[str]) -> _Period:
    if m.group("now"):
        return _Period(m.start(), m.end(), None, None)
    if m.group("last"):
        return _Period(m.start(), m.end(), None, None, offset=-1)
    if m.group("next"):
        return _Period(m.start(), m.end(), None, None, offset=1)
    if m.group("fyp"):
        return _Period(
            m.start(), m.end(), 2025 if "四" in m.group("fyp") else 2030, None
        )
    year = int(m.group("y")) if m.group("y") else None
    span = m.group("span1") or m.group("span2")
    if not span:
        return _Period(m.start(), m.end(), year, None)
    if span.endswith("半年"):
        months = (1, 6) if span[0] == "上" else (7, 12)
    elif span == "前三季度":
        months = (1, 9)
    elif span.endswith("季度"):
        months = (1, 3)
    else:
        last = _SPAN_MONTH_RE.search(span)
        m2 = last.group(1) if last else "12"
        months = (1, int(m2) if m2.isdigit() else _CN_MONTH[m2])
    return _Period(m.start(), m.end(), year, months)


def _strip_periods(s: str) -> str:
    if not _PERIOD_FIRST_RE.search(s):
        return s  # no period can start anywhere: skip the slow scan
    return _PERIOD_RE.sub("", s)


class PeriodReader:
    """The period of a figure (mixed into the walker)."""

    # period ----------------------------------------------------------------
    def _period(
        self, pos: int, s_start: int, kind: str, ctx: _Ctx, recurring: bool
    ) -> tuple[str | None, int | None]:
        default = ctx.section_year or (
            self.info.plan_year if kind == "target" else self.info.report_year
        )
        if recurring:
            return (str(default) if default else None), None
        periods = self.d.periods_between(max(s_start, pos - _SENTENCE_REACH), pos)
        if not periods:
            # A figure takes the period that opens its paragraph (前三季度，…。…).
            k = bisect_left(self.d.newlines, pos)
            line_start = self.d.newlines[k - 1] + 1 if k > 0 else 0
            num = _NUMBERING_RE.match(self.d.scan, line_start)
            base = num.end() if num else line_start
            periods = [p for p in self.d.periods_between(base, pos) if p.start == base]
        if not periods:
            return (str(default) if default else None), None
        p = periods[-1]
        if p.months is not None:
            year = p.year
            if year is None:
                for e in reversed(periods[:-1]):
                    if e.year is not None:
                        year = e.year
                        break
            year = year or default
            if year is None:
                return None, None
            a, b = p.months
            return f"{year}-{a:02d}/{year}-{b:02d}", p.year
        if p.year is not None:
            return str(p.year), p.year
        if p.offset and default:
            return str(default + p.offset), default + p.offset
        return (str(default) if default else None), None
