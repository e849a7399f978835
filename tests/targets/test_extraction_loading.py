"""Loading documents: encodings and formats in, plain text out, LoadError for junk."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from targets.extraction import LoadError, extract, load_bytes, load_document

OWN = Path(__file__).resolve().parents[2] / "tests" / "data" / "extraction"
TEXT = "六安市科技局2024年工作要点\n全市高新技术企业总数达到750家以上。\n"


def build_pdf(objects: list[bytes]) -> bytes:
    """A PDF file of `objects` (numbered from 1, the catalog first) with its xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


def minimal_pdf(line: str) -> bytes:
    """A one-page PDF whose text layer holds `line` (ASCII, Helvetica)."""
    content = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return build_pdf(objects)


def docx_bytes(*paragraphs: str, table: list[list[str]] | None = None) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf_8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf_8_sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf_16"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16-bom"],
)
def test_text_encodings_are_detected_from_the_bytes(data: bytes, encoding: str) -> None:
    # The name says .txt whatever the encoding: detection never trusts the extension.
    loaded = load_bytes(data, "plan.txt")
    assert loaded.text.replace("\r\n", "\n") == TEXT
    assert (loaded.encoding, loaded.fmt) == (encoding, "text")


@pytest.mark.parametrize("eol", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize("codec", ["utf-8", "gbk"])
def test_windows_and_old_mac_line_ends_read_as_newlines(eol: str, codec: str) -> None:
    # Offsets index the text as a reader opening the .txt in text mode sees it
    # (universal newlines), so a CRLF file's quotes sit where the LF file's do.
    body = "2023年工作要点\n全市高新技术企业达到750家以上。\n研发投入强度达到2.5%。\n"
    loaded = load_bytes(body.replace("\n", eol).encode(codec), "plan.txt")
    assert loaded.text == body
    spans = [(r.quote, r.start, r.end) for r in extract(body, "a.txt").records]
    read = extract(loaded.text, "b.txt").records
    assert [(r.quote, r.start, r.end) for r in read] == spans
    assert len(spans) == 2


def test_gbk_file_on_disk_loads_and_extracts() -> None:
    loaded = load_document(OWN / "report_yichun_2022_gbk.txt")
    assert loaded.encoding == "gb18030"
    assert "宜春市科技局2022年工作总结" in loaded.text
    assert extract(loaded.text, "x").info.region == "宜春市"


def test_docx_paragraphs_and_tables_become_lines() -> None:
    data = docx_bytes(
        "淮北市2023年主要指标",
        table=[
            ["指标名称", "单位", "年度目标", "完成值"],
            ["高新技术企业数", "家", "520", "538"],
        ],
    )
    loaded = load_bytes(data, "a.docx")
    assert loaded.fmt == "docx"
    assert loaded.text.splitlines() == [
        "淮北市2023年主要指标",
        "指标名称\t单位\t年度目标\t完成值",
        "高新技术企业数\t家\t520\t538",
    ]
    kinds = sorted(
        (r.kind, int(r.value)) for r in extract(loaded.text, "a.docx").records
    )
    assert kinds == [("actual", 538), ("target", 520)]


def test_pdf_text_layer_is_read() -> None:
    loaded = load_bytes(minimal_pdf("R&D 2.5% 2023"), "a.pdf")
    assert loaded.fmt == "pdf"
    assert "R&D 2.5% 2023" in loaded.text


def test_html_keeps_visible_text_only() -> None:
    loaded = load_document(OWN / "news_mianyang_2022.html")
    assert loaded.fmt == "html"
    assert "1056家" in loaded.text
    assert "999家" not in loaded.text  # inside <script>
    assert "9.9%" not in loaded.text
    assert "color" not in loaded.text  # inside <style>
    assert "请启用脚本" not in loaded.text


def test_html_is_recognised_by_content_not_name() -> None:
    page = "<!DOCTYPE html><html><body><p>全市高新技术企业达到750家。</p></body></html>"
    loaded = load_bytes(page.encode("gbk"), "download.bin")
    assert (loaded.fmt, loaded.text) == ("html", "全市高新技术企业达到750家。")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "binary"),
        (b"PK\x03\x04" + b"\x00" * 40, ".docx"),
        (docx_bytes("全市高新技术企业达到750家。")[:700], ".docx"),
        (minimal_pdf("R&D")[:120], "PDF"),
        (
            "Café crème brûlée, naïve façade, déjà vu".encode("latin-1") * 10,
            "undecodable",
        ),
    ],
    ids=[
        "empty",
        "blank",
        "binary",
        "png",
        "zip-junk",
        "truncated-docx",
        "truncated-pdf",
        "latin1",
    ],
)
def test_unusable_inputs_raise_a_one_line_load_error(data: bytes, message: str) -> None:
    with pytest.raises(LoadError) as info:
        load_bytes(data, "x.txt")
    text = str(info.value)
    assert message in text
    assert "\n" not in text


def test_missing_file_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not found"):
        load_document(tmp_path / "nope.txt")


def test_size_cap_is_enforced(monkeypatch: pytest.MonkeyPatch) -> None:
    from targets.extraction import loading

    monkeypatch.setattr(loading, "MAX_TEXT_CHARS", 10)
    with pytest.raises(LoadError, match="too long"):
        load_bytes(TEXT.encode(), "a.txt")


def test_pdf_layout_line_breaks_are_joined_but_headings_kept() -> None:
    from targets.extraction.loading import unwrap_lines

    wrapped = (
        "市科技局2023年工作总结\n一、主要指标\n"
        "2023年，全市高新技术企业达到612家，同比增长18.2%；入库科\n"
        "技型中小企业1530家，较上年增加286家。全社会研发经费投入56.8\n"
        "亿元，研发投入强度1.72%。\n二、下一步打算\n- 1 -"
    )
    lines = unwrap_lines(wrapped).split("\n")
    assert lines[:2] == ["市科技局2023年工作总结", "一、主要指标"]
    assert "入库科技型中小企业1530家" in lines[2]
    assert "56.8亿元" in lines[2]
    assert lines[3:] == ["二、下一步打算", "- 1 -"]


def test_html_tables_keep_their_cells_apart() -> None:
    page = (
        "<html><body><table><tr><td>指标</td><td>目标</td><td>完成</td></tr>"
        "<tr><td>科技型中小企业数（家）</td><td>600</td><td> 712 </td></tr>"
        "</table></body></html>"
    )
    loaded = load_bytes(page.encode("utf-8"), "t.html")
    assert loaded.text.splitlines() == [
        "指标\t目标\t完成",
        "科技型中小企业数（家）\t600\t712",
    ]
    records = extract(loaded.text, "t.html", info_hint={"year": 2023}).records
    assert [(r.kind, int(r.value)) for r in records] == [
        ("target", 600),
        ("actual", 712),
    ]
