"""Sections: headings, inline labels and plan paragraphs switch between target
mode (目标, 思路, 计划, 下一步…) and actual mode (总结, 完成情况, 回顾…)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .document import BOILERPLATE_RE, NAMED_YEAR_RE
from .lexicon import (
    _GLOSSES,
    _HEADLINE_FIGURE_RE,
    _NUMBERING_FIRST,
    _NUMBERING_HEAD_RE,
    AIM_RE,
    TASK_RATIO_AFTER_RE,
    TASK_RATIO_HEAD_RE,
)
from .periods import _Period, heading_years

_TARGET_HEAD_RE = re.compile(
    r"目标|思路|计划|打算|下一步|要点|安排|举措|任务|展望|预期|谋划|重点工作思路"
)
# 二、重点工作, 工作重点 as a heading: the work to do, unless the title says the
# page reports on it (重点工作完成情况).
_WORK_HEAD_RE = re.compile(r"重点工作|工作重点")
# A news subhead that describes a goal rather than sets one (更加目标化,
# 目标更清晰, 发展规划愈发明确): no plan part opens under it.
_DESCRIBED_GOAL_RE = re.compile(
    r"(?:更加|更为|更|愈发|愈加|越来越|日益)(?:目标|规划)化?"
    r"|(?:目标|规划|方向|蓝图)(?:化|更加|更为|更|愈发|愈加|越来越|日益)+"
    r"(?:明确|清晰|明晰|鲜明|精准|具体|聚焦)?"
)
_ACTUAL_HEAD_RE = re.compile(
    r"总结|完成情况|工作情况|进展|情况|成效|成绩|亮点|回顾|问题|不足|取得|完成"
)
# A plan's part on where it starts from (发展基础, 发展现状, “十三五”发展成就,
# 发展基础与面临形势): it reviews the years before the plan, not its goals.
_BASE_HEAD_RE = re.compile(
    r"^\s*(?:[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期|期间)?)?"
    r"(?:科技创新|科技|经济社会|产业)?(?:发展|工作|创新)?(?:基础|现状|成就)"
    r"(?:(?:与|和|及)(?:面临的?)?(?:形势|挑战|机遇)\S{0,8})?\s*$"
)
# A line of a dashed list (——…;, --…。): an item, whatever its words.
_LIST_ITEM_RE = re.compile(r"\s*(?:——|--|—)")
_INLINE_HEADING_RE = re.compile(
    r"(?:[。!?]|\s)\s*((?:[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)])"
    # 一、2022年…计划执行情况: the part may open on the year it is about.
    r"(?:(?:19|20)\d{2}\s*年度?)?[^。!?,;:\s\d]{2,20})(?=[\s。:])"
)
# Pinyin glosses the view moved behind the label may stand before its colon
# (主要预期目标是(jīng)(fā):).
_INLINE_LABEL_RE = re.compile(r"^\s*([\u4e00-\u9fff]{2,20})" + _GLOSSES + r"[:]")
_PLAN_PARAGRAPH_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、)?(?:下一步|明年|新的一年|做好今年|今年(?:工作|的?主要|经济社会发展|重点)"
    r"|(?:19|20)\d{2}年(?:是|工作|的?主要|重点)(?:[^。]{0,10})?(?:思路|计划|安排|目标|打算|任务))"
)
# A paragraph opening on a deadline its first sentence aims at (到2017年,预期
# 全省…翻一番以上。A年均增长12%以上;…): the goals to reach by then, the
# sentences after it included.
_DEADLINE_GOAL_OPENING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、)?[到至]\s*((?:19|20)\d{2})\s*年(?:底|末)?\s*[,,]"
    r"[^。;\n]{0,30}?(?:预期|力争|确保|争取|目标|将|要)"
)
# A heading that opens with a verb of effort and states no result (着力打造…,
# 聚焦…): in a text that both reports and plans, the plan part follows.
_PLAN_VERB_HEAD_RE = re.compile(
    r"^\s*(?:【[^】]{0,16}】)?\s*(?:着力|聚焦|奋力|全力|坚定|大力)"
)
_RESULT_HEAD_RE = re.compile(
    r"显著|明显|持续|不断|稳步|增强|提升|提高|壮大|向好|优化|改善|巩固|跃升|攀升|突破|"
    r"成效|成绩|取得|实现|加快|迈上|迈出|见效|成果|保持|平稳|稳定|良好|态势|运行"
)
# A paragraph that opens by saying what its year is (2021年是…开局之年, after
# a lead-in such as 会议强调, or 《报告》指出,): in a text that both reviews one
# year and plans the next, it turns to that year, the review or the plan.
_YEAR_IS_OPENING_RE = re.compile(
    r"\s*(?:[^,。:;!?\d(]{1,16}" + _GLOSSES + r"[,:])?"
    r"\s*((?:19|20)\d{2})\s*年\s*,?\s*(?:也|就)?是"
)
_SUBTITLE_RE = re.compile(r"[:：]|——|--|\|")
_TOP_HEADING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)"
)
# A page reporting how far a plan's tasks have come (…确定的主要目标任务三季度进展情况
# 报告, 重点工作任务完成情况): each part opens by restating its task.
_TASK_REPORT_TITLE_RE = re.compile(
    r"(?:目标任务|工作任务|重点任务|主要任务|重点工作)\S{0,12}(?:进展|完成|落实|推进|执行)情况"
)
# The department cell after a task in such a table scraped one cell per line
# (…控制在3%以内。⏎⏎市发改委⏎⏎1-6月,…): 牵头单位, its co-leads in brackets.
_DEPARTMENT_CELL_RE = re.compile(
    r"[(（]?[\u4e00-\u9fff、]{1,14}"
    r"(?:局|委|办|办公室|厅|委员会|中心|集团|公司|管委会|政府|部|院|处|署|行)[)）]?"
)
# A paragraph opening on a year and what it has achieved, in the past (了).
_REVIEW_OPENING_RE = re.compile(
    r"\s*(?:过去的|刚刚过去的)?(?:19|20)\d{2}\s*年\s*[,:]?[^。;!?\d]{0,30}?"
    r"(?:交出了|取得了|实现了|完成了|经受住了|走过了|书写了|迈出了)"
)
# A result's rank among its peers (增速居全省第一, 居全国第二, 排名全市前列): only a
# figure already reached has one.
_RANK_OF_RESULT_RE = re.compile(
    r"(?:居|位居|位列|列|排|排名|排在)(?:全国|全省|全市|全区|全州|同类城市|"
    r"[\u4e00-\u9fff]{2,3}(?:地区|片区))"
    r"(?:第[一二三四五六七八九十\d]{1,3}(?:位|名)?|前列|首位|前\d{1,2}(?:位|名)?)"
)
# Words of aiming or of what is to be done: a paragraph holding one may rank a goal
# (力争增速居全省前列).
_AIM_WORD_RE = re.compile(
    r"力争|争取|确保|努力|目标|预期|计划|(?<!即)将|要(?!求)|推动|冲刺|瞄准|锚定|保持|继续|"
    r"进位|争先|"
    r"力爭|爭取|確保|目標|預期|計劃|將"
)
# A heading asking or saying what is still to be done (还要怎么干, 将如何发力).
_HEAD_WILL_RE = re.compile(r"还要|要怎么|将如何|怎么干|如何干|再出发|新征程")
_SENTENCE_END_RE = re.compile(r"[。!?;]")
_TASK_STOP_RE = re.compile(r"[。;!]|(?<=%)")
_TASK_REACH = 300
# How a task's progress is told after it: the months so far, 截至…, 目前.
_PROGRESS_LEAD_RE = re.compile(
    r"\s*(?:\d{1,2}\s*[-—至到]\s*\d{1,2}\s*月|[一二三前]{1,2}季度|前三季度|上半年|截[至止]|目前"
    r"|今年以来|年初以来|全年(?:已|累计)|已(?:完成|实现)|累计)"
)


@dataclass
class _Ctx:
    """Mutable state while walking a document."""

    mode: str  # "target" | "actual"
    section_year: int | None
    # A month span named by a heading or a lead paragraph (上半年,…): its year
    # (None: the document's) and months, framing what follows.
    span: tuple[int | None, tuple[int, int]] | None = None
    # A heading has opened a review (2011年的工作回顾): headings of effort
    # (全力以赴推动发展) under it still report.
    reviewed: bool = False
    # Where the current section began (its heading): notes that hold for what
    # follows (预计数,下同) reach no further back.
    section_start: int = 0


_EXECUTION_RE = re.compile(r"(?:计划|目标|任务)(?:的)?(?:执行|完成)(?:情况)?")
# 完成时限, 完成期限 in a table's header or a task's footer: when the work is due,
# not a report of work done.
_DEADLINE_RE = re.compile(r"完成(?:时限|期限|时间|时点|节点|日期)")


_DATELINE_RE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# A byline or a release date (博主:… 2024-01-27, 2024/1/30 10:00): when the page
# was published, not the year of a section.
_NUMERIC_DATE_RE = re.compile(
    r"(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)"
)


def is_date_line(text: str) -> bool:
    """Whether a line without figures is a dateline or byline, not a heading."""
    return bool(_DATELINE_RE.search(text) or _NUMERIC_DATE_RE.search(text))


class SectionReader:
    """Tracks mode and section year paragraph by paragraph (a walker mixin)."""

    # paragraphs ----------------------------------------------------------
    def _paragraph(
        self, line: str, offset: int, qs: list[re.Match[str]], ctx: _Ctx
    ) -> None:
        stripped = line.strip()
        if BOILERPLATE_RE.search(stripped[:40]) and len(stripped) < 120:
            return
        if stripped == self.info.title and not _HEADLINE_FIGURE_RE.search(stripped):
            return
        head = offset + len(line) - len(line.lstrip())
        lead = self.lead_period(head, offset + len(line))
        if lead is not None:
            # 上半年,… opens a stretch of the progress report; any other period
            # named at the head of a paragraph ends it. A span told after a
            # lead-in (报告指出,2023年1至11月,…) is that paragraph's only.
            months = lead.months if lead.end_year is None else None
            told = months is not None and self.lead_told(head, offset + len(line))
            ctx.span = (lead.year, months) if months and not told else None
        has_units = any(m.group("unit") for m in qs)
        if (not has_units and len(stripped) <= 40) or (
            stripped[:1] in _NUMBERING_FIRST and _NUMBERING_HEAD_RE.match(stripped)
        ):
            ctx.section_start = offset  # a heading, or a numbered part, opens a section
        self._year_is_opening(stripped, ctx)
        para_mode = ctx.mode
        if (
            para_mode == "actual"
            and _PLAN_PARAGRAPH_RE.match(stripped)
            and not self._reviewed_year_is(stripped, ctx)
        ):
            para_mode = "target"
        if para_mode == "actual" and (due := _DEADLINE_GOAL_OPENING_RE.match(stripped)):
            now = max(self.info.doc_year or 0, self.info.report_year or 0)
            if int(due.group(1)) >= now:
                para_mode = "target"
        ranked_year = None
        if para_mode == "target" and self._ranks_results(stripped):
            para_mode = "actual"
            # …增速居全省第一……2024年一组组跃动的数据: the one year it names.
            years = {int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", stripped)}
            reported = self.info.report_year
            if len(years) == 1 and (reported is None or min(years) <= reported):
                ranked_year = years.pop()
        if para_mode == "target" and self._reviews_its_year(stripped):
            para_mode = "actual"
        if not has_units:
            self._heading(stripped, ctx)
            para_mode = ctx.mode
        else:
            label = _INLINE_LABEL_RE.match(stripped)
            if label:
                word = label.group(1)
                if _TARGET_HEAD_RE.search(word) and not _ACTUAL_HEAD_RE.search(word):
                    para_mode = "target"
                elif _ACTUAL_HEAD_RE.search(word) and not _TARGET_HEAD_RE.search(word):
                    para_mode = "actual"
            elif len(stripped) > 0:
                # A numbered line opening with a heading (1.研发经费投入指标。…).
                first = re.split(
                    r"[。:]", _NUMBERING_HEAD_RE.sub("", stripped), maxsplit=1
                )[0]
                if (
                    len(first) <= 20
                    and first != stripped
                    and _TOP_HEADING_RE.match(stripped)
                ):
                    self._heading(first, ctx)
                    para_mode = ctx.mode
        if para_mode == "actual" and (
            self._task_heading(stripped)
            or self._task_cell(stripped, offset + len(line))
        ):
            para_mode = "target"
        # 1.实现数字经济增加值增长7%。1-6月,…完成…: a numbered item of a task
        # report restates its task in its first sentence, then tells progress.
        task_end = self._restated_task_end(stripped) if para_mode == "actual" else -1
        if task_end >= 0:
            task_end += offset + len(line) - len(line.lstrip())
        # A page scraped into one long line still has its headings inline
        # (…取得成效。二、2022年工作思路 …): they switch the mode as the text goes.
        inline = [
            (offset + h.start(1), h.group(1))
            for h in _INLINE_HEADING_RE.finditer(line)
            if h.start(1) > 0
        ]
        k = 0
        i = 0
        while i < len(qs):
            m = qs[i]
            while k < len(inline) and inline[k][0] < m.start():
                self._heading(inline[k][1], ctx)
                para_mode = ctx.mode
                k += 1
            if self._run_len >= self._RUN_MIN:
                # A run of alike bare figures (12%,15%,18%,…) goes on in one batch
                # up to the next inline heading.
                j = self._run_batch(qs, i, inline[k][0] if k < len(inline) else -1)
                if j > i:
                    i = j
                    continue
            if ranked_year is not None:
                kept, ctx.section_year = ctx.section_year, ranked_year
                self._quantity(m, para_mode, ctx)
                ctx.section_year = kept
            else:
                self._quantity(m, "target" if m.start() < task_end else para_mode, ctx)
            i += 1

    def _task_heading(self, stripped: str) -> bool:
        """Whether a part of a task-progress report opens here with its task
        in one sentence (一、…,高新技术企业达620家。(第16条)): the target
        restated, not what has been done."""
        title = self.info.title
        if not title or not _TASK_REPORT_TITLE_RE.search(title):
            return False
        if not _TOP_HEADING_RE.match(stripped) or len(stripped) > 120:
            return False
        body = re.sub(r"[(（][^()（）]*[)）]\s*$", "", stripped).rstrip("。 ")
        # 一、10项…预期目标情况: a part of the report named, not a task.
        return not _SENTENCE_END_RE.search(body) and not body.endswith("情况")

    def _task_cell(self, stripped: str, end: int) -> bool:
        """Whether a paragraph of a task-progress page is the task cell of a
        table scraped one cell per line: its department cell follows it
        (…增长7%以上。⏎市发改委), and it opens on no progress (1-6月, 截至)."""
        title = self.info.title
        if not title or not _TASK_REPORT_TITLE_RE.search(title):
            return False
        if _PROGRESS_LEAD_RE.match(stripped) or len(stripped) > 200:
            return False
        scan = self.d.scan
        m = re.compile(r"\s*\n\s*([^\n]*)").match(scan, end)
        return m is not None and bool(_DEPARTMENT_CELL_RE.fullmatch(m.group(1).strip()))

    def _restated_task_end(self, stripped: str) -> int:
        """Where the first sentence of a numbered item of a task-progress
        report ends when the next opens on the progress made (1-6月, 上半年,
        截至6月底, 目前): the task restated; else -1."""
        title = self.info.title
        if not title or not _TASK_REPORT_TITLE_RE.search(title):
            return -1
        if stripped[:1] not in _NUMBERING_FIRST or not _NUMBERING_HEAD_RE.match(
            stripped
        ):
            return -1
        # The lead may be glued to the task's last figure (增长7%1-6月,…).
        for m in _TASK_STOP_RE.finditer(stripped, 0, _TASK_REACH):
            if _PROGRESS_LEAD_RE.match(stripped, m.end()):
                return m.start()
        return -1

    def _ranks_results(self, stripped: str) -> bool:
        """Whether a paragraph under a goal is a list of results: it ranks its
        figures among peers (增速居全省第一, 居全国第二) and aims at nothing."""
        ranks = [m.group(0) for m in _RANK_OF_RESULT_RE.finditer(stripped)]
        return (
            len(ranks) >= 2
            and any("第" in r for r in ranks)  # a place told, not only 前列
            and _AIM_WORD_RE.search(stripped) is None
        )

    def _reviews_its_year(self, stripped: str) -> bool:
        """Whether a paragraph opens by telling what its year has achieved
        (2024年,全市交出了一份…答卷。, 过去的2024年,我们取得了…): a review
        inside a text on the plan, whatever follows in it."""
        return _REVIEW_OPENING_RE.match(stripped) is not None

    def _reviewed_year_is(self, stripped: str, ctx: _Ctx) -> bool:
        """Whether a paragraph under a review opens by saying what the reviewed
        year was (2024年是实现…目标任务的关键一年): the goal it names is what
        the year strove for, the paragraph still reports."""
        if not ctx.reviewed:
            return False
        m = _YEAR_IS_OPENING_RE.match(stripped)
        if m is None:
            return False
        year = int(m.group(1))
        info = self.info
        if info.plan_year is not None and info.kind != "report":
            return year < info.plan_year or year == info.report_year
        return info.report_year is not None and year <= info.report_year

    def _year_is_opening(self, stripped: str, ctx: _Ctx) -> None:
        """A paragraph of a review-and-plan text opening with 2021年是…: the
        plan's year turns to targets, the reviewed year (or one before) to
        actuals, from here on."""
        info = self.info
        if info.kind != "both" or info.plan_year is None:
            return
        m = _YEAR_IS_OPENING_RE.match(stripped)
        if m is None:
            return
        year = int(m.group(1))
        if year == info.plan_year and year != info.report_year:
            ctx.mode = "target"
        elif year < info.plan_year:
            ctx.mode = "actual"
            ctx.reviewed = True

    def title_part(self, line: str, ctx: _Ctx) -> None:
        """An excerpt whose first line is a numbered part (一、2021年…计划执行
        情况) had it taken for its title: the part still opens there."""
        stripped = line.strip()
        if _TOP_HEADING_RE.match(stripped) and len(stripped) <= 40:
            self._heading(stripped, ctx)

    def _heading(self, text: str, ctx: _Ctx) -> None:
        if is_date_line(text):
            return  # ——2025年1月12日在…会议上, 博主:… 2024-01-27: a date, not a section
        if _LIST_ITEM_RE.match(text):
            return  # ——单位地区生产总值能耗下降率完成上级任务。: an item, not a heading
        body = _NUMBERING_HEAD_RE.sub("", text)
        if len(body) > 40:
            # A long line without figures is prose; only a leading 下一步 switches.
            if body.startswith("下一步"):
                ctx.mode = "target"
            return
        top = bool(_TOP_HEADING_RE.match(text))
        # 计划执行情况, 目标完成情况 report on a plan: the plan word is not a cue.
        body = _EXECUTION_RE.sub("执行情况", body)
        body = _DEADLINE_RE.sub("", body)
        if self.info.kind == "report":
            body = _DESCRIBED_GOAL_RE.sub("", body)
        years = heading_years(body)  # not 中国制造2025
        target = bool(_TARGET_HEAD_RE.search(body))
        actual = bool(_ACTUAL_HEAD_RE.search(body))
        base = (
            self.info.kind == "plan" and not target and bool(_BASE_HEAD_RE.match(body))
        )
        if base:
            actual = True  # 一、发展基础 in a plan: the years before it
        if (
            not target
            and not actual
            and _WORK_HEAD_RE.search(body)
            and not _ACTUAL_HEAD_RE.search(self.info.title or "")
        ):
            target = True
        if (
            not target
            and not actual
            and self.info.kind == "both"
            and not ctx.reviewed
            and _PLAN_VERB_HEAD_RE.match(body)
            and not _RESULT_HEAD_RE.search(body)
        ):
            target = True  # 【关键词2:城市创新】着力打造国家创新高地: what is to come
        if (
            not target
            and not actual
            and len(set(years)) == 1
            and self.info.report_year is not None
            and years[0] > self.info.report_year
            and _HEAD_WILL_RE.search(body)
        ):
            target = True  # 2024年还要怎么干 in a text on 2023: the plan part
        if top:
            ctx.section_year = None
        if len(set(years)) == 1:
            ctx.section_year = years[0]
        elif years:
            # 2023“两会”解读…之一:2022年工作回顾: the subtitle after the colon
            # names the part's year; a heading naming other years ends the
            # previous part's in any case.
            sub = heading_years(_SUBTITLE_RE.split(body)[-1])
            if len(set(sub)) == 1:
                ctx.section_year = sub[0]
            elif ctx.section_year not in years:
                ctx.section_year = None
        if base and not years and self.info.plan_year is not None:
            ctx.section_year = self.info.plan_year - 1  # up to the plan's first year
        if top and not target and not actual and not years:
            # A new part without cue words (一、冲云拨雾,迎难而上…) starts afresh.
            ctx.mode = "target" if self.info.kind == "plan" else "actual"
        elif target and not actual:
            ctx.mode = "target"
        elif actual and not target:
            ctx.mode = "actual"
            ctx.reviewed = True
        elif len(set(years)) == 1 and self.info.kind == "both":
            y = years[0]
            if y == self.info.plan_year and y != self.info.report_year:
                ctx.mode = "target"
            elif y == self.info.report_year and y != self.info.plan_year:
                ctx.mode = "actual"
        elif target and actual:
            # 存在问题和下一步打算: what the heading ends with is what follows last.
            t_last = max(m.start() for m in _TARGET_HEAD_RE.finditer(body))
            a_last = max(m.start() for m in _ACTUAL_HEAD_RE.finditer(body))
            ctx.mode = "target" if t_last > a_last else "actual"


def past_frame(periods: list[_Period]) -> bool:
    """Whether the period a figure takes is the year before (过去一年, 去年,
    上年) or the years up to now (过去五年): in a plan's text, with no modal,
    it reports a result (issue 11)."""
    if not periods:
        return False
    p = periods[-1]
    # 在过去五年中,…从2016年的A增至B: the years up to the document, over too,
    # with the years of the span named after them.
    for i, e in enumerate(periods):
        if e.past_years and all(f.year is not None for f in periods[i + 1 :]):
            return True
    return p.review or (p.offset == -1 and p.year is None and p.months is None)


def years_up_to_now(periods: list[_Period]) -> bool:
    """Whether the frame nearest the figure is the span of years up to now
    (过去五年, 五年来): a rate per year over it (年均增长8.6%) is a result too."""
    return bool(periods) and periods[-1].past_years > 0


def term_over(periods: list[_Period], plan_year: int | None) -> bool:
    """Whether the frame nearest the figure is a five-year plan's term over
    before the plan's year (“十三五”时期 in a 2021 plan): its rate per year
    (年均增长7.2%) is that term's result."""
    if not periods or plan_year is None:
        return False
    p = periods[-1]
    return p.plan_term and p.end_year is not None and p.end_year < plan_year


