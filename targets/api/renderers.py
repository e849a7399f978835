from __future__ import annotations

import json

from rest_framework.renderers import BaseRenderer


class PassthroughRenderer(BaseRenderer):
    """Lets a client that asks for the workbook's own type get it (no 406)."""

    media_type = "*/*"
    format = "xlsx"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        # Only error payloads get here (the file itself bypasses rendering).
        return json.dumps(data, ensure_ascii=False).encode()
