"""What is not a target or an actual: parameters, thresholds, shares, ranks,
gaps to an average, completion rates, other regions, one company or platform."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import chain

from .indicators import (
    _clean_name,
    _Resolved,
    is_span_start,
    strip_rank_phrases,
)
from .lexicon import (
    _COMPLETION_RATE_RE,
    _ENTITY_SUBJECT_RE,
    _GAP_TO_AVG_RE,
    _GOAL_COUNT_RE,
    _GOAL_NOUN_AFTER_RE,
    _HANZI_RE,
    _NOISE_RE,
    _OTHER_REGION_RE,
    _PARAM_OR_COMPANY_RE,
    _PROVINCE_FIRST,
    _PROVINCE_SUBJECT_RE,
    _QUOTED_TARGET_RE,
    _RANK_RE,
    _SHARE_RE,
    _ZONE_SUBJECT_RE,
    NEXT_ITEM_AMOUNT,
    TASK_RATIO_AFTER_RE,
    TASK_RATIO_HEAD_RE,
)
from .numbers import (
    Quantity,
    parse_quantity,
)
from .regions import (
    gazetteer,
    is_own_zone,
    is_province_level,
    other_region_at,
)
from .simplify import _PINYIN_RE
from .units import PHYSICAL_UNITS

_PHYSICAL = frozenset(PHYSICAL_UNITS)
# 实现低于5%的…目标, 完成8%的目标任务: a goal said to be met or done.
_GOAL_MET_BEFORE_RE = re.compile(
    r"(?:实现|完成|达到|达成)(?:了)?(?:低于|高于|不低于|不超过)?$"
)
_SELF_CITY_RE = re.compile(r"[全我本]市|市级|市场|城市|上市|市民")
_GAP_TO_GROWTH_RE = re.compile(
    r"(?:超过|高于|低于|快于|慢于|超出|领先|好于)[^,;。]{0,16}(?:增速|增幅|增长)$"
)
# A growth rate set against the same rate of an earlier part of the year
# (跌幅比首10月扩大, 增速较上半年提高, 增幅比一季度回落): how the rate moved.
_GAP_TO_PART_YEAR_RE = re.compile(
    r"(?:增速|增幅|跌幅|降幅|涨幅)[^,;。]{0,4}(?:比|较)(?:今年|上年|去年)?"
    r"(?:上半年|[一二三四]季度|前三季度|[首前][\d一二三四五六七八九十]{1,2}个?月|"
    r"\d{1,2}\s*[-—至]\s*\d{1,2}\s*月|上月|上季度)"
)
# An item that opens with the earlier part of the year it compares with
# (…增长8%、较一季度提高1.8个百分点): the rate's move, not a figure of its own.
_PART_YEAR_BASE_LEAD_RE = re.compile(
    r"[,、\s]*(?:比|较)(?:今年)?(?:上半年|[一二三四]季度|前三季度|"
    r"[首前][\d一二三四五六七八九十]{1,2}个?月|\d{1,2}\s*[-—至]\s*\d{1,2}\s*月份?|上月|上季度)"
)
# 在全省地级市中, 居全省前列: the province as a peer group the place is ranked in;
# 跃升至全省第4位、达到…: a rank the item states before its figure.
_PEER_GROUP_RE = re.compile(
    r"(?<=在)(?:全省|全国)(?=率先|首个|首家)|"
    r"(?:全省|全国|省内|国内)(?:第[\d一二三四五六七八九十]{1,3}(?:位|名)?|前列|首位|"
    r"前[\d一二三四五六七八九十]{1,2}(?:位|名)?)(?=\s*[、,,])|"
    r"(?:全省|全国|省内|国内)(?:[\u4e00-\u9fff]{0,8}?中(?=率先|首个|首家|第一|唯一|排名|位居|位列|居)|"
    r"(?:同类|同级)?(?:城市|地级市|县市区|县区|设区市)中率先)"
)
_SHARE_WHOLE_END_RE = re.compile(
    r"的?(?:比重|比例|占比|之比|比值)(?:为|是|达到|达|约)?$"
)
_PAREN_NOTE_RE = re.compile(r"\([^()]{0,24}\)")
# 12项主要预期目标, 17项指标: the goals of a plan counted, not an indicator.
_GOALS_NOUN_RE = re.compile(r"(?:主要|约束性|预期性)?(?:预期)?(?:指标|目标)")
_GOALS_SET_RE = re.compile(
    r"[\d一二三四五六七八九十两]+项[\u4e00-\u9fff]{0,6}?(?:目标|指标)(?:任务)?中"
)
# 十二届二次全会, 七届三次会议: a session's number.
_SESSION_AFTER_RE = re.compile(
    r"(?:[、和及][一二三四五六七八九十]+次)*(?:全会|全体会议|会议|党代会|全委会|人代会)"
)
_PROJECT_BATCH_RE = re.compile(r"(?:总投资|投资总额|计划投资)[^,;。]{0,12}的$")
_PER_UNIT_RULE_RE = re.compile(
    r"(?:每个|每一个|每家|每所|每村|每镇|每乡|每县)[^,;。]{0,16}(?:至少|不少于)?[^,;。]{0,6}$"
)
_PHASE_RE = re.compile(r"[\d一二三四五六七八九十]期(?!间|末|内|[\d])")
# What stands before a later item of a list of figures (、, 和, 38.3%和).
_LIST_JOIN_ONLY_RE = re.compile(
    r"[\s、和及与]*(?:[\d.]+\s*(?:%|个百分点)?\s*[、,和与及]\s*)*"
)
# 增速较去年同期增长8.6%, 增幅比上年提高3%: a rate set against last year's rate.
_RATE_GAP_RE = re.compile(
    r"(?:增速|增幅|增长速度)(?:较|比)(?:去年同期|上年同期|去年|上年)"
    r"(?:增长|提高|加快|上升|回升|增加)了?$"
)
# 7个县区生产总值超过百亿元, 5个乡镇财政收入超亿元: how many places pass a mark.
_UNITS_COUNTED_RE = re.compile(
    r"[\d一二三四五六七八九十两]+个(?:县区|县市区|区县|县市|县|乡镇|镇|街道)"
)
# 首次突破百亿元大关, 跨越3个千亿元台阶: a round mark passed, not the figure.
_MILESTONE_AFTER_RE = re.compile(r"大关|关口|台阶|大台阶|门槛")
# 73.6亿元, 60亿 (a bare 亿 is money, as units.normalise reads it).
_MONEY_UNIT = r"(?:(?:万亿|亿)(?:元|美元)?|万?(?:元|美元))"
_MONEY_FIGURE_RE = re.compile(r"\d[\d.,]*\s*" + _MONEY_UNIT)
# 先后跨越2500亿元、3000亿元、3500亿元台阶: a list of round marks passed, each
# item one of them (the list ends with the mark's noun).
_MARK_NOUN = (
    r"\s*(?:的)?(?:[一二三四五六七八九十两\d]+个)?新?(?:"
    + _MILESTONE_AFTER_RE.pattern
    + r")"
)
_MARK_NOUN_AFTER_RE = re.compile(_MARK_NOUN)
_MARK_LIST_AFTER_RE = re.compile(
    r"(?:\s*[、和及]\s*\d[\d.,]*\s*" + _MONEY_UNIT + r")+" + _MARK_NOUN
)
# 跨越3个千亿元台阶, 连跨两个台阶: how many marks were passed, no indicator.
_MARKS_COUNTED_RE = re.compile(
    r"[一二三四五六七八九十百千万亿\d.]*(?:元|美元)?(?:的)?新?(?:"
    + _MILESTONE_AFTER_RE.pattern
    + r")"
)
# 经济总量连续突破五千亿元、六千亿元: round marks crossed one after another.
_NUMERAL = r"[\d.,一二三四五六七八九十百千两]+\s*" + _MONEY_UNIT
_SERIAL_CROSSING_RE = re.compile(
    r"(?:先后|相继|接连|连续|陆续|连)(?:突破|跨越|跨过|迈上|迈过|越过|站上|跨上|跃上)"
    r"(?:" + _NUMERAL + r"\s*[、和及]\s*)*$"
)
_SERIAL_NEXT_RE = re.compile(r"\s*[、和及]\s*" + _NUMERAL)
_MARK_LIST_BEFORE_RE = re.compile(r"\d[\d.,]*\s*" + _MONEY_UNIT + r"\s*[、和及]\s*$")
# 人均地区生产总值达到8476元,首次超过1000美元; 实现3187.1亿元,首次突破3000亿元:
# a first crossing right after the exact amount restates it as a round mark.
_FIRST_MARK_AFTER_AMOUNT_RE = re.compile(
    r"\d[\d.,]*\s*(?:万亿|亿|万)?(?:元|美元)\s*[,、]\s*(?:并|且)?"
    r"(?:首次|首破|历史性)(?:突破|超过|迈过|跨过|越过|站上|迈上|跨上)?\s*(?:人民币)?$"
)
# 跨越30亿关口,完成38.9亿元; 突破50亿,达到52.3亿元: a round mark crossed, then
# the exact amount in the next clause (the mark restates it). The mark noun may
# be left out when a crossing verb stands right before the mark.
_CROSSING_BEFORE_RE = re.compile(
    r"(?:首次|历史性|先后|相继|连续|一举)?(?:突破|跨越|跨过|迈上|迈过|越过|站上|跨上|跃上)\s*$"
)
_AMOUNT_CLAUSE_AFTER_RE = re.compile(
    r"\s*[,,]\s*(?:全年|当年)?(?:完成|实现|达到|达|为|共计|总计)了?\s*\d[\d.,]*\s*"
    + _MONEY_UNIT
)
# 增长4.8%规上工业增加值增长7.4%: a name glued to the figure before it, with a
# verb and a figure of its own, starts the next clause (a lost comma).
_OWN_FIGURE_AFTER_NAME_RE = re.compile(
    r"(?:同比|比上年)?(?:预计)?(?:增长|下降|增速|增幅|提高|回落|达到|达|完成|实现|为)"
    r"\s*[-负]?\d"
)
# 60、70、80亿元三道大关, 100、200亿元两个台阶: round marks counted as
# milestones passed, each no figure of the indicator (the level follows).
_MILESTONES_AFTER_RE = re.compile(
    r"(?:\s*[、和及]\s*\d+(?:\.\d+)?)*\s*(?:万亿|千万|万|亿)?"
    r"(?:元|美元|家|个|人|吨)?\s*[一二三两四五六七八九十\d]{1,2}(?:道|个|大)?"
    r"(?:大关|关口|台阶|门槛)"
)
# 增长12%区级税收增长5%: a growth rate, then a name with a growth rate of its own.
_GROWTH_VERB_END_RE = re.compile(r"(?:增长|下降|增速|增幅)[-负]?$")


def _glued_to_growth(scan: str, start: int) -> bool:
    """Whether a rate glued to the one before it (4%6.2%) follows a growth."""
    if scan[start - 1 : start] != "%":
        return False
    p = start - 1
    while p > 0 and (scan[p - 1].isdigit() or scan[p - 1] == "."):
        p -= 1
    return bool(_GROWTH_VERB_END_RE.search(scan, max(0, p - 6), p))


_GLUED_GROWTH_RE = re.compile(
    r"[\u4e00-\u9fff]{2,20}?(?:同比)?(?:增长|下降|增速|增幅)[-负]?\d"
    # 增长6%一般公共预算收入56亿元: the next item's name and amount.
    r"|" + NEXT_ITEM_AMOUNT
)
# 增长12%预计进出口总额…, 增长5%全体居民人均可支配收入…: a lead word of the next
# clause between the figure and its catalog name.
_GLUED_LEAD_RE = re.compile(r"预计|全体|全区|全市|全县|其中|同期")
# 增长2%等。 closes a list of figures; 实现5.2%的增长 (成长, 增幅) names the
# growth after the figure: neither is a rate in a rule.
# 增长7%的目标, 增长8%的年度目标: the value of a goal (fixsplit2), not a rate in a rule.
_LIST_END_OR_GROWTH_AFTER_RE = re.compile(
    # 增长9%目标, 增长9%的目标: the figure is a goal's value, no rule's rate.
    r"等(?:[,;。、)\n]|$)|的(?:增长|成长|增幅)|的?(?:预期|发展|奋斗|年度|全年)?目标"
    # 比目标7.5%高了0.3个百分点: a figure a result is compared with.
    r"|(?:高|低|快|慢|多|少)(?:了|出)?\s*\d"
)
# 8项重点工作, 11个方面, 70项具体工作任务, 11项为民办实事项目: how the document
# or the year's work is organised, not an indicator.
_OWN_STRUCTURE_RE = re.compile(
    r"(?:重点工作|方面|大方面|部分)(?:中|的|任务|工作)?"
    r"|(?:具体|重点|主要)?工作任务|(?:为民|民生|惠民|便民)?办?实事"
)


# A sentence whose subject is a zone inside the place (起步区“五年成形”…, 某某
# 新旧动能转换起步区…, 示范区全域…): its figures are the zone's, not the text's
# region, until the text speaks of itself again (全市…). Not a count of zones
# (省级示范区5个, 创建示范区) nor a verb working on one (建设起步区).
_ZONE_SENTENCE_RE = re.compile(
    r"(?:[\s,]|(?:19|20)\d{2}年|\d{1,2}月(?:\d{1,2}日)?)*(?:其中)?[,:\s]*"
    r"(?!新建|新增|建成|建设|组建|成立|依托|推动|推进|支持|创建|争创|获批|获评|申报|"
    r"打造|认定|入选|加快|全力|围绕|聚焦|全市|全县|全区|全省)"
    r"(?![^,。;:]{0,12}级)"
    r"[\u4e00-\u9fff]{0,10}?"
    r"(起步区|示范区|高新区|经开区|开发区|片区|自贸试验区|自贸区|合作区|试验区)"
    r"(?![\d一二两三四五六七八九十]|[个家座处]|[\u4e00-\u9fff]{0,2}(?:管委会|企业|数量|总数|个数))"
)


class ExclusionRules:
    """Exclusion checks (mixed into the walker)."""

    def _serial_crossing(self, q: Quantity, qual_end: int) -> bool:
        """Whether `q` is one of two or more round marks crossed in turn
        (连续突破五千亿元、六千亿元)."""
        scan = self.d.scan
        lead = _SERIAL_CROSSING_RE.search(scan, max(0, q.start - 40), q.start)
        if lead is None:
            return False
        listed = lead.group().endswith(tuple("、和及")) or scan[
            lead.start() : q.start
        ].rstrip().endswith(tuple("、和及"))
        return listed or _SERIAL_NEXT_RE.match(scan, qual_end) is not None

    def _clause_glued_at(self, pos: int) -> bool:
        """Whether a clause of its own starts at `pos`, no punctuation before it:
        a catalog name, its verb and figure (增长4.8%规上工业增加值增长7.4%)."""
        scan = self.d.scan
        lead = _GLUED_LEAD_RE.match(scan, pos)
        at = (pos, lead.end()) if lead else (pos,)
        return any(
            h.start in at and _OWN_FIGURE_AFTER_NAME_RE.match(scan, h.end)
            for h in self.d.aliases_between(pos, min(len(scan), pos + 24))
        )

    def _mark_before_amount(self, q: Quantity, qual_end: int) -> bool:
        """A round mark crossed (跨越30亿关口, 突破50亿) right before the exact
        amount of the next clause (,完成38.9亿元)."""
        scan = self.d.scan
        if not _CROSSING_BEFORE_RE.search(scan, max(0, q.start - 8), q.start):
            return False
        mark = _MARK_NOUN_AFTER_RE.match(scan, qual_end)
        return (
            _AMOUNT_CLAUSE_AFTER_RE.match(scan, mark.end() if mark else qual_end)
            is not None
        )

    def _milestone_restated(self, q: Quantity, qual_end: int) -> bool:
        """A round mark (百亿元大关) counted in steps (3个千亿元台阶) or stated
        next to the exact figure of the same sentence (114.76亿元,首次突破…)."""
        scan = self.d.scan
        if scan[q.start - 1 : q.start] == "个":
            return True
        lo, hi = max(0, q.start - 40), min(len(scan), qual_end + 40)
        for stop in "。;\n":
            k = scan.rfind(stop, lo, q.start)
            if k >= 0:
                lo = k + 1
            k = scan.find(stop, qual_end, hi)
            if k >= 0:
                hi = k
        # …2024年站上952.24亿元,2025年突破千亿元大关: a figure short of the
        # mark does not restate it; the mark is news of its own.
        return any(
            (exact := parse_quantity(m.group())) is None
            or exact.norm_value >= q.norm_value
            for m in chain(
                _MONEY_FIGURE_RE.finditer(scan, lo, q.start),
                _MONEY_FIGURE_RE.finditer(scan, qual_end, hi),
            )
        )

    # exclusions ------------------------------------------------------------
    def _is_excluded(
        self,
        q: Quantity,
        post: re.Match[str] | None,
        seg: str,
        pre_item: str,
        item_text: str,
        qual_end: int,
        item_start: int,
    ) -> bool | str:
        scan = self.d.scan
        after = scan[q.end : q.end + 24]
        if ("关" in after or "台阶" in after or "门槛" in after) and (
            _MILESTONES_AFTER_RE.match(scan, q.end)
        ):
            return True  # 跨越60、70、80亿元三道大关: marks passed, no figure
        if q.norm_unit == "%" and _LIST_JOIN_ONLY_RE.fullmatch(pre_item):
            # 贡献率分别为2.5%、38.3%和59.2%: a later item of a list whose head
            # is a contribution to growth, as the first is.
            lo = max(0, q.start - 80)
            lo = max([lo] + [scan.rfind(c, lo, q.start) + 1 for c in ";。\n"])
            if is_contribution(q, _PINYIN_RE.sub("", scan[lo : q.start])):
                return True
        if q.norm_unit == "%" and _RATE_GAP_RE.search(pre_item):
            return True  # 增速较去年同期增长8.6%: this year's rate against last year's
        if q.norm_unit in ("元", "美元") and _UNITS_COUNTED_RE.search(pre_item):
            return True  # 7个县区生产总值超过百亿元: a count of counties, no figure
        if "占" in pre_item:
            share = _SHARE_RE.search(pre_item)
            if (
                share
                and not self._inside_alias(item_start + share.start())
                and not self._share_of_indicator(pre_item, share)
                and not self._named_share(pre_item, share, q)
                and not self._bracket_names_share(pre_item, q)
            ):
                return True
        if _GAP_TO_AVG_RE.search(pre_item) or _RANK_RE.search(
            # 跃居全省第3位、达到…: the rank is closed; 排名全市第1位(预期目标为
            # 8.5%以上): so is a rank before a bracket the figure opens.
            strip_rank_phrases(_after_last_note(seg))
        ):
            return True
        if q.norm_unit == "pp" and _GAP_TO_GROWTH_RE.search(pre_item):
            return True  # 超过一般公共预算支出增速29.3个百分点: a gap, not a change
        if q.norm_unit == "pp" and (
            _GAP_TO_PART_YEAR_RE.search(pre_item)
            or _PART_YEAR_BASE_LEAD_RE.match(pre_item)
        ):
            # 增速较上半年提高0.2个百分点, 增长8%、较一季度提高1.8个百分点: the
            # gap between the rates of two periods of the year.
            return True
        if (
            q.chinese
            and q.norm_unit in ("元", "美元")
            and _MILESTONE_AFTER_RE.match(scan, qual_end)
            and self._milestone_restated(q, qual_end)
        ):
            return True
        if q.norm_unit == "count" and _MARKS_COUNTED_RE.match(scan, q.end):
            return True
        if q.norm_unit in ("元", "美元") and (
            _MARK_LIST_AFTER_RE.match(scan, qual_end)
            or self._serial_crossing(q, qual_end)
            or (
                _MARK_NOUN_AFTER_RE.match(scan, qual_end)
                and _MARK_LIST_BEFORE_RE.search(scan, max(0, q.start - 20), q.start)
            )
        ):
            return True
        if q.norm_unit in ("元", "美元") and self._mark_before_amount(q, qual_end):
            return True
        if q.norm_unit in ("元", "美元") and _FIRST_MARK_AFTER_AMOUNT_RE.search(
            scan, max(0, q.start - 40), q.start
        ):
            return True
        if pre_item.endswith(("出现", "提到", "提及")):
            return True  # “发展”出现67次: how often a word is used
        if q.norm_unit == "count" and _OWN_STRUCTURE_RE.match(scan, q.end):
            return True  # 8项重点工作, 11个方面: how the document is organised
        if q.unit == "项" and (
            _GOAL_NOUN_AFTER_RE.match(scan, q.end)
            or _GOAL_COUNT_RE.search(scan, self.d.group_bounds(q.start)[0], q.start)
        ):
            return True  # 12项主要预期目标中…其余9项: counts of the goals themselves
        if q.norm_unit == "count" and _PROJECT_BATCH_RE.search(pre_item):
            return (
                True  # 推进总投资120亿元的35个项目: a batch of projects named by size
            )
        if q.norm_unit == "count" and _PER_UNIT_RULE_RE.search(pre_item):
            return True  # 在每个重点产业至少建立1家: a rule per unit, not a total
        if q.norm_unit == "count" and _PHASE_RE.match(scan, q.end - 1):
            return True  # 污水处理厂3期: a phase of one plant
        if q.norm_unit == "%" and (
            _COMPLETION_RATE_RE.search(pre_item)
            or (
                ")" in pre_item
                and _COMPLETION_RATE_RE.search(_PAREN_NOTE_RE.sub("", pre_item))
            )
        ):
            return True  # 完成全年目标(…)的61.6%: a completion rate
        if q.unit == "项" and self._counts_own_goals(q):
            return True  # 12项主要预期目标中…其余9项: the plan's goals, counted
        if q.unit == "次" and (
            scan[q.start - 1 : q.start] == "届" or _SESSION_AFTER_RE.match(scan, q.end)
        ):
            return True  # 十二届二次全会: the number of a session
        if _PARAM_OR_COMPANY_RE.search(item_text):
            return True
        other = _OTHER_REGION_RE.search(pre_item)
        # 在全省地级市中率先突破4000亿元: the province is the group the place is
        # compared in, not the subject of the figure.
        peer = (
            other is not None
            and _PEER_GROUP_RE.match(pre_item, other.start()) is not None
            and _OTHER_REGION_RE.search(pre_item, other.end()) is None
        )
        if (
            other
            and not peer
            and not (other.group() in ("全省", "省内") and self._own_is_province())
        ):
            return "region"
        zone = _ZONE_SUBJECT_RE.match(pre_item)
        own = self.info.region or ""
        if (
            zone
            and not zone.group().lstrip("其中, ").startswith("园区")
            and not is_own_zone(zone.group().lstrip("其中, "), own)
        ):
            return "region"  # a zone's figure, unless the zone's own text
        if pre_item[:1] in _PROVINCE_FIRST:
            pm = _PROVINCE_SUBJECT_RE.match(pre_item)
            if pm and not (self.info.region or "").startswith(pm.group(1)[:2]):
                return "region"
        if "市" in pre_item and "市" in _SELF_CITY_RE.sub("", pre_item):
            own = self.info.region or ""
            if other_region_at(pre_item, own):
                return "region"  # 合肥市高新技术企业… in a 六安 document
        tail = scan[qual_end : qual_end + 2]
        if post and post.group(1) in ("以上", "以下") and tail[:1] == "的":
            return True
        if (
            post
            and post.group(1) in ("以上", "以下")
            and q.norm_unit in ("元", "%")
            and _HANZI_RE.match(tail[:1] or " ")
        ):
            return True
        if (
            q.norm_unit == "%"
            and not post
            and _HANZI_RE.match(tail[:1] or " ")
            and tail[:1] not in "以左上和及与或、"
            and not _LIST_END_OR_GROWTH_AFTER_RE.match(scan, qual_end)
            and not is_span_start(scan, q.start, qual_end, item_start + len(item_text))
            # 为2.8%,低于4%的全年调控目标: the year's goal quoted back beside its
            # result, not a rule (实现低于5%的目标 says the goal was met).
            and not (
                _QUOTED_TARGET_RE.match(scan[qual_end : qual_end + 12])
                and not _GOAL_MET_BEFORE_RE.search(pre_item)
            )
            and not _place_residue_at(scan, qual_end)
            and not self._clause_glued_at(qual_end)
            # 分别增长4%6.2%入选…: the second rate of a list glued to the first
            # (not 分别占全省49.5%25.8%: a share, as the first).
            and not (not pre_item and _glued_to_growth(scan, q.start))
            # 收入增长-19%区级税收增长-36.8%: a growth glued to the next growth.
            and not (
                _GROWTH_VERB_END_RE.search(pre_item)
                and _GLUED_GROWTH_RE.match(scan, qual_end)
            )
        ):
            return True  # 按20%比例, 100%政策, 50%的补助: a rate in a rule
        if (
            q.unit in _PHYSICAL
            and _HANZI_RE.match(tail[:1] or " ")
            and tail[:1] not in "以左上和及与或"
        ):
            return True  # 5万吨碳纤维项目, 10万千瓦光伏电站: the size of one project
        # 500万元的项目: the size of one; not 占任务200万元的114.4%, the task,
        # nor …、收入达到80亿元的增长目标, the last goal of a list.
        return (
            q.norm_unit == "元"
            and tail.startswith(("规模", "的"))
            # 达到1200亿元的增长目标: a goal's value, not one project's size.
            and not _LIST_END_OR_GROWTH_AFTER_RE.match(scan, qual_end)
            and not (
                TASK_RATIO_AFTER_RE.match(scan, q.end)
                and TASK_RATIO_HEAD_RE.search(pre_item[-12:])
            )
        )

    def _share_of_indicator(self, pre_item: str, share: re.Match[str]) -> bool:
        """占同期GDP比重, 占当年地区生产总值的比例: the whole after 同期 is another
        catalog indicator (an intensity such as R&D over GDP), not the same
        period's total of what the clause counts."""
        if not share.group().endswith("同期"):
            return False
        whole = _SHARE_WHOLE_END_RE.sub("", _NOISE_RE.sub("", pre_item[share.end() :]))
        if not whole:
            return False
        hit = self.catalog.resolve(whole)
        return hit is not None and hit.norm_unit != "%"

    def _named_share(self, pre_item: str, share: re.Match[str], q: Quantity) -> bool:
        """财政科技支出占全市公共财政支出比例达3.1%: a share the catalog names
        once the place before its whole is dropped is an indicator of the
        place, not a part of its total."""
        if q.norm_unit != "%" or share.start() < 2:
            return False
        place = _SHARE_PLACE_RE.match(pre_item, share.start())
        if place is None:
            return False
        name = pre_item[: share.start()] + "占" + pre_item[place.end() :]
        name = _SHARE_TAIL_VERB_RE.sub("", name)
        hit = self.catalog.resolve(_clean_name(name)) or self.catalog.resolve(
            _NOISE_RE.sub("", name).strip()
        )
        return hit is not None and hit.norm_unit == "%"

    def _bracket_names_share(self, pre_item: str, q: Quantity) -> bool:
        """占全市常住人口的比重(常住人口城镇化率)为40.97%: the share spelled out,
        then the catalog's name for it in brackets right before the figure."""
        if q.norm_unit != "%":
            return False
        m = _BRACKET_NAME_END_RE.search(pre_item)
        if m is None:
            return False
        hit = self.catalog.resolve(m.group(1).strip())
        return hit is not None and hit.norm_unit == "%"

    def _counts_own_goals(self, q: Quantity) -> bool:
        """A count of the goals or indicators themselves (12项主要预期目标,
        17项指标达到预期, …中,3项未公布…,其余9项均进展良好)."""
        scan = self.d.scan
        if _GOALS_NOUN_RE.match(scan, q.end):
            return True
        s_start, _ = self.d.sentence_bounds(q.start)
        return _GOALS_SET_RE.search(scan, s_start, q.start) is not None

    def _mark_skip(self, item_start: int) -> None:
        # An excluded figure (全省…, shares) poisons follow-ups that inherit from it.
        g = self.d.group_bounds(item_start)[0]
        self._last_in_group[g] = (_Resolved("", None, 0, False), None, "skip")

    def _own_is_province(self) -> bool:
        return is_province_level(self.info.region)

    def _entity_sentence(self, s_start: int) -> bool:
        """Whether the sentence opens with one company or platform (cached)."""
        hit = self._entities.get(s_start)
        if hit is None:
            hit = bool(_ENTITY_SUBJECT_RE.match(self.d.scan, s_start))
            self._entities[s_start] = hit
        return hit

    def _zone_sentence(self, s_start: int) -> bool:
        """Whether the sentence opens with a zone inside the place as its subject
        (起步区“五年成形”目标基本实现,预计全域…; 某某新区…) in a text that is not
        that zone's own (cached)."""
        hit = self._zone_sentences.get(s_start)
        if hit is None:
            m = _ZONE_SENTENCE_RE.match(self.d.scan, s_start)
            hit = m is not None and not is_own_zone(m.group(1), self.info.region)
            self._zone_sentences[s_start] = hit
        return hit

    def _inside_alias(self, pos: int) -> bool:
        # 财政科技支出占一般公共预算支出比重 is an alias, not a share of a total.
        k = bisect_right(self.d.alias_starts, pos) - 1
        return k >= 0 and self.d.aliases[k].end > pos


