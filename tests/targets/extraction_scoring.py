"""Our own scorer for extraction records, following EXTRACTION.md "Scoring".

Usable F1 counts a matched record only when its indicator, measure, comparator,
period and region are all right (the planning office can use it as it is).

A prediction matches a gold record when doc and kind agree, the spans overlap
and norm_value agrees within 1e-6 relative; matching is one-to-one. Optional
gold counts neither for recall nor against precision; an unmatched predicted
actual counts against precision only when its indicator is in the catalog.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from targets.extraction import Catalog

KEY_FIELDS = ("indicator", "measure", "comparator", "period", "region")
FIELDS = (
    "indicator",
    "measure",
    "comparator",
    "period",
    "region",
    "estimate",
    "stretch",
)


@dataclass
class KindScore:
    gold: int = 0
    tp: int = 0
    fp: int = 0
    usable: int = 0  # matched non-optional pairs with every key field right
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def usable_f1(self) -> float:
        p = self.usable / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.usable / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def batch_of(doc: str) -> str:
    """A corpus document's batch: its file-name prefix before the first `_`
    (`o_gwr_x_2023.txt` is batch `o`, `ra_news_y_2024.txt` batch `ra`)."""
    return doc.split("_", 1)[0]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _close(a: float, b: float) -> bool:
    a, b = float(a), float(b)
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-9)


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} or {s}


def same_indicator(a: str | None, b: str | None, catalog: Catalog) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    ia, ib = catalog.lookup(a), catalog.lookup(b)
    if ia or ib:
        return ia is not None and ib is not None and ia.code == ib.code
    x, y = _bigrams(a.rstrip("数")), _bigrams(b.rstrip("数"))
    return 2 * len(x & y) / (len(x) + len(y)) >= 0.5


def field_ok(
    name: str, pred: dict[str, Any], gold: dict[str, Any], catalog: Catalog
) -> bool:
    if name == "indicator":
        names = [gold["indicator"], *gold.get("indicator_alt", [])]
        return any(same_indicator(pred.get("indicator"), n, catalog) for n in names)
    if name in ("period", "measure"):
        return pred.get(name) == gold[name] or pred.get(name) in gold.get(
            name + "_alt", []
        )
    if name in ("estimate", "stretch"):
        return bool(pred.get(name)) == bool(gold[name])
    return pred.get(name) == gold[name]


def score(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], catalog: Catalog
) -> dict[str, KindScore]:
    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if p["doc"] in docs]
    out: dict[str, KindScore] = {}
    for kind in ("target", "actual"):
        g = [x for x in gold if x["kind"] == kind]
        p = [x for x in pred if x["kind"] == kind]
        ks = KindScore(gold=sum(1 for x in g if not x.get("optional")))
        used: set[int] = set()
        matched: set[int] = set()
        for pi, pr in enumerate(p):
            for gi, gr in enumerate(g):
                if gi in used or gr["doc"] != pr["doc"]:
                    continue
                overlap = pr["start"] < gr["end"] and gr["start"] < pr["end"]
                if overlap and _close(pr["norm_value"], gr["norm_value"]):
                    used.add(gi)
                    matched.add(pi)
                    ks.pairs.append((pr, gr))
                    break
        ks.tp = sum(1 for _, gr in ks.pairs if not gr.get("optional"))
        for pi, pr in enumerate(p):
            if pi in matched:
                continue
            if kind == "actual" and catalog.lookup(pr["indicator"]) is None:
                continue
            ks.fp += 1
            ks.extras.append(pr)
        ks.usable = sum(
            1
            for pr, gr in ks.pairs
            if not gr.get("optional")
            and all(field_ok(f, pr, gr, catalog) for f in KEY_FIELDS)
        )
        ks.misses = [
            gr for gi, gr in enumerate(g) if gi not in used and not gr.get("optional")
        ]
        out[kind] = ks
    return out


def field_accuracy(ks: KindScore, name: str, catalog: Catalog) -> float:
    if not ks.pairs:
        return 0.0
    return sum(field_ok(name, pr, gr, catalog) for pr, gr in ks.pairs) / len(ks.pairs)


def report(scores: dict[str, KindScore], catalog: Catalog) -> str:
    lines = []
    for kind, ks in scores.items():
        acc = " ".join(f"{f}={field_accuracy(ks, f, catalog):.2f}" for f in FIELDS)
        lines.append(
            f"{kind}: gold {ks.gold} tp {ks.tp} fp {ks.fp} P {ks.precision:.3f} "
            f"R {ks.recall:.3f} F1 {ks.f1:.3f} usable F1 {ks.usable_f1:.3f} {acc}"
        )
        lines += [f"  MISS {g['doc']} {g['quote']!r}" for g in ks.misses]
        lines += [
            f"  EXTRA {p['doc']} {p['quote']!r} -> {p['indicator']}" for p in ks.extras
        ]
        for pr, gr in ks.pairs:
            bad = [
                f"{f}: {pr.get(f)!r} != {gr[f]!r}"
                for f in FIELDS
                if not field_ok(f, pr, gr, catalog)
            ]
            if bad:
                lines.append(f"  ATTR {gr['doc']} {gr['quote']!r}: " + "; ".join(bad))
    return "\n".join(lines)
