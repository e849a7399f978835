"""The indicator catalog and a longest-match alias finder.

Aliases are compiled into one trie-shaped regex: longest match wins because each
node tries its children before accepting a shorter word, and a trie is much
faster for Python's regex engine than a flat alternation of ~250 literals.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick_rs

from .lexicon import _NOISE_RE

DEFAULT_CATALOG = Path(__file__).resolve().parent.parent / "data" / "indicators.csv"


@dataclass(frozen=True, slots=True)
class Indicator:
    code: str
    name: str
    norm_unit: str  # "count", "元", "%"
    unit: str
    better: str
    aliases: tuple[str, ...]
    accumulates: bool = False  # a flow that builds up through the year

    @property
    def level(self) -> str | None:
        """The administrative level written into the canonical name, if any."""
        return level_of(self.name)


LEVEL_RE = re.compile(r"^(国家级|国家|省级以上|市级以上|省级|省|市级|市|县级|区级)")


def level_of(name: str) -> str | None:
    m = LEVEL_RE.match(name)
    if not m:
        return None
    word = m.group(1)
    return {
        "国家": "国家级",
        "省": "省级",
        "市": "市级",
    }.get(word, word)


@dataclass
class Catalog:
    indicators: list[Indicator]
    by_alias: dict[str, Indicator] = field(default_factory=dict)
    by_name: dict[str, Indicator] = field(default_factory=dict)
    alias_re: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        for ind in self.indicators:
            self.by_name[ind.name] = ind
            # The canonical name also without its 数 (科技企业孵化器和众创空间).
            bare = (
                (ind.name[:-1],)
                if ind.name.endswith("数") and len(ind.name) > 4
                else ()
            )
            for alias in (ind.name, *bare, *ind.aliases):
                key = clean_alias(alias)
                if key and key not in self.by_alias:
                    self.by_alias[key] = ind
        self.alias_re = re.compile(trie_regex(self.by_alias))

        # Normalised keys: what a name means once its wording is set aside.
        self.by_key: dict[str, Indicator] = {}
        clashes: set[str] = set()
        for ind in self.indicators:
            for alias in (ind.name, *ind.aliases):
                key = normal_key(alias)
                if not key:
                    continue
                other = self.by_key.get(key)
                if other is not None and other.code != ind.code:
                    clashes.add(key)
                self.by_key.setdefault(key, ind)
        for key in clashes:
            del self.by_key[key]  # a key two indicators share decides nothing

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> Catalog:
        """A catalog from plain rows, as the CSV or the database gives them.

        Each row has `code`, `name`, `unit`, `norm_unit`, optionally `better`
        ("higher"/"lower", default higher), `accumulates` (bool or yes/no) and
        `aliases` (a list, or one string separated by `|`). Rows without a code
        or a name are skipped; nothing here touches Django.
        """
        indicators = []
        for row in rows:
            code = str(row.get("code") or "").strip()
            name = str(row.get("name") or "").strip()
            if not code or not name:
                continue
            raw = row.get("aliases") or ()
            parts = raw.split("|") if isinstance(raw, str) else list(raw)
            aliases = tuple(a.strip() for a in parts if a and a.strip())
            indicators.append(
                Indicator(
                    code=code,
                    name=name,
                    norm_unit=str(row.get("norm_unit") or "count").strip(),
                    unit=str(row.get("unit") or "").strip(),
                    better=str(row.get("better") or "higher").strip(),
                    aliases=aliases,
                    accumulates=_flag(row.get("accumulates")),
                )
            )
        return cls(indicators)

    def lookup(self, name: str) -> Indicator | None:
        return self.by_name.get(name) or self.by_alias.get(clean_alias(name))

    def resolve(self, name: str) -> Indicator | None:
        """The catalog indicator a free-form name means, or None.

        Tries the literal aliases first, then the normalised key of the name
        (see `normal_key`), then the name without trailing measure and
        qualifier words (居民消费价格比上年上涨 → 居民消费价格), then a share
        composed of two indicators. Answers are remembered per catalog."""
        cache = self.__dict__.setdefault("_resolved", {})
        if name in cache:
            return cache[name]
        hit = self._resolve(name)
        if len(cache) < 50_000:
            cache[name] = hit
        return hit

    def _resolve(self, name: str) -> Indicator | None:
        hit = self.lookup(name)
        if hit is not None:
            return hit
        key = normal_key(name)
        if not key:
            return None
        hit = self.by_key.get(key)
        if hit is not None:
            return hit
        bare = _TRAILING_CUES_RE.sub("", key)
        if bare != key and len(bare) >= 2:
            hit = self.by_key.get(bare) or self.by_key.get(bare + "涨幅")
            if hit is not None:
                return hit
        return self._share(name)

    def count_sibling(self, ind: Indicator) -> Indicator | None:
        """The one count indicator of the subject of amount `ind` (技术合同成交额
        -> 技术合同登记数: the contracts the amount is of), or None when the
        catalog has none or several."""
        siblings = self.__dict__.setdefault("_count_siblings", {})
        if ind.code in siblings:
            return siblings[ind.code]
        stem = _AMOUNT_WORD_RE.sub("", ind.name)
        found = None
        if len(stem) >= 2 and stem != ind.name:
            hits = [
                other
                for other in self.indicators
                if other.norm_unit == "count"
                and other.name.startswith(stem)
                and "占" not in other.name
            ]
            found = hits[0] if len(hits) == 1 else None
        siblings[ind.code] = found
        return found

    def _share(self, name: str) -> Indicator | None:
        """A share composed of two indicators (全社会R&D支出占GDP的比重): the
        catalog's share of the first in the second, if it has one."""
        part, sep, whole = name.partition("占")
        whole = _SHARE_TAIL_RE.sub("", _WHOLE_PLACE_RE.sub("", whole))
        if not sep or not part or not whole:
            return None
        first = self.resolve(part) or self.resolve(part + "投入")
        if first is None:
            return None
        shares = self.__dict__.get("_shares")
        if shares is None:
            shares = {}
            for ind in self.indicators:
                for alias in (ind.name, *ind.aliases):
                    p2, sep2, w2 = alias.partition("占")
                    base = self.resolve(p2) if sep2 and p2 else None
                    if base is not None:
                        w2 = _SHARE_TAIL_RE.sub("", w2)
                        shares.setdefault((base.code, normal_key(w2)), ind)
            self.__dict__["_shares"] = shares
        return shares.get((first.code, normal_key(whole)))


