"""The matching view of a text: simplified characters, hard wraps undone, one
character for one (so every offset in it is an offset in the original).

Reposted pages come in Traditional characters (力爭到2023年底高企數量達1.2萬家).
The engine matches on a simplified view made by OpenCC (`t2s`) and keeps quotes
and offsets in the original text, so the view must have exactly the same length.
OpenCC converts character by character for almost everything; where a phrase
rule changes the length, that line is converted one character at a time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

import opencc

from .regions import gazetteer


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


# An inline pinyin gloss left by a reposting site: 技術(shù), 經(jīng)濟(jì).
# Some reposts gloss without tone marks (分(fen)別, 增(zeng)長(chang)): a
# toneless gloss counts when it is one pinyin syllable right after a character.
_SYLLABLE = (
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iong|uang|iang|ueng|ang|eng|ing|ong|uan|ian|iao|uai|ai|ei|ao|ou|an|en|"
    r"in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v|ü)"
)
_PINYIN = (
    r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*"
    r"|(?<=[\u4e00-\u9fff][(（])(?=[a-zü]{2})" + _SYLLABLE + r")\)"
)
# A run goes on through the 、 of a list (半導(dǎo)體、充電樁), so a gloss never
# stands between an item and its 、.
_GLOSSED_RUN_RE = re.compile(
    r"(?:[\u4e00-\u9fff]|、(?=[\u4e00-\u9fff])|" + _PINYIN + r")+"
)
_PINYIN_RE = re.compile(_PINYIN)
# Glosses a run of characters may end with before a figure or a year (总结(jié)
# 2021年: move_glosses leaves them behind the run), for patterns to skip.
GLOSSES = "(?:" + _PINYIN + ")*"
# A year right after a run (到2035年): the period readers read the word before it.
_YEAR_AHEAD_RE = re.compile(r"(?:19|20)\d{2}年")
_ITEM_RUN_RE = re.compile(r"(?:[\u4e00-\u9fff]|" + _PINYIN + r")+")


def _glossed_runs(text: str) -> list[tuple[int, int]]:
    """The runs whose glosses move, in text order: a list's items joined over
    their 、, unless a year follows the run (到2035年: the glosses of the
    items would stand between its last word and the year; there each item
    keeps its own)."""
    out = []
    for m in _GLOSSED_RUN_RE.finditer(text):
        end = m.end()
        if "、" in m.group() and _YEAR_AHEAD_RE.match(text, end):
            out.extend(s.span() for s in _ITEM_RUN_RE.finditer(text, m.start(), end))
        else:
            out.append(m.span())
    return out


# The glosses a moved run ends with, right before a figure.
TRAILING_GLOSSES_RE = re.compile("(?:" + _PINYIN + ")+$")


def move_glosses(text: str) -> str:
    """Inline pinyin glosses moved behind the run of characters they split, so
    地區(qū)生產(chǎn)總值增長 reads as 地區生產總值增長(qū)(chǎn): same length, and
    the run keeps its place (offsets outside it are unchanged)."""
    if "(" not in text or not _PINYIN_RE.search(text):
        return text

    out = []
    pos = 0
    for a, b in _glossed_runs(text):
        run = text[a:b]
        if "(" not in run:
            continue
        glosses = "".join(_PINYIN_RE.findall(run))
        out.append(text[pos:a])
        out.append(_PINYIN_RE.sub("", run) + glosses)
        pos = b
    out.append(text[pos:])
    return "".join(out)


_ANY_PAREN_PINYIN_RE = re.compile("[(（]" + _PINYIN[2:-2] + "[)）]")


def gloss_runs(text: str) -> list[tuple[int, int, list[int]]]:
    """The runs of `text` that move_glosses regroups: (start, end, where each
    character of the run stands in `text`), in text order."""
    if "(" not in text and "（" not in text:
        return []
    half = text.replace("（", "(").replace("）", ")")
    if not _PINYIN_RE.search(half):
        return []
    out = []
    for a, b in _glossed_runs(half):
        if "(" not in half[a:b]:
            continue
        chars = []
        pos = a
        for g in _PINYIN_RE.finditer(half, a, b):
            chars.extend(range(pos, g.start()))
            pos = g.end()
        chars.extend(range(pos, b))
        out.append((a, b, chars))
    return out


def text_span(
    runs: list[tuple[int, int, list[int]]], text: str, start: int, end: int
) -> tuple[int, int]:
    """The span of `text` that the view's [start, end) reads: inside a run whose
    glosses were moved behind it, the characters are where the text has them
    (規上工業(yè)增加值突破千億元, not 規上工業(yè)增加值突), with the gloss of
    the last one."""
    if not runs:
        return start, end
    k = bisect_right(runs, (end,)) - 1
    # the run holding the last character of the span
    if k >= 0 and runs[k][0] < end <= runs[k][1]:
        r0, _, chars = runs[k]
        if end - r0 <= len(chars):
            end = chars[end - r0 - 1] + 1
            g = _ANY_PAREN_PINYIN_RE.match(text, end)
            if g is not None:
                end = g.end()
    j = bisect_right(runs, (start, len(text) + 1)) - 1
    if j >= 0 and runs[j][0] <= start < runs[j][1]:
        r0, _, chars = runs[j]
        if start - r0 < len(chars):
            start = chars[start - r0]
    return start, max(start, end)


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Every character t2s changes on its own (built once, in one call), and
    the place-name variants of _place_variants."""
    chars = [chr(c) for c in range(0x3400, 0xA000)] + [
        chr(c) for c in range(0xF900, 0xFB00)
    ]
    out = _converter().convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # never expected: then convert every text
        return frozenset(chars)
    changed = {c for c, s in zip(chars, out, strict=True) if s != c}
    return frozenset(changed | set(_place_variants()))


