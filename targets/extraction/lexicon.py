"""The cue words of the engine, one place: qualifiers, measure verbs, modals,
exclusion cues and the strip lists used to clean indicator names.

Each pattern is compiled once; the modules that read a concept import what
they need from here."""

from __future__ import annotations

import re
from collections.abc import Callable

# A four-digit year 19xx/20xx not glued to other digits (one copy for the engine).
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# The first year of the 十二五 … 十五五 five-year plans, by the middle numeral.
FIVE_YEAR_PLAN_FIRST = {"二": 2011, "三": 2016, "四": 2021, "五": 2026}

# A bare 亿 (money implied) before a bound or the end of the headline.
_BARE_YI = r"(?<=亿)(?=以上|左右|多|余|\s*$)"
# A lead sentence taken for the title (…,初步预计全年增长6.3%。): read it.
_HEADLINE_FIGURE_RE = re.compile(
    r"\d[\d.]*\s*(?:万|亿)?(?:家|个|项|%|元|亿元|万元|人|美元)[^。]*。\s*$"
    # …or a headline "place: a goal" (山东:力争今年高新技术企业突破3万家).
    r"|^[\u4e00-\u9fff]{2,8}:(?:力争|确保|争取)[^,:]{2,30}\d[\d.]*(?:万|亿)?(?:家|个|项|%)\s*$"
    # …or a headline stating an indicator's figure (X省:今年GDP增长5%左右,
    # 政府工作报告丨2024年地区生产总值预期增长6%左右, 将GDP目标定为8%).
    r"|(?:GDP|生产总值|经济总量|增加值|收入|投资|总额|零售额|成交额|研发投入|强度)"
    r"[^,:;。!?]{0,8}?(?:增长|增速|达到|达|突破|超过|超|完成|实现|目标(?:定)?为|定为)"
    r"[^,:;。!?]{0,3}?\d[\d.]*\s*(?:万|亿|万亿)?(?:%|元|亿元|万元|美元|"
    + _BARE_YI
    + r")"
    # …or the verb before the name and its amount (计划完成固定资产投资400亿以上,
    # 实现地区生产总值1000亿元).
    r"|(?:完成|实现)[^,:;。!?\d]{0,8}?"
    r"(?:GDP|生产总值|经济总量|增加值|收入|投资|总额|零售额|成交额|研发投入)"
    r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\))*\d[\d.]*\s*(?:万|亿|万亿)?(?:元|亿元|万元|美元|"
    + _BARE_YI
    + r")"
)
_LAST_OF_WINDOW = 96  # characters tried in one regex call before rfind takes over


def last_of(chars: str) -> Callable[[str, int, int], int]:
    """A function (scan, lo, pos) -> max(scan.rfind(c, lo, pos) for c in chars):
    the last of those characters in scan[lo:pos], or -1. The nearest window is
    read by one regex call (a greedy run backing off to the last hit); only a
    window without any falls back to the rfinds over the rest."""
    match = re.compile("(?s:.*)[" + re.escape(chars) + "]").match

    def last(scan: str, lo: int, pos: int) -> int:
        if lo < 0 or pos < 0:  # rfind's indices from the end
            return max(scan.rfind(c, lo, pos) for c in chars)
        w = pos - _LAST_OF_WINDOW
        if w > lo:
            m = match(scan, w, pos)
            if m is not None:
                return m.end() - 1
            return max(scan.rfind(c, lo, w) for c in chars)
        m = match(scan, lo, pos)
        return m.end() - 1 if m is not None else -1

    return last


_ITEM_REACH = 120  # characters an item may extend on either side of its figure
_SENTENCE_REACH = 600  # characters a sentence-level cue may be looked for backwards

