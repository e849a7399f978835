"""Numerals and quantities: Arabic, Chinese and mixed, with Decimal arithmetic.

The grammar is deliberately small: a number (Arabic with optional thousands
separators and decimals, or a Chinese numeral), an optional approximation
suffix (余, 多), an optional magnitude (万, 亿, 千万…), and an optional unit.
Qualifiers written around the number (以上, 超过, 近…) are read by the engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .units import MAGNITUDE_ONLY_UNITS, PLAIN, UNIT_ALTERNATION, normalise

# One character in, one character out, so offsets survive the translation.
FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},  # Ａ-Ｚ
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},  # ａ-ｚ
        "＆": "&",
        "，": ",",
        "；": ";",
        "：": ":",
        "（": "(",
        "）": ")",
        "％": "%",
        "．": ".",
        "！": "!",
        "？": "?",
        "　": " ",
        "－": "-",
        "～": "~",
        "—": "-",
        "–": "-",
        "〜": "~",
        # Small and vertical presentation forms (a BIG5 page's ﹔ and ﹐, the
        # ︰ of a ratio): the same marks, so they break clauses as those do.
        "﹐": ",",
        "﹑": "、",
        "﹒": ".",
        "﹔": ";",
        "﹕": ":",
        "﹖": "?",
        "﹗": "!",
        "﹙": "(",
        "﹚": ")",
        "﹪": "%",
        "︐": ",",
        "︑": "、",
        "︒": "。",
        "︓": ":",
        "︔": ";",
        "︰": ":",
        "｡": "。",
        "､": "、",
        # 增长15℅: the care-of sign some pages type for a percent.
        "℅": "%",
    }
)

_FULLWIDTH_PAIRS = [(chr(k), v) for k, v in FULLWIDTH.items()]


def to_halfwidth(text: str) -> str:
    """Map full-width digits and punctuation to ASCII, one character for one.

    A chain of str.replace runs at C speed; str.translate with a dict does a
    Python-level lookup per character and is several times slower on big texts.
    """
    for src, dst in _FULLWIDTH_PAIRS:
        if src in text:
            text = text.replace(src, dst)
    return text


_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

CN_DIGIT_CHARS = "零〇○一二两三四五六七八九"
CN_NUMERAL_CHARS = CN_DIGIT_CHARS + "十百千万亿"


def cn_to_int(s: str) -> int | None:
    """Convert a Chinese numeral (一千三百五十, 两万, 一万二, 二〇二四) to an int.

    Returns None for strings that are not a well-formed numeral, such as the
    plan name 十四五, so callers can skip them instead of guessing.
    """
    if not s or any(
        ch not in _DIGITS and ch not in _SMALL_UNITS and ch not in _BIG_UNITS
        for ch in s
    ):
        return None
    if all(ch in _DIGITS for ch in s):
        # A digit string (二〇二四) is positional.
        return int("".join(str(_DIGITS[ch]) for ch in s))
    total = 0  # everything above 亿 already closed
    section = 0  # the 万 part below the current 亿
    small = 0  # the part below 万
    digit: int | None = None
    last_unit = 1  # the unit a trailing bare digit is read in (一万二 = 12000)
    zero_seen = False
    prev_was_digit = False
    for ch in s:
        if ch in _DIGITS:
            if prev_was_digit and not zero_seen:
                return None  # 十四五: digits run together after a unit
            value = _DIGITS[ch]
            if value == 0:
                zero_seen = True
                prev_was_digit = False
                digit = None
                continue
            digit = value
            prev_was_digit = True
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            small += (digit if digit is not None else 1) * unit
            digit = None
            last_unit = unit
            zero_seen = False
            prev_was_digit = False
        else:
            unit = _BIG_UNITS[ch]
            part = small + (digit or 0)
            if unit == 10_000:
                section += (part or (1 if not section and not total else 0)) * unit
            else:
                total = (total + section + part) * unit
                section = 0
            small = 0
            digit = None
            last_unit = unit
            zero_seen = False
            prev_was_digit = False
    if digit is not None:
        if zero_seen or last_unit == 1 or last_unit == 10:
            small += digit
        else:
            small += digit * (last_unit // 10)
    return total + section + small


_MAG_ONLY = "|".join(MAGNITUDE_ONLY_UNITS)
# The quantity grammar. Groups: ar (Arabic number), cn (Chinese numeral),
# ap1/ap2 (余/多 approximations), mag (magnitude), unit.
# No look-behind at the front: a literal first character lets the regex engine
# skip quickly through text; callers check the character before a match.
QUANTITY_RE = re.compile(
    # A space before the decimal point (6 . 5%, a newspaper repost's residue)
    # still joins the two halves; a space only after it (2. 5G) does not,
    # unless a rate follows (增长3. 9%, 提高0. 5个百分点): no list number or
    # version is written before a percent sign.
    # 44 056元: thousands set apart by a space, as yearbooks print them
    # (only right before a unit: a space between two numbers parts them).
    r"(?:(?P<ar>(?:\d{1,3}(?:,\d{3})+(?!\d)"
    r"|\d{1,3}(?: \d{3})+(?=(?:万|亿)?(?:" + UNIT_ALTERNATION + r"))|\d+)"
    r"(?:\.\d+|[ \t]\.[ \t]?\d+|\.[ \t]\d{1,3}(?=[ \t]?(?:%|‰|个百分点)))?)"
    # A Chinese numeral counts only before a unit or 余/多 (not 一是, 进一步).
    r"|(?P<cn>["
    + CN_NUMERAL_CHARS
    + r"]+(?:点["
    + CN_DIGIT_CHARS
    + r"]+)?)(?=余|多|[ \t]{0,2}(?:万|亿)?(?:余|多)?"
    r"(?:" + UNIT_ALTERNATION + r")"
    # 突破千亿, 超五百亿: a bare 亿 closing its clause (money implied).
    r"|亿(?=[,;。、!?)\s]|$)))"
    r"(?P<ap1>余|多)?"
    r"[ \t]{0,2}"
    r"(?P<mag>万亿|千万|百万|万|亿)?"
    r"(?P<ap2>余|多)?"
    r"(?P<unit>" + UNIT_ALTERNATION + r"|(?<=[万亿])(?:" + _MAG_ONLY + r"))?"
)
_BARE_MAGNITUDES = frozenset({"万", "亿", "万亿"})
_BARE_MAGNITUDE_CUES = frozenset("近超逾破约")
_BARE_STARTS = frozenset(m[0] for m in _BARE_MAGNITUDES)
_CN_CORE_RE = re.compile("[" + CN_DIGIT_CHARS + "十百千]")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text, with what the grammar could read of it."""

    start: int
    end: int
    value: Decimal  # in `unit`
    unit: str  # as written: 亿元, 万元, 元, 亿, %, 个百分点, a counter, or ""
    norm_value: Decimal
    norm_unit: str  # 元, %, pp, count
    approx_more: bool  # 余 / 多 after the number
    chinese: bool  # written with Chinese numerals