@lru_cache(maxsize=1)
def _place_variants() -> dict[str, str]:
    """Characters a Traditional repost writes in a place's name that t2s leaves
    as they are: OpenCC's s2t writes 浚县 as 濬縣 and 澄江市 as 澂江市, and t2s
    keeps 濬 and 澂 (words of their own). Found by converting every name of the
    gazetteer there and back; each maps to the name's own character."""
    s2t = opencc.OpenCC("s2t").convert
    t2s = _converter().convert
    names = sorted({d.name for d in gazetteer().divisions})
    # 陜西: a variant glyph for 陕 that Hong Kong and Taiwan pages write and
    # t2s keeps (a character of its own, xiá).
    variants: dict[str, str] = {"陜": "陕"}
    for name in names:
        back = t2s(s2t(name))
        if back != name and len(back) == len(name):
            for a, b in zip(back, name, strict=True):
                if a != b:
                    variants.setdefault(a, b)
    return variants


@lru_cache(maxsize=1)
def _traditional_re() -> re.Pattern[str]:
    """One character class of _traditional_chars: the regex engine tests each
    character of a text against a bitmap, where frozenset.isdisjoint makes a
    string of every CJK character to hash it (eight times slower)."""
    chars = "".join(re.escape(c) for c in sorted(_traditional_chars()))
    return re.compile("[" + chars + "]" if chars else "(?!)")


def to_simplified(text: str) -> str:
    """`text` in simplified characters, with the same length (checked per call).

    A text with no character that t2s changes on its own is returned as it is
    (most documents): building its set is far cheaper than converting it."""
    if not text or text.isascii():
        return text
    if _traditional_re().search(text) is None:
        return text
    conv = _converter().convert
    out = conv(text)
    if len(out) != len(text):
        fixed = []
        for line in text.split("\n"):
            s = conv(line)
            if len(s) != len(line):
                s = "".join(_char(conv, ch) for ch in line)
            fixed.append(s)
        out = "\n".join(fixed)
    variants = _place_variants()
    if any(v in out for v in variants):
        out = out.translate(str.maketrans(variants))
    return out


