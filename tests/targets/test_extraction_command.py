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