# 到2023年底, 至2024年末: a deadline at the end of a named year (not 截至2023年底,
# the date a count was taken).
_YEAR_END_DEADLINE_RE = re.compile(r"(?<!截)[到至]\s*((?:19|20)\d{2})\s*年\s*(?:底|末)")


def year_end_deadline(scan: str, s_start: int, pos: int, year: int) -> bool:
    """Whether the sentence before the figure at `pos` sets the end of `year`
    as its deadline, with no 已 or 了 of a result got since."""
    hits = list(_YEAR_END_DEADLINE_RE.finditer(scan, s_start, pos))
    m = hits[-1] if hits else None
    if m is None or int(m.group(1)) != year:
        return False
    return not re.search(r"已|了", scan[m.end() : pos])


# 去年首11个月, 上年前三季度, 去年1-11月: a part of last year, already over.
_LAST_YEAR_SPAN_RE = re.compile(
    r"(?:去年|上年)(?:同期)?(?:[首前][\d一二三四五六七八九十]{1,2}个?月|上半年|[一二三]季度|"
    r"前三季度|1\s*[-—至]\s*\d{1,2}\s*月)"
)


def last_year_span(scan: str, start: int, pos: int) -> bool:
    """Whether a part of last year is named between `start` and `pos` (the
    figure): in a plan's text it reports a result, like past_frame."""
    return bool(_LAST_YEAR_SPAN_RE.search(scan, max(start, pos - 40), pos))


