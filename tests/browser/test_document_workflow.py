"""The monthly loop in the browser only: upload a plan and a report, wait for 待审核,
correct an indicator (teaching the catalog its phrase), reject a statement, add a
missed one, confirm the rest; the target list and the downloaded scorecard follow,
and the next document with the same phrase resolves by itself."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from openpyxl import load_workbook

from targets.models import Document, Indicator, Region, RegionLevel, Target
from targets.permissions import EDITOR_GROUP
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

PLAN = (
    "芜湖市科技局2024年工作要点\n"
    "2024年,全市高新技术企业总数达到750家以上,省级以上研发平台达到80个,"
    "技术合同成交额达到300亿元,科技成果登记数达到120项。\n"
    "全年组织产学研对接活动不少于40场次,地方财政科技投入增长一成以上。\n"
)
REPORT = (
    "芜湖市科技局2024年工作总结\n"
    "2024年,全市高新技术企业总数达到780家,省级以上研发平台达到86个,"
    "技术合同成交额完成320亿元。\n"
    "全年开展产学研对接活动45场次。\n"
)
NEXT = "南陵县科技局2025年工作要点\n2025年,全县省级以上研发平台达到90个。\n"


@pytest.fixture
def office(transactional_db, catalog):
    city = Region.objects.create(name="芜湖市", level=RegionLevel.CITY)
    Region.objects.create(name="南陵县", level=RegionLevel.COUNTY, parent=city)
    user = User.objects.create_user("planner", password="pw-planner-1")
    user.groups.add(Group.objects.get_or_create(name=EDITOR_GROUP)[0])
    return city


def _upload(page, tmp_path: Path, files: dict[str, bytes]) -> None:
    paths = []
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    page.set_input_files("#id_files", paths)


def _drop(page, name: str, text: str) -> None:
    """Drag a file onto the drop zone (a DataTransfer, as the browser makes one)."""
    page.evaluate(
        """([name, text]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], name, { type: "text/plain" }));
          const zone = document.getElementById("dropzone");
          for (const type of ["dragenter", "dragover", "drop"]) {
            const init = { dataTransfer: transfer, bubbles: true, cancelable: true };
            zone.dispatchEvent(new DragEvent(type, init));
          }
        }""",
        [name, text],
    )


def _row(page, title: str):
    return page.locator("#documents tbody tr", has_text=title)


def _wait_status(page, title: str, label: str) -> None:
    _row(page, title).locator(".doc-status", has_text=label).wait_for()


def _statement(page, text: str):
    return page.locator("li.statement", has_text=text)


def _count(page, name: str) -> int:
    return int(page.text_content(f"#n-{name}"))


def _after_submit(page, action) -> None:
    with page.expect_navigation():
        action()


def _select_text(page, phrase: str) -> None:
    """Select a phrase in the document text as a person would with the mouse."""
    page.evaluate(
        """phrase => {
          const pane = document.getElementById("doc-text");
          const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode())) {
            const at = node.data.indexOf(phrase);
            if (at >= 0) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + phrase.length);
              const selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
              return;
            }
          }
          throw new Error("phrase not in the text: " + phrase);
        }""",
        phrase,
    )


def test_the_whole_review_loop_in_the_browser(page, office, tmp_path):
    log_in(page)
    page.click("nav >> text=文件审核")
    page.wait_for_url("**/review/")

    # Upload a plan (GBK, as offices save it) and a report at once.
    _upload(
        page,
        tmp_path,
        {
            "2024年工作要点.txt": PLAN.encode("gbk"),
            "2024年工作总结.txt": REPORT.encode(),
        },
    )
    _wait_status(page, "芜湖市科技局2024年工作要点", "待审核")
    _wait_status(page, "芜湖市科技局2024年工作总结", "待审核")
    assert _row(page, "工作要点").locator(".doc-region").text_content() == "芜湖市"
    assert _row(page, "工作要点").locator(".doc-kind").text_content() == "计划"
    # The same report again, as UTF-8 text this time, is recognised and skipped.
    _upload(page, tmp_path, {"总结-副本.txt": REPORT.encode("utf-8")})
    page.locator(
        "#upload-results li", has_text="与《芜湖市科技局2024年工作总结》内容相同,已跳过"
    ).wait_for()
    if shot := os.environ.get("DABIAO_SCREENSHOT_UPLOAD"):
        page.screenshot(path=shot, full_page=True)

    page.click("text=芜湖市科技局2024年工作要点")
    page.wait_for_url("**/review/documents/*/")
    assert _count(page, "unreviewed") == 5
    marks = page.locator("#doc-text mark.st-target")
    assert marks.count() == 5
    colour = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert colour == "rgb(255, 224, 102)"

    # 修改: the platforms were read as a made-up indicator; pick the catalog one
    # and store the document's phrase as its alias.
    platforms = _statement(page, "省级以上研发平台达到80个")
    assert "省级以上研发平台数" in platforms.locator(".st-summary").text_content()
    platforms.locator(".b-edit").click()
    platforms.locator("input[name=indicator]").fill("科技创新平台数")
    assert platforms.locator("input[name=alias]").input_value() == "省级以上研发平台"
    platforms.locator(".store-alias").check()
    _after_submit(page, lambda: platforms.locator(".b-save").click())
    assert "省级以上研发平台" in page.text_content(".messages")
    corrected = _statement(page, "省级以上研发平台达到80个")
    assert "科技创新平台数" in corrected.locator(".st-summary").text_content()
    assert corrected.locator(".state").text_content() == "已修改"

    # 删除 with the keyboard: pick the statement, press X.
    _statement(page, "科技成果登记数达到120项").locator(".st-summary").click()
    _after_submit(page, lambda: page.keyboard.press("x"))
    assert _count(page, "rejected") == 1
    assert not Target.objects.filter(indicator__name="科技成果登记数").exists()

    # 补录: the engine did not read 一成 as 10%; select the words and add it.
    _select_text(page, "地方财政科技投入增长一成以上")
    page.click("#add-button")
    page.fill("#add-indicator", "地方财政科技投入")
    page.fill("#add-value", "10")
    page.fill("#add-unit", "%")
    page.select_option("#add-measure", "growth")
    page.select_option("#add-comparator", ">=")
    _after_submit(page, lambda: page.click("#add-save"))
    assert "地方财政科技投入" in _statement(page, "一成以上").text_content()

    if shot := os.environ.get("DABIAO_SCREENSHOT_DOCUMENT"):
        page.screenshot(path=shot, full_page=True)

    # 确认 the rest with the keyboard: the first statement is always unreviewed.
    while _count(page, "unreviewed"):
        _after_submit(page, lambda: page.keyboard.press("a"))
    assert page.text_content("#doc-status") == "已审核"
    assert (_count(page, "confirmed"), _count(page, "corrected")) == (3, 2)
    history = page.locator("#history tbody tr")
    assert history.count() == 6
    assert "planner" in history.first.text_content()
    assert "<del>" in page.inner_html("#history") and "80" in page.text_content(
        "#history"
    )

    # The report read its platforms before the catalog learned the phrase: process
    # it again and it resolves by itself; then confirm everything in one go.
    page.goto("/review/")
    page.click("text=芜湖市科技局2024年工作总结")
    page.wait_for_url("**/review/documents/*/")
    _after_submit(page, lambda: page.click("#reprocess-button"))
    assert (
        "科技创新平台数" in _statement(page, "省级以上研发平台达到86个").text_content()
    )
    _after_submit(page, lambda: page.click("#confirm-rest"))
    assert page.text_content("#doc-status") == "已审核"

    # The target list: the corrected target is judged on the confirmed figure.
    page.goto("/")
    row = page.locator("table.targets tbody tr", has_text="科技创新平台数")
    assert row.locator(".chip").first.text_content() == "已完成"
    assert row.locator(".unreviewed-mark").count() == 0
    assert page.locator("table.targets", has_text="科技成果登记数").count() == 0

    # The scorecard of confirmed figures only.
    page.check("#confirmed-only")
    page.click("#scorecard-button")
    page.wait_for_url("**/exports/*/")
    link = page.locator("#download-link")
    link.wait_for(state="visible")
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    sheet = load_workbook(io.BytesIO(saved.read_bytes()))["目标明细"]
    rows = {r[2]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["科技创新平台数"][11] == "已完成"
    assert rows["地方财政科技投入"][3] == "增速"
    assert "科技成果登记数" not in rows
    assert {r[13] for r in rows.values()} == {"已审核"}

    # A new document with the same phrase resolves to the corrected indicator.
    page.goto("/review/")
    _drop(page, "南陵县2025年工作要点.txt", NEXT)
    _wait_status(page, "南陵县科技局2025年工作要点", "待审核")
    document = Document.objects.get(name="南陵县2025年工作要点.txt")
    assert document.mentions.get().target.indicator == Indicator.objects.get(
        name="科技创新平台数"
    )
    page.click("text=南陵县科技局2025年工作要点")
    page.wait_for_url("**/review/documents/*/")
    summary = _statement(page, "省级以上研发平台达到90个").locator(".st-summary")
    assert "南陵县 科技创新平台数 2025" in summary.text_content()
