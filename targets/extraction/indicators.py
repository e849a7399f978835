"""Which indicator a figure counts: catalog aliases before or after the number,
分别 lists, anaphora, programmes and generic heads; otherwise a cleaned noun
phrase names the indicator."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .catalog import (
    AliasHit,
    Catalog,
    Indicator,
    level_of,
)
from .lexicon import (
    _APPLICATION_RE,
    _APPLIED_BEFORE_RE,
    _COMPARISON_BASE_RE,
    _COUNTED_NOUN_END_RE,
    _CUE_WORDS_RE,
    _EVALUATED_GAP_RE,
    _EVALUATION_HELD_RE,
    _GAP_ALLOWED_RE,
    _GENERIC_HEADS,
    _GENERIC_NOUNS,
    _GROWTH_WORD_RE,
    _HANZI_RE,
    _KIND_PREFIX_RE,
    _LEAD_DE_RE,
    _LEAD_STRIP_RE,
    _LEVEL_LIST_RE,
    _LEVEL_PREFIX_RE,
    _LEVEL_PREFIX_START_RE,
    _LEVEL_WORDS,
    _MODIFIER_RE,
    _NOISE_RE,
    _NOT_NOUN_START_RE,
    _NOUN_STOP_RE,
    _NUMBERING_HEAD_RE,
    _NUMBERING_RE,
    _PROGRAMME_RE,
    _PROGRAMME_VERB_RE,
    _QUOTED_NAME_RE,
    _SCOPE_BARE_RE,
    _SCOPE_RE,
    _SENTENCE_REACH,
    _TAIL_STRIP_RE,
    _VERB_CUT_RE,
)
from .numbers import (
    QUANTITY_RE,
    Quantity,
)
from .periods import (
    _strip_periods,
)
from .regions import gazetteer
from .simplify import _PINYIN_RE

_SPACES_RE = re.compile(r"\s+")
# Characters before an alias that never narrow it (全市…, 新增…, 的…).
_NOT_NARROWING = frozenset("市县区省年的和及与增建达到为是有共累计其中全我本新")
_SHARE_WORD_RE = re.compile(r"比重|比例|占比")
# …占地区生产总值比重提升至5.81%: the verb that moves the share names nothing.
_SHARE_VERB_END_RE = re.compile(
    r"(?<=比重|比例|占比)(?:提升|提高|上升|增长|增加|下降|降低|达到|达|升|降|稳定|保持)?"
    r"(?:至|到|为|在)?了?$"
)
# 增速从去年上半年的-17%转为, 增幅由负转为: a growth rate's move from an earlier
# value, its subject named before.
_RATE_SPAN_RE = re.compile(
    r"(?:增速|增幅|涨幅|增长)?[从由][^,;。]{0,16}?(?:转为|转正为|扭转为|回升至|回升到|回升为|"
    r"提高到|提高至|提升至|提升到|上升至|上升到|加快至|加快到)"
    # 增速由上半年-5.5%转为增长1.1%: the growth word after the turn.
    r"(?:增长|下降)?"
)
# 分别, 均: a figure shared out over (or by) the items of a list.
_SHARED_OUT_RE = re.compile(r"分别|(?<![人年户平])均")
# A share named whole: what is counted, 占, the whole (文化产业增加值占GDP比重).
_SHARE_NAME_RE = re.compile(
    r"[\u4e00-\u9fffA-Za-z&]{2,20}占[\u4e00-\u9fffA-Za-z&]{2,14}"
)
# 占GDP比重首次突破11%达到11.72%: a round bound crossed before the figure.
_MILESTONE_BOUND_RE = re.compile(
    r"(?:首次|再次|率先|一举|已)?(?:突破|超过|超|迈过|跨过|越过)\d[\d.]*%"
)
# 技术合同成交额与地区生产总值之比(超过): the two amounts of a ratio.
_RATIO_RE = re.compile(
    r"([\u4e00-\u9fffA-Za-z&]{2,16})[与和同]([\u4e00-\u9fffA-Za-z&]{2,12}?)的?之比"
)
# 出口增长12.5%: a flow named without its head is the catalog's 总额.
_BARE_FLOW_HEADS = ("总额", "额")
# ,占营业收入的2.38%, 占营业收入比3.91%: a share of the clause's subject whose
# share word is cut to 比 or left out.
_BARE_SHARE_RE = re.compile(r"^占[\u4e00-\u9fffA-Za-z&]{2,12}(?:的|比|之比)?$")
# The names listed right before 分别: 化学需氧量、二氧化硫排放量; 肉、奶、禽蛋产量.
_LISTED_RE = re.compile(
    r"((?:[\u4e00-\u9fff]{1,12}[、和及与])+[\u4e00-\u9fff]{2,30}?)"
    r"(?:同比|预计|实际|名义)?$"
)
# Where the head the listed items share starts in the last one (A、B和C增加值占
# 规上工业增加值比重, 肉、奶、禽蛋产量): the first word of what is measured.
_SHARED_TAIL_RE = re.compile(
    r"增加值|总产值|产值|总产量|产量|营业收入|营收|收入|利润|投资|排放量|出口额|进口额|"
    r"交易额|成交额|销售额|零售额|占"
)
# 两者/二者…分别增长7%和9%: the two figures just named.
# The things whose investment a sentence counts (重点项目, 重点工程).
_PROJECT_WORDS = ("项目", "工程")
# 企业开展科技型中小企业评价, 单位参加…评审: the units taking part in a process.
_TOOK_PART_RE = re.compile(
    r"(?:企业|单位|机构|项目)(?:开展|参加|参与|参评)[^,;。]{2,16}?(?:评价|评审|认定|评估)"
)
# 推荐申报…, 申请认定…: a list of counts headed by an application verb.
_APPLIED_HEAD_RE = re.compile(
    r"\s*(?:全[市县区省]|我[市县区省]|今年|全年)?(?:共|累计)?(?:推荐申报|推荐|申报|申请)"
)
# 总产量, 总产, 总数: a total that names no subject of its own.
_BARE_TOTAL_RE = re.compile(r"总产量?|总数|总量|总规模")
# The noun of a figure's item: the last run of characters before its number.
_PREVIOUS_NOUN_RE = re.compile(r"[\u4e00-\u9fff]{2,}(?=[\d.]+)")
_BOTH_ANAPHOR_RE = re.compile(r"两者|二者|两项|两个指标|前者和后者")
# 新增A10家、新增B3家,总数分别增至51家和23家: a stock word alone before 分别
# takes the subjects of the figures just named, as a bare 分别 does; so does a
# rate's word (A元、B元,年均分别增长x%、y%; …,增速分别为x%、y%).
_STOCK_ANAPHOR_RE = re.compile(
    r"\s*(?:(?:其|两类|各类)?(?:总数|总量|数量|累计|总计|合计|年均|平均|增速|增幅|增长率|涨幅)"
    # A X亿元,其中B Y亿元,同比分别增长p、q: the rates of the levels just named.
    r"|同比|比上年|较上年|比去年|较去年|比上年同期|较上年同期)\s*"
)
# 高企财政补助, 科技型中小企业奖补资金: an alias that only says whose fund it is.
_FUND_AFTER_ALIAS_RE = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:资金|补助|补贴|奖励|奖补|资助|基金|奖金)"
)
# 授权95项, 获得授权80件: the grant named by its verb alone.
_BARE_GRANT_RE = re.compile(r"(?:获得?|获)?授权")
# 申报高企, 推荐申报, 申请认定: a name that counts applications filed.
_APPLIED_NAME_RE = re.compile(r"(?:推荐)?(?:申报|申请)(?:认定|入库|评价)?")
# 新增200家, 获批120家, 通过认定80家: what was granted of the applications.
_GRANTED_RE = re.compile(r"新增|获批|批准|通过|认定|入库|立项|授权")
# 8家企业通过认定, 5家单位获得认定, 3家企业被认定: firms certified, the kind
# named before (…名单); a generic noun and the verb alone, nothing else.
_CERTIFIED_RE = re.compile(
    r"(?:企业|单位|机构)(?:顺利|成功|首次|新)?(?:通过|获得?|被|新)(?:评审)?(?:认定|认证)"
)
# 高新技术企业名单, 高企认定结果, 科技型中小企业入库名单: a list of the kind.
_LIST_AFTER_RE = re.compile(
    r"[\s“”\"]*(?:拟)?(?:认定|入库|评价|备案)?(?:公示)?(?:名单|名录|榜单|结果)"
)
# 企业入库科技型中小企业, 企业纳入高企培育库: a generic counted noun, then the
# verb that files it under what it is counted as.
_FILED_AS_RE = re.compile(
    r"^(?P<noun>企业|单位|机构|项目)(?:被)?(?:纳入|入库|入选|获评|评为|认定为|进入|列入|成为|"
    r"晋级为|升级为|通过认定为)"
)
# 165家企业通过科技型中小企业评价, 12家单位获得高新技术企业认定: firms that
# passed the process of a kind are counted as that kind.
_PASSED_AS_RE = re.compile(
    r"^(?P<noun>企业|单位|机构)(?:顺利|成功|首次|新|已)?(?:通过|获得?|完成)了?"
)
_PASSED_TAIL_RE = re.compile(r"(?:评价|认定|备案|入库|评审|认证|登记|入统)+(?:工作)?")
# 城乡 / 城镇和农村 / 城镇、农村 + a shared head, right before 分别.
# What stands between figures given two by two (A元、B元,分别增长x%、y%).
_PAIR_GAP_RE = re.compile(
    r"\s*(?:[、和与及]|[,,]?\s*(?:分别|均)?(?:比上年|同比)?(?:增长|增加|提高|上涨|下降|"
    r"减少|达到|达|为|是|实现|完成)?)\s*"
)
# The clause of a second 分别 list that names nothing of its own (,同比分别…).
_NO_NAMES_CLAUSE_RE = re.compile(
    r"\s*(?:同比|环比|(?:比|较|与|和|相比)\s*(?:上年|去年|上一年|前一年|(?:19|20)\d{2}年)"
    r"(?:同期|度)?(?:相比|比)?)?\s*"
)
_PAIR_JOIN_RE = re.compile(r"\s*[、和与及]\s*")
_CLAUSE_END_RE = re.compile(r"[,;。,;\n]")
# An item stating a goal without a figure (收入增长与经济增长同步, 基本持平): not
# a kind counted together with the next one.
_OWN_PREDICATE_RE = re.compile(r"同步|持平|相适应|相协调|增长|下降")
# 进出口总额(海关口径)为: a note closing the name says how it is counted (its
# close may be lost to a garbled page: 进出口总额(海关口径).
_TRAILING_NOTE_RE = re.compile(
    r"[(（][^()（）]{1,12}(?:[)）]\s*(?:为|是|达到|达|约)?)?$"
)
# 城镇、农村居民人均可支配收入同口径增长3.9%、6.9%: how the pair is counted
# (同口径, 按可比价, 名义) stands between the head and its verb.
_PAIR_VERB_END_RE = re.compile(
    r"(?:分别)?(?:比上年|同比|同口径|可比口径|按可比价格?(?:计算)?|名义|实际)*"
    r"(?:分别)?(?:增长|增加|提高|上涨|下降|达到|达|为|是|实现|完成)*$"
)


_BOTH_SUBJECTS = {"城乡": ("城镇", "农村")}
# 城、乡居民…, 城镇和乡村居民…: the subjects as the catalog spells them.
_SUBJECT_FORMS = {
    "城": "城镇",
    "城市": "城镇",
    "乡": "农村",
    "乡村": "农村",
    "农": "农村",
}
_SHARED_HEAD_RE = re.compile(
    r"(?:(?P<both>城乡)|(?P<a>[\u4e00-\u9fff]{1,4}?)(?:和|与|、|及)(?P<b>[\u4e00-\u9fff]{1,4}?))"
    # 城乡人均可支配收入: the short form without 居民 shares the same head.
    r"(?P<head>(?:(?:常住)?居民|(?=人均))[\u4e00-\u9fff]{2,12}?)(?:同比|预计|实际|名义)*$"
)
# 一般公共预算收支, 金融机构存贷款余额, 进出口总额: one word for two things
# (收入 and 支出), given their figures in that order.
_COMPOUND_PARTS = {
    "收支": ("收入", "支出"),
    "存贷款": ("存款", "贷款"),
    "进出口": ("进口", "出口"),
}
_COMPOUND_PAIR_RE = re.compile(
    r"(?P<pre>[\u4e00-\u9fff]{0,10}?)(?P<pair>收支|存贷款|进出口)"
    r"(?P<post>[\u4e00-\u9fff]{0,6}?)(?:同比|预计|实际|名义)*$"
)
# 一、二、三产业增加值, 第二、三产业: ordinals that share 产业 and the head.
_ORDINAL_LIST_RE = re.compile(
    r"(第?[一二三](?:(?:、|和|及|与)第?[一二三])+)(产业[\u4e00-\u9fff]{0,10}?)"
    r"(?:同比|预计|实际|名义)*$"
)
# Phrases that say how a figure is counted (剔除留抵退税因素后, 同口径, 按可比价
# 计算) or where it ranks (在全省地级市中率先), never what it counts.
_QUALIFIER_PHRASE_RE = re.compile(
    r"(?:剔除|扣除|不含|除去|去除)[^,;。、]{1,14}?(?:因素|影响)(?:后)?|"
    r"(?:按|以)?(?:同口径|可比口径|可比价格?|现价|现行价格|当年价格?|不变价格?)(?:计算)?|"
    # 修订为1943.3亿元, 初步核算为…: how the figure was established.
    r"(?:经)?(?:初步)?(?:修订|核算|测算)(?:后)?(?=为|达|是|\d|$)|"
    r"在?(?:全省|全国|省内|国内)[\u4e00-\u9fff]{0,8}?中(?:率先|首个|首家|第一个|唯一)?|"
    r"在(?:全省|全国)(?:率先|首个|首家)"
)
# Adverbial phrases between a name and its verb (在高基数下实现, 在上年高增长的
# 基础上增长, 增速连续四年超过, 根据省统计局的修订结果预计完成): the
# circumstances, the run or the source of a figure, never what it counts.
_ADVERBIAL_RE = re.compile(
    r"在[^,;。、:\d]{1,12}?(?:之下|背景下|情况下|形势下|压力下|基础上|下)|"
    r"(?:根据|依据|按照)[^,;。、:\d]{1,14}?(?:结果|数据|测算|核算)(?:结果|数据)?|"
    r"连续[一二三四五六七八九十两\d]{1,2}(?:年|个季度|个月)(?=[\u4e00-\u9fff])"
)
# 跃升至全省第4位、达到, 位居全国前列、: a rank stated between a name and its
# figure (closed by 、 or a comma), not what the figure counts.
RANK_PHRASE_RE = re.compile(
    r"(?:跃升至|跃升到|跃居|跃至|升至|上升至|上升到|位居|位列|稳居|居|排名|排)?"
    r"(?:全省|全国|全市|全区|省内|国内)?(?:同类城市|地级市)?(?:中)?"
    r"(?:第[\d一二三四五六七八九十]{1,3}(?:位|名)?|前列|首位|前[\d一二三四五六七八九十]{1,2}(?:位|名)?)"
    r"\s*[、,,]"
)


def strip_rank_phrases(s: str) -> str:
    """RANK_PHRASE_RE.sub("", s), skipped when no rank can be in `s` (every
    one holds 第, 前 or 首)."""
    if "第" in s or "前" in s or "首" in s:
        return RANK_PHRASE_RE.sub("", s)
    return s


# 超亿元, 营收亿元以上, 产值超10亿元(的)(工业): a size class before the counted noun.
_SIZE_PREFIX_RE = re.compile(
    r"(?:营收|营业收入|产值|主营业务收入)?(?:超过|超|逾)?[\d.一二三四五六七八九十百千]*"
    r"(?:万|亿)元(?:以上|及以上)?的?(?:工业|规上|规模以上)?$"
    # 规模以上高新技术企业: the firms above the size line, not the whole stock.
    r"|(?:规模以上|规上)$"
)
# 即, 也就是说: a sentence that restates the one before it.
_RESTATE_RE = re.compile(r"\s*(?:即|也就是说|换言之|换句话说)\s*[,:]")
# What joins the two ends of a range (8%-8.5%, 8%~9%, 8%至9%).
_RANGE_MARKS = frozenset({"-", "~", "至", "到", "--"})
_STEMS: dict[tuple[int, str], list[tuple[str, Indicator]]] = {}


@dataclass(frozen=True, slots=True)
class _Resolved:
    name: str
    indicator: Indicator | None
    noun_end: int  # where the counted noun ends (for head-after items)
    inherited: bool
    cue_start: int = -1  # where measure cues start when not in the item (…分别增长)


# The sectors' value added, which a sentence breaking another figure down by
# sector (固定资产投资…分产业看:第三产业增长41%) does not mean.
_SECTOR_NAMES = frozenset({"第一产业增加值", "第二产业增加值", "服务业增加值"})
_SECTOR_WORD_RE = re.compile(r"第[一二三]产业|[一二三]产|服务业")
_BREAKDOWN_RE = re.compile(r"分产业看|分三次产业看|按产业分|分产业|其中")
# What such a sentence breaks down: investment, or the value added of one part
# of the economy (民营经济增加值…其中,第三产业增加值…).
_BROKEN_DOWN_RE = re.compile(
    r"(固定资产投资|投资)|((?:民营|非公有制|县域|数字|海洋|旅游|文化)经济)"
    r"(?:实现|完成)?增加值"
)


def sector_part(scan: str, s_start: int, item_start: int, name: str) -> str | None:
    """The name of a sector's share of another figure its sentence breaks down
    (第三产业投资, 民营经济第三产业增加值), when the catalog's sector value added
    `name` was read for it; None when the sentence breaks down no other figure."""
    if name not in _SECTOR_NAMES:
        return None
    cues = list(_BREAKDOWN_RE.finditer(scan, s_start, item_start))
    if not cues:
        return None
    cue = cues[-1]
    # 民营经济实现增加值…。其中,第三产业…: the sentence before may hold it.
    lo = (
        scan.rfind("。", 0, max(0, s_start - 1)) + 1
        if cue.start() == s_start
        else s_start
    )
    subject = _BROKEN_DOWN_RE.search(scan, lo, cue.start())
    sector = _SECTOR_WORD_RE.search(scan, item_start, item_start + 12)
    if subject is None or sector is None:
        return None
    if subject.group(1):
        return sector.group() + "投资"
    return subject.group(2) + sector.group() + "增加值"


# 超额完成年度任务, 超额完成省下达的目标任务: by how much a figure beat its task
# (the name is what is left of the item once the cue words are gone).
_SURPLUS_RE = re.compile(
    r"(?:超额|超)完成(?:年度|全年|省|市|上级)?(?:下达)?的?(?:目标)?任务$|超出(?:年度)?目标$"
)


_TO_LINK_RE = re.compile(
    r"[,、]?(?:跃|大幅|快速|稳步|一举|进一步)?(?:跃升|增长|增加|提高|提升|上升|扩大|攀升|跃居|下降|减少|降低|回落|压减|增|升|降)?"
    r"(?:至|到)了?的?|[,、]?(?:跃升|增长|增加|提高|提升|上升|扩大|攀升|下降|减少|降低|回落)为?的?"
)
_FROM_WORD_RE = re.compile(r"[由从]")
# 占…比重(常住人口城镇化率)为: a name in a note that closes the wording before
# the figure (only a verb of being between the note and the figure).
_NAME_NOTE_RE = re.compile(
    r"[(（]([\u4e00-\u9fffA-Za-z&]{2,16})[)）]\s*(?:为|是|达到|达|约为|约)?\s*$"
)
# The rest of a parenthetical note cut at its comma (人民币,下同).
_NOTE_END_RE = re.compile(r"^[^()\n]{0,12}\)")
# 跨越四个万亿元台阶, 再上一个新台阶: a predicate with a counted object.
# 跨越四个万亿元台阶, 首次突破百亿元大关: a predicate that counts steps or
# names a round mark passed, not the figure.
_VERB_NUMBER_RE = re.compile(
    r"[\u4e00-\u9fff][一二三四五六七八九十两\d]+个"
    r"|[一二三四五六七八九十百千万两\d]+(?:万亿|亿|万)?元?(?:大关|关口|大台阶|台阶|门槛)"
)
_LIST_LEVEL_RE = re.compile(r"(?:国家|省|市|县)(?!级)")
# 四大优势产业规模工业产值, 重点产业规上工业增加值: a group of industries before
# an alias counts a part of the whole, not the catalog's indicator.
_PART_GROUP_RE = re.compile(
    r"((?:[一二三四五六七八九十两\d]+大|重点|优势|主导|支柱|特色)"
    r"[\u4e00-\u9fff]{0,4}?(?:产业|行业|板块)(?:集群)?)$"
)
_INNER_VERB_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:实现|完成)(?=[\u4e00-\u9fff]{2})"
)
_LEAD_CONJUNCTION_RE = re.compile(r"^[、,\s]*(?:并且|并|且|而且)(?![购入表列])")
_MARK_NOUN_LEAD_RE = re.compile(r"^(?:大关|关口|大台阶|台阶|门槛)")
_PER_HEAD_WORDS = frozenset({"人均", "每万人", "万人", "户均"})
# A rate's own figure right after its name (…率达到99.7%, …率为95%, …率95%).
_RATE_FIGURE_AFTER_RE = re.compile(r"[^,;。\d]{0,8}?\d+(?:\.\d+)?\s*%")


# A deadline opening a clause that names no noun (,到2025年达到…).
_DEADLINE_LEAD_RE = re.compile(
    r"^[,、]?\s*(?<![截直])[到至]\s*(?:19|20)\d{2}\s*年(?:底|末)?"
)


class IndicatorResolver:
    """Resolves the indicator of a figure (mixed into the walker)."""

    # indicator -------------------------------------------------------------
    def _resolve(
        self,
        q: Quantity,
        qual_end: int,
        item_start: int,
        item_end: int,
        seg_start: int,
        g_start: int,
        s_start: int,
    ) -> _Resolved | None:
        d = self.d
        scan = d.scan
        after = scan[qual_end:item_end]
        lead = _LEAD_DE_RE.match(after)
        noun_start = qual_end + (lead.end() if lead else 0)
        noun = scan[noun_start:item_end]
        pre_item = scan[item_start : q.start]
        scope = None
        if "领域" in pre_item:
            scope = _SCOPE_RE.search(pre_item) or _SCOPE_BARE_RE.search(pre_item)
        scope_prefix = scope.group(1) + "领域" if scope else ""

        # 占常住人口的比重(常住人口城镇化率)为53.09%: a catalog name in the note
        # right before the figure names what the wording before it defines.
        note = _NAME_NOTE_RE.search(pre_item)
        if note is not None:
            named = self.catalog.resolve(_clean_name(note.group(1)))
            if named is not None and _unit_fits(named, q, "level"):
                return _Resolved(named.name, named, 0, False)

        # X与Y之比超过N%: the ratio of two amounts is the share of X in Y.
        if q.norm_unit == "%" and "之比" in pre_item and "占" not in pre_item:
            ratio = _RATIO_RE.search(_clean_name(pre_item))
            if ratio is not None:
                whole = self.catalog.resolve(
                    ratio.group(1) + "占" + ratio.group(2) + "比重"
                )
                if whole is not None and whole.norm_unit == "%":
                    return _Resolved(whole.name, whole, 0, False)

        # X占Y(的)比重达N%: the share of one indicator in another, named whole.
        if (
            q.norm_unit == "%"
            and "占" in pre_item
            and (
                _SHARE_WORD_RE.search(pre_item)
                or _BARE_SHARE_RE.match(_NOISE_RE.sub("", pre_item).strip())
            )
        ):
            # The verb goes before the name is cleaned (a clean name keeps its
            # last 16 characters: 研发经费支出占地区生产总值比重提高至 lost 研发).
            share_name = _share_phrase(pre_item, _clean_name)
            whole = self.catalog.resolve(share_name)
            if whole is None and len(share_name) >= 16:
                # A share longer than a name is kept (全市研发经费投入占全市地区
                # 生产总值比重): read it whole.
                whole = self.catalog.resolve(
                    _SHARE_VERB_END_RE.sub(
                        "",
                        _LEAD_STRIP_RE.sub(
                            "", _strip_periods(_NOISE_RE.sub("", pre_item))
                        ),
                    )
                )
            if whole is not None and whole.norm_unit == "%":
                return _Resolved(whole.name, whole, 0, False)
            if share_name.startswith("占"):
                # 城镇常住人口N人,占常住人口比重: the clause's noun as written, when
                # the catalog knows its share (its own record may have a wider name).
                noun = self._clause_noun(g_start, item_start)
                whole = self.catalog.resolve(noun + share_name) if noun else None
                if whole is not None and whole.norm_unit == "%":
                    return _Resolved(whole.name, whole, 0, False)
                # The subject is what the clause before named (财政科技支出…,占…比重).
                subject = self._previous_subject(
                    g_start, item_start
                ) or self._clause_subject(g_start, item_start)
                if subject is not None:
                    whole = self.catalog.resolve(subject + share_name)
                    if whole is not None and whole.norm_unit == "%":
                        return _Resolved(whole.name, whole, 0, False)
                    return _Resolved(subject + share_name, None, 0, False)
            elif _SHARE_NAME_RE.fullmatch(share_name) and not _SHARED_OUT_RE.search(
                pre_item
            ):
                # (A和B增加值占…比重分别…: the list's own reading names each.)
                # 高新技术产业增加值占GDP比重首次突破11%达到…: the share named whole
                # once the bound crossed before the figure is cut; 财政科技支出占
                # 地方财政支出比重: named whole, not after the whole's alias.
                whole_name = _share_phrase(pre_item, _clean_share_name)
                if _SHARE_NAME_RE.fullmatch(whole_name):
                    share_name = whole_name
                    # …预计研发经费支出占地区生产总值比重: the catalog's share may
                    # start a few characters in.
                    for k in range(min(5, len(whole_name) - 6)):
                        whole = self.catalog.resolve(whole_name[k:])
                        if whole is not None and whole.norm_unit == "%":
                            return _Resolved(whole.name, whole, 0, False)
                return _Resolved(share_name, None, 0, False)

        # 增长8%—8.5%, 50-60亿元: the upper end of a range counts what its lower
        # end counted.
        if seg_start > item_start and scan[seg_start : q.start] in _RANGE_MARKS:
            last = self._last_in_group.get(g_start)
            if last is not None and last[1] is not None and last[1].end == seg_start:
                return _Resolved(last[0].name, last[0].indicator, 0, True)

        # 城乡居民人均可支配收入A元、B元,分别增长x%、y%: a pair of subjects with
        # one head, then its figures two by two (分别 before, after or absent).
        shared = self._paired_values(q, g_start)
        if shared is not None:
            return shared
        # A、B分别达到N1、N2: the i-th figure after 分别 belongs to the i-th name.
        shared = self._respectively(q.start, g_start, q.norm_unit)
        if shared is not None:
            return shared

        # 由X跃升至Y, 从X提升到Y: the end value counts what the start value did.
        if seg_start > item_start:
            last = self._last_in_group.get(g_start)
            if (
                last is not None
                and last[1] is not None
                and _FROM_WORD_RE.search(scan, last[1].start, seg_start)
                and _TO_LINK_RE.fullmatch(
                    _strip_periods(_NOISE_RE.sub("", scan[seg_start : q.start]))
                )
            ):
                return _Resolved(last[0].name, last[0].indicator, 0, True)
        if self._in_span(q, item_start, qual_end, item_end):
            # …年均增长6.5%,从X提升到Y: X and Y are levels of what the clause
            # before counted; no other name is in the item (从, 提升到 name nothing).
            span = self._span_subject(q, g_start, item_start)
            if span is not None:
                return span

        before_hits = d.aliases_between(item_start, q.start)
        gap_clean = ""
        valid_before = False
        if before_hits:
            last_end = before_hits[-1].end
            gap_clean = _strip_periods(
                _NOISE_RE.sub("", scan[max(last_end, seg_start) : q.start])
            )
            valid_before = bool(
                _GAP_ALLOWED_RE.match(_gap_words(gap_clean))
                # 增长3%(增速由上半年-2.1%转为增长3%): the turn of the rate of
                # the name before, after a figure of it.
                or (
                    seg_start > last_end
                    and _RATE_SPAN_RE.fullmatch(gap_clean.lstrip("("))
                )
            )
            if (
                not valid_before
                and "、" in gap_clean
                and _VERB_NUMBER_RE.search(gap_clean.rsplit("、", 1)[0])
            ):
                # GDP跨越四个万亿元台阶、年均增长5.5%: a predicate of the subject
                # stands between; the last item decides.
                valid_before = bool(_GAP_ALLOWED_RE.match(gap_clean.rsplit("、", 1)[1]))
        # Head after the number: 新增4家安徽省高层次科技人才团队 (but not when a
        # counted noun stands right before it: 扶贫项目88个, 资金…).
        if (
            not valid_before
            and q.norm_unit == "count"
            and noun
            and _HANZI_RE.match(noun)
            and not _NOT_NOUN_START_RE.match(noun)
            and not _COUNTED_NOUN_END_RE.search(
                scan, max(seg_start, q.start - 4), q.start
            )
        ):
            noun_core, noun_end = _trim_noun(noun, noun_start)
            took_part = _TOOK_PART_RE.match(scan, noun_start)
            if took_part is not None:
                # 组织2364家企业开展科技型中小企业评价: the firms that took part
                # in an evaluation, not the stock of what it recognises.
                name = _NOISE_RE.sub("", took_part.group())
                end = max(noun_end, took_part.end())
                return _Resolved(self._noun_name(name, q), None, end, False)
            filed = _FILED_AS_RE.match(noun_core)
            passed = None if filed is not None else _PASSED_AS_RE.match(noun_core)
            if passed is not None and _PASSED_TAIL_RE.fullmatch(
                _NOISE_RE.sub("", noun_core[passed.end() :])
            ):
                passed = None  # 6家企业通过认定: the kind is named elsewhere
            if passed is not None:
                filed = passed
            floor = item_start
            if filed is not None:
                # 3043家企业入库科技型中小企业: counted as what they were filed
                # under; the generic noun before the verb narrows nothing.
                floor = noun_start + filed.end("noun")
                noun_core = self._list_of_level(noun_core[filed.end() :])
            noun_core = _RELATIVE_CLAUSE_RE.sub("", noun_core)
            hits = d.aliases_between(noun_start, noun_end)
            applied = _APPLIED_BEFORE_RE.search(
                scan, max(item_start, q.start - 8), q.start
            )
            if applied is not None:
                # 需要复审的12家高新技术企业: firms in a process, not the stock.
                hits = []
                noun_core = applied.group(1) + noun_core
            for h in reversed(hits):
                if _APPLICATION_RE.search(scan, noun_start, h.start):
                    break  # 24家企业申报今年第一批高企: applications, not the stock
                rest = _NOISE_RE.sub("", scan[h.end : noun_end])
                if (
                    rest in ("", "榜单", "名单", "名录")
                    or (passed is not None and _PASSED_TAIL_RE.fullmatch(rest))
                ) and self._alias_ok(h, floor):
                    if scope_prefix:
                        break
                    return _Resolved(h.indicator.name, h.indicator, noun_end, False)
            name = _clean_name(noun_core)
            name = _LEVEL_LIST_RE.sub("", name)
            if (
                q.norm_unit == "count"
                and name.endswith("率")
                and _RATE_FIGURE_AFTER_RE.match(scan, noun_end)
            ):
                # 336户规上工业企业复工复产率达到99.7%, 52个项目开工率95%: the
                # count is the base of the rate stated after it, no rate itself.
                return None
            if scope_prefix:
                name = _with_scope(scope_prefix, name)
            elif name.startswith(_GENERIC_NOUNS):
                listed = (
                    self._listed_kind(s_start, q.start)
                    if _CERTIFIED_RE.fullmatch(name)
                    else None
                )
                if listed is not None:
                    # …公布高新技术企业名单,其中8家企业通过认定: the firms
                    # certified as the kind whose list the sentence names.
                    return _Resolved(listed.name, listed, noun_end, False)
                name = self._programme(s_start, q.start) + name
            return self._named(name, q, noun_end)

        # Head before the number.
        hits = before_hits
        if hits:
            h = hits[-1]
            longer = False
            if scan[h.end : h.end + 1] in ("和", "及", "与", "、"):
                longer_h = self._longer_alias(h, q.start)
                longer = longer_h is not h
                h = longer_h
            gap = _NOISE_RE.sub("", scan[max(h.end, seg_start) : q.start])
            gap = _MARK_NOUN_LEAD_RE.sub("", gap)  # 百亿元大关、增长5%
            prefix = scan[max(item_start, h.start - 6) : h.start]
            level_m = _LEVEL_PREFIX_RE.search(prefix)
            if level_m and _ends_place_name(
                scan, h.start - len(prefix) + level_m.end()
            ):
                # 海东市登记技术合同: the 市 closes the place's name, no level.
                level_m = None
            text_level = None
            if level_m:
                text_level = level_of(level_m.group(1))
            elif level_of(h.alias):
                text_level = level_of(h.alias)
            cat_level = h.indicator.level
            name_start = (
                level_m.start() + max(item_start, h.start - 6) if level_m else h.start
            )
            modifier = _MODIFIER_RE.search(
                scan[max(item_start, name_start - 8) : name_start]
            )
            if modifier is None:
                modifier = _PART_GROUP_RE.search(
                    scan[max(item_start, name_start - 12) : name_start]
                )
            if modifier:
                name_start -= len(modifier.group(1))
            elif q.norm_unit == "count":
                # 超亿元工业高新技术企业: firms of one size, not the whole stock.
                modifier = _SIZE_PREFIX_RE.search(
                    scan, max(item_start, name_start - 10), name_start
                )
                if modifier:
                    name_start = modifier.start()
            base = _NOISE_RE.sub("", scan[name_start : h.end])
            ok = True
            app = _APPLICATION_RE.search(
                scan[max(item_start, h.start - 3) : h.start]
            ) or self._applied_head(item_start)
            held = _EVALUATED_GAP_RE.match(_strip_periods(gap)) and (
                _EVALUATION_HELD_RE.match(scan, item_start, h.start)
            )
            if held:
                # 开展国家科技型中小企业评价51家: the firms evaluated, not the stock.
                ok = False
                app = held
            elif app or _APPLICATION_RE.search(gap):
                ok = False
                if app:
                    base = app.group() + base
            elif longer:
                ok = bool(_GAP_ALLOWED_RE.match(_gap_words(_strip_periods(gap))))
            else:
                ok = valid_before
            if cat_level and text_level and cat_level != text_level:
                ok = False
            if modifier or scope_prefix:
                ok = False
            combined = ok and self._combined_with(name_start, seg_start, gap)
            if combined:
                # 省市重点实验室、工程技术研究中心20家: one count of both kinds.
                name = _clean_name(scan[combined : h.end])
                return _Resolved(self._noun_name(name, q), None, 0, False)
            if ok:
                ind = self._narrower(h, item_start) or h.indicator
                return _Resolved(ind.name, ind, 0, False)
            extra = _clean_gap(gap)
            name = _with_scope(scope_prefix, base + extra)
            if modifier and modifier.re is _MODIFIER_RE and not (app or scope_prefix):
                own = self._modified(base, modifier.group(1), h, q)
                if own is not None:
                    return _Resolved(own.name, own, 0, False)
            if modifier or app or scope_prefix:
                return _Resolved(self._noun_name(name, q), None, 0, False)
            return self._named(name, q, 0)

        # No alias in the item: a noun phrase, or an anaphor to an earlier one.
        seg = scan[seg_start : q.start]
        core = _NOISE_RE.sub("", seg)
        # 年均增长8%,到2025年达到1000亿元: the deadline, preposition and all.
        core = _DEADLINE_LEAD_RE.sub("", core)
        core = _strip_periods(_COMPARISON_BASE_RE.sub("", core))
        # 1.2万亿元(人民币,下同)、增长5.8%: the end of a note cut at its comma.
        close = _NOTE_END_RE.match(core)
        if close is not None:
            core = core[close.end() :]
        # 突破百亿元大关、增长5%: the mark's noun closes the figure before.
        core = _MARK_NOUN_LEAD_RE.sub("", core)
        # 增长6%、并首次突破20亿元: a joining word opens a predicate of the subject.
        core = _LEAD_CONJUNCTION_RE.sub("", core)
        if core:
            # 剔除…因素后同口径增长, 在全省地级市中率先突破: how the figure is
            # counted or ranked, not what it counts.
            core = _QUALIFIER_PHRASE_RE.sub("", _ADVERBIAL_RE.sub("", core))
            core = strip_rank_phrases(core)
        residue = _CUE_WORDS_RE.sub("", core)
        if _RATE_SPAN_RE.fullmatch(core.lstrip("(")):
            residue = ""  # 增速从去年的-17%转为31.1%: the rate of what was just named
        if "、" in core.strip("、"):
            # GDP突破12万亿元、再上一个新台阶、人均达14.3万元: a predicate
            # between the subject and the figure; the last item names it.
            tail = core.strip("、").rsplit("、", 1)[1]
            tail_residue = _CUE_WORDS_RE.sub("", tail).strip()
            per = self._per_head_of_previous(_clean_name(tail), g_start, item_start)
            if per is not None:
                return per
            if not tail_residue and self._previous_subject(g_start, item_start):
                residue = ""
        if not residue.strip():
            inherited = self._inherit(g_start, s_start, q.start, q)
            if inherited is None:
                return None
            return inherited
        name = _clean_name(core)
        if not name:
            return None
        if _SURPLUS_RE.fullmatch(name):
            # 投资完成17亿元,超额完成年度任务2.1亿元: a gap to the task, like a gap
            # to an average, says nothing of its own about the indicator.
            return None
        if len(name) > 12:
            cut = None
            for vm in _VERB_CUT_RE.finditer(name):
                if vm.start() > 0:
                    cut = vm
            if cut is not None:
                name = name[cut.start() :]
        name = _with_scope(scope_prefix, name)
        if name in _PER_HEAD_WORDS:
            # GDP 25亿元,增长8.5%,人均达到5.6万元: a bare 人均 (each clause its
            # own, not only after 、) is per head of what the clause group counted.
            per = self._per_head_of_previous(name, g_start, item_start)
            if (
                per is not None
                and per.indicator is not None
                and _unit_fits(per.indicator, q, "level")
            ):
                return per
        generic = self._generic_head(name, q.start)
        if generic is not None:
            return _Resolved(generic.name, generic, 0, False)
        total = self._total_of_previous(name, g_start, q.start)
        if total is not None and _unit_fits(total, q, "level"):
            return _Resolved(total.name, total, 0, False)
        part = self._part_of_previous(name, seg, g_start)
        if part is not None:
            return _Resolved(part.name, part, 0, False)
        subject = self._subject_of_sentence(name, s_start, q.start)
        if subject is not None:
            return _Resolved(subject.name, subject, 0, False)
        if name in _LEVEL_WORDS and "其中" not in seg and self._listed_after(seg_start):
            # 国家级科技创新平台15个、省级124个: the same kind at another level.
            last = self._last_in_group.get(g_start)
            if last is not None and last[1] is not None and last[1].indicator:
                whole = _LEVEL_PREFIX_START_RE.sub("", last[1].indicator)
                if last[1].indicator_code is None:
                    # 其中国家级60家、省级376家: parts of a total, as the first was.
                    return _Resolved(name + whole, None, 0, True)
                ind = self.catalog.resolve(name + whole) or self.catalog.resolve(whole)
                if ind is not None and ind.level and ind.level != level_of(name):
                    ind = None  # 国家高企 at the 省级: not the catalog's kind
                if ind is not None and _unit_fits(ind, q, "level"):
                    return _Resolved(ind.name, ind, 0, True)
                return self._named(name + whole, q, 0)
        if name in _LEVEL_WORDS and "其中" in seg:
            # 其中国家级5家: that level of what the sentence just counted.
            last = self._last_in_group.get(g_start)
            if last is not None and last[1] is not None:
                whole = _LEVEL_PREFIX_START_RE.sub("", last[1].indicator)
                return _Resolved(name + whole, None, 0, False)
        return self._named(name, q, 0)

    def _listed_after(self, seg_start: int) -> bool:
        """Whether the item at `seg_start` follows a 、 (a list item)."""
        scan = self.d.scan
        k = seg_start - 1
        while k >= 0 and scan[k] == " ":
            k -= 1
        return k > 0 and scan[k] == "、" and scan[k - 1] not in "和及与"

    def _combined_with(self, name_start: int, seg_start: int, gap: str) -> int:
        """Where a list of other kinds counted together with the alias starts
        (重点实验室、工程技术研究中心20家), or 0: the items before 、 carry no figure
        of their own and no 分别/均 shares the figure out."""
        scan = self.d.scan
        join = name_start - 1
        while join > seg_start and scan[join] in _QUOTE_MARKS:
            join -= 1  # 创新龙头企业和‘瞪羚’企业: the quote opens the kind's name
        if join <= seg_start or scan[join] not in _KIND_JOINS:
            return 0
        if _SHARE_OUT_RE.search(gap):
            return 0
        k = bisect_left(self.d.breaks, join) - 1
        lo = max(self.d.breaks[k] + 1 if k >= 0 else 0, seg_start)
        items = scan[lo:join]
        if scan[join] != "、" and not _KIND_NOUN_END_RE.search(items):
            return 0  # A和B: only two kinds of one head (…企业和…企业)
        if len(items) < 2 or any(c.isdigit() for c in items):
            return 0
        if _OWN_PREDICATE_RE.search(items):
            return 0  # …增长与经济增长基本同步、粮食产量500亿斤: a goal of its own
        return lo

    def _list_of_level(self, noun: str) -> str:
        """6个项目列入省揭榜挂帅项目: 省 names whose list the units enter, not a
        level of what they are counted as, when the catalog's kind has none."""
        lead = _LIST_LEVEL_RE.match(noun)
        if lead is None:
            return noun
        ind = self.catalog.resolve(_clean_name(noun[lead.end() :]))
        return noun[lead.end() :] if ind is not None and not ind.level else noun

    def _modified(
        self, base: str, modifier: str, h: AliasHit, q: Quantity
    ) -> Indicator | None:
        """The catalog's own indicator a narrowing word makes of an alias
        (规上工业企业 + R&D强度 → 规上工业企业研发投入强度), the narrowing word cut
        to its verb where it says more (吸纳京津 + 技术合同成交额 → 吸纳…)."""
        rest = base[len(modifier) :] if base.startswith(modifier) else None
        names = [base]
        if rest:
            names += [modifier[:k] + rest for k in range(len(modifier) - 1, 1, -1)]
        for name in names:
            ind = self.catalog.resolve(name)
            if (
                ind is not None
                and ind.code != h.indicator.code
                and _unit_fits(ind, q, "growth")
            ):
                return ind
        return None

    def _narrower(self, h: AliasHit, item_start: int) -> Indicator | None:
        """A catalog indicator that the words right before an alias make of it
        (农村牧区常住 + 居民人均可支配收入 → 农村居民人均可支配收入)."""
        scan = self.d.scan
        before = scan[h.start - 1 : h.start]
        if not before or not _HANZI_RE.match(before) or before in _NOT_NARROWING:
            return None
        for k in (8, 6, 4, 3, 2):
            start = h.start - k
            if start < item_start:
                continue
            ind = self.catalog.resolve(_NOISE_RE.sub("", scan[start : h.end]))
            if ind is not None and ind.code != h.indicator.code:
                return ind
        return None

    def _named(self, name: str, q: Quantity, noun_end: int) -> _Resolved:
        """A noun phrase as the indicator: the catalog's when its normalised form
        is one (进出口总值 → 进出口总额), else the phrase itself."""
        if name:
            name = _without_debris(name, q.norm_unit == "count")
        ind = self.catalog.resolve(name) if name else None
        if ind is None and 2 <= len(name) <= 3 and q.norm_unit in ("元", "美元", "%"):
            # 出口增长12.5%, 进口下降3%: the flow is the catalog's 出口总额.
            for head in _BARE_FLOW_HEADS:
                ind = self.catalog.lookup(name + head)
                if ind is not None and ind.norm_unit in ("元", "美元"):
                    break
                ind = None
        if ind is None and name:
            # 山西技术合同交易总额, 全省…: a region named before the indicator.
            bare = _without_region_head(name)
            if bare:
                # 江苏目标经济增长5%: the lead words after the region name nothing.
                ind = self.catalog.resolve(bare) or self.catalog.resolve(
                    _LEAD_STRIP_RE.sub("", bare)
                )
        if ind is None and name and _INNER_VERB_RE.search(name, 2):
            # 技术市场实现交易额, 外贸完成进出口额: the verb of the clause stands
            # inside the name, between what is measured and its measure noun.
            ind = self.catalog.resolve(_INNER_VERB_RE.sub("", name))
        if ind is None and _BARE_GRANT_RE.fullmatch(name):
            ind = self._granted_of_applied(q)
        if ind is not None and ind.name == "固定资产投资" and "固定资产" not in name:
            # 实施重点项目100个,完成投资80亿元: the investment of the projects just
            # counted, not the region's 固定资产投资.
            projects = self._projects_counted(q.start)
            if projects and "计划" in self.d.scan[max(0, q.start - 8) : q.start]:
                # 重点项目13个,计划投资1.2亿元: planned, not done investment.
                return _Resolved(projects + "计划" + name, None, noun_end, False)
            if projects:
                whole = projects + name
                for k in range(len(projects) - 1):
                    # 亿元以上重点项目完成投资: the catalog's 重点项目完成投资.
                    part = self.catalog.resolve(whole[k:])
                    if part is not None and part.name != ind.name:
                        return _Resolved(part.name, part, noun_end, False)
                return _Resolved(whole, None, noun_end, False)
        if ind is not None:
            return _Resolved(ind.name, ind, noun_end, False)
        return _Resolved(self._noun_name(name, q), None, noun_end, False)

    def _granted_of_applied(self, q: Quantity) -> Indicator | None:
        """申请专利132项,授权95项: a bare 授权 after a count of applications in
        the same sentence is the count granted of the same kind."""
        if not self.records:
            return None
        rec = self.records[-1]
        s_start, _ = self.d.sentence_bounds(q.start)
        if rec.start < s_start or not rec.indicator.endswith("申请量"):
            return None
        granted = self.catalog.by_name.get(rec.indicator[: -len("申请量")] + "授权量")
        if granted is None or not _unit_fits(granted, q, "level"):
            return None
        return granted

    def _projects_counted(self, pos: int) -> str:
        """The projects the sentence counts before `pos` (亿元以上重点项目,
        331项城乡建设重点工程), or ""."""
        s_start, _ = self.d.sentence_bounds(pos)
        text = self.d.scan[s_start:pos]
        k, word = max((text.rfind(w), w) for w in _PROJECT_WORDS)
        if k < 0:
            return ""
        lo = max(text.rfind(c, 0, k) for c in ",;、:,") + 1
        name = _clean_name(text[lo : k + 2])
        return name if name.endswith(word) else word

    def _applied_head(self, item_start: int) -> re.Match[str] | None:
        """推荐申报A 6家、B 33家: the application verb heading a 、 list of
        counts reaches its later items (applications, not the stock)."""
        scan = self.d.scan
        k = item_start - 1
        while k >= 0 and scan[k] in " \t":
            k -= 1
        if k < 0 or scan[k] != "、":
            return None
        lo = max(0, item_start - 80)
        lo = max([lo] + [scan.rfind(c, lo, k) + 1 for c in ",;。:\n"])
        return _APPLIED_HEAD_RE.match(scan, lo, k)

    def _total_of_previous(self, name: str, g_start: int, pos: int) -> Indicator | None:
        """播种粮食220.6万亩,总产量72.4万吨: a bare total word takes the noun of
        the item before as its subject (粮食总产量), when the catalog knows it."""
        if not _BARE_TOTAL_RE.fullmatch(name):
            return None
        last = self._last_in_group.get(g_start)
        if last is None or last[1] is None:
            return self._total_of_clause_before(name, g_start, pos)
        noun = _PREVIOUS_NOUN_RE.search(self.d.scan, last[1].start, last[1].end)
        if noun is None:
            return None
        words = noun.group()
        for k in range(len(words) - 1):
            ind = self.catalog.lookup(words[k:] + name)
            if ind is not None:
                return ind
        return None

    def _total_of_clause_before(
        self, name: str, g_start: int, pos: int
    ) -> Indicator | None:
        """粮食喜获丰收,总产达到8.6亿斤: with no figure before it in the group, a
        bare total word takes a subject the clause before it names (粮食总产),
        when the catalog knows the pair."""
        scan = self.d.scan
        end = scan.rfind(",", max(g_start, pos - 40), pos)
        if end < 0:
            return None
        start = max(scan.rfind(",", max(g_start, end - 40), end) + 1, g_start)
        clause = scan[start:end]
        for size in (4, 3, 2):
            for k in range(len(clause) - size + 1):
                ind = self.catalog.lookup(clause[k : k + size] + name)
                if ind is not None:
                    return ind
        return None

    def _part_of_previous(self, name: str, seg: str, g_start: int) -> Indicator | None:
        """其中发明专利512件 after 专利授权量: the part borrows the measure word."""
        if "其中" not in seg:
            return None
        last = self._last_in_group.get(g_start)
        if last is None or last[1] is None or last[0].indicator is None:
            return None
        whole = last[0].indicator.name
        for k in range(1, len(whole) - 1):
            ind = self.catalog.lookup(name + whole[k:])
            if ind is not None:
                return ind
        return None

    def _subject_of_sentence(
        self, name: str, s_start: int, pos: int
    ) -> Indicator | None:
        """A bare quantity word (投入强度, 强度) after its subject was named in the
        sentence (全社会研发经费投入25亿元,投入强度2.1%): the subject's indicator
        of that quantity, when the catalog has one (研发投入强度)."""
        if not 2 <= len(name) <= 6 or not _HANZI_RE.match(name):
            return None
        d = self.d
        k = bisect_left(d.alias_starts, pos) - 1
        while k >= 0 and d.aliases[k].start >= s_start:
            whole = d.aliases[k].indicator.name
            if d.aliases[k].end <= pos and whole != name:
                for cut in range(len(whole) - 1, 1, -1):
                    found = self.catalog.lookup(whole[:cut] + name)
                    if found is not None and found.name != whole:
                        return found
                return None
            k -= 1
        return None

    def _listed_kind(self, s_start: int, pos: int) -> Indicator | None:
        """The count indicator whose list or recognition the sentence before
        `pos` names (高新技术企业名单, 科技型中小企业认定结果), or None."""
        d = self.d
        for h in reversed(d.aliases_between(max(s_start, pos - 80), pos)):
            if h.indicator.norm_unit != "count":
                continue
            if _LIST_AFTER_RE.match(d.scan, h.end):
                return h.indicator
        return None

    def _programme(self, s_start: int, pos: int) -> str:
        """The programme a generic noun belongs to (雏鹰培育计划…100家企业), or ""."""
        text = self.d.scan[max(s_start, pos - 60) : pos]
        quoted = _QUOTED_NAME_RE.findall(text)
        if quoted:
            return quoted[-1]
        named = _PROGRAMME_RE.findall(text)
        if named:
            return _PROGRAMME_VERB_RE.sub("", named[-1])
        return ""

    def _longer_alias(self, h: AliasHit, limit: int) -> AliasHit:
        """An alias starting inside `h` and reaching further (孵化器和众创空间)."""
        alias_re = self.catalog.alias_re
        assert alias_re is not None
        for start in range(h.start + 1, h.end):
            m = alias_re.match(self.d.scan, start, limit)
            if m and m.end() > h.end:
                return AliasHit(
                    start, m.end(), m.group(), self.catalog.by_alias[m.group()]
                )
        return h

    def _respectively(
        self, pos: int, g_start: int, norm_unit: str = ""
    ) -> _Resolved | None:
        scan = self.d.scan
        g_start = max(g_start, pos - _SENTENCE_REACH)
        f = scan.rfind("分别", g_start, pos)
        if f < 0 or scan.startswith("分别占", f):
            return None
        names_at = f
        hits: list[AliasHit] = []
        while names_at >= g_start:
            k = bisect_left(self.d.breaks, names_at) - 1
            names_start = max(self.d.breaks[k] + 1 if k >= 0 else 0, g_start)
            hits = self.d.aliases_between(names_start, names_at)
            if hits:
                # A second 分别 list naming its own items (…分别增长X、Y,城乡居民
                # 人均可支配收入分别增长A、B) does not take the first list's names.
                break
            # …分别达到N1、N2，分别增长X、Y: the names stand before the first 分别.
            names_at = scan.rfind("分别", g_start, names_start)
            if names_at < 0:
                break
        i = bisect_left(self.d.unit_starts, pos) - bisect_left(self.d.unit_starts, f)
        if not hits:
            hits = self._names_of_figureless_clause(f, g_start, norm_unit)
        before = _SPACES_RE.sub("", scan[max(g_start, f - 60) : f])
        named = bool(self.d.aliases_between(f, pos))
        k = bisect_left(self.d.breaks, f) - 1
        clause = scan[self.d.breaks[k] + 1 if k >= 0 else 0 : f]
        if len(hits) < 2 and (
            _BOTH_ANAPHOR_RE.search(before)
            # A 39363元,B 17573元,分别增长8.3%和7.7%: 分别 opens its clause.
            or (
                k >= 0
                and g_start <= self.d.breaks[k]
                and (not clause.strip() or _STOCK_ANAPHOR_RE.fullmatch(clause))
            )
        ):
            # 两者扣除价格因素实际分别增长7%和9%: the two figures just named;
            # 新增A294家、新增B25家、新增C803家,分别发展到816家、31家和911家:
            # as many figures as the list after 分别 holds.
            n = 2 if _BOTH_ANAPHOR_RE.search(before) else self._values_after(f)
            pair = self._last_n(g_start, f, max(n, 2))
            if pair is None or i >= len(pair):
                return None
            name, ind = pair[i]
            return _Resolved(name, ind, 0, False, cue_start=f)
        spans = _period_items(before)
        if spans is not None and len(hits) < 2:
            # 一季度、上半年、全年GDP分别增长…: the parts of the year of one
            # indicator, not names of their own.
            ind = self.catalog.resolve(spans)
            if ind is not None:
                return _Resolved(ind.name, ind, 0, False, cue_start=f)
            return _Resolved(spans, None, 0, False, cue_start=f)
        pair = None
        if len(hits) < 2:
            # 城乡居民人均可支配收入分别增长X、Y: one head shared by two subjects.
            pair = self._shared_head_pair(scan[max(g_start, f - 40) : f])
        if pair is None and len(hits) < 2:
            # 一、二、三产业增加值分别…: ordinals sharing 产业 and the head.
            pair = self._ordinal_items(before)
        # A second 分别 list with no names of its own (分别达A件和B件,同比分别
        # 增长x%、y%, 较上年同期分别…, 与上年相比分别…) takes the names before the
        # first 分别.
        first_at = names_at if hits else -1
        if first_at < 0 and not named and _NO_NAMES_CLAUSE_RE.fullmatch(clause):
            # The names before it need be no aliases (出口额、进口额分别为…).
            first_at = scan.rfind("分别", g_start, f - len(clause))
        second = bool(
            first_at != f and first_at >= 0 and _NO_NAMES_CLAUSE_RE.fullmatch(clause)
        )
        if pair is None:
            names_before = before
            if second:
                names_before = _SPACES_RE.sub(
                    "", scan[max(g_start, first_at - 60) : first_at]
                )
            listed = self._listed_names(names_before, len(hits))
            if listed is not None:
                i = _second_list(i, len(listed), named)
                if i < 0:
                    return None
                name, ind = listed[i]
                return _Resolved(name, ind, 0, False, cue_start=f)
        if pair is None and not (second and len(hits) >= 2):
            at = first_at if second else f
            names = _list_items(scan[max(g_start, at - 60) : at])
            if len(names) > max(len(hits), 1) and i < len(names):
                # A、B、C三大产业产值分别…, 收入、支出分别…: each item its own name.
                ind = self.catalog.resolve(names[i])
                if ind is not None:
                    return _Resolved(ind.name, ind, 0, False, cue_start=f)
                return _Resolved(names[i], None, 0, False, cue_start=f)
        if len(hits) < 2:
            if pair is None:
                return None
            i = _second_list(i, len(pair), named)
            if i < 0:
                return None
            ind = pair[i]
            return _Resolved(ind.name, ind, 0, False, cue_start=f)
        i = _second_list(i, len(hits), named)
        if i < 0:
            return None
        h = hits[i]
        return _Resolved(h.indicator.name, h.indicator, 0, False, cue_start=f)

    def _names_of_figureless_clause(
        self, f: int, g_start: int, norm_unit: str
    ) -> list[AliasHit]:
        """A和B在…基础上实现倍增,分别超过N1和N2: when 分别 opens its clause, the
        clause before it names two or more kinds and states no figure of its
        own, its names are the list's when each name's unit takes the figure
        (else none: 调高了A、B的增速,分别上调0.5个、1个百分点)."""
        breaks = self.d.breaks
        k = bisect_left(breaks, f) - 1
        if k < 0 or breaks[k] < g_start or self.d.scan[breaks[k] + 1 : f].strip():
            return []
        start = breaks[k - 1] + 1 if k >= 1 else 0
        if start < g_start:
            return []
        starts = self.d.quantity_starts
        if bisect_left(starts, start) != bisect_left(starts, breaks[k]):
            return []  # the clause has figures: its names are theirs
        hits = self.d.aliases_between(start, breaks[k])
        if len(hits) < 2 or any(h.indicator.norm_unit != norm_unit for h in hits):
            return []
        return hits

    def _paired_values(self, q: Quantity, g_start: int) -> _Resolved | None:
        """The subject of a figure in pairs after a two-subject head (城乡居民…,
        城镇和农村居民…, 城、乡居民…): each pair joined by 、/和, the pairs by a
        verb (分别增长), the first of a pair the first subject's."""
        d = self.d
        scan = d.scan
        starts = d.quantity_starts
        k = bisect_left(starts, q.start)
        if k >= len(starts) or starts[k] != q.start:
            return None
        ends = d.quantity_ends  # the QUANTITY_RE matches' ends, by index
        j = k
        while j > 0:
            prev_end = ends[j - 1]
            if starts[j - 1] < g_start or prev_end > starts[j]:
                break
            gap = scan[prev_end : starts[j]]
            if not _PAIR_GAP_RE.fullmatch(gap) or d.aliases_between(
                prev_end, starts[j]
            ):
                break
            j -= 1
        i = (k - j) % 2
        if i == 1:
            mate_gap = scan[ends[k - 1] : q.start]
        elif k + 1 < len(starts):
            mate_gap = scan[q.end : starts[k + 1]]
        else:
            return None
        if not _PAIR_JOIN_RE.fullmatch(mate_gap):
            return None
        # A third item joined the same way (一、二、三产业…X、Y、Z): no pair.
        if i == 1 and k + 1 < len(starts):
            third_gap = scan[q.end : starts[k + 1]]
        elif i == 0 and k > j:
            third_gap = scan[ends[k - 1] : q.start]
        elif i == 0 and k + 2 < len(starts):
            third_gap = scan[ends[k + 1] : starts[k + 2]]
        else:
            third_gap = ""
        if third_gap and _PAIR_JOIN_RE.fullmatch(third_gap):
            return None
        first = starts[j]
        head = _SPACES_RE.sub("", scan[max(g_start, first - 40) : first])
        # 城鎮(zhèn)、農(nóng)村居民…: a reposting site's pinyin glosses name nothing.
        head = _PAIR_VERB_END_RE.sub("", _PINYIN_RE.sub("", head))
        if not head or "分别" in head:
            return None
        if _SHARED_HEAD_RE.search(head) is None:
            return None  # not two subjects with one head (城乡居民…)
        pair = self._shared_head_pair(head)
        if pair is None or len(pair) != 2:
            return None
        lead = k - i
        cue = ends[lead - 1] if lead > j else max(g_start, first - 40)
        ind = pair[i]
        return _Resolved(ind.name, ind, 0, False, cue_start=cue)

    def _values_after(self, f: int) -> int:
        """How many figures the clause opened by 分别 at `f` lists."""
        d = self.d
        m = _CLAUSE_END_RE.search(d.scan, f, f + _SENTENCE_REACH)
        end = m.start() if m else f + _SENTENCE_REACH
        return bisect_left(d.unit_starts, end) - bisect_left(d.unit_starts, f)

    def _last_n(
        self, g_start: int, pos: int, n: int
    ) -> list[tuple[str, Indicator | None]] | None:
        """The indicators of the last `n` distinct figures before `pos` in the
        clause group, in text order."""
        out: list[tuple[str, Indicator | None]] = []
        for rec in reversed(self.records):
            if rec.start < g_start:
                break
            if rec.end > pos or any(rec.indicator == name for name, _ in out):
                continue
            out.append((rec.indicator, self.catalog.by_name.get(rec.indicator)))
            if len(out) == n:
                return out[::-1]
        return None

    def _listed_names(
        self, before: str, n_hits: int
    ) -> list[tuple[str, Indicator | None]] | None:
        """A、B和C增加值占规上工业增加值比重分别…, 肉、奶、禽蛋产量分别…: each item
        with the head the last one carries, the catalog's name where it has one.
        Only where the aliases alone cannot tell the items apart: fewer aliases
        than items, or a shared share (…占…比重) that an alias would cut."""
        m = _LISTED_RE.search(before)
        if m is None:
            return None
        items = [x for x in re.split(r"[、和及与]", m.group(1)) if x]
        if len(items) < 2:
            return None
        last = items[-1]
        share = "占" in last and bool(_SHARE_WORD_RE.search(last))
        if not share and n_hits >= len(items):
            return None
        if all(self.catalog.resolve(x) is not None for x in items):
            return None  # each item names its own indicator (the aliases path)
        t = _SHARED_TAIL_RE.search(last, 1)
        if t is None:
            return self._shared_head_items(items)
        tail = last[t.start() :]
        out: list[tuple[str, Indicator | None]] = []
        for x in [*items[:-1], last[: t.start()]]:
            name = _LEAD_STRIP_RE.sub("", x) + tail
            ind = self.catalog.resolve(name)
            out.append((ind.name, ind) if ind is not None else (name, None))
        if all(ind is None for _, ind in out) and not share:
            return None  # no evidence the items are parallel names of indicators
        return out

    def _shared_head_items(
        self, items: list[str]
    ) -> list[tuple[str, Indicator]] | None:
        """专利申请量和授权量, 出口额、进口额: the first item names its indicator
        in full, the next ones only what follows the head they share with it."""
        first = self.catalog.resolve(_LEAD_STRIP_RE.sub("", items[0]))
        if first is None:
            return None
        head_of = _LEAD_STRIP_RE.sub("", items[0])
        out: list[tuple[str, Indicator]] = [(first.name, first)]
        for x in items[1:]:
            ind = self.catalog.resolve(x)
            for k in range(len(head_of) - 1, 0, -1):
                if ind is not None:
                    break
                ind = self.catalog.resolve(head_of[:k] + x)
            if ind is None or any(ind.code == o.code for _, o in out):
                return None
            out.append((ind.name, ind))
        return out

    def _in_span(self, q: Quantity, item_start: int, qual_end: int, end: int) -> bool:
        """Whether `q` is a value of a from-to span opening its item (从X提升到Y,
        由X跃升至Y): X right after the from-word with a link and Y after it, Y
        after 从X and the link, or Y after a link alone (…,提升到Y)."""
        scan = self.d.scan
        lead = _LEAD_STRIP_RE.match(scan[item_start : q.start])  # 全市, 其中
        i = item_start + (lead.end() if lead else 0)
        if i >= q.start:
            return False
        if not _FROM_WORD_RE.match(scan, i):
            # A verb and its 到/至/为 (not a bare 增长5%: a growth of its own).
            return (
                scan[i] not in "到至"
                and scan[q.start - 1] in "到至为"
                and bool(_TO_LINK_RE.fullmatch(scan, i, q.start))
            )
        if i + 1 == q.start:
            return is_span_start(scan, q.start, qual_end, end)
        x = QUANTITY_RE.match(scan, i + 1, q.start)
        return x is not None and bool(_TO_LINK_RE.fullmatch(scan, x.end(), q.start))

    def _span_subject(
        self, q: Quantity, g_start: int, item_start: int
    ) -> _Resolved | None:
        """The subject of a from-to span named by the clause before it in the
        group: the indicator of its last figure, when `q` can be a level of it
        (GDP年均增长6.5%,从2000亿元…: yes; 研发投入强度2.5%,从50亿元…: no)."""
        name = self._previous_subject(g_start, item_start)
        if name is None:
            return None
        rec = self._last_in_group[g_start][1]
        assert rec is not None
        ind = self.catalog.by_name.get(name)
        if ind is not None:
            fits = _unit_fits(ind, q, "level")
        else:
            fits = q.norm_unit == rec.norm_unit or (
                rec.measure == "growth" and q.norm_unit != "pp"
            )
        return _Resolved(name, ind, 0, True) if fits else None

    def _previous_subject(self, g_start: int, item_start: int) -> str | None:
        """What the clause group's last figure before `item_start` counted."""
        last = self._last_in_group.get(g_start)
        if last is None or last[1] is None or last[1].end > item_start:
            return None
        return last[1].indicator

    def _per_head_of_previous(
        self, word: str, g_start: int, item_start: int
    ) -> _Resolved | None:
        """人均 (or 每万人) after the figure of a subject in the clause group: the
        catalog's per-head indicator of that subject (人均地区生产总值)."""
        if word not in _PER_HEAD_WORDS:
            return None
        subject = self._previous_subject(g_start, item_start)
        if subject is None:
            return None
        ind = self.catalog.resolve(word + subject)
        return _Resolved(ind.name, ind, 0, False) if ind is not None else None

    def _clause_subject(self, g_start: int, item_start: int) -> str | None:
        """The noun the clause before `item_start` opens with when no record was
        made of its figure (规上工业研发费用1.76亿元,占…), if the catalog knows
        it, or None."""
        name = self._clause_noun(g_start, item_start)
        return name if len(name) >= 2 and self.catalog.resolve(name) else None

    def _clause_noun(self, g_start: int, item_start: int) -> str:
        """The words before the first quantity of the clause before `item_start`
        (城镇常住人口 of 城镇常住人口213万人,占…), cleaned, or ""."""
        scan = self.d.scan
        lo = max(scan.rfind(c, g_start, item_start - 1) for c in ",;:、") + 1
        lo = max(lo, g_start)
        k = bisect_left(self.d.unit_starts, lo)
        if k >= len(self.d.unit_starts) or self.d.unit_starts[k] >= item_start:
            return ""
        return _clean_name(scan[lo : self.d.unit_starts[k]])

    def _shared_head_pair(self, before: str) -> list[Indicator] | None:
        """城镇和农村居民人均可支配收入 / 城乡居民…: the catalog indicators of each
        subject with the shared head, or None."""
        m = _SHARED_HEAD_RE.search(before)
        if m is None:
            return self._listed_subjects(before) or self._compound_pair(before)
        if m.group("both"):
            firsts = list(_BOTH_SUBJECTS[m.group("both")])
        else:
            firsts = [m.group("a"), m.group("b")]
        head = m.group("head")
        out = []
        for first in firsts:
            ind = None
            # 2023年城镇、农村…: the subject is the end of what stands before 、.
            for k in range(len(first)):
                sub = first[k:]
                ind = self.catalog.resolve(sub + head)
                if ind is None and sub in _SUBJECT_FORMS:
                    ind = self.catalog.resolve(_SUBJECT_FORMS[sub] + head)
                if ind is None and head.startswith("人均"):
                    ind = self.catalog.resolve(
                        _SUBJECT_FORMS.get(sub, sub) + "居民" + head
                    )
                if ind is None:
                    # 城镇居民、农村居民人均…: the first subject written whole
                    # repeats the head's opening word.
                    overlap = next(
                        (
                            n
                            for n in range(min(len(sub), len(head)), 1, -1)
                            if sub.endswith(head[:n])
                        ),
                        0,
                    )
                    if overlap:
                        ind = self.catalog.resolve(sub + head[overlap:])
                if ind is not None:
                    break
            if ind is None:
                return None
            out.append(ind)
        return out

    def _compound_pair(self, before: str) -> list[Indicator] | None:
        """一般公共预算收支, 存贷款余额, 进出口额 right before 分别: the catalog
        indicators of the two things one word names together, or None."""
        m = _COMPOUND_PAIR_RE.search(before)
        if m is None:
            return None
        out = []
        for part in _COMPOUND_PARTS[m.group("pair")]:
            ind = self.catalog.resolve(m.group("pre") + part + m.group("post"))
            if ind is None:
                return None
            out.append(ind)
        return out

    def _ordinal_items(self, before: str) -> list[Indicator] | None:
        """一、二、三产业增加值 / 第二、三产业…: 第一产业增加值, 第二产业增加值…, the
        catalog's indicator of each (第三产业增加值 is 服务业增加值), or None."""
        m = _ORDINAL_LIST_RE.search(before)
        if m is None:
            return None
        out = []
        for o in re.findall(r"[一二三]", m.group(1)):
            ind = self.catalog.resolve("第" + o + m.group(2))
            if ind is None:
                return None
            out.append(ind)
        return out

    def _listed_subjects(self, before: str) -> list[Indicator] | None:
        """化学需氧量、二氧化硫排放量分别…: the last item names the indicator; the
        items before it share its head (排放量)."""
        m = _LISTED_RE.search(before)
        if m is None:
            return None
        items = re.split(r"[、和及与]", m.group(1))
        last = self.catalog.resolve(items[-1])
        if last is None or len(items) < 2:
            return None
        tail = items[-1]
        for k in range(2, min(len(tail), 10)):
            head = tail[-k:]
            firsts = [self.catalog.resolve(x + head) for x in items[:-1]]
            if all(f is not None for f in firsts):
                return [*firsts, last]  # type: ignore[list-item]
        return None

    def _alias_ok(self, h: AliasHit, item_start: int) -> bool:
        scan = self.d.scan
        prefix = scan[max(item_start, h.start - 6) : h.start]
        level_m = _LEVEL_PREFIX_RE.search(prefix)
        text_level = level_of(level_m.group(1)) if level_m else level_of(h.alias)
        cat_level = h.indicator.level
        if cat_level and text_level and cat_level != text_level:
            return False
        if _MODIFIER_RE.search(scan[max(item_start, h.start - 6) : h.start]):
            return False
        return not _APPLICATION_RE.search(scan[max(item_start, h.start - 3) : h.start])

    def _inherit(
        self, g_start: int, s_start: int, pos: int, unit_of: Quantity | None = None
    ) -> _Resolved | None:
        last = self._last_in_group.get(g_start)
        rec_pos = -1
        if last is not None:
            if last[2] == "skip":
                return None
            rec = last[1]
            # An alias inside the last figure's own quote was read with it
            # (技术合同登记成交总金额8.7亿元): the figure's indicator stands.
            rec_pos = -1
            if rec is not None:
                rec_pos = rec.end - 1 if last[0].indicator is not None else rec.start
                # 服务业增加值占比提高1.5个百分点以上,力争提高2个: the alias is
                # a word of the last figure's own phrase name.
                named_in = rec.indicator
                if any(
                    h.alias in named_in and h.end <= rec.end
                    for h in self.d.aliases_between(rec.start, rec.end)
                ):
                    rec_pos = rec.end - 1
        # The last alias mentioned earlier in the sentence (确保总数稳定在2500人左右).
        k = bisect_left(self.d.alias_starts, pos) - 1
        alias_hit = None
        scan = self.d.scan
        while k >= 0 and self.d.aliases[k].start >= s_start:
            h = self.d.aliases[k]
            if h.end <= pos and not _is_share_whole(scan, h.start):
                alias_hit = h
                break
            k -= 1
        if alias_hit is not None and _FUND_AFTER_ALIAS_RE.match(scan, alias_hit.end):
            # 195家企业获省级高企财政补助1960万元,同比增长25.6%: the alias names
            # whose fund it is; the growth after it is the fund's.
            return None
        if alias_hit is not None and alias_hit.start > rec_pos:
            if unit_of is not None and not _unit_fits(
                alias_hit.indicator, unit_of, "growth"
            ):
                return None
            return _Resolved(alias_hit.indicator.name, alias_hit.indicator, 0, True)
        if last is not None and last[1] is not None:
            res = last[0]
            if (
                unit_of is not None
                and unit_of.norm_unit == "%"
                and "占" in res.name
                and _GROWTH_WORD_RE.search(scan, last[1].end, pos)
            ):
                # …占…的比重达到3.72%,增速达到30.7%: the growth of the subject.
                for rec in reversed(self.records):
                    if rec.start < g_start:
                        break
                    if rec.start < last[1].start and rec.norm_unit != "%":
                        ind = self.catalog.by_name.get(rec.indicator)
                        return _Resolved(rec.indicator, ind, 0, True)
            applied = None if res.indicator else _APPLIED_NAME_RE.match(res.name)
            if applied is not None and _GRANTED_RE.search(scan, last[1].end, pos):
                # 申报高新技术企业378家,新增200家: the applications were counted;
                # what was granted after them is the kind applied for.
                ind = self.catalog.resolve(res.name[applied.end() :])
                if ind is not None and (
                    unit_of is None or _unit_fits(ind, unit_of, "level")
                ):
                    return _Resolved(ind.name, ind, 0, True)
            return _Resolved(res.name, res.indicator, 0, True)
        restated = self._restated_subject(s_start, pos, unit_of)
        if restated is not None:
            return restated
        return self._label_topic(pos, unit_of)

    def _restated_subject(
        self, s_start: int, pos: int, unit_of: Quantity | None
    ) -> _Resolved | None:
        """即,2020年突破3000亿,2023年突破4000亿: a sentence that opens by
        restating the one before and names nothing counts what the sentence
        before named last (its last catalog alias, when the unit fits)."""
        d = self.d
        scan = d.scan
        if not _RESTATE_RE.match(scan, s_start, pos):
            return None
        if d.aliases_between(s_start, pos):
            return None
        k = bisect_left(d.alias_starts, s_start) - 1
        if k < 0:
            return None
        h = d.aliases[k]
        if s_start - h.end > _SENTENCE_REACH or scan.count("\n", h.end, s_start) > 1:
            return None  # the sentence (or line) right before, not further
        if unit_of is not None and not _unit_fits(h.indicator, unit_of, "level"):
            return None
        return _Resolved(h.indicator.name, h.indicator, 0, True)

    def _label_topic(self, pos: int, unit_of: Quantity | None) -> _Resolved | None:
        """The indicator named by a short label opening the paragraph (1.高企。…)."""
        d = self.d
        line_start = d.line_start(pos)
        num = _NUMBERING_RE.match(d.scan, line_start)
        base = num.end() if num else line_start
        end = -1
        for mark in "。:":
            j = d.scan.find(mark, base, min(pos, base + 24))
            if j >= 0 and (end < 0 or j < end):
                end = j
        if end < 0:
            return None
        hits = d.aliases_between(base, end)
        if len(hits) != 1:
            return None
        h = hits[0]
        if unit_of is not None and not _unit_fits(h.indicator, unit_of, "growth"):
            return None
        return _Resolved(h.indicator.name, h.indicator, 0, True)

    def _generic_head(self, name: str, pos: int) -> Indicator | None:
        # 技术合同登记382项、交易金额26亿元: a deal's amount, however worded, is
        # what the catalog calls 成交额.
        name = _DEAL_AMOUNT_RE.sub("成交额", name)
        head = next((g for g in _GENERIC_HEADS if name.endswith(g)), None)
        if head is None or len(name) > len(head) + 2:
            return None
        # Which catalog industry does the paragraph talk about (人工智能产业…产业产值)?
        line_start = self.d.scan.rfind("\n", max(0, pos - 2000), pos) + 1
        para = self.d.scan[max(line_start, pos - 2000) : pos]
        best = None
        best_pos = -1
        for stem, ind in _generic_stems(self.catalog, head):
            k = para.rfind(stem)
            if k > best_pos:
                best, best_pos = ind, k
        return best

    def _mismatch_name(self, name: str, ind: Indicator, q: Quantity) -> str:
        """The name of a figure whose unit the matched indicator cannot take: money
        for a count (重大科技专项1736.5万元) is what was spent on it, never the
        count itself. Percentage points of an amount or a count (规上工业增加值
        增长13%,比上年同期提高9个百分点) move its growth rate: no figure of it."""
        if q.norm_unit == "pp" and ind.norm_unit in ("元", "美元", "count"):
            return ""
        if (
            name == ind.name
            and q.norm_unit in ("元", "美元")
            and ind.norm_unit == "count"
        ):
            stem = name.removesuffix("数")
            return stem if stem.endswith("金额") else stem + "金额"
        if (
            name == ind.name
            and q.norm_unit == "count"
            and q.unit
            and ind.norm_unit in ("元", "美元")
        ):
            # 技术合同登记额441项: a counter on an amount counts the things the
            # amount is of, the catalog's one count of the same subject.
            sibling = self.catalog.count_sibling(ind)
            if sibling is not None:
                return sibling.name
        return self._noun_name(name, q)

    def _noun_name(self, name: str, q: Quantity) -> str:
        name = name.strip()
        if not name:
            return ""
        if q.norm_unit in ("count",) and not name.endswith(("数", "量", "次", "率")):
            return name + "数"
        return name

    def _without_aliases(self, start: int, end: int) -> str:
        """scan[start:end] with the catalog aliases found there cut out."""
        scan = self.d.scan
        parts = []
        pos = start
        for h in self.d.aliases_between(start, end):
            if h.start >= pos:
                parts.append(scan[pos : h.start])
                pos = h.end
        parts.append(scan[pos:end])
        return "".join(parts)


