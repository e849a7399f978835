"""The extraction engine: text in, target/actual mention records out.

One pass finds every quantity (numbers.QUANTITY_RE) and every catalog alias
(catalog.find_aliases); the text is cut into paragraphs (lines), sentences
(。!?), clause groups (also ;) and items (also , : 、-after-a-quantity). Each
quantity is then read in the light of its item: which indicator it counts
(indicators), whether it is a change or a level (measures), how it is
qualified (lexicon), whether it is excluded (exclusions), its period
(periods) and whether its section or clause states a goal or reports a
result (sections)."""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import repeat
from operator import attrgetter
from typing import Any

from .catalog import (
    Catalog,
    finditer_from,
    load_catalog,
)
from .document import (
    DocContext,
    document_context,
    now_year,
)
from .exclusions import (
    ExclusionRules,
    is_contribution,
    is_date_rank_or_number,
    is_part_of_total,
    states_no_figure,
)
from .indicators import (
    BARE_COPULAS,
    IndicatorResolver,
    _bare_amount_of,
    _clean_name,
    _names_nothing,
    _Resolved,
    _unit_fits,
    sector_part,
)
from .lexicon import (
    _CN_CLAUSE_END,
    _CN_CUE_BEFORE_RE,
    _DATE_AFTER,
    _ESTIMATE_BELOW_FIRST_RE,
    _ESTIMATE_BELOW_RE,
    _ESTIMATE_HEAD_FRAME_RE,
    _ESTIMATE_HEAD_NOTE_FIRST_RE,
    _ESTIMATE_HEAD_NOTE_RE,
    _ESTIMATE_NOTE_AFTER_RE,
    _FUND_RE,
    _HANZI_RE,
    _HEADLINE_FIGURE_RE,
    _NEXT_STEP_RE,
    _NUMBERING_FIRST,
    _NUMBERING_RE,
    _PAST_RE,
    _PLAN_CITED_RE,
    _PLAN_FRAME_RE,
    _PLANNED_LIST_HEAD_RE,
    _POST_QUAL_MAP,
    _POST_QUAL_RE,
    _PRE_QUAL_MAP,
    _PRE_QUAL_RE,
    _QUOTED_TARGET_RE,
    _RECURRING_RE,
    _SENTENCE_REACH,
    _SUBREGION_RE,
    _TARGET_IN_PARENS_RE,
    _TIER_RE,
    SO_FAR_CLAUSE_RE,
    last_of,
)
from .lists import (
    add_bare_range_lows,
    share_both_rates,
    split_shared_figures,
    spread_list_qualifiers,
)
from .loading import (
    MAX_TEXT_CHARS,
)
from .measures import (
    MeasureReader,
)
from .numbers import (
    QUANTITY_PARTS,
    Quantity,
    quantity_parts,
    read_quantity,
    to_halfwidth,
)
from .periods import (
    PeriodReader,
)
from .records import (
    DocumentInfo,
    Extraction,
    Record,
    new_record,
    run_template,
)
from .regions import (
    is_province_level,
    opening_subregion_at,
    parent_region_at,
    peer_region_at,
    subregion_at,
    zone_city,
    zone_subregion_at,
)
from .sections import (
    DONE_RE,
    SectionReader,
    _Ctx,
    closed_as_goal,
    deadline_year,
    decided_year,
    decisions,
    first_count,
    from_to_result,
    from_to_start,
    goal_labels,
    goal_year_cue,
    last_year_span,
    latest_year_named,
    latest_year_over,
    look_back_span,
    opening_year,
    opens_years_ahead,
    past_frame,
    task_ratio,
    term_over,
    year_end_deadline,
    years_up_to_now,
)
from .simplify import (
    _PINYIN_RE,
    TRAILING_GLOSSES_RE,
    close_year_gaps,
    join_figure_lines,
    join_wraps,
    mark_negative_growth,
    move_glosses,
    read_output_changes,
    read_slogan_rates,
    restore_paragraphs,
    to_simplified,
    unwrap_lines,
    wrap_breaks,
    wrap_runs,
)
from .tables import (
    TableReader,
    cell_kind,
)
from .textindex import (
    _BREAK_RE,
    _Doc,
)