def _char(conv: Callable[[str], str], ch: str) -> str:
    s = conv(ch)
    return s if len(s) == 1 else ch


# A line broken mid-sentence (a PDF or a page copied with hard wraps): at least
# 30 characters long, ending on a character that cannot end a sentence, the next
# line going on with a Chinese character.
_WRAP_MIN = 30
_GOES_ON = re.compile(r"[\u4e00-\u9fff、,“(]")
_HEADING_START_RE = re.compile(
    r"[ \u3000]*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)"
    r"|\d{1,2}[、.])"
)
_NEXT_RE = re.compile(r"[ \u3000]*[\u4e00-\u9fff]")
# 迈上6000⏎亿元新台阶: a number cut from its unit by the wrap.
_UNIT_GOES_ON = re.compile(r"(?:万亿|亿|万)?(?:元|美元|%|家|个|项|人|件|吨|千瓦)")
# 增长8.5%⏎和9%: a list of figures cut after one of its items, the next line
# going on with the last item.
_LIST_GOES_ON = re.compile(r"[和及与][ \t]*-?\d")
# …分别控制在3.9%和3%以内⏎全年完成…: a line ending on the qualifier that closes a
# figure has said its figure; only 的/和/与/及/、 would carry it on.
_FIGURE_CLOSED_RE = re.compile(r"\d[^\d\n]{0,3}(?:以内|以上|以下|左右)$")
_CLOSED_GOES_ON = re.compile(r"[ \u3000]*[的和与及、]")


_BLANK_GAP_RE = re.compile(r"\n[ \t\u3000]*\n")
# The end of a line cut inside a number (…总值34, …增加值198.) and the rest of
# the number with its unit on the next line (0亿元, 6%, 5万人).
_CUT_END_RE = re.compile(r"(?:[\u4e00-\u9fff\d]\d|\d\.)$", re.M)
_CUT_NUMBER_RE = re.compile(r"(\d[\d.]*)(?=" + _UNIT_GOES_ON.pattern + r")")


def _wrapped_over_gap(text: str, line_start: int, nl: int, nxt: int) -> bool:
    """Whether the line text[line_start:nl] goes on after a blank line: a long
    line that is a sentence under way (two commas, no colon, no heading) and
    ends where no sentence can, the next line going on in Chinese."""
    line = text[line_start:nl]
    return (
        len(line) >= _WRAP_MIN
        and line.count(",") >= 2
        and "。" not in line[-12:]
        and ":" not in line
        and _GOES_ON.match(text, nl - 1) is not None
        and _NEXT_RE.match(text, nxt) is not None
        and not _HEADING_START_RE.match(text, nxt)
        and not _HEADING_START_RE.match(text, line_start)
    )


def unwrap_lines(text: str) -> str:
    """`text` with hard line wraps inside sentences turned into spaces."""
    out: list[str] | None = None
    line_start = 0
    n = len(text)
    while True:
        nl = text.find("\n", line_start)
        if nl < 0:
            break
        cut = (
            _CUT_NUMBER_RE.match(text, nl + 1)
            if nl - line_start >= _WRAP_MIN and _CUT_END_RE.match(text, nl - 2)
            else None
        )
        if cut is not None:
            # 生产总值34⏎0亿元, 增加值198.⏎6亿元: a number cut by the wrap. The
            # view moves the digits after the break back onto the line (340 亿元):
            # the same length, the figure's span the same.
            if out is None:
                out = list(text)
            digits = cut.group(1)
            out[nl : nl + len(digits)] = digits
            out[nl + len(digits)] = " "
            line_start = nl + 1
            continue
        if (
            nl - line_start >= _WRAP_MIN
            and (
                _GOES_ON.match(text, nl - 1)
                or (text[nl - 1].isdigit() and _UNIT_GOES_ON.match(text, nl + 1))
                or (text[nl - 1] in "%‰" and _LIST_GOES_ON.match(text, nl + 1))
            )
            and ":" not in text[line_start:nl]
            and nl + 1 < n
            and _NEXT_RE.match(text, nl + 1)
            and not _HEADING_START_RE.match(text, nl + 1)
            and not (_HEADING_START_RE.match(text, line_start) and nl - line_start < 40)
            and not (
                _FIGURE_CLOSED_RE.search(text, max(line_start, nl - 8), nl)
                and not _CLOSED_GOES_ON.match(text, nl + 1)
            )
        ):
            if out is None:
                out = list(text)
            out[nl] = " "
        elif (gap := _BLANK_GAP_RE.match(text, nl)) and _wrapped_over_gap(
            text, line_start, nl, gap.end()
        ):
            # A sentence cut by a blank line (较2021年实现创新主体、创新⏎⏎平台“双
            # 倍增”,即:…): a page break, or paragraphs split by a copy.
            if out is None:
                out = list(text)
            for i in range(nl, gap.end()):
                out[i] = " "
            line_start = gap.end()
            continue
        line_start = nl + 1
    return "".join(out) if out is not None else text


