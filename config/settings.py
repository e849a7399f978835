"""dabiao settings: one file, every deployment value read from the environment.

Defaults make a fresh checkout work with no services at all (SQLite, Celery eager);
production sets DATABASE_URL and REDIS_URL (see README, "Settings").
"""

from __future__ import annotations

import os
from datetime import timedelta
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
    "axes",
    "targets",
    "reports",
    "saima",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Refuses oversized bodies from Content-Length, before anything reads them.
    "config.limits.RequestBodyLimitMiddleware",
    # Serves collected static files under gunicorn: no CDN, no separate web server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Tells the API cache whose request a write is, so the writer reads it back.
    "targets.cache.WritesSeenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
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
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Login lockout (django-axes) -----------------------------------------------------
# Every login (admin, review pages, anything calling authenticate()) is counted;
# after AXES_FAILURE_LIMIT wrong passwords for one user from one address, that pair
# is refused for AXES_COOLOFF_MINUTES, even with the right password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Its start-up banner would land in every management command's stderr.
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "config.auth.client_ip"
# How many reverse proxies in front of gunicorn append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_COOLOFF_MESSAGE = (
    f"登录失败次数过多,该账户已暂时锁定,请 {AXES_COOLOFF_TIME.seconds // 60} "
    "分钟后再试,或联系管理员解锁。"
)
AXES_PERMALOCK_MESSAGE = "登录失败次数过多,该账户已锁定,请联系管理员解锁。"

LANGUAGE_CODE = "zh-hans"
# The only language: LocaleMiddleware must not switch Django's own admin strings to
# English for a browser that asks for en-US.
LANGUAGES = [("zh-hans", "简体中文")]
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
    # Unguessable names on disk; served only by authorised views (config/files.py).
    "default": {"BACKEND": "config.files.PrivateStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage",
    },
}

LOGIN_URL = "admin:login"
# After a login without ?next= (the admin's form always sends one; a script may not),
# go to the review page, not Django's default /accounts/profile/ (a 404 here).
LOGIN_REDIRECT_URL = "reports:review"
# Internal nginx location for MEDIA_ROOT; empty: gunicorn sends files itself.
DABIAO_X_ACCEL_REDIRECT = env_str("DABIAO_X_ACCEL_REDIRECT")
DABIAO_FILE_KEY = env_str("DABIAO_FILE_KEY")
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])

# --- Redis: Celery broker and cache when REDIS_URL is set -------------------------
REDIS_URL = env_str("REDIS_URL")

# Seconds to wait for Redis: with Redis down, a request fails (or the throttle
# fails open) at once instead of hanging its gunicorn worker.
REDIS_CONNECT_TIMEOUT = env_int("REDIS_CONNECT_TIMEOUT", 2)
REDIS_SOCKET_TIMEOUT = env_int("REDIS_SOCKET_TIMEOUT", 5)

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
                "socket_timeout": REDIS_SOCKET_TIMEOUT,
            },
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
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 60 * 30)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 60
# A killed pool child (OOM, kill -9) puts an acks_late task back on the queue
# instead of acknowledging it as done.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Redis redelivers an unacknowledged task after visibility_timeout; shorter than the
# time limit, a long task would run twice at once.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_TASK_TIME_LIMIT + 5 * 60,
    "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
    "socket_timeout": REDIS_SOCKET_TIMEOUT,
}
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_CONNECT_TIMEOUT
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_CONNECT_TIMEOUT
CELERY_REDIS_SOCKET_TIMEOUT = REDIS_SOCKET_TIMEOUT
# Publishing a task with the broker down fails after one quick retry (an API
# write answers 503, see targets/api/exceptions.py) instead of blocking ~20 s.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 0.5,
}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Synced into django-celery-beat's tables, where admins can edit or disable them.
CELERY_BEAT_SCHEDULE = {
    "nightly-evaluate-and-flag": {
        "task": "targets.tasks.evaluate_and_flag_all",
        "schedule": crontab(hour=2, minute=0),
    },
    # A document left "processing" by a killed worker goes back to the queue.
    "reap-stale-documents": {
        "task": "targets.tasks.reap_stale_documents",
        "schedule": crontab(minute="*/10"),
    },
    "monthly-saima-bulletin": {
        "task": "saima.tasks.export_previous_month_saima",
        "schedule": crontab(day_of_month=5, hour=8, minute=0),
    },
    "daily-flags-digest": {
        "task": "targets.tasks.send_flags_digest",
        "schedule": crontab(hour=8, minute=0),
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
    # Fails open when the cache is down (config/throttling.py).
    "DEFAULT_THROTTLE_CLASSES": ["config.throttling.WriteThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "writes": env_str("API_WRITE_THROTTLE", "120/min"),
        # POST /api/actuals/bulk/: up to 500 rows a request, its own budget.
        "actuals_bulk": env_str("API_BULK_THROTTLE", "30/min"),
    },
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
# A cached page rebuilt less than this long ago is served stale after a write
# (targets.cache.cached_page): at most one rebuild per page per interval.
DABIAO_API_REBUILD_SECONDS = float(os.environ.get("DABIAO_API_REBUILD_SECONDS", "1"))
# With a stale copy to serve, rebuild it in a thread instead of in the request.
DABIAO_API_BACKGROUND_REBUILD = env_bool("DABIAO_API_BACKGROUND_REBUILD", True)

# --- Evaluation ---------------------------------------------------------------------
# "~" (左右) targets count as met within this relative tolerance.
DABIAO_TOLERANCE = env_decimal("DABIAO_TOLERANCE", "0.05")
# A partial-year flow more than this share behind 序时进度 is at risk.
DABIAO_AT_RISK_MARGIN = env_decimal("DABIAO_AT_RISK_MARGIN", "0.05")
# Days after a target's period ends before missing data counts as no_data (flagged).
DABIAO_GRACE_DAYS = env_int("DABIAO_GRACE_DAYS", 90)

# --- Notifications (issue 13): the daily 预警 digest and the group robot ----------
# Console email unless EMAIL_HOST is set (the demo prints the digest).
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 465)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "dabiao@localhost")
# 企业微信 or 钉钉 group-robot URL; empty: no robot messages.
DABIAO_WEBHOOK_URL = env_str("DABIAO_WEBHOOK_URL")
DABIAO_WEBHOOK_ATTEMPTS = env_int("DABIAO_WEBHOOK_ATTEMPTS", 3)
DABIAO_WEBHOOK_BACKOFF_SECONDS = env_int("DABIAO_WEBHOOK_BACKOFF_SECONDS", 5)
# Largest document the upload page, the admin and the API accept (bytes).
DABIAO_UPLOAD_MAX_BYTES = env_int("DABIAO_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# --- HTTPS and headers: secure by default when DEBUG is off (docs/security.md) ------
# TLS ends at the reverse proxy, which must set X-Forwarded-Proto (and strip a
# client's own); gunicorn is published on 127.0.0.1 only.
if env_bool("TRUST_X_FORWARDED_PROTO", not DEBUG):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- Request sizes ---------------------------------------------------------------
# Form fields and non-file bodies (JSON) held in memory; larger is a 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Uploaded files above this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Whole request bodies above this are refused unread (config/limits.py): the
# loader's 64 MB document limit plus room for the multipart envelope.
DABIAO_MAX_REQUEST_BYTES = env_int("DABIAO_MAX_REQUEST_BYTES", 65 * 1024 * 1024)
