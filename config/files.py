"""Stored files (uploads, exports) leave only through authorised views.

Nothing under MEDIA_ROOT has a public URL: config/urls.py serves no media, whatever
DEBUG is. A view that has checked the user's right to a file answers with
``file_response``; behind nginx, setting DABIAO_X_ACCEL_REDIRECT (an ``internal``
location that maps to MEDIA_ROOT, e.g. ``/protected-media/``) hands the sending to
nginx instead of a gunicorn worker.

Names on disk are unguessable as well. The database keeps readable names
(``exports/scorecard-7.xlsx``: the download is called that), but PrivateStorage puts
each file in a directory named by an HMAC of that name
(``exports/3f2c…/scorecard-7.xlsx``), so a web server that wrongly exposes
MEDIA_ROOT does not give the files away by counting. The mapping is a pure
function of the name, so a retried export still replaces its earlier file. The key
is DABIAO_FILE_KEY (default: SECRET_KEY); files written under a key listed in
DABIAO_FILE_KEY_FALLBACKS (default: SECRET_KEY_FALLBACKS) are still found, so a key
can be rotated without moving files.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpResponse


def _keys() -> list[str]:
    current = getattr(settings, "DABIAO_FILE_KEY", "") or settings.SECRET_KEY
    fallbacks = getattr(settings, "DABIAO_FILE_KEY_FALLBACKS", None)
    if fallbacks is None:
        fallbacks = getattr(settings, "SECRET_KEY_FALLBACKS", [])
    return [current, *fallbacks]


def hidden_name(name: str, key: str | None = None) -> str:
    """Where the file called `name` lives, relative to MEDIA_ROOT."""
    path = PurePosixPath(name.replace("\\", "/"))
    secret = (key if key is not None else _keys()[0]).encode()
    token = hmac.new(secret, str(path).encode(), hashlib.sha256).hexdigest()[:32]
    return str(path.parent / token / path.name)


class PrivateStorage(FileSystemStorage):
    """FileSystemStorage that files every name under a keyed, unguessable folder."""

    def path(self, name: str) -> str:
        keys = _keys()
        first = super().path(hidden_name(name, keys[0]))
        for key in keys[1:]:
            if os.path.exists(first):
                break
            older = super().path(hidden_name(name, key))
            if os.path.exists(older):
                return older
        return first

    def _save(self, name: str, content) -> str:
        # FileSystemStorage returns the path it wrote; the database keeps the name.
        written = PurePosixPath(super()._save(name, content))
        return str(written.parent.parent / written.name)


def file_response(file: FieldFile, *, filename: str | None = None) -> HttpResponse:
    """Send a stored file as a download (the caller has checked access)."""
    name = filename or PurePosixPath(file.name).name
    prefix = getattr(settings, "DABIAO_X_ACCEL_REDIRECT", "")
    if prefix:
        storage = file.storage or default_storage
        relative = os.path.relpath(storage.path(file.name), storage.location)
        response = HttpResponse(content_type="application/octet-stream")
        response["X-Accel-Redirect"] = quote(
            f"{prefix.rstrip('/')}/{PurePosixPath(*relative.split(os.sep))}"
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
        return response
    return FileResponse(file.open("rb"), as_attachment=True, filename=name)
