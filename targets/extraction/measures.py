"""Measure of a figure: level, increase, growth or change_pp, from the verbs
before it, its unit and the catalog indicator; a head 新增 scopes forward."""

from __future__ import annotations

import re
from bisect import bisect_left

from .catalog import (
    Indicator,
)
from .indicators import (
    _RANGE_MARKS,
    _Resolved,
)
from .lexicon import (
    _ADDED_VALUE_RE,
    _DECLINE_RE,
    _DECLINE_WORD_RE,
    _GREW_BY_RE,
    _GROWTH_ALIAS_RE,
    _GROWTH_RE,
    _GROWTH_WORD_RE,
    _INCREASE_CUE_RE,
    _LEVEL_CUE_RE,
    _NOISE_RE,
    _OWN_VERB_RE,
    _POST_QUAL_RE,
    _PRE_QUAL_RE,
    _RECURRING_RE,
    _REGISTER_RE,
    _VERB_CUT_RE,
)
from .numbers import (
    Quantity,
)
from .simplify import TRAILING_GLOSSES_RE

# Verbs that work on units that exist (改造, 提升改造, 升级, 打造, 整治): an item
# opening on one counts those units, no addition.
_WORKS_ON_STOCK_RE = re.compile(
    r"(?:全年|年内|再|继续|持续|重点|着力|加快)?"
    r"(?:改造|升级|提升|提质|打造|整治|改建|扩建|修缮|完善|规范)"
)

_RESPECTIVELY_VERB_RE = re.compile(r"分别(?:同比)?(增长|提高|下降|增加|回落|减少|上涨)")
_RESPECTIVELY_GROWTH_RE = re.compile(
    _RESPECTIVELY_VERB_RE.pattern + r"[^,;。]*?%[^;。]*$"
)
_MINUS = frozenset("-−")
_FILED_NEW_AFTER_RE = re.compile(
    r"(?:企业|单位|机构|项目|高校|团队)(?:新)?(?:获批|入选|被?列入|获评|被认定为|认定为|被评为|评为|获认定为?"
    # 8家企业通过认定, 5家单位获得认定: certified this time, an addition.
    r"|(?:顺利|成功|首次)?(?:通过|获得)(?:评审)?(?:认定|认证)|被认定(?!为))"
)
_TO_LEVEL_RE = re.compile(
    r"(?:提高|提升|上升|增长|增加|下降|降低|回落|跃升|攀升|升|降|增)(?:至|到)了?\s*$"
)
# 达, 达到: a copula before the figure, no stock word (累计, 总数) of its own.
_COPULA_LEVEL_RE = re.compile(r"达到?")
# 分别新增120家和达到500家: a figure or a join between them, another item.
_OTHER_ITEM_RE = re.compile(r"[\d、和及与,,;;]")
_RATE_WORD_RE = re.compile(r"增速|增幅|增长率|涨幅|降幅|速度")
_REGISTER_FILING_RE = re.compile(r"(?<!新)(?:入库备案|备案入库)")
# 新入库, 新增入库, 本年新纳入: entering the register this period is a flow; the
# bare 入库 (科技型中小企业入库2150家) and 重新入库 (renewed) are the stock.
_NEW_REGISTER_RE = re.compile(
    r"(?<!重)(?:新|新增|首次|首批)(?:评价|登记|注册|备案)?(?:入库|纳入|进库)"
)
_LIST_JOINS = frozenset("、,和及与")
# 申报, 申请认定, 推荐申报: a figure of applications filed (the firms or results
# put forward), whatever recognition verb follows.
_APPLIED_FOR_RE = re.compile(r"申报|申请|推荐")
# 力争申报认定国家国际科技合作基地1个: an aim to win the recognition, an addition.
_AIM_RE = re.compile(r"力争|争取|确保")
_GROWTH_AFTER_RE = re.compile(r"的(?:增长|成长|增幅)")
_FALL_IS_RE = re.compile(r"降幅(?:为|是|达|约)?\s*$")
# 有效期内高新技术企业, 高企保有量, 存量: the stock, whatever verb heads the clause;
# so is a total (新建农田37.9万亩,总产量72.4万吨; 粮食总产194.1亿斤).
_STOCK_WORD_RE = re.compile(r"有效期内|保有量|存量|在库|总产量?|总数|总量")
_RATE_INDICATOR_RE = re.compile(r"(?:涨幅|增幅|涨跌幅|上涨率|价格指数)$")