# Verbs and adverbs of a level the gap words do not list (跃攀升至, 稳居在,
# 保持于): they name nothing between the alias and its figure.
_MORE_GAP_WORDS_RE = re.compile(
    r"跃(?=攀升|上|居)|稳居|居于|处于|稳定于|保持于|(?<=稳居)在|"
    # 高新技术企业数在330家以上: the counting word, then a bare copula 在.
    r"^数(?=在|达|为|超|突破)|(?<![定持制])在$"
)


# What a name keeps of the verb of its figure or of the next item: 增至,
# 发展到, 比重提高到, 占比由22.7%提升至; 国家级高新区和 (…和7个省级园区).
_NAME_DEBRIS_END_RE = re.compile(
    r"(?:由[\d.]+%?)?(?:增至|增加到|增加至|增长到|增长至|发展到|发展至|提升至|提升到|提高至|"
    r"提高到|上升至|上升到|升至|降至|降到|下降到|下降至|回落到|回落至|降低到|降低至|减少到|减少至|"
    # 企业数在40家以上: a bare copula after the counting word.
    r"(?<=[数量额率])在"
    # 经济增长预期目标为6.5%左右: the copula after the goal word.
    r"|(?<=目标|指标)(?:为|是|定为))$"
)
_NAME_JOINER_END_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})[和及与、]$")


