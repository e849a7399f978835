"""Kinds of batches S, T, U and V about a news page's furniture, each as a
table of pages written for this test (no corpus sentence, place or number): a
channel name or a bar of menu items above the headline, a newspaper's page
label and issue date, a subtitle under the headline naming the year reviewed
and the year planned, and rankings among the province's cities (全省市州排名)
that do not speak for the province."""

from __future__ import annotations

import pytest

from targets.extraction import extract
from targets.extraction.document import document_context
from targets.extraction.simplify import to_simplified

PAGES = [
    (
        "a province's channel name and a menu bar above a city's headline",
        "首页 新闻 政务 经济 文旅 教育 视频\n\n江西\n\n"
        "频道: 南昌 九江 赣州 吉安 宜春 上饶\n\n"
        "赣州新增高新技术企业三百余家\n\n"
        "来源:某某网 发布时间:2023-02-10\n"
        "记者从赣州市科技局获悉,去年全市新认定高新技术企业312家,总数达到1500家。\n",
        ("赣州新增高新技术企业三百余家", "赣州市"),
    ),
    (
        "a newspaper page label, issue date and menu items with page numbers",
        "第A03版:要闻 上一版 2 3 下一版\n\n"
        "2022年6月8日 星期三\n"
        "2 上一篇 下一篇 4 放大 缩小\n"
        "绵阳上半年技术合同成交额稳步增长\n\n"
        "本报讯 记者从绵阳市科技局了解到,今年以来全市技术合同成交额达到52亿元。\n",
        ("绵阳上半年技术合同成交额稳步增长", "绵阳市"),
    ),
    (
        "rankings among the province's cities (Traditional) do not vote for it",
        "科技創新亮點紛呈\n\n"
        "據宜昌市科技局消息,2022年,全市新增高新技術企業210家,全省市州排名上升1位;"
        "技術合同成交額180億元,全省市州中排第二;研發投入增長15%,全省地市第三;"
        "科技型中小企業入庫900家,全省市州排名上升2位。\n",
        ("科技創新亮點紛呈", "宜昌市"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in PAGES], ids=[c[0] for c in PAGES]
)
def test_page_furniture_is_not_the_headline_nor_the_region(text, expected):
    ctx = document_context(text)
    assert (ctx.title, ctx.region) == expected


@pytest.mark.parametrize(
    "subtitle",
    [
        "——2021年工作回顾和2022年工作打算",
        "--2020年科技工作综述与2021年重点任务",
        "—写在2019年总结暨2020年部署会召开之际",
    ],
)
def test_a_subtitle_under_the_headline_gives_the_years(subtitle):
    first = int(subtitle.split("年")[0][-4:])
    text = (
        "第5版:专题\n\n"
        "聚力科技创新 建设创新强市\n" + subtitle + "\n\n    记者 某某\n\n"
        "全市科技系统深入实施创新驱动发展战略,科技工作取得新进步,"
        "全市新认定高新技术企业120家,技术合同成交额达到35亿元。\n"
    )
    ctx = document_context(text)
    assert ctx.title.startswith("聚力科技创新")
    assert (ctx.report_year, ctx.plan_year) == (first, first + 1)


@pytest.mark.parametrize("agency", ["县发改局", "市科委", "区政府", "縣統計局"])
def test_an_agency_line_is_the_pages_author_not_a_channel(agency: str) -> None:
    # A short line naming a bureau heads its page; the figure sentence under it
    # (which names a 计划目标) must not become the title and make it a plan.
    text = f"{agency}\n固定资产投资增长11%,高于计划目标3个百分点。\n"
    assert extract(text, "t.txt").info.title == to_simplified(agency)
