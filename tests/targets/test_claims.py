"""Finding self-claims (完成 / 超额完成 / 未完成) and the indicators they speak of."""

from __future__ import annotations

import pytest

from targets.claims import (
    MET,
    MISSED,
    SECTION,
    SENTENCE,
    MentionSpan,
    claimed_indicators,
    find_claims,
)

NANCHANG = (
    "(一)主要指标完成情况\n"
    "1.研发投入强度达到1.95%。\n"
    "2.预计全年高新技术企业数量1950家。\n"
    "3.技术合同成交额106.7亿元。\n"
    "以上指标除高新技术企业数量目标外,其余指标均完成了目标任务;"
    "除研发投入强度排名全省第三外,其余指标均排名全省第一。\n"
    "(二)亮点工作\n"
    "技术合同成交额再创新高。"
)


def spans(text: str, *names: str) -> list[MentionSpan]:
    out = []
    for name in names:
        at = text.index(name)
        out.append(MentionSpan(indicator=name, start=at, end=at + len(name)))
    return out


def test_a_section_claim_covers_the_indicators_above_it_except_the_named_ones():
    (claim,) = find_claims(NANCHANG)
    mentions = spans(NANCHANG, "研发投入强度", "高新技术企业数量", "技术合同成交额")
    # The 高企 mention is named by its catalog name, the exception by an alias.
    mentions[1] = MentionSpan("高新技术企业数", mentions[1].start, mentions[1].end)

    assert claim.scope == SECTION
    assert claim.status == MET
    assert claim.exceptions == ("高新技术企业数量",)
    assert claim.quote == "以上指标除高新技术企业数量目标外,其余指标均完成了目标任务"
    assert claimed_indicators(claim, mentions) == {
        "研发投入强度": MET,
        "高新技术企业数": MISSED,
        "技术合同成交额": MET,
    }


def test_a_section_claim_does_not_reach_past_the_claim_or_before_the_heading():
    text = (
        "(一)上年\n专利申请量1000件。\n(二)今年\n"
        "有效发明专利1920件。以上指标均已完成年度目标。专利申请量又增。"
    )
    (claim,) = find_claims(text)
    mentions = [
        MentionSpan("专利申请量", text.index("专利申请量"), text.index("1000")),
        MentionSpan("有效发明专利拥有量", text.index("有效发明"), text.index("1920")),
        MentionSpan("专利申请量", text.rindex("专利申请量"), len(text) - 3),
    ]

    assert claimed_indicators(claim, mentions) == {"有效发明专利拥有量": MET}


def test_a_sentence_claim_covers_its_own_sentence():
    text = (
        "全年累计登记科技成果615项,技术合同成交额达到2.44亿元,"
        "超额完成省厅下达的1.8亿元目标任务。专利申请量13065件。"
    )
    (claim,) = find_claims(text)
    mentions = spans(text, "科技成果", "技术合同成交额", "专利申请量")

    assert (claim.scope, claim.status) == (SENTENCE, MET)
    assert claim.quote == "超额完成省厅下达的1.8亿元目标任务"
    assert claimed_indicators(claim, mentions) == {
        "科技成果": MET,
        "技术合同成交额": MET,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("高企数为700家,未完成年度目标。", [MISSED]),
        ("高企数为700家,没有完成省下达目标任务。", [MISSED]),
        ("以上指标均未完成目标任务。", [MISSED]),
        ("专利授权4892件,超额完成省政府、市政府目标管理绩效考核指标任务。", [MET]),
        # Promises and headings are not claims.
        ("确保完成全年目标任务。", []),
        ("力争完成年度目标。", []),
        ("以上指标完成情况如下。", []),
        ("完成产业规划、空间规划编制。", []),
        ("主要指标完成情况", []),
    ],
)
def test_claim_wording(text, expected):
    assert [c.status for c in find_claims(text)] == expected


def test_mentions_outside_any_claim_scope_get_no_claim():
    text = "高企数为700家。另起一句,超额完成目标。"
    (claim,) = find_claims(text)

    assert claimed_indicators(claim, spans(text, "高企数")) == {}


def test_a_sentence_claim_quoting_its_goal_is_about_that_goal_only():
    text = (
        "全年累计登记科技成果615项,技术合同成交额达到2.44亿元,"
        "超额完成省厅下达的1.8亿元目标任务。"
    )
    (claim,) = find_claims(text)
    goal = text.index("1.8亿元")
    mentions = [
        *spans(text, "科技成果", "技术合同成交额"),
        MentionSpan("技术合同成交额", goal, goal + 5, kind="target"),
    ]

    assert claimed_indicators(claim, mentions) == {"技术合同成交额": MET}


def test_a_claim_quote_runs_to_the_end_of_its_goal_phrase():
    text = "万人发明专利2.4件,超额完成省政府、市政府目标管理绩效考核指标任务。"

    assert [c.quote for c in find_claims(text)] == [
        "超额完成省政府、市政府目标管理绩效考核指标任务"
    ]


def test_full_width_punctuation_is_read_like_ascii():
    text = (
        "\uff08一\uff09主要指标\n高企达到700家\uff0c技术合同成交额106亿元\u3002"
        "以上指标除高新技术企业数量目标外\uff0c其余指标均完成了目标任务\uff1b"
        "专利申请量增长\u3002"
    )
    (claim,) = find_claims(text)
    mentions = [
        MentionSpan("高新技术企业数", text.index("高企"), text.index("700") + 4),
        MentionSpan("技术合同成交额", text.index("技术"), text.index("106") + 5),
    ]

    assert claim.quote == (
        "以上指标除高新技术企业数量目标外\uff0c其余指标均完成了目标任务"
    )
    assert claim.scope_start == 0
    assert claimed_indicators(claim, mentions) == {
        "高新技术企业数": MISSED,
        "技术合同成交额": MET,
    }
    sentence = "高企700家\uff0c未完成年度目标\uff1b科技型中小企业1000家\u3002"
    (missed,) = find_claims(sentence)
    assert (missed.scope_start, missed.scope_end) == (0, sentence.index("\uff1b"))