def _without_debris(name: str, count: bool) -> str:
    """`name` without the verb it kept at its end, and for a count the joiner
    to the next item (1个国家级高新区和7个…); at least two characters stay."""
    while True:
        m = _NAME_DEBRIS_END_RE.search(name)
        if m is None and count:
            m = _NAME_JOINER_END_RE.search(name)
        if m is None or m.start() < 2:
            return name
        name = name[: m.start()]


def _with_scope(scope: str, name: str) -> str:
    """The field a figure is counted in (数字经济领域) before its name, once: a
    name that already holds it (在数字经济领域引进项目) keeps what follows it."""
    if scope and scope in name:
        name = name[name.index(scope) + len(scope) :]
    return scope + name


@lru_cache(maxsize=8192)  # a pure function of the string, asked again per figure
def _gap_words(gap: str) -> str:
    if not gap:
        return gap
    gap = _GAP_NOTE_RE.sub("", gap)  # 进出口总额(海关口径)为: how it is counted
    gap = _ADVERBIAL_RE.sub("", strip_rank_phrases(gap))
    gap = _RANGE_LOWER_END_RE.sub("", gap)
    return _QUALIFIER_PHRASE_RE.sub("", _MORE_GAP_WORDS_RE.sub("", gap))


# 省级重点实验室5—8个, 增长8%-8.5%: the bare lower end of a range, right before
# its upper end, is no part of the name.
_RANGE_LOWER_END_RE = re.compile(r"\d+(?:\.\d+)?[%‰]?\s*(?:-{1,2}|~)\s*$")
_GAP_NOTE_RE = re.compile(
    r"^[(（][^()（）\d]{1,12}[)）]"
    # 实际使用外资商务部口径预计完成: the basis it is counted on, unbracketed.
    r"|^(?:按|以)?[\u4e00-\u9fff]{1,4}?口径(?:计算|统计)?"
)


