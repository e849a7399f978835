"""Place names in Traditional reposts: the simplified view gives back every
gazetteer name that OpenCC's s2t writes in Traditional characters, so a
repost of a 浚县 page (濬縣) speaks for 浚县."""

from __future__ import annotations

import csv

import opencc

from targets.extraction import extract
from targets.extraction.regions import DATA
from targets.extraction.simplify import to_simplified


def test_every_gazetteer_name_survives_traditional_and_back() -> None:
    s2t = opencc.OpenCC("s2t").convert
    with DATA.open(encoding="utf-8", newline="") as f:
        names = sorted({row["name"] for row in csv.DictReader(f)})
    assert len(names) > 3000
    lost = [n for n in names if to_simplified(s2t(n)) != n]
    assert lost == []


def test_a_traditional_county_page_keeps_its_county() -> None:
    page = "濬縣2023年政府工作報告\n全縣地區生產總值增長6%左右。"
    assert {r.region for r in extract(page, "x.txt").records} == {"浚县"}
    assert to_simplified("濬河") == "浚河"  # same length, one for one
