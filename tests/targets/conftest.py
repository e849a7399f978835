"""Fixtures for ingest and evaluation tests: hand-built records and a stand-in engine
so merging can be tested without depending on what the extractor reads."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from targets.extraction.records import DocumentInfo, Extraction, Record
from targets.services import documents


@pytest.fixture
def make_record() -> Callable[..., Record]:
    """Record(**overrides) with defaults for 芜湖市's 2024 高企 target of 750家."""
    offsets = itertools.count(0, 100)

    def make(**overrides: Any) -> Record:
        value = Decimal(str(overrides.pop("value", "750")))
        fields: dict[str, Any] = {
            "doc": "plan.txt",
            "kind": "target",
            "region": "芜湖市",
            "indicator": "高新技术企业数",
            "indicator_code": "high_tech_enterprises",
            "measure": "level",
            "comparator": ">=",
            "value": value,
            "unit": "家",
            "norm_value": value,
            "norm_unit": "count",
            "period": "2024",
            "recurring": False,
            "estimate": False,
            "stretch": False,
            "tier": None,
        }
        fields.update(overrides)
        fields["norm_value"] = Decimal(str(fields["norm_value"]))
        fields.setdefault("quote", f"{fields['indicator']}{value}{fields['unit']}")
        start = fields.pop("start", next(offsets))
        fields["start"] = start
        fields.setdefault("end", start + len(fields["quote"]))
        return Record(**fields)

    return make


class FakeEngine:
    """What `extract` returns per document name; the text is whatever was uploaded."""

    def __init__(self) -> None:
        self.extractions: dict[str, Extraction] = {}
        self.calls: list[str] = []

    def returns(
        self,
        name: str,
        records: list[Record],
        *,
        region: str | None = "芜湖市",
        year: int | None = 2024,
        title: str = "",
        kind: str = "both",
    ) -> None:
        self.extractions[name] = Extraction(
            info=DocumentInfo(region=region, year=year, title=title, kind=kind),
            records=list(records),
        )

    def extract(self, document) -> Extraction:
        self.calls.append(document.name)
        return self.extractions[document.name]


@pytest.fixture
def engine(monkeypatch, catalog) -> FakeEngine:
    fake = FakeEngine()
    monkeypatch.setattr(documents, "document_extract", fake.extract)
    return fake


@pytest.fixture
def ingest(engine) -> Callable[..., documents.IngestResult]:
    """ingest(name, records, text=..., **document_ingest kwargs), fake engine."""

    def run(
        name: str,
        records: list[Record],
        *,
        text: str | None = None,
        info: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> documents.IngestResult:
        engine.returns(name, records, **(info or {}))
        data = (text if text is not None else f"{name}\n内容").encode()
        return documents.document_ingest(data=data, name=name, **kwargs)

    return run