def _second_list(i: int, n: int, named: bool) -> int:
    """The name index of the i-th figure after 分别 for n names: a second list
    right after the first, naming nothing of its own, shares the names
    (分别为39310元、20356元,增长5.5%、5.6%); -1 past that."""
    if i < n:
        return i
    return i - n if i < 2 * n and not named else -1


def _is_share_whole(scan: str, start: int) -> bool:
    """Whether the alias at `start` is the whole of a share (占一般公共预算支出…)."""
    return scan[start - 1 : start] == "占" or scan[start - 2 : start] == "占了"


def _ends_place_name(scan: str, end: int) -> bool:
    """Whether a gazetteer name of three to six characters (海东市, 克拉玛依市)
    ends at scan[end] with its 市 or 省."""
    if scan[end - 1 : end] not in ("市", "省"):
        return False
    places = gazetteer()
    return any(
        places.name_at(scan, k, end) == scan[k:end]
        for k in range(max(0, end - 6), end - 2)
    )


def _without_region_head(name: str) -> str:
    """`name` without a region name opening it (山西技术合同成交额), or ""."""
    head = gazetteer().name_at(name)
    if not head or len(name) - len(head) < 3:
        return ""
    return name[len(head) :]


_DEAL_AMOUNT_RE = re.compile(r"(?:交易|成交)金?额$")


