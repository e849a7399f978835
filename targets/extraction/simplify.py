"""A simplified-character view of a text, one character for one.

Reposted pages come in Traditional characters (力爭到2023年底高企數量達1.2萬家).
The engine matches on a simplified view made by OpenCC (`t2s`) and keeps quotes
and offsets in the original text, so the view must have exactly the same length.
OpenCC converts character by character for almost everything; where a phrase
rule changes the length, that line is converted one character at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """`text` in simplified characters, with the same length (checked per call)."""
    if not text or text.isascii():
        return text
    conv = _converter().convert
    out = conv(text)
    if len(out) == len(text):
        return out
    lines = text.split("\n")
    fixed = []
    for line in lines:
        s = conv(line)
        if len(s) != len(line):
            s = "".join(_char(conv, ch) for ch in line)
        fixed.append(s)
    return "\n".join(fixed)


def _char(conv: Callable[[str], str], ch: str) -> str:
    s = conv(ch)
    return s if len(s) == 1 else ch
