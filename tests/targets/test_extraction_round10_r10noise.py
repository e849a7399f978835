"""Round 10, r10noise: pages damaged as reposts damage them. Inline pinyin
glosses (生產(chǎn)) inside a list of items, and on a hard-wrapped page whose
lines the glosses make longer (simplify.move_glosses, wrap_breaks)."""

from __future__ import annotations

import pytest

from targets.extraction import extract
from targets.extraction.simplify import move_glosses, wrap_breaks
from tests.targets.corpus_invariance import gloss, kept


def _keys(text: str) -> list[tuple]:
    return [
        (r.indicator, r.measure, r.value, r.period)
        for r in extract(text, "x.txt").records
    ]


@pytest.mark.parametrize(
    ("glossed", "plain"),
    [
        # a gloss between an item and its 、 no longer cuts the list
        (
            "2024年,全市新能源汽車(chē)、工業機器人(rén)、光伏電池產量分別增長"
            "30.5%、18.2%和12.6%。",
            "2024年,全市新能源汽車、工業機器人、光伏電池產量分別增長30.5%、18.2%和12.6%。",
        ),
        (
            "2023年,小麥、玉米(mǐ)、大豆(dòu)產量分別增長2.1%、3.4%、5.2%。",
            "2023年,小麥、玉米、大豆產量分別增長2.1%、3.4%、5.2%。",
        ),
    ],
)
def test_glosses_inside_a_list_read_as_the_list(glossed: str, plain: str) -> None:
    records = extract(glossed, "x.txt").records
    assert all(glossed[r.start : r.end] == r.quote for r in records)
    assert len(_keys(plain)) == 3
    assert _keys(glossed) == _keys(plain)


def test_a_gloss_keeps_its_run_in_the_view() -> None:
    text = "汽車(chē)、工業機器人(rén)產量"
    view = move_glosses(text)
    assert len(view) == len(text)
    assert view.startswith("汽車、工業機器人產量")


def test_a_glossed_wrapped_page_is_still_wrapped() -> None:
    # Lines of one column, glossed after the wrap: the glosses take no column.
    line = "全市科技創新" * 6
    glossed = "全市(shì)科技創(chuàng)新" + "全市科技創新" * 5
    page = "\n".join([line, glossed, glossed, line, glossed, "目標"])
    assert len(wrap_breaks(page)) == 5


def test_corpus_pages_glossed_keep_their_records() -> None:
    # Every fifth simplified corpus page, glossed as a repost glosses it.
    n_kept, total = kept(gloss, 5)
    assert total > 1000
    assert n_kept / total >= FLOOR


# 0.956 (1,293 of 1,353) before the list and column rules, 0.963 after; with
# round 12's pages in the sample, 0.954 (1,502 of 1,575) at the round's end and
# 0.954 (1,504 of 1,577) for its starting engine 9c46e21: the new pages, not the
# round's rules, lower it.
FLOOR = 0.95