# A year the text says is over (截至2022年底, 2022年末全市…): the page was
# written after it, whatever year its header suggests.
_YEAR_OVER_RE = re.compile(r"截[至止]\s*((?:19|20)\d{2})\s*年\s*(?:底|末|12月底?)")


def latest_year_over(scan: str) -> int | None:
    """The latest year the text reports as ended, or None."""
    years = [int(m.group(1)) for m in _YEAR_OVER_RE.finditer(scan)]
    return max(years) if years else None


def latest_year_named(scan: str) -> int | None:
    """The latest year the text names (2009年), or None."""
    years = [int(y) for y in NAMED_YEAR_RE.findall(scan)]
    return max(years) if years else None


# What makes a named later year a deadline in a report (到2025年, 2025年前,
# 力争…, 目标…, 将…): without one, 2022年,全市…394个 reports that year.
_GOAL_YEAR_CUE_RE = re.compile(
    r"[到至]\s*(?:19|20)\d{2}\s*年(?!的)|年前|力争|确保|目标|预期|将|要|计划|争取|规划"
)
# A change from a base to an end (由2012年的51.9平方公里提高到2022年的108平方公里,
# 由0.66件增长至1.13件): with no deadline cue, the record of a change achieved.
_FROM_TO_RE = re.compile(
    r"[由从][^,;。由从]{0,24}?[\d.]+[^,;。\d]{0,6}?"
    r"(?:提高|提升|增长|增加|上升|扩大|下降|降低|减少|跃升|增至|升至|降至|达到|发展)(?:到|至|为)?"
)


