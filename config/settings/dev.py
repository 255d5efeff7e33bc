"""Local development: debug pages, any local host, emails printed to the console."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-secret-key-not-for-production-use-0123456789"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405
if not EMAIL_BACKEND_IS_SET:  # noqa: F405
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Static files come straight from the source folders; nothing is collected in development.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The benchmark's generator and its `measure_*` commands (bench/), for a throwaway database.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
