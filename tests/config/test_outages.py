"""Item 12: with Redis unreachable, the API fails fast and clearly, never a 500."""

from __future__ import annotations

import logging

import kombu.exceptions
import pytest
import redis.exceptions
from django.core.cache import caches
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from config.outages import OUTAGE_MESSAGE
from config.throttling import WriteThrottle
from targets.api.exceptions import exception_handler

# Nothing listens on port 1: connections are refused at once.
DEAD_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


@pytest.fixture
def redis_down(settings):
    working = settings.CACHES
    settings.CACHES = DEAD_REDIS
    yield
    caches["default"].close()
    # Back before other fixtures' teardown (cache.clear()) meets the dead one.
    settings.CACHES = working


class WriteView(APIView):
    throttle_scope = "writes"


def test_the_write_throttle_lets_requests_through_when_the_cache_is_down(
    redis_down, caplog, editor
):
    request = APIRequestFactory().post("/api/actuals/")
    request.user = editor

    with caplog.at_level(logging.WARNING, logger="config.throttling"):
        allowed = WriteThrottle().allow_request(request, WriteView())

    assert allowed is True
    assert "cache unreachable" in caplog.text


def test_the_write_throttle_still_counts_when_the_cache_is_up(editor):
    class TwoPerMinute(WriteThrottle):
        THROTTLE_RATES = {"writes": "2/min"}

    request = APIRequestFactory().post("/api/actuals/")
    request.user = editor
    answers = [TwoPerMinute().allow_request(request, WriteView()) for _ in "abc"]

    assert answers == [True, True, False]


@pytest.mark.parametrize(
    "exc",
    [
        redis.exceptions.ConnectionError("Error 111 connecting to 127.0.0.1:1"),
        redis.exceptions.TimeoutError("Timeout connecting to server"),
        kombu.exceptions.OperationalError("Error 111 connecting to redis:6379"),
    ],
    ids=["cache-refused", "cache-timeout", "broker"],
)
def test_a_redis_outage_is_a_503_in_chinese(exc):
    response = exception_handler(exc, {})

    assert response is not None
    assert response.status_code == 503
    assert response.data == {"detail": OUTAGE_MESSAGE}


def test_an_api_write_with_redis_down_is_not_a_500(
    redis_down, editor_client, high_tech, county
):
    editor_client.raise_request_exception = False

    response = editor_client.post(
        "/api/actuals/",
        {
            "region": county.pk,
            "indicator": high_tech.pk,
            "measure": "level",
            "period": "2024",
            "value": "55",
            "unit": "家",
        },
        format="json",
    )

    assert response.status_code in (201, 503), response.content
    if response.status_code == 503:
        assert response.json() == {"detail": OUTAGE_MESSAGE}