# A look back over the years up to now (连续四年超过6%, “十四五”以来, 回顾…):
# a later year its span reaches is not a deadline.
_LOOK_BACK_SPAN_RE = re.compile(
    r"连续[一二三四五六七八九十两\d]{1,2}年|以来|回顾|回望|回首"
)


def look_back_span(scan: str, s_start: int, pos: int) -> bool:
    """Whether the sentence before the figure at `pos` looks back over years
    up to now."""
    return bool(_LOOK_BACK_SPAN_RE.search(scan, s_start, pos))


# A paragraph opening on a year, bare or after a short lead-in (会议指出,2023年…,
# 报告显示:2022年, 據統計,2021年, 今年以来 not): the year its plain figures are of.
_OPENING_YEAR_RE = re.compile(
    r"\s*(?:[^,。:;!?\d\n]{1,16}?" + _GLOSSES + r"[,:])?\s*((?:19|20)\d{2})\s*年"
    r"(?![底末]?前|起|以来|[至到—]|-|\d|度?(?:目标|计划|任务|工作(?:思路|安排|要点)))"
)


def opening_year(scan: str, para: int, pos: int) -> tuple[int, int] | None:
    """The year a paragraph opens on, before the figure at `pos` (会议指出,
    2023年…取得新进展。高新技术企业达到53家), and where it is written; None
    when the paragraph opens otherwise or a word of a goal (目标, 预期, 计划,
    到2025年, 今年) stands between it and `pos`."""
    m = _OPENING_YEAR_RE.match(scan, para, pos)
    if m is None or AIM_RE.search(scan, m.end(), pos):
        return None
    return int(m.group(1)), m.end()


