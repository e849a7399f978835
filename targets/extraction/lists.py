"""Lists whose last qualifier or 分别-verb scopes over every item (issue 11):
`A、B、C分别突破x、y、z亿元` and `A x亿元、B y亿元、C z亿元以上` give every item
the comparator written once, at the head or at the end of the list; `A和B均增长x%`
gives the one figure to every item."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

from .catalog import Catalog, Indicator
from .records import Record

# What joins two items of one list (、 and 和/及/与 before the last).
_JOIN_RE = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
# A qualifier closing the list, written once after the last figure.
_TAIL_QUAL_RE = re.compile(r"(?:以上|左右|以下|以内|上下)$")
# A bound after the last figure of a 分别 list pairs with that figure alone
# (分别增长6%和6.5%以上: one figure each); an approximation (左右) is the list's.
_BOUNDS = frozenset(("以上", "以下", "以内"))
# The head of a 分别 list: 分别突破, 分别超过… right before the first figure.
_HEAD_QUAL_RE = re.compile(r"分别(?:突破|超过|超|不低于|不少于|达到|达)?$")
# An item with a verb or a qualifier of its own is not a bare list item.
_OWN_VERB_RE = re.compile(
    r"增长|增速|增幅|下降|提高|提升|降低|达到|达|突破|超过|超|实现|完成|力争|确保|"
    r"控制|保持|稳定|不低于|不少于|不超过|以上|左右|以下|以内|约|近|为|占|"
    # 新增A10家、新备案B200家以上: an item counted by a verb of its own.
    r"新增|净增|新备案|新认定|新建|新培育|新引进|引进|培育|认定|备案|招引|入库"
)
_VALUE_RE = re.compile(r"[\d.]+\s*(?:万亿|千亿|百亿|亿|千万|百万|十万|万|千)?[^\d.]*$")


def _lead(record: Record, scan: str) -> str:
    """The quote (in the matching view) up to its figure: the item's name."""
    quote = scan[record.start : record.end]
    m = _VALUE_RE.search(quote)
    return quote[: m.start()] if m else quote


def spread_list_qualifiers(records: list[Record], scan: str) -> list[Record]:
    """Give the items of a list the comparator written once for all of them.

    A chain is a run of records of the same kind, measure and unit, one joiner
    apart, each later item either a bare figure or a name without a verb or
    qualifier of its own. A qualifier after the last figure (以上, 左右) goes to
    every `=` item of the chain; in a 分别 list a bound after 分别 (分别突破)
    goes to every bare figure after the first."""
    out = list(records)
    # Whether records j and j + 1 go on one chain depends on the two records
    # alone (a replaced comparator changes none of it), so the pairs are tested
    # once, the one-joiner gap first, and the chains are the runs of pairs that
    # pass: a record-dense list, where no gap is a joiner, is one pass.
    gaps = [scan[a.end : b.start] for a, b in pairwise(out)]
    joined = [
        j
        for j, gap in enumerate(gaps)
        if not gap or (len(gap) <= 4 and _JOIN_RE.fullmatch(gap))
    ]
    chained = [j for j in joined if _chained(out[j], out[j + 1], gaps[j], scan)]
    k = 0
    while k < len(chained):
        i = chained[k]
        j = i + 1
        k += 1
        while k < len(chained) and chained[k] == j:
            j += 1
            k += 1
        _spread(out, i, j, scan)
    return out


def _chained(a: Record, b: Record, gap: str, scan: str) -> bool:
    """Whether `b` goes on the chain of `a`, one joiner (or nothing) apart."""
    lead = _lead(b, scan)
    return (
        # 上半年3.2%、前三季度4.4%、预计全年5%左右: items of other periods (or
        # another estimate) do not share the last one's qualifier.
        (a.kind, a.measure, a.unit, a.region, a.period, a.estimate)
        == (b.kind, b.measure, b.unit, b.region, b.period, b.estimate)
        and (gap != "" or bool(_JOIN_RE.match(lead)))
        and not _OWN_VERB_RE.search(_JOIN_RE.sub("", lead, count=1))
    )


