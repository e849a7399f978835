"""Item 5: login lockout (django-axes), password strength, no /accounts/profile/."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory

from config.auth import client_ip

PASSWORD = "Zhe-shi-mima-2024"


@pytest.fixture
def officer(db) -> User:
    return User.objects.create_user("officer", password=PASSWORD, is_staff=True)


@pytest.mark.parametrize("url", ["/login/", "/admin/login/"])
def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(
    officer, settings, url
):
    client = Client()
    answers = [
        client.post(url, {"username": "officer", "password": "guess-123"}).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    # The form again with its error, until the last failure locks the account.
    assert answers == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]

    right = client.post(url, {"username": "officer", "password": PASSWORD})

    assert right.status_code == 429
    assert "登录失败次数过多" in right.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_correct_password_before_the_limit_logs_in_and_resets_the_count(
    officer, settings
):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/login/", {"username": "officer", "password": "guess-123"})
    assert (
        client.post("/login/", {"username": "officer", "password": PASSWORD})[
            "Location"
        ]
        == "/"
    )
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/login/", {"username": "officer", "password": "guess-123"})
    assert (
        client.post("/login/", {"username": "officer", "password": PASSWORD})[
            "Location"
        ]
        == "/"
    )


@pytest.mark.parametrize("url", ["/admin/login/", "/login/"])
def test_a_login_without_next_lands_on_the_review_page(officer, url):
    client = Client()
    response = client.post(url, {"username": "officer", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "password",
    ["20241231", "2024123112", "abcdefg1", "password123", "officer2024"],
    ids=["numeric", "numeric-10", "short", "common", "like-username"],
)
def test_weak_passwords_are_refused(password):
    user = User(username="officer2024", email="officer@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_unusual_password_is_accepted():
    validate_password(PASSWORD, User(username="officer"))


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.9"),
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # the client wrote 6.6.6.6 itself
        (2, "1.2.3.4", "10.0.0.9"),  # fewer hops than proxies: don't guess
    ],
)
def test_lockout_counts_the_address_the_trusted_proxy_saw(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR=forwarded
    )
    assert client_ip(request) == expected
