"""Tables in scraped pages: task-breakdown tables (targets of the plan's year)
and progress tables (the year's target once, the actual of the months), in the
layouts a page comes in: tabs, bars, runs of spaces, one cell per line."""

import re
from decimal import Decimal

import pytest

from targets.extraction import extract

TASK_ROWS = [
    ("1", "高新技术企业数", "达到650家", "区科技局", "2024年12月底"),
    ("2", "技术合同成交额", "50亿元", "区科技局、区财政局", "2024年12月底"),
    ("3", "新认定省级工程技术研究中心", "5家以上", "区科技局", "2024年11月"),
    ("4", "全社会研发投入强度", "3.2%", "区统计局", "2024年12月底"),
]
TASK_HEADER = ("序号", "工作任务", "目标值", "责任单位", "完成时限")
TASK_HEAD = "某某区科技局2024年工作要点\n附件:2024年科技工作目标任务分解表\n"
TASK_EXPECTED = {
    ("target", "高新技术企业数", Decimal(650), "=", "2024"),
    ("target", "技术合同成交额", Decimal(5_000_000_000), "=", "2024"),
    ("target", "省级工程技术研究中心数", Decimal(5), ">=", "2024"),
    ("target", "研发投入强度", Decimal("3.2"), "=", "2024"),
}


def _layout(rows, sep):
    if sep == "\n":
        return "".join(c + "\n" for row in rows for c in row)
    if sep == "bars":  # one cell per line, a bar line between cells, two between rows
        return "".join("|\n" + "\n|\n".join(r) + "\n|\n" for r in rows)
    if sep == "md":
        lines = ["| " + " | ".join(r) + " |" for r in rows]
        lines.insert(1, "|" + "---|" * len(rows[0]))
        return "\n".join(lines) + "\n"
    return "".join(sep.join(r) + "\n" for r in rows)


def _got(recs):
    return {(r.kind, r.indicator, r.norm_value, r.comparator, r.period) for r in recs}


def _quotes_hold(text, recs):
    for r in recs:
        assert text[r.start : r.end] == r.quote


@pytest.mark.parametrize("sep", ["\t", "  ", " ｜ ", "|", "md", "\n", " ", "bars"])
def test_task_breakdown_table_gives_targets(sep):
    text = TASK_HEAD + _layout([TASK_HEADER, *TASK_ROWS], sep)
    recs = extract(text, "t.txt").records
    assert _got(recs) == TASK_EXPECTED
    _quotes_hold(text, recs)
    for r in recs:
        # The row number, the department and the deadline are no part of a figure.
        assert not r.quote[:1].isdigit()
        assert "科技局" not in r.quote and "12月" not in r.quote


def test_header_words_do_not_turn_a_plan_into_a_report():
    """完成时限 in a header is no section heading: what follows is still a plan."""
    text = (
        TASK_HEAD
        + _layout([TASK_HEADER, *TASK_ROWS[:1]], "\n")
        + "二、保障措施\n全年新增科技型中小企业200家。\n"
    )
    recs = extract(text, "t.txt").records
    assert {r.kind for r in recs} == {"target"}
    assert len(recs) == 2


def test_row_numbers_without_a_number_column():
    rows = [("工作任务", "目标值", "完成时限")] + [
        (n, name, value, deadline) for n, name, value, _, deadline in TASK_ROWS
    ]
    text = TASK_HEAD + "".join("\t".join(r) + "\n" for r in rows)
    recs = extract(text, "t.txt").records
    assert _got(recs) == TASK_EXPECTED


def test_task_sentences_in_cells_are_targets_of_the_caption_year():
    """A summary of 2024 with the 2025 task table: the tasks are 2025 targets."""
    text = (
        "某某区科技局2024年工作总结和2025年工作计划\n一、2024年工作完成情况\n"
        "全年新增高新技术企业35家。\n二、2025年工作计划\n"
        "附件:2025年科技创新目标任务分解表\n"
        "序号  重点任务  责任单位  完成时限\n"
        "1  新认定高新技术企业40家以上,高新技术企业总数达到260家"
        "  区科技局  2025年12月底\n"
        "2  技术合同成交额突破20亿元  区科技局、区财政局  2025年12月\n"
    )
    recs = extract(text, "t.txt").records
    got = _got(recs)
    assert ("actual", "高新技术企业数", Decimal(35), "=", "2024") in got
    assert ("target", "高新技术企业数", Decimal(40), ">=", "2025") in got
    assert ("target", "高新技术企业数", Decimal(260), "=", "2025") in got
    assert ("target", "技术合同成交额", Decimal(2_000_000_000), ">", "2025") in got
    assert len(recs) == 4
    _quotes_hold(text, recs)


