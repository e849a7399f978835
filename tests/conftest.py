"""One small named world that tests read like sentences: a city with two counties,
a few catalog indicators, one plan and one report; users with each kind of access;
and the one builder of test targets (``make_target``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from targets.catalog import catalog_load
from targets.models import (
    Actual,
    Document,
    DocumentKind,
    Flag,
    Indicator,
    Mention,
    MentionKind,
    Region,
    RegionGroup,
    RegionLevel,
    Status,
    Target,
)
from targets.periods import Period
from targets.permissions import EDITOR_GROUP


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def catalog(db) -> None:
    catalog_load()


@pytest.fixture
def city(db) -> Region:
    return Region.objects.create(name="芜湖市", level=RegionLevel.CITY)


@pytest.fixture
def county(city) -> Region:
    return Region.objects.create(name="南陵县", level=RegionLevel.COUNTY, parent=city)


@pytest.fixture
def other_county(city) -> Region:
    return Region.objects.create(name="无为市", level=RegionLevel.COUNTY, parent=city)


@pytest.fixture
def high_tech(catalog) -> Indicator:
    return Indicator.objects.get(code="high_tech_enterprises")


@pytest.fixture
def contract_turnover(catalog) -> Indicator:
    return Indicator.objects.get(code="tech_contract_turnover")


@pytest.fixture
def plan(city) -> Document:
    return Document.objects.create(
        name="plan-2024.txt",
        sha256="a" * 64,
        title="芜湖市科技局2024年工作要点",
        region=city,
        kind=DocumentKind.PLAN,
        year=2024,
        text="2024年,全市高新技术企业总数达到750家以上。",
    )


@pytest.fixture
def report(city) -> Document:
    return Document.objects.create(
        name="report-2024.txt",
        sha256="b" * 64,
        title="芜湖市科技局2024年工作总结",
        region=city,
        kind=DocumentKind.REPORT,
        year=2024,
        text="2024年,全市高新技术企业总数达到780家。",
    )


@pytest.fixture
def high_tech_target(make_target, city, high_tech, plan) -> Target:
    """芜湖市 2024 高新技术企业数 ≥750家, from the plan, not yet judged."""
    return make_target(region=city, indicator=high_tech, value="750", plan=plan)


@pytest.fixture
def make_target(db) -> Callable[..., Target]:
    """make_target(region=..., indicator=..., **fields): a target with its stored
    evaluation, and its quote in the plan when both are given. The one builder of
    test targets."""

    def make(
        *,
        region: Region,
        indicator: Indicator,
        value: str = "100",
        unit: str = "家",
        norm_value: str | None = None,
        norm_unit: str = "count",
        year: int = 2024,
        measure: str = "level",
        comparator: str = ">=",
        status: str = Status.NO_DATA,
        progress: str | None = None,
        schedule_progress: str | None = None,
        actual_norm_value: str | None = None,
        actual_period: str = "",
        provisional: bool = False,
        plan: Document | None = None,
        quote: str | None = None,
        tier: str = Target.BASE_TIER,
        evaluated_at: dt.datetime | None = None,
    ) -> Target:
        actual_span = Period.from_contract(actual_period) if actual_period else None
        target = Target.objects.create(
            region=region,
            indicator=indicator,
            measure=measure,
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
            comparator=comparator,
            value=Decimal(value),
            unit=unit,
            norm_value=Decimal(value if norm_value is None else norm_value),
            norm_unit=norm_unit,
            tier=tier,
            plan=plan,
            status=status,
            provisional=provisional,
            progress=None if progress is None else Decimal(progress),
            schedule_progress=(
                None if schedule_progress is None else Decimal(schedule_progress)
            ),
            actual_norm_value=(
                None if actual_norm_value is None else Decimal(actual_norm_value)
            ),
            actual_period_start=actual_span.start if actual_span else None,
            actual_period_end=actual_span.end if actual_span else None,
            evaluated_at=evaluated_at,
        )
        if quote is not None and plan is not None:
            Mention.objects.create(
                document=plan,
                kind=MentionKind.TARGET,
                start=Mention.objects.filter(document=plan).count() * 100,
                end=Mention.objects.filter(document=plan).count() * 100 + len(quote),
                quote=quote,
                raw_value=Decimal(value),
                unit=unit,
                target=target,
            )
        return target

    return make


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # PBKDF2 at production strength costs ~0.5 s per user on this machine.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_throttle_history():
    # Throttle counters live in the cache; user ids repeat across rolled-back tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db) -> Callable[..., User]:
    def make(username: str, *, groups: tuple[str, ...] = (), **extra) -> User:
        user = User.objects.create_user(
            username=username, password="pw-123456", **extra
        )
        for name in groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        return user

    return make


@pytest.fixture
def reader(make_user) -> User:
    return make_user("reader")


@pytest.fixture
def editor(make_user) -> User:
    return make_user("editor", groups=(EDITOR_GROUP,))


@pytest.fixture
def staff(make_user) -> User:
    return make_user("staff", is_staff=True)


@pytest.fixture
def county_clerk(make_user, county) -> User:
    """A 南陵县 user: may enter actuals for 南陵县 and the regions below it."""
    group = Group.objects.create(name="南陵县填报")
    RegionGroup.objects.create(group=group, region=county)
    return make_user("nanling", groups=("南陵县填报",))


@pytest.fixture
def county_zone(county) -> Region:
    return Region.objects.create(
        name="南陵经济开发区", level=RegionLevel.ZONE, parent=county
    )


def client_for(user: User | None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


@pytest.fixture
def reader_client(reader) -> APIClient:
    return client_for(reader)


@pytest.fixture
def editor_client(editor) -> APIClient:
    return client_for(editor)


@pytest.fixture
def clerk_client(county_clerk) -> APIClient:
    return client_for(county_clerk)


@pytest.fixture
def token_client(reader) -> APIClient:
    client = APIClient()
    token = Token.objects.create(user=reader)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def evaluated(high_tech_target, report, high_tech) -> Target:
    """芜湖市 2024 高企 target (≥750家), met by the report (780家), quotes on both."""
    plan = high_tech_target.plan
    actual = Actual.objects.create(
        region=high_tech_target.region,
        indicator=high_tech,
        measure="level",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        value=Decimal("780"),
        unit="家",
        norm_value=Decimal("780"),
        norm_unit="count",
        document=report,
        reported_date=dt.date(2025, 1, 20),
    )
    target_quote = "全市高新技术企业总数达到750家以上"
    actual_quote = "全市高新技术企业总数达到780家"
    Mention.objects.create(
        document=plan,
        kind="target",
        start=plan.text.index(target_quote),
        end=plan.text.index(target_quote) + len(target_quote),
        quote=target_quote,
        raw_value=Decimal("750"),
        unit="家",
        target=high_tech_target,
    )
    Mention.objects.create(
        document=report,
        kind="actual",
        start=report.text.index(actual_quote),
        end=report.text.index(actual_quote) + len(actual_quote),
        quote=actual_quote,
        raw_value=Decimal("780"),
        unit="家",
        actual=actual,
    )
    Target.objects.filter(pk=high_tech_target.pk).update(
        status="met",
        progress=Decimal("1.04"),
        actual=actual,
        actual_norm_value=Decimal("780"),
        actual_period_start=dt.date(2024, 1, 1),
        actual_period_end=dt.date(2024, 12, 31),
    )
    high_tech_target.refresh_from_db()
    return high_tech_target


@pytest.fixture
def many_targets(
    city, county, other_county, catalog, make_target
) -> Callable[[int], list[Target]]:
    """n targets spread over regions and indicators, each with an actual, a mention
    for both, and an open flag: every related row a list endpoint might show."""

    calls = []

    def build(n: int) -> list[Target]:
        # Each call is a new batch: its own document and years, so keys never clash.
        calls.append(n)
        batch = len(calls)
        indicators = list(Indicator.objects.order_by("pk")[:n])
        regions = [city, county, other_county]
        doc = Document.objects.create(
            name=f"bulk-{batch}.txt",
            sha256=f"{batch:064d}",
            region=city,
            kind=DocumentKind.BOTH,
            year=2024,
            text="甲" * 100,
        )
        targets = []
        for i in range(n):
            region = regions[i % 3]
            indicator = indicators[i % len(indicators)]
            year = 2000 + 10 * batch + i // (3 * len(indicators))
            target = make_target(
                region=region,
                indicator=indicator,
                year=year,
                status="at_risk",
                progress="0.4",
                schedule_progress="0.5",
                plan=doc,
            )
            actual = Actual.objects.create(
                region=region,
                indicator=indicator,
                measure="level",
                period_start=dt.date(year, 1, 1),
                period_end=dt.date(year, 6, 30),
                value=Decimal("40"),
                unit="家",
                norm_value=Decimal("40"),
                norm_unit="count",
                document=doc,
                entered_by=None,
            )
            Target.objects.filter(pk=target.pk).update(actual=actual)
            Mention.objects.create(
                document=doc,
                kind="target",
                start=i,
                end=i + 1,
                quote="甲",
                raw_value=Decimal(i),
                target=target,
            )
            Mention.objects.create(
                document=doc,
                kind="actual",
                start=i,
                end=i + 1,
                quote="甲",
                raw_value=Decimal(i) + 1000,
                actual=actual,
            )
            Flag.objects.create(target=target, kind="at_risk", reason="进度滞后")
            targets.append(target)
        return targets

    return build