def _clean(d: Decimal) -> Decimal:
    """Drop trailing zeros (27.0 -> 27, 1.50E+10 -> 15000000000) without E-notation."""
    if d == d.to_integral_value():
        return d.quantize(_ONE)
    return d.normalize()


_ONE = Decimal(1)


# No figure in a planning document comes near this (China's GDP is ~1.3e14 元);
# anything larger is scraping damage or a made-up numeral (一亿亿亿亿).
MAX_VALUE = Decimal("1e18")


def read_quantity(m: re.Match[str]) -> Quantity | None:
    """Turn a QUANTITY_RE match into a Quantity, or None if it is not one.

    What the grammar reads is a pure function of the matched text (the groups
    are read from it; see quantity_parts), so it is remembered by that text and
    only the offsets are the match's own; the Quantity is filled as a _QBlank
    and made a Quantity (see records.run_template), a third of what the frozen
    dataclass's __init__ costs."""
    key = m.group()
    if key[:1] in _BARE_STARTS:
        # A bare magnitude (万元) reads by the character before it (近万元): not
        # a function of the matched text alone, so not remembered.
        return _read_checked(m)
    try:
        read = _READ[key]
    except KeyError:
        q = _read_checked(m)
        if len(_READ) >= 4096:
            _READ.clear()
        _READ[key] = (
            None
            if q is None
            else (q.value, q.unit, q.norm_value, q.norm_unit, q.approx_more, q.chinese)
        )
        return q
    if read is None:
        return None
    q = _new(_QBlank)
    q.start, q.end = m.span()
    q.value, q.unit, q.norm_value, q.norm_unit, q.approx_more, q.chinese = read
    q.__class__ = Quantity  # type: ignore[assignment]
    return q  # type: ignore[return-value]


