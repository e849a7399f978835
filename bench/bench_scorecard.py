"""Scorecard export at scale: 100,000 evaluated targets in a throwaway SQLite database.

Prints the export's wall time and peak memory next to a bare openpyxl write-only loop
that writes the very same cells (values and styles, as the export handed them to
openpyxl, recorded in a second export run) in the same process, and the ratio.
Goals: ratio <= 1.5, peak memory < 300 MB.

Peak memory is the growth of this process's ru_maxrss across the timed export: the
data is built by a child process, so before the export this process holds only
Django and openpyxl, and the growth is the export's own peak resident memory.
``--traced`` adds a second, tracemalloc-traced export run (Python allocations only;
untraced for timing because tracing slows Python code down).

Usage: python bench/bench_scorecard.py [N] [--traced]   (default N = 100000)
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import resource
import shutil
import subprocess
import sys
import time
import tracemalloc
from copy import copy
from decimal import Decimal
from pathlib import Path

from _django import setup

# The database is built by a child process (see main) that shares this folder.
_shared = os.environ.get("DABIAO_BENCH_DIR")
WORKDIR = setup("dabiao-bench-scorecard-", Path(_shared) if _shared else None)
os.environ["DABIAO_BENCH_DIR"] = str(WORKDIR)

from django.core.management import call_command  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.cell.cell import Cell  # noqa: E402
from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # noqa: E402

from reports.services import scorecard_write  # noqa: E402
from targets.catalog import catalog_load  # noqa: E402
from targets.models import (  # noqa: E402
    Document,
    DocumentKind,
    Flag,
    FlagKind,
    Indicator,
    Mention,
    MentionKind,
    Region,
    RegionLevel,
    Status,
    Target,
)

ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
N = int(ARGS[0]) if ARGS else 100_000
BATCH = 5000
STATUSES = [Status.MET, Status.MISSED, Status.AT_RISK, Status.ON_TRACK, Status.NO_DATA]
MEASURES = ["level", "increase", "growth"]


def maxrss_mb() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_world(n: int) -> None:
    call_command("migrate", verbosity=0, interactive=False)
    catalog_load()
    province = Region.objects.create(name="安徽省", level=RegionLevel.PROVINCE)
    regions = []
    for c in range(16):
        city = Region.objects.create(
            name=f"第{c + 1:02d}市", level=RegionLevel.CITY, parent=province
        )
        regions.append(city)
        regions += Region.objects.bulk_create(
            Region(name=f"第{c + 1:02d}市第{k + 1}县", level="county", parent=city)
            for k in range(6)
        )
    indicators = list(Indicator.objects.order_by("pk"))
    plans = Document.objects.bulk_create(
        Document(
            name=f"plan-{i}.txt",
            sha256=f"{i:064d}",
            title=f"{regions[i].name}{2020 + i % 6}年科技工作要点",
            region=regions[i],
            kind=DocumentKind.PLAN,
            year=2020 + i % 6,
            text="(略)",
        )
        for i in range(len(regions))
    )
    evaluated = dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)

    def targets():
        i = 0
        for year in range(2020, 2040):
            for region_index, region in enumerate(regions):
                for indicator in indicators:
                    for measure in MEASURES:
                        if i == n:
                            return
                        status = STATUSES[i % 5]
                        money = indicator.norm_unit == "元"
                        percent = measure == "growth" or indicator.norm_unit == "%"
                        value = Decimal(10 + i % 90)
                        if percent:
                            unit, norm_unit, norm_value = "%", "%", value
                        elif money:
                            unit, norm_unit = "亿元", "元"
                            norm_value = value * 100_000_000
                        else:
                            unit, norm_unit, norm_value = indicator.unit, "count", value
                        has_actual = status != Status.NO_DATA
                        yield Target(
                            region=region,
                            indicator=indicator,
                            measure=measure,
                            period_start=dt.date(year, 1, 1),
                            period_end=dt.date(year, 12, 31),
                            comparator=">=",
                            value=value,
                            unit=unit,
                            norm_value=norm_value,
                            norm_unit=norm_unit,
                            plan=plans[region_index],
                            status=status,
                            provisional=i % 7 == 0,
                            progress=Decimal("0.8") + Decimal(i % 40) / 100
                            if has_actual
                            else None,
                            schedule_progress=Decimal("0.75")
                            if status in (Status.AT_RISK, Status.ON_TRACK)
                            else None,
                            actual_norm_value=norm_value * Decimal("1.02")
                            if has_actual
                            else None,
                            actual_period_start=dt.date(year, 1, 1)
                            if has_actual
                            else None,
                            actual_period_end=dt.date(year, 12, 31)
                            if has_actual
                            else None,
                            evaluated_at=evaluated,
                        )
                        i += 1

    batch: list[Target] = []
    made = 0
    for target in targets():
        batch.append(target)
        if len(batch) == BATCH:
            made += _save(batch)
            batch = []
    if batch:
        made += _save(batch)
    if made != n:
        raise SystemExit(f"only {made} unique targets could be generated")


def _save(batch: list[Target]) -> int:
    created = Target.objects.bulk_create(batch)
    Mention.objects.bulk_create(
        Mention(
            document_id=t.plan_id,
            kind=MentionKind.TARGET,
            start=t.pk * 10,
            end=t.pk * 10 + 30,
            # One in a thousand quotes starts like a formula, as real text can.
            quote=("=" if t.pk % 1000 == 0 else "")
            + f"到{t.period_start.year}年,{t.indicator.name}达到{t.value}{t.unit}以上",
            raw_value=t.value,
            unit=t.unit,
            target_id=t.pk,
        )
        for t in created
    )
    Flag.objects.bulk_create(
        Flag(target_id=t.pk, kind=FlagKind.MISSED, reason=f"目标{t}未完成")
        for t in created
        if t.status == Status.MISSED and t.pk % 4 == 0
    )
    return len(created)


def record_cells() -> tuple[list, list[tuple], int]:
    """Run the export once more with appends recorded instead of written: every
    sheet's cells exactly as the export hands them to openpyxl (value, style)."""
    sheets: dict[str, list] = {}
    style_ids: dict[tuple, int] = {}
    styles: list[tuple] = []
    original = WriteOnlyWorksheet.append

    def record(ws, row) -> None:
        cells = []
        for item in row:
            if item is None:
                cells.append(None)
            elif isinstance(item, Cell):
                key = tuple(item._style)
                style_id = style_ids.get(key)
                if style_id is None:
                    style_id = style_ids[key] = len(styles)
                    # Resolve the style through the recording workbook's tables.
                    styles.append(
                        (
                            copy(item.font),
                            copy(item.fill),
                            copy(item.alignment),
                            item.number_format,
                            copy(item.border),
                            item.quotePrefix,
                        )
                    )
                cells.append((item._value, style_id))
            else:
                cells.append((item, None))
        sheets.setdefault(ws.title, []).append(cells)

    WriteOnlyWorksheet.append = record
    try:
        scorecard_write(out=WORKDIR / "recording.xlsx")
    finally:
        WriteOnlyWorksheet.append = original
    return list(sheets.items()), styles


