"""Property tests: the engine never raises and every quote is an exact slice."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from targets.extraction import extract
from targets.extraction.regions import gazetteer

GAZ = gazetteer()
COUNTIES = sorted(
    d.name for d in GAZ.divisions if d.level == "county" and d.name[-1] in "县市旗"
)
PLACES = [*sorted(d.name for d in GAZ.divisions), "和溪县", "次会议在县", "目前我县"]

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


# Generated county documents: a title naming the county, sentences that speak of
# 全县/我县/目前我县, other places named in passing, offices and figures.
SENTENCE = st.sampled_from(
    [
        "全县高新技术企业达到{n}家,{p}科技局牵头。",
        "目前我县共有高新技术企业{n}家。",
        "{y}年{c}高新技术企业达到{n}家。",
        "其中,{p}新增科技型中小企业{n}家。",
        "{p}{m}月{d}日电 我县技术合同成交额{n}亿元,同比增长{n}%。",
        "力争全县研发投入强度达到{n}%以上,{p}有限公司研发投入{n}万元。",
        "次会议在县召开,新增省级研发平台{n}个。",
        "我县规上工业增加值增长{n}%左右。",
        "地区生产总值达到一亿亿亿亿元,{p}{p}{p}。",
    ]
)


@st.composite
def county_document(draw: st.DrawFn) -> str:
    county = draw(st.sampled_from(COUNTIES))
    year = draw(st.integers(2015, 2030))
    title = draw(st.sampled_from(["{c}{y}年科技工作总结", "{c}科技局{y}年工作要点"]))
    lines = [title.format(c=county, y=year)]
    for _ in range(draw(st.integers(1, 8))):
        sentence = draw(SENTENCE)
        lines.append(
            sentence.format(
                c=county,
                y=draw(st.integers(2015, 2030)),
                n=draw(st.sampled_from(["50", "3,963.1", "0.5", "一百二十", "12"])),
                p=draw(st.sampled_from(PLACES)),
                m=draw(st.integers(1, 12)),
                d=draw(st.integers(1, 28)),
            )
        )
    return "\n".join(lines)


def _is_gazetteer_region(name: str | None) -> bool:
    return name is None or GAZ.is_region(name) or name in ("XX市", "XX县", "XX区")


@SETTINGS
@given(county_document())
def test_generated_county_documents_never_break_and_keep_regions_real(
    text: str,
) -> None:
    result = extract(text, "county.txt")
    assert _is_gazetteer_region(result.info.region)
    for r in result.records:
        assert _is_gazetteer_region(r.region), r.region
        assert r.quote == text[r.start : r.end]