# 占全市公共财政支出比例: the place before the whole of a share.
_SHARE_PLACE_RE = re.compile(r"(?:分别)?占(?:了)?(?:全省|全市|全区|全县)")
# …比例达, …比重为: the verb between a share and its figure.
_SHARE_TAIL_VERB_RE = re.compile(
    r"(?<=比重|比例|占比)(?:提升|提高|上升|增长|增加|下降|降低|达到|达|为|是)?(?:至|到|为|在)?了?\s*$"
)


# Dates, clock times, rankings and section numbers are never records (issue 11).
_DATE_PART_BEFORE_RE = re.compile(
    r"(?:\d|[一二三四五六七八九十〇零])\s*[年月日时]\s*$|\d\s*[::]\s*$"
)
_CLOCK_AFTER_RE = re.compile(r"\s*[::]\s*\d")
_RANK_AFTER_RE = re.compile(r"\s*(?:个)?(?:位次|名次)")
_RANK_BEFORE_RE = re.compile(
    r"(?:排名|排位|位次|名次|位居|位列|排在|排第|列第|居第)[^,;。、]{0,8}$"
)
_SECTION_NO_BEFORE_RE = re.compile(
    r"(?:附件|附表|表|图|章|节|条|款|专栏|序号|编号|目录|【关键词)\s*$"
)


