"""Positions in one document: breaks, sentences, quantities, aliases, periods, cues.

Everything is found once and looked up by bisection later, so the walk stays
linear in the text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from .catalog import (
    AliasHit,
    Catalog,
    find_aliases,
    finditer_from,
)
from .lexicon import (
    _ESTIMATE_OR_MODAL_RE,
    _ITEM_REACH,
    _MODAL_RE,
    _MODAL_WORD_RE,
    _RESTART_RE,
    _SELF_REGION_RE,
    _STRETCH_RE,
    _TARGET_IN_REPORT_RE,
    _WILL_RE,
    NEXT_ITEM_AMOUNT,
)
from .numbers import (
    CN_NUMERAL_CHARS,
    QUANTITY_RE,
)
from .periods import (
    _BASE_AFTER_RE,
    _PERIOD_INDEX_FIRST_RE,
    _PERIOD_RE,
    _Period,
    _period_of,
)
from .simplify import gloss_runs, text_span

# Every branch starts with a literal so the regex engine can skip ahead quickly.
_BREAK_RE = re.compile(
    r"[;:。!?\n\t|]| {2,}|,(?:(?<!\d,)|(?!\d{3}(?!\d)))"
    r"|、(?:(?=\d)|(?<=[\d%]、)|(?<=[\d余多][家个项人名件场次户元亿点]、)"
    r"|(?<=以上、|左右、|以下、|以内、|上下、|场次、|亿元、|万元、)|(?<=百分点、))"
    # 增长12%一般公共预算收入增长5%: a run-together list of rates, the next
    # item's name glued to the figure before it (the % itself is the break).
    r"|%(?=(?!以上|左右|以下|以内|上下|高于|低于|快于|慢于|同比|比上年|较上年"
    # 由-9.8%转为增长2.4%: a turn of the same rate, no name of its own.
    r"|转|变|回|再|又|继续|后|到|至|的|提高|增长|下降|增速)"
    r"[\u4e00-\u9fff]{2,20}?(?:增长|下降|增速|提高)[-负]?\d)"
    # 增长6%一般公共预算收入56亿元: the next item's name, then its amount.
    r"|%(?=" + NEXT_ITEM_AMOUNT + ")"
    # 分别增长4%6.2%: two growth rates with nothing between them (not 分别占全省
    # 49.5%25.8%, two shares the 占 of the item excludes together).
    r"|%(?=\d)(?:(?<=长\d%)|(?<=长\d\d%)|(?<=长\d\.\d%)|(?<=长\d\.\d\d%)|(?<=长\d\d\.\d%))"
    # 拉动经济增长2.1个百分点二产完成增加值4.95亿元: the same after a point.
    r"|点(?<=个百分点)(?=[\u4e00-\u9fff]{1,8}?(?:增长|下降|完成|实现)[\u4e00-\u9fff]{0,8}?[-负]?\d)"
    # 企业入库520有效期内高新技术企业突破300: a bare count glued to the next
    # item's name, which runs on to a figure verb and its figure (a page that
    # lost its separators): the break is before the name.
    r"|(?:(?<=[库达破过为到]\d\d)|(?<=[库达破过为到]\d\d\d)|(?<=[库达破过为到]\d{4}))"
    r"(?=[\u4e00-\u9fff]{4,20}?"
    r"(?:突破|达到|超过|入库|增长|提高)\d)(?![家个项人名件场次户元亿万千百多余以左上下年月日倍近约条台套座所例批吨度份只辆期届号线级])"
)
_GROUP_RE = re.compile(r"[。!?\n;]")
# Short quoted strings are names and slogans (“千家企业大走访”); long ones are speech.
_QUOTED_RE = re.compile(
    r"“[^”\n]{0,15}”|《[^》\n]{0,80}》|\"[^\"\n]{0,15}\"|「[^」\n]{0,15}」"
)
# A figure in quotes right after 目标/任务/指标 is the target quoted back.
_QUOTED_TARGET_FIGURE_RE = re.compile(
    r"(?:目标|任务|指标)[“\"「](?:增长|增速|达到|达|突破|超过)?[\d]"
)
# Every character a QUANTITY_RE match can start with.
_QUANTITY_FIRST_RE = re.compile(r"[\d" + CN_NUMERAL_CHARS + "]")


class _Doc:
    """Precomputed positions for one document."""

    def text_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the text that the view's [start, end) reads (the same
        but inside a run of glossed characters: 規上工業(yè)增加值突破千億元)."""
        return text_span(self.gloss_runs, self.text, start, end)

    def __init__(
        self,
        text: str,
        scan: str,
        catalog: Catalog,
        wraps: list[tuple[int, int, list[int]]],
    ) -> None:
        self.text = text
        self.scan = scan
        # Runs whose inline pinyin glosses, or whose hard wrap, the view moved
        # behind them.
        # `wraps`: simplify.wrap_runs(text), found once by the caller.
        self.gloss_runs = sorted(gloss_runs(text) + wraps)
        n = len(scan)
        # One scan for the three kinds of boundary: ; ends a clause group,
        # 。!? a sentence too, and a line break a paragraph too.
        self.groups = [m.start() for m in _GROUP_RE.finditer(scan)]
        self.sentences = [p for p in self.groups if scan[p] != ";"]
        self.newlines = [p for p in self.sentences if scan[p] == "\n"]
        (
            self.quantities,
            self.quantity_starts,
            self.quantity_ends,
            self.unit_starts,
        ) = _quantities(scan)
        # Everything else is only needed in sentences that hold a quantity (and at
        # the start of their paragraphs): prose is skipped, nothing is quadratic.
        raw: list[tuple[int, int]] = []
        # Figures in a sentence already covered add nothing: the next figure
        # read is the first at or after the sentence's end (by bisection, so a
        # record-dense sentence is not walked figure by figure).
        starts = self.quantity_starts
        i = 0
        while i < len(starts):
            pos = starts[i]
            s0, s1 = self._bounds(self.sentences, pos, n)
            line = self.line_start(pos)
            raw.append((max(0, line - 1), min(n, line + 40)))
            raw.append((max(0, s0 - 1), min(n, s1 + 1)))
            i = bisect_left(starts, s1, i + 1)
        # Close neighbours are merged: fewer, longer scans are cheaper.
        spans = _merge(raw, gap=120)
        self.breaks = [
            m.start() for a, b in spans for m in _BREAK_RE.finditer(scan, a, b)
        ]
        quoted = [
            (m.start(), m.end())
            for a, b in _merge([(max(0, a - 80), b) for a, b in spans])
            for m in _QUOTED_RE.finditer(scan, a, b)
            # 完成年度目标任务“增长6.5%”: a target quoted back, not a name.
            if not _QUOTED_TARGET_FIGURE_RE.match(scan, max(0, m.start() - 2))
        ]
        self.quote_starts = [s for s, _ in quoted]
        self.quote_ends = [e for _, e in quoted]
        self.aliases: list[AliasHit] = []
        for a, b in spans:
            self.aliases.extend(find_aliases(catalog, scan, a, b))
        self.alias_starts = [h.start for h in self.aliases]
        self.alias_ends = [h.end for h in self.aliases]
        self.periods: list[_Period] = []
        for a, b in spans:
            for m in finditer_from(_PERIOD_RE, _PERIOD_INDEX_FIRST_RE, scan, a, b):
                if m.start() and m.group("y") and scan[m.start() - 1] in "0123456789":
                    continue
                if self.in_quote(m.start(), book_only=True):
                    continue
                # 比2020年增长, 在2022年基础上: a base of comparison, not the period.
                if m.group("y") and (
                    scan[m.start() - 1 : m.start()] in ("比", "较", "与", "同")
                    or _BASE_AFTER_RE.match(scan, m.end())
                ):
                    continue
                self.periods.append(_period_of(m))
        self.period_starts = [p.start for p in self.periods]
        # Cue words found once, looked up by position later, so long sentences do
        # not make the walk quadratic.
        # The modal words share one scan; each kind of mark then checks its hit.
        modal_hits = [
            m.start() for a, b in spans for m in _MODAL_WORD_RE.finditer(scan, a, b)
        ]
        self.stretch = _Marks.at(
            _STRETCH_RE, scan, modal_hits, lambda m: bool(m.group(1))
        )
        self.estimate = _Marks.at(
            _ESTIMATE_OR_MODAL_RE, scan, modal_hits, lambda m: bool(m.group(1))
        )
        self.report_target = _Marks.at(
            _TARGET_IN_REPORT_RE, scan, modal_hits, lambda m: True
        )
        self.modal = _Marks.at(_MODAL_RE, scan, modal_hits, lambda m: True)
        self.will = _Marks.at(_WILL_RE, scan, modal_hits, lambda m: True)
        self.self_region = _Marks(_SELF_REGION_RE, scan, spans, lambda m: True)
        self.restart = _Marks(_RESTART_RE, scan, spans, lambda m: True)

    # positions --------------------------------------------------------
    def in_quote(self, pos: int, *, book_only: bool = False) -> bool:
        k = bisect_right(self.quote_starts, pos) - 1
        if k < 0 or pos >= self.quote_ends[k] or pos == self.quote_starts[k]:
            return False
        return not book_only or self.scan[self.quote_starts[k]] == "《"

    def item_bounds(self, start: int, end: int) -> tuple[int, int]:
        k = bisect_left(self.breaks, start)
        item_start = self.breaks[k - 1] + 1 if k > 0 else 0
        # A run of spaces is one break; skip past it.
        while item_start < len(self.scan) and self.scan[item_start] == " ":
            item_start += 1
        j = bisect_left(self.breaks, end)
        item_end = self.breaks[j] if j < len(self.breaks) else len(self.scan)
        # Text without punctuation (a scraped table, a run-on line) must not make
        # items, and so the work per figure, grow with the document.
        return max(item_start, start - _ITEM_REACH), min(item_end, end + _ITEM_REACH)

    @staticmethod
    def _bounds(marks: list[int], pos: int, limit: int) -> tuple[int, int]:
        k = bisect_right(marks, pos - 1)
        start = marks[k - 1] + 1 if k > 0 else 0
        end = marks[k] if k < len(marks) else limit
        return start, end

    def line_start(self, pos: int) -> int:
        """Where the line (the paragraph) holding `pos` starts."""
        k = bisect_left(self.newlines, pos)
        return self.newlines[k - 1] + 1 if k > 0 else 0

    def line_end(self, pos: int) -> int:
        """Where the line (the paragraph) holding `pos` ends (its newline)."""
        k = bisect_left(self.newlines, pos)
        return self.newlines[k] if k < len(self.newlines) else len(self.scan)

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        return self._bounds(self.sentences, pos, len(self.scan))

    def group_bounds(self, pos: int) -> tuple[int, int]:
        return self._bounds(self.groups, pos, len(self.scan))

    def aliases_between(self, start: int, end: int) -> list[AliasHit]:
        i = bisect_left(self.alias_starts, start)
        out = []
        while i < len(self.aliases) and self.aliases[i].start < end:
            if self.aliases[i].end <= end:
                out.append(self.aliases[i])
            i += 1
        return out

    def periods_between(self, start: int, end: int) -> list[_Period]:
        i = bisect_left(self.period_starts, start)
        j = bisect_left(self.period_starts, end)
        return [p for p in self.periods[i:j] if p.end <= end]