def _spread(out: list[Record], i: int, j: int, scan: str) -> None:
    """The qualifier written once for the chain out[i..j], given to its items."""
    chain = out[i : j + 1]
    last = chain[-1]
    tail = _TAIL_QUAL_RE.search
    first = chain[0]
    closing = tail(scan[last.start : last.end])
    if closing and closing.group() in _BOUNDS and "分别" in _lead(first, scan):
        closing = None  # 分别增长8%和8.5%以上: the bound is the last item's own
    if last.comparator != "=" and closing:
        for k in range(i, j):
            if out[k].comparator == "=" and not tail(scan[out[k].start : out[k].end]):
                out[k] = replace(out[k], comparator=last.comparator)
    head = _HEAD_QUAL_RE.search(_lead(first, scan))
    if head and first.comparator not in ("=",) and head.group() != "分别":
        for k in range(i + 1, j + 1):
            bare = _JOIN_RE.sub("", _lead(out[k], scan), count=1) == ""
            if bare and out[k].comparator == "=":
                out[k] = replace(out[k], comparator=first.comparator)


# A和B均增长12%, A、B均达到…: one figure for every item named before 均.
_SHARED_SPLIT_RE = re.compile(r"和|与|及|、")
# The 均 that shares the figure (not 人均, 年均, 平均, 户均); 双超, 双突破, 双双:
# the figure of both items.
_SHARED_WORD_RE = re.compile(
    r"(?<![人年户平])均(?!衡|等|值)|双双|双(?=超|突破|破|过|达|跨|迈|进入)"
)
# 等主要经济指标, 等指标, 等六项主要指标: a catch-all closing a list of items.
_ETC_INDICATORS_RE = re.compile(
    r"等(?:[一二三四五六七八九十\d]{1,2}项)?(?:主要|核心|重要)?(?:经济)?(?:发展)?指标"
)
# An item that names a measured quantity in full (工业园区产值, 外贸进出口额):
# a name of its own where the catalog has none.
_ITEM_HEAD_RE = re.compile(
    r"(?:产值|增加值|收入|营收|利润|总额|额|产量|投资|总量|规模|余额|税收)$"
)
_ITEM_TEXT_RE = re.compile(r"[\u4e00-\u9fff]{3,16}")
# 总量均突破, 总数均达到: a quantity word after the last item, shared by all.
_QUANTITY_WORD_END_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:总量|总数|数量|保有量)$")
# 粮食、肉蛋奶、蔬菜产量均稳定在…: a name built across a list and its 均.
_LIST_NAME_RE = re.compile(r"、[^、]+均")
_SHARED_LEAD_RE = re.compile(
    r"^(?:全市|全省|全县|全区|我市|我省|力争|确保|争取|预计|其中)+"
)


def split_shared_figures(
    records: list[Record],
    scan: str,
    text: str,
    catalog: Catalog,
    text_at: Callable[[int, int], tuple[int, int]] | None = None,
) -> list[Record]:
    """`A和B均增长12%`: one record for each item when every item before 均 is a
    catalog indicator of its own whose unit takes the figure; the first keeps
    the whole quote, each later one is quoted from its own name."""
    if "均" not in scan and "双" not in scan and "等" not in scan:
        return list(records)  # no record's lead can hold one
    out: list[Record] = []
    for r in records:
        split = None
        # The lead is a prefix of the quote: without 均 in the quote, no split.
        if r.indicator_code is not None and "均" in scan[r.start : r.end]:
            lead = _lead(r, scan)
            found = [m.start() for m in _SHARED_WORD_RE.finditer(lead)]
            if found and found[-1] > 0:
                split = _shared_items(lead[: found[-1]], r, catalog)
        elif r.indicator_code is None and (
            etc := _ETC_INDICATORS_RE.search(lead := _lead(r, scan))
        ):
            listed = _named_items(
                lead[: etc.start()], r, text, catalog, text_at, catch_all=True
            )
            if listed is not None:
                out.extend(listed)
                continue
        if split is None and ("均" in r.indicator or "双" in r.indicator):
            lead = _lead(r, scan)
            found = [m.start() for m in _SHARED_WORD_RE.finditer(lead)]
            if found and found[-1] > 0:
                named = _named_items(lead[: found[-1]], r, text, catalog, text_at)
                if named is not None:
                    out.extend(named)
                    continue
        if split is None:
            if r.indicator_code is None and _LIST_NAME_RE.search(r.indicator):
                # A catch-all over items the catalog cannot name one by one:
                # no indicator of its own, so no record.
                continue
            out.append(r)
            continue
        for offset, ind in split:
            out.append(_item_record(r, ind.name, ind, r.start + offset, text, text_at))
    return out