def _read_checked(m: re.Match[str]) -> Quantity | None:
    if m.end() - m.start() > 40:
        return None
    try:
        q = _read_quantity(m)
    except (InvalidOperation, ValueError, OverflowError):
        return None
    if q is None or abs(q.norm_value) >= MAX_VALUE or abs(q.value) >= MAX_VALUE:
        return None
    return q


_READ: dict[str, tuple[Decimal, str, Decimal, str, bool, bool] | None] = {}
_new = object.__new__


class _QBlank:
    """A Quantity's slots without the dataclass (see read_quantity)."""

    __slots__ = Quantity.__slots__  # the same layout, so __class__ can be set


assert len(Quantity.__slots__) == 8  # a new field needs its store in read_quantity


QUANTITY_PARTS: dict[str, tuple[str, Decimal, Decimal, bool, bool] | None] = {}


def quantity_parts(
    m: re.Match[str],
) -> tuple[str, Decimal, Decimal, bool, bool] | None:
    """What read_quantity gives for `m` without its offsets: (unit, value,
    norm_value, approx_more, chinese), or None. Remembered by the matched text
    (the grammar reads the same groups from the same text), so a list of the
    same few figures reads each one once."""
    key = m.group()
    try:
        return QUANTITY_PARTS[key]
    except KeyError:
        pass
    q = read_quantity(m)
    parts = (
        None if q is None else (q.unit, q.value, q.norm_value, q.approx_more, q.chinese)
    )
    if len(QUANTITY_PARTS) >= 4096:
        QUANTITY_PARTS.clear()
    QUANTITY_PARTS[key] = parts
    return parts


def _read_quantity(m: re.Match[str]) -> Quantity | None:
    ar, cn, ap1, mag, ap2, unit = m.group("ar", "cn", "ap1", "mag", "ap2", "unit")
    mag = mag or ""
    unit = unit or ""
    if ar is not None:
        if "," in ar:
            ar = ar.replace(",", "")
        if " " in ar or "\t" in ar:
            ar = ar.replace(" ", "").replace("\t", "")
        number = Decimal(ar)
        if not mag and unit in PLAIN:
            # The common case (1647家, 18.7%): no scaling, one Decimal.
            if "." in ar:
                number = _clean(number)
            norm_unit = PLAIN[unit]
            unit = "个百分点" if norm_unit == "pp" else unit
            return Quantity(
                m.start(),
                m.end(),
                number,
                unit,
                number,
                norm_unit,
                bool(ap1 or ap2),
                False,
            )
        chinese = False
    else:
        if not _CN_CORE_RE.search(cn):
            # A bare 万 or 亿 is not a number, except a round magnitude after a
            # bound or an approximation (近万亿元, 超万人): one of that magnitude.
            if (
                cn not in _BARE_MAGNITUDES
                or mag
                or not unit
                or m.string[m.start() - 1 : m.start()] not in _BARE_MAGNITUDE_CUES
                or m.start() == 0
            ):
                return None
            cn, mag = "一", cn
        # Keep a trailing 万/亿 as the magnitude so 三千万元 reads as 3000 万元.
        core, frac = cn, ""
        if "点" in core:
            # 四十二点七: the digits after 点 are read one by one.
            core, frac = core.split("点", 1)
            frac = "".join(str(_DIGITS[c]) for c in frac)
        if not mag and not frac:
            for suffix in ("万亿", "万", "亿"):
                if core.endswith(suffix) and len(core) > len(suffix):
                    core, mag = core[: -len(suffix)], suffix
                    break
        n = cn_to_int(core)
        if n is None:
            return None
        number = Decimal(f"{n}.{frac}") if frac else Decimal(n)
        chinese = True
    if number is None:
        return None
    approx = bool(ap1 or ap2)
    value, unit, norm_value, norm_unit = normalise(number, mag, unit)
    return Quantity(
        m.start(),
        m.end(),
        _clean(value),
        unit,
        _clean(norm_value),
        norm_unit,
        approx,
        chinese,
    )


def parse_quantity(s: str) -> Quantity | None:
    """Read the single quantity that makes up `s` (for tests and callers)."""
    m = QUANTITY_RE.fullmatch(to_halfwidth(s))
    if not m:
        return None
    return read_quantity(m)
