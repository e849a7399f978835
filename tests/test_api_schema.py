"""The OpenAPI schema validates, and the interactive docs work offline."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/regions/",
    "/api/regions/{id}/",
    "/api/indicators/",
    "/api/indicators/{id}/",
    "/api/documents/",
    "/api/documents/{id}/",
    "/api/targets/",
    "/api/targets/{id}/",
    "/api/actuals/",
    "/api/actuals/{id}/",
    "/api/flags/",
    "/api/flags/{id}/",
    "/api/exports/",
    "/api/exports/{id}/",
    "/api/exports/{id}/download/",
    "/api/saima/races/",
    "/api/saima/races/{id}/results/",
    "/api/saima/import/",
    "/api/saima/template/",
}


def test_the_generated_schema_is_valid_openapi_with_every_endpoint():
    schema = SchemaGenerator().get_schema(request=None, public=True)

    validate_schema(schema)  # raises on an invalid document
    assert set(schema["paths"]) >= ENDPOINTS
    upload = schema["paths"]["/api/documents/"]["post"]
    assert list(upload["requestBody"]["content"]) == ["multipart/form-data"]
    assert "202" in schema["paths"]["/api/exports/"]["post"]["responses"]
    target_filters = {
        p["name"] for p in schema["paths"]["/api/targets/"]["get"]["parameters"]
    }
    assert {
        "region",
        "indicator",
        "year",
        "measure",
        "status",
        "provisional",
        "flagged",
        "ordering",
        "search",
        "page",
        "page_size",
    } <= target_filters


def test_the_spectacular_command_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))

    assert "/api/targets/" in out.read_text(encoding="utf-8")


def test_signed_in_users_get_the_schema_and_local_swagger_ui(reader_client):
    schema = reader_client.get("/api/schema/", HTTP_ACCEPT="application/json")
    docs = reader_client.get("/api/docs/")

    assert schema.status_code == 200
    assert schema.json()["info"]["title"] == "dabiao 达标 API"
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/api/docs/assets/swagger-ui-bundle.js" in html
    assert "/api/docs/assets/swagger-ui.css" in html
    # Offline offices: no asset from another host.
    assert "cdn" not in html.lower()
    assert "//unpkg" not in html and "jsdelivr" not in html


def test_swagger_ui_assets_are_served_locally(client):
    bundle = client.get("/api/docs/assets/swagger-ui-bundle.js")
    css = client.get("/api/docs/assets/swagger-ui.css")
    escape = client.get("/api/docs/assets/..%2Fsettings.py")

    assert bundle.status_code == 200
    assert b"SwaggerUIBundle" in b"".join(bundle.streaming_content)
    assert css.status_code == 200
    assert escape.status_code == 404