def extract(
    text: str,
    doc: str,
    *,
    info_hint: dict[str, Any] | None = None,
    catalog: Catalog | None = None,
) -> Extraction:
    """Find every target and actual stated in `text`.

    `doc` is the name written into each record; `info_hint` may override the
    detected region, year and kind ({"region": "南昌市", "year": 2023}).
    Offsets in the records index `text` exactly.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text too long: {len(text)} characters > {MAX_TEXT_CHARS}")
    # Every record made lives to the end of the call, and the cyclic collector
    # walks them again at each collection while they pile up: in a record-dense
    # text (300,000 figures) that is a fifth of the time and frees nothing.
    # The collector is paused for the call (the engine makes no cycles to
    # free) and set going again as it was found.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _extract(text, doc, info_hint, catalog)
    finally:
        if paused:
            gc.enable()


def _extract(
    text: str, doc: str, info_hint: dict[str, Any] | None, catalog: Catalog | None
) -> Extraction:
    catalog = catalog or load_catalog()
    scan = to_simplified(to_halfwidth(text))
    breaks = wrap_breaks(text)
    wraps = wrap_runs(text, breaks)
    scan = join_wraps(move_glosses(scan), text, breaks, wraps)
    scan = restore_paragraphs(unwrap_lines(scan))
    scan = join_figure_lines(
        mark_negative_growth(
            read_slogan_rates(read_output_changes(close_year_gaps(scan)))
        )
    )
    ctx_doc = document_context(scan, {"name": doc, **(info_hint or {})})
    info = DocumentInfo(
        region=ctx_doc.region,
        year=ctx_doc.plan_year if ctx_doc.kind == "plan" else ctx_doc.report_year,
        title=ctx_doc.title,
        kind=ctx_doc.kind,
    )
    d = _Doc(text, scan, catalog, wraps)
    records = _Walker(d, ctx_doc, catalog, doc).run()
    return Extraction(info=info, records=records)


# A sentence opening on a rate (增速较上年…, 增幅…) names no figure of its own.
_RATE_LEAD_RE = re.compile(r"\s*(?:其)?(?:增速|增幅|涨幅|降幅)")
# What opens a list of items after a colon: 一是, 一、, (一), 1.
_LIST_OPENING_RE = re.compile(r"\s*(?:一是|一要|首先|[一1][、.]|[(]\s*[一1]\s*[)])")
_YEAR_OPENING_RE = re.compile(r"\s*(?:19|20)\d{2}\s*年")
_LEAD_REACH = 40  # a list's lead sentence (该县将重点抓好七个方面工作。)
_HAS_DIGIT_RE = re.compile(r"\d")
# 全年计划执行良好。, 重点抓好了五件事。: a lead on what was done.
_LEAD_DONE_RE = re.compile(r"了|执行|完成|情况|成效|取得")
_RUN_MIN = 2  # alike records in a row before a list takes the short path
_LIST_SEPARATORS = frozenset(",、")
_LIST_ENDS = frozenset(",、。;\n")
# 有望 (is expected to) about the whole of a year not yet over.
_LIKELY_RE = re.compile(r"有望|可望")
# What may stand between a figure and the 力争 of its second tier (11%、力争…).
_TIER_GAP_RE = re.compile(r"(?:左右|以上)?\s*[、,]?\s*(?:并|或|甚至)?")
# Words that set a result against a goal quoted after them (低于3.6%的…目标).
# Figures listed after one (9%和10%, 5%、6%及7%): they stand before a word
# they share.
_LISTED_FIGURES_RE = re.compile(
    r"(?:\s*[、和与及]\s*\d+(?:\.\d+)?\s*(?:%|个百分点|倍)?)*"
)
_RESULT_VS_GOAL = frozenset(("低于", "高于", "超过", "超出", "好于", "快于", "慢于"))

# ---------------------------------------------------------------- the walk


# 主要目标是:, 发展目标为:, 奋斗目标: a list of goals opening in a paragraph,
# which its later sentences go on.
_GOAL_LIST_HEAD_RE = re.compile(
    r"(?:主要|发展|奋斗|具体|总体|工作)(?:预期)?目标(?:任务)?(?:是|为)?\s*[:：]"
    # 今年各项指标预定为: the figures set for the year.
    r"|(?:各项|主要)(?:经济)?指标(?:预定|拟定|确定|安排)为?(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\))*\s*[:：]"
)
# A goal, a colon, then the estimate of what the year brings (…预期目标增长5%:预计
# 全年…): an execution report's line, the result after the colon.
_GOAL_THEN_ESTIMATE_RE = re.compile(
    r"(?:预期目标|目标任务|计划)[^:：;。\n]{0,40}[:：]\s*(?:预计|初步预计)[^:：;。\n]*$"
)
# 预期目标为, 目标是: a goal stated right before its figure.
_GOAL_IS = ("目标为", "目标是", "目标定为", "指标为")


class _Walker(
    TableReader,
    SectionReader,
    ExclusionRules,
    IndicatorResolver,
    MeasureReader,
    PeriodReader,
):
    def __init__(self, d: _Doc, info: DocContext, catalog: Catalog, doc: str) -> None:
        self.d = d
        self.info = info
        self.catalog = catalog
        self.doc = doc
        self.records: list[Record] = []
        # Per clause group: the last record (for inherited indicators and head scope).
        self._last_in_group: dict[int, tuple[_Resolved, Record | None, str | None]] = {}
        # Per item: where the last emitted quantity ended.
        self._item_last_end: dict[int, tuple[int, int]] = {}
        self._entities: dict[int, bool] = {}
        self._zone_sentences: dict[int, bool] = {}
        # Per clause group: whether a head 新增-like verb is in force.
        self._group_inc: dict[int, bool] = {}
        # Pure readings asked again by every figure after them: per walk.
        self._head_incs: dict[tuple[int, int], bool] = {}
        self._own_periods: dict[tuple[int, int], bool] = {}
        # Cells of a 任务 | 完成情况 table: (start, end, kind).
        self._cell_kinds: list[tuple[int, int, str]] = []
        # Where records of a goal's base start (由2.1%提高到2.4%: the 2.1%).
        self._bases: set[int] = set()
        # A run of bare figures in one list (12%,15%,18%,…): how many records in a
        # row were alike and stood one separator apart.
        self._run_len = 0
        # The 分别 readings of the text before a 分别 (pure functions of that text),
        # which every figure after it reads again: remembered per walk.
        self._head_pairs: dict[str, Any] = {}
        self._listed: dict[tuple[str, int], Any] = {}
        # _block_span by line index (a pure function of the line and those above).
        self._block_spans: dict[int, tuple[int, int] | None] = {}
        # 今(2024)年 written out: the year the text speaks from.
        self._now_year = now_year(d.scan)
        self._year_over = latest_year_over(d.scan)
        self._latest_named: int | None = None  # read on first use
        # Where a note says its estimate holds for what follows (预计数,下同).
        self._estimate_notes = [
            m.start()
            for m in finditer_from(_ESTIMATE_BELOW_RE, _ESTIMATE_BELOW_FIRST_RE, d.scan)
        ]
        head_notes = [
            m.start(1)
            for m in finditer_from(
                _ESTIMATE_HEAD_NOTE_RE, _ESTIMATE_HEAD_NOTE_FIRST_RE, d.scan
            )
        ]
        if head_notes:
            self._estimate_notes = sorted(self._estimate_notes + head_notes)
        self._province_level = is_province_level(info.region)
        # Labels closing a list as goals (这是…主要预期目标): most texts have none.
        self._goal_labels = goal_labels(d.scan)
        # Where each list of goals opens (主要目标是:), found once for the text.
        self._goal_list_heads = [m.start() for m in _GOAL_LIST_HEAD_RE.finditer(d.scan)]
        # Decisions setting a named year's figures (会议确定2008年…): most have none.
        self._decisions = decisions(d.scan)

    def run(self) -> list[Record]:
        d = self.d
        scan = d.scan
        quantities = d.quantities
        starts = d.quantity_starts
        table_lines = self._tables()
        qi = 0
        ctx = _Ctx(
            mode="target" if self.info.kind == "plan" else "actual", section_year=None
        )
        pos = 0
        line_no = 0
        n = len(scan)
        while pos <= n:
            nl = scan.find("\n", pos)
            if nl < 0:
                nl = n
            line = scan[pos:nl]
            # Quantities on this line: a slice, found by bisection.
            qi = bisect_left(starts, pos, qi)
            qj = bisect_left(starts, nl, qi)
            line_q = quantities[qi:qj]
            if qj > qi:
                # The walk is the last reader of the matches (the tables came
                # first): each line's are let go once read, so the collector
                # does not walk 300,000 of them for every full collection of a
                # record-dense text, and records replace them one for one.
                quantities[qi:qj] = repeat(None, qj - qi)
            qi = qj
            if pos in table_lines:
                pass
            elif line.strip() and (
                line_no != self.info.title_line or _HEADLINE_FIGURE_RE.search(line)
            ):
                # A title is read only when it is a headline stating a figure
                # (山东:力争今年高新技术企业突破3万家).
                self._paragraph(line, pos, line_q, ctx)
            elif line_no == self.info.title_line:
                self.title_part(line, ctx)
            pos = nl + 1
            line_no += 1
        self.records.sort(key=attrgetter("start", "end"))
        self.records = spread_list_qualifiers(self.records, scan)
        self.records = split_shared_figures(
            self.records, scan, d.text, self.catalog, d.text_span
        )
        self.records = add_bare_range_lows(self.records, scan)
        self.records = share_both_rates(self.records, scan)
        return self.records

    def _quantity(self, m: re.Match[str], para_mode: str, ctx: _Ctx) -> None:
        d = self.d
        scan = d.scan
        start, end = m.start(), m.end()
        before = scan[start - 1] if start > 0 else ""
        if before == "第" or before == "前":
            return
        if (
            before
            and before.isascii()
            and before.isalnum()
            and not (before.isalpha() and _alias_ends_at(d, start))
        ):
            return  # 5G, R&D-like codes, 702所 glued to letters (not GDP890亿元)
        if d.in_quote(start):
            return
        q = read_quantity(m)
        if q is None:
            return
        after = scan[end] if end < len(scan) else ""
        unit = q.unit
        if not unit:
            if after in _DATE_AFTER or q.chinese or m.group("mag"):
                return
            # A bare number counts only right after a noun and before a break.
            if not (
                _HANZI_RE.match(before or "")
                and (after == "" or _BREAK_RE.match(scan, q.end))
            ):
                return
        elif (
            unit not in ("%", "个百分点")
            and after in _DATE_AFTER
            and not q.unit.endswith("元")
        ):
            return
        post = _POST_QUAL_RE.match(scan, q.end)
        if post is None and self._run_len >= _RUN_MIN and self._continues_run(q):
            return
        qual_end = post.end() if post else q.end
        item_start, item_end = d.item_bounds(q.start, qual_end)
        if item_end < qual_end:
            item_end = qual_end
        # Skip numbering at the start of a paragraph or item.
        if scan[item_start : item_start + 1] in _NUMBERING_FIRST:
            num = _NUMBERING_RE.match(scan, item_start, q.start)
            if num and num.end() > item_start:
                item_start = num.end()
        pre_item = scan[item_start : q.start]
        if pre_item.endswith(")") and (g := TRAILING_GLOSSES_RE.search(pre_item)):
            pre_item = pre_item[: g.start()]  # 超过(guò)5%: the qualifier is 超过
        pre_win = pre_item[-6:]
        pre = _PRE_QUAL_RE.search(pre_win)
        if q.chinese and not (
            q.approx_more
            or post
            or pre
            or _CN_CUE_BEFORE_RE.search(pre_win)
            or _cn_counts_alone(q, scan)
        ):
            return
        # Previous quantity in the same item: the segment starts after it.
        seg_start = item_start
        prev = self._prev_record_in_item(item_start, q.start)
        if prev is not None:
            seg_start = prev
        seg = scan[seg_start : q.start]
        item_text = scan[item_start:item_end]

        # What is not a target or an actual.
        excluded = self._is_excluded(
            q, post, seg, pre_item, item_text, qual_end, item_start
        )
        if excluded:
            if excluded == "region" or (
                q.norm_unit == "元"
                and _FUND_RE.search(seg) is not None
                and not d.aliases_between(seg_start, q.start)
            ):
                # Another region's figure, or a fund's that names no indicator
                # (争取上级补助资金3.1亿元): a rate after it is not the last record's.
                self._mark_skip(item_start)
            return
        if is_date_rank_or_number(scan, q, pre_item) or is_contribution(q, pre_item):
            return
        s_start, _ = d.sentence_bounds(q.start)
        if states_no_figure(scan, q, qual_end, _clause_before(scan, q.start), s_start):
            return
        if (
            (self._entity_sentence(s_start) or self._zone_sentence(s_start))
            and not d.self_region.any(s_start, q.start)
            and not d.restart.any(s_start, q.start)
        ):
            return
        g_start, _ = d.group_bounds(q.start)

        post_text = scan[qual_end:item_end]
        # 超过年初预期目标(yù)(biāo)(6.5%): the glosses moved behind the word
        # stand between the goal and its bracket.
        near = scan[max(item_start, q.start - 48) : q.start]
        if "(" in near:  # every gloss opens with one
            near = _PINYIN_RE.sub("", near)
        near = near[-12:]
        # 提出的9%和10%的目标: the figures listed before the goal word share it.
        listed_end = _LISTED_FIGURES_RE.match(scan, qual_end).end()
        goal_text = (
            scan[listed_end : listed_end + 24] if listed_end > qual_end else post_text
        )
        quoted_target = (
            ("目标" in goal_text[:7] or "任务" in goal_text[:7])
            and bool(_QUOTED_TARGET_RE.match(goal_text))
        ) or (
            ("目标" in near or "任务" in near or "计划" in near)
            and (
                bool(_TARGET_IN_PARENS_RE.search(near))
                or task_ratio(scan, near, qual_end)
            )
        )
        res = None
        if quoted_target:
            res = self._inherit(g_start, s_start, q.start)
            if res is None and s_start > 0 and _RATE_LEAD_RE.match(scan, s_start):
                # …同比增长4.1%。增速…比年度目标增速(9.5%)低: a sentence that opens
                # on the rate speaks of the figure the sentence before it named.
                before, _ = d.group_bounds(s_start - 1)
                res = self._inherit(before, before, q.start)
        # 今年经济增长预期目标为6.5%左右: a goal with no figure before it to quote
        # the goal of names its own subject.
        if not quoted_target or (res is None and near.endswith(_GOAL_IS)):
            res = self._resolve(
                q, qual_end, item_start, item_end, seg_start, g_start, s_start
            )
        if res is None:
            return
        if res.indicator is not None:
            part = sector_part(scan, s_start, item_start, res.indicator.name)
            if part is not None:
                res = _Resolved(part, None, res.noun_end, False)
        ind = res.indicator
        if (
            ind is not None
            and res.cue_start < 0
            and not quoted_target  # 占任务200万元的…: the task of the figure before
            and is_part_of_total(ind.name, pre_item)
        ):
            # 转移支付收入增长8%, 高校研发经费5亿元: a part, not the total.
            res = _Resolved(
                self._noun_name(_clean_name(pre_item), q), None, res.noun_end, False
            )
            ind = None
        # Units must fit the indicator, else the alias was a modifier.
        measure, negative = self._measure(
            q, seg, pre_item, res, g_start, item_start, ind
        )
        if q.start and scan[q.start - 1] == "负" and measure == "growth":
            negative = not negative  # 增长-0.5% (the view reads 增长负0.5%)
        if ind is not None and _bare_amount_of(ind, q, measure):
            q = replace(q, norm_unit=ind.norm_unit)  # 人均可支配收入完成14809
        if ind is not None and not _unit_fits(ind, q, measure):
            res = _Resolved(
                self._mismatch_name(res.name, ind, q),
                None,
                res.noun_end,
                res.inherited,
            )
            ind = None
        if (
            ind is None
            and q.norm_unit == "元"
            and (
                _FUND_RE.search(res.name)
                or _FUND_RE.search(scan, qual_end, qual_end + 6)
            )
        ):
            # Money for a programme or a fund (…10亿元专项资金) is not a figure,
            # but it names its clause: a rate after it is not the last record's.
            self._mark_skip(item_start)
            return
        if ind is None and (not res.name or _names_nothing(res.name)):
            return  # 从X提升到Y with no subject anywhere: 提升到 names nothing
        if q.unit == "倍" and scan.endswith(("年的", ")的"), 0, q.start):
            return  # 是2018年(2050家)的3倍: a multiple of a base year, no figure
        if ind is None and res.name in BARE_COPULAS:
            # 是2018年 names nothing; the base's own value in brackets
            # (是2018年(260.1亿元)的3.1倍) is the subject's, in its unit.
            last = self._last_in_group.get(g_start)
            rec = last[1] if last is not None and last[2] != "skip" else None
            if rec is None or rec.norm_unit != q.norm_unit:
                return
            res = _Resolved(rec.indicator, last[0].indicator, res.noun_end, True)
            ind = res.indicator

        comparator = "="
        if post:
            comparator = _POST_QUAL_MAP[post.group(1)]
        elif q.approx_more:
            comparator = ">"
        elif pre:
            comparator = _PRE_QUAL_MAP[pre.group(1)]
            if pre.group(1) == "突破" and res.noun_end > qual_end:
                comparator = "="  # 突破60项关键核心技术: the verb, not a bound

        # Target or actual.
        kind = para_mode
        tier_m = _TIER_RE.search(pre_item) if "目标" in pre_item else None
        tier = tier_m.group(1) if tier_m else None
        aim_start = s_start
        if scan.find(";", s_start, q.start) >= 0:
            for so_far in SO_FAR_CLAUSE_RE.finditer(scan, s_start, q.start):
                aim_start = so_far.start() + 1
        if kind == "actual" and (
            quoted_target
            or tier
            or any(
                not _in_closed_aside(scan, aim_start, p, q.start)
                for p in d.report_target.between(aim_start, q.start)
            )
            or _NEXT_STEP_RE.match(scan[s_start : s_start + 8])
            or opens_years_ahead(scan, s_start)
            or self._in_goal_list(s_start, q.start)
            or (
                # …,力争高新技术企业达到3500家。…,全社会研发投入强度达到2.1%左右:
                # an approximate figure with no estimate or period of its own,
                # after the aims of its paragraph, is one more aim.
                post is not None
                and post.group(1) == "左右"
                and not d.estimate.last(g_start, q.start)
                and not d.periods_between(s_start, q.start)
                and self._after_aims(s_start)
            )
            or self._closed_as_goal(q.start)
            or (
                d.will.any(aim_start, q.start)
                and not d.estimate.last(g_start, q.start)
                and "已" not in pre_item  # 将继续实施…,今年已选派86名: done
            )
        ):
            kind = "target"
        if kind == "target" and _GOAL_THEN_ESTIMATE_RE.search(scan, s_start, q.start):
            # ——全年地方一般公共预算收入预期目标增长5%:预计全年…完成137亿元: the
            # goal before the colon, the year's estimated result after it.
            kind = "actual"
        in_cell = cell_kind(self._cell_kinds, q.start) if self._cell_kinds else None
        if in_cell:
            kind = in_cell
        recurring = "年" in pre_item and bool(_RECURRING_RE.search(pre_item))

        # Period.
        period, explicit_year = self._period(q.start, s_start, kind, ctx, recurring)
        if quoted_target and para_mode == "actual" and explicit_year is None:
            # 失业率为2.4%,低于3.6%的全年调控目标: the goal of the year reported on;
            # 低于 sets the result against it, it does not bound the goal.
            period = self._quoted_goal_period(period)
            if pre and pre.group(1) in _RESULT_VS_GOAL:
                comparator = "="
        if (
            kind == "actual"
            and explicit_year is not None
            and (reported := self._reported_year()) is not None
            and explicit_year > max(reported, ctx.section_year or 0)
            and not _PAST_RE.search(
                scan, _past_cue_from(scan, s_start, q.start), q.start
            )
            and not _reviewed_year(d, q.start, s_start, explicit_year, self._now_year)
            and not _against_last_year(d, g_start, s_start, q.start)
            and self._later_year_goal(s_start, q.start, explicit_year)
            and not self._year_just_begun(
                g_start, s_start, q.start, explicit_year, post
            )
            and not self._goals_met_in_paragraph(q.start)
        ):
            kind = "target"  # 到2025年…达到600家 in a report is still a goal
        elif (
            kind == "actual"
            and explicit_year is not None
            and period == str(explicit_year)
            and self._year_just_begun(g_start, s_start, q.start, explicit_year, post)
        ):
            # 政府工作报告中提到,今年我州建成4A级景区2个 on a page of January:
            # the speaker's 今年 is the year just over.
            explicit_year -= 1
            period = str(explicit_year)
        if (
            kind == "actual"
            and not in_cell
            and explicit_year is not None
            and explicit_year == self.info.doc_year
            and self.info.pub_month is not None
            and self.info.pub_month <= 10
            and year_end_deadline(scan, s_start, q.start, explicit_year)
            and not d.estimate.last(g_start, q.start)
        ):
            # A page of May 2023: 到2023年底,高新技术企业发展到30家 is the
            # year's goal, the year is not over.
            kind = "target"
            period, explicit_year = self._period(q.start, s_start, kind, ctx, recurring)
        if (
            kind == "actual"
            and not in_cell
            and (
                _PLAN_FRAME_RE.search(scan, max(s_start, q.start - 240), q.start)
                or self._in_planned_list(s_start)
                or self._plan_cited(s_start)
            )
            and self._period_open(q.start, s_start, explicit_year)
        ):
            # 政府工作报告提出:地区生产总值增长10%左右: a plan quoted as setting
            # the figure, for a period not yet over.
            kind = "target"
            period, explicit_year = self._period(q.start, s_start, kind, ctx, recurring)
        if (
            kind == "actual"
            and not in_cell
            and period is not None
            and self._decisions
            and decided_year(self._decisions, scan, s_start, q.start) == int(period[:4])
        ):
            # 本次会议确定2008年全市实现地区生产总值970亿元,增长15%: a year's
            # goals set by a decision, even when the page is posted after it.
            kind = "target"
        if (
            kind == "actual"
            and period
            and self.info.doc_year is not None
            and int(period[:4]) >= self.info.doc_year
            and period[4:] in ("", f"/{period[:4]}")
            # 预计全年有望净增1800家: 预计 makes it an estimate of the year.
            and not d.estimate.last(g_start, q.start)
            and _LIKELY_RE.search(
                scan,
                # …有望保持全国首位;固定资产投资完成…: 有望 ends at the semicolon.
                max(
                    (lo := max(s_start, q.start - _SENTENCE_REACH)),
                    scan.rfind(";", lo, q.start) + 1,
                ),
                q.start,
            )
        ):
            kind = "target"  # 今年…有望突破3000亿元: the year is not over, a goal
        # A plan's figure with no modal, 将 or quoted goal of its own: the
        # branches below ask whether it is a past result told in the plan.
        plain_plan_figure = (
            kind == "target"
            and para_mode == "target"
            and not (quoted_target or tier or in_cell)
            and not d.modal.any(g_start, q.start)
            and not d.will.any(s_start, q.start)
        )
        if (
            kind == "target"
            and para_mode == "target"
            and explicit_year is not None
            and self.info.plan_year is not None
            and explicit_year < self.info.plan_year
            and not d.modal.any(g_start, q.start)
            and not recurring
            and not self._due_ahead(s_start, q.start, explicit_year)
            and not (
                self._decisions
                and decided_year(self._decisions, scan, s_start, q.start)
                == explicit_year
            )
        ):
            kind = "actual"
        elif (
            plain_plan_figure
            and (
                past_frame(frames := self._frame_periods(q.start, s_start))
                or last_year_span(scan, s_start, q.start)
                or term_over(frames, self.info.plan_year)
            )
            # 过去五年,全市地区生产总值年均增长8.6%, “十三五”时期…年均增长7.2% in
            # a 2021 plan: a rate per year over years that are over reports
            # them (not 年均增长7% of a plan).
            and (
                not recurring
                or years_up_to_now(frames)
                or term_over(frames, self.info.plan_year)
            )
            and not opens_years_ahead(scan, s_start)  # 五年来…。今后五年,…: goals
        ):
            # 过去一年,全省地区生产总值增长4.3%: last year's result in a plan's text.
            kind = "actual"
            period, explicit_year = self._period(q.start, s_start, kind, ctx, recurring)
            plan_year = self.info.plan_year
            if plan_year and period == str(plan_year):
                period = str(plan_year - 1)
            elif plan_year and period and period.endswith(f"/{plan_year}-12"):
                # 过去五年…年均增长: the years up to the plan's, not through it.
                head = period.split("/")[0]
                period = f"{int(head[:4]) - 1}{head[4:]}/{plan_year - 1}-12"
        elif (
            plain_plan_figure
            and explicit_year is None
            and not recurring
            and (
                year := _estimated_year(
                    d, q.start, self.info.plan_year, d.estimate.last(g_start, q.start)
                )
            )
        ):
            # 2018年全市经济平稳向好。全市预计生产总值增长6.5%左右: last
            # year's estimate in a story dated this year, not a goal.
            kind = "actual"
            period = str(year)
        elif (
            plain_plan_figure
            and explicit_year is None
            and self.info.plan_year is not None
            and not recurring
            and first_count(scan, s_start, q.start)
        ):
            # 初步统计,全市地区生产总值预计完成…: the count of the year that
            # ends as the plan's begins, not a goal.
            kind = "actual"
            period = str(self.info.plan_year - 1)
        elif (
            plain_plan_figure
            and explicit_year is None
            and not recurring
            and not (post and post.group(1) == "左右")  # 增长6%左右: a goal's wording
            and (past := self._past_frame(q.start)) is not None
        ):
            # 2023年全省生产总值增长4.3%。城镇调查失业率平均为5.2%,…: the
            # paragraph goes on with that past year's results; 会议指出,2023年…
            # 取得新进展。高新技术企业达到53家: a paragraph of a plan's text
            # opened on a year before the plan's, with no word of aim since,
            # reports that year.
            kind = "actual"
            period = past
            if from_to_start(scan, item_start, q.start, qual_end) and (
                base := self._from_base(q.start)
            ):
                period = str(base)  # …;经费占比由1.37%增长至1.97%: the term's base
        elif (
            plain_plan_figure
            and explicit_year is None
            and not recurring
            and (end := self._reviewed_term_end(s_start, q.start)) is not None
        ):
            # “十三五”期间,…。比重由13%提升至21.2%: the end of a change over a
            # term its paragraph reviews is that term's last year's result.
            kind = "actual"
            period = str(end)
        if (
            kind == "actual"
            and explicit_year is None
            and not in_cell
            and (end := self._reviewed_term_end(s_start, q.start)) is not None
        ):
            period = str(end)  # …;经费占比由1.37%增长至1.97%: the term's last year

        is_base = False
        if (
            kind == "target"
            and not in_cell
            and from_to_start(scan, item_start, q.start, qual_end)
        ):
            # 力争研发投入强度由2.1%提高到2.4%: the base it starts from is the
            # year before's level (or the year it names), only the end is a goal.
            base = explicit_year
            if base is None:
                # “十三五”期间,…。比重由13%提升至21.2%: the base of the term
                # its paragraph reviews.
                base = self._from_base(q.start)
            if base is None and self.info.plan_year is not None:
                base = self.info.plan_year - 1
            if base is None:
                return
            kind = "actual"
            period = str(base)
            is_base = True
        if in_cell:
            kind = in_cell
        # Stretch and estimate: a head cue scopes forward to the end of the group.
        stretch = False
        if kind == "target" and not tier:
            stretch = bool(d.stretch.last(g_start, q.start))
            if stretch and self._second_tier_before(g_start, item_start, q.start):
                stretch = False  # 增长11%、力争达到11.5%,…增长15%: 15% is not a stretch
        # 预计 scopes forward until an item brings its own modal (…，…力争…).
        estimate = bool(d.estimate.last(g_start, q.start))
        if estimate and not _estimate_reaches(
            d, self.records, g_start, item_start, q.start
        ):
            estimate = False  # 比重预计达3%,居民消费价格涨幅为2.2%: its own item only
        if not estimate and _ESTIMATE_NOTE_AFTER_RE.match(scan, qual_end):
            estimate = True  # 地区生产总值增长7%(预计,下同): the note after it
        if not estimate and self._estimate_notes and not quoted_target:
            # 预计(下同)全年完成…;…增长14.2%, 增长4.8%(预计数,下同): the note
            # covers what follows to the end of its section (the results, not
            # a goal quoted beside them).
            k = bisect_left(self._estimate_notes, q.start) - 1
            estimate = k >= 0 and self._estimate_notes[k] >= ctx.section_start
        if kind == "actual" and _LIKELY_RE.search(pre_item):
            estimate = True  # 高新技术企业数量有望超过2850家 in a year's review

        value = q.value
        norm_value = q.norm_value
        if negative:
            value, norm_value = -value, -norm_value

        start = seg_start
        end = max(qual_end, res.noun_end)
        while start < q.start and d.text[start] in " \t\u3000\n、,，;；":
            start += 1
        region = self.info.region
        sub = _SUBREGION_RE.match(pre_item)
        named = subregion_at(sub.group(1), region) if sub else None
        if named is None and region:
            named = zone_subregion_at(pre_item, region)  # (其中:…高新区…)
        if named is None and self._province_level:
            # 广州经济总量突破3万亿元 in a 广东省 text: that city's figure.
            named = subregion_at(pre_item.lstrip("其中,、 ●◆■"), region)
            if named is None:
                # 延安全年完成生产总值1082.9亿元,仅增长1.3%: the city opening
                # the sentence, or the paragraph, is the later figures' subject.
                named = self._opening_subregion(s_start, q.start, region)
        if named is None and region:
            named = parent_region_at(pre_item.lstrip("其中,、 ●◆■"), region)
        if named is None and region:
            # 2022年,包头市加快…。截至2022年底,新认定…: the figures of a sentence
            # or paragraph opened by another city of the document's level.
            named = peer_region_at(scan, region, None, s_start, q.start, above=True)
            if named is None:
                para = d.line_start(q.start)
                if para != s_start:  # else the same reading again
                    named = peer_region_at(scan, region, None, para, q.start)
        if named:
            region = named
        region = zone_city(region)  # 济源示范区 → 济源市
        if comparator == "=" and kind == "target":
            comparator = _range_bound(scan, q.start, q.end)
        start, end = d.text_span(start, end)  # where the text has a glossed run
        text = d.text
        while start > 0 and text[start].isdigit() and text[start - 1].isdigit():
            start -= 1  # 2023 年全市…: the view moved the gap; the quote keeps the year
        record = new_record(
            self.doc,
            kind,
            region,
            ind.name if ind else res.name,
            measure,
            comparator,
            value,
            q.unit,
            norm_value,
            q.norm_unit,
            period,
            recurring,
            estimate,
            stretch,
            d.text[start:end],
            start,
            end,
            ind.code if ind else None,
            tier,
        )
        both = _both_names(d, item_start, q.start) if ind is None else None
        if both is not None:
            # 高新技术企业和科技型中小企业双双突破1000家: each gets the figure.
            first, second = both
            self.records.append(
                replace(record, indicator=first.name, indicator_code=first.code)
            )
            record = replace(record, indicator=second.name, indicator_code=second.code)
        self._run_len = self._run_len + 1 if self._alike(record) else 1
        self.records.append(record)
        if is_base:
            self._bases.add(record.start)
        self._last_in_group[g_start] = (res, record, None)
        # The next figure of the item starts after this one's counted noun when
        # a list mark closes it (完成39个保回迁项目、新增学位1.5万个).
        after_noun = end > qual_end and scan[end : end + 1] == "、"
        self._item_last_end[item_start] = (qual_end, end) if after_noun else (qual_end,)

    def _reviewed_term_end(self, s_start: int, pos: int) -> int | None:
        """The last year of the term (“十三五”) its paragraph reviews, for the
        to-value of a from–to whose from-value is of the term's base year, when
        the term ended before the plan's year; else None."""
        if self._from_or_to(s_start, pos) != "to":
            return None
        scan = self.d.scan
        clause = max(s_start, scan.rfind(",", s_start, pos) + 1)
        frm = max(scan.rfind("由", clause, pos), scan.rfind("从", clause, pos))
        if frm < 0:
            return None
        base = self._from_base(frm + 1)
        plan = self.info.plan_year
        if base is None or plan is None or base + 5 >= plan:
            return None
        return base + 5

    def _quoted_goal_period(self, period: str | None) -> str | None:
        """The period of a goal quoted back in a report: the reported year's,
        where the plan's year was guessed for it."""
        info = self.info
        if info.report_year is not None and period == str(info.plan_year):
            return str(info.report_year)
        return period

    def _second_tier_before(self, g_start: int, item_start: int, pos: int) -> bool:
        """Whether the last stretch cue of the clause group before the figure
        at `pos` stands in an earlier item, right after a figure of its own
        (生产总值增长11%、力争达到11.5%): a second tier of that figure, which
        reaches no further item."""
        marks = self.d.stretch
        k = bisect_left(marks.starts, pos) - 1
        if k < 0 or not g_start <= marks.starts[k] < item_start:
            return False
        p = marks.starts[k]
        for r in reversed(self.records):
            if r.end <= p:
                return r.start >= g_start and bool(
                    _TIER_GAP_RE.fullmatch(self.d.scan, r.end, p)
                )
        return False

    def _reported_year(self) -> int | None:
        """The year the text reports on: its own, or else the latest year it
        tells as over (截至2021年底), so an undated review still knows a later
        deadline (到2026年) for a goal."""
        if self.info.report_year is not None:
            return self.info.report_year
        return self._year_over

    def _due_ahead(self, s_start: int, pos: int, year: int) -> bool:
        """Whether the sentence sets `year` as the deadline of the figure at
        `pos` (到2025年,…达到640家) and the text was written before it: in a
        plan running past that year, a milestone, not a result."""
        now = max(
            self.info.doc_year or 0, self.info.report_year or 0, self._now_year or 0
        )
        return (
            bool(now)
            and year > now
            and deadline_year(self.d.scan, s_start, pos) == year
        )

    def _year_just_begun(
        self,
        g_start: int,
        s_start: int,
        pos: int,
        year: int,
        post: re.Match[str] | None,
    ) -> bool:
        """Whether 今年 before the figure at `pos`, on a page out in January of
        `year`, names the year just over as its speaker (a report drafted before
        the new year) did: nothing of a year is done in its first weeks, so a
        figure told with no aim, 将 or deadline is last year's result."""
        d = self.d
        return (
            self.info.pub_month == 1
            and year == self.info.doc_year
            and "今年" in d.scan[s_start:pos]
            and not re.search(r"(?:19|20)\d{2}\s*年|以来", d.scan[s_start:pos])
            and not d.modal.any(g_start, pos)
            and not d.will.any(s_start, pos)
            and not goal_year_cue(d.scan, s_start, pos)
            # 今年GDP增长5.5%左右: a goal's wording; a headline states the year's goal.
            and not (post and post.group(1) in ("左右", "以上"))
            and d.scan[
                d.scan.rfind("\n", 0, pos) + 1 : (d.scan.find("\n", pos) + 1 or None)
            ].strip()
            != self.info.title
        )

    def _goals_met_in_paragraph(self, pos: int) -> bool:
        """Whether the paragraph of `pos` tells how far the year's goals were met
        (完成年度目标78亿元的100.3%): it reports results, of whatever year."""
        d = self.d
        return bool(_GOAL_MET_RE.search(d.scan, d.line_start(pos), d.line_end(pos)))

    def _later_year_goal(self, s_start: int, pos: int, year: int) -> bool:
        """Whether a year named after the report's is a goal's: its sentence
        sets a deadline, or the year is not over when the text was written and
        the figure is no change from a base (由…提高到2022年的108平方公里)."""
        scan = self.d.scan
        if goal_year_cue(scan, s_start, pos):
            return True
        now = max(self.info.doc_year or 0, self._now_year or 0)
        if self._year_over is not None:
            now = max(now, self._year_over + 1)
        if self.info.pub_month is None and self._now_year is None:
            # A text that gives no date of its own (a chronology: 1993年…。2002年
            # 人均生产总值5212元。2007年…): only the latest year it names may be
            # one not over when it was written.
            if self._latest_named is None:
                self._latest_named = latest_year_named(scan) or 0
            now = max(now, self._latest_named)
        return (
            year >= now
            and not from_to_result(scan, s_start, pos)
            and not look_back_span(scan, s_start, pos)
        )

    def _carried_past_period(self, pos: int) -> str | None:
        """The period of the last figure of the paragraph at `pos` when it is
        an actual of a year before the plan's, and nothing between them (a
        modal, 今年, 目标) turns to what is planned."""
        if not self.records or self.info.plan_year is None:
            return None
        last = self.records[-1]
        d = self.d
        para = d.line_start(pos)
        if last.kind != "actual" or last.start < para or not last.period:
            return None
        if last.start in self._bases:
            return None  # 从2.3%提升至2.5%: a goal's base carries no past year
        year = int(last.period[:4])
        if year >= self.info.plan_year or last.period[4:] not in ("", f"/{year}"):
            return None
        if goal_year_cue(d.scan, last.end, pos) or d.modal.any(last.end, pos):
            return None
        return last.period

    def _after_aims(self, s_start: int) -> bool:
        """Whether the sentence before the one at `s_start`, in its paragraph,
        aims at a figure (力争, 确保…) and tells nothing done."""
        d = self.d
        para = d.line_start(s_start)
        if s_start - 1 <= para:
            return False
        prev = max(para, d.scan.rfind("。", para, s_start - 1) + 1)
        return d.modal.any(prev, s_start) and not DONE_RE.search(d.scan, prev, s_start)

    def _in_goal_list(self, s_start: int, pos: int) -> bool:
        """Whether an earlier sentence of the paragraph opened a list of goals
        (主要目标是:…。城镇化率达到49%以上。) and the figure's sentence tells
        nothing done (已, 了)."""
        heads = self._goal_list_heads
        if not heads:
            return False
        d = self.d
        para = d.line_start(pos)
        j = bisect_left(heads, para)
        if j >= len(heads) or heads[j] >= pos:
            return False
        # 今年各项指标预定为:生产总值117.7亿元: the list may open the sentence.
        return not DONE_RE.search(d.scan, max(s_start, heads[j]), pos)

    def _closed_as_goal(self, pos: int) -> bool:
        """Whether a label after the figure's sentence (这是…主要预期目标)
        calls it a goal."""
        if not self._goal_labels:
            return False
        d = self.d
        _, s_end = d.sentence_bounds(pos)
        _, g_end = d.group_bounds(pos)
        para_end = d.line_end(pos)
        # …增长9%;这就是我们今年的目标任务: the label may close the group.
        return closed_as_goal(d.scan, s_end, para_end, pos) or (
            g_end < s_end and closed_as_goal(d.scan, g_end, para_end, pos)
        )

    def _past_frame(self, pos: int) -> str | None:
        """The past year a plain figure of a plan's text at `pos` reports: the
        period of the paragraph's last past actual, else the past year the
        paragraph opens on; None when neither frames it."""
        carried = self._carried_past_period(pos)
        if carried is not None:
            return carried
        past = self._opening_past_year(pos)
        return None if past is None else str(past)

    def _opening_past_year(self, pos: int) -> int | None:
        """The year before the plan's that the paragraph at `pos` opens on,
        when no modal or 将 since turns it to what is planned."""
        plan_year = self.info.plan_year
        if plan_year is None:
            return None
        d = self.d
        para = d.line_start(pos)
        found = opening_year(d.scan, para, pos)
        if found is None or found[0] >= plan_year:
            return None
        year, end = found
        if d.modal.any(end, pos) or d.will.any(end, pos):
            return None
        return year

    def _opening_subregion(self, s_start: int, pos: int, region: str) -> str | None:
        d = self.d
        named = opening_subregion_at(d.scan, region, None, s_start, pos)
        if named is None:
            para = d.line_start(pos)
            if para != s_start:
                named = opening_subregion_at(d.scan, region, None, para, pos)
        return named

    def _plan_cited(self, s_start: int) -> bool:
        """Whether the paragraph holding the sentence at `s_start` tells, up
        to it, what a plan says (…公布《…计划》,根据《计划》,…)."""
        d = self.d
        para = d.line_start(s_start)
        return bool(_PLAN_CITED_RE.search(d.scan, para, s_start + 1))

    def _in_planned_list(self, s_start: int) -> bool:
        """Whether the sentence at `s_start` is in a list of the paragraph that
        a sentence of what will be done opens (将重点抓好五件事:一是…。二是…)."""
        d = self.d
        scan = d.scan
        para = d.line_start(s_start)
        colon = scan.rfind(":", max(para, s_start - _SENTENCE_REACH), s_start)
        if colon >= 0 and _LIST_OPENING_RE.match(scan, colon + 1):
            c_start, _ = d.sentence_bounds(colon)
            if _PLANNED_LIST_HEAD_RE.search(scan, c_start, colon):
                return True
        # 该县将重点抓好七个方面工作。一是…。二是…: a short lead sentence of what
        # will be done, closed by a full stop, opens the paragraph's list.
        lead_end = scan.find("。", para, min(s_start, para + _LEAD_REACH))
        return (
            lead_end >= 0
            and lead_end < s_start
            and bool(_LIST_OPENING_RE.match(scan, lead_end + 1))
            and bool(_PLANNED_LIST_HEAD_RE.search(scan, para, lead_end))
            and not _HAS_DIGIT_RE.search(scan, para, lead_end)
            and not _LEAD_DONE_RE.search(scan, para, lead_end)
        )

    def _period_open(self, pos: int, s_start: int, explicit_year: int | None) -> bool:
        """Whether the figure at `pos` is of a period not over when the text
        speaks: no year before the document's own, no last year named."""
        d = self.d
        now = self.info.doc_year or self._now_year
        if explicit_year is not None and now is not None and explicit_year < now:
            return False
        return not (
            past_frame(self._frame_periods(pos, s_start))
            or last_year_span(d.scan, s_start, pos)
            or _PAST_RE.search(d.scan, _past_cue_from(d.scan, s_start, pos), pos)
        )

    def _shared_head_pair(self, before: str) -> Any:
        try:
            return self._head_pairs[before]
        except KeyError:
            found = self._head_pairs[before] = super()._shared_head_pair(before)
            return found

    def _listed_names(self, before: str, n_hits: int) -> Any:
        key = (before, n_hits)
        try:
            return self._listed[key]
        except KeyError:
            found = self._listed[key] = super()._listed_names(before, n_hits)
            return found

    def _frame_periods(self, pos: int, s_start: int) -> list[Any]:
        """The periods written before `pos` in its sentence, else the one that
        opens its paragraph (过去一年,…。一般公共预算收入增长9.1%)."""
        d = self.d
        found = d.periods_between(max(s_start, pos - _SENTENCE_REACH), pos)
        if found:
            return found
        line_start = d.line_start(pos)
        while line_start < pos and d.scan[line_start] in " \t\u3000":
            line_start += 1
        return [p for p in d.periods_between(line_start, pos) if p.start == line_start]

    def _alike(self, record: Record) -> bool:
        """Whether `record` goes on a list of alike figures right before it."""
        if not self.records:
            return False
        prev = self.records[-1]
        return (
            prev.end + 1 == record.start
            and self.d.scan[prev.end] in _LIST_SEPARATORS
            and (prev.indicator, prev.measure, prev.unit, prev.kind, prev.period)
            == (
                record.indicator,
                record.measure,
                record.unit,
                record.kind,
                record.period,
            )
            and (prev.value < 0) == (record.value < 0)
            and prev.comparator == record.comparator
        )

    def _continues_run(self, q: Quantity) -> bool:
        """A bare figure that goes on a run of alike ones (…,15%,18%,): the same
        record with its own value, without reading the clause again. Linear and
        cheap in record-dense text; anything more than a separator apart, or with
        a word after it, takes the full path."""
        prev = self.records[-1]
        scan = self.d.scan
        if (
            prev.end + 1 != q.start
            or scan[prev.end] not in _LIST_SEPARATORS
            or q.unit != prev.unit
            or q.approx_more
            or q.chinese
            or (q.end < len(scan) and scan[q.end] not in _LIST_ENDS)
        ):
            return False
        sign = -1 if prev.value < 0 else 1
        record = new_record(
            prev.doc,
            prev.kind,
            prev.region,
            prev.indicator,
            prev.measure,
            prev.comparator,
            sign * q.value,
            prev.unit,
            sign * q.norm_value,
            prev.norm_unit,
            prev.period,
            prev.recurring,
            prev.estimate,
            prev.stretch,
            self.d.text[q.start : q.end],
            q.start,
            q.end,
            prev.indicator_code,
            prev.tier,
        )
        self.records.append(record)
        self._run_len += 1
        g_start = self.d.group_bounds(q.start)[0]
        last = self._last_in_group.get(g_start)
        if last is not None:
            self._last_in_group[g_start] = (last[0], record, None)
        return True

    _RUN_MIN = _RUN_MIN

    def _run_batch(self, qs: list[re.Match[str]], i: int, stop: int) -> int:
        """Go on with a run of alike bare figures from qs[i] in one loop: each one
        that `_continues_run` would take (right after the last record, one
        separator apart, the same unit, a list end after it, nothing in quotes,
        no qualifier) becomes the same record with its own value. Stops at the
        first figure that needs the full path, or past `stop` (an inline heading,
        -1 for none), and returns its index."""
        d = self.d
        scan = d.scan
        text = d.text
        n = len(scan)
        records = self.records
        prev = records[-1]
        prev_end = prev.end
        unit = prev.unit
        if not unit:
            return i  # a bare number after a separator is never a figure
        negative = prev.value < 0
        template = run_template(prev)
        in_quote = d.in_quote
        quote_starts = d.quote_starts
        quote_ends = d.quote_ends
        # No quote can hold a figure in [free_from, free_to): the last quote that
        # opens before it has closed and the next opens after; in_quote is asked
        # only outside that window.
        free_from = free_to = 0
        parts = QUANTITY_PARTS
        missing = parts  # a sentinel: no entry is the dict itself
        post_match = _POST_QUAL_RE.match
        append = records.append
        start_i = i
        while i < len(qs):
            m = qs[i]
            start, end = m.span()
            if (stop >= 0 and start > stop) or start != prev_end + 1:
                break
            if scan[prev_end] not in _LIST_SEPARATORS:
                break
            if not free_from <= start < free_to:
                if in_quote(start):
                    break
                k = bisect_right(quote_starts, start)
                free_from = quote_ends[k - 1] if k > 0 else 0
                free_to = quote_starts[k] if k < len(quote_starts) else n + 1
            read = parts.get(m.group(), missing)
            if read is missing:
                read = quantity_parts(m)
            if read is None or read[0] != unit or read[3] or read[4]:
                break  # (unit, value, norm_value, approx_more, chinese)
            if end < n:
                after = scan[end]
                # Only a line break can stand before 以上/左右 (\s*): , 、 。 ; not.
                if after not in _LIST_ENDS or (after == "\n" and post_match(scan, end)):
                    break
            if negative:
                prev = template(-1 * read[1], -1 * read[2], text[start:end], start, end)
            else:
                prev = template(read[1], read[2], text[start:end], start, end)
            append(prev)
            prev_end = end
            i += 1
        if i > start_i:
            self._run_len += i - start_i
            g_start = d.group_bounds(prev.start)[0]
            last = self._last_in_group.get(g_start)
            if last is not None:
                self._last_in_group[g_start] = (last[0], prev, None)
        return i

    def _prev_record_in_item(self, item_start: int, pos: int) -> int | None:
        ends = self._item_last_end.get(item_start)
        if ends is None:
            return None
        for end in reversed(ends):
            if end <= pos:
                return end
        return None