def bare_loop(sheets: list, styles: list[tuple], out: Path) -> None:
    """The ceiling for openpyxl: the same cells from ready Python lists, each style
    registered once and reused (the cheapest way openpyxl offers), unstyled cells
    as bare values."""
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        arrays = []
        for style in styles:
            template = Cell(ws, row=1, column=1)
            (
                template.font,
                template.fill,
                template.alignment,
                template.number_format,
                template.border,
                template.quotePrefix,
            ) = style
            arrays.append(template._style)
        append = ws.append
        for row in rows:
            out_row = []
            for item in row:
                if item is None:
                    out_row.append(None)
                    continue
                value, style_id = item
                if style_id is None:
                    out_row.append(value)
                else:
                    out_row.append(
                        Cell(
                            ws,
                            row=1,
                            column=1,
                            value=value,
                            style_array=arrays[style_id],
                        )
                    )
            append(out_row)
    wb.save(out)


def main() -> None:
    if "--build" in sys.argv:
        build_world(N)
        return
    started = time.perf_counter()
    # Build the data in a child process, so this process's peak RSS afterwards
    # reflects the export alone.
    subprocess.run([sys.executable, __file__, "--build", str(N)], check=True)
    print(f"setup: {N:,} targets in {time.perf_counter() - started:.1f}s", flush=True)
    try:
        measure(started)
    finally:
        shutil.rmtree(WORKDIR, ignore_errors=True)


def measure(started: float) -> None:
    out = WORKDIR / "scorecard.xlsx"
    gc.collect()
    rss_before = maxrss_mb()
    t0 = time.perf_counter()
    count = scorecard_write(out=out)
    export_seconds = time.perf_counter() - t0
    rss_growth = maxrss_mb() - rss_before
    assert count == N, count
    print(f"[{time.perf_counter() - started:.0f}s] export done", flush=True)

    traced_peak = None
    if "--traced" in sys.argv:
        gc.collect()
        tracemalloc.start()
        scorecard_write(out=WORKDIR / "scorecard-traced.xlsx")
        traced_peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()

    sheets, styles = record_cells()
    cells = sum(1 for _, rows in sheets for row in rows for item in row if item)
    print(f"[{time.perf_counter() - started:.0f}s] cells recorded", flush=True)
    gc.collect()
    t0 = time.perf_counter()
    bare_loop(sheets, styles, WORKDIR / "bare.xlsx")
    bare_seconds = time.perf_counter() - t0

    ratio = export_seconds / bare_seconds
    print(f"cells written: {cells:,} in {len(sheets)} sheets")
    print(f"export:    {export_seconds:6.2f}s  (scorecard_write, {count:,} targets)")
    print(f"bare loop: {bare_seconds:6.2f}s  (openpyxl write-only, same cells)")
    print(f"ratio:     {ratio:6.2f}x  (goal <= 1.5x)")
    print(
        f"peak memory: RSS growth during export (ru_maxrss delta) {rss_growth:.1f} MB"
        " (goal < 300 MB)"
    )
    if traced_peak is not None:
        print(f"peak memory: tracemalloc peak, second export run {traced_peak:.1f} MB")
    print(f"file size: {out.stat().st_size / 1024 / 1024:.1f} MB")
    print(f"total bench time: {time.perf_counter() - started:.1f}s")
    if ratio > 1.5 or rss_growth >= 300:
        print("GOAL MISSED")


if __name__ == "__main__":
    main()
