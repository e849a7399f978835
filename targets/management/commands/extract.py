"""`manage.py extract FILE [FILE ...] [--json]`: run the extraction engine on files.

A thin adapter over targets.extraction: JSON Lines on stdout with --json, a
readable table otherwise; one line on stderr per unusable file, and exit status
1 when any file failed (the others are still processed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from targets.extraction import LoadError, extract, load_document

_KIND = {"target": "目标", "actual": "实绩"}
_MEASURE = {
    "level": "水平",
    "increase": "增量",
    "growth": "增速",
    "change_pp": "百分点变化",
}


class Command(BaseCommand):
    help = (
        "从计划/总结文档中抽取目标与实绩 / extract targets and actuals from documents"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--json", action="store_true", help="JSON Lines on stdout")
        parser.add_argument(
            "--region", help="override the detected region, e.g. 南昌市"
        )
        parser.add_argument(
            "--year", type=int, help="override the detected plan/report year"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        hint = {k: options[k] for k in ("region", "year") if options.get(k)}
        failed = 0
        for name in options["files"]:
            try:
                loaded = load_document(name)
                result = extract(loaded.text, Path(name).name, info_hint=hint or None)
            except (LoadError, ValueError) as e:
                failed += 1
                self.stderr.write(f"extract: {name}: {_one_line(str(e))}")
                continue
            except Exception as e:  # one bad file never stops the others
                failed += 1
                reason = _one_line(f"{type(e).__name__}: {e}")
                self.stderr.write(
                    f"extract: {name}: 抽取失败 / extraction failed: {reason}"
                )
                continue
            if options["json"]:
                for record in result.records:
                    self.stdout.write(json.dumps(record.to_json(), ensure_ascii=False))
            else:
                self._table(name, loaded.fmt, loaded.encoding, result)
        if failed:
            self.stdout.flush()
            sys.exit(1)

    def _table(self, name: str, fmt: str, encoding: str, result: Any) -> None:
        info = result.info
        w = self.stdout.write
        w(f"== {name}  [{fmt}, {encoding}]")
        w(
            f"   标题: {info.title or '-'}  地区: {info.region or '-'}  "
            f"年份: {info.year or '-'}  类型: {info.kind}  记录: {len(result.records)}"
        )
        if not result.records:
            return
        w("   " + _row("类别", "指标", "口径", "比较", "数值", "期间", "原文"))
        for r in result.records:
            flags = [f for f, on in _FLAGS if getattr(r, on)]
            quote = r.quote[:40] + (" [" + ",".join(flags) + "]" if flags else "")
            w(
                "   "
                + _row(
                    _KIND[r.kind],
                    r.indicator,
                    _MEASURE[r.measure],
                    r.comparator,
                    f"{r.value}{r.unit}",
                    r.period or "-",
                    quote,
                )
            )


def _one_line(s: str) -> str:
    return " ".join(s.split())[:300]


_FLAGS = (("力争", "stretch"), ("预计", "estimate"), ("每年", "recurring"))
_WIDTHS = (4, 28, 10, 4, 14, 16)


def _row(*cells: str) -> str:
    return "  ".join(
        [_pad(c, w) for c, w in zip(cells, _WIDTHS, strict=False)] + [cells[-1]]
    )


def _pad(s: str, width: int) -> str:
    # East Asian characters take two columns in a terminal.
    cols = sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)
    return s + " " * max(0, width - cols)
