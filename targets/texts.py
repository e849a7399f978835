"""Document text identity: the same report as GBK .txt, UTF-8 .txt and .docx has
different bytes but the same text. Pure, no Django."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Whitespace, zero-width characters and the byte-order mark carry no content.
_SPACE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")


def text_digest(text: str) -> str:
    """sha256 of the text with widths folded (NFKC) and all whitespace removed;
    "" for a text with no content."""
    folded = _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))
    if not folded:
        return ""
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


# --- Revised copies (a report re-issued with a few characters changed) -------------

# Marks a re-issued copy carries in its title: （修订版）, (更正稿), 【最终版】…
_REVISION_MARK = re.compile(
    r"[（(【\[][^）)】\]]{0,8}(?:修订|修改|更正|勘误|最终|定稿|终稿|第.稿|v\d+)"
    r"[^）)】\]]{0,8}[）)】\]]",
    re.IGNORECASE,
)
_NOT_WORD = re.compile(r"[\W_]+")

# Share of the earlier text's fingerprints the new text must have (and the other
# way round) to count as a revised copy of it.
REVISION_SIMILARITY = 0.8
_SHINGLE = 8  # characters per fingerprint window
_KEEP_ONE_IN = 4  # fingerprints kept: those whose hash is 0 modulo this


def title_key(title: str) -> str:
    """A title as compared for revised copies: widths folded, revision marks,
    whitespace and punctuation removed. "" for an empty title."""
    folded = unicodedata.normalize("NFKC", title or "")
    folded = _REVISION_MARK.sub("", folded)
    return _NOT_WORD.sub("", folded).lower()


def _fingerprints(text: str) -> set[int]:
    folded = _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))
    if len(folded) < _SHINGLE:
        return {hash(folded)} if folded else set()
    prints = set()
    for i in range(len(folded) - _SHINGLE + 1):
        h = int.from_bytes(
            hashlib.blake2b(
                folded[i : i + _SHINGLE].encode("utf-8"), digest_size=8
            ).digest(),
            "big",
        )
        if h % _KEEP_ONE_IN == 0:
            prints.add(h)
    return prints


def text_similarity(a: str, b: str) -> float:
    """How much of two texts is the same, 0–1: the smaller of the shares of each
    text's sampled 8-character fingerprints found in the other. A one-character
    edit changes at most 8 windows, so a revised copy of any real report scores
    near 1; two different reports of the same office share little beyond their
    boilerplate."""
    pa, pb = _fingerprints(a), _fingerprints(b)
    if not pa or not pb:
        return 0.0
    shared = len(pa & pb)
    return min(shared / len(pa), shared / len(pb))
