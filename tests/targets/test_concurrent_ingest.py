"""Issue 14, item 10: four ingests of different documents about the same targets at
once, on PostgreSQL, all succeed: one target per key, one open flag per kind.

The threads are held at a barrier just before each one's first INSERT of a
target, so all four find no target and insert together — the race that failed
with IntegrityError (targets_target_one_per_key) before the merge was made safe.
"""

from __future__ import annotations

import contextlib
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from targets.models import Document, DocumentStatus, Flag, Mention, Target
from targets.services.documents import document_create, document_process

pytestmark = pytest.mark.integration

WORKERS = 4


@pytest.fixture
def postgres(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")


def _run_concurrently(document_ids: list[int]) -> list[object]:
    outcomes: list[object] = [None] * len(document_ids)

    def work(index: int, pk: int) -> None:
        try:
            document = Document.objects.get(pk=pk)
            outcomes[index] = document_process(document=document)
        except Exception as exc:  # recorded, asserted below
            outcomes[index] = exc
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=work, args=(i, pk)) for i, pk in enumerate(document_ids)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def test_concurrent_ingests_about_the_same_targets_all_succeed(
    postgres, engine, make_record, monkeypatch
):
    names = [f"report-{i}.txt" for i in range(WORKERS)]
    for i, name in enumerate(names):
        engine.returns(
            name,
            [
                # The same goal in every document; one says 800, a conflict.
                make_record(doc=name, value="800" if i == 3 else "750"),
                make_record(
                    doc=name,
                    indicator="研发经费投入强度",
                    value="3",
                    unit="%",
                    norm_unit="%",
                    indicator_code="",
                ),
                make_record(doc=name, kind="actual", value=str(600 + i)),
            ],
        )
    stored = [
        document_create(data=f"{name}\n内容".encode(), name=name)[0] for name in names
    ]

    barrier = threading.Barrier(WORKERS, timeout=10)
    seen = threading.local()
    real_create = Target.objects.create

    def create_together(**fields):
        if not getattr(seen, "waited", False):
            seen.waited = True
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()
        return real_create(**fields)

    monkeypatch.setattr(Target.objects, "create", create_together)

    outcomes = _run_concurrently([d.pk for d in stored])

    errors = [o for o in outcomes if isinstance(o, Exception) or o.failed]
    assert errors == []
    assert set(Document.objects.values_list("status", flat=True)) == {
        DocumentStatus.DONE
    }
    high_tech = Target.objects.get(indicator__name="高新技术企业数")
    assert high_tech.norm_value in (Decimal(750), Decimal(800))
    assert Target.objects.filter(indicator__name="研发经费投入强度").count() == 1
    assert Mention.objects.filter(target=high_tech).count() == WORKERS
    open_flags = list(
        Flag.objects.open().filter(target__isnull=False).values_list("target", "kind")
    )
    assert len(open_flags) == len(set(open_flags))
    assert Flag.objects.open().filter(target=high_tech, kind="conflict").count() == 1
