"""Ingest and evaluation in a throwaway SQLite database.

1. Ingest: the five seeds, N rounds (each round's copies carry a different trailing
   line, so they are new documents), against the extraction engine alone on the same
   texts in the same process: the ratio is what storing, merging, judging and
   flagging cost on top of reading.
2. Evaluate: the ingested targets and actuals are copied into COPIES synthetic
   regions, then `targets_evaluate` + `flags_update` run over every target, against
   a bare `list(Target.objects.select_related(...))` + `bulk_update` of the same
   rows (the floor any Python-side judgment pays): targets per second and a ratio,
   for the first run (every verdict changes) and an unchanged re-run (nightly).

Usage: python bench/bench_ingest.py [ROUNDS] [COPIES]   (default 4, 200)
"""

from __future__ import annotations

import sys
import time

from _django import ROOT, setup

WORKDIR = setup("dabiao-bench-ingest-")

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from targets.catalog import catalog_load  # noqa: E402
from targets.extraction import extract, load_bytes  # noqa: E402
from targets.models import Actual, Region, Target  # noqa: E402
from targets.services.documents import document_ingest  # noqa: E402
from targets.services.flags import flags_update  # noqa: E402
from targets.services.judging import targets_evaluate  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    call_command("migrate", verbosity=0)
    catalog_load()
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [(p.name, p.read_bytes()) for p in seeds]
    chars = sum(len(data.decode("utf-8")) for _, data in texts)

    started = time.perf_counter()
    records = 0
    for r in range(rounds):
        for name, data in texts:
            loaded = load_bytes(data + f"\n第{r}轮\n".encode(), name)
            records += len(extract(loaded.text, name).records)
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    for r in range(rounds):
        for name, data in texts:
            result = document_ingest(
                data=data + f"\n第{r}轮\n".encode(), name=f"r{r}-{name}"
            )
            assert not result.failed and not result.duplicate, result.error
    ingest = time.perf_counter() - started
    documents = rounds * len(texts)
    print(f"ingest: {documents} documents, {records} statements, {chars * rounds} chr")
    print(f"  extraction only   {baseline:7.3f} s")
    print(
        f"  full ingest       {ingest:7.3f} s  "
        f"({documents / ingest:.1f} documents/s, {records / ingest:.0f} statements/s)"
    )
    print(f"  ratio             {ingest / baseline:7.1f}x")

    copies = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    _copy_into_regions(copies)
    targets = Target.objects.count()
    started = time.perf_counter()
    rows = list(Target.objects.select_related("indicator", "region"))
    now = timezone.now()
    for row in rows:
        row.evaluated_at = now
    Target.objects.bulk_update(rows, ["evaluated_at"], batch_size=500)
    floor = time.perf_counter() - started

    started = time.perf_counter()
    targets_evaluate()
    flags_update()
    judged = time.perf_counter() - started
    print(f"evaluate + flag: {targets} targets")
    print(f"  load + bulk_update floor {floor:7.3f} s")
    rate = targets / judged
    print(f"  evaluate + flags_update  {judged:7.3f} s  ({rate:.0f} targets/s)")
    print(f"  ratio                    {judged / floor:7.1f}x")
    # The nightly case: nothing changed since the last run.
    started = time.perf_counter()
    targets_evaluate()
    flags_update()
    again = time.perf_counter() - started
    rate = targets / again
    print(f"  unchanged re-run         {again:7.3f} s  ({rate:.0f} targets/s)")
    print(f"  ratio                    {again / floor:7.1f}x")


def _copy_into_regions(copies: int) -> None:
    """Every target and actual again in `copies` new regions (bulk, no history)."""
    targets = list(Target.objects.all())
    actuals = list(Actual.objects.all())
    originals = list(Region.objects.all())
    for i in range(copies):
        # One copy of every region, so the copies keep their keys apart.
        twin = {
            r.pk: Region.objects.create(name=f"{r.name}副本{i}").pk for r in originals
        }
        Target.objects.bulk_create(
            [Target(**_fields(t), region_id=twin[t.region_id]) for t in targets],
            batch_size=1000,
        )
        Actual.objects.bulk_create(
            [Actual(**_fields(a), region_id=twin[a.region_id]) for a in actuals],
            batch_size=1000,
        )


def _fields(row) -> dict:
    return {
        f.attname: getattr(row, f.attname)
        for f in row._meta.concrete_fields
        if f.attname not in ("id", "region_id")
    }


if __name__ == "__main__":
    main()
