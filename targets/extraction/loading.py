"""Turn a file into plain text: UTF-8 (with or without BOM), GB18030/GBK, .docx,
.pdf and .html. The format is read from the bytes, not trusted from the name.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_INPUT_BYTES = 64 * 1024 * 1024  # a 64 MB upload is already unusual for a plan
MAX_TEXT_CHARS = 20_000_000  # 20 M characters of text (≈ 60 MB of UTF-8)

# Encodings a Chinese government page plausibly uses; anything else charset-normalizer
# proposes for a file is a sign the bytes are not Chinese text at all.
_CJK_ENCODINGS = {
    "utf_8",
    "gb18030",
    "gbk",
    "gb2312",
    "big5",
    "big5hkscs",
    "hz",
    "utf_16",
    "utf_32",
}
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "ul",
    "ol",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "title",
    "hr",
}
_SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "iframe",
    "svg",
    "object",
}


class LoadError(Exception):
    """A file that cannot be read as a document; the message is one line."""


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    name: str
    text: str
    encoding: str  # the text encoding, or "docx"/"pdf" for container formats
    fmt: str  # "text" | "html" | "docx" | "pdf"


def load_document(path: str | Path) -> LoadedDocument:
    """Read `path` and return its plain text; raise LoadError if it is unusable."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise LoadError(f"文件不存在 / file not found: {p}") from None
    except OSError as e:
        raise LoadError(f"无法读取 / cannot read: {e.strerror or e}") from None
    if p.is_dir():
        raise LoadError("是目录而不是文件 / is a directory")
    if size > MAX_INPUT_BYTES:
        raise LoadError(f"文件过大 / file too large: {size} bytes > {MAX_INPUT_BYTES}")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise LoadError(f"无法读取 / cannot read: {e.strerror or e}") from None
    return load_bytes(data, p.name)


def load_bytes(data: bytes, name: str) -> LoadedDocument:
    """Decode `data` (the contents of a file called `name`) into plain text."""
    if not data or not data.strip():
        raise LoadError("文件为空 / empty file")
    if len(data) > MAX_INPUT_BYTES:
        raise LoadError(
            f"文件过大 / file too large: {len(data)} bytes > {MAX_INPUT_BYTES}"
        )
    if data[:4] == b"PK\x03\x04":
        text, fmt, enc = _docx(data), "docx", "docx"
    elif data[:5] == b"%PDF-":
        text, fmt, enc = _pdf(data), "pdf", "pdf"
    else:
        enc, decoded = _decode(data)
        if _looks_like_html(decoded, name):
            text, fmt = _html(decoded), "html"
        else:
            text, fmt = decoded, "text"
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text) > MAX_TEXT_CHARS:
        raise LoadError(
            f"文本过长 / text too long: {len(text)} characters > {MAX_TEXT_CHARS}"
        )
    if not text.strip():
        raise LoadError("没有可读文字 / no readable text")
    return LoadedDocument(name=name, text=text, encoding=enc, fmt=fmt)


