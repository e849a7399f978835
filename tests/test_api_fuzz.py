"""Schemathesis against /api/schema/: every operation, signed in as an editor and
as a region clerk, with generated parameters and bodies, never answers a 5xx.

Bounded and deterministic: a fixed number of examples per operation, derandomized
Hypothesis, no shrinking; run by .ci/run (`pytest -m schemathesis`), not by
`make test`.
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, given, settings
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode

pytestmark = [pytest.mark.schemathesis, pytest.mark.django_db]

EXAMPLES = 12


@pytest.fixture
def api_token(make_user, catalog, city, county, other_county) -> str:
    user = make_user("fuzz-admin", is_staff=True, is_superuser=True)
    return Token.objects.create(user=user).key


@pytest.fixture
def api_schema(api_token):
    return schemathesis.openapi.from_wsgi(
        "/api/schema/",
        get_wsgi_application(),
        headers={"Authorization": f"Token {api_token}"},
    )


def test_no_operation_answers_a_server_error(api_schema, api_token):
    """Both generation modes (valid and invalid input) for every operation; every
    5xx is collected and reported together."""
    headers = {"Authorization": f"Token {api_token}"}
    failures: list[str] = []
    answered: Counter[int] = Counter()
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 20

    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @settings(
                max_examples=EXAMPLES,
                derandomize=True,
                deadline=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
                database=None,
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case) -> None:
                response = case.call(headers=headers)
                answered[response.status_code] += 1
                if response.status_code >= 500:
                    failures.append(
                        f"{case.method} {case.formatted_path} {case.query or ''}"
                        f" → {response.status_code}: {response.text[:300]}"
                    )

            run()

    assert failures == []
    # It really ran: valid calls succeeded and invalid ones were refused.
    assert sum(answered.values()) >= len(operations) * EXAMPLES
    assert answered[200] > 0 and answered[400] > 0, answered
