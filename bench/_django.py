"""Django on a throwaway SQLite database, for the bench scripts.

Not named ``bench_*``: ``make bench`` runs every ``bench/bench_*.py``. The scripts
are run as ``python bench/bench_X.py``, so this folder is on ``sys.path`` and they
import this module as ``_django``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(prefix: str, workdir: Path | None = None) -> Path:
    """Point the settings at a fresh folder (``workdir``, or a new temporary one
    named ``prefix``…) with its own SQLite database, media and var dirs, Celery
    eager, and start Django. Returns the folder; the caller migrates."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    workdir = workdir or Path(tempfile.mkdtemp(prefix=prefix))
    # Before django.setup(): settings read these once.
    os.environ["VAR_DIR"] = str(workdir)
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.pop("REDIS_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ.setdefault("LOG_LEVEL", "WARNING")

    import django

    django.setup()
    return workdir
