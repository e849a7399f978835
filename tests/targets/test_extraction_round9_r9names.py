"""Round 9 (r9names): catalog wordings of R&D spending and its ratios, two
aliases, and names clipped by a modal or a lead (own phrasings)."""

import pytest

from targets.extraction import extract
from targets.extraction.catalog import load_catalog

REPORT = "某县科技局2022年工作总结"


def _rows(body: str, head: str = REPORT):
    return [
        (r.indicator, r.measure, r.comparator, str(r.value))
        for r in extract(f"{head}\n{body}", "r9names.txt").records
    ]


WORDINGS = [
    ("研发经费占比", "研发投入强度"),
    ("R&D经费占比", "研发投入强度"),
    ("R&D经费内部支出", "全社会研发经费投入"),
    ("研究与试验发展经费内部支出合计", "全社会研发经费投入"),
    ("规上工业企业研发经费占比", "规上工业企业研发投入强度"),
    ("规模以上工业R&D经费内部支出与主营业务收入之比", "规上工业企业研发投入强度"),
    ("规上工业研发经费支出合计与主营业务收之比", "规上工业企业研发投入强度"),
    ("社会零售总额", "社会消费品零售总额"),
    ("企业技术合同成交额", "技术合同成交额"),
]


@pytest.mark.parametrize(("name", "indicator"), WORDINGS)
def test_wording_resolves_to_the_catalog_indicator(name, indicator):
    hit = load_catalog().resolve(name)
    assert hit is not None and hit.name == indicator


NOT_RESOLVED = [
    "研发经费内部管理",  # 内部 of something other than the spending
    "城镇居民与农村居民收入之比",  # a ratio of two things, no catalog share
    "企业吸纳技术合同",  # the contracts without the amount
]


@pytest.mark.parametrize("name", NOT_RESOLVED)
def test_wording_stays_unresolved(name):
    assert load_catalog().resolve(name) is None


def test_absorbed_contracts_keep_their_own_indicator():
    assert load_catalog().resolve("企业吸纳技术合同成交额").name == "吸纳技术合同成交额"


SENTENCES = [
    (
        "全县R&D(研究与试验发展)经费内部支出3.2亿元。",
        ("全社会研发经费投入", "level", "=", "3.2"),
    ),
    ("全县生产总值可突破90亿元。", ("地区生产总值", "level", ">", "90")),
    (
        "全社会研发投入在全省山区县中率先突破5亿元。",
        ("全社会研发经费投入", "level", ">", "5"),
    ),
    ("社會零售總額45.6億元。", ("社会消费品零售总额", "level", "=", "45.6")),
]


@pytest.mark.parametrize(("body", "row"), SENTENCES)
def test_sentence_names_the_catalog_indicator(body, row):
    assert row in _rows(body)


def test_a_word_ending_in_ke_is_not_clipped():
    # 许可 is a noun, not the modal 可; 正在…中 is no lead.
    names = {r[0] for r in _rows("全县颁发施工许可12件,另有3家企业正在公示中。")}
    assert "施工许" not in names
    assert "企业正" not in names


# --- lists with a shared head and 分别 (indicators._respectively, _shared_head_pair)

LISTS = [
    (
        "城镇居民、农村居民人均可支配收入4.2万元、2.1万元,分别增长6.3%、7.4%。",
        [
            ("城镇居民人均可支配收入", "level", "=", "4.2"),
            ("农村居民人均可支配收入", "level", "=", "2.1"),
            ("城镇居民人均可支配收入", "growth", "=", "6.3"),
            ("农村居民人均可支配收入", "growth", "=", "7.4"),
        ],
    ),
    (
        "到2026年,全县高新技术企业和科技型中小企业在现有基础上翻一番,"
        "分别超过60家和300家。",
        [
            ("高新技术企业数", "level", ">", "60"),
            ("科技型中小企业数", "level", ">", "300"),
        ],
    ),
]


@pytest.mark.parametrize(("body", "rows"), LISTS)
def test_list_gives_each_figure_its_name(body, rows):
    got = _rows(body, "某县2024年工作要点")
    for row in rows:
        assert row in got


def test_rate_changes_after_a_figureless_clause_take_none_of_its_names():
    # 调高了A、B的增速,分别上调…个百分点: the names' units do not take the figures.
    got = _rows(
        "今年调高了地区生产总值、固定资产投资的增速目标,分别上调0.5个、2个百分点。"
    )
    assert not any(r[0] == "固定资产投资" and r[3] == "2" for r in got)


# --- 规模以上/规上 before a kind counted is a size class, not the whole stock

SIZE_CLASS = [
    ("全县规模以上高新技术企业总量提高至40家。", "规模以上高新技术企业数"),
    ("规上高新技术企业达到25家。", "规上高新技术企业数"),
    ("全县高新技术企业总量提高至90家。", "高新技术企业数"),  # no size class
    ("规模以上工业增加值增长6%。", "规模以上工业增加值"),  # its own catalog name
]


@pytest.mark.parametrize(("body", "indicator"), SIZE_CLASS)
def test_size_class_keeps_its_qualifier(body, indicator):
    assert indicator in {r[0] for r in _rows(body)}
