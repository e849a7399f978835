"""Real plan→report pairs from tests/data/corpus/, judged end to end."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from tests.targets import corpus_pairs

# The share of cases judged right; set just under what the engine reaches, so a
# regression fails. The goal is 0.85.
FLOOR = 0.80


def test_real_plan_report_pairs_are_judged_right(catalog):
    published = corpus_pairs.load_published()
    results = []
    for (plan, report), cases in corpus_pairs.pairs(corpus_pairs.load_cases()).items():
        today = published.get(report, dt.date(2026, 1, 1)) + dt.timedelta(days=1)
        with transaction.atomic():
            results += corpus_pairs.judge_pair(
                plan, report, cases, corpus_pairs.CORPUS, today
            )
            transaction.set_rollback(True)
    print("\n" + corpus_pairs.table(results))
    right = sum(r.right for r in results) / len(results)
    assert len(results) >= 40
    assert right >= FLOOR