# 占区财政支出的4.3%, 占本县一般公共预算支出: the place the whole is of names
# no other share.
_WHOLE_PLACE_RE = re.compile(
    r"^(?:全|本|我)?(?:省|市|区|县|州|旗)(?:级|本级)?(?=财政|一般|地方|公共)"
    r"|^本级(?=财政|一般|地方|公共)"
)

# The word that makes a name an amount (成交额, 交易金额, 总额).
_AMOUNT_WORD_RE = re.compile(r"(?:成交|交易|登记)?(?:总金额|总额|金额|额)$")

# 占营业收入的比重, 占营业收入比, 占营业收入的: the whole of a share, its share
# word however it is cut.
_SHARE_TAIL_RE = re.compile(r"的?(?:比重|比例|占比|比值|之比|比)?$")

# Wording that does not change what is counted: neutral qualifiers, the form of
# the quantity word, ASCII case. Level words (国家级, 省级) and subjects stay.
_NEUTRAL_RE = re.compile(
    r"^(?:全市|全省|全县|全区|全州|全旗|我市|我省|我县|本市|全年|年度|当年)"
    r"|[\s“”\"‘’「」『』《》()·]|的(?=[\u4e00-\u9fff])"
)
_KEY_SUBSTITUTIONS = (
    (re.compile(r"规模以上"), "规上"),
    # 研究与开发经费, 科技研究和开发经费: research and development spelled out,
    # with or without 科技 before it, is R&D.
    (
        re.compile(r"(?:科技)?(?:研究与试验发展|研究[与和]开发)|R&D|(?:^科技)?研发"),
        "研发",
    ),
    (re.compile(r"(?<=研发)综合(?=经费|投入|支出)"), ""),
    # 研发经费内部支出(合计): the statistics' name of the spending, 内部 (within
    # the unit) and the total's 合计 name no other spending.
    (re.compile(r"(?<=研发经费)内部(?=支出)"), ""),
    (re.compile(r"(?<=研发经费支出)合计"), ""),
    (re.compile(r"研发(?:经费)?(?:支出|投入)"), "研发经费投入"),
    # 研发投入占比, 研发综合投入比重, 研发经费占比 (a percentage with no whole
    # named): the share of output, its intensity; 综合 names no other input.
    (re.compile(r"研发经费(?:投入)?(?:占比|比重|比例)$"), "研发经费投入强度"),
    # 规上工业研发经费与主营业务收入之比: a ratio worded X与Y之比 is X's share of Y.
    (
        re.compile(r"^([\u4e00-\u9fffA-Z&]{2,20}?)与([\u4e00-\u9fff]{2,10}?)之比$"),
        r"\1占\2比重",
    ),
    # 规上工业研发投入强度: the industry's spending is its firms'.
    (re.compile(r"(?<=规上工业)(?=研发)"), "企业"),
    (re.compile(r"GDP|地区生产总值|生产总值|地区总值"), "地区生产总值"),
    # 三产业增加值: the sector's ordinal is often dropped before 产业.
    (re.compile(r"第?三产业|三产"), "服务业"),
    (re.compile(r"^(?<!第)([一二])产业"), r"第\1产业"),
    # 一、二、三产增加值分别…: the ordinals of a list that shares 产…增加值.
    (re.compile(r"^([一二])产?(?=增加值(?:增长|增速|增幅)?$)"), r"第\1产业"),
    # 一产增长3.9%, 二产增长14.1%: the sector named by its short ordinal alone.
    (re.compile(r"^([一二])产$"), r"第\1产业"),
    # 工程技术研究开发中心, 工程技术研发中心: the centre spelled out is the same one.
    (
        re.compile(r"工程技术(?:研究开发|研究与开发|研究和开发|研发)中心"),
        "工程技术研究中心",
    ),
    # 财政对科技的投入, 财政对科技支出: the state's spending on science, worded
    # with 对.
    (re.compile(r"(?<=财政)对科技(?:的)?(?=投入|支出|拨款|经费)"), "科技"),
    # 使用外资(FDI)增长20%: the money used is the actual FDI (a contracted
    # amount, 合同使用外资, is not).
    (
        re.compile(r"(?<!实际)(?<!合同)(?<!协议)使用外资(?=(?:\(FDI\))?$)"),
        "实际使用外资",
    ),
    # 科技型中心企业: a frequent slip for 中小 in the name of the kind.
    (re.compile(r"科技型中心企业"), "科技型中小企业"),
    # 技术交易2200万元: the deals named alone, as an amount, are the contracts'
    # turnover (a count gets its 数 first and is left alone).
    (re.compile(r"^技术(?:市场)?(?:交易|成交)$"), "技术合同成交额"),
    # 成果登记30项, 登记省市级科技成果70项: results registered are the science
    # results, whatever level of register the page names.
    (
        re.compile(
            r"^(?:科技)?成果登记(?=(?:数|项数|数量)?$)"
            r"|^(?:完成)?(?:认定)?登记(?:[省市县区]{1,3}级)?(?:科技)?成果"
            r"(?=(?:数|项数|数量)?$)"
        ),
        "科技成果登记",
    ),
    # 万元地区生产总值综合能耗, GDP综合能耗: energy per unit of output, whatever
    # counts the unit (万元, 单位) and however the energy is summed (综合).
    (
        re.compile(r"^(?:单位|万元|每万元)?地区生产总值(?:综合)?能(?:耗|源消耗)"),
        "单位地区生产总值能耗",
    ),
    (re.compile(r"常住居民"), "居民"),
    # 城镇居民年人均可支配收入: a per-head income is a year's; 年 adds nothing.
    (re.compile(r"(?<=居民|农民)年(?=人均)"), ""),
    (re.compile(r"农村牧区|农牧区"), "农村"),
    # 农村人均可支配收入, 城镇人均纯收入: the short form drops 居民.
    (re.compile(r"^(城镇|农村|城市|乡村)(?=人均(?:可支配|纯)?收入$)"), r"\1居民"),
    (re.compile(r"(?<=居民)(?:收入|可支配收入)$"), "人均可支配收入"),
    (re.compile(r"进出口贸易"), "进出口"),
    # 第三产业171.6亿元, 第二产业增长5%: a sector named alone is its value added.
    (re.compile(r"^(第一产业|第二产业|服务业)$"), r"\1增加值"),
    # 地方公共预算收入, 公共预算收入, 地方级一般公共财政预算收入: the budget's
    # revenue, however many of 地方/一般/财政 the page keeps.
    (
        re.compile(r"^(?:地方级?)?(?:一般)?公共(?:财政)?预算收入"),
        "一般公共预算收入",
    ),
    # 技术合同认定146项, 认定技术合同: contracts are counted as they are
    # registered, whether the text says 认定, 认定登记 or 登记.
    # 技术合同认证登记: 认证 is the same registration.
    (
        re.compile(r"(?<=技术合同)认[定证](?:登记)?|^认[定证](?:登记)?(?=技术合同)"),
        "登记",
    ),
    # 登记技术合同交易30份: the deals are the contracts; 交易 closing a count's
    # name adds nothing (the amount, 交易额, keeps its 额).
    (re.compile(r"^(?:登记|认定)技术合同交易"), "登记技术合同"),
    (re.compile(r"^技术合同(?:交易|成交)(?=(?:项数|数|数量|项)?$)"), "技术合同登记"),
    # 其中税收完成51亿元: tax named alone is the revenue from it.
    (re.compile(r"^税收(?:完成|实现)?$"), "税收收入"),
    # 研发费用相当于营业收入的比重: a share worded as 相当于…的比重 is 占…比重.
    (re.compile(r"相当于(?=[\u4e00-\u9fff]{2,12}(?:比重|比例|占比))"), "占"),
    # 占全市公共财政支出比例: the place of the whole names no other share.
    (re.compile(r"(?<=占)(?:全省|全市|全区|全县)(?=[\u4e00-\u9fff]{2})"), ""),
    # 占公共财政支出比例: the old name of 一般公共预算支出 as the whole of a share.
    (re.compile(r"(?<=占)(?:地方)?公共财政(?:预算)?支出"), "一般公共预算支出"),
    # 占主营业务收入比重: the old name of 营业收入 as the whole of a share.
    # 主营业务收 (its 入 dropped by a slip) is the same whole.
    (re.compile(r"(?<=占)主营业务收入?(?=比重|比例|占比)"), "营业收入"),
    # 经济增长6.5%, 进出口增长1%: the economy and trade as a whole.
    # 经济增长预期目标6.5%以上, 经济增速目标: the goal for the economy's growth.
    (
        re.compile(
            r"^(?:经济|经济总量)(?:预期)?(?:(?:增长|增速)的?(?:预期|主要)?(?:目标|指标)?)?$"
        ),
        "地区生产总值",
    ),
    (re.compile(r"^(?:外贸)?进出口$"), "进出口额"),
    # 力争完成投资2440亿元: a region's investment as a whole is its 固定资产投资.
    (re.compile(r"^(?:完成|全社会)?投资(?:总额)?$"), "固定资产投资"),
    # 固定资产同比增长28.3%: a page that drops 投资 still names the investment.
    (re.compile(r"^(?:全社会)?固定资产$"), "固定资产投资"),
    # 第三产业完成增加值, 工业实现营业收入: the verb between the subject and what is
    # measured names nothing.
    (
        re.compile(
            r"(?<=[\u4e00-\u9fff])(?:完成|实现)(?=增加值|总产值|产值|营业收入|主营业务收入|利润|税收)"
        ),
        "",
    ),
    (re.compile(r"人均地区生产总值"), "人均地区生产总值"),
    # 规模以上工业企业(工业)增加值: the firms' value added is the industry's.
    (re.compile(r"(?<=工业)企业(?:工业)?(?=增加值)"), ""),
    # 占同期/当年/同年GDP比重: the share of the same period's whole.
    (re.compile(r"(?<=占)(?:同期|当期|当年|同年|全年)"), ""),
    # 有效发明专利(数/量/授权量): patents in force are a stock, its 拥有量.
    (
        re.compile(
            r"^(每万人口?|万人)?有效(发明)?专利(?:授权量|拥有量|拥有数|拥有数量|拥有件数|总量|数量|量|数|件数)?$"
        ),
        r"\1有效\2专利拥有量",
    ),
    # 成交总金额, 交易总额, 总值: the amount, however it is worded.
    (re.compile(r"(?:成交|交易)?(?:总值|总金额|总额|金额|额)$"), "额"),
    # 企业户数, 企业家数: the counting word of firms is no part of what is counted.
    # 国家高新技术企业保有量: the stock of a kind counted is its count.
    (re.compile(r"(?<=企业|机构|平台|中心)(?:保有量|存量)$"), ""),
    (re.compile(r"(?:总数|数量|个数|家数|户数|人数|人员数|人员|数)$"), ""),
    (re.compile(r"(?:比重|占比|比例|比值)$"), "比重"),
    (re.compile(r"(?:总产量|产量|总产)$"), "产量"),
    # 申请专利132项, 申報發明專利5項: the verb before its object names the same
    # count as 专利申请.
    (re.compile(r"^(?:申请|申报)(发明)?专利$"), r"\1专利申请"),
)
_TRAILING_CUES_RE = re.compile(
    r"(?:比上年|比去年|同比|较上年|较去年|比上年同期|比去年同期|较上年同期|比上年度|"
    r"上涨|增长|下降|上升|涨幅|增速|增幅|实际|可比|"
    r"平均|累计|完成|实现|达到|控制在|在|为|年均|目标定为|目标定|目标为|目标|预期目标|预期)+$"
)


