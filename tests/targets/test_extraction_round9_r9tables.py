"""Round 9 (r9tables): tables as they come out of pages, read by the role of
each column (own invented tables): one cell per line between bar lines,
rows numbered in their label with empty last cells, group rows, a 备注 column
giving the level, a minus sign in a growth cell, a header with spaces of two
widths."""

from targets.extraction import extract

REPORT = "关于某市2026年上半年国民经济和社会发展计划执行情况的报告"
ANNUAL = "关于某县2025年国民经济和社会发展计划执行情况的报告"


def _rows(text: str, name: str = "r9tables.txt"):
    return sorted(
        (r.kind, r.indicator, r.measure, r.comparator, float(r.value), r.period)
        for r in extract(text, name).records
    )


# --- one cell per line, a bar closing each cell, a bar line between rows ----

BARRED = (
    f"{REPORT}\n"
    "2026年上半年主要预期目标完成情况\n"
    "|\n指标名称 |\n预期增长(%) |\n上半年完成(%) |\n"
    "|\n地区生产总值 |\n5.5左右 |\n4.2 |\n"
    "|\n规上工业增加值 |\n7以上 |\n-2.5 |\n"
    "|\n城镇新增就业 |\n1.8万人以上 |\n0.96万人 |\n"
    "|\n居民消费价格涨幅 |\n与全省保持一致 |\n序时推进 |\n"
    "|\n(一)消费持续回暖。全市上下努力扩大内需。\n"
)


def test_barred_cells_keep_their_columns():
    rows = _rows(BARRED)
    assert ("target", "地区生产总值", "growth", "~", 5.5, "2026") in rows
    assert ("target", "规模以上工业增加值", "growth", ">=", 7, "2026") in rows
    assert ("target", "城镇新增就业", "level", ">=", 18000, "2026") in rows
    assert ("actual", "地区生产总值", "growth", "=", 4.2, "2026-01/2026-06") in rows
    assert ("actual", "城镇新增就业", "level", "=", 9600, "2026-01/2026-06") in rows


def test_minus_in_a_growth_cell_is_a_fall():
    rows = _rows(BARRED)
    assert (
        "actual",
        "规模以上工业增加值",
        "growth",
        "=",
        -2.5,
        "2026-01/2026-06",
    ) in rows


def test_barred_cells_are_never_joined_across_columns():
    inds = {r[1] for r in _rows(BARRED)}
    assert inds == {"地区生产总值", "规模以上工业增加值", "城镇新增就业"}


# --- one cell per line, a blank line between cells, 备注 giving the level ---

NUMBERED = (
    f"{ANNUAL}\n"
    "表1:2025年全县主要指标完成情况\n\n"
    "指标名称\n\n预期目标\n\n实际完成\n\n备注\n\n"
    "一、经济发展\n\n\n\n\n"
    "1.地区生产总值\n\n增长7%左右\n\n增长5.2%\n\n612.4亿元\n\n"
    "2.人均可支配收入\n\n增长6%\n\n增长5.8%\n\n\n\n"
    "3.一般公共预算收入\n\n增长4%\n\n下降2.1%\n\n45.6亿元\n\n"
    "二、社会民生\n\n\n\n\n"
    "4.固定资产投资\n\n增长9%\n\n增长3.3%\n\n210亿元\n"
)


def test_target_column_gives_targets_and_result_column_actuals():
    rows = _rows(NUMBERED)
    assert ("target", "地区生产总值", "growth", "~", 7, "2025") in rows
    assert ("actual", "地区生产总值", "growth", "=", 5.2, "2025") in rows
    assert ("target", "一般公共预算收入", "growth", "=", 4, "2025") in rows
    assert ("actual", "一般公共预算收入", "growth", "=", -2.1, "2025") in rows
    assert ("target", "固定资产投资", "growth", "=", 9, "2025") in rows
    assert ("actual", "固定资产投资", "growth", "=", 3.3, "2025") in rows


def test_a_remark_amount_is_the_actual_level():
    rows = _rows(NUMBERED)
    levels = {(r[1], r[4]) for r in rows if r[0] == "actual" and r[2] == "level"}
    assert ("地区生产总值", 612.4) in levels
    assert ("一般公共预算收入", 45.6) in levels
    assert not any(r[0] == "target" and r[2] == "level" for r in rows)


def test_no_target_is_read_as_an_actual():
    rows = _rows(NUMBERED)
    actual_growth = {r[4] for r in rows if r[0] == "actual" and r[2] == "growth"}
    assert not actual_growth & {7, 6, 4, 9}


# --- a flattened row under a header of spaces of two widths -----------------

SPACED = (
    "某区年鉴(2021)\n"
    "“十三五”规划主要指标完成情况\n"
    "表1\n"
    "序号 指标名称 2020 年目标值 2020 年预计值 完成情况\n"
    "1 全区生产总值(亿元) 800 812.3 完成\n"
    "2 人均生产总值(元) 110000 111250 完成\n"
)


def test_flattened_rows_give_target_and_estimate():
    recs = extract(SPACED, "r9tables.txt").records
    rows = sorted(
        (r.kind, r.indicator, float(r.value), r.period, r.estimate) for r in recs
    )
    assert ("target", "地区生产总值", 800, "2020", False) in rows
    assert ("actual", "地区生产总值", 812.3, "2020", True) in rows
    assert ("target", "人均地区生产总值", 110000, "2020", False) in rows
    assert ("actual", "人均地区生产总值", 111250, "2020", True) in rows


# --- negatives: what must not change ----------------------------------------


def test_decimal_label_is_not_a_row_number():
    text = (
        f"{REPORT}\n"
        "|\n指标名称 |\n预期增长(%) |\n上半年完成(%) |\n"
        "|\n城镇新增就业 |\n2.5万人以上 |\n1.1万人 |\n|\n"
    )
    inds = {r[1] for r in _rows(text)}
    assert inds == {"城镇新增就业"}


def test_share_done_column_stays_without_figures():
    text = (
        f"{REPORT}\n"
        "指标\t年度目标\t1-6月完成\t完成率(%)\n"
        "地区生产总值增速(%)\t6\t5.1\t85\n"
    )
    rows = _rows(text)
    assert not any(r[4] == 85 for r in rows)


def test_prose_minus_range_is_untouched():
    text = f"{ANNUAL}\n全县规上工业增加值增长-1.5%,降幅收窄。\n"
    assert all(r[4] != 1.5 or r[0] == "actual" for r in _rows(text))


def test_heading_after_the_table_ends_it():
    text = (
        f"{ANNUAL}\n"
        "表1:2025年全县主要指标完成情况\n\n"
        "指标名称\n\n预期目标\n\n实际完成\n\n备注\n\n"
        "1.地区生产总值\n\n增长7%左右\n\n增长5.2%\n\n612.4亿元\n\n"
        "二、2026年工作安排\n\n"
        "全县将继续坚持稳中求进工作总基调,努力实现经济平稳增长。\n\n"
        "地区生产总值增长6%左右。\n"
    )
    rows = _rows(text)
    assert ("target", "地区生产总值", "growth", "~", 7, "2025") in rows
    assert not any(r[4] == 6 and r[0] == "actual" for r in rows)