def _item_record(
    r: Record,
    name: str,
    ind: Indicator | None,
    start: int,
    text: str,
    text_at: Callable[[int, int], tuple[int, int]] | None,
) -> Record:
    """The record of one item of a list that shares `r`'s figure, quoted from
    the item's name (`start`, in the matching view) to the figure."""
    if text_at is not None:
        # the item's start in the view, where a reposted page's glosses were
        # moved behind its run, is elsewhere in the text
        start = text_at(start, r.end)[0]
    return replace(
        r,
        indicator=name,
        indicator_code=ind.code if ind is not None else None,
        start=start,
        quote=text[start : r.end],
    )


def _shared_items(
    names: str, r: Record, catalog: Catalog
) -> list[tuple[int, Indicator]] | None:
    """(offset in the quote, indicator) for each item of `names`, or None."""
    items = []
    pos = 0
    for m in [*_SHARED_SPLIT_RE.finditer(names), None]:
        end = m.start() if m else len(names)
        items.append((pos, names[pos:end]))
        pos = m.end() if m else pos
    if len(items) < 2:
        return None
    out = []
    for offset, item in items:
        lead = _SHARED_LEAD_RE.match(item)
        if lead:
            offset, item = offset + lead.end(), item[lead.end() :]
        stripped = item.lstrip()
        offset += len(item) - len(stripped)
        ind = catalog.resolve(stripped.strip())
        if ind is None:
            # 高新技术企业、科技型中小企业总量均…: the quantity word the items share.
            ind = catalog.resolve(_QUANTITY_WORD_END_RE.sub("", stripped.strip()))
        if ind is None and offset < items[-1][0]:
            ind = _with_shared_head(stripped.strip(), items[-1][1].strip(), catalog)
        if ind is None or not _takes(ind, r):
            return None
        out.append((offset, ind))
    if out[-1][1].code != r.indicator_code or len({i.code for _, i in out}) < len(out):
        return None
    out[0] = (0, out[0][1])
    return out


def _named_items(
    names: str,
    r: Record,
    text: str,
    catalog: Catalog,
    text_at: Callable[[int, int], tuple[int, int]] | None,
    *,
    catch_all: bool = False,
) -> list[Record] | None:
    """One record for each item of a list read as one name the catalog does
    not know, or None when fewer than two items are listed.

    地区生产总值、工业园区产值双超500亿元: every item must be a catalog name or
    name a measured quantity in full (the catalog's where it has one).
    A、B、C等主要经济指标增长30%以上 (`catch_all`): the items the catalog names,
    the others being what the catch-all leaves unnamed (None if it names none)."""
    items = _items(names)
    if len(items) < 2:
        return None
    out = []
    for offset, item in items:
        ind = catalog.resolve(item)
        if ind is None and not catch_all:
            ind = catalog.resolve(_QUANTITY_WORD_END_RE.sub("", item))
        if catch_all and (ind is None or not _takes(ind, r)):
            continue
        if ind is not None and not _takes(ind, r):
            return None
        if ind is None and not (
            _ITEM_TEXT_RE.fullmatch(item) and _ITEM_HEAD_RE.search(item)
        ):
            return None  # 粮食、肉蛋奶: stems of a head the text does not spell out
        start = r.start + (offset if out else 0)
        name = ind.name if ind is not None else item
        out.append(_item_record(r, name, ind, start, text, text_at))
    return out or None


def _items(names: str) -> list[tuple[int, str]]:
    """(offset, item) of each item of a 、/和 list, without its lead words."""
    items = []
    pos = 0
    for m in [*_SHARED_SPLIT_RE.finditer(names), None]:
        end = m.start() if m else len(names)
        item = names[pos:end]
        offset = pos
        lead = _SHARED_LEAD_RE.match(item)
        if lead:
            offset, item = offset + lead.end(), item[lead.end() :]
        stripped = item.lstrip()
        items.append((offset + len(item) - len(stripped), stripped.strip()))
        pos = m.end() if m else pos
    return items