# 回顾去年工作时指出,2023年…; 2023年…。报告又提出今(2024)年…预期目标: the
# year written is the one under review, whatever year the document seems to be.
_REVIEW_BEFORE_RE = re.compile(r"回顾(?:过去一年|去年|上年|\d{4}年)")
_THIS_YEAR_AFTER_RE = re.compile(
    r"今\s*\(\s*((?:19|20)\d{2})\s*\)\s*年|(?:提出|展望)今年"
)


# The two ends of a range goal (增长8%-8.5%, 5—8个): a dash between figures.
_RANGE_LOWER_RE = re.compile(r"-{1,2}(?=\d)|~(?=\d)")
_RANGE_UPPER_RE = re.compile(r"\d(?:\.\d+)?[%‰]?(?:-{1,2}|~)$")


_CLAUSE_REACH = 80
_CLAUSE_ENDS = ",;。:!?\n"
_last_clause_end = last_of(_CLAUSE_ENDS)


def _clause_before(scan: str, pos: int) -> str:
    """The text of the clause before `pos`: from the last comma or stop (at
    most _CLAUSE_REACH characters back); a 、 list stays in it, pinyin
    glosses do not."""
    lo = max(0, pos - _CLAUSE_REACH)
    start = _last_clause_end(scan, lo, pos) + 1
    # 對生產(chǎn)總值增長(zhǎng)的貢獻(xiàn)率: the glosses are no words of it.
    clause = scan[max(start, lo) : pos]
    return _PINYIN_RE.sub("", clause) if "(" in clause else clause