def _place_residue_at(scan: str, pos: int) -> bool:
    """Whether a place name alone stands at `pos`, closing its clause (增长9.7%
    晋中。: a site's name glued to the figure, no noun the rate applies to)."""
    place = gazetteer().name_at(scan, pos, min(len(scan), pos + 10))
    if len(place) < 2:
        return False
    end = pos + len(place)
    return end >= len(scan) or scan[end] in "。;,\n!?"


# A bracket that opens a note of words (not a pinyin gloss: 区(qū)).
_NOTE_OPEN_RE = re.compile(r"[(（](?=[\u4e00-\u9fff])")


def _after_last_note(seg: str) -> str:
    """What follows the last bracketed note opened in `seg` (all of it if none)."""
    start = 0
    for m in _NOTE_OPEN_RE.finditer(seg):
        start = m.end()
    return seg[start:]


def is_date_rank_or_number(scan: str, q: Quantity, pre_item: str) -> bool:
    """A figure that is part of a date or a clock time (2024年1月30, 14:30),
    a ranking (前移3个位次, 排名上升2) or a section number (附件3, 表2)."""
    if q.norm_unit == "count" and _RANK_AFTER_RE.match(scan, q.end):
        return True  # 前移3个位次: a change of rank
    if q.unit:
        return False
    if _DATE_PART_BEFORE_RE.search(pre_item) or _CLOCK_AFTER_RE.match(scan, q.end):
        return True
    return bool(
        _RANK_BEFORE_RE.search(pre_item) or _SECTION_NO_BEFORE_RE.search(pre_item)
    )


