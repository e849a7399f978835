"""The API's users and clients (tests/api/conftest.py) serve these tests too."""

from tests.api.conftest import *  # noqa: F403
