"""The review, target and 赛马 pages from a phone (390 px) to a wide screen
(1440 px): no element reaches past the viewport at 390 px. Screenshots are kept
where DABIAO_SCREENSHOT_DIR points (docs/layout-*.png are made this way)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count

from targets.models import Target

from .test_review_flow import _log_in, seeded  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

WIDTHS = (390, 1440)

# Elements whose right edge is past the viewport (or left edge before it).
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 || box.left < -1) {
      out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.right)}`);
    }
  }
  return {width, scroll: document.documentElement.scrollWidth, out: out.slice(0, 10)};
}"""


@pytest.fixture
def saima_demo(seeded):  # noqa: F811
    call_command("saima_demo_setup")
    call_command(
        "import_monthly", str(Path(__file__).parents[2] / "seeds" / "saima_sample.csv")
    )


def _pages() -> list[tuple[str, str]]:
    # A target with an actual (a chart and a table of figures to lay out).
    target = (
        Target.objects.filter(actual__isnull=False)
        .annotate(n=Count("indicator__actuals"))
        .order_by("-n", "pk")
        .first()
    )
    assert target is not None
    return [
        ("review", "/?year=all"),
        ("target", f"/targets/{target.pk}/"),
        ("saima", "/saima/"),
    ]


def test_pages_fit_from_390_to_1440_px(page, saima_demo, tmp_path):
    _log_in(page)
    shots = Path(os.environ.get("DABIAO_SCREENSHOT_DIR", tmp_path))
    for name, url in _pages():
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url)
            page.wait_for_load_state("networkidle")
            found = page.evaluate(OVERFLOWING)
            if width == 390:
                assert found["out"] == [], (name, found)
                assert found["scroll"] <= found["width"], (name, found)
            # The top of long pages (a whole table of targets is many screens).
            height = min(page.evaluate("document.body.scrollHeight"), 2400)
            page.screenshot(
                path=str(shots / f"layout-{name}-{width}.png"),
                full_page=True,
                clip={"x": 0, "y": 0, "width": width, "height": height},
            )
    # The 赛马 page marks 红榜 red and 黑榜 dark, as the workbook does.
    page.goto("/saima/")
    colour = "(s) => getComputedStyle(document.querySelector(s)).backgroundColor"
    red = page.evaluate(colour, "tr.row-red td.rank")
    black = page.evaluate(colour, "tr.row-black td.rank")
    assert red == "rgb(244, 204, 204)"  # F4CCCC, saima.workbook.RED_FILL
    assert black == "rgb(64, 64, 64)"  # 404040, saima.workbook.BLACK_FILL
