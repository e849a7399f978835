"""Turn a file into plain text: UTF-8 (with or without BOM), GB18030/GBK, .docx,
.pdf and .html. The format is read from the bytes, not trusted from the name.
"""

from __future__ import annotations

import io
import re
import threading
import zipfile
import zlib
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

MAX_INPUT_BYTES = 64 * 1024 * 1024  # a 64 MB upload is already unusual for a plan
MAX_TEXT_CHARS = 20_000_000  # 20 M characters of text (≈ 60 MB of UTF-8)
# Resource bounds, checked before a parser sees the bytes: a small file must not be
# able to inflate into gigabytes inside a web request or a worker (issue 14, 6-7).
# lxml needs several times an XML part's size in memory, hence the tighter XML bound.
MAX_PLAIN_BYTES = 16 * 1024 * 1024  # .txt/.html: 16 MB is ~5 M Chinese characters
MAX_ZIP_MEMBERS = 5_000
MAX_DOCX_UNCOMPRESSED_BYTES = 128 * 1024 * 1024  # all parts of a .docx, inflated
MAX_DOCX_XML_BYTES = 32 * 1024 * 1024  # its XML parts, which python-docx parses
MAX_ZIP_RATIO = 100  # real .docx XML compresses 5-30x; bombs 1000x and more
RATIO_FLOOR_BYTES = 1024 * 1024  # parts smaller than this may compress as they like
MAX_PDF_PAGES = 2_000
MAX_PDF_STREAM_BYTES = 64 * 1024 * 1024  # one decoded stream (page, font, image)
MAX_PDF_TOTAL_STREAM_BYTES = 256 * 1024 * 1024  # all decoded streams together

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
class Limits:
    """Overrides for the module's MAX_* bounds; None keeps the module default."""

    input_bytes: int | None = None
    text_chars: int | None = None
    plain_bytes: int | None = None
    zip_members: int | None = None
    docx_uncompressed_bytes: int | None = None
    docx_xml_bytes: int | None = None
    zip_ratio: float | None = None
    pdf_pages: int | None = None
    pdf_stream_bytes: int | None = None
    pdf_total_stream_bytes: int | None = None

    def get(self, name: str) -> float:
        value = getattr(self, name)
        # Read the module constant at call time so it can be patched in one place.
        return value if value is not None else globals()[f"MAX_{name.upper()}"]


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    name: str
    text: str
    encoding: str  # the text encoding, or "docx"/"pdf" for container formats
    fmt: str  # "text" | "html" | "docx" | "pdf"


def load_document(path: str | Path, *, limits: Limits | None = None) -> LoadedDocument:
    """Read `path` and return its plain text; raise LoadError if it is unusable."""
    limits = limits or Limits()
    max_input = limits.get("input_bytes")
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise LoadError(f"文件不存在 / file not found: {p}") from None
    except OSError as e:
        raise LoadError(f"无法读取 / cannot read: {e.strerror or e}") from None
    if p.is_dir():
        raise LoadError("是目录而不是文件 / is a directory")
    if size > max_input:
        raise LoadError(f"文件过大 / file too large: {size} bytes > {max_input}")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise LoadError(f"无法读取 / cannot read: {e.strerror or e}") from None
    return load_bytes(data, p.name, limits=limits)