def _generic_stems(catalog: Catalog, head: str) -> list[tuple[str, Indicator]]:
    """Catalog indicators named <stem><head> (人工智能产业产值 for 产业产值), cached."""
    key = (id(catalog), head)
    if key not in _STEMS:
        out = []
        for ind in catalog.indicators:
            if not ind.name.endswith(head) or ind.name == head:
                continue
            stem = ind.name[: -len(head)]
            stem = stem[:-2] if stem.endswith("产业") else stem
            if len(stem) >= 2:
                out.append((stem, ind))
        _STEMS[key] = out
    return _STEMS[key]


def _clean_gap(gap: str) -> str:
    gap = _strip_periods(gap)
    gap = _TAIL_STRIP_RE.sub("", gap)
    return gap


# 投资超10亿元(的)重大项目, 5000万元以上的项目: a size that selects the items
# counted, not part of their name.
_SIZE_CLAUSE_RE = re.compile(
    r"(?:总投资|投资额?|规模|营业收入|产值)?(?:超过|超|达|在|逾)?\d[\d.]*(?:万|亿)?元(?:以上|及以上)?的?"
)
# 具有自主知识产权的重大新产品: a relative clause before the counted noun.
_RELATIVE_CLAUSE_RE = re.compile(
    r"^(?:具有|拥有|具备|掌握|带动)[^的,、]{1,12}的(?=[\u4e00-\u9fff]{2})"
)