class _Marks:
    """Positions of a cue regex in the text, with a flag per hit."""

    __slots__ = ("flags", "starts")

    def __init__(
        self,
        pattern: re.Pattern[str],
        text: str,
        spans: list[tuple[int, int]],
        flag: Any,
    ) -> None:
        self.starts: list[int] = []
        self.flags: list[bool] = []
        for a, b in spans:
            for m in pattern.finditer(text, a, b):
                self.starts.append(m.start())
                self.flags.append(flag(m))

    @classmethod
    def at(
        cls, pattern: re.Pattern[str], text: str, positions: list[int], flag: Any
    ) -> _Marks:
        """Marks where `pattern` matches at one of the candidate positions."""
        marks = cls(pattern, text, [], flag)
        for pos in positions:
            m = pattern.match(text, pos)
            if m:
                marks.starts.append(pos)
                marks.flags.append(flag(m))
        return marks

    def last(self, start: int, end: int) -> bool | None:
        """The flag of the last hit starting in [start, end), None if there is none."""
        k = bisect_left(self.starts, end) - 1
        if k >= 0 and self.starts[k] >= start:
            return self.flags[k]
        return None

    def any(self, start: int, end: int) -> bool:
        return self.last(start, end) is not None

    def between(self, start: int, end: int) -> list[int]:
        """Where the hits starting in [start, end) start."""
        return self.starts[
            bisect_left(self.starts, start) : bisect_left(self.starts, end)
        ]


