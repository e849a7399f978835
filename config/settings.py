"""dabiao settings: one file, every deployment value read from the environment.

Defaults make a fresh checkout work with no services at all (SQLite, Celery eager);
production sets DATABASE_URL and REDIS_URL (see README, "Settings").
"""

from __future__ import annotations

import os
from decimal import Decimal, InvalidOperation
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {raw!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_decimal(name: str, default: str) -> Decimal:
    raw = os.environ.get(name, default)
    try:
        return Decimal(raw)
    except InvalidOperation as exc:
        raise ImproperlyConfigured(f"{name} must be a number, got {raw!r}") from exc


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "simple_history",
    "django_celery_beat",
    "targets",
    "reports",
    "saima",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves collected static files under gunicorn: no CDN, no separate web server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'dabiao.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo database lives under var/; make sure the folder exists.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
# WhiteNoise expects the folder to exist even before collectstatic has run.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").is_dir() else []

MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage",
    },
}

LOGIN_URL = "admin:login"

# --- Redis: Celery broker and cache when REDIS_URL is set -------------------------
REDIS_URL = env_str("REDIS_URL")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # No broker: run tasks in-process so the demo and tests need no server.
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = None
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_TASK_EAGER_PROPAGATES = True

CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = 60 * 30
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Synced into django-celery-beat's tables, where admins can edit or disable them.
CELERY_BEAT_SCHEDULE = {
    "nightly-evaluate-and-flag": {
        "task": "targets.tasks.evaluate_and_flag_all",
        "schedule": crontab(hour=2, minute=0),
    },
    "monthly-saima-bulletin": {
        "task": "saima.tasks.export_previous_month_saima",
        "schedule": crontab(day_of_month=5, hour=8, minute=0),
    },
    "quarterly-saima-rollup": {
        "task": "saima.tasks.export_quarter_saima",
        "schedule": crontab(
            month_of_year="1,4,7,10", day_of_month=5, hour=8, minute=30
        ),
    },
}

# --- REST API ---------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate challenge makes anonymous requests a 401.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "targets.api.filters.FilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "targets.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    # Services raise Django's ValidationError (in Chinese); the API answers 400.
    "EXCEPTION_HANDLER": "targets.api.exceptions.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"writes": env_str("API_WRITE_THROTTLE", "120/min")},
}

SPECTACULAR_SETTINGS = {
    "TITLE": "dabiao 达标 API",
    "DESCRIPTION": "目标与实际完成情况跟踪接口",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Several models have a "kind" and a "status"; name each choice set once so the
    # schema validates with --fail-on-warn.
    "ENUM_NAME_OVERRIDES": {
        "TargetStatusEnum": "targets.models.Status",
        "DocumentKindEnum": "targets.models.DocumentKind",
        "DocumentStatusEnum": "targets.models.DocumentStatus",
        "UploadKindEnum": "targets.api.serializers.UPLOAD_KINDS",
        "ExportKindEnum": "reports.models.ExportKind",
        "ExportRequestKindEnum": "reports.api.EXPORT_REQUEST_KINDS",
        "ExportStatusEnum": "reports.models.ExportStatus",
        "FlagKindEnum": "targets.models.FlagKind",
        "MentionKindEnum": "targets.models.MentionKind",
        "TargetMeasureEnum": "targets.models.Measure",
        "FigureMeasureEnum": "saima.models.FigureMeasure",
    },
}

# --- API response cache (targets/cache.py) -------------------------------------------
# Versioned cache of /api/targets/ responses; on by default only with a shared cache
# (Redis), because a per-process cache can't see other workers' invalidations.
DABIAO_API_CACHE = (
    env_bool("DABIAO_API_CACHE", False) if os.environ.get("DABIAO_API_CACHE") else None
)
DABIAO_API_CACHE_SECONDS = env_int("DABIAO_API_CACHE_SECONDS", 300)

# --- Evaluation ---------------------------------------------------------------------
# "~" (左右) targets count as met within this relative tolerance.
DABIAO_TOLERANCE = env_decimal("DABIAO_TOLERANCE", "0.05")
# A partial-year flow more than this share behind 序时进度 is at risk.
DABIAO_AT_RISK_MARGIN = env_decimal("DABIAO_AT_RISK_MARGIN", "0.05")
# Days after a target's period ends before missing data counts as no_data (flagged).
DABIAO_GRACE_DAYS = env_int("DABIAO_GRACE_DAYS", 90)
# Largest document the upload page, the admin and the API accept (bytes).
DABIAO_UPLOAD_MAX_BYTES = env_int("DABIAO_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