@lru_cache(maxsize=8192)
def normal_key(name: str) -> str:
    """A name reduced to what it counts: 全市进出口总值 and 进出口总额 share a key."""
    s = name.upper().replace("ＧＤＰ", "GDP")
    prev = None
    while prev != s:
        prev = s
        s = _NEUTRAL_RE.sub("", s)
    for pattern, repl in _KEY_SUBSTITUTIONS:
        s = pattern.sub(repl, s)
    return s


def clean_alias(alias: str) -> str:
    return _NOISE_RE.sub("", alias).strip()


def finditer_from(
    pattern: re.Pattern[str],
    first: re.Pattern[str],
    text: str,
    pos: int = 0,
    endpos: int | None = None,
) -> Iterator[re.Match[str]]:
    """Same matches as pattern.finditer(text, pos, endpos), found faster.

    `pattern` must never match the empty string and `first` must match every
    character a match can start with. re tries a pattern that opens with a
    group or an alternation at every position; a one-character class is skipped
    over at C speed, so only the few candidate positions are tried.
    """
    if endpos is None:
        endpos = len(text)
    search = first.search
    match = pattern.match
    while True:
        c = search(text, pos, endpos)
        if c is None:
            return
        p = c.start()
        m = match(text, p, endpos)
        if m is None:
            pos = p + 1
        else:
            yield m
            pos = m.end()