PROGRESS_HEADER = ("指标", "单位", "年度目标", "1-6月完成", "完成进度%")
PROGRESS_ROWS = [
    ("高新技术企业数", "家", "700", "420", "60%"),
    ("技术合同成交额", "亿元", "80", "35.6", "44.5%"),
    ("研发投入强度", "%", "3.5", "—", "—"),
]
PROGRESS_EXPECTED = {
    ("target", "高新技术企业数", Decimal(700), "=", "2024"),
    ("actual", "高新技术企业数", Decimal(420), "=", "2024-01/2024-06"),
    ("target", "技术合同成交额", Decimal(8_000_000_000), "=", "2024"),
    ("actual", "技术合同成交额", Decimal(3_560_000_000), "=", "2024-01/2024-06"),
    ("target", "研发投入强度", Decimal("3.5"), "=", "2024"),
}


@pytest.mark.parametrize("sep", ["\t", "   ", " | ", "md", "\n", "bars"])
def test_progress_table_target_once_actual_of_the_months(sep):
    text = (
        "某某市科技局2024年上半年工作总结\n一、主要指标完成情况\n"
        + _layout([PROGRESS_HEADER, *PROGRESS_ROWS], sep)
        + "二、下半年工作打算\n"
    )
    recs = extract(text, "r.txt").records
    assert _got(recs) == PROGRESS_EXPECTED
    # The share done (60%, 44.5%) is neither a target nor an actual.
    assert not any(r.norm_value in (60, Decimal("44.5")) for r in recs)
    _quotes_hold(text, recs)


def test_progress_table_in_a_yearly_report_keeps_the_report_year():
    text = (
        "某某县科技局2024年工作总结\n2024年目标任务完成情况表\n"
        "序号\t指标\t年度目标\t累计完成\t完成率\n"
        "1\t高新技术企业数(家)\t120\t126\t105%\n"
        "2\t技术合同成交额(亿元)\t12\t13.5\t112.5%\n"
    )
    recs = extract(text, "r.txt").records
    assert _got(recs) == {
        ("target", "高新技术企业数", Decimal(120), "=", "2024"),
        ("actual", "高新技术企业数", Decimal(126), "=", "2024"),
        ("target", "技术合同成交额", Decimal(1_200_000_000), "=", "2024"),
        ("actual", "技术合同成交额", Decimal(1_350_000_000), "=", "2024"),
    }


def test_growth_column_is_an_actual_of_the_period():
    text = (
        "某某市发展和改革委员会关于2024年1-9月主要经济指标完成情况的报告\n"
        "指标\t单位\t年度目标\t1-9月完成\t同比增长%\t完成进度%\n"
        "地区生产总值\t亿元\t1200\t860.5\t5.6\t71.7\n"
        "规上工业增加值增速\t%\t7\t6.2\t—\t—\n"
    )
    got = _got(extract(text, "r.txt").records)
    assert ("actual", "地区生产总值", Decimal("5.6"), "=", "2024-01/2024-09") in got
    assert ("target", "规模以上工业增加值", Decimal(7), "=", "2024") in got
    six = ("actual", "规模以上工业增加值", Decimal("6.2"), "=", "2024-01/2024-09")
    assert six in got
    assert not any(v == Decimal("71.7") for _, _, v, _, _ in got)


def test_a_heading_word_alone_is_no_table():
    """工作目标 on a line of its own before prose is a heading, not a header."""
    text = (
        "某某区科技局2024年工作要点\n工作目标\n主要任务\n保障措施\n"
        "全年新增高新技术企业30家,技术合同成交额达到10亿元。\n"
    )
    got = _got(extract(text, "t.txt").records)
    assert ("target", "高新技术企业数", Decimal(30), "=", "2024") in got
    assert ("target", "技术合同成交额", Decimal(1_000_000_000), "=", "2024") in got


# A page of a 落实情况 column (it reads as a report) holding the task breakdown of
# the year's government work report: the header single-space separated, each row
# opening with its number (not from 1), the departments wrapping onto the lines
# below.
SPACED_TASKS = (
    "某某区发展和改革委员会\n"
    "当前位置: 首页 > 政府信息公开 > 决策部署落实情况\n"
    "发布日期: 2024-06-20\n"
    "某某区2024年政府工作报告重点工作任务分解表\n"
    "序号 重点工作任务 主要责任单位 协同配合单位 完成期限\n"
    "12 新认定高新技术企业40家以上、科技型中小企业60家以上。 区科技局 "
    "区经信局、区财政局等区政府有关部门。 2024年12月底\n"
    "13 建设科技企业孵化器,推动产学研合作平台提档升级。 区科技局\n"
    "区商务局\n"
    "区经济开发区管委会\n"
    "区财政局、区税务局等区政府有关部门。 2024年12月底\n"
    "14 技术合同成交额突破20亿元。 区科技局 区统计局。 2024年12月底\n"
)


def test_single_space_task_table_with_wrapped_cells_gives_targets():
    recs = extract(SPACED_TASKS, "t.txt").records
    assert _got(recs) == {
        ("target", "高新技术企业数", Decimal(40), ">=", "2024"),
        ("target", "科技型中小企业数", Decimal(60), ">=", "2024"),
        ("target", "技术合同成交额", Decimal(2_000_000_000), ">", "2024"),
    }
    _quotes_hold(SPACED_TASKS, recs)
    for r in recs:
        assert not r.quote[:1].isdigit()  # the row number is no part of it
        assert "局" not in r.quote and "12月" not in r.quote