# ---------------------------------------------------------------- plain text


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf_8_sig", _strict(data, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf_16", _strict(data, "utf-16")
    if b"\x00" in data[:8192]:
        raise LoadError("二进制文件，不是文本 / binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_controls(text)
        return "utf_8", text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    candidates = []
    if best is not None and best.encoding in _CJK_ENCODINGS:
        candidates.append(best.encoding)
    # charset-normalizer may name a close cousin (big5, cp1252) for short GBK texts;
    # GB18030 is a superset of GBK/GB2312 and is tried when the result reads as Chinese.
    candidates.append("gb18030")
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _mostly_chinese(text):
            _check_controls(text)
            return ("gb18030" if enc in ("gbk", "gb2312") else enc), text
    raise LoadError("无法识别的文本编码 / undecodable text (not UTF-8 or GB18030)")


def _strict(data: bytes, enc: str) -> str:
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        raise LoadError(f"文本编码错误 / invalid {enc} at byte {e.start}") from None
    _check_controls(text)
    return text


def _check_controls(text: str) -> None:
    sample = text[:20000]
    bad = sum(1 for ch in sample if ch < " " and ch not in "\n\r\t\f")
    if bad > max(2, len(sample) // 200):
        raise LoadError("二进制文件，不是文本 / binary file, not text")


def _mostly_chinese(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    ascii_ = sum(1 for ch in sample if ch < "\x80")
    # Mojibake from a wrong CJK codec is full of rare characters and private-use points.
    odd = sum(
        1 for ch in sample if "\ue000" <= ch <= "\uf8ff" or "\u3400" <= ch <= "\u4dbf"
    )
    common = sum(1 for ch in sample if ch in "的一是在了和有年市科技发展工作企业")
    return (
        cjk + ascii_ > 0.8 * len(sample)
        and odd < 0.01 * len(sample)
        and (cjk == 0 or common > 0.02 * cjk)
    )


# ---------------------------------------------------------------- HTML


def _looks_like_html(text: str, name: str) -> bool:
    head = text[:2048].lstrip().lower()
    if (
        head.startswith(("<!doctype html", "<html", "<?xml"))
        and "<html" in text[:4096].lower()
    ):
        return True
    return name.lower().endswith((".html", ".htm")) and "<" in head[:200]


def _html(text: str) -> str:
    from lxml import etree, html

    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise LoadError(f"HTML 无法解析 / unparsable HTML: {e}") from None
    parts: list[str] = []
    skip_depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP_TAGS or not isinstance(el.tag, str):
                skip_depth += 1
                continue
            if skip_depth == 0 and el.text:
                parts.append(el.text)
        else:
            if tag in _SKIP_TAGS or not isinstance(el.tag, str):
                skip_depth -= 1
            elif skip_depth == 0:
                if tag in _BLOCK_TAGS:
                    parts.append("\n")
                elif tag in ("td", "th"):
                    parts.append("\t")
            if skip_depth == 0 and el.tail:
                parts.append(el.tail)
    return _tidy("".join(parts))


_SPACES_RE = re.compile(r"[ \u3000\xa0\r\f\v]+")


def _tidy(text: str) -> str:
    # Runs of spaces collapse; tabs (table cells) survive.
    lines = []
    for line in text.split("\n"):
        cells = [_SPACES_RE.sub(" ", cell).strip() for cell in line.split("\t")]
        lines.append("\t".join(cells).strip("\t ") if any(cells) else "")
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


# ---------------------------------------------------------------- containers


def _docx(data: bytes) -> str:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise LoadError("不是 Word 文档的压缩包 / zip file that is not a .docx")
        document = docx.Document(io.BytesIO(data))
    except LoadError:
        raise
    except Exception as e:  # python-docx raises many kinds on a broken package
        raise LoadError(f"docx 文件损坏 / broken .docx: {type(e).__name__}") from None
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if not cells or cells[-1] != t:  # merged cells repeat
                        cells.append(t)
                lines.append("\t".join(cells))
    return "\n".join(lines)


def _pdf(data: bytes) -> str:
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except Exception as e:  # pdfminer raises many kinds on a broken file
        raise LoadError(f"PDF 文件损坏 / broken PDF: {type(e).__name__}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise LoadError("PDF 没有文字层（可能是扫描件）/ PDF has no text layer")
    return unwrap_lines(text)


_NUMBERED_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]"
    r"|\d{1,2}[.、](?!\d)|第[一二三四五六七八九十\d]+)"
)
_SENTENCE_END = "。！？!?：:；;"


def unwrap_lines(text: str) -> str:
    """Join the visual line breaks of a PDF page back into paragraphs.

    A line that fills the page width and does not end a sentence was wrapped by
    the layout, not by the author; joining it keeps a figure next to its name.
    """
    lines = text.split("\n")
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(widths) < 3:
        return text
    full = widths[int(len(widths) * 0.9)]  # the usual width of a wrapped line
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        prev = out[-1] if out else None
        if (
            prev
            and stripped
            and len(prev.strip()) >= 0.85 * full
            and prev.rstrip()[-1:] not in _SENTENCE_END
            and not _NUMBERED_RE.match(stripped)
        ):
            out[-1] = prev.rstrip() + stripped
        else:
            out.append(line)
    return "\n".join(out)
