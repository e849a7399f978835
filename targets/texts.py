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
