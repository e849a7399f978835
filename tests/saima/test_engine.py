"""The 赛马 engine against hand-computed ranks and scores (no database)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saima import engine
from saima.engine import IndicatorResult, IndicatorSpec

D = Decimal


@pytest.mark.parametrize(
    ("values", "higher", "expected"),
    [
        (
            {"A": D(10), "B": D(8), "C": D(8), "D": D(5)},
            True,
            {"A": 1, "B": 2, "C": 2, "D": 4},
        ),
        (
            {"A": D(10), "B": D(8), "C": D(8), "D": D(5)},
            False,
            {"D": 1, "B": 2, "C": 2, "A": 4},
        ),
        ({"A": D(1), "B": D(1), "C": D(1)}, True, {"A": 1, "B": 1, "C": 1}),
        ({"A": D("2.50"), "B": D("2.5")}, True, {"A": 1, "B": 1}),
        ({}, True, {}),
    ],
)
def test_competition_ranks_share_a_rank_and_skip_the_next(values, higher, expected):
    assert engine.competition_ranks(values, higher_is_better=higher) == expected


def _spec(
    method: str, weight: int, direction: str = engine.HIGHER, **kw
) -> IndicatorSpec:
    return IndicatorSpec(
        key="x", name="指标", weight=D(weight), method=method, direction=direction, **kw
    )


@pytest.mark.parametrize(
    ("spec", "values", "targets", "expected"),
    [
        # 位次赋分, weight 10, n = 4: steps of 2.5; the tie at 2nd shares 7.5.
        (
            _spec(engine.RANK, 10),
            {"A": D(10), "B": D(8), "C": D(8), "D": D(5)},
            None,
            {
                "A": (D(10), 1),
                "B": (D("7.5"), 2),
                "C": (D("7.5"), 2),
                "D": (D("2.5"), 4),
            },
        ),
        # 位次赋分 with a missing figure: C scores 0 and is unranked; n stays 4.
        (
            _spec(engine.RANK, 10),
            {"A": D(10), "B": D(8), "C": None, "D": D(5)},
            None,
            {"A": (D(10), 1), "B": (D("7.5"), 2), "C": (D(0), None), "D": (D(5), 3)},
        ),
        # 功效系数法, weight 20: d = 60 + 40·(x−10)/10 → 100, 80, 60 → 20, 16, 12.
        (
            _spec(engine.EFFICACY, 20),
            {"A": D(20), "B": D(15), "C": D(10)},
            None,
            {"A": (D(20), 1), "B": (D(16), 2), "C": (D(12), 3)},
        ),
        # 功效系数法, lower is better: d = 60 + 40·(20−x)/10 → 60, 80, 100.
        (
            _spec(engine.EFFICACY, 20, engine.LOWER),
            {"A": D(20), "B": D(15), "C": D(10)},
            None,
            {"A": (D(12), 3), "B": (D(16), 2), "C": (D(20), 1)},
        ),
        # 功效系数法 with a tie and a non-round share: (12−10)/(16−10) = 1/3.
        (
            _spec(engine.EFFICACY, 30),
            {"A": D(16), "B": D(12), "C": D(12), "D": D(10)},
            None,
            {
                "A": (D(30), 1),
                "B": (D("22.0000"), 2),  # 30·(60+13.333…)/100 = 22
                "C": (D("22.0000"), 2),
                "D": (D(18), 4),
            },
        ),
        # 极值标准化, weight 10: 100·(x−10)/10 → 100, 50, 0.
        (
            _spec(engine.MINMAX, 10),
            {"A": D(20), "B": D(15), "C": D(10)},
            None,
            {"A": (D(10), 1), "B": (D(5), 2), "C": (D(0), 3)},
        ),
        # 极值标准化, lower is better, with a missing figure.
        (
            _spec(engine.MINMAX, 10, engine.LOWER),
            {"A": D(20), "B": D(15), "C": D(10), "D": None},
            None,
            {"A": (D(0), 3), "B": (D(5), 2), "C": (D(10), 1), "D": (D(0), None)},
        ),
        # 极值标准化 when everyone reports the same: nobody is behind, all get 100.
        (
            _spec(engine.MINMAX, 10),
            {"A": D(5), "B": D(5)},
            None,
            {"A": (D(10), 1), "B": (D(10), 1)},
        ),
        # 目标完成率, weight 15, cap 1.2: 12/10 → 18; 15/10 = 1.5 capped → 18 but
        # ranked first on the uncapped ratio; 5/10 → 7.5; no target → 0.
        (
            _spec(engine.COMPLETION, 15),
            {"A": D(12), "B": D(15), "C": D(5), "D": D(8), "E": None},
            {"A": D(10), "B": D(10), "C": D(10), "D": None, "E": D(10)},
            {
                "A": (D(18), 2),
                "B": (D(18), 1),
                "C": (D("7.5"), 3),
                "D": (D(0), 4),
                "E": (D(0), None),
            },
        ),
        # 目标完成率, lower is better: target/actual → 10/8 = 1.25 capped 1.2 → 18;
        # 10/20 = 0.5 → 7.5.
        (
            _spec(engine.COMPLETION, 15, engine.LOWER),
            {"A": D(8), "B": D(20)},
            {"A": D(10), "B": D(10)},
            {"A": (D(18), 1), "B": (D("7.5"), 2)},
        ),
    ],
    ids=[
        "rank-points-with-tie",
        "rank-points-missing",
        "efficacy",
        "efficacy-lower-is-better",
        "efficacy-tie-thirds",
        "minmax",
        "minmax-lower-missing",
        "minmax-all-equal",
        "completion-capped",
        "completion-lower-is-better",
    ],
)
def test_score_indicator_matches_hand_computed_scores(spec, values, targets, expected):
    results = engine.score_indicator(spec, values, targets=targets)
    assert {key: (res.score, res.rank) for key, res in results.items()} == expected


def test_missing_figure_is_marked_not_reported_and_no_target_is_marked():
    results = engine.score_indicator(
        _spec(engine.COMPLETION, 10),
        {"A": None, "B": D(5)},
        targets={"A": D(10), "B": None},
    )
    assert results == {
        "A": IndicatorResult(None, D(0), None, "未报送"),
        "B": IndicatorResult(D(5), D(0), 1, "无目标值"),
    }


def test_two_peer_groups_are_ranked_separately_with_composites():
    specs = [
        IndicatorSpec("x", "研发增速", D(60), engine.EFFICACY),
        IndicatorSpec("y", "空白率", D(40), engine.MINMAX, engine.LOWER),
    ]
    figures = {
        ("A", "x"): D(10),
        ("B", "x"): D(20),
        ("C", "x"): D(5),
        ("D", "x"): D(5),
        ("A", "y"): D(1),
        ("B", "y"): D(3),
        ("C", "y"): D(2),
    }
    result = engine.rank_race(
        specs,
        figures,
        groups={"A": "县", "B": "县", "C": "区", "D": "区"},
        previous_ranks={"A": 2, "B": 1, "C": 1},
    )
    # 县: x d = 60, 100 → 36, 60; y lower (3−1)/2, 0 → 40, 0. A 76, B 60.
    # 区: x all equal → 60 each; y only C reported → 40, D 未报送 → 0. C 100, D 60.
    summary = {
        group: [(r.region, r.composite, r.rank, r.change) for r in rows]
        for group, rows in result.groups.items()
    }
    assert summary == {
        "县": [("A", D("76.00"), 1, "↑1"), ("B", D("60.00"), 2, "↓1")],
        "区": [("C", D("100.00"), 1, "—"), ("D", D("60.00"), 2, "—")],
    }
    d = result.by_region()["D"]
    assert d.missing == ["y"]
    assert d.indicators["y"] == IndicatorResult(None, D(0), None, "未报送")
    assert result.by_region()["A"].indicators["y"] == IndicatorResult(D(1), D(40), 1)


def test_equal_composites_share_a_rank_and_the_next_skips():
    spec = IndicatorSpec("x", "x", D(10), engine.RANK)
    result = engine.rank_race(
        [spec], {("A", "x"): D(10), ("B", "x"): D(10), ("C", "x"): D(5)}
    )
    assert [(r.region, r.composite, r.rank) for r in result.rows] == [
        ("A", D("10.00"), 1),
        ("B", D("10.00"), 1),
        ("C", D("3.33"), 3),  # 10 · 1/3
    ]


def test_region_with_no_figures_at_all_is_still_ranked_last_with_zero():
    spec = IndicatorSpec("x", "x", D(10), engine.MINMAX)
    result = engine.rank_race(
        [spec], {("A", "x"): D(3), ("B", "x"): D(1)}, regions=["A", "B", "C"]
    )
    assert [(r.region, r.composite, r.rank) for r in result.rows] == [
        ("A", D("10.00"), 1),
        ("B", D("0.00"), 2),
        ("C", D("0.00"), 2),
    ]
    assert result.by_region()["C"].missing == ["x"]


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [(1, 3, "↑2"), (3, 2, "↓1"), (2, 2, "—"), (1, None, "—")],
)
def test_rank_change(current, previous, expected):
    assert engine.rank_change(current, previous) == expected


def _rows(scores: dict[str, int], unreported: str = "") -> list[engine.RegionResult]:
    """Rows of one group; a region named in ``unreported`` misses a figure."""
    ranks = engine.competition_ranks({k: D(v) for k, v in scores.items()})
    missing = {"x": engine.IndicatorResult(None, D(0), None, engine.NOT_REPORTED)}
    return [
        engine.RegionResult(
            k, "全部", D(v), ranks[k], missing if k in unreported else {}
        )
        for k, v in scores.items()
    ]


TOP3 = engine.ListRule()
SHARE20 = engine.ListRule(mode=engine.SHARE, share=D(20))
SHARE30 = engine.ListRule(mode=engine.SHARE, share=D(30))
TEN = {k: 100 - 10 * i for i, k in enumerate("ABCDEFGHIJ")}


@pytest.mark.parametrize(
    ("scores", "unreported", "rule", "red", "black"),
    [
        # Two members: too small for both lists, only the first is red.
        ({"A": 90, "B": 80}, "", TOP3, "A", ""),
        ({"A": 90, "B": 0}, "B", TOP3, "A", ""),
        # ... and a first place that has not reported is not red either.
        ({"A": 90, "B": 80}, "A", TOP3, "", ""),
        # Three: one on each list, one on neither; 未报送 last is black.
        ({"A": 90, "B": 80, "C": 0}, "C", TOP3, "A", "C"),
        ({"A": 90, "B": 80, "C": 70}, "", SHARE30, "A", "C"),
        # Four: one each (at most (n − 1) // 2 per list).
        ({"A": 90, "B": 80, "C": 70, "D": 60}, "", TOP3, "A", "D"),
        ({"A": 90, "B": 80, "C": 70, "D": 60}, "A", TOP3, "", "D"),
        ({"A": 90, "B": 80, "C": 70, "D": 60}, "", SHARE30, "A", "D"),
        # Ten: three each by count, two each by a 20 % share, three by 30 %.
        (TEN, "", TOP3, "ABC", "HIJ"),
        (TEN, "J", TOP3, "ABC", "HIJ"),
        (TEN, "B", TOP3, "AC", "HIJ"),
        (TEN, "", SHARE20, "AB", "IJ"),
        (TEN, "", SHARE30, "ABC", "HIJ"),
        # Ties follow the ranks: a tie at third puts four on the red list.
        ({**TEN, "D": 80}, "", TOP3, "ABCD", "HIJ"),
        ({**TEN, "H": 20}, "", TOP3, "ABC", "HIJ"),
    ],
)
def test_red_and_black_lists(scores, unreported, rule, red, black):
    red_rows, black_rows = engine.red_black(_rows(scores, unreported), rule)
    assert "".join(r.region for r in red_rows) == red
    assert "".join(r.region for r in black_rows) == black
    assert not {r.region for r in red_rows} & {r.region for r in black_rows}
    assert not {r.region for r in red_rows} & set(unreported)


def test_one_member_group_is_red_when_it_reported():
    assert [r.region for r in engine.red_black(_rows({"A": 50}))[0]] == ["A"]
    assert engine.red_black(_rows({"A": 50}, "A")) == ([], [])


def test_list_rule_refuses_an_unknown_mode():
    with pytest.raises(ValueError, match="unknown list rule"):
        engine.ListRule(mode="half")


def test_rollup_averages_monthly_composites_and_ranks_by_group():
    spec = IndicatorSpec("x", "x", D(100), engine.MINMAX)
    jan = engine.rank_race(
        [spec], {("A", "x"): D(8), ("B", "x"): D(7), ("C", "x"): D(5)}
    )
    feb = engine.rank_race(
        [spec], {("A", "x"): D(6), ("B", "x"): D(7), ("C", "x"): D(5)}
    )
    # Jan: (8−5)/3 → 100, 66.67, 0. Feb: (6−5)/2 → 50, 100, 0.
    # Means: A 75, B 83.335 → 83.34, C 0.
    rollup = engine.rollup({"2024-01": jan, "2024-02": feb})
    assert [(r.region, r.average, r.rank) for r in rollup["全部"]] == [
        ("B", D("83.34"), 1),
        ("A", D("75.00"), 2),
        ("C", D("0.00"), 3),
    ]
    assert rollup["全部"][0].monthly == {"2024-01": D("66.67"), "2024-02": D("100.00")}


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown scoring method"):
        IndicatorSpec("x", "x", D(1), "guess")


figures_strategy = st.dictionaries(
    st.sampled_from(list("ABCDEFGH")),
    st.one_of(
        st.none(),
        st.decimals(min_value=-50, max_value=500, places=1, allow_nan=False),
    ),
    min_size=1,
)


@given(
    values=figures_strategy,
    method=st.sampled_from(engine.METHODS),
    direction=st.sampled_from([engine.HIGHER, engine.LOWER]),
)
def test_scores_stay_in_range_and_ranks_follow_the_figures(values, method, direction):
    spec = IndicatorSpec("x", "x", D(20), method, direction, cap=D("1.2"))
    targets = dict.fromkeys(values, D(100))
    results = engine.score_indicator(spec, values, targets=targets)
    ceiling = D(24) if method == engine.COMPLETION else D(20)
    reported = {k: v for k, v in values.items() if v is not None}
    for key, res in results.items():
        assert D(0) <= res.score <= ceiling
        assert (res.rank is None) == (key not in reported)
    sign = 1 if direction == engine.HIGHER else -1
    for a, va in reported.items():
        ra = results[a].rank
        # Competition ranking: one more than the number of strictly better figures.
        better = sum(1 for vb in reported.values() if sign * vb > sign * va)
        if method != engine.COMPLETION or va > 0:
            assert ra == better + 1
        for b, vb in reported.items():
            if sign * va > sign * vb:
                assert results[a].score >= results[b].score