# Contributions to growth are not the indicator that grows (issue 11).
# The figures of a list shared out by 分别 may stand between the cue and this one
# (贡献率分别为1.8%、65.0%和33.2%; 分别拉动…2.1、0.8个百分点).
_EARLIER_FIGURES = r"(?:[\d.]+\s*(?:%|个百分点)?\s*[、,和与及]\s*)*"
_PULL_RE = re.compile(
    r"拉动[^,;。]{0,16}(?:增长|增速|增幅|上涨)(?:分别)?(?:为|达到?|了)?\s*"
    + _EARLIER_FIGURES
    + "$"
)
_CONTRIBUTION_RE = re.compile(
    r"(?:对|占)[^,;。]{0,16}(?:增长|增量)(?:的)?贡献(?:率|度)?[^,;。]{0,6}"
    + _EARLIER_FIGURES
    + "$"
)


def is_contribution(q: Quantity, pre_item: str) -> bool:
    """拉动GDP增长1.2个百分点, 对经济增长的贡献率60%: the share of a part in the
    growth of the whole, not the growth of the whole."""
    if q.norm_unit in ("pp", "%") and _PULL_RE.search(pre_item):
        return True
    return q.norm_unit == "%" and bool(_CONTRIBUTION_RE.search(pre_item))


# Statements that give no figure of an indicator, read over the clause before
# the figure (from the last comma or stop), a 、 list included:
# - a rate set against a rate (增速较去年同期增长8.6%): a change of the growth
#   (a named rate, 人口自然增长率比上年下降0.4%, is a figure of its own);
_RATE_VS_RATE_RE = re.compile(
    r"(?:增速|增幅)[^,;。、]{0,2}(?:较|(?<!同)比)[^,;。]{0,12}?"
    r"(?:增长|提高|加快|上升|回落|下降|放缓)了?\s*$"
)
# - a count of places passing a mark (7个县区生产总值超过百亿元): not the
#   region's own figure;
_PLACES_COUNTED_RE = re.compile(
    r"[\d一二三四五六七八九十两]+个(?:县市区|县区|县市|区县|市县|县|区|乡镇|镇|街道|园区|"
    r"开发区|旗)[^,;。\d]{0,16}$"
    # …园区中5个财政科技投入增幅超15%: so many of a group pass the mark.
    r"|(?:中|其中|有)[\d一二三四五六七八九十两]+个[^,;。\d]{0,16}"
    r"(?:超过|超|突破|高于|达到|达)$"
)
# - units brought to take part (组织2364家企业开展评价): a count of participants;
_ORGANISED_BEFORE_RE = re.compile(r"(?:组织|动员|发动|带领|引导)(?:了|全市|共)?\s*$")
_TAKE_PART_AFTER_RE = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:开展|参加|参与|参评|参展|进行|接受)"
)