_SPACE_RUN_RE = re.compile(r"(?<=\S) (?=\S)")


def restore_paragraphs(text: str) -> str:
    """A page scraped into one line, paragraphs kept apart by single spaces
    (…提出意见。 2023年工作回顾 2023年是…): those spaces read as line breaks,
    after a sentence's end or around a short heading. Same length."""
    if len(text) < 200 or text.strip().count("\n") * 600 > len(text):
        return text
    out = list(text)
    spaces = [m.start() for m in _SPACE_RUN_RE.finditer(text)]
    gaps = _word_gaps(text, spaces)
    for k, pos in enumerate(spaces):
        nxt = spaces[k + 1] if k + 1 < len(spaces) else len(text)
        before = text[pos - 1]
        segment = text[pos + 1 : nxt]
        heading = 2 <= len(segment) <= 30 and not any(c in segment for c in ",;。")
        heading = heading and _HANZI_RE.match(segment) is not None
        if before in "。!?:;" or (heading and not gaps[k]):
            out[pos] = "\n"
        if heading and nxt < len(text) and not gaps[k + 1]:
            out[nxt] = "\n"
    return "".join(out)


# The pieces a PDF sets apart with spaces inside one figure (研发经费投入占 GDP
# 比重 2.43%, 城镇新增就业人数 5.4 万人, 增长 6.0% 左右): a bare number or a Latin
# word. The spaces around them are gaps inside a sentence, no paragraph breaks.
_WORD_PIECE_RE = re.compile(r"-?\d[\d.,]*%?|[A-Za-z&]+")


def _word_gaps(text: str, spaces: list[int]) -> list[bool]:
    """For each space (and one more, for the text's end): whether it parts a
    figure's pieces (a bare number or a Latin word on one side of it), not
    paragraphs; a heading may still follow a bare number (增长 5.1% 二、工业)."""
    out = []
    starts = [-1, *spaces]
    for k, pos in enumerate(spaces):
        after = text[pos + 1 : spaces[k + 1] if k + 1 < len(spaces) else len(text)]
        prior = text[starts[k] + 1 : pos]
        out.append(
            _WORD_PIECE_RE.fullmatch(after) is not None
            or ("A" <= text[pos - 1].upper() <= "Z")
            or (
                _WORD_PIECE_RE.fullmatch(prior) is not None
                and _HEADING_START_RE.match(after) is None
            )
        )
    out.append(False)
    return out


_HANZI_RE = re.compile(r"[\u4e00-\u9fff\d]")


# 增长-0.5%: a minus written after the verb. The view reads it as 负 (one
# character for one) so the figure is a negative growth of the same indicator.


_MINUS_RE = re.compile(r"[-−－](?=\s?\d)")
_GROWTH_VERBS = ("增长", "增速", "增幅", "同比", "上涨")


