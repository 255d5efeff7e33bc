"""The Redis cache, for a server that may stop answering: one slow failure, then none for a while.

A page makes a dozen cache calls (the generation, the page, fragments, rate limits). Against a
Redis that is frozen, each would wait its socket timeout, and redis-py retries timeouts by itself:
13 s per page were measured. Here the first failure opens the circuit in this process: for
RETRY_SECONDS every call fails at once, which django-redis (IGNORE_EXCEPTIONS) turns into a miss,
and the site works without its cache. Then one call tries the server again.
"""

import logging
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
_open_until = {}  # server -> monotonic time until which it is not tried
_lock = threading.Lock()


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        # No retry inside redis-py: a server that did not answer once will not answer the next second.
        options.setdefault("CONNECTION_POOL_KWARGS", {}).setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(server, params)

    @property
    def client(self):
        return _Breaker(super().client, self._server)


def server_unavailable(server):
    return _open_until.get(server, 0) > time.monotonic()


class _Breaker:
    """django-redis' client, each call refused at once while the circuit is open."""

    def __init__(self, client, server):
        self._client = client
        self._server = server

    def __getattr__(self, name):
        attribute = getattr(self._client, name)
        if not callable(attribute):
            return attribute

        def guarded(*args, **kwargs):
            if server_unavailable(self._server):
                raise ConnectionInterrupted(connection=None)
            try:
                return attribute(*args, **kwargs)
            except ConnectionInterrupted:
                with _lock:
                    if not server_unavailable(self._server):
                        logger.warning("Redis did not answer: cache left aside for %s s", RETRY_SECONDS)
                    _open_until[self._server] = time.monotonic() + RETRY_SECONDS
                raise

        return guarded
