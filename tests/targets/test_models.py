"""Invariants the database holds, whatever code writes the rows."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from targets.models import Document, Flag, Target


def test_the_same_content_cannot_be_stored_twice(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(name="copy.txt", sha256=plan.sha256)

    assert Document.objects.count() == 1


def test_there_is_one_target_per_key(make_target, high_tech_target):
    same_key = {
        "region": high_tech_target.region,
        "indicator": high_tech_target.indicator,
        "value": "800",
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        make_target(**same_key)
    # Another tier of the same goal is another key.
    make_target(**same_key, tier="stretch")

    assert Target.objects.count() == 2


def test_a_target_has_one_open_flag_per_kind(high_tech_target):
    Flag.objects.create(target=high_tech_target, kind="missed", reason="一")

    with pytest.raises(IntegrityError), transaction.atomic():
        Flag.objects.create(target=high_tech_target, kind="missed", reason="二")

    Flag.objects.update(resolved_at=timezone.now())
    Flag.objects.create(target=high_tech_target, kind="missed", reason="三")
    Flag.objects.create(target=high_tech_target, kind="no_data", reason="四")
    assert sorted(Flag.objects.open().values_list("reason", flat=True)) == ["三", "四"]