# A data sheet's signed change (地区生产总值:1890.05亿元,+7%; 投资 -3.2%; 同比
# +6.1%): a sign of its own before a percent, after a gap or a comma, is the
# change of the figure named before. The view reads the gap and the sign as
# the verb (,+ → 增长, ␣- → 下降; 同比+ → 同比增), so the figure is a growth of
# that indicator. Not after a digit or a letter (5+1, A+, 5%-7%), nor after 、
# (a list's later item), nor across a line break.
_SIGNED_RATE_RE = re.compile(r"[+＋\-−－](?=[ \t]?\d+(?:\.\d+)?[ \t]?[%‰])")
_SIGN_GAPS = frozenset(",,:: \t\u3000")
_SIGN_VERB = {"+": "增长", "＋": "增长"}


# 地区生产总值增速“保6争7”: a rate to hold and a rate to strive for, written
# as a slogan without their % signs.
_HOLD_STRIVE_RE = re.compile(
    r"(?:(?<=增速)|(?<=增长)|(?<=增幅)|(?<=GDP))[“\"‘]保(\d{1,2}(?:\.\d)?|[一二三四五六七八九])"
    r"争(\d{1,2}(?:\.\d)?|[一二三四五六七八九])[”\"’]"
)
_ONE_DIGIT = dict(zip("一二三四五六七八九", "123456789", strict=True))


def read_slogan_rates(text: str) -> str:
    """`text` with “保6争7” read as ≥6%、7%, one character for one (the
    quotes give the room for the two % signs; the 、 lends the bound on)."""
    if "保" not in text:
        return text
    return _HOLD_STRIVE_RE.sub(_slogan_rates, text)


def _slogan_rates(m: re.Match[str]) -> str:
    hold, strive = (_ONE_DIGIT.get(g, g) for g in m.group(1, 2))
    return f"≥{hold}%、{strive}%"


def mark_negative_growth(text: str) -> str:
    out: list[str] | None = None
    for m in _MINUS_RE.finditer(text):  # a few per text (dates, ranges)
        p = m.start()
        if text[max(0, p - 2) : p] in _GROWTH_VERBS:
            if out is None:
                out = list(text)
            out[p] = "负"
    if "%" not in text and "‰" not in text:
        return "".join(out) if out is not None else text
    for m in _SIGNED_RATE_RE.finditer(text):
        p = m.start()
        if p < 2 or (out is not None and out[p] == "负"):
            continue
        before = text[p - 1]
        if before in _SIGN_GAPS and text[p - 2] not in "\n、":
            if text[p - 2].isdigit() and before in " \t\u3000":
                continue  # 5 -7%: a range or a sum set with spaces
            if out is None:
                out = list(text)
            out[p - 1 : p + 1] = _SIGN_VERB.get(m.group(), "下降")
        elif text[p - 2 : p] == "同比" and m.group() in _SIGN_VERB:
            if out is None:
                out = list(text)
            out[p] = "增"
    return "".join(out) if out is not None else text


# 增产0.94亿斤, 比上年增产0.9%, 减产2万吨: a change of output before its figure
# is read as the change of the output named before (增加, 减少), not as a name.
_OUTPUT_CHANGE_RE = re.compile(r"([增减])产(?=[了约近超逾]{0,2}[ \t]?\d)")
_OUTPUT_CHANGE_VERB = {"增": "增加", "减": "减少"}


def read_output_changes(text: str) -> str:
    """增产/减产 before a figure as 增加/减少 (same length)."""
    if "产" not in text:
        return text
    return _OUTPUT_CHANGE_RE.sub(lambda m: _OUTPUT_CHANGE_VERB[m.group(1)], text)