def _range_bound(scan: str, start: int, end: int) -> str:
    """A goal given as a range is at least its lower end and at most its upper
    end: 增长8%-8.5% is >= 8 and <= 8.5. Anything else stays "="."""
    if _RANGE_LOWER_RE.match(scan, end):
        return ">="
    if _RANGE_UPPER_RE.search(scan, max(0, start - 12), start):
        return "<="
    return "="


def _reviewed_year(d: _Doc, pos: int, s_start: int, year: int, now: int | None) -> bool:
    """Whether `year`, written before a figure at `pos`, is the year a review
    looks back on: the sentence opens with 回顾去年…, or its paragraph goes on
    to this year's plan (今(2024)年 after 2023年, 报告又提出今年…)."""
    if _REVIEW_BEFORE_RE.search(d.scan, max(s_start, pos - _SENTENCE_REACH), pos):
        return True
    para_end = d.line_end(pos)
    for m in _THIS_YEAR_AFTER_RE.finditer(d.scan, pos, para_end):
        if m.group(1) is None or int(m.group(1)) > year:
            return True
    # 2023年是…开局之年。…(next paragraph) 这一年,我们…: the year the page
    # opens with is the one it goes on to look back on.
    para = d.line_start(pos)
    opening = _YEAR_IS_RE.match(d.scan, para)
    if (
        opening
        and int(opening.group(1)) == year
        and _REVIEW_ANAPHOR_RE.search(d.scan, para_end, para_end + _ANAPHOR_REACH)
    ):
        return True
    # 报告指出,2023年,全市…增长4.6%。⏎ 过去一年,…: a paragraph that opens on
    # a year and states its figures with no word of aim, followed by a look
    # back on 过去一年, tells the year looked back on.
    lead = _YEAR_LEAD_RE.match(d.scan, para)
    if (
        lead
        and int(lead.group(1)) == year
        and lead.end() <= pos
        and not d.modal.any(s_start, pos)
        and not d.will.any(s_start, pos)
        and _REVIEW_ANAPHOR_RE.search(d.scan, para_end, para_end + _ANAPHOR_REACH)
    ):
        return True
    # 今(2024)年 anywhere in the text: every 2023年 of it is past.
    return now is not None and now > year