# - the money put into a counted batch of projects (331项重点工程加速实施,完成
#   投资403.5亿元): what they took, not the region's fixed-asset investment.
_PROJECTS_INVESTED_RE = re.compile(
    r"\d+\s*[项个][^。;!?]{0,16}?(?:工程|项目)[^。;!?\d]{0,24}?"
    r"(?:累计)?完成(?:了)?投资(?:额)?(?:达到?|为)?\s*$"
)


# - a population sizing a market or a place (面对13亿人口的市场, 辐射5000万人的
#   城市群): a description, no figure of the region;
_SIZE_OF_AFTER_RE = re.compile(
    r"口?(?:以上)?的[\u4e00-\u9fff]{0,5}?(?:市场|城市群|大城市|城市|大国|国家|腹地|经济体|经济圈)"
)
# 的比重(常住人口城镇化率)为, 所占比例(即研发投入强度)达到: a name in brackets
# closing the clause before its figure.
_BRACKET_NAME_END_RE = re.compile(
    r"\((?:即|也即|亦即)?([^()\d\n]{2,20})\)\s*(?:为|是|达到?|约为|已达)?\s*$"
)


# - the money of one named thing (投资6.5亿元“某某中学”建成投用, 总投资12亿元
#   的新材料产业园项目开工): its own cost, not the region's investment.
_INVESTED_IN_BEFORE_RE = re.compile(r"(?:总)?投资(?:额)?(?:约|近|超过?|达)?\s*$")
_NAMED_THING_AFTER_RE = re.compile(
    r"\s*(?:[“\"《「『]"
    r"|的[^,;。!?\d]{1,16}?(?:项目|工程|园|基地|中心|学校|中学|小学|医院|大楼|场馆|馆)"
    r"(?:[,;。!?\s]|建成|开工|投用|投产|竣工|落地|签约|完工|启用|$))"
)


