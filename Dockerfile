# dabiao production image: gunicorn serves the web app; the same image runs the
# Celery worker and beat (see docker-compose.yml).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings \
    VAR_DIR=/app/var

WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
RUN useradd --create-home --uid 1000 dabiao \
    && mkdir -p /app/var/media /app/var/static \
    && DEBUG=true python manage.py collectstatic --no-input -v 0 \
    && chown -R dabiao:dabiao /app/var

USER dabiao
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "5", "--worker-class", "gthread", "--threads", "1", "--access-logfile", "-", "--timeout", "120", "--limit-request-line", "8190", "--limit-request-fields", "100", "--limit-request-field_size", "8190", "--max-requests", "1000", "--max-requests-jitter", "100"]