def trie_regex(words: dict[str, object] | list[str]) -> str:
    """A regex matching any of `words`, preferring the longest."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [
            re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie) or "(?!)"


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Read indicators.csv (code,name,norm_unit,unit,better,aliases)."""
    if path is None:
        return _default_catalog()
    return _read_catalog(Path(path))


@lru_cache(maxsize=1)
def _default_catalog() -> Catalog:
    return _read_catalog(DEFAULT_CATALOG)


def _read_catalog(path: Path) -> Catalog:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return Catalog.from_rows(csv.DictReader(f))


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in ("yes", "true", "1", "y")


class Skeleton:
    """The text with quotes and short parentheticals removed, mapped back to offsets."""

    __slots__ = ("_orig_starts", "_skel_starts", "text")

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        skel_starts: list[int] = []
        orig_starts: list[int] = []
        pos = 0
        skel_len = 0
        for m in _NOISE_RE.finditer(text):
            if m.start() > pos:
                skel_starts.append(skel_len)
                orig_starts.append(pos)
                parts.append(text[pos : m.start()])
                skel_len += m.start() - pos
            pos = m.end()
        if pos < len(text) or not parts:
            skel_starts.append(skel_len)
            orig_starts.append(pos)
            parts.append(text[pos:])
        self.text = "".join(parts)
        self._skel_starts = skel_starts
        self._orig_starts = orig_starts

    def to_orig(self, i: int) -> int:
        k = bisect_right(self._skel_starts, i) - 1
        return self._orig_starts[k] + (i - self._skel_starts[k])

    def span_to_orig(self, start: int, end: int) -> tuple[int, int]:
        return self.to_orig(start), self.to_orig(end - 1) + 1


