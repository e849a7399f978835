"""Accuracy on the corpus of real published documents (tests/data/corpus).

1,347 documents from public government and news pages (province, city and county;
政府工作报告, 计划执行情况, 科技局 reports, news releases; several in Traditional
characters), annotated by hand before the engine was run on them
(blind scores in BLIND_*.md). The floors sit just under what the engine
reaches, so a change that makes real documents worse fails here.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targets.extraction import extract, load_catalog, load_document
from tests.targets.extraction_scoring import batch_of, read_jsonl, report, score

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
DOCS = sorted((CORPUS / "docs").glob("*.txt"))
SEEDS = ROOT / "seeds"
# The catalog the official scorer judges with (shared/spec/indicators.csv):
# indicator identity, and which unmatched actuals count against precision.
SCORING_CATALOG = ROOT / "tests" / "data" / "scoring_catalog.csv"
FG_FLOORS = (0.98, 0.985, 0.88, 0.935)
H_FLOORS = (0.97, 0.98, 0.93, 0.93)
I_FLOORS = (0.99, 0.98, 0.99, 0.83)
J_FLOORS = (0.98, 0.98, 0.95, 0.87)
K_FLOORS = (0.93, 0.99, 0.94, 0.91)
L_FLOORS = (0.97, 0.98, 0.97, 0.97)
M_FLOORS = (0.95, 0.95, 0.66, 0.80)
N_FLOORS = (0.79, 0.98, 0.62, 0.84)
P_FLOORS = (0.97, 0.92, 0.93, 0.905)
# Q: since round 13 襄阳's congress story (1月5日…会议上…) is read as reviewing
# 2022 and planning 2023, so its plan slogans (加快构建“1个4000亿级、4个1000亿级…”)
# are read as 2023 targets, which the gold does not list.
Q_FLOORS = (0.89, 0.95, 0.89, 0.74)
R_FLOORS = (0.75, 0.99, 0.99, 0.97)
S_FLOORS = (0.99, 0.955, 0.99, 0.85)
T_FLOORS = (0.31, 0.93, 0.74, 0.95)
U_FLOORS = (0.99, 0.98, 0.99, 0.98)
V_FLOORS = (0.87, 0.96, 0.87, 0.91)
W_FLOORS = (0.96, 0.985, 0.89, 0.975)
X_FLOORS = (0.99, 0.99, 0.99, 0.99)
# Round 6: Y and Z were scored blind at 0cdce02 and again after round 6's
# first pass (BLIND_Y.md, BLIND_Z.md); floors raised after the second pass
# (r6split2, r6time2, r6names2) worked on them.
Y_FLOORS = (0.99, 0.995, 0.93, 0.96)
Z_FLOORS = (0.99, 0.99, 0.64, 0.83)
# Batch E (E1 and E2, one prefix): scored blind at 0cdce02 and after the first
# two passes (BLIND_E1.md, BLIND_E2.md), worked on in the third; floors under
# what it reaches now.
E_FLOORS = (0.99, 0.98, 0.67, 0.88)
# Batch O (O, O2, O3, then O4 and O5, one prefix): O–O3 held out through the
# first three passes of round 6 and worked on in the fourth, O4 and O5 held out
# through all four (BLIND_O.md … BLIND_O5.md); floors under the end of round.
O_FLOORS = (0.99, 0.99, 0.95, 0.95)
# Round 7: RA, RB and RC scored blind at 52d3bfa (BLIND_RA.md … BLIND_RC.md),
# then worked on; floors under what they reach.
RA_FLOORS = (0.99, 0.99, 0.99, 0.99)
# RB: since round 14 沙坪坝's "工业增加值、进出口总额、一般公共预算收入、
# 税收收入等4项指标增长率均预计在30%左右" gives each catalog item the
# figure; the gold lists two of them (optional) and not 工业增加值, which now
# counts as an extra actual.
RB_FLOORS = (0.91, 0.99, 0.63, 0.95)
RC_FLOORS = (0.98, 0.99, 0.88, 0.98)
# RD: held out through round 7's first pass (BLIND_RD.md: the same score blind
# and after it), then worked on.
RD_FLOORS = (0.99, 0.99, 0.95, 0.89)
# RE and RF: held out through round 7's first two passes (BLIND_RE.md,
# BLIND_RF.md), then worked on.
RE_FLOORS = (0.99, 0.99, 0.87, 0.985)
RF_FLOORS = (0.99, 0.99, 0.99, 0.975)
# RG and RH: held out through all three passes of round 7 (BLIND_RG.md,
# BLIND_RH.md); floors at what the end of the round reaches on them.
RG_FLOORS = (0.81, 0.95, 0.81, 0.93)
RH_FLOORS = (0.83, 0.97, 0.23, 0.69)
# Round 8: RI, RL and RN scored blind at e6c5f72 (BLIND_RI.md, BLIND_RL.md,
# BLIND_RN.md), then worked on; floors under what they reach.
RI_FLOORS = (0.99, 0.995, 0.795, 0.785)
RL_FLOORS = (0.995, 0.95, 0.995, 0.72)
RN_FLOORS = (0.955, 0.96, 0.955, 0.835)
# RJ, RK and RM: round 8, held out through its first pass (BLIND_RJ.md,
# BLIND_RK.md, BLIND_RM.md: the same score blind and after it), then worked on.
RJ_FLOORS = (0.865, 0.955, 0.865, 0.715)
RK_FLOORS = (0.905, 0.97, 0.785, 0.745)
RM_FLOORS = (0.96, 0.965, 0.635, 0.915)
# RO and RP: round 8, held out through both its passes (BLIND_RO.md,
# BLIND_RP.md); floors at what the end of the round reaches on them (RO's
# usable actuals 0.916 after both passes, 0.935 after the fix of 8d491e7).
RO_FLOORS = (0.57, 0.93, 0.57, 0.93)
RP_FLOORS = (0.965, 0.99, 0.905, 0.96)
# Round 9: RQ … RV scored blind at 08e3a67 (BLIND_RQ.md … BLIND_RV.md); RR, RS,
# RU and RV worked on in its first pass, RQ and RT held out through it (the
# same score blind and after it), then worked on in the second; floors under
# the end of the round.
RQ_FLOORS = (0.995, 0.97, 0.795, 0.83)
RR_FLOORS = (0.905, 0.99, 0.905, 0.89)
RS_FLOORS = (0.995, 0.98, 0.995, 0.95)
RT_FLOORS = (0.965, 0.985, 0.91, 0.985)
RU_FLOORS = (0.95, 0.995, 0.855, 0.91)
RV_FLOORS = (0.955, 0.98, 0.795, 0.955)
# Round 10: SB (4 pages, annotated by the lead; BLIND_SB.md), scored blind at
# ded7c69 (targets 1.000 / 1.000, actuals 0.979 / 0.851), then worked on.
SB_FLOORS = (0.99, 0.97, 0.99, 0.92)
# SC (4 pages, by the lead; BLIND_SC.md): blind at ded7c69 1.000 / 1.000 for both.
SC_FLOORS = (0.99, 0.99, 0.99, 0.99)
# SE (11 pages, BLIND_SE.md): blind at ded7c69 targets 1.000 / 1.000, actuals
# 0.979 / 0.587; held out through the round (the same at its end); floors there.
SE_FLOORS = (0.99, 0.97, 0.99, 0.58)
# SD (5 of its 7 pages: two 商洛 pages that name 镇安 in passing were left out),
# blind at ded7c69 targets 0.933 / 0.533, actuals 0.976 / 0.976; held out
# through the round (the same at its end). Its 4 pair cases fail (邛崃's
# targets read as 成都's), so it has no pairs floor yet.
SD_FLOORS = (0.92, 0.96, 0.52, 0.96)
# Round 12: seven batches by seven annotators, all scored blind at 9c46e21
# (BLIND_TA.md … BLIND_TG.md). TA, TB and TC (41 pages) were worked on; TD,
# TE, TF and TG (55 pages) were held out until the round's work on the others
# was done (measured then at targets 0.681 / 0.507, actuals 0.960 / 0.765),
# then worked on; the floors are the level at the round's end.
TA_FLOORS = (0.99, 0.99, 0.99, 0.845)
TB_FLOORS = (0.99, 0.99, 0.99, 0.86)
# TC: 正定's and 怀安's targets name no place in their text (the gold's region
# comes from the page's address), so usable target F1 stays low.
TC_FLOORS = (0.9, 0.97, 0.29, 0.885)
TD_FLOORS = (0.655, 0.98, 0.655, 0.775)
TE_FLOORS = (0.83, 0.97, 0.71, 0.915)
TF_FLOORS = (0.855, 0.975, 0.52, 0.77)
TG_FLOORS = (0.99, 0.98, 0.915, 0.765)
# TH, TI and TJ (39 pages by three more helpers), scored blind at the round's
# end engine (5849974, frozen while they were annotated): targets 0.923 / 0.527,
# actuals 0.993 / 0.859, pairs 11/17; the round's starting engine 9c46e21
# scores them the same (0.923 / 0.527, 0.993 / 0.862, 11/17). One kind seen on
# TJ (an addressed congress, 新建区域) was then fixed.
TH_FLOORS = (0.925, 0.98, 0.925, 0.73)
TI_FLOORS = (0.865, 0.965, 0.55, 0.84)
TJ_FLOORS = (0.95, 0.99, 0.58, 0.955)
# Round 13: TK, TL, TM and TN (41 pages by four helpers), scored blind at the
# round's starting engine 9531eb4 (neutral file names): targets 0.821 / 0.821,
# actuals 0.989 / 0.536, pairs 13/19; then worked on. TK holds no target (its
# target floors are 0); TN's five pages and TK's 射洪 page never name their
# place (the gold's region is the site's), so their usable actuals stay low.
TK_FLOORS = (0.0, 0.945, 0.0, 0.335)
TL_FLOORS = (0.74, 0.965, 0.74, 0.825)
TM_FLOORS = (0.99, 0.99, 0.99, 0.90)
TN_FLOORS = (0.895, 0.98, 0.895, 0.475)
# TO, TP, TQ and TR (52 pages by four more helpers), scored blind at the
# mid-round engine eb7f9f4: targets 0.839 / 0.274, actuals 0.971 / 0.890,
# pairs 11/21; then worked on. TQ's two target pages and TO's 深圳 高新区 plan
# (read as 深圳市) keep usable targets low.
TO_FLOORS = (0.99, 0.955, 0.43, 0.61)
TP_FLOORS = (0.99, 0.99, 0.99, 0.99)
TQ_FLOORS = (0.89, 0.98, 0.0, 0.875)
TR_FLOORS = (0.99, 0.99, 0.99, 0.99)
# TS, TT, TU and TV (53 pages by four more helpers), annotated once the round's
# work was done and scored blind at its engine 204cf08: targets 0.745 / 0.524,
# actuals 0.947 / 0.824, pairs 18/27 (the round's starting engine 9531eb4
# scores them the same). Two kinds seen there were then fixed (a congress story
# early in the year that reviews the year before).
# TS: since round 14 法库's "A、B、C等主要经济指标同比增长30%以上" gives each item
# its record; the page names no year for 到年末, so their period stays None.
TS_FLOORS = (0.69, 0.93, 0.575, 0.735)
TT_FLOORS = (0.845, 0.955, 0.70, 0.89)
TU_FLOORS = (0.79, 0.93, 0.59, 0.40)
TV_FLOORS = (0.99, 0.98, 0.54, 0.955)

# Round 14: twelve batches by twelve annotators, all scored blind at the
# round's starting engine 9684d35 (frozen17, neutral file names). TW, TX, TY
# and TZ (47 pages) were worked on first: blind targets 0.740 / 0.610, actuals
# 0.939 / 0.763, pairs 13/24. UA, UB, UC and UD (47 pages) were held out
# through that pass (the same targets 0.832 / 0.599 after it, actuals 0.969 /
# 0.827 → 0.836, pairs 23/31 both), then worked on; VA, VB, VC and VD (47
# pages; VD without its five 罗湖 pages, 罗湖 being VB's) were held out through
# both passes (blind targets 0.844 / 0.649, actuals 0.944 / 0.663, pairs
# 20/49; after them 0.880 / 0.676, 0.950 / 0.670, 20/49), then worked on.
# TX's and UC's pages hold almost no targets; VD's 芙蓉 page names no year
# and 越秀's glossed lead-in hides its 前三季度, so its usable figures stay low.
TW_FLOORS = (0.89, 0.97, 0.825, 0.785)
TX_FLOORS = (0.24, 0.92, 0.24, 0.855)
TY_FLOORS = (0.99, 0.98, 0.63, 0.66)
TZ_FLOORS = (0.96, 0.945, 0.88, 0.92)
UA_FLOORS = (0.99, 0.97, 0.99, 0.795)
UB_FLOORS = (0.815, 0.93, 0.575, 0.705)
UC_FLOORS = (0.0, 0.975, 0.0, 0.975)
UD_FLOORS = (0.87, 0.96, 0.87, 0.96)
VA_FLOORS = (0.99, 0.93, 0.935, 0.69)
VB_FLOORS = (0.97, 0.98, 0.805, 0.685)
VC_FLOORS = (0.845, 0.93, 0.805, 0.865)
VD_FLOORS = (0.775, 0.95, 0.715, 0.675)
# Round 15: WA–WD scored blind at 02577ee and worked on first; XA–XD held out
# through that work (unchanged by it), then worked on; YA–YD held out through
# all of it (unchanged by it), then three of its kinds worked on at the end
# (BLIND_WA.md … BLIND_YD.md).
WA_FLOORS = (0.915, 0.97, 0.0, 0.89)
WB_FLOORS = (0.825, 0.96, 0.825, 0.745)
WC_FLOORS = (0.79, 0.94, 0.79, 0.815)
WD_FLOORS = (0.99, 0.99, 0.99, 0.965)
XA_FLOORS = (0.915, 0.99, 0.345, 0.88)
XB_FLOORS = (0.875, 0.92, 0.59, 0.71)
XC_FLOORS = (0.755, 0.945, 0.065, 0.93)
XD_FLOORS = (0.55, 0.96, 0.31, 0.715)
YA_FLOORS = (0.68, 0.885, 0.335, 0.74)
YB_FLOORS = (0.92, 0.97, 0.92, 0.97)
YC_FLOORS = (0.74, 0.945, 0.445, 0.235)
YD_FLOORS = (0.925, 0.99, 0.8, 0.475)


def _predict(folder: Path, names: set[str]) -> list[dict]:
    pred = []
    for name in sorted(names):
        loaded = load_document(folder / name)
        # A neutral name: the corpus names carry the year and place the annotator
        # read, which the engine would take as a hint (a text naming no year takes
        # its file name's).
        neutral = "document" + Path(name).suffix
        for r in extract(loaded.text, neutral).records:
            assert loaded.text[r.start : r.end] == r.quote
            pred.append(r.to_json() | {"doc": name})
    return pred


@pytest.mark.parametrize(
    ("folder", "gold_file", "batches", "floors"),
    [
        # plain target, plain actual, usable target, usable actual
        (SEEDS, ROOT / "tests" / "data" / "seeds.jsonl", "", (0.99, 0.99, 0.98, 0.99)),
        # Batches A–D: the corpus the engine was generalised on in round 3.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "a b c d", (0.965, 0.98, 0.85, 0.90)),
        # Batches F and G: added in round 4, held out until their blind score
        # (BLIND_F.md, BLIND_G.md) was taken; the kinds of error seen were then
        # worked on, so they are development data now.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "f g", FG_FLOORS),
        # Batch H: held out through round 4's second pass (BLIND_H.md), then
        # worked on.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "h", H_FLOORS),
        # Batch I: held out through round 4's third pass (BLIND_I.md), then
        # worked on.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "i", I_FLOORS),
        # Batch J: held out through round 4's fourth pass (BLIND_J.md), then
        # worked on.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "j", J_FLOORS),
        # Batch K: held out through round 4's fifth pass (BLIND_K.md), then
        # worked on.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "k", K_FLOORS),
        # Batch L: held out through all of round 4's work on F–K (BLIND_L.md),
        # then worked on last.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "l", L_FLOORS),
        # Batches M, N and P: round 5, held out until their blind score
        # (BLIND_M.md, BLIND_N.md, BLIND_P.md), then worked on (M and N first).
        (CORPUS / "docs", CORPUS / "gold.jsonl", "m", M_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "n", N_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "p", P_FLOORS),
        # Batches Q and R: round 5, held out through the work on M and N
        # (BLIND_Q.md, BLIND_R.md), then worked on.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "q", Q_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "r", R_FLOORS),
        # Batches S, T, U and V: round 5, held out through the work on M–R
        # (BLIND_S.md … BLIND_V.md), then worked on.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "s", S_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "t", T_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "u", U_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "v", V_FLOORS),
        # Batches W and X: held out through all of round 5 (BLIND_W.md,
        # BLIND_X.md), then worked on in round 6.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "w", W_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "x", X_FLOORS),
        # Batches Y and Z: round 6, held out through its first pass, then
        # worked on.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "y", Y_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "z", Z_FLOORS),
        # Batch E: round 6, held out through its first two passes.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "e", E_FLOORS),
        # Batch O: round 6, held out through all three passes.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "o", O_FLOORS),
        # Batches RA, RB and RC: round 7, scored blind at its start.
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ra", RA_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rb", RB_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rc", RC_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rd", RD_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "re", RE_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rf", RF_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rg", RG_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rh", RH_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ri", RI_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rl", RL_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rn", RN_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rj", RJ_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rk", RK_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rm", RM_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ro", RO_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rp", RP_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rq", RQ_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rr", RR_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rs", RS_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rt", RT_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ru", RU_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "rv", RV_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "sb", SB_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "sc", SC_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "se", SE_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "sd", SD_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ta", TA_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tb", TB_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tc", TC_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "td", TD_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "te", TE_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tf", TF_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tg", TG_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "th", TH_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ti", TI_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tj", TJ_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tk", TK_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tl", TL_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tm", TM_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tn", TN_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "to", TO_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tp", TP_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tq", TQ_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tr", TR_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ts", TS_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tt", TT_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tu", TU_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tv", TV_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tw", TW_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tx", TX_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ty", TY_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "tz", TZ_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ua", UA_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ub", UB_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "uc", UC_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ud", UD_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "va", VA_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "vb", VB_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "vc", VC_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "vd", VD_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "wa", WA_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "wb", WB_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "wc", WC_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "wd", WD_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "xa", XA_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "xb", XB_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "xc", XC_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "xd", XD_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "ya", YA_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "yb", YB_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "yc", YC_FLOORS),
        (CORPUS / "docs", CORPUS / "gold.jsonl", "yd", YD_FLOORS),
    ],
    ids=[
        "seeds",
        "corpus-a-d",
        "corpus-f-g",
        "corpus-h",
        "corpus-i",
        "corpus-j",
        "corpus-k",
        "corpus-l",
        "corpus-m",
        "corpus-n",
        "corpus-p",
        "corpus-q",
        "corpus-r",
        "corpus-s",
        "corpus-t",
        "corpus-u",
        "corpus-v",
        "corpus-w",
        "corpus-x",
        "corpus-y",
        "corpus-z",
        "corpus-e",
        "corpus-o",
        "corpus-ra",
        "corpus-rb",
        "corpus-rc",
        "corpus-rd",
        "corpus-re",
        "corpus-rf",
        "corpus-rg",
        "corpus-rh",
        "corpus-ri",
        "corpus-rl",
        "corpus-rn",
        "corpus-rj",
        "corpus-rk",
        "corpus-rm",
        "corpus-ro",
        "corpus-rp",
        "corpus-rq",
        "corpus-rr",
        "corpus-rs",
        "corpus-rt",
        "corpus-ru",
        "corpus-rv",
        "corpus-sb",
        "corpus-sc",
        "corpus-se",
        "corpus-sd",
        "corpus-ta",
        "corpus-tb",
        "corpus-tc",
        "corpus-td",
        "corpus-te",
        "corpus-tf",
        "corpus-tg",
        "corpus-th",
        "corpus-ti",
        "corpus-tj",
        "corpus-tk",
        "corpus-tl",
        "corpus-tm",
        "corpus-tn",
        "corpus-to",
        "corpus-tp",
        "corpus-tq",
        "corpus-tr",
        "corpus-ts",
        "corpus-tt",
        "corpus-tu",
        "corpus-tv",
        "corpus-tw",
        "corpus-tx",
        "corpus-ty",
        "corpus-tz",
        "corpus-ua",
        "corpus-ub",
        "corpus-uc",
        "corpus-ud",
        "corpus-va",
        "corpus-vb",
        "corpus-vc",
        "corpus-vd",
        "corpus-wa",
        "corpus-wb",
        "corpus-wc",
        "corpus-wd",
        "corpus-xa",
        "corpus-xb",
        "corpus-xc",
        "corpus-xd",
        "corpus-ya",
        "corpus-yb",
        "corpus-yc",
        "corpus-yd",
    ],
)
def test_usable_f1_floors(
    folder: Path, gold_file: Path, batches: str, floors: tuple
) -> None:
    cat = load_catalog(SCORING_CATALOG)
    gold = [
        g
        for g in read_jsonl(gold_file)
        if not batches or batch_of(g["doc"]) in batches.split()
    ]
    # Every document of the batch is read, also one with no gold record (a page
    # of no figures): whatever the engine finds there counts against it.
    names = {
        p.name
        for p in folder.glob("*.txt")
        if not batches or batch_of(p.name) in batches.split()
    }
    scores = score(gold, _predict(folder, names), cat)
    t, a = scores["target"], scores["actual"]
    detail = report(scores, cat)
    print(
        f"{folder.name} {batches}: F1 {t.f1:.3f}/{a.f1:.3f} usable {t.usable_f1:.3f}/"
        f"{a.usable_f1:.3f}"
    )
    assert t.f1 >= floors[0] and a.f1 >= floors[1], detail
    assert t.usable_f1 >= floors[2] and a.usable_f1 >= floors[3], detail


def test_corpus_is_complete_and_sourced() -> None:
    gold = read_jsonl(CORPUS / "gold.jsonl")
    names = {p.name for p in DOCS}
    # A page with no figure has no gold record; every page has its source.
    assert len(names) >= 40 and {g["doc"] for g in gold} <= names
    with (CORPUS / "sources.csv").open(encoding="utf-8", newline="") as f:
        sources = list(csv.DictReader(f))
    assert len(sources) == len(names)
    assert {row["doc"] for row in sources} == names
    # A page the search store kept without its address says so in its notes.
    assert {row["url"][:4] for row in sources if row["url"]} == {"http"}
    assert all(
        re.search(r"no (?:url|address)", row["notes"], re.IGNORECASE)
        for row in sources
        if not row["url"]
    )
    links = [json.loads(line) for line in (CORPUS / "links.jsonl").open()]
    pairs = {(x["plan"], x["report"]) for x in links}
    assert len(pairs) >= 8 and all(p in names and r in names for p, r in pairs)


TEXTS = [load_document(p).text for p in DOCS]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(TEXTS),
    st.integers(0, 4000),
    st.integers(200, 3000),
)
def test_any_slice_of_a_real_document_reads_without_error(
    text: str, start: int, length: int
) -> None:
    piece = text[start % max(1, len(text)) :][:length]
    for r in extract(piece, "slice.txt").records:
        assert r.quote == piece[r.start : r.end]
