"""The API's users and clients (tests/api/conftest.py) serve these tests too."""

from tests.api.conftest import *  # noqa: F403

# `import *` leaves out underscore names: the autouse fixtures must be named.
from tests.api.conftest import _fast_passwords, _fresh_throttle_history  # noqa: F401