def states_no_figure(
    scan: str, q: Quantity, qual_end: int, clause: str, s_start: int
) -> bool:
    """Whether the figure at `q`, with `clause` the text of its clause before
    it and `s_start` the start of its sentence, is not a figure of any
    indicator (see the cues above)."""
    if q.norm_unit == "元" and _PROJECTS_INVESTED_RE.search(
        scan, max(s_start, q.start - 60), q.start
    ):
        return True
    if (
        q.norm_unit == "元"
        and _INVESTED_IN_BEFORE_RE.search(clause)
        and _NAMED_THING_AFTER_RE.match(scan, q.end)
    ):
        return True
    if is_contribution(q, clause):
        return True  # 贡献率分别为2.5%、38.3%: each item of the list
    if q.norm_unit == "%" and _RATE_VS_RATE_RE.search(clause):
        return True
    if _PLACES_COUNTED_RE.search(clause):
        return True
    if q.norm_unit != "count":
        return False
    if q.unit.endswith("人") and _SIZE_OF_AFTER_RE.match(scan, q.end):
        return True
    # 推荐申报…6家、…33家 stays: applications are their own (non-catalog)
    # indicators by the contract, and indicators.py names each item so.
    return bool(
        _ORGANISED_BEFORE_RE.search(clause)
        and _TAKE_PART_AFTER_RE.match(scan, qual_end)
    )