def is_span_start(scan: str, start: int, qual_end: int, end: int) -> bool:
    """Whether the figure at `start` is X of 从X提升到Y / 由X%提高到Y%: the
    from-word right before it, a link and another figure right after it."""
    if start == 0 or not _FROM_WORD_RE.match(scan, start - 1):
        return False
    link = _TO_LINK_RE.match(scan, qual_end, end)
    return link is not None and bool(QUANTITY_RE.match(scan, link.end(), end))


def _names_nothing(name: str) -> bool:
    """Whether `name` is only the words of a from-to span (从, 由跃升至, 提升到,
    从400家增加到, with the 数 a count's name takes) or a bare number: never an
    indicator."""
    rest = QUANTITY_RE.sub("", name)
    if _FROM_WORD_RE.match(rest):
        rest = rest[1:]
    rest = rest.removesuffix("数")
    return not rest or bool(_TO_LINK_RE.fullmatch(rest))


# 是2010年的1.7倍, 相当于2018年(260.1亿元)的: a bare copula before a base year.
BARE_COPULAS = frozenset(("是", "是数", "为", "相当于"))


# 面积由2012年的51.9…, 从3000亿元跨越到…: a name never reaches into a from-to
# span (自由, 理由 are words, not the from-word).
_SPAN_FROM_RE = re.compile(
    r"(?<![自理缘经])[由从](?=\s*(?:(?:19|20)\d{2}\s*年|的?\s*\d|上年|去年))"
)
# 玉溪将实施…, 全区要建设…: a place, then the modal or verb that opens the clause.
_PLACE_LEAD_RE = re.compile(r"(?:将|要|拟|计划|力争|争取|还将)(?:实施|建设|推进|开工)?")
# 各级各类瞪羚企业: how many kinds are counted together, not what.
_KINDS_LEAD_RE = re.compile(r"^(?:各级各类|各级|各类)")