# A label closing a list of figures as goals (…。这是全区今年的主要预期目标,
# “…”以上为全年奋斗目标, 這些都是明年的目標): not one saying a goal was met
# (这是实现目标的关键, 这是超额完成年度目标).
_CLOSING_GOAL_RE = re.compile(
    r"[\s”」’\"]*(?:这|此|以上|上述|这些|这几项)(?:些|几项|几个)?(?:指标|数据|数字)?(?:就|都|均)?"
    r"(?:是|为|即|便是|作为)((?:[^。!?\d\n]|(?:19|20)\d{2}年){0,30}?)(?:目标|任务)"
)
_GOAL_LABEL_CORE_RE = re.compile(
    _CLOSING_GOAL_RE.pattern.replace(r"[\s”」’\"]*", "", 1)
)
_GOAL_MET_RE = re.compile(r"完成|实现|超额|达成|突破|高于|好于|超过|圆满")


def goal_labels(scan: str) -> frozenset[int]:
    """Where a label calling what comes before it the goals starts (the 这 of
    这是…目标), found once for the text."""
    return frozenset(
        m.start()
        for m in _GOAL_LABEL_CORE_RE.finditer(scan)
        if not _GOAL_MET_RE.search(m.group(1))
    )


def closed_as_goal(scan: str, s_end: int, para_end: int, pos: int) -> bool:
    """Whether the sentence of the figure at `pos` (ending at `s_end`), or a
    quotation holding it, is followed by a label calling it the goals."""
    at = s_end + 1
    close = scan.find("”", pos, para_end)
    if close >= 0 and scan.rfind("“", 0, pos) > scan.rfind("”", 0, pos):
        at = close + 1  # “…增长11%左右,…。”这是…目标
    m = _CLOSING_GOAL_RE.match(scan, at, min(para_end, at + 48))
    if m is None:
        # 增长6%以上,…增长6.5%……这是某区2024年的发展目标: the list trails off
        # into its label inside one sentence.
        dots = scan.find("……", pos, s_end)
        if dots >= 0:
            m = _CLOSING_GOAL_RE.match(scan, dots + 2, min(para_end, dots + 50))
    return m is not None and not _GOAL_MET_RE.search(m.group(1))


