"""The site as the suite runs it, for gunicorn behind the front cache: every request it receives is written down."""

from config.settings.test import *  # noqa: F403

MIDDLEWARE = ["tests.frontcache.request_log.write_down", *MIDDLEWARE]  # noqa: F405
ROOT_URLCONF = "tests.frontcache.urls"