# A paragraph that opens by saying what its year was (2023年是…之年, 2019年，是…).
_YEAR_IS_RE = re.compile(r"\s*((?:19|20)\d{2})\s*年\s*[,，]?\s*是")
# A paragraph opening on a year, after a lead-in or the place (报告指出,2023年,
# 韶关2023年…): the year its figures are of.
_YEAR_LEAD_RE = re.compile(
    r"\s*(?:[^,。:;!?\d\n]{1,12}?[,:]?)?\s*((?:19|20)\d{2})\s*年(?![底末]前|前|起)"
)
# The paragraphs after it going on about that year as the one looked back on.
_REVIEW_ANAPHOR_RE = re.compile(
    r"这一年|这\s*一年来|一年来|过去的?一年|回首(?:这一年|过去)|刚刚过去的一年"
)
_ANAPHOR_REACH = 300


# 同比增长5.4%, 比上年增长8%, 較去年增加: a figure set against last year's
# result is a result itself.
# 是2012年的2.6倍, 比2015年翻一番: against an earlier year named in the text.
_AGAINST_LAST_YEAR_RE = re.compile(
    r"同比|比上年|较上年|比去年|较去年|与上年相比|与去年相比|上年同期|去年同期"
    r"|(?:是|为|相当于)(?:19|20)\d{2}\s*年(?:底|末)?的\s*[\d.一二三四五六七八九十两]+\s*倍"
)


