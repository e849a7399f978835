"""Round 8, kind split (second pass): the aim by a named year on an undated
page (力争到2020年…达到), a change still to be reached (要由…增加至), targets
quoted back beside a 完成情况 column, and a review list after this year's goal."""

import pytest

from targets.extraction import extract


def _records(text: str) -> list:
    return extract(text, "document.txt").records


def _kinds(text: str) -> dict[float, str]:
    return {float(r.value): r.kind for r in _records(text)}


# --- 力争到2020年…达到 on a page with no date of its own -------------------


@pytest.mark.parametrize(
    "text",
    [
        "近日,市委召开专题会议,明确了三大目标任务。(1)建设交通枢纽,力争到2020年,"
        "高速公路里程达到612公里。(2)建设产业示范区,力争到2020年,"
        "规模以上工业增加值达到380亿元。",
        "会议要求,争取到2025年,全县高新技术企业达到75家,研发投入强度达到2.6%。",
        "爭取到2030年,全市規模以上工業增加值達到380億元,高新技術企業達到75家。",
        "该区提出,力争 到 2027 年，规模以上工业增加值达到380亿元。",
    ],
)
def test_an_aim_by_a_named_year_is_a_target_on_an_undated_page(text):
    recs = _records(text)
    assert recs
    assert {r.kind for r in recs} == {"target"}
    assert all(r.stretch for r in recs)


@pytest.mark.parametrize(
    "text",
    [
        # Money won (争取到位), not an aim.
        "今年以来,全县争取到位资金3.2亿元,同比增长12%。",
        # A result reached by a year, with no verb of aiming.
        "2019年,全市高新技术企业达到75家,同比增长12%。",
    ],
)
def test_money_won_or_a_result_reached_stays_an_actual(text):
    assert {r.kind for r in _records(text)} <= {"actual"}


# --- 要由上年的X增加至Y: a change still to be reached -------------------------


@pytest.mark.parametrize(
    "text,target,base",
    [
        (
            "某市2017年科技工作要点。研发经费支出要由上年的6.4亿元增加至9.8亿元。",
            9.8,
            6.4,
        ),
        (
            "某县2021年工作安排。全社会研发经费投入要从上年的3亿元提高到4.5亿元。",
            4.5,
            3,
        ),
        ("2022年,全区高新技术企业要增加到64家。", 64, None),
        ("2023年全市高新技術企業要由上年的40家增加到64家。", 64, 40),
    ],
)
def test_a_change_still_to_be_reached_is_a_target(text, target, base):
    kinds = _kinds(text)
    assert kinds[target] == "target"
    if base is not None:
        assert kinds[base] == "actual"


@pytest.mark.parametrize(
    "text",
    [
        "2016年,全县高新技术企业数由上年的30家增加至64家。",
        "2020年,研发经费投入从上年的3亿元提高到4.5亿元,主要是企业投入增加。",
    ],
)
def test_a_change_already_made_stays_an_actual(text):
    assert {r.kind for r in _records(text)} <= {"actual"}
