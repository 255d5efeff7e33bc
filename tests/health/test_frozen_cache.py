"""A Redis that accepts connections and never answers (a frozen server) costs one timeout, then nothing."""

import socket
import time

import pytest

from django.core.cache import cache

from config.settings.base import redis_cache
from health.cache import server_unavailable


@pytest.fixture
def frozen_redis(settings):
    """A listening socket that nobody reads: connections succeed, commands wait for ever."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        location = f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
        settings.CACHES = {"default": redis_cache(location)}
        yield location


def test_a_frozen_cache_is_left_aside_after_its_first_timeout(frozen_redis):
    started = time.monotonic()
    for _ in range(10):
        assert cache.get("pagecache:generation") is None
        cache.set("pagecache:some-page", "contenu")
    assert time.monotonic() - started < 1.5
    assert server_unavailable(frozen_redis)
