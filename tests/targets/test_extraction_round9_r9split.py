"""Round 9 (r9split): the target/actual split of plans with milestones, pages
that cite a plan, listing news and reviews a page's wording once took for
agendas."""

import pytest

from targets.extraction import extract


def _kinds(text: str, name: str = "r9split.txt"):
    return [(r.kind, r.indicator, str(r.value)) for r in extract(text, name).records]


# A plan running to a late year sets a milestone for an earlier one (到YYYY年,
# no 力争): still a target, when the text was written before that year.
PLAN = "某县科技企业梯次培育行动方案(2024—2028年)\n一、总体目标\n{body}\n"
MILESTONES = [
    (
        "到2026年,全县高新技术企业达到210家、科技型中小企业达到900家。",
        [("target", "高新技术企业数", "210"), ("target", "科技型中小企业数", "900")],
    ),
    ("到2026年底,全县高新技术企业超过210家。", [("target", "高新技术企业数", "210")]),
]


@pytest.mark.parametrize(("body", "expected"), MILESTONES)
def test_a_plans_milestone_year_is_a_target(body, expected):
    assert _kinds(PLAN.format(body=body)) == expected


MILESTONES_KEPT = [
    # A year before the plan was written stays a result told in it.
    ("2023年,全县高新技术企业达到150家。", [("actual", "高新技术企业数", "150")]),
    # 截至 is not a deadline.
    ("截至2023年底,全县高新技术企业150家。", [("actual", "高新技术企业数", "150")]),
]


@pytest.mark.parametrize(("body", "expected"), MILESTONES_KEPT)
def test_a_past_year_in_a_plan_stays_an_actual(body, expected):
    assert _kinds(PLAN.format(body=body)) == expected


# A news page telling what a plan says (根据《计划》,…): the paragraph's
# figures are the plan's, even where the sentence has no 力争.
CITED = (
    "某报记者报道\n"
    "近日,某市政府公布《某市年度发展计划》(以下简称《计划》),根据《计划》,"
    "全市将持续壮大市场主体。力争新增高新技术企业60家。加大企业培育力度,{tail}\n"
)


def test_a_sentence_of_a_cited_plan_is_a_target():
    kinds = _kinds(CITED.format(tail="上市企业达到9家。"))
    assert ("target", "上市公司数", "9") in kinds
    assert not [k for k in kinds if k[0] == "actual"]


def test_a_paragraph_citing_no_plan_stays_an_actual():
    text = "某报记者报道\n加大企业培育力度,全市上市企业达到9家。\n"
    assert _kinds(text) == [("actual", "上市公司数", "9")]


# A headline telling that projects were listed in a programme (列入…计划) is
# news of the listing: the stocks it tells are actuals.
LISTED = [
    "某市18个项目列入2020年省科技计划",
    "某市15家企业入选省级专精特新培育计划",
]


@pytest.mark.parametrize("title", LISTED)
def test_a_listing_headline_does_not_make_a_plan(title):
    text = f"{title}\n目前,全市共有国家级高新技术企业120家。\n"
    assert [k[0] for k in _kinds(text)] == ["actual"]


def test_a_plan_title_still_makes_a_plan():
    text = "某市2020年科技工作计划\n全市高新技术企业达到120家。\n"
    assert [k[0] for k in _kinds(text)] == ["target"]


# A review whose clauses are led by verbs of effort, telling a rank held, a
# goal met early or the work done (开展了以下工作), is not an agenda.
REVIEW = (
    "近年来,市科技局坚持创新驱动,统筹推进企业培育,强化平台建设,深化产学研合作,"
    "加快成果转化,着力优化创新生态,积极引进人才,大力培育科技型企业,持续完善服务体系:"
    "全市科技型中小企业入库860家;{cue}。主要开展了以下工作:一是健全培育体系,"
    "建立动态培育库。二是抓好孵化平台,完善孵化链条。三是加强人才引育,落实扶持政策。\n"
)
REVIEW_CUES = ["高新技术产业产值占比位居全省第五", "提前一年完成倍增计划目标任务"]


@pytest.mark.parametrize("cue", REVIEW_CUES)
def test_a_review_led_by_verbs_of_effort_reports(cue):
    kinds = _kinds(REVIEW.format(cue=cue))
    assert ("actual", "科技型中小企业数", "860") in kinds


# 拟上市企业 names the firms preparing a listing: no aim in a review's sentence.
def test_a_name_holding_a_word_of_aim_is_no_aim():
    text = (
        "某区科技创新综述\n今年以来,我区建立“科技型企业—高新技术企业—拟上市企业”"
        "梯次培育体系,新培育科技型企业210家。\n"
    )
    assert _kinds(text) == [("actual", "科技型企业数", "210")]


def test_a_word_of_aim_before_a_listing_still_aims():
    text = "某区科技创新综述\n今年以来,我区拟新培育科技型企业210家。\n"
    assert [k[0] for k in _kinds(text)] == ["target"]