# A part of a total named by the total's alias (issue 11): 转移支付 is not the
# region's own revenue; a group's R&D spending is not the whole society's.
_NOT_OWN_REVENUE_RE = re.compile(r"转移支付|上级补助|返还收入|债券")
_RD_GROUP_RE = re.compile(
    r"(?:高校|高等院校|高等学校|科研院所|科研机构|研究机构|研究院所|医疗卫生机构|"
    r"(?:规上|规模以上|大中型)?(?:工业)?企业)(?:的)?(?:R&D|研发|研究与试验发展)"
)


_POPULATION_PART_RE = re.compile(r"(?:城镇|城市|乡村|农村|城区)(?:常住)?人口")
# 海洋生产总值, 县域生产总值: the output of one sector or part, not the region's.
_GDP_PART_RE = re.compile(
    r"(?:海洋|县域|民营经济|数字经济|文化产业|旅游)(?:经济)?生产总值"
)


def is_part_of_total(name: str, pre_item: str) -> bool:
    """Whether a catalog total (一般公共预算收入, 全社会研发经费投入) was matched
    on a figure about one part of it."""
    if _SHARE_OF_WHOLE_RE.search(pre_item) and not _SHARE_NAME_RE.search(name):
        return True
    if name == "一般公共预算收入":
        return bool(_NOT_OWN_REVENUE_RE.search(pre_item))
    if name in ("全社会研发经费投入", "研发投入强度"):
        return bool(_RD_GROUP_RE.search(pre_item))
    if name == "地区生产总值":
        return bool(_GDP_PART_RE.search(pre_item))
    if name == "常住人口":
        # 城镇常住人口61.18万人: the towns' share of the people, not all of them.
        return bool(_POPULATION_PART_RE.search(pre_item))
    if name == "服务业增加值":
        return bool(_SERVICE_PART_RE.search(pre_item)) or _narrowed_sector(pre_item)
    if name == "规模以上工业增加值":
        return bool(_NEW_FIRMS_RE.search(pre_item))
    return bool(_is_count_of_units(name) and _APPLIED_RE.search(pre_item))


