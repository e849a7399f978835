"""Invariance on the corpus: the records the engine reads from a simplified
corpus page, against those it reads from the page damaged as real pages are
(wrapped at a PDF's column, glossed by a repost). No gold is needed: a record
that changes under the damage is a record lost."""

from __future__ import annotations

import csv
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import opencc

from targets.extraction import extract

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "corpus"
_T2S = opencc.OpenCC("t2s")


def records(text: str) -> Counter:
    """What a record says (names in simplified characters), counted."""
    return Counter(
        (
            r.kind,
            r.indicator and _T2S.convert(r.indicator),
            r.measure,
            r.comparator,
            r.value,
            r.period,
            r.region and _T2S.convert(r.region),
        )
        for r in extract(text, "x.txt").records
    )


def kept(damage: Callable[[str], str], every: int) -> tuple[int, int]:
    """(records kept, records read) over every `every`-th simplified page."""
    with open(CORPUS / "sources.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    simplified = sorted(r["doc"] for r in rows if r["script"] == "simplified")
    n_kept = total = 0
    for name in simplified[::every]:
        text = (CORPUS / "docs" / name).read_text(encoding="utf-8")
        plain = records(text)
        total += sum(plain.values())
        n_kept += sum((plain & records(damage(text))).values())
    return n_kept, total


def wrap(text: str, width: int) -> str:
    """`text` broken at `width` display columns (a CJK character takes two),
    wherever the margin falls: inside words, numbers and years."""
    out = []
    for line in text.split("\n"):
        cur, w = "", 0
        for ch in line:
            cw = 2 if ord(ch) > 0x2E80 else 1
            if w + cw > width:
                out.append(cur)
                cur, w = "", 0
            cur += ch
            w += cw
        out.append(cur)
    return "\n".join(out)


def gloss(text: str) -> str:
    """`text` in Traditional characters with an inline pinyin gloss after about
    one character in twenty, as a reposting site leaves them (生產(chǎn))."""
    rnd = random.Random(len(text))
    out = []
    for ch in opencc.OpenCC("s2t").convert(text):
        out.append(ch)
        if "\u4e00" <= ch <= "\u9fff" and rnd.random() < 0.05:
            out.append("(shù)")
    return "".join(out)
