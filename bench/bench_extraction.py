r"""Extraction throughput on one core, next to the ceiling of a single regex scan.

Run: python bench/bench_extraction.py [--mb 5] [--rounds 3]

Builds >= 5 MB of text from the seeds, our own test documents and the corpus of
real documents (repeated), with the full catalog and gazetteer loaded,
extracts it document by document, and prints chars/s, MB/s and the ratio to a
compiled `\d+(?:\.\d+)?` scan over the same text in the same run. Times are CPU
seconds of this process (time.process_time), best of a few rounds, so other work
on a busy machine skews them less than wall-clock time would.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from targets.extraction import extract, load_catalog, load_document  # noqa: E402


def corpus() -> list[tuple[str, str]]:
    docs = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        docs.append((path.name, path.read_text(encoding="utf-8")))
    own = ROOT / "tests" / "data" / "extraction"
    for path in sorted(own.iterdir()):
        if path.suffix in (".txt", ".docx", ".html"):
            docs.append((path.name, load_document(path).text))
    # The corpus of real documents (province, city, county; news, reports,
    # Traditional pages), so the mix matches what the engine meets.
    for path in sorted((ROOT / "tests" / "data" / "corpus" / "docs").glob("*.txt")):
        docs.append((path.name, load_document(path).text))
    return docs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--mb", type=float, default=5.0, help="megabytes of text to process"
    )
    ap.add_argument(
        "--rounds", type=int, default=3, help="timed rounds; the best is kept"
    )
    ap.add_argument(
        "--dense",
        type=int,
        default=300_000,
        help="percentages in the record-dense case (issue 16)",
    )
    args = ap.parse_args()
    base = corpus()
    target = int(args.mb * 1_000_000)
    docs: list[tuple[str, str]] = []
    size = 0
    i = 0
    while size < target:
        name, text = base[i % len(base)]
        docs.append((f"{i:05d}_{name}", text))
        size += len(text.encode("utf-8"))
        i += 1
    chars = sum(len(t) for _, t in docs)
    load_catalog()  # compile the alias trie outside the timing
    extract(docs[0][1], "warmup")

    # Best of a few rounds: other work on the machine only ever slows a round down.
    engine_s = regex_s = float("inf")
    number = re.compile(r"\d+(?:\.\d+)?")
    for _ in range(args.rounds):
        t0 = time.process_time()
        records = 0
        for name, text in docs:
            records += len(extract(text, name).records)
        engine_s = min(engine_s, time.process_time() - t0)

        t0 = time.process_time()
        hits = 0
        for _, text in docs:
            hits += sum(1 for _ in number.finditer(text))
        regex_s = min(regex_s, time.process_time() - t0)

    engine_cps = chars / engine_s
    regex_cps = chars / regex_s
    print(f"corpus: {len(docs)} documents, {chars:,} chars, {size / 1e6:.2f} MB UTF-8")
    print(
        f"extract: {engine_s:.2f} s, {engine_cps / 1e6:.2f} M chars/s, "
        f"{size / engine_s / 1e6:.2f} MB/s, {records:,} records"
    )
    print(
        f"regex \\d+(?:\\.\\d+)? scan (ceiling): {regex_s:.3f} s, "
        f"{regex_cps / 1e6:.1f} M chars/s, "
        f"{size / regex_s / 1e6:.1f} MB/s, {hits:,} numbers"
    )
    print(f"ratio engine/ceiling: {engine_cps / regex_cps:.3f}")
    print(f"target >= 2 MB/s: {'met' if size / engine_s >= 2e6 else 'NOT met'}")
    dense(args.dense)
    return 0


def dense_text(count: int) -> str:
    """Record-dense text (issue 16): `count` percentages, four bytes each
    (`12%,`), thirty to a line under one indicator, as a table of monthly
    growth rates flattened to prose would give them."""
    lines = ["某市2024年经济运行月度数据"]
    per_line = 30
    for i in range(0, count, per_line):
        values = ",".join(
            f"{(i + j) % 90 + 10}%" for j in range(min(per_line, count - i))
        )
        lines.append(f"规上工业增加值各月分别增长{values}。")
    return "\n".join(lines)


def dense(count: int) -> None:
    """The record-dense case at a quarter and at full size: MB/s, records, and
    the per-record time ratio (1.0 = linear)."""
    if count <= 0:
        return
    number = re.compile(r"\d+(?:\.\d+)?")
    per_record = []
    mbps = 0.0
    for n in (count // 4, count):
        text = dense_text(n)
        size = len(text.encode("utf-8"))
        t0 = time.process_time()
        records = len(extract(text, "dense.txt").records)
        engine_s = time.process_time() - t0
        t0 = time.process_time()
        sum(1 for _ in number.finditer(text))
        regex_s = time.process_time() - t0
        per_record.append(engine_s / max(records, 1))
        mbps = size / engine_s / 1e6
        print(
            f"record-dense {n:,} percentages, {size / 1e6:.2f} MB: {engine_s:.2f} s, "
            f"{size / engine_s / 1e6:.2f} MB/s, {records:,} records, "
            f"ratio engine/ceiling {regex_s / engine_s:.4f}"
        )
    print(
        f"record-dense linearity (per-record time, full / quarter): "
        f"{per_record[1] / per_record[0]:.2f}"
    )
    print(f"record-dense target >= 2 MB/s: {'met' if mbps >= 2 else 'NOT met'}")


if __name__ == "__main__":
    raise SystemExit(main())