# 农林牧渔服务业增加值, 交通运输服务业增加值: a noun right before 服务业 makes it one
# kind of services; scope words (全市, 其中, 实现, 累计, 2023年) do not.
_SECTOR_HEAD_RE = re.compile(r"([\u4e00-\u9fff]?)(?:服务业|第三产业)(?:的)?增加值")
_SCOPE_CHARS = frozenset("市县区省旗州盟镇乡年的和及与其中全我本现成计为是达共")


def _narrowed_sector(pre_item: str) -> bool:
    last = None
    for m in _SECTOR_HEAD_RE.finditer(pre_item):
        last = m
    return (
        last is not None
        and bool(last.group(1))
        and last.group(1) not in _SCOPE_CHARS
        and not _ends_with_place(pre_item, last.end(1))
    )


def _ends_with_place(text: str, end: int) -> bool:
    """宝鸡第三产业增加值: a place name before the sector, not a kind of it."""
    gz = gazetteer()
    return any(
        len(gz.name_at(text, end - k, end)) == k for k in range(2, min(end, 6) + 1)
    )


# 新增规上企业增加值, 新入规企业, 升规企业: the firms that just joined, a part.
_NEW_FIRMS_RE = re.compile(
    r"(?:新增|新入|新纳入|新进|新上|新升|新晋|升规|新培育)(?:入规|规上|规模以上|规)"
)
# 申报高新技术企业53家, 推荐…: applications and nominations, not firms recognised.
_APPLIED_RE = re.compile(
    r"(?:申报|申请|推荐|报送|参评|拟认定|待认定|公示)[^,;。]{0,16}$"
)
# 高新技术产业增加值占规上工业增加值77.7%: a share of that whole, not the whole.
_SHARE_OF_WHOLE_RE = re.compile(r"占[\u4e00-\u9fffA-Za-z&]{2,16}(?:的)?\s*$")
_SHARE_NAME_RE = re.compile(r"比重|比例|占比|强度|率")


def _is_count_of_units(name: str) -> bool:
    return name.endswith("数") and "专利" not in name


# 现代服务业增加值, 生产性服务业增加值: one kind of services, not all of them.
_SERVICE_PART_RE = re.compile(
    r"(?:现代|生产性|生活性|高技术|高端|新兴|科技|信息|金融|商贸|文化|旅游|营利性|"
    r"非营利性|其他)服务业增加值"
)
