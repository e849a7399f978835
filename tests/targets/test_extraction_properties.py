"""Property tests: the engine never raises and every quote is an exact slice."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targets.extraction import extract

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
SEED_TEXT = [p.read_text(encoding="utf-8") for p in SEEDS]

# Characters the grammar cares about, so random text hits its branches often.
ALPHABET = st.sampled_from(
    list("0123456789.,，;；:：、。%（）()“”《》\n\t -—")
    + list("一二两三十百千万亿余多近约超以上下左右达到新增增长下降提高个百分点")
    + list("家个项人名件场次户元年月日全市我县力争确保预计每年目标完成高新技术企业")
)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _check(text: str) -> None:
    result = extract(text, "p.txt")
    for r in result.records:
        assert r.quote == text[r.start : r.end]
        assert 0 <= r.start < r.end <= len(text)
        assert r.kind in ("target", "actual")


@SETTINGS
@given(st.text())
def test_arbitrary_unicode_never_breaks_the_engine(text: str) -> None:
    _check(text)


@SETTINGS
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_number_heavy_text_never_breaks_the_engine(text: str) -> None:
    _check(text)


@SETTINGS
@given(
    st.sampled_from(SEED_TEXT),
    st.lists(
        st.tuples(
            st.integers(0, 20000),
            st.integers(0, 40),
            st.text(alphabet=ALPHABET, max_size=8),
        ),
        max_size=12,
    ),
)
def test_mutated_seed_text_never_breaks_the_engine(
    text: str, edits: list[tuple[int, int, str]]
) -> None:
    for pos, cut, insert in edits:
        pos %= len(text) + 1
        text = text[:pos] + insert + text[pos + cut :]
    _check(text)


def _cpu_seconds(text: str) -> float:
    import time

    t0 = time.process_time()
    extract(text, "p.txt")
    return time.process_time() - t0


def test_run_on_text_scales_linearly() -> None:
    # A scraped page without punctuation must not make the work per figure grow
    # with the page (items, sentences and cue look-ups are bounded).
    unit = "全市高新技术企业达到750家以上新增科技创新平台4家力争突破100亿元2021年"
    small = _cpu_seconds(unit * 500)
    large = _cpu_seconds(unit * 2000)
    assert large < 10 * max(small, 0.01)