def load_bytes(
    data: bytes, name: str, *, limits: Limits | None = None
) -> LoadedDocument:
    """Decode `data` (the contents of a file called `name`) into plain text.

    Every resource bound (``MAX_*`` above, or `limits`) is checked before the
    bytes reach a parser; exceeding one is a LoadError, never a long request.
    """
    limits = limits or Limits()
    max_input = limits.get("input_bytes")
    max_chars = limits.get("text_chars")
    if not data or not data.strip():
        raise LoadError("文件为空 / empty file")
    if len(data) > max_input:
        raise LoadError(f"文件过大 / file too large: {len(data)} bytes > {max_input}")
    if data[:4] == b"PK\x03\x04":
        check_zip(data, limits=limits)
        text, fmt, enc = _docx(data), "docx", "docx"
    elif data[:5] == b"%PDF-":
        text, fmt, enc = _pdf(data, limits), "pdf", "pdf"
    else:
        max_plain = limits.get("plain_bytes")
        if len(data) > max_plain:
            raise LoadError(
                f"文本或网页文件过大 / text or HTML file too large: "
                f"{len(data)} bytes > {max_plain}"
            )
        enc, decoded = _decode(data)
        if _looks_like_html(decoded, name):
            text, fmt = _html(decoded), "html"
        else:
            text, fmt = decoded, "text"
    if text.startswith("\ufeff"):
        text = text[1:]
    # Line ends as Python's text mode reads them (universal newlines): a file
    # saved on Windows (CRLF, common for GBK pages) and the same file saved
    # elsewhere are one text, with the same offsets as a reader of the .txt
    # that opens it in text mode (the scorer, a reviewer's script).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > max_chars:
        raise LoadError(
            f"文本过长 / text too long: {len(text)} characters > {max_chars}"
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


def check_zip(
    data: bytes,
    *,
    limits: Limits | None = None,
    label: str = "Word 文档",
    ext: str = ".docx",
) -> None:
    """Refuse a zip bomb from its directory alone, before anything is inflated.

    For any OOXML package (.docx here; an .xlsx import can call it with
    ``label="Excel 文件", ext=".xlsx"``); raises LoadError.

    zipfile never inflates a member past its declared size (the CRC check fails
    instead), so the declared sizes bound what python-docx can read.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise LoadError(f"{label}损坏 / broken {ext}: {type(e).__name__}") from None
    limits = limits or Limits()
    max_members = limits.get("zip_members")
    if len(members) > max_members:
        raise LoadError(
            f"{label}内部文件过多 / {ext} has too many parts: "
            f"{len(members)} > {max_members}"
        )
    max_total = limits.get("docx_uncompressed_bytes")
    max_xml = limits.get("docx_xml_bytes")
    max_ratio = limits.get("zip_ratio")
    parsed = [m for m in members if m.filename.endswith((".xml", ".rels"))]
    total = sum(m.file_size for m in members)
    xml = sum(m.file_size for m in parsed)
    if total > max_total:
        raise LoadError(
            f"{label}解压后过大 / {ext} inflates to {total} bytes > {max_total}"
        )
    if xml > max_xml:
        raise LoadError(
            f"{label}的 XML 内容过大 / {ext} XML parts are {xml} bytes > {max_xml}"
        )
    # Only parts lxml parses: an uncompressed bitmap (BMP, TIFF) in word/media
    # legitimately shrinks 100-fold and costs only its size, bounded above.
    for m in parsed:
        if m.file_size <= RATIO_FLOOR_BYTES:
            continue
        ratio = m.file_size / max(m.compress_size, 1)
        if ratio > max_ratio:
            raise LoadError(
                f"{label}压缩比异常（疑似压缩炸弹）/ {ext} part {m.filename} "
                f"compresses {ratio:.0f}:1 > {max_ratio:.0f}:1"
            )


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


def _pdf(data: bytes, limits: Limits) -> str:
    max_pages = limits.get("pdf_pages")
    budget = _StreamBudget(
        per_stream=int(limits.get("pdf_stream_bytes")),
        remaining=int(limits.get("pdf_total_stream_bytes")),
    )
    token = _PDF_BUDGET.set(budget)
    try:
        import pdfplumber

        _install_stream_guard()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = len(pdf.pages)  # walks the page tree; decodes no content
            if count > max_pages:
                raise LoadError(
                    f"PDF 页数过多 / PDF has too many pages: {count} > {max_pages}"
                )
            pages = [page.extract_text() or "" for page in pdf.pages]
    except LoadError:
        raise
    except Exception as e:  # pdfminer raises many kinds on a broken file
        if budget.error:  # the guard's LoadError, wrapped or swallowed on the way
            raise LoadError(budget.error) from None
        raise LoadError(f"PDF 文件损坏 / broken PDF: {type(e).__name__}") from None
    finally:
        _PDF_BUDGET.reset(token)
    if budget.error:
        raise LoadError(budget.error)
    text = "\n".join(pages)
    if not text.strip():
        raise LoadError("PDF 没有文字层（可能是扫描件）/ PDF has no text layer")
    return unwrap_lines(text)


# pdfminer decodes a stream whole (``zlib.decompress``) when a page, a font or an
# object stream needs it, so a 1 MB file can ask for gigabytes. The guard below
# wraps PDFStream.decode: before pdfminer inflates a stream, the same filters run
# here under the per-stream cap and the document's remaining budget. Only streams
# pdfminer actually decodes count (images are never decoded for text), and
# encrypted streams are measured after decryption, as pdfminer sees them.
_FLATE = {"FlateDecode", "Fl"}
_LZW = {"LZWDecode", "LZW"}


@dataclass(slots=True)
class _StreamBudget:
    per_stream: int
    remaining: int
    error: str = ""

    def spend(self, size: int, cap: int) -> None:
        if size > self.per_stream:
            self.error = (
                f"PDF 数据流解压后过大（疑似压缩炸弹）/ PDF stream inflates past "
                f"{self.per_stream} bytes"
            )
        elif size > cap or size > self.remaining:
            self.error = (
                "PDF 解压后总量过大（疑似压缩炸弹）/ PDF streams inflate past the "
                "document budget"
            )
        if self.error:
            raise LoadError(self.error)
        self.remaining -= size


_PDF_BUDGET: ContextVar[_StreamBudget | None] = ContextVar(
    "dabiao_pdf_stream_budget", default=None
)
_GUARD_LOCK = threading.Lock()


def _install_stream_guard() -> None:
    """Wrap pdfminer's PDFStream.decode once per process (a no-op without a
    budget in the current context, so other pdfminer users are unaffected)."""
    from pdfminer.pdftypes import PDFStream

    with _GUARD_LOCK:
        if getattr(PDFStream.decode, "_dabiao_guard", False):
            return
        original = PDFStream.decode

        def decode(self: PDFStream) -> None:
            budget = _PDF_BUDGET.get()
            if budget is not None and self.rawdata is not None:
                raw = self.rawdata
                if self.decipher and self.objid is not None:
                    raw = self.decipher(self.objid, self.genno, raw, self.attrs)
                names = [str(getattr(f, "name", f)) for f, _ in self.get_filters()]
                cap = min(budget.per_stream, budget.remaining)
                budget.spend(_decoded_size(raw, names, cap), cap)
            original(self)

        decode._dabiao_guard = True  # type: ignore[attr-defined]
        PDFStream.decode = decode  # type: ignore[method-assign]


def _decoded_size(raw: bytes, filters: list[str], cap: int) -> int:
    """Bytes the filter chain produces, or cap + 1 once it passes `cap` (so at
    most about `cap` bytes are ever held)."""
    data: bytes | bytearray = raw
    for name in filters:
        try:
            if name in _FLATE:
                data = _inflate_bounded(data, cap)
            elif name in _LZW:
                from pdfminer.lzw import LZWDecoder

                out = bytearray()
                for chunk in LZWDecoder(io.BytesIO(data)).run():
                    out += chunk
                    if len(out) > cap:
                        break
                data = out
            elif name in ("RunLengthDecode", "RL"):
                data = _run_length_bounded(data, cap)
            elif name in ("ASCIIHexDecode", "AHx"):
                from pdfminer.ascii85 import asciihexdecode

                data = asciihexdecode(data)
            elif name in ("ASCII85Decode", "A85"):
                from pdfminer.ascii85 import ascii85decode

                data = ascii85decode(data)
            else:
                break  # images (DCT, JPX, CCITT, JBIG2) are not decoded for text
        except Exception:
            break  # corrupt or encrypted: pdfminer will fail or skip it
        if len(data) > cap:
            return cap + 1
    return len(data)


def _inflate_bounded(data: bytes, cap: int) -> bytearray:
    # Chunked, so a stream that breaks halfway still counts what it produced
    # (pdfminer keeps that part too, see decompress_corrupted).
    d = zlib.decompressobj()
    out = bytearray()
    try:
        # Small input steps: a step that fails loses its output from the count,
        # and 1 KB of deflate inflates to 1 MB at most.
        for i in range(0, len(data), 1024):
            buf = data[i : i + 1024]
            while buf and len(out) <= cap and not d.eof:
                out += d.decompress(buf, cap + 1 - len(out))
                buf = d.unconsumed_tail
            if len(out) > cap or d.eof:
                break
    except zlib.error:
        pass
    return out


def _run_length_bounded(data: bytes, cap: int) -> bytearray:
    out = bytearray()
    i = 0
    while i < len(data) and len(out) <= cap:
        length = data[i]
        if length == 128:
            break
        if length < 128:
            out += data[i + 1 : i + 2 + length]
            i += 2 + length
        else:
            out += data[i + 1 : i + 2] * (257 - length)
            i += 2
    return out


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
