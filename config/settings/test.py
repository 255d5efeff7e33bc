"""The test suite: fast hashing, emails kept in memory, static files without a manifest."""

import os
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key-not-for-production-use-0123456789abcdef"  # noqa: S105 - tests only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Every test that shows a picture encodes its AVIF renditions: the fastest speed, the size matters not.
IMAGES_AVIF_ENCODING_SPEED = 10
if not EMAIL_BACKEND_IS_SET:  # noqa: F405 - the fault suite's gunicorn talks to a real (hanging) server
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# One folder per run: two runs at once (a developer and CI) must not delete each other's files. Under
# pytest-xdist the workers share the run's folder (tests/database_template.py): the contents one worker
# builds for all (tests/database_rows.py) keep their pictures there. Django's storage never writes over
# a file: two workers saving the same name at once get two names.
_RUN_FOLDER = os.environ.get("TERRITOIRES_TEST_RUN_FOLDER")
MEDIA_ROOT = Path(_RUN_FOLDER) / "media" if _RUN_FOLDER else BASE_DIR / ".test-media" / f"run-{os.getpid()}"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# On, so that every test exercises invalidation; one process, so the local memory cache sees it all.
PAGE_CACHE_SECONDS = 600
PAGE_FRAGMENTS = True
# Tasks run at once, inside the code that enqueues them: the suite needs no worker. The tests of the
# real worker (tests/worker, PostgreSQL only) give their processes the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A commit returns without waiting for the server to write its WAL to disk (as with fsync=off on the
    # fault suite's own server): a run on PostgreSQL commits about 23,000 times, measured at 10 to 11 ms
    # each when waited for on this busy machine, 1 to 3 ms without. A test database is never read back
    # after a server crash.
    DATABASES["default"]["OPTIONS"]["options"] += " -c synchronous_commit=off"  # noqa: F405
# The admin's search index (Wagtail's "default" backend) is left alone when the tests save: it
# served no test, and keeping it up to date was a twelfth of the suite's Python time on PostgreSQL
# (about 27 s of 560). A test of the admin's search asks for it (the `admin_search_index` fixture).
# The site search's own index ("site") is kept up to date as on the site.
WAGTAILSEARCH_BACKENDS = {  # a copy: the production settings' own entries stay as they are
    **WAGTAILSEARCH_BACKENDS,  # noqa: F405
    "default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False},  # noqa: F405
}