# A poster or infographic page sets a figure on lines of its own: the name, then
# the number, the unit, the change (地区生产总值⏎1300.5⏎亿元⏎增长5.2%). The view joins
# such lines with spaces (same length) when both sides are short fragments.
_SP = r"[ \t\u3000]*"
_NOT_DATE = r"(?![年月日号时])"  # 2023年, 5月 are dates, not units
# The verb a figure line may open with (增长5.3%左右, 分别增长4.5%、8.5%, 达到1300亿元).
_LINE_VERB = (
    r"(?:(?:同比|比上年)?(?:分别)?(?:增长|下降|增加|减少|上涨|提高|达到|完成|实现|突破)"
    r"[ \t]*)?"
)
_LINE_NUMBER = (
    r"-?\d[\d.,]*[ \t]*"
    r"(?:%|‰|" + _NOT_DATE + r"[\u4e00-\u9fff]{1,4}(?:/[\u4e00-\u9fff]{1,4})?)?"
)
_FIGURE_LINE = (
    _SP
    + _LINE_VERB
    + _LINE_NUMBER
    + r"(?:[、和](?:"
    + _LINE_NUMBER
    + r"))*"
    + r"(?:左右|以上|以内|上下)?[,;。]?"
    + _SP
)
_CHANGE_LINES = (
    _SP
    + r"(?:同比)?(?:增长|下降)"
    + _SP
    + r"\n"
    + _SP
    + r"-?\d[\d.]*[ \t]*(?:%|‰)"
    + _SP
)
_POSTER_BREAK_RE = re.compile(
    # Every branch starts with the line break itself (a literal: fast to scan).
    # a short name line (no sentence punctuation), blank lines, a figure line
    r"\n(?<=[\u4e00-\u9fffA-Z)）]\n)(?:" + _SP + r"\n){0,2}"
    r"(?=" + _FIGURE_LINE + r"$|" + _CHANGE_LINES + r"$)"
    # a number line, then a unit line (1300.5⏎亿元) or a change line (⏎增长5.2%)
    r"|\n(?<=\d\n)(?="
    + _SP
    + r"(?:"
    + _NOT_DATE
    + r"[\u4e00-\u9fff]{1,4}|%|‰)"
    + _SP
    + r"$)"
    r"|\n(?<=[\d%元]\n)(?="
    + _SP
    + r"(?:同比|比上年)?(?:增长|下降)[ \t]*-?\d[^\n]{0,8}$)"
    # a verb line, then its figure (增长⏎7.1%)
    r"|\n(?<=增长\n|下降\n)(?=" + _SP + r"-?\d[\d.]*[ \t]*(?:%|‰)" + _SP + r"$)",
    re.M,
)
_POSTER_NAME_MAX = 20


def join_figure_lines(text: str) -> str:
    """`text` with a figure set on lines of its own read as one line."""
    if "\n" not in text:
        return text
    out: list[str] | None = None
    for m in _POSTER_BREAK_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start > _POSTER_NAME_MAX:
            continue
        if out is None:
            out = list(text)
        for i in range(m.start(), m.end()):
            out[i] = " "
    return "".join(out) if out is not None else text


# A year parted from its 年 by a space or two (2022 年, 2021　年度: text taken
# from a PDF or a typeset page): the view closes the gap (same length), so
# every period and year rule reads 2022年. The gap goes before the year when
# the year opens a clause (⏎2023 年是 → ␣2023年是), after 年 when a word is glued
# to the year (较2021 年提升 → 较2021年␣提升), so neither side is parted.
_YEAR_GAP_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})([ \t\u3000\u00a0]{1,3})年")


def _closed_year(m: re.Match[str]) -> str:
    s = m.string
    before = s[m.start() - 1] if m.start() else "\n"
    if "\u4e00" <= before <= "\u9fff":
        return m.group(1) + "年" + m.group(2)
    return m.group(2) + m.group(1) + "年"


# 1-9 月, 10 月份: a month's number set apart from its 月.
_MONTH_GAP_RE = re.compile(r"(?<![\d.])(1[0-2]|[1-9])([ \t\u3000\u00a0]{1,2})月")


