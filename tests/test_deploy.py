"""Items 15-17: the documented production setup is secure and keeps secrets out.

The production environment here is the one a deployment gets by following the
README: .env.example with its CHANGE-ME values replaced, interpolated into the
compose file's app environment.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
VARIABLE = re.compile(r"\$\{(\w+)(?::([-?])([^}]*))?\}")


def env_example() -> dict[str, str]:
    values = {}
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def filled_env_file() -> dict[str, str]:
    """.env.example as the README says to fill it in."""
    return {
        key: secrets.token_urlsafe(50) if value == "CHANGE-ME" else value
        for key, value in env_example().items()
    }


def interpolate(text: str, env: dict[str, str]) -> str:
    def value(match: re.Match) -> str:
        name, kind, default = match.groups()
        if env.get(name):
            return env[name]
        if kind == "?":
            raise AssertionError(f"{name} is required but not in .env.example")
        return default or ""

    return VARIABLE.sub(value, text)


def production_env() -> dict[str, str]:
    env_file = filled_env_file()
    app = COMPOSE["x-app"]["environment"]
    env = {key: interpolate(str(value), env_file) for key, value in app.items()}
    env["VAR_DIR"] = "/tmp/dabiao-deploy-test"
    env["MEDIA_ROOT"] = "/tmp/dabiao-deploy-test/media"
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "REDIS_", "DEBUG", "SECRET_KEY", "SECURE_"))
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_with_the_documented_production_env_prints_no_warning():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        production_env(),
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNING" not in output


SECURITY = """
import json
import config.settings as s
print(json.dumps({name: getattr(s, name, None) for name in (
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY", "X_FRAME_OPTIONS", "SECURE_CONTENT_TYPE_NOSNIFF")}))
"""


def security_settings(**env: str) -> dict:
    result = run(["-c", SECURITY], {"VAR_DIR": "/tmp/dabiao-deploy-test", **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_is_secure_by_default_when_debug_is_off():
    values = security_settings(DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50))

    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
    }


def test_development_keeps_plain_http_working():
    values = security_settings(DEBUG="true")

    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SECURE_PROXY_SSL_HEADER"] is None
    assert values["SESSION_COOKIE_SECURE"] is False


@pytest.mark.parametrize(
    "entry",
    [
        ".git",
        ".venv",
        "var/",
        "out/",
        "media/",
        ".env",
        "**/__pycache__",
        ".pytest_cache",
        ".ruff_cache",
        ".hypothesis",
        "*.sqlite3",
    ],
)
def test_dockerignore_keeps_local_state_secrets_and_caches_out(entry):
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert entry in lines


def test_compose_writes_no_secret_and_takes_them_from_the_env_file():
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    required = {m.group(1) for m in VARIABLE.finditer(text) if m.group(2) == "?"}

    assert {"SECRET_KEY", "POSTGRES_PASSWORD", "REDIS_PASSWORD"} <= required
    assert required <= set(env_example())
    assert "dabiao:dabiao@" not in text
    app = COMPOSE["x-app"]["environment"]
    assert app["DATABASE_URL"].startswith("postgres://dabiao:${POSTGRES_PASSWORD")
    assert app["REDIS_URL"].startswith("redis://:${REDIS_PASSWORD")
    # Cookies and HTTPS stay on unless .env turns them off on purpose.
    switches = {k: v for k, v in app.items() if k.startswith(("SECURE_", "SESSION_"))}
    assert {k: interpolate(v, {}) for k, v in switches.items()} == {
        "SECURE_SSL_REDIRECT": "true",
        "SESSION_COOKIE_SECURE": "true",
    }
    assert interpolate(app["CSRF_COOKIE_SECURE"], {}) == "true"
    assert ".env" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_redis_requires_its_password():
    redis = COMPOSE["services"]["redis"]
    assert "--requirepass" in " ".join(redis["command"])
    assert "-a" in " ".join(redis["healthcheck"]["test"])


def test_only_the_web_app_is_published_and_on_localhost_by_default():
    published = {
        name: service.get("ports", [])
        for name, service in COMPOSE["services"].items()
        if service.get("ports")
    }
    assert list(published) == ["web"]
    [port] = published["web"]
    assert interpolate(port, {}) == "127.0.0.1:8000:8000"


def test_gunicorn_and_the_worker_are_bounded():
    web = COMPOSE["services"]["web"]["command"]
    for flag in ("--timeout", "--limit-request-line", "--limit-request-fields"):
        assert flag in web
    assert "--max-memory-per-child" in COMPOSE["services"]["worker"]["command"]
    env = production_env()
    assert int(env["DABIAO_MAX_REQUEST_BYTES"]) == 65 * 1024 * 1024
