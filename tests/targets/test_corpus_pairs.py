"""Real plan→report pairs from tests/data/corpus/, judged end to end."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from django.db import transaction

from tests.targets import corpus_pairs
from tests.targets.extraction_scoring import batch_of

# The share of cases judged right, by batch (the plan's file-name prefix;
# space-separated where several batches share a floor); set just under what the
# engine reaches, so a regression fails. The goal is 0.85.
# Each round-4 batch joined after its blind score (BLIND_F.md … BLIND_L.md):
# F–G 22 of 31 right, H 13 of its 25 cases (before one page was left out),
# I 11 of 15, J 12 of 18, K 18 of 20, L 5 of 7; round 5: M 4 of 9, N 11 of 20,
# P 7 of 7, Q 10 of 11, R 0 of 1; S 5 of 5, T 2 of 2, U 0 of 4, V 7 of 8;
# W 3 of 5, X 10 of 10; round 6: Y 13 of 13, Z 7 of 11, E 21 of 31 (E1 and E2),
# O 28 of 51 (O, O2, O3), O4 and O5 22 of 31; round 7: RA 7 of 8, RB 5 of 21,
# RC 4 of 18, RD 12 of 13, RE 6 of 10, RF 0 of 4, RG 16 of 17, RH 4 of 8;
# round 8 (blind at e6c5f72): RI 9 of 9, RL 9 of 10, RN 0 of 7;
# held out through its first pass: RJ 4 of 11, RK 3 of 13, RM 5 of 12;
# held out through both passes: RO 9 of 9, RP 11 of 12.
FLOORS = {
    "a b c d": 0.84,
    "f g": 0.85,
    "h": 0.95,
    "i": 0.95,
    "j": 0.95,
    "k": 0.85,
    "l": 0.85,
    "m": 0.95,
    "n": 0.95,
    "p": 0.95,
    "q": 0.95,
    # R has one case (its plan's target was read as an actual at first).
    "r": 0.95,
    "s": 0.95,
    "t": 0.95,
    "u": 0.95,
    "v": 0.85,
    "w": 0.95,
    "x": 0.95,
    "y": 0.95,
    "z": 0.6,
    "e": 0.85,
    "o": 0.85,
    "ra": 0.99,
    "rb": 0.5,
    "rc": 0.85,
    "rd": 0.99,
    "re": 0.55,
    "rf": 0.7,
    "rg": 0.9,
    "rh": 0.5,
    "ri": 0.99,
    "rl": 0.99,
    # RN: its one pair's plan was read as actuals blind (0 of 7), 7 of 7 now.
    "rn": 0.99,
    # RJ: three of its trap cases expect no_data where the plan page itself
    # holds the year's results (BLIND_RJ.md); the gold is kept as written.
    "rj": 0.66,
    "rk": 0.53,
    "rm": 0.75,
    "ro": 0.99,
    "rp": 0.9,
    # Round 9 (blind: RQ 5/5, RR 2/12, RS 0/8, RT 1/7, RU 0/5, RV 3/6). RR's
    # 淮南 cases: the plan page's own half-year cells answer the year's targets.
    "rq": 0.99,
    "rr": 0.41,
    "rs": 0.74,
    "rt": 0.85,
    "ru": 0.99,
    "rv": 0.99,
    # Round 10: SB 4 of 4 blind (all traps), SC 1 of 1, SE 6 of 6.
    "sb": 0.99,
    "sc": 0.99,
    "se": 0.99,
    # Round 12 (all scored blind at 9c46e21): TA, TB and TC worked on; TD, TE
    # and TG held out through the round's work on the others, then worked on.
    # TF's six cases (all traps) are right in 1: the 延边 and 葫芦岛 targets are
    # not found under the indicator and period the cases name (延边仍将力保…,
    # 增速需要年均7%以上), so it has no floor yet.
    "ta": 0.59,
    "tb": 0.99,
    "tc": 0.59,
    "td": 0.59,
    "te": 0.88,
    "tg": 0.71,
    "th": 0.99,
    "ti": 0.74,
    "tj": 0.79,
    # Round 13 (blind at 9531eb4: TL 6/6, TM 3/9, TN 4/4; TK has no case). TM's
    # one miss is a trap that expects no_data where the plan page itself tells
    # the year's result (完成年计划710亿元的89.4%); the gold is kept as written.
    "tl": 0.99,
    "tm": 0.87,
    "tn": 0.99,
    # TO, TP, TQ and TR, blind at the mid-round engine eb7f9f4:
    # TO 3/3, TP 3/3, TQ 0/6, TR 5/9. TQ's 滨海新区 and 辽中区 target pages never
    # name their district (the gold's region is the site's), and its 卢氏 case
    # names a planned project investment, so it has no floor.
    "to": 0.99,
    "tp": 0.99,
    "tr": 0.99,
    # TS, TT, TU and TV, annotated at the round's end and scored blind at its
    # engine 204cf08: TS 7/9, TT 5/8, TU 1/5, TV 5/5 (18/27).
    "ts": 0.77,
    "tt": 0.62,
    "tu": 0.59,
    "tv": 0.99,
    # Round 14 (blind at 9684d35: TW 4/5, TX 0/3, TY 2/4, TZ 7/12, UA 5/5,
    # UB 7/12, UD 11/14, VA 9/12, VB 3/15, VC 8/20, VD 0/2 of its kept cases).
    "tw": 0.75,
    "tz": 0.99,
    "ua": 0.99,
    "ub": 0.55,
    "ud": 0.75,
    "va": 0.8,
    "vb": 0.45,
    "vc": 0.9,
    "vd": 0.99,
    # Round 15 (blind at 02577ee: WA 0/13, WB 7/15, WC 4/10, WD 11/13; XA 0/12,
    # XB 7/17, XC 2/12, XD 1/10; YA 4/14, YB 10/13, YC 6/10, YD 2/15). WA's
    # target page is a zone's (临沂临港经济开发区), XA's a town's (安宜镇) and a
    # county page that never names its county: no floor.
    "wb": 0.75,
    "wc": 0.75,
    "wd": 0.8,
    "xb": 0.4,
    "xc": 0.15,
    "xd": 0.25,
    # YA's 2024 execution report now reads its own 预计全年 estimate of 2024 as an
    # actual, so two traps (another page must not answer) are answered by the
    # plan page itself: "met" where the gold expects no_data.
    "ya": 0.2,
    "yb": 0.99,
    "yc": 0.55,
    "yd": 0.35,
}


def test_real_plan_report_pairs_are_judged_right(catalog):
    # DABIAO_PAIRS_CORPUS points the harness at another corpus folder of the same
    # layout (docs/, links.jsonl, sources.csv), such as a held-out batch.
    corpus = Path(os.environ.get("DABIAO_PAIRS_CORPUS") or corpus_pairs.CORPUS)
    published = corpus_pairs.load_published(corpus)
    results = []
    for (plan, report), cases in corpus_pairs.pairs(
        corpus_pairs.load_cases(corpus)
    ).items():
        today = published.get(report, dt.date(2026, 1, 1)) + dt.timedelta(days=1)
        with transaction.atomic():
            results += corpus_pairs.judge_pair(plan, report, cases, corpus, today)
            transaction.set_rollback(True)
    print("\n" + corpus_pairs.table(results))
    if corpus != corpus_pairs.CORPUS:
        return  # a measurement of another folder: the table is the result
    assert len(results) >= 40
    for batches, floor in FLOORS.items():
        mine = [r for r in results if batch_of(r.case["plan"]) in batches.split()]
        right = sum(r.right for r in mine) / len(mine)
        print(f"batches {batches}: {sum(r.right for r in mine)}/{len(mine)} right")
        assert right >= floor, batches