def close_year_gaps(text: str) -> str:
    """`text` with 2022 年 read as 2022年 and 1-9 月 as 1-9月 (the gap moved
    out of the way)."""
    if "年" not in text:
        return text
    text = _YEAR_GAP_RE.sub(_closed_year, text)
    if "月" in text:
        text = _MONTH_GAP_RE.sub(r"\1月\2", text)
    return text


# ------------------------------------------------------------ hard-wrapped pages
#
# A PDF's text layer, or a page copied from one, breaks every line at the width
# of its column, inside words, numbers and years (主要预期⏎目标, 289.⏎23万吨,
# 2⏎022年). Such a page is told by its lines: many of them end at the same
# width. There, a break after a full line is a wrap; where it cuts a run of
# word characters, the view writes the run whole and puts the break's place,
# as a space, behind it (主要预期目标是:⏎地区 → 主要预期目标是: 地区), one
# character for one; `text_span` maps a span of the view back to the text the
# same way as a glossed run's.

# What a run cut by a wrap is made of: characters, digits and what goes inside
# a figure (2.5%, 3‰, R&D).
_WORD_CHAR_RE = re.compile(r"[\u4e00-\u9fff\dA-Za-z.%‰&·]")
# A line that opens a paragraph or a heading, never the rest of a wrapped one.
_OPENS_BLOCK_RE = re.compile(
    r"[ \u3000\t]|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[、.](?!\d)|第[一二三四五六七八九十\d]+[章节条部分]"
)
_SENTENCE_END = "。!?！？"
# The punctuation a run cut by a wrap goes on through.
_RUN_END = ",，、;；:：)）”" + _SENTENCE_END
_MIN_FULL_WIDTH = 30  # display columns: narrower lines are never a column
_MIN_FULL_LINES = 4
_MAX_RUN = 40  # characters read on each side of a cut
_SLACK = 5  # columns a full line may differ from the column's width


def _width(line: str) -> int:
    """Display columns: a CJK character (three UTF-8 bytes) takes two."""
    return len(line) + (len(line.encode("utf-8")) - len(line)) // 2


_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def _unglossed(line: str) -> str:
    """The line without its inline pinyin glosses (生產(chǎn)): a repost glosses
    a page after it was wrapped, so the glosses take no place in the column."""
    if "(" in line or "（" in line:
        return _ANY_PAREN_PINYIN_RE.sub("", line)
    return line


def _is_prose(line: str) -> bool:
    """Half of the line's characters or more are Chinese characters (inline
    pinyin glosses aside), and it is no table row (cells parted by tabs or
    bars)."""
    if "\t" in line or "|" in line:
        return False
    line = _unglossed(line)
    return len(_HAN_RE.findall(line)) * 2 >= len(line)


def _line_width(line: str) -> int:
    """A line's display columns, its glosses aside."""
    return _width(_unglossed(line).rstrip(" \t\u3000"))


def _column_width(widths: list[int]) -> int | None:
    """The width the page's lines are broken at, or None when the lines do not
    end at one width (prose pages: paragraphs of any length). Widths are read
    within a few columns: quotes, dashes and half-width digits make a full
    line a little wider or narrower than the next."""
    wide = [w for w in widths if w >= _MIN_FULL_WIDTH]
    if len(wide) < _MIN_FULL_LINES:
        return None
    counts = Counter(wide)
    best, best_count = None, 0
    for w in sorted(counts):
        count = sum(counts.get(v, 0) for v in range(w - _SLACK, w + _SLACK + 1))
        if count > best_count:
            best, best_count = w, count
    if best is None or best_count < _MIN_FULL_LINES or best_count * 2 < len(wide):
        return None
    # A column's width is a limit: few lines go past it.
    if sum(1 for v in wide if v > best + _SLACK) * 10 > best_count:
        return None
    return best


