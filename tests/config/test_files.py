"""Item 4: stored files have no public URL and unguessable names on disk."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import Resolver404, clear_url_caches, resolve

from reports.models import Export, ExportKind, ExportStatus

HEX_FOLDER = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture
def urls_reloaded_with_debug(settings):
    """config.urls imported again as a DEBUG=true process would import it."""
    import config.urls

    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


def test_media_has_no_url_even_with_debug_on(
    urls_reloaded_with_debug, client, settings
):
    name = default_storage.save("exports/scorecard-1.xlsx", ContentFile(b"PK data"))

    with pytest.raises(Resolver404):
        resolve(f"/{settings.MEDIA_URL}{name}")
    assert client.get(f"/{settings.MEDIA_URL}{name}").status_code == 404


def test_files_sit_in_unguessable_folders_under_readable_names(settings):
    name = default_storage.save("exports/scorecard-1.xlsx", ContentFile(b"PK data"))
    other = default_storage.save("exports/scorecard-2.xlsx", ContentFile(b"PK"))

    assert name == "exports/scorecard-1.xlsx"  # what the database keeps
    root = Path(settings.MEDIA_ROOT)
    assert not (root / name).exists()
    path = Path(default_storage.path(name))
    assert path.read_bytes() == b"PK data"
    assert path.name == "scorecard-1.xlsx"
    assert HEX_FOLDER.match(path.parent.name)
    assert path.parent.parent == root / "exports"
    assert Path(default_storage.path(other)).parent != path.parent


def test_the_folder_depends_on_the_key_and_a_rotated_key_still_finds_files(settings):
    settings.SECRET_KEY = "old-key-" + "x" * 50
    name = default_storage.save("documents/2024/06/plan.docx", ContentFile(b"doc"))
    old_path = default_storage.path(name)

    settings.SECRET_KEY = "new-key-" + "y" * 50
    settings.SECRET_KEY_FALLBACKS = ["old-key-" + "x" * 50]

    assert default_storage.exists(name)
    assert default_storage.path(name) == old_path
    with default_storage.open(name) as handle:
        assert handle.read() == b"doc"
    settings.SECRET_KEY_FALLBACKS = []
    assert not default_storage.exists(name)  # the folder name came from the key


def test_an_uploaded_document_is_stored_under_an_unguessable_folder(
    editor_client, settings
):
    from targets.models import Document

    text = "南陵县2024年科技工作要点\n全县高新技术企业达到50家。\n".encode()
    upload = ContentFile(text, name="plan.txt")
    response = editor_client.post(
        "/api/documents/", {"file": upload, "kind": "plan"}, format="multipart"
    )

    assert response.status_code in (200, 201, 202), response.content
    document = Document.objects.get()
    path = Path(document.file.path)
    assert HEX_FOLDER.match(path.parent.name)
    assert not (Path(settings.MEDIA_ROOT) / document.file.name).exists()


@pytest.fixture
def done_export(editor) -> Export:
    export = Export.objects.create(
        kind=ExportKind.SCORECARD,
        scope={},
        requested_by=editor,
        status=ExportStatus.DONE,
    )
    export.file.save("scorecard-9.xlsx", ContentFile(b"PK workbook"), save=True)
    return export


def test_downloads_need_a_login_and_send_the_file(done_export, editor_client, anon):
    url = f"/api/exports/{done_export.pk}/download/"

    assert anon.get(url).status_code == 401
    response = editor_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PK workbook"
    assert "scorecard-9.xlsx" in response["Content-Disposition"]


def test_downloads_go_through_x_accel_redirect_when_configured(
    done_export, editor_client, settings
):
    settings.DABIAO_X_ACCEL_REDIRECT = "/protected-media/"

    response = editor_client.get(f"/api/exports/{done_export.pk}/download/")

    assert response.status_code == 200
    assert response.content == b""
    redirect = response["X-Accel-Redirect"]
    folder = Path(done_export.file.path).parent.name
    assert redirect == f"/protected-media/exports/{folder}/scorecard-9.xlsx"
    assert "scorecard-9.xlsx" in response["Content-Disposition"]
