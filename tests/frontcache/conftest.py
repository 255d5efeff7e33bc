"""The front cache as deployed: nginx (deploy/nginx/) in front of gunicorn, sharing a Redis with this process.

gunicorn reads the test database (PostgreSQL: another process must see what the test commits) and
the same Redis as the test, so that a publication made here retires its page cache as it would in
production. nginx starts afresh for each test, with an empty cache; all three run on free ports in
temporary folders and are stopped by their own pids.
"""

import pytest
import requests

from django.conf import settings

from bench.front_cache import FrontCache
from config.settings.base import redis_cache
from pagecache.nginx import missing
from tests.faults.conftest import AppServer
from tests.faults.services import Redis

from .request_log import reached


@pytest.fixture(scope="module")
def shared_redis(tmp_path_factory):
    absent = missing()
    if absent:
        pytest.fail(f"Cache frontal impossible à tester ici : {', '.join(absent)} absent.", pytrace=False)
    server = Redis(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def django_behind(django_db_setup, shared_redis, tmp_path_factory):
    """gunicorn with the site, which it serves through the shared Redis as in production."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.fail("Le cache frontal se teste sur PostgreSQL (DATABASE_URL=postgres://…).", pytrace=False)
    folder = tmp_path_factory.mktemp("gunicorn")
    server = AppServer(
        folder / "gunicorn.log",
        DJANGO_SETTINGS_MODULE="tests.frontcache.settings",
        REDIS_URL=shared_redis.url,
        PAGE_CACHE_SECONDS="600",
        DJANGO_TRUSTED_PROXIES="1",
        FRONT_CACHE_REQUEST_LOG=str(folder / "requests.log"),
    )
    server.request_log = folder / "requests.log"
    try:
        server.wait_until_ready()
        yield server
    finally:
        server.stop()


class Front:
    """nginx's address, and how to ask it as a visitor of the site would."""

    def __init__(self, nginx, django):
        self.nginx, self.django = nginx, django

    def request(self, method, path, **kwargs):
        headers = {"Host": "testserver", **kwargs.pop("headers", {})}
        url = self.nginx.url + path
        return requests.request(method, url, headers=headers, timeout=15, allow_redirects=False, **kwargs)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def reached_django(self, path, method="GET"):
        return reached(self.django.request_log, method, path)


@pytest.fixture
def front(django_behind, shared_redis, transactional_db, settings, tmp_path):
    """nginx in front of gunicorn, purged by this process's publications; this process shares gunicorn's Redis."""
    shared_redis.client().flushall()
    django_behind.request_log.write_text("")
    settings.CACHES = {"default": redis_cache(shared_redis.url)}
    with FrontCache(tmp_path / "nginx", django_behind.url.removeprefix("http://"),
                    static_root=settings.BASE_DIR / "static", media_root=tmp_path / "media") as nginx:  # fmt: skip
        settings.WAGTAILFRONTENDCACHE = {
            "nginx": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": nginx.purge_url}
        }
        yield Front(nginx, django_behind)
