"""The benchmark (`make bench`): production settings served over plain HTTP on 127.0.0.1.

Everything else is production's, so that the measured costs are the ones visitors would cause.
"""

from .production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
# Outermost, so that it also counts what a page cache answers without reaching the view.
MIDDLEWARE = ["bench.middleware.query_count_header", *MIDDLEWARE]  # noqa: F405
# Throwaway files, kept out of the developer's media and static folders (bench/tmp is ignored by git).
STATIC_ROOT = BASE_DIR / "bench" / "tmp" / "static"  # noqa: F405
MEDIA_ROOT = BASE_DIR / "bench" / "tmp" / "media"  # noqa: F405
# The benchmark runs no worker: Wagtail's search and reference index updates of the demo and of the
# generated content happen at once, as they did before the task queue, so that search measures a full index.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