def _without_place_lead(s: str) -> str:
    """玉溪将实施城市更新项目 → 城市更新项目: a leading place name followed by
    a modal names who acts, not what is counted."""
    place = gazetteer().name_at(s, 0, min(len(s), 8))
    if len(place) >= 2:
        m = _PLACE_LEAD_RE.match(s, len(place))
        if m is not None and len(s) - m.end() >= 2:
            return s[m.end() :]
    return s


@lru_cache(maxsize=8192)
def _clean_name(s: str) -> str:
    """A noun phrase without its noise, periods, numbering and lead or tail
    words, its last 16 characters (a pure function of the phrase: remembered)."""
    s = _cleaned(s)
    return s[-16:] if len(s) > 16 else s


def _share_phrase(pre_item: str, clean: Callable[[str], str]) -> str:
    """A share's wording before its figure, cleaned by `clean`, without the
    bound crossed before the figure (首次突破11%) and the verb that moves it
    (提高至): the verb goes before the name is cleaned, a clean name keeping
    its last characters."""
    bare = _SHARE_VERB_END_RE.sub("", _MILESTONE_BOUND_RE.sub("", pre_item).rstrip())
    return _SHARE_VERB_END_RE.sub("", clean(bare))


def _clean_share_name(s: str) -> str:
    """A share's name cleaned as a noun phrase is, but whole up to 28
    characters (全社会科研经费支出占地区生产总值比重: the cut drops its subject)."""
    s = _cleaned(s)
    place = gazetteer().name_at(s, 0, min(len(s), 10))
    if len(place) >= 2 and place[-1] in "省市县区州旗盟" and len(s) - len(place) >= 6:
        s = s[len(place) :]  # 大连市技术合同成交额占…: whose share, not what
    return s[-28:] if len(s) > 28 else s