def _merge(spans: list[tuple[int, int]], gap: int = 0) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of (start, end) spans (bridging small gaps)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + gap:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _quantities(
    scan: str,
) -> tuple[list[re.Match[str]], list[int], list[int], list[int]]:
    """The QUANTITY_RE matches worth reading, their starts, their ends and the
    starts of those with a unit, in one pass (finditer_from's loop, written out: in a
    record-dense text every figure is a candidate)."""
    search = _QUANTITY_FIRST_RE.search
    match = QUANTITY_RE.match
    unit_group = QUANTITY_RE.groupindex["unit"]
    found: list[re.Match[str]] = []
    starts: list[int] = []
    ends: list[int] = []
    unit_starts: list[int] = []
    pos = 0
    while (c := search(scan, pos)) is not None:
        p = c.start()
        m = match(scan, p)
        if m is None:
            pos = p + 1
            continue
        e = pos = m.end()
        if m.group(unit_group):
            # _worth_reading's first test; a unit is worth reading.
            if p and scan[p - 1] in "0123456789.":
                continue
            unit_starts.append(p)
        elif not _worth_reading(m, scan):
            continue
        found.append(m)
        starts.append(p)
        ends.append(e)
    return found, starts, ends, unit_starts


def _worth_reading(m: re.Match[str], scan: str) -> bool:
    """A cheap first filter: most regex hits are 一是, 进一步 or bare digits."""
    start = m.start()
    if start and scan[start - 1] in "0123456789.":
        return False
    if m.group("unit") or m.group("mag"):
        return True
    if m.group("cn") is not None:
        return bool(m.group("ap1") or m.group("ap2"))
    # A bare number counts only right after a Chinese noun (…企业20,); dates,
    # times and lists of digits are dropped here, before any real work.
    if not start or not ("\u4e00" <= scan[start - 1] <= "\u9fff"):
        return False
    end = m.end()
    return end == len(scan) or scan[end] in ",;:。!?、\n\t "
