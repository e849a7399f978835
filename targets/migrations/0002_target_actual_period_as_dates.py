"""Target.actual_period ("2024", "2022-01/2022-10") becomes two dates.

The strings are parsed into actual_period_start/actual_period_end (history rows
too) before the column goes; the way back writes the strings again. The parser is
copied here so the migration keeps meaning what it meant when it was written."""

import calendar
import datetime as dt
import re

from django.db import migrations, models

_YEAR = re.compile(r"^(\d{4})$")
_YEARS = re.compile(r"^(\d{4})/(\d{4})$")
_MONTHS = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _month_end(year, month):
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _dates(text):
    text = (text or "").strip()
    try:
        if m := _YEAR.match(text):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := _YEARS.match(text):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31)
        if m := _MONTHS.match(text):
            start = dt.date(int(m[1]), int(m[2]), 1)
            return start, _month_end(int(m[3]), int(m[4]))
        if m := _MONTH.match(text):
            start = dt.date(int(m[1]), int(m[2]), 1)
            return start, _month_end(int(m[1]), int(m[2]))
    except ValueError:
        pass
    return None, None


def _text(start, end):
    if start is None or end is None:
        return ""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year == end.year:
            return str(start.year)
        return f"{start.year}/{end.year}"
    return f"{start:%Y-%m}/{end:%Y-%m}"


def strings_to_dates(apps, schema_editor):
    for name in ("Target", "HistoricalTarget"):
        model = apps.get_model("targets", name)
        changed = []
        for row in model.objects.exclude(actual_period="").only("pk", "actual_period"):
            start, end = _dates(row.actual_period)
            if start is not None and end >= start:
                row.actual_period_start, row.actual_period_end = start, end
                changed.append(row)
        model.objects.bulk_update(
            changed, ["actual_period_start", "actual_period_end"], batch_size=1000
        )


def dates_to_strings(apps, schema_editor):
    for name in ("Target", "HistoricalTarget"):
        model = apps.get_model("targets", name)
        rows = list(model.objects.exclude(actual_period_start=None))
        for row in rows:
            row.actual_period = _text(row.actual_period_start, row.actual_period_end)
        model.objects.bulk_update(rows, ["actual_period"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ("targets", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicaltarget",
            name="actual_period_end",
            field=models.DateField(blank=True, null=True, verbose_name="实际期间结束"),
        ),
        migrations.AddField(
            model_name="historicaltarget",
            name="actual_period_start",
            field=models.DateField(blank=True, null=True, verbose_name="实际期间开始"),
        ),
        migrations.AddField(
            model_name="target",
            name="actual_period_end",
            field=models.DateField(blank=True, null=True, verbose_name="实际期间结束"),
        ),
        migrations.AddField(
            model_name="target",
            name="actual_period_start",
            field=models.DateField(blank=True, null=True, verbose_name="实际期间开始"),
        ),
        migrations.RunPython(strings_to_dates, dates_to_strings),
        migrations.RemoveField(
            model_name="historicaltarget",
            name="actual_period",
        ),
        migrations.RemoveField(
            model_name="target",
            name="actual_period",
        ),
        migrations.AddConstraint(
            model_name="target",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("actual_period_end__isnull", True),
                        ("actual_period_start__isnull", True),
                    ),
                    ("actual_period_end__gte", models.F("actual_period_start")),
                    _connector="OR",
                ),
                name="targets_target_actual_period_ordered",
            ),
        ),
    ]