def test_wrapped_departments_between_tab_rows_stay_in_the_table():
    """The same page with tab-separated cells under a caption with no cue word
    (责任清单): the lines a department cell wraps onto do not end the table, so
    the rows below them are still targets, not the page's actuals."""
    head, table = SPACED_TASKS.split("序号", 1)
    head = head.replace("政府工作报告重点工作任务分解表", "重点工作责任清单")
    text = head + re.sub(r"(?<=\S) (?=\S)", "\t", "序号" + table)
    recs = extract(text, "t.txt").records
    assert _got(recs) == {
        ("target", "高新技术企业数", Decimal(40), ">=", "2024"),
        ("target", "科技型中小企业数", Decimal(60), ">=", "2024"),
        ("target", "技术合同成交额", Decimal(2_000_000_000), ">", "2024"),
    }
    _quotes_hold(text, recs)


def test_single_space_task_table_heading_inside_and_space_in_a_task():
    """A heading between the header and the rows, a task sentence with a space
    in it, and the table ends at the next heading."""
    text = (
        "某某县2025年政府工作报告重点工作任务分解表\n"
        "序号 重点工作任务 主要责任单位 协同配合单位\n"
        "一、主要预期目标\n"
        "1 地区生产总值增长6%左右。 县发改委 县直各部门\n"
        "2 全年 一般公共预算收入增长5%。 县财政局\n"
        "县税务局\n"
        "各乡镇人民政府。\n"
        "二、2024年工作回顾\n"
        "2024年地区生产总值增长5.2%。\n"
    )
    recs = extract(text, "t.txt").records
    got = _got(recs)
    assert ("target", "地区生产总值", Decimal(6), "~", "2025") in got
    assert ("target", "一般公共预算收入", Decimal(5), "=", "2025") in got
    assert ("actual", "地区生产总值", Decimal("5.2"), "=", "2024") in got
    assert len(recs) == 3
    _quotes_hold(text, recs)


def test_a_numbered_line_of_prose_under_no_header_is_no_table():
    """Numbered prose with spaces but no header row stays running text."""
    text = (
        "某某区2024年工作总结\n"
        "1 全年新增高新技术企业35家 同比增长20%\n"
        "2 技术合同成交额达到12亿元\n"
    )
    got = _got(extract(text, "r.txt").records)
    assert ("actual", "高新技术企业数", Decimal(35), "=", "2024") in got
    assert ("actual", "技术合同成交额", Decimal(1_200_000_000), "=", "2024") in got


# A progress table scraped one cell per line with a bar line between cells and
# two between rows; header cells wrap (分管⏎领导), the page is cut mid-row. Each
# row restates the year's target (考核指标) next to the progress (序时进度).
BARRED = (
    "|\n序号\n|\n考核指标\n|\n序时进度\n|\n考核时间\n|\n分管\n领导\n|\n责任\n股室\n"
    "|\n监督电话\n|\n"
    "|\n1\n|\n规模以上工业增加值增长8%左右。\n|\n"
    "2024年1-6月,全县规模以上工业增加值同比增长6.1%。\n|\n2024年12月\n|\n张某\n"
    "|\n工业股\n|\n0000-1234567\n|\n"
    "|\n2\n|\n新增高新技术企业15家以上。\n|\n"
    "截至目前,全县新增高新技术企业9家。\n|\n2024年12月\n|\n李某\n|\n科技股\n"
    "|\n0000-1234568\n|\n"
    "|\n3\n|\n技术合同成交额达到5亿元。\n|\n上半年技术合同成交额"
)


def test_barred_progress_table_restates_targets_beside_progress():
    recs = extract(BARRED, "r.txt").records
    got = _got(recs)
    assert got == {
        ("target", "规模以上工业增加值", Decimal(8), "~", "2024"),
        ("actual", "规模以上工业增加值", Decimal("6.1"), "=", "2024-01/2024-06"),
        ("target", "高新技术企业数", Decimal(15), ">=", "2024"),
        ("actual", "高新技术企业数", Decimal(9), "=", "2024"),
        ("target", "技术合同成交额", Decimal(500_000_000), "=", "2024"),
    }
    _quotes_hold(BARRED, recs)


def test_deadline_words_do_not_switch_a_plan_to_a_report():
    """A caption's 任务 sets target mode; 完成时限 under it does not undo it,
    even when the page reads as a report and no table is found."""
    text = (
        "某某县人民政府关于2024年重点工作落实情况的通报\n"
        "2024年重点工作任务分解表\n"
        "主要责任单位 完成时限\n"
        "全年新增高新技术企业30家。\n"
    )
    got = _got(extract(text, "t.txt").records)
    assert got == {("target", "高新技术企业数", Decimal(30), "=", "2024")}
