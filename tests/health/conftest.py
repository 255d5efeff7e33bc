import pytest

from django.db import OperationalError, connections

from config.settings.base import redis_cache
from tests.network.conftest import join_form  # noqa: F401 - the join form page, shared with the network tests
from tests.network.test_join_form import closed_port


def _refuse_connection():
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


class DatabaseOutage:
    """The database as Django sees it when its server is stopped: every connection attempt is refused.

    The fault suite (tests/faults) stops the real server; here the failure enters where Django opens
    its connection, so every layer above (sessions, Wagtail, templates, middleware) meets it as in
    production.
    """

    def __init__(self):
        self._patch = pytest.MonkeyPatch()

    def stop(self):
        self._patch.setattr(connections["default"], "ensure_connection", _refuse_connection)

    def start(self):
        self._patch.undo()


@pytest.fixture
def database():
    outage = DatabaseOutage()
    yield outage
    outage.start()


@pytest.fixture
def dead_redis_cache(settings):
    """The production Redis cache settings, pointed at a port where no Redis listens."""
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port()}/0")}
