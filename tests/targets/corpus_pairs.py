"""Judge real plan→report pairs end to end, as a planning office would.

Each case in ``tests/data/corpus/links.jsonl`` names a plan and the later report
of the same place, one target of the plan (region, indicator, measure, period)
and the status a careful reader gives it (met, missed, no_data). The harness
ingests both documents with no hints, exactly as ``manage.py ingest`` would,
re-judges on the day after the report was published, and compares.

A case is right only when the target was found and its status is the expected
one; a target the engine never extracted is wrong whatever was expected.

    .venv/bin/python -m pytest tests/targets/test_corpus_pairs.py -s   # the table
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.management import call_command

from targets.models import Target

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@dataclass(frozen=True)
class CaseResult:
    case: dict[str, Any]
    found: str | None  # the status of the matched target, None when not found
    candidates: int

    @property
    def right(self) -> bool:
        return self.found == self.case["expected"]


def load_cases(corpus: Path = CORPUS) -> list[dict[str, Any]]:
    lines = (corpus / "links.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_published(corpus: Path = CORPUS) -> dict[str, dt.date]:
    published = {}
    with open(corpus / "sources.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = (row.get("published") or "").strip()
            if len(text) == 4:  # a year: its last day
                published[row["doc"]] = dt.date(int(text), 12, 31)
            elif len(text) == 7:  # a month: its last day
                year, month = int(text[:4]), int(text[5:])
                published[row["doc"]] = dt.date(
                    year, month, calendar.monthrange(year, month)[1]
                )
            elif text:
                published[row["doc"]] = dt.date.fromisoformat(text[:10])
    return published


def period_of(target: Target) -> str:
    start, end = target.period_start, target.period_end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year == end.year:
            return str(start.year)
        return f"{start.year}/{end.year}"
    return f"{start:%Y-%m}/{end:%Y-%m}"


def _value_close(target: Target, case: dict[str, Any]) -> bool:
    wanted = case.get("target_value")
    if wanted is None or target.value is None:
        return False
    wanted = Decimal(str(wanted))
    return abs(target.value - wanted) <= abs(wanted) * Decimal("0.000001")


def judge_pair(
    plan: str, report: str, cases: list[dict[str, Any]], corpus: Path, today: dt.date
) -> list[CaseResult]:
    """Ingest one pair into the (empty) test database and judge its cases.

    The files are ingested under neutral names: the corpus names carry the year and
    place the annotator read (``a_gwr_jiaxing_2023.txt``), which the engine would
    otherwise take as a hint no real upload is sure to give."""
    docs = corpus / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, name in enumerate((plan, report), 1):
            path = Path(tmp) / f"document{n}{Path(name).suffix}"
            shutil.copyfile(docs / name, path)
            paths.append(str(path))
        call_command("ingest", *paths, stdout=io.StringIO())
    call_command("evaluate", "--today", today.isoformat(), stdout=io.StringIO())
    targets = list(Target.objects.select_related("region", "indicator"))
    results = []
    for case in cases:
        matching = [
            t
            for t in targets
            if t.region.name == case["region"]
            and t.measure == case["measure"]
            and period_of(t) == case["period"]
            and same_indicator(t.indicator, case["indicator"])
        ]
        # Where a plan states two tiers, the case names one by its value.
        chosen = next((t for t in matching if _value_close(t, case)), None)
        if chosen is None and matching:
            chosen = next((t for t in matching if t.tier == "base"), matching[0])
        results.append(
            CaseResult(case, chosen.status if chosen else None, len(matching))
        )
    return results


def same_indicator(indicator, name: str) -> bool:
    if indicator.name == name:
        return True
    return name in (indicator.aliases or [])


def pairs(cases: list[dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for case in cases:
        grouped[(case["plan"], case["report"])].append(case)
    return dict(grouped)


def table(results: list[CaseResult]) -> str:
    lines = []
    for r in results:
        c = r.case
        mark = "✓" if r.right else "✗"
        trap = " 陷阱" if c.get("trap") else ""
        lines.append(
            f"{mark} {c['region']} {c['indicator']} {c['measure']} {c['period']}: "
            f"应为 {c['expected']}, 得到 {r.found or '未找到目标'}{trap}"
        )
    if not results:
        lines.append("没有配对案例")  # a held-out batch with no link cases
        return "\n".join(lines)
    right = sum(r.right for r in results)
    lines.append(f"{right}/{len(results)} 判断正确 ({right / len(results):.1%})")
    return "\n".join(lines)