def _against_last_year(d: _Doc, g_start: int, s_start: int, pos: int) -> bool:
    """Whether the figure at `pos` reads as a year's result in a report even
    though its year is after the report's (the document's year guessed too
    early): its clause group compares with last year, and no modal, 将 or 到
    (到2025年) in its sentence makes it a goal."""
    _, g_end = d.group_bounds(pos)
    if not _AGAINST_LAST_YEAR_RE.search(d.scan, g_start, g_end):
        return False
    if d.modal.any(s_start, pos) or d.will.any(s_start, pos):
        return False
    return not _TO_YEAR_RE.search(d.scan, s_start, pos)


# 完成年度目标78亿元的100.3%, 完成全年任务的102%: how far a goal was met.
_GOAL_MET_RE = re.compile(
    r"完成了?(?:全年|年度|年初|今年|本年)?的?(?:预期)?(?:目标|任务|计划)[^,;。]{0,16}?的\s*\d+(?:\.\d+)?\s*%"
)
# 到2025年 a deadline; 提高到2022年的108平方公里 the end of a span, no deadline.
_TO_YEAR_RE = re.compile(r"[到至]\s*(?:19|20)\d{2}\s*年(?!的)")


# …回望刚刚过去的2018年,…。(next paragraph) 全市产业结构得到进一步优化,…
_LOOK_BACK_RE = re.compile(r"(?:回望|回顾)(?:刚刚|刚)?过去的\s*((?:19|20)\d{2})\s*年")


