"""Resource bounds of the loader: bombs small on disk are refused before parsing."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
import zlib

import pytest

from targets.extraction import LoadError, load_bytes
from targets.extraction.loading import (
    MAX_DOCX_XML_BYTES,
    MAX_PDF_STREAM_BYTES,
    Limits,
)
from tests.targets.test_extraction_loading import build_pdf, docx_bytes

MiB = 1024 * 1024


def zip_bomb(member_bytes: int, *, name: str = "word/document.xml") -> bytes:
    """A .docx-shaped zip whose one big part is `member_bytes` of spaces."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open(name, "w", force_zip64=True) as handle:
            chunk = b" " * MiB
            for _ in range(member_bytes // MiB):
                handle.write(chunk)
    return buf.getvalue()


def stream(content: bytes, extra: bytes = b"") -> bytes:
    return (
        b"<< /Length %d%s >>\nstream\n" % (len(content), extra)
        + content
        + (b"\nendstream")
    )


def pdf_pages(
    count: int,
    content: bytes = b"BT /F1 12 Tf 72 720 Td (page) Tj ET",
    extra: bytes = b"",
) -> bytes:
    """A PDF with `count` pages, each drawing `content` (a stream with `extra`)."""
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i in range(count):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(stream(content, extra))
    return build_pdf(objects)


def pdf_with_stream(content: bytes, *, filters: bytes = b"/FlateDecode") -> bytes:
    """A one-page PDF whose content stream is `content`, deflated."""
    return pdf_pages(1, zlib.compress(content, 9), b" /Filter " + filters)


def assert_one_line_chinese_error(data: bytes, name: str, needle: str, **limits):
    with pytest.raises(LoadError) as info:
        load_bytes(data, name, limits=Limits(**limits) if limits else None)
    message = str(info.value)
    assert needle in message
    assert "\n" not in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)


def test_docx_bomb_at_default_limits_is_refused_before_parsing(monkeypatch) -> None:
    import docx

    def parse(*args, **kwargs):
        raise AssertionError("python-docx was asked to parse the bomb")

    monkeypatch.setattr(docx, "Document", parse)
    bomb = zip_bomb(MAX_DOCX_XML_BYTES + 8 * MiB)
    assert len(bomb) < 200 * 1024
    assert_one_line_chinese_error(bomb, "plan.docx", "Word")


@pytest.mark.parametrize(
    ("data", "limits", "needle"),
    [
        (zip_bomb(3 * MiB), {"docx_uncompressed_bytes": 2 * MiB}, "解压后过大"),
        (zip_bomb(3 * MiB), {"docx_xml_bytes": 2 * MiB}, "XML 内容过大"),
        (zip_bomb(3 * MiB), {}, "压缩比异常"),
        (docx_bytes("全市高新技术企业达到50家。"), {"zip_members": 3}, "内部文件过多"),
    ],
    ids=["total-size", "xml-size", "ratio", "members"],
)
def test_docx_bounds_each_give_a_chinese_load_error(data, limits, needle) -> None:
    assert_one_line_chinese_error(data, "a.docx", needle, **limits)


def test_a_highly_compressible_image_is_bounded_by_size_not_ratio() -> None:
    data = zip_bomb(3 * MiB, name="word/media/image1.bmp")
    with pytest.raises(LoadError, match="不是 Word 文档"):  # passes every bound
        load_bytes(data, "a.docx")


def test_a_normal_docx_passes_the_bounds() -> None:
    data = docx_bytes(
        "全市高新技术企业达到50家。", table=[["指标", "目标"], ["a", "1"]]
    )
    assert "50家" in load_bytes(data, "a.docx").text


def test_pdf_bomb_at_default_limits_is_refused() -> None:
    bomb = pdf_with_stream(b"\0" * (MAX_PDF_STREAM_BYTES + MiB))
    assert len(bomb) < 200 * 1024
    assert_one_line_chinese_error(bomb, "a.pdf", "PDF 数据流解压后过大")


def test_a_pdf_bomb_is_never_inflated_past_the_stream_limit() -> None:
    bomb = pdf_with_stream(b"\0" * 48 * MiB)
    load_bytes(pdf_pages(1), "warm-up.pdf")  # imports and caches out of the count
    tracemalloc.start()
    try:
        with pytest.raises(LoadError, match="数据流解压后过大"):
            load_bytes(bomb, "a.pdf", limits=Limits(pdf_stream_bytes=MiB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * MiB  # the stream inflates to 48 MiB if anything decodes it


def test_images_that_pdfminer_never_decodes_do_not_count() -> None:
    # A page drawing text and a 2 MiB (inflated) image; the budget is 1 MiB.
    image = zlib.compress(b"\x80" * 2 * MiB, 9)
    content = b"q 10 0 0 10 0 0 cm /Im1 Do Q BT /F1 12 Tf 72 720 Td (R&D 2.5%) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
        b"<< /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(
            image,
            b" /Type /XObject /Subtype /Image /Width 1024 /Height 2048"
            b" /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
        ),
    ]
    limits = Limits(pdf_total_stream_bytes=MiB)

    assert "2.5%" in load_bytes(build_pdf(objects), "a.pdf", limits=limits).text


@pytest.mark.parametrize(
    ("data", "limits", "needle"),
    [
        (pdf_with_stream(b"\0" * 2 * MiB), {"pdf_stream_bytes": MiB}, "数据流解压后"),
        (
            pdf_with_stream(b"\0" * 2 * MiB),
            {"pdf_total_stream_bytes": MiB},
            "解压后总量过大",
        ),
        (pdf_pages(5), {"pdf_pages": 4}, "页数过多"),
    ],
    ids=["stream", "total", "pages"],
)
def test_pdf_bounds_each_give_a_chinese_load_error(data, limits, needle) -> None:
    assert_one_line_chinese_error(data, "a.pdf", needle, **limits)


def test_pdf_within_the_limits_is_read() -> None:
    assert load_bytes(pdf_pages(5), "a.pdf", limits=Limits(pdf_pages=5)).text
    text = b"BT /F1 12 Tf 72 720 Td (R&D 2.5% 2023) Tj ET"
    assert "2.5%" in load_bytes(pdf_with_stream(text), "a.pdf").text


def test_array_filter_bomb_is_measured_too() -> None:
    bomb = pdf_with_stream(b"\0" * 2 * MiB, filters=b"[/FlateDecode]")
    assert_one_line_chinese_error(bomb, "a.pdf", "数据流", pdf_stream_bytes=MiB)


@pytest.mark.parametrize("name", ["a.txt", "a.html"])
def test_text_and_html_over_the_plain_limit_are_refused(name: str) -> None:
    body = "全市高新技术企业达到50家。\n" * 1000
    if name.endswith(".html"):
        body = f"<html><body><p>{body}</p></body></html>"
    data = body.encode()
    assert load_bytes(data, name).text
    assert_one_line_chinese_error(data, name, "文件过大", plain_bytes=len(data) - 1)


def test_the_zip_check_serves_spreadsheets_too() -> None:
    from targets.extraction.loading import check_zip

    bomb = zip_bomb(MAX_DOCX_XML_BYTES + 8 * MiB, name="xl/sharedStrings.xml")
    with pytest.raises(LoadError) as info:
        check_zip(bomb, label="Excel 文件", ext=".xlsx")
    assert str(info.value).startswith("Excel 文件的 XML 内容过大 / .xlsx")
    check_zip(zip_bomb(MiB, name="xl/worksheets/sheet1.xml"), ext=".xlsx")