def wrap_breaks(text: str) -> list[int]:
    """The line breaks of `text` that are wraps of a hard-wrapped page: after
    a line as wide as the page's column, before a line that goes on (no
    indent, no heading). A line ending a sentence at the margin itself is wrapped too:
    in a column, sentences end there far more often than paragraphs do."""
    if text.count("\n") < _MIN_FULL_LINES:
        return []
    lines = text.split("\n")
    # A line of fewer than half as many characters can never be full.
    short = _MIN_FULL_WIDTH // 2
    widths = [_line_width(line) if len(line) >= short else 0 for line in lines]
    # Prose lines only set a column: a run of figures (12%,12%,…) or a table's
    # rows may share a width without being cut.
    column = _column_width(
        [
            w if w >= _MIN_FULL_WIDTH and _is_prose(line) else 0
            for w, line in zip(widths, lines, strict=True)
        ]
    )
    if column is None:
        return []
    out = []
    pos = 0
    for i, line in enumerate(lines[:-1]):
        nl = pos + len(line)
        pos = nl + 1
        nxt = lines[i + 1]
        if widths[i] < column - 2 * _SLACK or not nxt:
            continue
        if line.endswith(tuple(_SENTENCE_END)) and widths[i] < column - 2:
            continue  # a paragraph may end short of the margin, a wrap does not
        if line != line.rstrip(" \t\u3000") or _OPENS_BLOCK_RE.match(nxt):
            continue
        out.append(nl)
    return out


def wrap_runs(
    text: str, breaks: list[int] | None = None
) -> list[tuple[int, int, list[int]]]:
    """For each wrap (see wrap_breaks): the run of word characters it cuts, from
    the last before it (none after punctuation: 国家级、⏎省级) through the first
    punctuation mark after it, as (start, end, where each of the run's
    characters stands in `text`), in text order; runs that hold an inline
    pinyin gloss are left to the glosses. `breaks`: wrap_breaks(text), when
    the caller has it."""
    if breaks is None:
        breaks = wrap_breaks(text)
    if not breaks:
        return []
    cut = set(breaks)
    glossed = gloss_runs(text)
    out: list[tuple[int, int, list[int]]] = []
    n = len(text)
    for nl in breaks:
        if out and nl < out[-1][1]:
            continue  # inside the run of an earlier wrap
        if nl + 1 >= n or text[nl + 1] in " \t\u3000\n":
            continue
        a = nl
        while a > 0 and nl - a < _MAX_RUN and _WORD_CHAR_RE.match(text, a - 1):
            a -= 1
        b = nl + 1
        while (
            b < n
            and b - nl < _MAX_RUN
            and (
                _WORD_CHAR_RE.match(text, b)
                or (b in cut and b + 1 < n)
                # a list goes on (国家⏎级、省级企业): its items stay together
                or (text[b] == "、" and _WORD_CHAR_RE.match(text, b + 1))
            )
        ):
            b += 1
        if b < n and text[b] in _RUN_END:
            b += 1
        if b == nl + 1:
            continue  # nothing to move: the break reads as a space
        if any(g0 < b and a < g1 for g0, g1, _ in glossed):
            continue
        chars = [p for p in range(a, b) if p not in cut]
        out.append((a, b, chars))
    return out


def join_wraps(
    view: str,
    text: str,
    breaks: list[int] | None = None,
    runs: list[tuple[int, int, list[int]]] | None = None,
) -> str:
    """The view with the wraps of a hard-wrapped `text` joined (see wrap_runs);
    a wrap between punctuation and a word becomes a space. Same length.
    `breaks` and `runs`: wrap_breaks(text) and wrap_runs(text), when the
    caller has them."""
    if breaks is None:
        breaks = wrap_breaks(text)
    if not breaks:
        return view
    out = list(view)
    for nl in breaks:
        out[nl] = " "
    for a, b, chars in wrap_runs(text, breaks) if runs is None else runs:
        kept = [view[p] for p in chars]
        out[a:b] = kept + [" "] * (b - a - len(kept))
    return "".join(out)