def _past_cue_from(scan: str, s_start: int, pos: int) -> int:
    """Where a cue that the figure is done (已, 截至) may stand: its sentence,
    after a lead-in closed by a colon (路径已十分明了:2027年GDP突破…: the lead's
    已 says nothing of the figure)."""
    lo = max(s_start, pos - _SENTENCE_REACH)
    return scan.rfind(":", lo, pos) + 1 or lo


def _estimate_reaches(
    d: _Doc, records: list[Record], g_start: int, item_start: int, pos: int
) -> bool:
    """Whether the last 预计 of the clause group before `pos` covers the item
    at `item_start`: always in its own item; from an earlier item only when it
    heads that item (预计地区生产总值增长8%,…; a lead clause without a figure
    of its own after it), stands in the group's first figure, or is a note that
    says 下同. A 预计 after its item's subject in the middle of a list of figures
    (…增长1.6%,研发投入占比预计达3%,…) qualifies that figure alone."""
    starts = d.estimate.starts
    k = bisect_left(starts, pos) - 1
    if k < 0 or starts[k] < g_start:
        return True
    p = starts[k]
    if p >= item_start:
        return True
    scan = d.scan
    r = bisect_right(d.restart.starts, item_start) - 1
    if (
        r >= 0
        and d.restart.starts[r] > p
        and _YEAR_OPENING_RE.match(scan, d.restart.starts[r] + 1)
    ):
        # 预计全年新增6家,2017年新增3家: a clause opened by a year of its own
        # is a new statement, out of the 预计's reach.
        return False
    if scan[p - 1 : p] == "(":
        return "下同" in scan[p : p + 8]  # (预计,下同) covers what follows; (预计) not
    j = bisect_right(d.breaks, p)
    # …预计分别增长6%、5%: a list going on after a 、 stays in the 预计's item.
    if all(scan[b] == "、" for b in d.breaks[j : bisect_left(d.breaks, item_start)]):
        return True
    p_end = d.breaks[j] if j < len(d.breaks) else len(scan)
    i = bisect_right(d.quantity_starts, p)
    if i >= len(d.quantity_starts) or d.quantity_starts[i] >= p_end:
        return True  # …预计如下: a lead clause with no figure of its own
    p_start = max(d.breaks[j - 1] + 1 if j > 0 else 0, g_start)
    for r in reversed(records):
        if r.start < g_start:
            # 全省GDP预计突破12万亿元,一般公共预算收入达…: a 预计 in the first
            # figure of its clause group speaks for the group.
            return True
        if r.start < p_start:
            break
    else:
        return True
    return bool(_ESTIMATE_HEAD_FRAME_RE.fullmatch(scan, p_start, p))