@lru_cache(maxsize=8192)
def _cleaned(s: str) -> str:
    s = s.lstrip("—–―-")  # ——预计…: the dash opening a list item
    s = _NOISE_RE.sub("", s)
    s = _SIZE_CLAUSE_RE.sub("", s)
    s = _RANGE_LOWER_END_RE.sub("", s)
    note = _TRAILING_NOTE_RE.search(s, 2)
    if note is not None:
        s = s[: note.start()]
    span = _SPAN_FROM_RE.search(s, 2)
    if span is not None:
        # 建成区面积由2012年的51.9平方公里提高到…: the name ends at the span (unless
        # nothing but a cue word stands before it: 增速从…转为).
        head = _cleaned(s[: span.start()])
        if head:
            return head
    s = _strip_periods(s)
    s = _without_place_lead(s)
    s = _NUMBERING_HEAD_RE.sub("", s)
    prev = None
    while prev != s:
        prev = s
        s = _LEAD_STRIP_RE.sub("", s)
        s = _TAIL_STRIP_RE.sub("", s)
    # A、B等C names C; 二等奖 is a prize, not a list.
    k = s.rfind("等", 1)
    if k > 0 and s[k - 1] not in "一二三四五六七八九十" and len(s) - k > 2:
        s = s[k + 1 :]
    s = _KIND_PREFIX_RE.sub("", s)
    s = _KINDS_LEAD_RE.sub("", s).replace("各类", "")
    s = _LIGHT_VERB_RE.sub("", s)
    if s.endswith("率"):
        # 52个重点项目开工率: the count of the rate's base names no rate.
        s = _RATE_BASE_COUNT_RE.sub("", s)
    return s


_RATE_BASE_COUNT_RE = re.compile(
    r"^\d+(?:\.\d+)?(?:万|千|百)?[个户家所座项村条名位](?=[\u4e00-\u9fff]{2,}率$)"
)


# 对7个省级项目进行验收, 对30家企业予以奖励: a light verb between the things
# counted and the action names nothing (省级项目验收).
_LIGHT_VERB_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:进行|予以|给予|加以)(?=[\u4e00-\u9fff]{2,4}$)"
)


# 8个省级重点实验室等工作, 30个工作站和认定5个…: 等 closes the things counted,
# and a joiner before a verb opens another clause.
_ETC_WORK_RE = re.compile(
    r"等(?=工作|方面|措施|举措|形式|方式|途径)"
    r"|[和并及与](?=认定|建设|建立|培育|新建|引进|实施|推进|打造|组建|创建|申报)"
)


def _trim_noun(noun: str, start: int) -> tuple[str, int]:
    """The counted noun after a number, and where it ends."""
    end = len(noun)
    # Stop before a comparison or a trailing clause (,同比…).
    m = _NOUN_STOP_RE.search(noun)
    if m:
        end = m.start()
    m = _ETC_WORK_RE.search(noun, 2, end)
    if m:
        end = m.start()
    # 推进331个城市更新项目、机场扩建…: the number counts the first noun of a
    # 、 list. Not a list of levels (国家、省级平台), of words in brackets
    # (独角兽(种子、潜在)企业) or of modifiers of one head (…高、…强的项目).
    k = noun.find("、", 0, end)
    if (
        k >= 3
        and noun[:k] not in _LEVEL_WORDS
        and not noun[:k].endswith("级")
        and noun.count("(", 0, k) + noun.count("（", 0, k)
        == noun.count(")", 0, k) + noun.count("）", 0, k)
        and "的" not in noun[k:end]
    ):
        end = k
    core = noun[:end].rstrip()
    if len(core) > 40:
        core = core[:40]
        end = 40
    return core, start + end


def _bare_amount_of(ind: Indicator, q: Quantity, measure: str) -> bool:
    """A bare number (人均可支配收入完成14809, the 元 lost) read as the amount of
    an indicator counted in plain 元: the unit is the indicator's own."""
    return (
        measure == "level"
        and ind.unit == "元"
        and q.unit == ""
        and q.norm_unit == "count"
        and not q.chinese
        and q.value >= 100
    )


def _unit_fits(ind: Indicator, q: Quantity, measure: str) -> bool:
    if ind.norm_unit == "count":
        return q.norm_unit == "count" or (q.norm_unit == "%" and measure == "growth")
    if ind.norm_unit == "元":
        return q.norm_unit == "元" or (q.norm_unit == "%" and measure == "growth")
    if ind.norm_unit == "%":
        # 居民消费价格指数105.1: a price index (last year = 100) as written.
        return q.norm_unit in ("%", "pp") or (
            not q.unit and "价格" in ind.name and 50 < q.value < 200
        )
    return True


# What joins kinds counted together (重点实验室、工程技术研究中心20家; 创新龙头
# 企业和‘瞪羚’企业数25家), and the quote marks that may open a kind's name.
_KIND_JOINS = frozenset("、和与及")
_QUOTE_MARKS = frozenset("‘’“”\"'「」")
_KIND_NOUN_END_RE = re.compile(
    r"(?:企业|中心|实验室|平台|基地|机构|空间|孵化器|园区|工作站)[’”\"'」]?$"
)

# Words that share a figure out over the items before it.
_SHARE_OUT_RE = re.compile(r"分别|均|各|都|双双")

# The names listed before 分别 when the catalog does not know them all.
_NAMES_LIST_RE = re.compile(
    r"((?:[\u4e00-\u9fffA-Za-z&]{1,14}[、和及与])+[\u4e00-\u9fffA-Za-z&]{1,18}?)(?:同比)?$"
)
_NAMES_LEAD_RE = re.compile(
    r"^(?:全市|全省|全县|全区|全州|全年|我市|我省|我县|我区|其中|力争|确保|预计|争取|"
    r"今年|去年|上年|同比)+"
)
_COLLECTIVE_IN_RE = re.compile(r"(?<=^..)[一二三四五六七八九十两\d]+(?:大|类|个)")


# 一季度、上半年、全年全市GDP, 1-5月、1-6月固定资产投资: periods, then a name.
_PERIODS_LIST_RE = re.compile(
    r"((?:[\u4e00-\u9fff\d\-~]{1,10}[、和及与])+[\u4e00-\u9fffA-Za-z&\d\-~]{2,24}?)"
    r"(?:同比)?$"
)


def _period_items(before: str) -> str | None:
    """The indicator a list of periods before 分别 shares (一季度、上半年、全年全市
    GDP → GDP), or None when the items are not all periods."""
    m = _PERIODS_LIST_RE.search(before)
    if m is None:
        return None
    tokens = [t for t in re.split(r"[、和及与]", m.group(1)) if t]
    if len(tokens) < 2 or any(_strip_periods(t) for t in tokens[:-1]):
        return None
    name = _clean_name(tokens[-1])
    return name if len(name) >= 2 and name != tokens[-1] else None


@lru_cache(maxsize=4096)
def _list_items(before: str) -> list[str]:
    """A、B、C三大产业产值 → A产业产值, B产业产值, C产业产值; 收入、支出 after
    a longer first name → 地方财政收入, 地方财政支出; else the items as written.
    A pure function of the text before a 分别, which every figure after it asks
    about: remembered (the one caller only reads the list)."""
    m = _NAMES_LIST_RE.search(before)
    if m is None:
        return []
    tokens = [t for t in re.split(r"[、和及与]", m.group(1)) if t]
    if len(tokens) < 2:
        return []
    tokens[0] = _NAMES_LEAD_RE.sub("", tokens[0]) or tokens[0]
    if min(map(len, tokens)) < 2:
        return []  # 肉、奶、禽蛋产量: stems whose names the text does not spell out
    first = tokens[0]
    later = tokens[1:]
    names = list(tokens)
    # 冶金三大产业产值: the collective (三大) counts the list, it names nothing.
    names[-1] = _COLLECTIVE_IN_RE.sub("", names[-1], count=1)
    for k in range(len(names) - 2, -1, -1):
        t, nxt = names[k], names[k + 1]
        if len(t) <= 4 and len(nxt) >= len(t) + 2:
            names[k] = t + nxt[len(t) :]  # 城镇、农村居民… → 城镇居民…
    if names != tokens:
        return names
    if all(len(t) <= 3 for t in later) and len(first) >= max(map(len, later)) + 2:
        return [first] + [first[: len(first) - len(t)] + t for t in later]
    return tokens