@dataclass(frozen=True, slots=True)
class AliasHit:
    start: int  # offsets in the original text
    end: int
    alias: str  # the alias as matched (cleaned form)
    indicator: Indicator


def find_aliases(
    catalog: Catalog, text: str, start: int = 0, end: int | None = None
) -> list[AliasHit]:
    """Every longest, non-overlapping alias occurrence in text[start:end], in order.

    Offsets are positions in `text`.
    """
    skel = Skeleton(text[start:end] if start or end is not None else text)
    automaton, words = _alias_automaton(catalog)
    by_alias = catalog.by_alias
    hits = []
    for i, a, b in automaton.find_matches_as_indexes(skel.text):
        a, b = skel.span_to_orig(a, b)
        word = words[i]
        hits.append(AliasHit(a + start, b + start, word, by_alias[word]))
    return hits


def _alias_automaton(catalog: Catalog) -> tuple[Any, list[str]]:
    """The catalog's aliases as an Aho-Corasick automaton that reads what
    `alias_re.finditer` does: the leftmost match, the longest there, then on
    after its end (alias_re is the trie of the same words, which prefers the
    longest), in one linear pass instead of a regex try at every character."""
    found = catalog.__dict__.get("_alias_automaton")
    if found is None:
        words = [w for w in catalog.by_alias if w]
        automaton = ahocorasick_rs.AhoCorasick(
            words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        found = catalog.__dict__["_alias_automaton"] = (automaton, words)
    return found