_NUMBERING_RE = re.compile(
    r"[\s]*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.]|"
    r"\d{1,2}[、.](?!\d)|第[一二三四五六七八九十]{1,3}[、,，条是]"
    # 第一章 发展基础, 第二节 主要目标: a plan's chapters and sections.
    r"|第[一二三四五六七八九十]{1,3}(?:章|节|篇|部分)[ \t\u3000])\s*"
)
_LEVEL_WORDS = frozenset(["国家级", "省级", "市级", "县级", "区级", "国家", "省", "市"])
_LEVEL_PREFIX_START_RE = re.compile(
    r"^(?:国家级|国家|省级以上|市级以上|省级|市级|县级|区级)"
)
_NUMBERING_FIRST = frozenset(" \t\u3000(（一二三四五六七八九十第0123456789")
_NUMBERING_HEAD_RE = re.compile("^" + _NUMBERING_RE.pattern)
# Quotes, short parentheticals and footnote markers (地区生产总值[2], 收入①),
# and a lone space inside a phrase (PDF layout, a hard wrap read as a space:
# 占 GDP 比重, 科技型中小 企业), which is no part of a name.
_NOISE_RE = re.compile(
    r"[“”\"‘’「」『』《》≥≤]|\([^()\n]{0,30}\)|\[(?:注)?\d{1,2}\]|[①-⑳]"
    r"|(?<=[^\s\d]) (?=[^\s\d])"
)
_HANZI_RE = re.compile(r"[\u4e00-\u9fff]")
# 增长6%一般公共预算收入56亿元: the next item's name and its amount, glued to
# the figure before on a page that lost its punctuation.
NEXT_ITEM_AMOUNT = r"[\u4e00-\u9fff]{2,20}?(?:收入|总值|总额|投资|增加值|产值|产量)\d"
# A paragraph of a report that turns to this year's or next year's work.
_PAST_RE = re.compile(r"已|截至|截止|完成了|实现了|达到了")
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
    # 将超到800家: a loose 超过 (超 + 达到), still a lower bound.
    ("超到", ">"),
    ("突破", ">"),
    ("冲破", ">"),
    ("首破", ">"),
    ("高于", ">"),
    ("超", ">"),
    ("控制在", "<="),
    # ≥6%, ≤3%: the signs as written (or as a slogan is read: 保6 → ≥6%).
    ("≥", ">="),
    ("≤", "<="),
    ("跨上", ">"),
    ("迈上", ">"),
    ("迈过", ">"),
    ("跨过", ">"),
    ("越过", ">"),
    ("跃上", ">"),
    ("站上", ">"),
    ("约合", "~"),
    ("折合", "~"),
    ("稳定在", "~"),
    ("保持在", "~"),
    # 接近200亿元: near a figure, as 近.
    ("接近", "~"),
    ("近", "~"),
    ("约", "~"),
    ("大约", "~"),
]
# 突破了100家, 迈上\n了6000亿元: a 了 after the qualifier changes nothing.
# 突破人民币6,000亿元: the currency word stands between qualifier and figure.
_PRE_QUAL_RE = re.compile(
    "(" + "|".join(w for w, _ in _PRE_QUAL) + r")\s*了?\s*(?:人民币)?\s*$"
)
_PRE_QUAL_MAP = dict(_PRE_QUAL)
# 30900元人民币左右, 1700亿元(人民币,下同)以上: the qualifier after a currency
# word or a short note.
_POST_QUAL_RE = re.compile(
    r"\s*(?:人民币|\([^()\n]{0,10}\))?(以上|以下|以内|左右|上下)"
)
_POST_QUAL_MAP = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~", "上下": "~"}
# 预增, 预降: an expected growth or fall (生产总值预增11%), 预计 cut to one word.
_GROWTH_RE = re.compile(
    r"增长|增幅|增速|下降|降低|减少|削减|压减|提高|提升|上升|增加|回落|比增|同比增|按年跌|按年升|"
    # 年均递增14%, 逐年递减: a growth kept up year after year.
    r"预增|预降|递增|递减"
)
_DECLINE_RE = re.compile(r"下降|降低|减少|削减|压减|回落|按年跌|预降|递减")
_LEVEL_CUE_RE = re.compile(
    r"达到|达|累计|总数|共有|共计|现有|总量|拥有|建成|增至|增长到|提高到|提升到|保持|稳定在|总计|合计|"
    # 分别发展到816家, 壮大到: the stock the additions brought it to.
    r"(?:发展|壮大)[到至]|"
    # A change to a value names the value: 下降到0.45吨标准煤/万元, 跃升至3000亿元.
    r"(?:下降|降低|减少|削减|回落|压减|压降|上升|提高|提升|增加|跃升|扩大|缩小)[到至]|降到|降至|跃居"
    # The start value of a change (由2017年929家增长到…) is a level too.
    r"|[由从](?=\d|(?:19|20)\d{2}年)"
)
_INCREASE_CUE_RE = re.compile(
    r"新增|净增|增加|增收|新建|新认定|新备案|新引建|引建|引进|引育|引入|招引|获批|培育(?!企业|对象|库)|认定|新设立|新获批|"
    r"获评|新认证|备案|新开工|建立|新签|新注册|新登记|"
    # 新批建, 新批准建设, 批准组建: platforms approved this period; 新纳统:
    # entered into the statistics this period.
    r"新批准?(?:组建|建设|建)|批准(?:组建|建设)|新组建|新纳统|新入统|"
    r"提高|提升"
)
# 数量比2021年增长近6500家: a count or an amount that grew by so much.
_GREW_BY_RE = re.compile(r"增长(?:了|近|约|超过|超|逾)?$")
# 拟 as an aim (拟新增, 拟认定), not inside a word (草拟, 虚拟, 模拟, 比拟) nor
# 拟上市企业, the firms preparing a listing, nor a list made public (进入拟认定
# 公示名单, 第一批拟认定10家: firms already put forward).
_AIM_NI = (
    r"拟(?<![草虚模比]拟)(?<!批拟)(?<!进入拟)"
    r"(?!(?:上市|挂牌|掛牌)(?:企业|公司|企業|後備|后备)|(?:认定|入选)(?:公示|名单))"
)
# 生产总值可突破, 研发投入在同类地区中率先突破: what a figure may do, and where
# it leads, name nothing (not 许可, 认可).
_MAY_OR_LEADS = r"(?<![许认])可|(?:在[^,;。\d]{1,10}中)?率先"
# 计划 closing its clause (推进科技合作倍增计划,促成…) names a programme, not an aim;
# 拟上市企业 names the firms preparing a listing, not an aim.
_MODAL_RE = re.compile(
    r"力争|争取|努力|确保|计划(?![,、;。)”》])|"
    + _AIM_NI
    + r"|预期|目标|冲刺|瞄准|锚定|剑指|致力于|力求"
    r"|力促(?!进)|力推(?<![全大着]力推)(?![进动])"
)
# Literal first so the regex engine can skip ahead; the look-behind checks the
# character before the two-character word (共争取 = "obtained", not a goal).
# 努力争取更好结果 asks for more than the figure: it qualifies no item after it.
# 努力目标为: names the main list of targets (as 预期目标 does), not a stretch.
_STRETCH_RE = re.compile(
    r"((?:力争|争取)(?<![共已累计先后]..)|努力(?<![共已累计先后]..)(?!目标\s*(?:为|是)?\s*[:,]))"
    r"(?!到(?!\s*(?:19|20)\d{2}\s*年))(?![^,;。]{0,6}更好)|(确保)(?!了)"
)
_TIER_RE = re.compile(r"向?(人大报告目标|人代会目标|工作目标|奋斗目标|考核目标)")
# Every word any of the modal patterns starts with (one scan finds candidates).
_MODAL_WORD_RE = re.compile(
    r"力争|争取|努力|确保|预计|预估|预测|估计|计划|拟|预期|目标|将|要|"
    r"冲刺|瞄准|锚定|剑指|致力|力求|力促|力推"
)
_ESTIMATE_OR_MODAL_RE = re.compile(
    r"(预计|预估|预测|估计)|(力争|争取|确保|计划|预期目标|目标)"
)
# What may stand before a head 预计 in its item: a period, the region speaking
# of itself, a note on the source (2023年全市预计…, 全年初步预计…). Anything else
# (研发投入占比预计达3%) makes the 预计 its own item's, not a head qualifier.
_ESTIMATE_HEAD_FRAME_RE = re.compile(
    r"(?:[\s,:——\-●◆■·]|(?:19|20)\d{2}年(?:度|全年|底|末)?|全年|今年|当年|年内|"
    r"上半年|下半年|前三季度|[一二三四]季度|\d{1,2}\s*[-—至~]\s*\d{1,2}月份?|"
    r"全[市县区省州旗]|我[市县区省州旗]|本[市县区省]|经济社会|"
    r"(?:(?![占比为和与及的])[\u4e00-\u9fff]){1,5}[省市县区州旗](?=$|,|\s)|"
    r"经?初步(?:核算|测算|统计)?|据(?:初步)?(?:核算|测算|统计)|经(?:核算|测算)|"
    r"其中|同时|此外|另外|总体看|综合看|综合来看|[(（][一二三四五六七八九十\d]{1,2}[)）]|"
    r"[一二三四五六七八九十]{1,2}[、.是]|\d{1,2}[、.])*"
)
# Pinyin glosses the matching view moved behind a run of characters (目标为(biāo)).
_GLOSSES = r"(?:\([a-zü\u00c0-\u024f]{1,8}\))*"
# 地区生产总值增长7%(预计,下同): a note after the figure marks it an estimate.
# Glosses moved behind the word may stand before the bracket closes
# (预计数(yù)(jì)(shù))).
_ESTIMATE_NOTE_AFTER_RE = re.compile(
    r"\s*\((?:预计|预估|初步核算|初步测算|初步统计)(?:数|值)?"
    + _GLOSSES
    + r"(?:[,;、]\s*下同)?\)"
)
# A note that its estimate holds for what follows: 增长4.8%(预计数,下同),
# 2016年,预计(下同)全县…, (以下均为预计数): to the end of the section.
_ESTIMATE_BELOW_RE = re.compile(
    r"(?:预计|预估|初步核算|初步测算|初步统计)(?:数|值)?\s*\(\s*(?:下同|以下同)\s*\)"
    r"|\((?:预计|预估|初步核算|初步测算|初步统计)(?:数|值)?"
    + _GLOSSES
    + r"[,;、]\s*(?:下同|以下同)\)"
    r"|\((?:以下|下文)(?:均|皆|数据均|数据)?(?:为|是)(?:预计|预估|初步核算|初步测算)(?:数|值)?\)"
)
_ESTIMATE_BELOW_FIRST_RE = re.compile(r"[预初(]")  # see catalog.finditer_from
# A bare 下同 note after a figure of a clause that 预计 heads carries the estimate on
# (预计实现生产总值…,增长7%(下同);一般公共预算收入…): the note is group 1.
_ESTIMATE_HEAD_NOTE_RE = re.compile(
    r"(?:预计|预估)[^。;\n(]{0,60}?(\((?:下同|以下同)\))"
)
_ESTIMATE_HEAD_NOTE_FIRST_RE = re.compile(r"[预]")
# Verbs that set a result against a goal (高于预期目标, 完成全年预期目标,
# 均符合预期目标, 满足年度目标, 接近全年目标).
_MEASURED_AGAINST = (
    r"(?:高于|低于|好于|快于|慢于|超过|超出|完成|实现|达到|达成|优于|"
    r"符合|满足|契合|接近|逼近|贴近|達到|實現|符合|滿足|高於|低於|好於)"
)
_TARGET_IN_REPORT_RE = re.compile(
    r"计划(?:(?<=[,;。\n ]计划)|(?<=半年计划|季度计划|明年计划|年内计划))(?![书单])"
    # 计划投资额同期增长5%, 计划总投资50亿元: the projects' planned sum, a
    # name, not a goal set.
    r"(?!总投资|[^,;。\d]{0,4}?额)"
    # 力争到2020年…达到: the aim by a named year (not 争取到位资金, 争取到…: won).
    r"|力争(?<![共已累计先后]..)(?!到(?!\s*(?:19|20)\d{2}\s*年))"
    r"|争取(?<![共已累计先后]..)(?!到(?!\s*(?:19|20)\d{2}\s*年))"
    # In a report, 争取国家、省各类项目/资金 counts what was won, not a goal.
    r"(?!(?:国家|中央|省|市级|上级|各类|各级)[^,;。\n]{0,14}(?:项目|资金|经费))"
    # 争取“两重”项目18个: a programme's projects won, named right after the verb
    # (not 争取新开工项目100个, 争取引进项目: a verb of doing first).
    r"(?![“\"「‘]?[^,;。\n\d]{0,10}?[”\"」’][^,;。\n\d]{0,4}?(?:项目|资金))"
    # 争取超长期特别国债等各类政策资金超过300亿元, 争取到位债券资金16亿元: money
    # or support won from above, whoever gives it.
    r"(?![^,;。\n]{0,16}?(?:资金|经费|国债|债券|专项债|补助|奖补|转移支付|政策支持|"
    r"贷款|授信|基金|拨款)|[,;。\n])"
    # 设立各级优惠政策、拟制定优惠政策3本台账: 拟 inside a list item names what
    # the item is (the ledger of proposed policies), not an aim.
    r"|确保(?!了)|(?<!、)" + _AIM_NI + r"(?![订定写稿合])"
    # 努力实现规模以上工业增加值增长9%-9.5%: effort toward a figure (not 经过努力,
    # 共同努力实现了: effort that got it).
    r"|(?<![共已过同懈的])努力(?=实现|达到|完成|突破|保持)(?![^,;。\d]{0,24}?了)"
    # …增长6.5%,高于预期目标(6%);一般公共预算收入…: a result set against the
    # goal, which states no goal for the figures after it.
    r"|预期目标(?<!" + _MEASURED_AGAINST + r"预期目标)"
    r"(?<!" + _MEASURED_AGAINST + r"(?:全年|年度|年初)预期目标)"
    # 确定了今年的发展目标…具体目标,如: GDP增长5.5%以上: a target named as such.
    r"|目标(?<=(?:发展|主要|具体|年度|奋斗)目标)(?=,?(?:是|为|如|:|定为))"
    # 增长4.1%(目标6.0%左右): the goal quoted in brackets after a result.
    r"|(?<=[(（])目标(?:值|任务)?(?:为|是|:)?(?=\s*(?:增长|达到|下降)?\s*-?\d)"
    # 目标到2023年,A突破1.3%: a goal set for a named year (not 实现了到2020年的
    # 目标: the goal is named after its year there).
    r"|目标(?=\s*(?:是|为)?\s*[到至]\s*(?:19|20)\d{2}\s*年)"
    # 全年目标增长6%: this year's goal quoted in a progress report (not 超过年度
    # 目标8家, 高于全年目标0.5个百分点: a result's gap to the goal).
    r"|目标(?<=(?:全年|年度)目标)"
    r"(?<!" + _MEASURED_AGAINST + r"(?:全年|年度)目标)(?<!超(?:全年|年度)目标)"
    r"(?=(?:是|为|:)?(?:增长|达到|突破|\d))"
    # 预期增长目标为5.5%以上, 增长目标定为6%, 主要目标是:…增长6%: a goal set
    # equal to a figure, whatever names the goal.
    r"|目标(?=\s*值?(?:是|为|定为|设定为|确定为|设为|定在|:)\s*"
    + _GLOSSES
    + r"(?:[^,;。\d]{0,14}?(?:增长|增速|达到|达|突破|超过|实现|提高|下降|控制在))?"
    r"\s*\d)"
    # 预期今年全市生产总值增长8%以上, 全年GDP预期增长6%: 预期 as the verb
    # setting a figure (not 超预期, 好于预期, 符合预期, 预期寿命, 预期性指标).
    r"|预期(?<![超于合及出过])(?!目标|寿命|性)"
    r"(?=[^,;。\n]{0,20}?(?:增长|增速|达到|达|突破|超过|提高|下降|控制在)\s*\d)"
    # 冲刺全年增长7%, 瞄准突破千亿元, 致力于新增50家, 力促规上工业增加值增长8%:
    # verbs of aiming at a figure in the same clause (not 全力促进, 大力推进).
    r"|(?:冲刺|瞄准|锚定|剑指|致力于|力求|力促(?!进)|力推(?<![全大着]力推)(?![进动]))"
    # (锚定“三高四新”美好蓝图 aims at a quoted slogan: its numerals count nothing.)
    r"(?=[^,;。\n“\"]{0,16}?[\d一二三四五六七八九十百千万])"
)
# 政府工作报告…提出:地区生产总值增长10%左右, 规划明确,到2025年…, 会议确定:…: a
# plan or a meeting quoted as setting what follows (not 显示, 回顾, 指出). The
# figures after it are goals unless their period is over (报告提出,2020年…增长3.7%).
_PLAN_FRAME_RE = re.compile(
    r"(?:工作报告|报告|规划|纲要|方案|工作要点|要点|会议|全会|意见)"
    r"[^。;!?\n]{0,40}?(?<![已曾])(?:提出|明确|确定|部署|要求|设定|锁定|定下)[了出]?\s*"
    + _GLOSSES
    + r"[:,]"
)
# A paragraph told as what a plan says (根据《计划》,…, 按照《…方案》,…): its
# sentences are the plan's, for a period not yet over.
_PLAN_CITED_RE = re.compile(
    r"(?:根据|按照|依据|據|根據)《[^》\n]{0,40}(?:计划|规划|方案|纲要|要点|計劃|規劃|綱要)》"
    r"\s*(?:的部署|的安排|的要求)?\s*[,:]"
)
# 将 + a verb of reaching: 全市将新增高新技术企业100家 (not 将…纳入, 即将, 预计…将).
_WILL_RE = re.compile(
    r"将(?<!即将)(?=[^,;。]{0,8}?(?:新增|达到|达|突破|建成|实现|新建|培育|引进|超过|完成|"
    r"力争|净增|建立|认定|组织实施|实施|研究开发|开发|打造|建设|推动|加大|增长|"
    r"发展|推进|扩大|加快|提升|稳定|保持|确保|争取))"
    r"(?!近|军|其|之|要求)"
    # 全市要新增规上企业80家, 全年要完成投资: 要 before a verb of reaching (not
    # 需要, 主要, 重要, 只要, 要求); 要由上年的7.95亿元增加至12.51亿元, 要提高到3%:
    # a change to a figure still to be reached.
    r"|(?<![需主重只必还想紧摘纲概])要(?=(?:新增|净增|达到|突破|实现|完成|建成|引进|培育|"
    r"确保|力争|争取|(?:(?:由|从)[^,;。]{0,20}?)?(?:增加|提高|提升|扩大|增长|降低|下降|减少|"
    r"压减|降)(?:至|到))[^,;。]{0,20}?\d)"
)
# A sentence that opens a list of what will be done (将重点抓好五件事:, 下一步要
# 着力做好以下工作:, 明年計劃:): the figures of its items are goals.
_PLANNED_LIST_HEAD_RE = re.compile(
    r"(?<!即)将(?!近|军|其|之)|要(?=[^,;。]{0,4}(?:抓好|做好|抓|突出|聚焦|着力|推进))|"
    r"计划|" + _AIM_NI + r"|力争|下一步|明年|今后|未来"
)
_RECURRING_RE = re.compile(r"每年|年均|逐年")
_CUE_WORDS_RE = re.compile(
    r"全省|我省|本省|全州|全旗|全市|我市|本市|全县|我县|本县|全区|我区|本区|全年|今年以来|今年|截至目前|截止目前|目前|"
    r"同比去年|同比|较去年同期|较上年同期|较去年底|较上年末|比上年末|比去年底|较去年|较上年度|较上年|比上年度|"
    r"比上年|比去年|与上年相比|上年末|去年底|上年|去年|同期|年底|年末|入库|评价入库|重新入库|"
    r"较年初|比年初|年初|[较比](?:底|末|初|同期)|[较比]疫情前|"
    # Qualifiers of a figure that name nothing (扣除留抵退税因素后下降1.0%).
    r"上升|有望|共计|发展到|增收|减收|增至|增加到|增长到|跨上|迈上|跃上|站上|迈过|跨过|越过|尽快|初步|成功|顺利|与[^,;。]{0,6}相比|较|同口径|又|"
    r"主要预期目标是|预期目标是|目标是|降至|降到|升至|单月|连续\d+个月|\d+个月|两年平均|年平均|平均|"
    r"\d+年来|[一二三四五六七八九十两]年来|[一二三四五六七八九十两\d]+年(?=增长|累计|平均|年均)|约合|折合|相比|可比|了|与上年度|上年度|较(?:19|20)\d{2}年|"
    # “十四五”以来累计降低10%: a plan period frames the figure, it names nothing.
    r"十[一二三四五六七八九]五(?:以来|期间|时期|末)?|"
    r"按[^,;。]{0,8}(?:口径|折算|计算)为?|扣除[^,;。]{0,10}后|考虑[^,;。]{0,10}因素|"
    r"不少于|不低于|不超过|不高于|至少|"
    r"(?:增长|增速|增幅|同比|上涨)负|比增|按年跌|按年升|增长|增幅|增速|降幅|下降|降低|减少|削减|压减|提高|提升|增加|净增|新增|递增|递减|不足|"
    r"引进|引入|招引|认定|培育|新建|获批|选派|实际完成|实际|"
    # 名义增速仅8.12%, 大幅增长32.7%, 增5.8%: how a figure moved names nothing.
    r"名义|大幅度|大幅|小幅|快速|稳步|显著|明显|增(?=\s*\d)|"
    r"达到|达|突破|冲破|超过|超|稳定在|保持在|保持|只有|仅为|仅|为|约|接近|近|共|累计|总数|总量|数量|总额|人民币|"
    r"力争|争取|确保|努力|预计|计划|拟|将|继续|再|已经|已|首次|分别|均|实现|完成|年|"
    r"向人大报告目标|人大报告目标|工作目标|预期目标|预期|目标|以上|左右|的|其|\s|[(),.、]"
)
# 比疫情前的2019年增加了, 较2010年削减: the base a figure is compared with
# names nothing of what is counted.
_COMPARISON_BASE_RE = re.compile(
    r"(?:比|较|与|同)[^,;。\d]{0,8}?(?:19|20)\d{2}年(?:同期|底|末|初)?(?:相比|比)?"
)
_LEAD_STRIP_RE = re.compile(
    r"^(?:[一二三四五六七八九十]是|全省|我省|本省|全州|全旗|全市|我市|本市|全县|我县|全区|我区|全年|今年以来|今年|截至目前|"
    r"截止目前|目前|共计|共有|共|主要预期目标是|预期目标是|主要目标是|目标是|"
    r"累计|现有|拥有|先后|已经|已|同时|此外|另外|其中|力争|争取|确保了|确保|努力|预计|计划|拟|将|要|目标(?:定为|为)?|"
    r"进一步|继续|全力|着力|大力|积极|组织开展|组织实施|组织|开展|实施|举办|完成|实现|新增|净增|到|"
    # 年末全市…, (2023年)末全市…: the end of the year the figure stands at.
    r"至|为|并|和|与|及|年内|年底前|年度|年末|年底|年初|[末底](?=全|我|本)|年|\s|[(),.、])+"
)
_TAIL_STRIP_RE = re.compile(
    # 总量提高至, 数量增加到: the quantity word and the move to a figure.
    r"(?:(?:总量|总数|数量)(?:提高|提升|增加|增长|扩大|降低|下降|减少)[至到]|总量|"
    r"达到|达|突破|冲破|超过|超|稳定在|保持在|控制在|控制|稳定|保持|维持|为|有|约|接近|近|总数|共|累计|只有|仅为|仅|分别为|分别|从|由|"
    # 经济总量顺利迈上了6000亿元: a bound crossed, and how, name nothing.
    r"跨上|迈上|跃上|站上|迈过|跨过|越过|首破|顺利|成功|一举|首次|了|"
    + _MAY_OR_LEADS
    + r"|"
    r"(?:增长|增速|增幅|同比|上涨)负|同比增长|年增长|按年跌|按年升|增长|增幅|增速|提高|下降|降低|减少|削减|压减|净增|新增|增加|递增|递减|力争|预计|预增|预降|已|达到了|的|"
    # 增加值比上(年)增长: the base of a comparison once its year is stripped.
    r"(?:比|较)(?:上|去)|名义|大幅|小幅|"
    # 人均纯收入年均增加: how often the change comes names nothing.
    r"年均|每年|逐年|\s|[(),.、])+$"
)
_VERB_CUT_RE = re.compile(
    r"共建|建设|建成|引建|新建|组建|开展|组织|实施|举办|培育|认定|引进|引入|招引|遴选|选派|评选|"
    r"获批|获得|征集|发布|促成|吸引|推荐|对接|签约|入选|立项|备案|推动|支持|帮助|通过"
)
_APPLICATION_RE = re.compile(r"申请|申报|报备|通过评审|评审|推荐")
# 需要复审的12家高新技术企业, 申报的30家: firms in a process, before the number.
_APPLIED_BEFORE_RE = re.compile(
    r"(申请|申报|报备|评审|复审|参评|待认定|评价)[^,;。\d]{0,3}的$"
)
# 开展国家科技型中小企业评价51家: the firms an evaluation took in, not the stock.
_EVALUATION_HELD_RE = re.compile(
    r"(?:全[市县区省]|我[市县区省]|今年|全年)?(?:开展|组织开展|组织|参加|参与)"
)
_EVALUATED_GAP_RE = re.compile(r"^(?:评价|评审|复审)$")
_GAP_ALLOWED_RE = re.compile(
    r"^(?:总数|数量|总量|总额|规模|累计|共有|共|均|现有|拥有量|拥有|达到|达|实现|完成|突破|冲破|超过|超|"
    r"控制在|控制|预期|预计|有望|共计|发展到|降至|降到|升至|上升|单月|连续\d+个月|\d+个月|"
    r"两年平均|年平均|平均|\d+年来|[一二三四五六七八九十两]年来|[一二三四五六七八九十两\d]+年(?=增长|累计|平均|年均)|约合|折合|相比|可比|同口径|了|比上年末|定为|"
    r"按[^,;。]{0,8}(?:口径|折算|计算)为?|扣除[^,;。]{0,10}后|考虑[^,;。]{0,10}因素|"
    r"稳定在|保持在|保持|为|有|年|全年|同比|比增|比上年|较上年|比(?=(?:19|20)\d{2}|增长|增加|提高|提升|上升|下降|减少|降低)|较去年同期|较去年|比去年|同期|年均|增幅|增速|降幅|"
    r"(?:增长|增速|增幅|同比|上涨)负|(?:净)?增长率|增长|提高|提升|下降|降低|减少|削减|压减|净增|新增|增加|递增|递减|力争|争取|确保|只有|仅为|仅|已经|已|首次|首破|"
    r"继续|再|将|要|向人大报告目标|工作目标|目标|的|年度|今年|去年|上年|以上|左右|从|由|到|至|快速|"
    r"迅速|大幅|小幅|名义|稳步|顺利|成功|一举|" + _MAY_OR_LEADS + r"|"
    r"增(?=\s*$)|增至|跃升|攀升|跃上|跨上|迈上|站上|迈过|跨过|越过|跨越|先后|相继|接连|陆续|连续|又|位居|不少于|不低于|不超过|不高于|至少|不到|低于|高于|约|接近|近|"
    r"评价入库|重新入库|入库评价|入库|评价|登记|备案|年底|年末|年初|较|存量|各月|各季度|逐月|分别|\s|[(),.、:]|(?:19|20)\d{2}年?度?)*$"
)
# A narrowing word right before an alias makes a different, smaller indicator:
# 优秀科技特派员, 规上工业企业研发投入, 高校研发经费.
_MODIFIER_RE = re.compile(
    r"(优秀|先进|示范|标杆|十佳|明星|骨干|规上工业企业|规模以上工业企业|工业企业|企业|"
    r"吸纳[\u4e00-\u9fff]{0,4}|输出|"
    # 农村劳动力新增就业, 高校毕业生就业: a group of people, not all jobs.
    r"农村劳动力|脱贫劳动力|贫困劳动力|农民工|高校毕业生|大学生|退役军人|残疾人|"
    r"规上工业|规模以上工业|"
    # 地均GDP超70亿元/平方公里, 亩均税收: a density, not the whole.
    r"地均|亩均|单位面积|每平方公里|每亩|"
    r"高校|科研院所|院所|高新技术企业|中小企业|"
    # 国家火炬计划高新技术企业, 星火计划项目: the firms of one programme, a
    # sub-class (年度计划, 今年计划 name a time, no programme).
    r"[^\W\d_年度今明本全]{2}计划)$"
)
# 全省/我市/本省 name the whole region, not a level (全市有效发明专利 is no 市级 count).
_LEVEL_PREFIX_RE = re.compile(
    r"(国家级|国家|省级以上|市级以上|省级|市级|县级|区级|(?<![全我本])省|(?<![全我本])市)$"
)
_SHARE_RE = re.compile(
    r"(?:分别)?占(?:了|比)?(?:全省|全国|全球|全市|全区|全县|省|总量|总数|总额|全部|同期|申报总数)"
)
_GAP_TO_AVG_RE = re.compile(
    # …,高于预期目标(增长6%以上): the target itself quoted back in brackets is
    # no gap (_TARGET_IN_PARENS_RE reads it).
    r"(?:比|高于|低于|超过|超出|快于|慢于|领先|好于)(?:全省|全国|全市)?"
    r"(?:平均|均值|预期(?!目标?(?:增速|增幅)?[(“\"「])|目标(?!(?:增速|增幅)?[(“\"「]))"
    # 但比全年预期目标低1.5个百分点, 比年度目标增速低5.4个百分点: the gap to the
    # year's goal (比年初目标7.5%高 names the goal itself).
    r"|比(?:全年|年度|年初)(?:预期)?(?:增长)?目标(?:增速|增幅)?(?:高|低|快|慢)"
    # 超预期目标8亿元, 高于计划目标0.7个百分点, 超出年度目标任务2亿元: a gap
    # to the goal, whoever set it.
    r"|(?:超|高于|低于|超过|超出|快于|慢于|好于)(?:全年|年度|年初|预期|计划|省定|市定)?"
    r"(?:预期|计划)?(?:目标|任务)(?:任务)?$"
    # 比年初目标7.5%高了0.3个百分点: the gap after the goal it is set against.
    r"|(?:比|较)[^,;。\d]{0,6}?(?:目标|预期)[^,;。\d]{0,4}\d[\d.]*\s*%?"
    r"(?:高|低|快|慢|多|少|超)出?了?$"
    # …低于年度目标(增长6%)2个百分点: the gap after the quoted target still is one.
    r"|(?:比|高于|低于|超过|超出|快于|慢于|领先|好于)[^,;。]{0,6}?(?:目标|预期)"
    r"[(“\"「][^()“”\"「」\n]{0,16}[)”\"」]$"
    # 覆盖率84.1%,高于全市27.5个百分点: a gap to the larger region's figure.
    r"|(?:高于|低于|快于|慢于|领先|好于|超过|超出)(?:全省|全国|全市)$"
    r"|是(?:全省|全国|全市)[^,;。]{0,6}的$"
    # 目标上调0.5个百分点: a change to the target, not a target.
    r"|上调|下调|调高|调低|调增|调减"
)
_RANK_RE = re.compile(r"排名|排在|排位|位居|居全|居第|位列|列全")
_PARAM_RE = re.compile(
    r"给予|最高|单个|单项|每家|每个企业|每项|补助|补贴|奖补|资助|奖励|贴息|补偿|扶持资金"
)
_COMPANY_RE = re.compile(r"有限公司|股份|集团|公司")
_PARAM_OR_COMPANY_RE = re.compile(_PARAM_RE.pattern + "|" + _COMPANY_RE.pattern)
# Figures about a larger region, or about only some of the document's counties.
_OTHER_REGION_RE = re.compile(
    r"全省|全国|全球|省内|国内(?!生产总值)|中国大陆|个别县|部分县|部分地区|个别地区"
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
# A development zone at the clause start (高新区新增…): not a gazetteer region.
_ZONE_SUBJECT_RE = re.compile(
    r"^(?:其中)?[,\s]*[\u4e00-\u9fff]{0,6}(?:高新区|开发区|经开区|高新技术产业开发区|新区|"
    r"产业园区|工业园区|园区)(?=新增|新认定|净增|获批|引进|培育|建成|登记|实现|达到|共有|拥有|累计)"
)
# A division opening the clause (其中,桐乡市新增…; 全年某区居民消费价格…, after
# the period it is about): the subject of the figure.
_SUBREGION_RE = re.compile(
    r"^(?:其中)?[,\s]*(?:全年|今年|上半年|前三季度|一季度)?[,\s]*"
    r"([\u4e00-\u9fff]{1,8}?[县区市旗])(?=新增|新认定|净增|获批|引进|培育|"
    r"建成|登记|实现|达到|共有|拥有|累计|有效期内|高新技术|规上|全社会|技术合同|科技|研发|"
    r"居民|城镇居民|农村居民|地区生产总值|生产总值|一般公共预算|社会消费品|固定资产|规模以上)"
)
# 完成年度目标的102.5%, 完成全年预期目标(总额与上年持平)的61.6%: a completion
# rate, not an indicator (the target quoted in brackets is its own record).
_COMPLETION_RATE_RE = re.compile(
    r"(?:完成|达成|为|是|占)[^,;。]{0,12}(?:目标|任务|计划|预算)(?:\([^()\n]{0,24}\))?"
    r"[^,;。]{0,8}的$|完成率|完成进度|进度"
)
# 12项主要预期目标中…其余9项, 3项指标未达到: counts of the goals or indicators
# themselves, not of anything an indicator counts.
_GOAL_WORDS = (
    r"(?:主要|重点|核心)?(?:预期|发展|约束性|考核|监测|经济|统计|量化)?(?:目标|指标)"
)
_GOAL_NOUN_AFTER_RE = re.compile(_GOAL_WORDS)
_GOAL_COUNT_RE = re.compile(r"\d+\s*项[^,;。\d]{0,8}?" + _GOAL_WORDS)
# 完成年度目标(1100家), 完成年度目标任务“增长6.5%”: the target quoted back
# inside a report, in brackets or quotes, with or without its verb.
_TARGET_IN_PARENS_RE = re.compile(
    # 比年度目标增速(9.5%)低5.4个百分点: the goal's rate in brackets.
    r"(?:目标|任务|计划)(?:任务)?(?:数|值|增速|增幅)?(?:为|是)?[(“\"「](?:增长|增速|达到|达|突破|超过)?$"
    r"|(?:目标|任务)(?:任务)?(?:数|值)?(?:为|是)$"
    # 控制在省定目标3.0%以内, 低于上级下达目标5%: a goal named by who set it,
    # its figure right after it (a gap to it, 超过省定目标0.5个百分点, is excluded).
    r"|(?:省|市|县|区|上级)(?:定|下达|确定)的?(?:目标|任务)$"
    # 比年初目标7.5%高, 较全年预期目标6%快: the goal a result is set against.
    r"|(?:比|较|对照)(?:全年|年度|年初|预期|计划)*(?:目标|任务)(?:任务)?$"
)
# 占任务200万元的114.4%, 完成年度目标任务1亿元的120%, 為全年計劃20家的60%,
# 完成年度目标78亿元的100.3%: a
# completion ratio naming the task it measures against; the task is a target
# of the report's period.
TASK_RATIO_HEAD_RE = re.compile(
    r"(?:占|完成|为|达|是)(?:了)?(?:全年|年度|年初|今年|本年|全年度|年)?的?"
    r"(?:预期|下达|既定)?(?:目标(?:任务|计划)?|任务|计划)(?:数|量|值)?$"
)
TASK_RATIO_AFTER_RE = re.compile(r"\s*的\s*\d+(?:\.\d+)?\s*%")
_FUND_RE = re.compile(
    # 规模工业产值 is 规模以上工业's output, no size of a fund.
    r"资金|经费|补助|补贴|奖励|资助|奖补|基金|投资|融资|授信|贷款|保费|保障|规模(?!以上|工业)|"
    r"金额|预算|费用|拨款|"
    r"扶持|资金池|奖金|保险|放贷|资本"
)
_ENTITY_SUBJECT_RE = re.compile(
    r"[\s\d年月,]*(?!新建|新增|建成|组建|成立|依托|推动|支持)"
    r"[\u4e00-\u9fffA-Za-z]{2,14}?(?:广场|公司|集团|研究院|大学)"
)
# A later clause that restarts with a year or the region leaves the entity's scope.
_RESTART_RE = re.compile(r"[,;:]\s*(?:(?:19|20)\d{2}年|今年|同时)")
_SELF_REGION_RE = re.compile(
    r"全省|我省|本省|全市|我市|本市|全县|我县|全区|我区|全州|全旗"
)
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
    r"^(?:同比|比|较|占|居|位|排|分别|均|增|下降|提高|发展到|发展至|上升|提升|跃升|其中|是|为|以|用于|目标|任务|的|,|左右|以上|"
    r"以下|在|和|与|及|、|等|到|至|之|内|后|前|左|上|下|次|年|月|日|倍|万|亿)"
)
_DATE_AFTER = frozenset("年月日号届期")
# Inline patterns, compiled once.
_CN_CUE_BEFORE_RE = re.compile(r"(达到|达|新增|共|累计)$")
# 增长7%的目标, 175亿元市定目标, 1000家的年度目标任务: the figure is the value of
# a goal named right after it (set by this or a higher level, for the year).
_QUOTED_TARGET_RE = re.compile(
    # 的全年调控目标, 的年度控制目标: the goal may carry two such words.
    r"^的?(?:[\u4e00-\u9fff]{0,2}?(?:定|下达|确定|预期|年度|全年|考核|发展|奋斗|调控|控制)){0,2}"
    r"(?:目标|任务)(?!完成|实现)"
)
_NEXT_STEP_RE = re.compile(r"\s*(?:下一步|明年)")
# A clause after ; that opens on the months so far (力争上半年增长7.5%;1-5月,全市
# 固定资产投资437亿元, …;截至5月底,…): the result told after the aim, outside it.
SO_FAR_CLAUSE_RE = re.compile(
    r"[;；]\s*(?:\d{1,2}\s*[-—至到~]\s*\d{1,2}\s*月份?|截[至止]\s*(?:目前|\d{1,2}\s*月)"
    r"|目前|今年以来|年初以来)"
)
_LEAD_DE_RE = re.compile(r"^(?:的)?")
_SCOPE_BARE_RE = re.compile(r"([\u4e00-\u9fff]{2,4})领域")
_SCOPE_RE = re.compile(r"在([\u4e00-\u9fff]{2,8}?)领域")
_LEVEL_LIST_RE = re.compile(r"^(?:国家、省、市|国家、省|省、市)")
_ADDED_VALUE_RE = re.compile(r"增加值")
_GROWTH_WORD_RE = re.compile(r"增长|增幅|增速|下降")
_GROWTH_ALIAS_RE = re.compile(r"增速|增幅|增长")
_REGISTER_RE = re.compile(r"入库")
_DECLINE_WORD_RE = re.compile(r"减少|削减|压减|下降|减收")
_OWN_VERB_RE = re.compile(r"其中|选派|登记|评价|承担")
_KIND_PREFIX_RE = re.compile(r"^[各类]+")
# …名科技特派员深入基层开展技术服务: the counted noun ends before its verb.
_NOUN_STOP_RE = re.compile(
    r"同比|比上年|较去年|占|其中|\d|深入|开展|参与|进驻|入驻|对接|帮扶|助力|走进|奔赴"
)
# The characters a _PROVINCE_SUBJECT_RE match can start with (a cheap pre-check).
_PROVINCE_FIRST = frozenset("其, \t") | {p[0] for p in _PROVINCES.split("|")}
_CN_CLAUSE_END = frozenset(",;:。!?、\n\t ）)")


# Words that say what is aimed at, turning a paragraph opened on a past year
# (会议指出,2023年…) to what is planned; read by the kind split and the periods.
# A plan's name (倍增计划, 全年目标任务 done) is no turn: the words must say what
# is aimed at (目标是, 计划新增, 预期增长).
AIM_RE = re.compile(
    r"(?:目标|任务)(?:是|为|:)|预期(?:目标|增长|达到)|(?:计划|规划|打算)(?:到|在|于|完成|实现|新增|投资|全年)"
    r"|[到至]\s*(?:19|20)\d{2}\s*年(?!的)|年前|今年|明年|新的一年|下一步|综合考虑|统筹考虑"
    r"|(?:19|20)\d{2}\s*年\s*(?:,\s*)?(?:要|将|是)"
)