# 已, 了: what a sentence tells as done.
DONE_RE = re.compile(r"已|了")
# A deadline a sentence sets (到2025年, 至2027年底): the year its figures are due.
_DEADLINE_YEAR_RE = re.compile(r"(?<![截直])[到至]\s*((?:19|20)\d{2})\s*年(?!的|以来)")


def deadline_year(scan: str, s_start: int, pos: int) -> int | None:
    """The year of the last deadline set in the sentence before the figure at
    `pos`, when no 已 or 了 of a result got follows it."""
    hits = list(_DEADLINE_YEAR_RE.finditer(scan, s_start, pos))
    if not hits or DONE_RE.search(scan, hits[-1].end(), pos):
        return None
    return int(hits[-1].group(1))


def goal_year_cue(scan: str, s_start: int, pos: int) -> bool:
    """Whether the sentence before the figure at `pos` sets a deadline."""
    return bool(_GOAL_YEAR_CUE_RE.search(scan, s_start, pos))


def from_to_result(scan: str, s_start: int, pos: int) -> bool:
    """Whether the figure at `pos` ends or follows, in its sentence, a change
    from a base value to an end value."""
    return bool(_FROM_TO_RE.search(scan, s_start, pos))


# The start of a change from a base to an end (由2.1%提高到2.4%, 从520家增加至
# 600家): 由/从 opens the figure's item and a verb of change to an end follows it.
_FROM_OPENS_RE = re.compile(
    r"[由从](?:(?:19|20)\d{2}\s*年(?:底|末)?的?|[^,;。由从\d]{0,3})$"
)
_TO_FOLLOWS_RE = re.compile(
    r"\s*(?:的?水平)?\s*(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|压减|缩小|跃升|"
    r"增至|升至|降至|减至|达到)(?:到|至|为)?\s*[\d一二三四五六七八九十百千万]"
)