def _estimated_year(
    d: _Doc, pos: int, plan_year: int | None, estimated: Any
) -> int | None:
    """The year a figure at `pos` in a plan-like story looks back on: with an
    estimate (预计…), the last year its paragraph names before it; else the year
    the paragraph before looks back on (回望刚刚过去的2018年), when the figure's
    own paragraph names none. Only a year before the plan's year counts."""
    if plan_year is None:
        return None
    k = bisect_left(d.newlines, pos)
    para = d.newlines[k - 1] + 1 if k > 0 else 0
    periods = d.periods_between(para, pos)
    if not estimated:
        # 全年技改项目总投资增长15%: the whole of the year looked back on.
        if k < 1 or any(d.scan[p.start : p.end] != "全年" for p in periods):
            return None
        prev = d.newlines[k - 2] + 1 if k > 1 else 0
        found = list(_LOOK_BACK_RE.finditer(d.scan, prev, para))
        if not found:
            return None
        year = int(found[-1].group(1))
        return year if year < plan_year else None
    if not periods:
        return None
    last = periods[-1]
    if last.year is None or last.end_year is not None or last.months is not None:
        return None
    return last.year if last.year < plan_year else None


_BOTH_LINK_RE = re.compile(r"\s*(?:和|与|及|、)\s*")
_BOTH_TAIL_RE = re.compile(
    r"\s*(?:双双|均|都)(?:突破|超过|超|达到|达|迈过|跨过|越过)?\s*(?:人民币)?\s*"
)


def _both_names(d: _Doc, item_start: int, pos: int) -> tuple[Any, Any] | None:
    """The two catalog indicators of A和B双双突破N / A与B均达到N, right before
    the figure at `pos`: the figure is each one's."""
    hits = d.aliases_between(item_start, pos)
    if len(hits) < 2:
        return None
    a, b = hits[-2], hits[-1]
    if a.indicator.name == b.indicator.name:
        return None
    if not _BOTH_LINK_RE.fullmatch(d.scan, a.end, b.start):
        return None
    if not _BOTH_TAIL_RE.fullmatch(d.scan, b.end, pos):
        return None
    return a.indicator, b.indicator


def _alias_ends_at(d: _Doc, pos: int) -> bool:
    """Whether a catalog alias (GDP) ends right at `pos`."""
    return any(h.end == pos for h in d.aliases_between(max(0, pos - 24), pos))


def _cn_counts_alone(q: Quantity, scan: str) -> bool:
    """A Chinese numeral without a cue word still counts when it closes a clause
    (…研究中心十二家，) or carries money, % or 个百分点; 一个平台, 三大行动 do not."""
    if q.norm_unit != "count":
        return q.value != 1 or q.unit.endswith("元")
    if q.value < 2:
        return False
    return q.end == len(scan) or scan[q.end] in _CN_CLAUSE_END


def _in_closed_aside(scan: str, start: int, pos: int, end: int) -> bool:
    """Whether `pos` lies in brackets opened after `start` and closed before
    `end` (…的89.4%(主要是三产未达预期目标),增长2.0%: a remark on the figure
    before, not an aim of the one after)."""
    opened = scan.rfind("(", start, pos)
    return (
        opened >= 0
        and scan.find(")", opened, pos) < 0
        and scan.find(")", pos, end) >= 0
    )
