"""`manage.py extract`: JSON Lines out, one-line errors, status 1 on any failure."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "003_0edeab85d117419d.txt"


@pytest.fixture
def bad_files(tmp_path: Path) -> list[Path]:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    truncated = tmp_path / "plan.docx"
    truncated.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 30)
    wrong = tmp_path / "latin.txt"
    wrong.write_bytes("Résumé, déjà vu, façade. ".encode("latin-1") * 20)
    return [binary, empty, truncated, wrong, tmp_path / "missing.txt"]


def test_json_lines_for_good_files() -> None:
    out = StringIO()
    call_command("extract", str(SEED), "--json", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows and all(r["doc"] == SEED.name for r in rows)
    assert {"kind", "indicator", "norm_value", "quote", "start", "end"} <= set(rows[0])
    assert "高新技术企业数" in {r["indicator"] for r in rows}


def test_bad_files_give_one_line_each_and_status_1_without_stopping_others(
    bad_files: list[Path],
) -> None:
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "extract", *map(str, bad_files), str(SEED), "--json", stdout=out, stderr=err
        )
    assert exit_info.value.code == 1
    errors = err.getvalue().strip().splitlines()
    assert len(errors) == len(bad_files)
    for path, line in zip(bad_files, errors, strict=True):
        assert line.startswith(f"extract: {path}: ")
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows and {r["doc"] for r in rows} == {SEED.name}


def test_subprocess_keeps_stdout_clean_and_utf8(bad_files: list[Path]) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "extract",
            str(bad_files[0]),
            str(SEED),
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    stdout = result.stdout.decode("utf-8")
    assert "高新技术企业" in stdout  # ensure_ascii=False
    for line in stdout.splitlines():
        json.loads(line)
    assert len(result.stderr.decode("utf-8").strip().splitlines()) == 1
    assert b"Traceback" not in result.stderr


def test_readable_table_without_json() -> None:
    out = StringIO()
    call_command("extract", str(SEED), stdout=out)
    text = out.getvalue()
    assert "六安市" in text and "目标" in text and "高新技术企业数" in text


def test_an_engine_crash_is_one_line_for_that_file_and_the_others_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from targets.management.commands import extract as command

    real = command.extract
    poison = tmp_path / "poison.txt"
    poison.write_text("全市高新技术企业达到50家。", encoding="utf-8")

    def fragile(text: str, doc: str, **kwargs: object):  # type: ignore[no-untyped-def]
        if doc == poison.name:
            raise IndexError("no such group")
        return real(text, doc, **kwargs)

    monkeypatch.setattr(command, "extract", fragile)
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "extract", str(poison), str(SEED), "--json", stdout=out, stderr=err
        )
    assert exit_info.value.code == 1
    (line,) = err.getvalue().strip().splitlines()
    assert line.startswith(
        f"extract: {poison}: 抽取失败 / extraction failed: IndexError"
    )
    assert {json.loads(r)["doc"] for r in out.getvalue().splitlines()} == {SEED.name}


@pytest.mark.parametrize(
    "text",
    [
        "全县高新技术企业达到50家,和溪县科技局牵头。",
        "高新技术企业达到一亿亿亿亿家",
        "目前我县共有高新技术企业50家",
        "研发投入99999999999999999999999999999999亿元。",
    ],
)
def test_inputs_that_once_crashed_the_engine_now_read(
    tmp_path: Path, text: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("extract", str(path), "--json", stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert all(r["region"] is None or "目前" not in r["region"] for r in rows)
