"""The extraction engine: text in, target/actual mention records out.

One pass finds every quantity (numbers.QUANTITY_RE) and every catalog alias
(catalog.find_aliases); the text is cut into paragraphs (lines), sentences
(。!?), clause groups (also ;) and items (also , : 、-after-a-quantity). Each
quantity is then read in the light of its item: which indicator it counts,
whether it is a change or a level, how it is qualified, and whether its
paragraph or clause states a goal or reports a result.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from .catalog import (
    AliasHit,
    Catalog,
    Indicator,
    find_aliases,
    finditer_from,
    level_of,
    load_catalog,
)
from .document import BOILERPLATE_RE, DocContext, document_context
from .loading import MAX_TEXT_CHARS
from .numbers import (
    CN_NUMERAL_CHARS,
    QUANTITY_RE,
    Quantity,
    read_quantity,
    to_halfwidth,
)
from .records import DocumentInfo, Extraction, Record
from .regions import CITY_WITH_SUFFIX_RE

# ---------------------------------------------------------------- segmentation

# Every branch starts with a literal so the regex engine can skip ahead quickly.
_BREAK_RE = re.compile(
    r"[;:。!?\n\t|]| {2,}|,(?:(?<!\d,)|(?!\d{3}(?!\d)))"
    r"|、(?:(?=\d)|(?<=[\d%]、)|(?<=[\d余多][家个项人名件场次户元亿点]、)"
    r"|(?<=以上、|左右、|以下、|以内、|上下、|场次、|亿元、|万元、)|(?<=百分点、))"
)
_BASE_AFTER_RE = re.compile(r"(?:底|末)?(?:的)?基础上|(?:底|末)?(?:的)?水平上")
_ITEM_REACH = 120  # characters an item may extend on either side of its figure
_SENTENCE_REACH = 600  # characters a sentence-level cue may be looked for backwards
_GROUP_RE = re.compile(r"[。!?\n;]")
# Short quoted strings are names and slogans (“千家企业大走访”); long ones are speech.
_QUOTED_RE = re.compile(
    r"“[^”\n]{0,15}”|《[^》\n]{0,80}》|\"[^\"\n]{0,15}\"|「[^」\n]{0,15}」"
)
_NUMBERING_RE = re.compile(
    r"[\s]*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.]|"
    r"\d{1,2}[、.](?!\d)|第[一二三四五六七八九十]{1,3}[、,，条是])\s*"
)
_LEVEL_WORDS = frozenset(["国家级", "省级", "市级", "县级", "区级", "国家", "省", "市"])
_LEVEL_PREFIX_START_RE = re.compile(
    r"^(?:国家级|国家|省级以上|市级以上|省级|市级|县级|区级)"
)
_NUMBERING_FIRST = frozenset(" \t\u3000(（一二三四五六七八九十第0123456789")
_NUMBERING_HEAD_RE = re.compile("^" + _NUMBERING_RE.pattern)
_TOP_HEADING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)"
)
_NOISE_RE = re.compile(r"[“”\"‘’「」『』《》]|\([^()\n]{0,30}\)")
_HANZI_RE = re.compile(r"[\u4e00-\u9fff]")

# ---------------------------------------------------------------- section cues

_TARGET_HEAD_RE = re.compile(
    r"目标|思路|计划|打算|下一步|要点|安排|举措|任务|展望|预期|谋划|重点工作思路"
)
_ACTUAL_HEAD_RE = re.compile(
    r"总结|完成情况|工作情况|进展|情况|成效|成绩|亮点|回顾|问题|不足|取得|完成"
)
_INLINE_HEADING_RE = re.compile(
    r"(?:[。!?]|\s)\s*((?:[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)])"
    r"[^。!?,;:\s\d]{2,20})(?=[\s。:])"
)
_INLINE_LABEL_RE = re.compile(r"^\s*([\u4e00-\u9fff]{2,20})[:]")
# A paragraph of a report that turns to this year's or next year's work.
_PAST_RE = re.compile(r"已|截至|截止|完成了|实现了|达到了")
_PLAN_PARAGRAPH_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、)?(?:下一步|明年|新的一年|做好今年|今年(?:工作|的?主要|经济社会发展|重点)"
    r"|(?:19|20)\d{2}年(?:是|工作|的?主要|重点)(?:[^。]{0,10})?(?:思路|计划|安排|目标|打算|任务))"
)

# ---------------------------------------------------------------- periods

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
# Every character a QUANTITY_RE match can start with.
_QUANTITY_FIRST_RE = re.compile(r"[\d" + CN_NUMERAL_CHARS + "]")

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


@dataclass(frozen=True, slots=True)
class _Period:
    start: int
    end: int
    year: int | None  # explicit year, None for 今年-like words
    months: tuple[int, int] | None  # (first, last) month of a span
    offset: int = 0  # -1 for 去年, +1 for 明年: relative to the document's year


# ---------------------------------------------------------------- cues in items

_PRE_QUAL = [
    ("不超过", "<="),
    ("不高于", "<="),
    ("不低于", ">="),
    ("不少于", ">="),
    ("至少", ">="),
    ("不到", "<"),
    ("不足", "<"),
    ("低于", "<"),
    ("超过", ">"),
    ("突破", ">"),
    ("高于", ">"),
    ("超", ">"),
    ("稳定在", "~"),
    ("保持在", "~"),
    ("近", "~"),
    ("约", "~"),
    ("大约", "~"),
]
_PRE_QUAL_RE = re.compile("(" + "|".join(w for w, _ in _PRE_QUAL) + r")\s*$")
_PRE_QUAL_MAP = dict(_PRE_QUAL)
_POST_QUAL_RE = re.compile(r"\s*(以上|以下|以内|左右|上下)")
_POST_QUAL_MAP = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~", "上下": "~"}

_GROWTH_RE = re.compile(r"增长|增幅|增速|下降|降低|减少|提高|提升|上升|增加|回落")
_DECLINE_RE = re.compile(r"下降|降低|减少|回落")
_LEVEL_CUE_RE = re.compile(
    r"达到|达|累计|总数|共有|现有|总量|拥有|建成|增至|增长到|提高到|提升到|保持|稳定在|总计|合计"
)
_INCREASE_CUE_RE = re.compile(
    r"新增|净增|增加|新建|新认定|新备案|新引建|引建|引进|引入|招引|获批|培育(?!企业|对象|库)|认定|新设立|新获批|"
    r"提高|提升"
)
_MODAL_RE = re.compile(r"力争|争取|努力|确保|计划|拟|预期|目标")
# Literal first so the regex engine can skip ahead; the look-behind checks the
# character before the two-character word (共争取 = "obtained", not a goal).
_STRETCH_RE = re.compile(r"(力争|争取|努力)(?<![共已累计先后]..)(?!到)|(确保)(?!了)")
_ESTIMATE_RE = re.compile(r"预计|预估|预测|估计")
_TIER_RE = re.compile(r"向?(人大报告目标|人代会目标|工作目标|奋斗目标|考核目标)")
# Every word any of the modal patterns starts with (one scan finds candidates).
_MODAL_WORD_RE = re.compile(
    r"力争|争取|努力|确保|预计|预估|预测|估计|计划|拟|预期|目标|将"
)
_ESTIMATE_OR_MODAL_RE = re.compile(r"(预计|预估|预测|估计)|(力争|争取|确保|计划)")
_TARGET_IN_REPORT_RE = re.compile(
    r"计划(?:(?<=[,;。\n ]计划)|(?<=半年计划|季度计划|明年计划|年内计划))(?![书单])"
    r"|力争(?<![共已累计先后]..)(?!到)"
    r"|争取(?<![共已累计先后]..)(?!到)"
    # In a report, 争取国家、省各类项目/资金 counts what was won, not a goal.
    r"(?!(?:国家|中央|省|市级|上级|各类|各级)[^,;。\n]{0,14}(?:项目|资金|经费))"
    r"|确保(?!了)|拟(?<!草拟)(?![订定写稿])|预期目标"
)
# 将 + a verb of reaching: 全市将新增高新技术企业100家 (not 将…纳入, 即将, 预计…将).
_WILL_RE = re.compile(
    r"将(?<!即将)(?=新增|达到|达|突破|建成|实现|新建|培育|引进|超过|完成|力争|净增)"
)
_RECURRING_RE = re.compile(r"每年|年均|逐年")
_CUE_WORDS_RE = re.compile(
    r"全市|我市|本市|全县|我县|本县|全区|我区|本区|全年|今年以来|今年|截至目前|截止目前|目前|"
    r"同比去年|同比|较去年同期|较上年同期|较去年底|较上年末|比上年末|比去年底|较去年|较上年|比上年度|"
    r"比上年|比去年|与上年相比|上年末|去年底|上年|去年|同期|年底|年末|入库|评价入库|重新入库|"
    r"较年初|比年初|年初|[较比](?:底|末|初|同期)|"
    r"不少于|不低于|不超过|不高于|至少|"
    r"增长|增幅|增速|下降|降低|减少|提高|提升|增加|净增|新增|不足|"
    r"引进|引入|招引|认定|培育|新建|获批|选派|实际完成|实际|"
    r"达到|达|突破|超过|超|稳定在|保持在|保持|只有|仅为|仅|为|约|近|共计|共|累计|总数|总量|数量|总额|"
    r"力争|争取|确保|努力|预计|计划|拟|将|继续|再|已经|已|首次|分别|均|实现|完成|年|"
    r"向人大报告目标|人大报告目标|工作目标|目标|以上|左右|的|其|\s|[(),.、]"
)
_LEAD_STRIP_RE = re.compile(
    r"^(?:[一二三四五六七八九十]是|全市|我市|本市|全县|我县|全区|我区|全年|今年以来|今年|截至目前|"
    r"截止目前|目前|共计|共有|共|"
    r"累计|现有|拥有|先后|已经|已|同时|此外|另外|其中|力争|争取|确保了|确保|努力|预计|计划|拟|将|要|"
    r"进一步|继续|全力|着力|大力|积极|组织开展|组织实施|组织|开展|实施|举办|完成|实现|新增|净增|到|"
    r"至|为|并|和|与|及|年度|年|\s|[(),.、])+"
)
_TAIL_STRIP_RE = re.compile(
    r"(?:达到|达|突破|超过|超|稳定在|保持在|为|有|约|近|总数|共|累计|只有|仅为|仅|分别为|分别|"
    r"同比增长|年增长|增长|增幅|增速|提高|下降|减少|净增|新增|增加|力争|预计|已|达到了|的|\s|[(),.、])+$"
)
_VERB_CUT_RE = re.compile(
    r"共建|建设|建成|引建|新建|组建|开展|组织|实施|举办|培育|认定|引进|引入|招引|遴选|选派|评选|"
    r"获批|获得|征集|发布|促成|吸引|推荐|对接|签约|入选|立项|备案|推动|支持|帮助|通过"
)
_APPLICATION_RE = re.compile(r"申请|申报|报备|通过评审|评审|推荐")
_NOUN_HEAD_RE = re.compile(
    r"工作站|站|中心|基地|联盟|平台|园|库|榜|赛|奖|项目|资金|经费|计划|专项|工程|政策|制度|队伍|"
    r"申请|申报|报备|评审|培训|认定|率|办|会|团|室|所|院|处|局|厅|机构|人才|专家|产品|合同|活动"
)
_GAP_ALLOWED_RE = re.compile(
    r"^(?:总数|数量|总量|总额|规模|累计|共有|共|现有|拥有量|拥有|达到|达|实现|完成|突破|超过|超|"
    r"稳定在|保持在|保持|为|有|年|全年|同比|比上年|较上年|较去年同期|较去年|比去年|同期|年均|增幅|增速|"
    r"增长|提高|提升|下降|降低|净增|新增|增加|力争|争取|确保|预计|只有|仅为|仅|已经|已|首次|"
    r"继续|再|将|要|向人大报告目标|工作目标|目标|的|年度|今年|去年|上年|以上|左右|从|由|到|至|快速|"
    r"迅速|大幅|稳步|增至|首次|位居|不少于|不低于|不超过|不高于|至少|不到|低于|高于|约|近|"
    r"评价入库|重新入库|入库评价|入库|评价|登记|年底|年末|年初|较|存量|\s|[(),.、:]|(?:19|20)\d{2}年?度?)*$"
)
# A narrowing word right before an alias makes a different, smaller indicator:
# 优秀科技特派员, 规上工业企业研发投入, 高校研发经费.
_MODIFIER_RE = re.compile(
    r"(优秀|先进|示范|标杆|十佳|明星|骨干|规上工业企业|规模以上工业企业|工业企业|企业|"
    r"规上工业|规模以上工业|"
    r"高校|科研院所|院所|高新技术企业|中小企业)$"
)
_LEVEL_PREFIX_RE = re.compile(
    r"(国家级|国家|省级以上|市级以上|省级|市级|县级|区级|省|市)$"
)
_SHARE_RE = re.compile(
    r"(?:分别)?占(?:了)?(?:全省|全国|全球|全市|全区|全县|省|总量|总数|总额|全部|同期|申报总数)"
)
_GAP_TO_AVG_RE = re.compile(
    r"(?:比|高于|低于|超过|超出|快于|慢于|领先)(?:全省|全国|全市)?(?:平均|均值)"
)
_RANK_RE = re.compile(r"排名|排在|排位|位居|居全|居第|位列|列全")
_PARAM_RE = re.compile(
    r"给予|最高|单个|单项|每家|每个企业|每项|补助|补贴|奖补|资助|奖励|贴息|补偿|扶持资金"
)
_COMPANY_RE = re.compile(r"有限公司|股份|集团|公司")
_PARAM_OR_COMPANY_RE = re.compile(_PARAM_RE.pattern + "|" + _COMPANY_RE.pattern)
# Figures about a larger region, or about only some of the document's counties.
_OTHER_REGION_RE = re.compile(
    r"全省|全国|全球|省内|国内|个别县|部分县|部分地区|个别地区"
)
_PROVINCES = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|"
    "湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆"
)
# A province as the subject of the clause (四川省1—10月技术合同成交额…), not a
# level (省级, 安徽省重点实验室).
_PROVINCE_SUBJECT_RE = re.compile(
    r"^(?:其中)?[,\s]*((?:"
    + _PROVINCES
    + r")(?:省|市|自治区|[\u4e00-\u9fff]{2,3}自治区)?)"
    r"(?!级|重点|首批|认定|下达|科技厅|高层次|优秀)"
)
# A county or district named at the clause start (其中，高新区新增高企40家).
_SUBREGION_RE = re.compile(
    r"^(?:其中)?[,\s]*([\u4e00-\u9fff]{1,5}?[县区])(?=新增|新认定|净增|获批|引进|培育|"
    r"建成|登记|实现|达到|共有|拥有|累计|有效期内|高新技术|规上|全社会|技术合同|科技|研发)"
)
_NOT_SUBREGION = frozenset(
    [
        "全区",
        "我区",
        "本区",
        "全县",
        "我县",
        "本县",
        "各区",
        "各县",
        "园区",
        "社区",
        "景区",
        "校区",
        "片区",
        "城区",
        "山区",
        "库区",
        "辖区",
        "县区",
        "市区",
        "示范区",
        "集聚区",
        "试验区",
    ]
)
# 完成年度目标的102.5%: a completion rate, not an indicator.
_COMPLETION_RATE_RE = re.compile(
    r"(?:完成|达成|为|是|占)[^,;。]{0,12}(?:目标|任务|计划)[^,;。]{0,8}的$|完成率|完成进度|进度"
)
# 完成年度目标(1100家): the target quoted back inside a report.
_TARGET_IN_PARENS_RE = re.compile(
    r"(?:目标|任务|计划)(?:任务)?(?:数|值)?(?:为|是)?\($|(?:目标|任务)(?:任务)?(?:数|值)?(?:为|是)$"
)
_FUND_RE = re.compile(
    r"资金|经费|补助|补贴|奖励|资助|奖补|基金|投资|融资|授信|贷款|保费|保障|规模|金额|预算|费用|拨款|"
    r"扶持|资金池|奖金|保险|放贷|资本"
)
_ENTITY_SUBJECT_RE = re.compile(
    r"[\s\d年月,]*(?!新建|新增|建成|组建|成立|依托|推动|支持)"
    r"[\u4e00-\u9fffA-Za-z]{2,14}?(?:广场|公司|集团|研究院|大学)"
)
# A later clause that restarts with a year or the region leaves the entity's scope.
_RESTART_RE = re.compile(r"[,;:]\s*(?:(?:19|20)\d{2}年|今年|同时)")
_SELF_REGION_RE = re.compile(r"全市|我市|本市|全县|我县|全区|我区")
# Nouns too generic to name an indicator alone (…100家企业): a programme named
# earlier in the sentence qualifies them.
_COUNTED_NOUN_END_RE = re.compile(
    r"(?:项目|企业|平台|机构|团队|人才|中心|基地|联盟|成果|专利|合同|实验室|工作站)$"
)
_GENERIC_NOUNS = ("企业", "项目", "团队", "人才", "单位")
_QUOTED_NAME_RE = re.compile(r"“([\u4e00-\u9fff]{2,8}(?:计划|行动|工程|专项|大赛))”")
_PROGRAMME_RE = re.compile(r"([\u4e00-\u9fff]{2,6}(?:计划|行动|工程|专项))")
_PROGRAMME_VERB_RE = re.compile(
    r"^(?:实施|开展|启动|推进|通过|依托|围绕|参加|组织|深化|持续)+"
)
_GENERIC_HEADS = (
    "产业产值",
    "产值",
    "总产值",
    "产业增加值",
    "增加值",
    "产业规模",
    "营业收入",
    "成交额",
    "交易额",
    "登记额",
)
_NOT_NOUN_START_RE = re.compile(
    r"^(?:同比|比|较|占|居|位|排|分别|均|增|下降|提高|其中|是|为|以|用于|目标|任务|的|,|左右|以上|"
    r"以下|在|和|与|及|、|等|到|至|之|内|后|前|左|上|下|次|年|月|日|倍|万|亿)"
)
_DATE_AFTER = frozenset("年月日号届期")


@dataclass
class _Ctx:
    """Mutable state while walking a document."""

    mode: str  # "target" | "actual"
    section_year: int | None


@dataclass(frozen=True, slots=True)
class _Resolved:
    name: str
    indicator: Indicator | None
    noun_end: int  # where the counted noun ends (for head-after items)
    inherited: bool
    cue_start: int = -1  # where measure cues start when not in the item (…分别增长)


class _Doc:
    """Precomputed positions for one document."""

    def __init__(self, text: str, scan: str, catalog: Catalog) -> None:
        self.text = text
        self.scan = scan
        n = len(scan)
        # One scan for the three kinds of boundary: ; ends a clause group,
        # 。!? a sentence too, and a line break a paragraph too.
        self.groups = [m.start() for m in _GROUP_RE.finditer(scan)]
        self.sentences = [p for p in self.groups if scan[p] != ";"]
        self.newlines = [p for p in self.sentences if scan[p] == "\n"]
        self.quantities = [
            m
            for m in finditer_from(QUANTITY_RE, _QUANTITY_FIRST_RE, scan)
            if _worth_reading(m, scan)
        ]
        self.unit_starts = [m.start() for m in self.quantities if m.group("unit")]
        # Everything else is only needed in sentences that hold a quantity (and at
        # the start of their paragraphs): prose is skipped, nothing is quadratic.
        raw: list[tuple[int, int]] = []
        covered = -1  # figures in a sentence already covered add nothing
        for m in self.quantities:
            pos = m.start()
            if pos < covered:
                continue
            s0, s1 = self._bounds(self.sentences, pos, n)
            k = bisect_left(self.newlines, pos)
            line = self.newlines[k - 1] + 1 if k > 0 else 0
            raw.append((max(0, line - 1), min(n, line + 40)))
            raw.append((max(0, s0 - 1), min(n, s1 + 1)))
            covered = s1
        # Close neighbours are merged: fewer, longer scans are cheaper.
        spans = _merge(raw, gap=120)
        self.breaks = [
            m.start() for a, b in spans for m in _BREAK_RE.finditer(scan, a, b)
        ]
        quoted = [
            (m.start(), m.end())
            for a, b in _merge([(max(0, a - 80), b) for a, b in spans])
            for m in _QUOTED_RE.finditer(scan, a, b)
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
            for m in finditer_from(_PERIOD_RE, _PERIOD_FIRST_RE, scan, a, b):
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


# ---------------------------------------------------------------- public entry


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
    catalog = catalog or load_catalog()
    scan = to_halfwidth(text)
    ctx_doc = document_context(scan, info_hint)
    info = DocumentInfo(
        region=ctx_doc.region,
        year=ctx_doc.plan_year if ctx_doc.kind == "plan" else ctx_doc.report_year,
        title=ctx_doc.title,
        kind=ctx_doc.kind,
    )
    d = _Doc(text, scan, catalog)
    records = _Walker(d, ctx_doc, catalog, doc).run()
    return Extraction(info=info, records=records)


# ---------------------------------------------------------------- the walk


class _Walker:
    def __init__(self, d: _Doc, info: DocContext, catalog: Catalog, doc: str) -> None:
        self.d = d
        self.info = info
        self.catalog = catalog
        self.doc = doc
        self.records: list[Record] = []
        # Per clause group: the last record (for inherited indicators and head scope).
        self._last_in_group: dict[int, tuple[_Resolved, Record | None, str | None]] = {}
        # Per item: where the last emitted quantity ended.
        self._item_last_end: dict[int, int] = {}
        self._entities: dict[int, bool] = {}
        # Per clause group: whether a head 新增-like verb is in force.
        self._group_inc: dict[int, bool] = {}

    def run(self) -> list[Record]:
        d = self.d
        scan = d.scan
        quantities = d.quantities
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
            # Quantities on this line.
            line_q = []
            while qi < len(quantities) and quantities[qi].start() < nl:
                if quantities[qi].start() >= pos:
                    line_q.append(quantities[qi])
                qi += 1
            if pos in table_lines:
                pass
            elif line.strip() and line_no != self.info.title_line:
                self._paragraph(line, pos, line_q, ctx)
            pos = nl + 1
            line_no += 1
        self.records.sort(key=lambda r: (r.start, r.end))
        return self.records

    # tables ----------------------------------------------------------------
    def _tables(self) -> set[int]:
        """Read tables flattened to tab-separated lines; return their line starts."""
        scan = self.d.scan
        spaced = "单位 " in scan or "指标 " in scan or "指标名称 " in scan
        if "\t" not in scan and "  " not in scan and not spaced:
            return set()
        lines: list[tuple[int, str]] = []
        pos = 0
        for line in scan.split("\n"):
            lines.append((pos, line))
            pos += len(line) + 1
        skip: set[int] = set()
        i = 0
        while i < len(lines):
            start, line = lines[i]
            header = _cells(line, start)
            single = False
            if not header and spaced and _SPACED_HEADER_RE.match(line):
                # A table flattened with single spaces: 指标名称 单位 2023年完成值 …
                header = _cells(line, start, single=True)
                single = True
            cols = _table_columns([c for c, _, _ in header])
            if len(header) < 3 or cols is None:
                i += 1
                continue
            cols["years"] = {
                k: int(y.group(1))
                for k, (c, _, _) in enumerate(header)
                if (y := re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", c))
            }
            skip.add(start)
            year = None
            ym = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", line)
            if ym:
                year = int(ym.group(1))
            j = i + 1
            while j < len(lines):
                rstart, rline = lines[j]
                row = _cells(rline, rstart, single=single)
                if len(row) < 2 or (single and not _spaced_row(row, len(header))):
                    break
                skip.add(rstart)
                self._table_row(row, cols, year)
                j += 1
            i = j
        return skip

    def _table_row(
        self, row: list[tuple[str, int, int]], cols: dict[str, Any], year: int | None
    ) -> None:
        if cols["label"] >= len(row):
            return
        label, lstart, _ = row[cols["label"]]
        unit = ""
        if cols["unit"] is not None and cols["unit"] < len(row):
            unit = row[cols["unit"]][0]
        um = re.search(r"[(]([^()]{1,6})[)]\s*$", label)
        if um:
            unit = unit or um.group(1)
            label = label[: um.start()]
        label = label.strip()
        ind = self.catalog.lookup(label)
        name = label
        if ind is None:
            hits = (
                self.catalog.alias_re.finditer(label) if self.catalog.alias_re else []
            )
            for h in hits:
                rest = label[: h.start()] + label[h.end() :]
                if re.fullmatch(
                    r"(?:增速|增长率?|增幅|数量?|总数|总量|总额|全年)?", rest
                ):
                    ind = self.catalog.by_alias[h.group()]
                    break
        first = True
        for kind, idx, estimate in cols["values"]:
            if idx >= len(row):
                continue
            cell, cstart, cend = row[idx]
            m = QUANTITY_RE.fullmatch(cell + ("" if re.search(r"\D$", cell) else unit))
            if not m or not re.match(r"\d", cell):
                continue
            q = read_quantity(m)
            if q is None:
                continue
            measure = "level"
            if q.norm_unit == "pp":
                measure = "change_pp"
            elif q.norm_unit == "%" and re.search(r"增速|增长|增幅", label):
                measure = "growth"
            use = ind
            if use is not None and not _unit_fits(use, q, measure):
                use = None
            if use is None and not name:
                continue
            years = cols.get("years") or {}
            default = (
                years.get(idx)
                or (None if years else year)
                or (self.info.plan_year if kind == "target" else self.info.report_year)
            )
            start = lstart if first else cstart
            first = False
            self.records.append(
                Record(
                    doc=self.doc,
                    kind=kind,
                    region=self.info.region,
                    indicator=use.name if use else self._noun_name(name, q),
                    measure=measure,
                    comparator="=",
                    value=q.value,
                    unit=q.unit,
                    norm_value=q.norm_value,
                    norm_unit=q.norm_unit,
                    period=str(default) if default else None,
                    recurring=False,
                    estimate=estimate,
                    stretch=False,
                    quote=self.d.text[start:cend],
                    start=start,
                    end=cend,
                    indicator_code=use.code if use else None,
                )
            )

    # paragraphs ----------------------------------------------------------
    def _paragraph(
        self, line: str, offset: int, qs: list[re.Match[str]], ctx: _Ctx
    ) -> None:
        stripped = line.strip()
        if BOILERPLATE_RE.search(stripped[:40]) and len(stripped) < 120:
            return
        if stripped == self.info.title:
            return
        has_units = any(m.group("unit") for m in qs)
        para_mode = ctx.mode
        if para_mode == "actual" and _PLAN_PARAGRAPH_RE.match(stripped):
            para_mode = "target"
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
        # A page scraped into one long line still has its headings inline
        # (…取得成效。二、2022年工作思路 …): they switch the mode as the text goes.
        inline = [
            (offset + h.start(1), h.group(1))
            for h in _INLINE_HEADING_RE.finditer(line)
            if h.start(1) > 0
        ]
        k = 0
        for m in qs:
            while k < len(inline) and inline[k][0] < m.start():
                self._heading(inline[k][1], ctx)
                para_mode = ctx.mode
                k += 1
            self._quantity(m, para_mode, ctx)

    def _heading(self, text: str, ctx: _Ctx) -> None:
        body = _NUMBERING_HEAD_RE.sub("", text)
        if len(body) > 40:
            # A long line without figures is prose; only a leading 下一步 switches.
            if body.startswith("下一步"):
                ctx.mode = "target"
            return
        top = bool(_TOP_HEADING_RE.match(text))
        years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", body)]
        target = bool(_TARGET_HEAD_RE.search(body))
        actual = bool(_ACTUAL_HEAD_RE.search(body))
        if top:
            ctx.section_year = None
        if len(set(years)) == 1:
            ctx.section_year = years[0]
        if target and not actual:
            ctx.mode = "target"
        elif actual and not target:
            ctx.mode = "actual"
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

    # quantities ----------------------------------------------------------
    def _quantity(self, m: re.Match[str], para_mode: str, ctx: _Ctx) -> None:
        d = self.d
        scan = d.scan
        start, end = m.start(), m.end()
        before = scan[start - 1] if start > 0 else ""
        if before == "第" or before == "前":
            return
        if before and (before.isascii() and before.isalnum()):
            return  # 5G, R&D-like codes, 702所 glued to letters
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
        pre_win = scan[max(item_start, q.start - 6) : q.start]
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
            if excluded == "region":
                self._mark_skip(item_start)
            return
        s_start, _ = d.sentence_bounds(q.start)
        if (
            self._entity_sentence(s_start)
            and not d.self_region.any(s_start, q.start)
            and not d.restart.any(s_start, q.start)
        ):
            return
        g_start, _ = d.group_bounds(q.start)

        post_text = scan[qual_end:item_end]
        near = scan[max(item_start, q.start - 12) : q.start]
        quoted_target = (
            ("目标" in post_text[:4] or "任务" in post_text[:4])
            and bool(_QUOTED_TARGET_RE.match(post_text))
        ) or (
            ("目标" in near or "任务" in near or "计划" in near)
            and bool(_TARGET_IN_PARENS_RE.search(near))
        )
        if quoted_target:
            res = self._inherit(g_start, s_start, q.start)
        else:
            res = self._resolve(
                q, qual_end, item_start, item_end, seg_start, g_start, s_start
            )
        if res is None:
            return
        ind = res.indicator
        # Units must fit the indicator, else the alias was a modifier.
        measure, negative = self._measure(
            q, seg, pre_item, res, g_start, item_start, ind
        )
        if ind is not None and not _unit_fits(ind, q, measure):
            res = _Resolved(
                self._noun_name(res.name, q), None, res.noun_end, res.inherited
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
            return  # money for a programme or a fund (…10亿元专项资金) is not a figure
        if ind is None and not res.name:
            return

        comparator = "="
        if post:
            comparator = _POST_QUAL_MAP[post.group(1)]
        elif q.approx_more:
            comparator = ">"
        elif pre:
            comparator = _PRE_QUAL_MAP[pre.group(1)]

        # Target or actual.
        kind = para_mode
        tier_m = _TIER_RE.search(pre_item) if "目标" in pre_item else None
        tier = tier_m.group(1) if tier_m else None
        if kind == "actual" and (
            quoted_target
            or tier
            or d.report_target.any(s_start, q.start)
            or _NEXT_STEP_RE.match(scan[s_start : s_start + 8])
            or (d.will.any(s_start, q.start) and not d.estimate.last(g_start, q.start))
        ):
            kind = "target"
        recurring = "年" in pre_item and bool(_RECURRING_RE.search(pre_item))

        # Period.
        period, explicit_year = self._period(q.start, s_start, kind, ctx, recurring)
        if (
            kind == "actual"
            and explicit_year is not None
            and self.info.report_year is not None
            and explicit_year > max(self.info.report_year, ctx.section_year or 0)
            and not _PAST_RE.search(
                scan, max(s_start, q.start - _SENTENCE_REACH), q.start
            )
        ):
            kind = "target"  # 到2025年…达到600家 in a report is still a goal
        if (
            kind == "target"
            and para_mode == "target"
            and explicit_year is not None
            and self.info.plan_year is not None
            and explicit_year < self.info.plan_year
            and not d.modal.any(g_start, q.start)
            and not recurring
        ):
            kind = "actual"

        # Stretch and estimate: a head cue scopes forward to the end of the group.
        stretch = False
        if kind == "target" and not tier:
            stretch = bool(d.stretch.last(g_start, q.start))
        # 预计 scopes forward until an item brings its own modal (…，…力争…).
        estimate = bool(d.estimate.last(g_start, q.start))

        value = q.value
        norm_value = q.norm_value
        if negative:
            value, norm_value = -value, -norm_value

        start = seg_start
        end = max(qual_end, res.noun_end)
        while start < q.start and d.text[start] in " \t\u3000":
            start += 1
        region = self.info.region
        sub = _SUBREGION_RE.match(pre_item)
        if sub and sub.group(1) not in _NOT_SUBREGION and sub.group(1) != region:
            region = sub.group(1)
        record = Record(
            doc=self.doc,
            kind=kind,
            region=region,
            indicator=ind.name if ind else res.name,
            measure=measure,
            comparator=comparator,
            value=value,
            unit=q.unit,
            norm_value=norm_value,
            norm_unit=q.norm_unit,
            period=period,
            recurring=recurring,
            estimate=estimate,
            stretch=stretch,
            quote=d.text[start:end],
            start=start,
            end=end,
            indicator_code=ind.code if ind else None,
            tier=tier,
        )
        self.records.append(record)
        self._last_in_group[g_start] = (res, record, None)
        self._item_last_end[item_start] = qual_end

    def _prev_record_in_item(self, item_start: int, pos: int) -> int | None:
        end = self._item_last_end.get(item_start)
        if end is not None and end <= pos:
            return end
        return None

    def _mark_skip(self, item_start: int) -> None:
        # An excluded figure (全省…, shares) poisons follow-ups that inherit from it.
        g = self.d.group_bounds(item_start)[0]
        self._last_in_group[g] = (_Resolved("", None, 0, False), None, "skip")

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
        if "占" in pre_item:
            share = _SHARE_RE.search(pre_item)
            if share and not self._inside_alias(item_start + share.start()):
                return True
        if _GAP_TO_AVG_RE.search(pre_item) or _RANK_RE.search(seg):
            return True
        if q.norm_unit == "%" and _COMPLETION_RATE_RE.search(pre_item):
            return True
        if _PARAM_OR_COMPANY_RE.search(item_text):
            return True
        if _OTHER_REGION_RE.search(pre_item):
            return "region"
        if pre_item[:1] in _PROVINCE_FIRST:
            pm = _PROVINCE_SUBJECT_RE.match(pre_item)
            if pm and not (self.info.region or "").startswith(pm.group(1)[:2]):
                return "region"
        if "市" in pre_item:
            own = self.info.region or ""
            for cm in CITY_WITH_SUFFIX_RE.finditer(pre_item):
                if cm.group() != own:
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
        ):
            return True  # 按20%比例, 100%政策, 50%的补助: a rate in a rule
        return q.norm_unit == "元" and tail.startswith(("规模", "的"))

    def _entity_sentence(self, s_start: int) -> bool:
        """Whether the sentence opens with one company or platform (cached)."""
        hit = self._entities.get(s_start)
        if hit is None:
            hit = bool(_ENTITY_SUBJECT_RE.match(self.d.scan, s_start))
            self._entities[s_start] = hit
        return hit

    def _inside_alias(self, pos: int) -> bool:
        # 财政科技支出占一般公共预算支出比重 is an alias, not a share of a total.
        k = bisect_right(self.d.alias_starts, pos) - 1
        return k >= 0 and self.d.aliases[k].end > pos

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

        # A、B分别达到N1、N2: the i-th figure after 分别 belongs to the i-th name.
        shared = self._respectively(q.start, g_start)
        if shared is not None:
            return shared

        before_hits = d.aliases_between(item_start, q.start)
        gap_clean = ""
        valid_before = False
        if before_hits:
            last_end = before_hits[-1].end
            gap_clean = _strip_periods(
                _NOISE_RE.sub("", scan[max(last_end, seg_start) : q.start])
            )
            valid_before = bool(_GAP_ALLOWED_RE.match(gap_clean))
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
            hits = d.aliases_between(noun_start, noun_end)
            for h in reversed(hits):
                rest = _NOISE_RE.sub("", scan[h.end : noun_end])
                if rest in ("", "榜单", "名单", "名录") and self._alias_ok(
                    h, item_start
                ):
                    if scope_prefix:
                        break
                    return _Resolved(h.indicator.name, h.indicator, noun_end, False)
            name = _clean_name(noun_core)
            name = _LEVEL_LIST_RE.sub("", name)
            if scope_prefix:
                name = scope_prefix + name
            elif name.startswith(_GENERIC_NOUNS):
                name = self._programme(s_start, q.start) + name
            return _Resolved(self._noun_name(name, q), None, noun_end, False)

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
            prefix = scan[max(item_start, h.start - 6) : h.start]
            level_m = _LEVEL_PREFIX_RE.search(prefix)
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
                scan[max(item_start, name_start - 6) : name_start]
            )
            if modifier:
                name_start -= len(modifier.group(1))
            base = _NOISE_RE.sub("", scan[name_start : h.end])
            ok = True
            app = _APPLICATION_RE.search(scan[max(item_start, h.start - 3) : h.start])
            if app or _APPLICATION_RE.search(gap):
                ok = False
                if app:
                    base = app.group() + base
            elif longer:
                ok = bool(_GAP_ALLOWED_RE.match(_strip_periods(gap)))
            else:
                ok = valid_before
            if cat_level and text_level and cat_level != text_level:
                ok = False
            if modifier or scope_prefix:
                ok = False
            if ok:
                return _Resolved(h.indicator.name, h.indicator, 0, False)
            extra = _clean_gap(gap)
            name = scope_prefix + base + extra
            return _Resolved(self._noun_name(name, q), None, 0, False)

        # No alias in the item: a noun phrase, or an anaphor to an earlier one.
        seg = scan[seg_start : q.start]
        core = _NOISE_RE.sub("", seg)
        core = _strip_periods(core)
        residue = _CUE_WORDS_RE.sub("", core)
        if not residue.strip():
            inherited = self._inherit(g_start, s_start, q.start, q)
            if inherited is None:
                return None
            return inherited
        name = _clean_name(core)
        if not name:
            return None
        if len(name) > 12:
            cut = None
            for vm in _VERB_CUT_RE.finditer(name):
                if vm.start() > 0:
                    cut = vm
            if cut is not None:
                name = name[cut.start() :]
        name = scope_prefix + name
        generic = self._generic_head(name, q.start)
        if generic is not None:
            return _Resolved(generic.name, generic, 0, False)
        part = self._part_of_previous(name, seg, g_start)
        if part is not None:
            return _Resolved(part.name, part, 0, False)
        if name in _LEVEL_WORDS and "其中" in seg:
            # 其中国家级5家: that level of what the sentence just counted.
            last = self._last_in_group.get(g_start)
            if last is not None and last[1] is not None:
                whole = _LEVEL_PREFIX_START_RE.sub("", last[1].indicator)
                return _Resolved(name + whole, None, 0, False)
        return _Resolved(self._noun_name(name, q), None, 0, False)

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

    def _respectively(self, pos: int, g_start: int) -> _Resolved | None:
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
            if len(hits) >= 2:
                break
            # …分别达到N1、N2，分别增长X、Y: the names stand before the first 分别.
            names_at = scan.rfind("分别", g_start, names_start)
            if names_at < 0:
                return None
        if len(hits) < 2:
            return None
        i = bisect_left(self.d.unit_starts, pos) - bisect_left(self.d.unit_starts, f)
        if i >= len(hits):
            return None
        h = hits[i]
        return _Resolved(h.indicator.name, h.indicator, 0, False, cue_start=f)

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
            rec_pos = rec.start if rec is not None else -1
        # The last alias mentioned earlier in the sentence (确保总数稳定在2500人左右).
        k = bisect_left(self.d.alias_starts, pos) - 1
        alias_hit = None
        while k >= 0 and self.d.aliases[k].start >= s_start:
            if self.d.aliases[k].end <= pos:
                alias_hit = self.d.aliases[k]
                break
            k -= 1
        if alias_hit is not None and alias_hit.start > rec_pos:
            if unit_of is not None and not _unit_fits(
                alias_hit.indicator, unit_of, "growth"
            ):
                return None
            return _Resolved(alias_hit.indicator.name, alias_hit.indicator, 0, True)
        if last is not None and last[1] is not None:
            res = last[0]
            return _Resolved(res.name, res.indicator, 0, True)
        return self._label_topic(pos, unit_of)

    def _label_topic(self, pos: int, unit_of: Quantity | None) -> _Resolved | None:
        """The indicator named by a short label opening the paragraph (1.高企。…)."""
        d = self.d
        k = bisect_left(d.newlines, pos)
        line_start = d.newlines[k - 1] + 1 if k > 0 else 0
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
        if res.cue_start >= 0:
            seg = self.d.scan[res.cue_start : q.start]
        cue = seg.replace("增加值", "").replace("增长点", "")
        alias_cue = ""
        if ind is not None:
            alias_cue = _ADDED_VALUE_RE.sub("", res.name)
        if q.norm_unit == "pp":
            return "change_pp", bool(_DECLINE_RE.search(cue))
        if q.norm_unit == "%":
            if (
                ind is not None
                and ind.norm_unit == "%"
                and not _GROWTH_WORD_RE.search(cue)
            ):
                return "level", False
            g = None
            for g in _GROWTH_RE.finditer(cue):  # noqa: B007 - keep the last one
                pass
            if g is not None or _GROWTH_ALIAS_RE.search(alias_cue):
                return "growth", bool(g is not None and _DECLINE_RE.match(g.group()))
            return "level", False
        if _RECURRING_RE.search(pre_item):
            return "level", False
        if _REGISTER_RE.search(cue) and not _INCREASE_CUE_RE.search(cue):
            # 科技型中小企业入库2150家: entering the register is the stock.
            self._group_inc[g_start] = False
            return "level", False
        # Alias words (技术合同认定登记) are not verbs.
        seg_start = q.start - len(seg)
        masked = self._without_aliases(seg_start, q.start)
        cue = _NOISE_RE.sub("", masked.replace("增加值", "").replace("增长点", ""))
        last_level = None
        for lm in _LEVEL_CUE_RE.finditer(cue):
            last_level = lm
        last_inc = None
        for im in _INCREASE_CUE_RE.finditer(cue):
            last_inc = im
        if last_inc is not None and (
            last_level is None or last_inc.start() > last_level.start()
        ):
            self._group_inc[g_start] = True
            return "increase", bool(_DECLINE_RE.search(cue[last_inc.start() :]))
        if last_level is not None:
            self._group_inc[g_start] = False
            return "level", False
        if _DECLINE_WORD_RE.search(cue):
            return "increase", True
        # Head scope: 新增A 4家、B 1家 — unless this item has its own qualifier.
        own_qual = (
            bool(_PRE_QUAL_RE.search(seg))
            or bool(_POST_QUAL_RE.match(self.d.scan, q.end))
            or q.approx_more
        )
        # The head verb reaches only items that start with their noun (、省孵化器1家).
        bare = _NOISE_RE.sub("", masked)
        bare = re.sub(
            r"国家级|省级以上|市级以上|省级|市级|国家|省|市|全市|全县|[,、\s]", "", bare
        )
        own_verb = bool(_VERB_CUT_RE.search(bare) or _OWN_VERB_RE.search(bare))
        if not own_qual and not own_verb and self._group_inc.get(g_start):
            return "increase", False
        return "level", False

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


# ---------------------------------------------------------------- helpers

_STEMS: dict[tuple[int, str], list[tuple[str, Indicator]]] = {}


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


# Inline patterns, compiled once.
_CN_CUE_BEFORE_RE = re.compile(r"(达到|达|新增|共|累计)$")
_QUOTED_TARGET_RE = re.compile(r"^的?(?:目标|任务)")
_NEXT_STEP_RE = re.compile(r"\s*(?:下一步|明年)")
_LEAD_DE_RE = re.compile(r"^(?:的)?")
_SCOPE_BARE_RE = re.compile(r"([\u4e00-\u9fff]{2,4})领域")
_SCOPE_RE = re.compile(r"在([\u4e00-\u9fff]{2,8}?)领域")
_LEVEL_LIST_RE = re.compile(r"^(?:国家、省、市|国家、省|省、市)")
_ADDED_VALUE_RE = re.compile(r"增加值")
_GROWTH_WORD_RE = re.compile(r"增长|增幅|增速|下降")
_GROWTH_ALIAS_RE = re.compile(r"增速|增幅|增长")
_REGISTER_RE = re.compile(r"入库")
_DECLINE_WORD_RE = re.compile(r"减少|下降")
_OWN_VERB_RE = re.compile(r"其中|选派|登记|评价")
_RATE_COL_RE = re.compile(r"率|比例|进度|排名|名次|位次|同比|差距|备注|说明")
_UNIT_COL_RE = re.compile(r"(?:计量)?单位")
_TARGET_COL_RE = re.compile(r"目标|计划|预期|任务")
_ACTUAL_COL_RE = re.compile(r"完成|实际|实绩|预计")
_KIND_PREFIX_RE = re.compile(r"^[各类]+")
_NOUN_STOP_RE = re.compile(r"同比|比上年|较去年|占|其中|\d")


def _cn_counts_alone(q: Quantity, scan: str) -> bool:
    """A Chinese numeral without a cue word still counts when it closes a clause
    (…研究中心十二家，) or carries money, % or 个百分点; 一个平台, 三大行动 do not."""
    if q.norm_unit != "count":
        return q.value != 1 or q.unit.endswith("元")
    if q.value < 2:
        return False
    return q.end == len(scan) or scan[q.end] in _CN_CLAUSE_END


_PROVINCE_FIRST = frozenset(
    "其,北天上重河山辽吉黑江浙安福湖广海四贵云陕甘青内西宁新 \t"
)
_CN_CLAUSE_END = frozenset(",;:。!?、\n\t ）)")


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


_CELL_RE = re.compile(r"[^\t]+?(?=\t| {2,}|$)")


_SPACED_HEADER_RE = re.compile(
    r"\s*(?:序号 )?(?:指标名称|指标|主要指标|项目) (?:计量)?单位 \S+ \S+"
)
_SPACED_CELL_RE = re.compile(r"[^\s]+")


def _spaced_row(row: list[tuple[str, int, int]], width: int) -> bool:
    """A row of a single-space table: as many cells as the header, numbers last."""
    if len(row) != width or len(row[0][0]) > 30:
        return False
    return any(re.match(r"\d", c) for c, _, _ in row[-2:])


def _cells(line: str, offset: int, single: bool = False) -> list[tuple[str, int, int]]:
    """Cells of a tab- (or wide-space-) separated line with their offsets."""
    if single:
        return [
            (m.group(), offset + m.start(), offset + m.end())
            for m in _SPACED_CELL_RE.finditer(line)
        ]
    if "\t" not in line and "  " not in line.strip():
        return []
    out = []
    for m in re.finditer(r"[^\t ]+(?: [^\t ]+)*", line):
        out.append((m.group(), offset + m.start(), offset + m.end()))
    return out


def _table_columns(header: list[str]) -> dict[str, Any] | None:
    """Which columns of a header row hold targets, actuals and the unit."""
    values: list[tuple[str, int, bool]] = []
    unit = None
    # A leading 序号 column numbers the rows; the label is the next column.
    label = 1 if header and re.fullmatch(r"序号|编号|No\.?", header[0]) else 0
    for i, cell in enumerate(header):
        if i <= label:
            continue
        if _RATE_COL_RE.search(cell):
            continue
        if _UNIT_COL_RE.fullmatch(cell):
            unit = i
        elif _TARGET_COL_RE.search(cell):
            values.append(("target", i, False))
        elif _ACTUAL_COL_RE.search(cell):
            values.append(("actual", i, "预计" in cell))
    if not values:
        return None
    return {"values": values, "unit": unit, "label": label}


def _strip_periods(s: str) -> str:
    if not _PERIOD_FIRST_RE.search(s):
        return s  # no period can start anywhere: skip the slow scan
    return _PERIOD_RE.sub("", s)


def _clean_gap(gap: str) -> str:
    gap = _strip_periods(gap)
    gap = _TAIL_STRIP_RE.sub("", gap)
    return gap


def _clean_name(s: str) -> str:
    s = _NOISE_RE.sub("", s)
    s = _strip_periods(s)
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
    s = s.replace("各类", "")
    return s[-16:] if len(s) > 16 else s


def _trim_noun(noun: str, start: int) -> tuple[str, int]:
    """The counted noun after a number, and where it ends."""
    end = len(noun)
    # Stop before a comparison or a trailing clause (,同比…).
    m = _NOUN_STOP_RE.search(noun)
    if m:
        end = m.start()
    core = noun[:end].rstrip()
    if len(core) > 40:
        core = core[:40]
        end = 40
    return core, start + end


def _unit_fits(ind: Indicator, q: Quantity, measure: str) -> bool:
    if ind.norm_unit == "count":
        return q.norm_unit == "count" or (q.norm_unit == "%" and measure == "growth")
    if ind.norm_unit == "元":
        return q.norm_unit == "元" or (q.norm_unit == "%" and measure == "growth")
    if ind.norm_unit == "%":
        return q.norm_unit in ("%", "pp")
    return True