def from_to_start(scan: str, item_start: int, pos: int, qual_end: int) -> bool:
    """Whether the figure at `pos` (its qualifiers ending at `qual_end`) is the
    base a change starts from, not the value it is to reach."""
    head = scan[max(item_start, pos - 16) : pos]
    return bool(_FROM_OPENS_RE.search(head) and _TO_FOLLOWS_RE.match(scan, qual_end))


# A sentence opening on the years to come (今后五年,…, 未来三年,…, 今后一个时期,…,
# “十五五”期间,…): what it sets out are goals, even in a review's section.
_YEARS_AHEAD_RE = re.compile(
    r"\s*(?:[一二三四五六七八九十]是|同时|此外|其中)?[,，]?\s*"
    r"(?:今后|未来|此后)(?:[一二三四五六七八九十两几\d]{1,2}年|一个时期|一段时期|一段时间)"
    r"(?!来|间[^,，])"
)


def opens_years_ahead(scan: str, s_start: int) -> bool:
    """Whether the sentence at `s_start` opens on the years to come."""
    return bool(_YEARS_AHEAD_RE.match(scan, s_start))


# 初步统计, 据初步核算: the statistics' first count of a period already over
# (初步统计,全市地区生产总值预计完成…): in a plan's text, a result.
_FIRST_COUNT_RE = re.compile(r"(?:据|经)?初步(?:统计|核算)")


