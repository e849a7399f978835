"""The review loop as services: duplicates by text, decisions that survive
re-processing, rejected statements that take their rows with them, and a catalog
that learns from a correction."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest
from django.core.exceptions import ValidationError

from targets.models import (
    Actual,
    Decision,
    Document,
    DocumentStatus,
    Flag,
    Indicator,
    Mention,
    MentionReview,
    Target,
)
from targets.selectors_review import (
    alias_phrase,
    catalog_from_db,
    document_statements,
    documents_for,
    review_counts,
)
from targets.services.documents import document_ingest, document_process
from targets.services.review import (
    document_confirm_rest,
    document_reprocess,
    indicators_merge,
    statement_add,
    statement_decide,
)
from targets.services.uploads import document_upload

PLAN = (
    "芜湖市科技局2024年工作要点\n"
    "2024年,全市高新技术企业总数达到750家以上,省级以上研发平台达到80个,"
    "技术合同成交额达到300亿元,科技成果登记数达到120项。\n"
    "孵化面积:10万平方米(新增)。\n"
)
REPORT = (
    "芜湖市科技局2024年工作总结\n"
    "2024年,全市高新技术企业总数达到780家,技术合同成交额完成260亿元。\n"
)


def _docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _mention(document: Document, quote_part: str) -> Mention:
    return next(m for m in document.mentions.all() if quote_part in m.quote)


def _values(mention: Mention, **changes) -> dict:
    row = mention.target or mention.actual
    values = {
        "kind": mention.kind,
        "indicator_id": row.indicator_id,
        "value": str(mention.raw_value),
        "unit": mention.unit,
        "period": "2024",
        "region_id": row.region_id,
        "measure": row.measure,
        "comparator": row.comparator,
        "tier": getattr(row, "tier", ""),
    }
    values.update(changes)
    return values


@pytest.fixture
def planned(catalog, city, editor) -> Document:
    result = document_ingest(data=PLAN.encode(), name="plan.txt", user=editor)
    assert result.document.status == DocumentStatus.DONE
    return result.document


def test_the_same_report_as_gbk_utf8_and_docx_is_stored_once(catalog, city):
    first = document_upload(data=REPORT.encode("gbk"), name="总结.txt")
    utf8 = document_upload(data=REPORT.encode("utf-8"), name="总结-utf8.txt")
    word = document_upload(data=_docx(REPORT), name="总结.docx")
    assert (first.created, utf8.created, word.created) == (True, True, True)

    # The worker reads each file; the copies are recorded as such, not merged.
    assert not document_process(document=first.document).failed
    results = [document_process(document=o.document) for o in (utf8, word)]

    assert all(r.duplicate and not r.failed for r in results)
    for outcome in (utf8, word):
        outcome.document.refresh_from_db()
        assert outcome.document.error == (
            f"与《芜湖市科技局2024年工作总结》(编号 {first.document.pk})"
            "内容相同,已跳过。"
        )
        assert outcome.document.mentions.count() == 0
    again = document_upload(data=REPORT.encode("gbk"), name="总结-again.txt")
    assert (again.created, again.message) == (
        False,
        "与《芜湖市科技局2024年工作总结》内容相同,已跳过",
    )


def test_a_file_over_the_upload_limit_is_refused_with_its_size(catalog, settings):
    settings.DABIAO_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        document_upload(data=b"x" * 2048, name="big.txt")
    assert error.value.messages == ["文件“big.txt”过大:上限为 1 KB。"]
    assert not Document.objects.exists()


def test_confirming_marks_the_statement_and_counts_it(planned, editor):
    mention = _mention(planned, "高新技术企业")
    decision = statement_decide(user=editor, mention=mention, action="confirm")

    assert decision.user == editor
    assert decision.before == decision.after
    statements = document_statements(planned)
    counts = review_counts(statements)
    assert counts.confirmed == 1
    assert counts.unreviewed == counts.total - 1
    assert _mention(planned, "高新技术企业").review == MentionReview.CONFIRMED
    # Unreviewed statements are listed first.
    assert statements[-1].state == MentionReview.CONFIRMED


def test_rejecting_the_only_statement_removes_the_target_and_its_flags(planned, editor):
    mention = _mention(planned, "科技成果登记数")
    target = mention.target
    assert Flag.objects.filter(target=target).exists()  # no data yet

    statement_decide(user=editor, mention=mention, action="reject")

    assert not Target.objects.filter(pk=target.pk).exists()
    assert not Flag.objects.filter(target_id=target.pk).exists()
    rejected = [s for s in document_statements(planned) if s.state == "rejected"]
    assert [s.quote for s in rejected] == [mention.quote]
    assert review_counts(document_statements(planned)).rejected == 1


def test_correcting_a_value_rejudges_the_target_at_once(planned, editor, city):
    document_ingest(data=REPORT.encode(), name="report.txt")
    mention = _mention(planned, "技术合同成交额")
    target_id = mention.target_id
    assert Target.objects.get(pk=target_id).status == "missed"

    statement_decide(
        user=editor,
        mention=mention,
        action="correct",
        values=_values(mention, value="250"),
    )

    target = Target.objects.get(pk=target_id)  # the same row, corrected
    assert (target.value, target.norm_value) == (Decimal(250), Decimal(25_000_000_000))
    assert target.status == "met"
    decision = Decision.objects.get(action="correct")
    assert (decision.before["value"], decision.after["value"]) == ("300", "250")


def test_reprocessing_keeps_every_decision(planned, editor, city):
    high_tech = _mention(planned, "高新技术企业")
    turnover = _mention(planned, "技术合同成交额")
    statement_decide(user=editor, mention=high_tech, action="confirm")
    statement_decide(
        user=editor,
        mention=_mention(planned, "技术合同成交额"),
        action="correct",
        values=_values(turnover, value="320"),
    )
    statement_decide(
        user=editor, mention=_mention(planned, "研发平台"), action="reject"
    )
    # A line the engine does not read: the person adds it (补录).
    assert not any("孵化面积" in m.quote for m in planned.mentions.all())
    start = planned.text.index("孵化面积")
    end = planned.text.index("。", start)
    statement_add(
        user=editor,
        document=planned,
        start=start,
        end=end,
        values=_values(high_tech, value="10", unit="万平方米", measure="increase")
        | {"indicator_id": Indicator.objects.get(name="科技企业孵化器和众创空间数").pk},
    )
    before = sorted((m.quote, m.review, m.raw_value) for m in planned.mentions.all())
    targets_before = sorted(Target.objects.values_list("pk", "value"))
    history_before = Target.history.count()

    document_reprocess(document=planned)
    document_reprocess(document=planned)  # and again, as a new engine would

    after = sorted((m.quote, m.review, m.raw_value) for m in planned.mentions.all())
    assert after == before
    assert sorted(Target.objects.values_list("pk", "value")) == targets_before
    assert Target.history.count() == history_before  # nothing changed, nothing logged
    assert not any("研发平台" in q for q, _, _ in after)
    assert (
        _mention(planned, "技术合同成交额").target.value,
        _mention(planned, "孵化面积").review,
    ) == (Decimal(320), MentionReview.ADDED)


def test_reuploading_the_same_document_as_docx_adds_nothing(planned, editor):
    statement_decide(
        user=editor, mention=_mention(planned, "研发平台"), action="reject"
    )
    mentions = sorted(planned.mentions.values_list("quote", "review"))
    rows = (Target.objects.count(), Actual.objects.count())

    again = document_upload(data=_docx(PLAN), name="plan.docx", user=editor)
    document_process(document=again.document)

    again.document.refresh_from_db()
    assert again.document.status == DocumentStatus.SKIPPED
    assert f"(编号 {planned.pk})内容相同" in again.document.error
    assert again.document.mentions.count() == 0
    assert sorted(planned.mentions.values_list("quote", "review")) == mentions
    assert (Target.objects.count(), Actual.objects.count()) == rows


def test_confirming_the_rest_marks_the_document_reviewed(planned, editor):
    statement_decide(
        user=editor, mention=_mention(planned, "研发平台"), action="reject"
    )
    confirmed = document_confirm_rest(user=editor, document=planned)

    planned.refresh_from_db()
    assert confirmed == planned.mentions.count()
    assert planned.status == DocumentStatus.REVIEWED
    assert planned.get_status_display() == "已审核"


def test_a_corrected_indicator_with_its_alias_resolves_the_next_document(
    planned, editor, county
):
    platforms = Indicator.objects.get(name="科技创新平台数")
    mention = _mention(planned, "研发平台")
    assert mention.target.indicator != platforms  # read as a non-catalog indicator

    statement_decide(
        user=editor,
        mention=mention,
        action="correct",
        values=_values(mention, indicator_id=platforms.pk),
        alias=alias_phrase(mention),
    )
    assert "省级以上研发平台" in Indicator.objects.get(pk=platforms.pk).aliases
    assert "省级以上研发平台" in catalog_from_db().by_alias

    nxt = document_ingest(
        data="南陵县2025年工作要点\n2025年,全县省级以上研发平台达到90个。\n".encode(),
        name="nanling-2025.txt",
    ).document
    target = nxt.mentions.get().target
    assert (target.indicator, target.value, target.region) == (
        platforms,
        Decimal(90),
        county,
    )


def test_merging_indicators_moves_targets_and_teaches_the_alias(planned, editor):
    platforms = Indicator.objects.get(name="科技创新平台数")
    source = _mention(planned, "研发平台").target.indicator

    moved = indicators_merge(source=source, into=platforms)

    assert moved == 1
    assert not Indicator.objects.filter(pk=source.pk).exists()
    assert _mention(planned, "研发平台").target.indicator == platforms
    assert source.name in Indicator.objects.get(pk=platforms.pk).aliases
    document_reprocess(document=planned)
    assert _mention(planned, "研发平台").target.indicator == platforms


def test_a_county_group_sees_and_reviews_only_its_own_documents(
    planned, county_clerk, county, editor
):
    theirs = document_ingest(
        data="南陵县2024年工作要点\n2024年,全县高新技术企业达到60家。\n".encode(),
        name="nanling.txt",
    ).document

    assert list(documents_for(county_clerk)) == [theirs]
    assert set(documents_for(editor)) == {planned, theirs}
    with pytest.raises(ValidationError):
        statement_decide(
            user=county_clerk, mention=_mention(planned, "研发平台"), action="reject"
        )


def test_an_alias_learned_by_a_non_catalog_indicator_resolves_too(catalog, city):
    from targets.services.review import indicator_alias_add

    projects = Indicator.objects.create(name="校地合作项目数", unit="个")
    indicator_alias_add(indicator=projects, phrase="产学研合作项目")

    nxt = document_ingest(
        data="芜湖市2025年工作要点\n2025年,全市产学研合作项目达到12个。\n".encode(),
        name="wuhu-2025.txt",
    ).document

    assert nxt.mentions.get().target.indicator == projects