def _with_shared_head(item: str, last: str, catalog: Catalog) -> Indicator | None:
    """城镇、农村居民人均可支配收入均…: an earlier item that names only its subject
    takes the last item's head (居民人均可支配收入), longest first; the name must
    be another indicator than the last item's."""
    if not 1 <= len(item) <= 6:
        return None
    own = catalog.resolve(last)
    for k in range(len(last) - 1, 2, -1):
        ind = catalog.resolve(item + last[-k:])
        if ind is not None and (own is None or ind.code != own.code):
            return ind
    return None


def _takes(ind: Indicator, r: Record) -> bool:
    """Whether the indicator's unit takes the record's figure (a growth in % is
    any indicator's)."""
    if r.norm_unit == "%" and r.measure == "growth":
        return True
    return ind.norm_unit == r.norm_unit


# 认定5—8个省级重点实验室, 新增10-15家: a range goal whose lower end is a bare
# number, the unit written once after the upper end.
_BARE_RANGE_RE = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:-{1,2}|~)\s*(\d+(?:\.\d+)?)(?![\d.])"
)


def add_bare_range_lows(records: list[Record], scan: str) -> list[Record]:
    """The lower end of a range goal written without a unit (5—8个): a record
    `>=` the lower end beside the `<=` record of the upper end, same span."""
    out: list[Record] = []
    for r in records:
        low = _bare_low(r, scan)
        if low is not None and not _has_low(records, r, low):
            norm = low * (r.norm_value / r.value)
            if norm == norm.to_integral_value():
                norm = norm.quantize(Decimal(1))
            out.append(replace(r, comparator=">=", value=low, norm_value=norm))
        out.append(r)
    return out


def _bare_low(r: Record, scan: str) -> Decimal | None:
    """The bare lower end before the upper end of a `<=` range goal, or None."""
    if r.kind != "target" or r.comparator != "<=" or not r.value:
        return None
    for m in _BARE_RANGE_RE.finditer(scan, r.start, r.end):
        if Decimal(m.group(2)) == r.value:
            low = Decimal(m.group(1))
            return low if low < r.value else None
    return None


def _has_low(records: list[Record], r: Record, low: Decimal) -> bool:
    """Whether the lower end was read as a record of its own."""
    return any(
        o.value == low
        and o.indicator == r.indicator
        and o.start < r.end
        and r.start < o.end
        for o in records
        if o is not r
    )


# 均增长8.3% opening the clause after two or more levels: one rate of each.
_BOTH_RATE_RE = re.compile(r"均(?:比上年|同比|较上年)?(?:增长|增幅|增速|提高|上涨)")
# The comma closing the clause of the levels before it.
_CLAUSE_GAP_RE = re.compile(r"\s*[,,]\s*")
# What stands between the levels of one list (A元、B元; 分别达到X元和Y元).
_LEVELS_JOIN_RE = re.compile(r"\s*(?:[、和及与]|[,,])?\s*")


def share_both_rates(records: list[Record], scan: str) -> list[Record]:
    """`城镇居民人均可支配收入X元、农村居民人均可支配收入Y元,均增长8.3%`: the
    one rate after a list of levels of different indicators is each one's; the
    rate read for one of them is given to the others too, on the same quote."""
    if "均" not in scan:
        return records
    out: list[Record] = []
    for i, r in enumerate(records):
        if (
            i
            and r.measure == "growth"
            and _BOTH_RATE_RE.match(scan, r.start)
            and _CLAUSE_GAP_RE.fullmatch(scan, records[i - 1].end, r.start)
        ):
            run = [records[i - 1]]
            j = i - 1
            while (
                j > 0
                and records[j - 1].measure == "level"
                and _LEVELS_JOIN_RE.fullmatch(
                    scan, records[j - 1].end, records[j].start
                )
            ):
                j -= 1
                run.insert(0, records[j])
            names = {x.indicator for x in run}
            if (
                len(run) >= 2
                and len(names) == len(run)
                and all(x.measure == "level" for x in run)
                and r.indicator in names
            ):
                # in the levels' order, as the text lists them
                out.extend(
                    r
                    if x.indicator == r.indicator
                    else replace(
                        r, indicator=x.indicator, indicator_code=x.indicator_code
                    )
                    for x in run
                )
                continue
        out.append(r)
    return out