def first_count(scan: str, s_start: int, pos: int) -> bool:
    """Whether the sentence before the figure at `pos` gives it as the
    statistics' first count (初步统计,…)."""
    return bool(_FIRST_COUNT_RE.search(scan, s_start, pos))


# A meeting or a plan that sets the figures of a named year (本次会议确定2008年
# 全市实现地区生产总值970亿元, 全会明确:2025年…, 规划提出2030年…): what follows
# in its sentence are that year's goals, even on a page posted after the year.
# Not 提出: 报告提出,2020年…增长3.7% quotes what a report says was reached.
_DECIDED_YEAR_RE = re.compile(
    r"(?:会议|全会|大会|会上|常委会|常务会|报告|规划|纲要|方案|意见|决定)"
    r"[^。;!?\n\d]{0,20}?(?<![已曾])(?:确定|明确|定下)了?\s*[:,]?\s*"
    r"((?:19|20)\d{2})\s*年(?!以来|[底末]?前|度?(?:工作)?(?:总结|情况)|\d)"
)
# A result told since the decision (实际增长6.5%, 已完成, 实现了): not its goal.
_RESULT_SINCE_RE = re.compile(r"实际|已|了|完成情况")


def decisions(scan: str) -> list[tuple[int, int, int]]:
    """Where decisions setting a named year's figures stand (start, end, year),
    found once for the text; most texts have none."""
    return [
        (m.start(), m.end(), int(m.group(1))) for m in _DECIDED_YEAR_RE.finditer(scan)
    ]


def decided_year(
    found: list[tuple[int, int, int]], scan: str, s_start: int, pos: int
) -> int | None:
    """The year a decision in the sentence before the figure at `pos` sets
    goals for, with no result told between it and the figure; else None."""
    k = bisect_left(found, (pos,)) - 1
    if k < 0 or found[k][0] < s_start or found[k][1] > pos:
        return None
    if _RESULT_SINCE_RE.search(scan, found[k][1], pos):
        return None
    return found[k][2]


def task_ratio(scan: str, near: str, qual_end: int) -> bool:
    """Whether the figure ending at `qual_end`, after `near`, is the task a
    completion ratio measures against (占任务200万元的114.4%)."""
    return bool(
        TASK_RATIO_HEAD_RE.search(near) and TASK_RATIO_AFTER_RE.match(scan, qual_end)
    )