# 累计培育高企58家, 累计引进人才120名: the additions summed to date are the
# stock (the contract's 累计 gives level), unless they are 新增 of the period.
_CUMULATIVE_RE = re.compile(r"累计")


def _stock_of(cue: str, level: re.Match[str], inc: re.Match[str]) -> bool:
    """Whether the increase verb `inc` is one that 累计 (`level`) just sums."""
    return (
        _CUMULATIVE_RE.fullmatch(level.group()) is not None
        and inc.group()[0] not in "新净"
        and not cue[level.end() : inc.start()].strip()
    )


# 年均增加1000元, 每年新增50家: an amount added each year, not a yearly level
# (每年培训1000人).
_YEARLY_ADDED_RE = re.compile(r"(?:年均|每年|逐年)(?:净增|增加|新增|增收)$")


class MeasureReader:
    """Reads the measure of a figure (mixed into the walker)."""

    # measure ---------------------------------------------------------------
    def _measure(
        self,
        q: Quantity,
        seg: str,
        pre_item: str,
        res: _Resolved,
        g_start: int,
        item_start: int,
        ind: Indicator | None,
    ) -> tuple[str, bool]:
        measure, negative = self._measure_of(
            q, seg, pre_item, res, g_start, item_start, ind
        )
        if (
            measure in ("growth", "change_pp")
            and q.start >= 2
            and self.d.scan[q.start - 1] in _MINUS
            and self.d.scan[q.start - 2] in _LIST_JOINS
        ):
            # 分别增长5.6%、-2.4%: a later item of the list written with a minus.
            negative = not negative
        return measure, negative

    def _measure_of(
        self,
        q: Quantity,
        seg: str,
        pre_item: str,
        res: _Resolved,
        g_start: int,
        item_start: int,
        ind: Indicator | None,
    ) -> tuple[str, bool]:
        if seg in _RANGE_MARKS and self.records:
            prev = self.records[-1]
            if prev.end == q.start - len(seg) and prev.unit == q.unit:
                # 增长8%—8.5%: the upper end of a range is read as its lower end.
                return prev.measure, prev.value < 0
        if res.cue_start >= 0:
            seg = self.d.scan[res.cue_start : q.start]
        cue = seg.replace("增加值", "").replace("增长点", "")
        alias_cue = ""
        if ind is not None:
            alias_cue = _ADDED_VALUE_RE.sub("", res.name)
        if q.norm_unit == "pp":
            return "change_pp", bool(_DECLINE_RE.search(cue))
        if q.norm_unit == "%":
            if _GROWTH_AFTER_RE.match(self.d.scan, q.end):
                return "growth", False  # GDP实现5.2%的增长 (成长): the noun follows
            if ind is not None and _FALL_IS_RE.search(seg):
                return "growth", True  # 能耗降幅为5%左右: a fall of 5%
            if ind is not None and _RATE_INDICATOR_RE.search(ind.name):
                # 居民消费价格同比下降0.4%: the indicator is itself a rate of
                # change, so the figure is its level (−0.4), not a growth of it.
                if _TO_LEVEL_RE.search(cue):
                    return "level", False  # 涨幅回落到2%: the new level
                return "level", bool(_DECLINE_RE.search(cue))
            if (
                ind is not None
                and ind.norm_unit in ("%", "‰")
                and not _GROWTH_WORD_RE.search(self._rate_cue(cue, ind, q.start, seg))
            ):
                return "level", False
            if _TO_LEVEL_RE.search(cue) and not _RATE_WORD_RE.search(cue):
                # 占比由22.7%提升至25.8%, 比重提高到41.3%: the new level, not
                # the change (增速提高到5%: the rate itself, so still growth).
                return "level", False
            g = None
            for g in _GROWTH_RE.finditer(cue):  # noqa: B007 - keep the last one
                pass
            if g is not None or _GROWTH_ALIAS_RE.search(alias_cue):
                return "growth", bool(g is not None and _DECLINE_RE.match(g.group()))
            if ind is not None and ind.norm_unit in ("元", "美元", "count"):
                # A percent of an amount or a count is its change (争取达到6%).
                return "growth", False
            # …分别增长13%左右、9%左右: a later item of the list shares the verb.
            if not cue.strip(" 、,和及与") or len(cue) <= 2:
                lead = _RESPECTIVELY_GROWTH_RE.search(
                    self.d.scan, max(g_start, q.start - 60), q.start
                )
                if lead is None:
                    # A long list (分别增长12%,15%,…, thirty values): the verb
                    # stands after the last 分别 of the clause group.
                    f = self.d.scan.rfind("分别", max(g_start, q.start - 2400), q.start)
                    lead = (
                        _RESPECTIVELY_VERB_RE.match(self.d.scan, f) if f >= 0 else None
                    )
                if lead is not None:
                    return "growth", lead.group(1) in ("下降", "回落", "减少")
            return "level", False
        if _RECURRING_RE.search(pre_item):
            if _YEARLY_ADDED_RE.search(pre_item):
                return "increase", False  # 年均增加1000元: added each year
            return "level", False
        if (
            res.noun_end > q.end
            and q.norm_unit == "count"
            and _FILED_NEW_AFTER_RE.match(self.d.scan, q.end, res.noun_end)
            and not _LEVEL_CUE_RE.search(cue)
        ):
            # 3家单位获批省级工程技术研究中心, 12家企业入选…, 6个项目列入…: the
            # units newly recognised as what they are counted as (共有96家企业
            # 入选…: a stock).
            return "increase", False
        grew_by = bool(q.unit) and bool(_GREW_BY_RE.search(cue))
        if (
            _REGISTER_RE.search(cue)
            # 入库备案科技型中小企业: the 备案 of the register, not a new one.
            and not _INCREASE_CUE_RE.search(_REGISTER_FILING_RE.sub("入库", cue))
            and not grew_by
        ):
            if _NEW_REGISTER_RE.search(cue):
                self._group_inc[g_start] = True
                return "increase", False
            # 科技型中小企业入库2150家: entering the register is the stock.
            self._group_inc[g_start] = False
            return "level", False
        # Alias words (技术合同认定登记) are not verbs.
        seg_start = q.start - len(seg)
        masked = self._without_aliases(seg_start, q.start)
        cue = _NOISE_RE.sub("", masked.replace("增加值", "").replace("增长点", ""))
        if (
            q.norm_unit == "count"
            and _APPLIED_FOR_RE.search(cue)
            and not _AIM_RE.search(cue)
        ):
            # 申报认定高新技术企业2家, 申报优秀科技成果6个: the applications of
            # the period are counted as they stand, no addition to a stock.
            self._group_inc[g_start] = False
            return "level", False
        if (
            q.norm_unit == "count"
            and _WORKS_ON_STOCK_RE.match(cue)
            and self.d.scan[seg_start - 1 : seg_start] != "、"
        ):
            # 培育A30户,改造B2个,C10个: an item opening on a verb that works on
            # what exists (改造, 提升改造, 打造) ends the head verb's reach, and
            # the items after it are its own, counted as they stand.
            self._group_inc[g_start] = False
            return "level", False
        last_level = None
        for lm in _LEVEL_CUE_RE.finditer(cue):
            last_level = lm
        last_inc = None
        for im in _INCREASE_CUE_RE.finditer(cue):
            last_inc = im
        if last_inc is None and grew_by:
            last_inc = _GREW_BY_RE.search(cue)
        if last_inc is not None and (
            last_level is None
            or (
                last_inc.start() > last_level.start()
                and not _stock_of(cue, last_level, last_inc)
            )
            # 新增高企达6家: the additions came to so many, a copula after them.
            or (
                last_inc.group()[0] in "新净"
                and _COPULA_LEVEL_RE.fullmatch(last_level.group()) is not None
                and not _OTHER_ITEM_RE.search(cue, last_inc.end(), last_level.start())
            )
        ):
            self._group_inc[g_start] = True
            return "increase", bool(_DECLINE_RE.search(cue[last_inc.start() :]))
        if last_level is not None:
            self._group_inc[g_start] = False
            return "level", False
        if _DECLINE_WORD_RE.search(cue):
            return "increase", True
        # Head scope: 新增A 4家、B 1家 — unless this item has its own qualifier.
        # A bound after the figure is no verb of its own inside a 、 list
        # (新增A 80家、B 100家以上); after a comma it ends the head's reach.
        listed = self.d.scan[q.start - len(seg) - 1 : q.start - len(seg)] == "、"
        own_qual = (
            bool(_PRE_QUAL_RE.search(TRAILING_GLOSSES_RE.sub("", seg)))
            or (not listed and bool(_POST_QUAL_RE.match(self.d.scan, q.end)))
            or q.approx_more
        )
        # The head verb reaches only items that start with their noun (、省孵化器1家).
        bare = _NOISE_RE.sub("", masked)
        bare = re.sub(
            r"国家级|省级以上|市级以上|省级|市级|国家|省|市|全市|全县|[,、\s]", "", bare
        )
        own_verb = bool(_VERB_CUT_RE.search(bare) or _OWN_VERB_RE.search(bare))
        inc = self._group_inc.get(g_start)
        if inc is None:
            inc = self._head_increase(g_start, seg_start)
        if (
            inc
            and not listed
            and (
                q.norm_unit in ("元", "美元")
                or self._other_unit_than_head(q, g_start)
                or _STOCK_WORD_RE.search(seg)
            )
        ):
            # 新认定高企39家,技术合同成交额7亿元; 引进合同外资1.2亿美元,实际使用
            # 外资5402万美元; …,有效期内高新技术企业720家: past a comma, an
            # amount (a flow of the year) or a stock is no addition.
            inc = False
        if not own_qual and not own_verb and inc:
            return "increase", False
        return "level", False

    def _other_unit_than_head(self, q: Quantity, g_start: int) -> bool:
        """Whether the last figure of the clause group was read in another unit
        than `q` (a count before an amount)."""
        for rec in reversed(self.records):
            if rec.start < g_start:
                return False
            if rec.end <= q.start:
                return rec.norm_unit != q.norm_unit
        return False

    def _rate_cue(self, cue: str, ind: Indicator, pos: int, seg: str) -> str:
        """The cue words of a figure of a rate: a name ending in 增长率 (人口自然
        增长率控制在7.2‰) holds a growth word that is no verb of its own, so the
        aliases are cut out of the cue."""
        if not ind.name.endswith("率"):
            return cue
        return self._without_aliases(pos - len(seg), pos)

    def _head_increase(self, g_start: int, end: int) -> bool:
        """Whether the first item of the clause group opens with a 新增-like
        verb before its figure (新增全国重点实验室1家、…、新型研发机构12家),
        when no earlier item of the group was read (the first ones may be
        skipped: another region)."""
        d = self.d
        k = bisect_left(d.unit_starts, g_start)
        first = min(d.unit_starts[k] if k < len(d.unit_starts) else end, end)
        # A pure function of the group and its first figure, which every figure
        # of the group asks about again: remembered per walk.
        key = (g_start, first)
        found = self._head_incs.get(key)
        if found is None:
            found = self._head_incs[key] = self._first_item_increase(g_start, first)
        return found

    def _first_item_increase(self, g_start: int, first: int) -> bool:
        d = self.d
        # The head of the first item only (全市新增A 1家、B 24家).
        head_start = max(g_start, d.item_bounds(first, first)[0])
        head = self._without_aliases(head_start, first)
        head = _NOISE_RE.sub("", head.replace("增加值", "").replace("增长点", ""))
        inc = None
        for inc in _INCREASE_CUE_RE.finditer(head):  # noqa: B007 - keep the last one
            pass
        if inc is None:
            return False
        return not any(lm.start() > inc.start() for lm in _LEVEL_CUE_RE.finditer(head))
