"""The demo path: setup → sample → import → export, and the admin upload page."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from saima.models import MonthlyFigure, Race
from targets.models import Flag

SEEDS = Path(settings.BASE_DIR) / "seeds"


def test_sample_file_in_the_repo_is_what_the_generator_writes(tmp_path):
    call_command("saima_sample", out=tmp_path / "s.csv")
    assert (tmp_path / "s.csv").read_bytes() == (
        SEEDS / "saima_sample.csv"
    ).read_bytes()
    assert (tmp_path / "s.csv").read_text(encoding="utf-8-sig").startswith("示例数据")


def test_demo_setup_import_and_export(db, tmp_path):
    call_command("saima_demo_setup")
    call_command("saima_demo_setup")
    race = Race.objects.get()
    assert (
        race.name,
        race.is_sample,
        race.members.count(),
        race.indicators.count(),
    ) == (
        "芜湖市科技创新赛马(示例数据)",
        True,
        10,
        7,
    )
    call_command("import_monthly", str(SEEDS / "saima_sample.csv"))
    assert MonthlyFigure.objects.count() == 596
    out = tmp_path / "out" / "saima-2024-06.xlsx"
    call_command("export_saima", month="2024-06", out=out)
    workbook = load_workbook(out)
    assert workbook["综合排名"]["A1"].value == "2024年6月全市科技创新赛马通报(示例数据)"
    assert len(workbook.sheetnames) == 9  # 综合排名, 综合得分图, 7 indicators
    ranked = [row[1].value for row in workbook["综合排名"].iter_rows(min_row=4)]
    assert len(ranked) == 10
    bulletin = [p.text for p in Document(str(out.with_suffix(".docx"))).paragraphs]
    assert bulletin[2].startswith("【示例数据】")  # after the title and a blank line
    assert bulletin[-1] == (
        "以下地区未按要求报送全部数据，未报送指标按0分计：芜湖三山经济开发区（科技贷款增速）。"
    )
    # Both sample gaps (March, June) are long past their deadlines: flagged.
    assert sorted(
        (f.month.month, f.region.name, f.kind) for f in Flag.objects.open()
    ) == [(3, "弋江区", "not_reported"), (6, "芜湖三山经济开发区", "not_reported")]
    # Without --month the latest month with figures is exported.
    call_command("export_saima", out=tmp_path / "latest.xlsx", text=True)
    assert (
        (tmp_path / "latest.txt")
        .read_text(encoding="utf-8")
        .startswith("2024年6月全市科技创新赛马通报")
    )


def test_import_command_prints_every_error_and_fails(race, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("月份,地区,指标,口径,数值,单位\n2024-6x,南陵县,研发投入,增速,1,%\n")
    with pytest.raises(CommandError, match="导入文件有1处错误"):
        call_command("import_monthly", str(bad))
    assert "第2行A列(月份):“2024-6x”不是有效月份" in capsys.readouterr().err
    assert MonthlyFigure.objects.count() == 0


def test_export_command_rejects_a_bad_month(race, tmp_path):
    with pytest.raises(CommandError, match="月份格式应为 2024-06"):
        call_command("export_saima", month="6月", out=tmp_path / "x.xlsx")


def test_admin_upload_page_imports_or_lists_errors(race, client):
    admin = User.objects.create_superuser("admin", "a@example.com", None)
    client.force_login(admin)
    url = "/admin/saima/monthlyfigure/upload/"
    assert client.get(url).status_code == 200
    bad = SimpleUploadedFile(
        "bad.csv",
        "月份,地区,指标,口径,数值,单位\n2024-06,南陵县,研发投入,增速,x,%\n".encode(),
    )
    response = client.post(url, {"file": bad})
    assert response.status_code == 200
    assert "第2行E列(数值):“x”不是数字" in response.content.decode()
    good = SimpleUploadedFile(
        "ok.csv",
        "月份,地区,指标,口径,数值,单位\n2024-06,南陵县,研发投入,增速,9,%\n".encode(),
    )
    response = client.post(url, {"file": good})
    assert response.status_code == 302
    assert MonthlyFigure.objects.count() == 1
    assert client.get("/admin/saima/monthlyfigure/").status_code == 200
    template = client.get("/admin/saima/monthlyfigure/template/")
    assert template.status_code == 200
    assert client.get(f"/admin/saima/race/{race.pk}/change/").status_code == 200
    races = client.get("/admin/saima/race/")
    assert '<td class="field-weight_total">100</td>' in races.content.decode()


def test_export_command_writes_quarter_and_year_rollups(
    race, june_figures, may_figures, tmp_path
):
    call_command("export_saima", quarter="2024-Q2", out=tmp_path / "q.xlsx")
    sheet = load_workbook(tmp_path / "q.xlsx")["汇总排名"]
    assert sheet["A1"].value == "2024年第2季度全市科技创新赛马汇总"
    assert [c.value for c in sheet[4]] == [1, "无为市", 80, "县", 100, 60]
    bulletin = [p.text for p in Document(str(tmp_path / "q.docx")).paragraphs]
    assert bulletin[0] == "2024年第2季度全市科技创新赛马通报"
    call_command("export_saima", year=2024, out=tmp_path / "y.xlsx")
    sheet = load_workbook(tmp_path / "y.xlsx")["汇总排名"]
    assert sheet["A1"].value == "2024年全市科技创新赛马汇总"
    call_command("export_saima", year=2024, out=tmp_path / "y.xlsx", text=True)
    assert (
        (tmp_path / "y.txt")
        .read_text(encoding="utf-8")
        .startswith("2024年全市科技创新赛马通报\n")
    )
    with pytest.raises(CommandError, match="季度格式应为 2024-Q2"):
        call_command("export_saima", quarter="Q5", out=tmp_path / "x.xlsx")
