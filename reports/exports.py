"""Export kinds: how each kind checks its scope and writes its file.

One lifecycle runs every kind (``reports.services.export_request`` stores a
pending row, ``reports.tasks.run_export`` claims it by UPDATE and calls
``export_run``, which asks the kind's writer for the file). Each app registers the
kinds it owns from its AppConfig.ready(): reports the scorecard, saima the 赛马
bulletins. So reports never imports saima.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class ExportWriter:
    kind: str
    # The scope as given (names or ids) → the scope as stored (ids, JSON);
    # ValidationError in Chinese when it is not a scope of this kind.
    check: Callable[[dict[str, Any]], dict[str, Any]]
    # Write the workbook of a stored scope to the path; returns the row count and
    # any further files written beside it (a bulletin).
    write: Callable[[dict[str, Any], Path], tuple[int, list[Path]]]
    # Where the workbook of an export is stored (fixed per export: a rerun
    # replaces the file).
    file_name: Callable[[int, dict[str, Any]], str]


_WRITERS: dict[str, ExportWriter] = {}


def register(writer: ExportWriter) -> None:
    _WRITERS[writer.kind] = writer


def writer_for(kind: str) -> ExportWriter:
    try:
        return _WRITERS[kind]
    except KeyError:
        raise ValidationError(f"不支持的导出类型:{kind}") from None
