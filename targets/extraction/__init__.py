"""The extraction engine: documents in, target/actual mention records out.

Pure Python: nothing here imports Django (tests/targets/test_extraction_purity.py
proves it), so the engine runs in a worker, a notebook or a benchmark alike.
"""

from __future__ import annotations

from .catalog import Catalog, Indicator, load_catalog
from .engine import extract
from .loading import (
    MAX_INPUT_BYTES,
    MAX_TEXT_CHARS,
    LoadedDocument,
    LoadError,
    load_bytes,
    load_document,
)
from .records import DocumentInfo, Extraction, Record

__all__ = [
    "MAX_INPUT_BYTES",
    "MAX_TEXT_CHARS",
    "Catalog",
    "DocumentInfo",
    "Extraction",
    "Indicator",
    "LoadError",
    "LoadedDocument",
    "Record",
    "extract",
    "load_bytes",
    "load_catalog",
    "load_document",
]
