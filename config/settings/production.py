"""Production: HTTPS everywhere, a real secret key, compressed hashed static files."""

from .base import *  # noqa: F403

SECRET_KEY = require_secret_key(SECRET_KEY)  # noqa: F405

# Read only as the configured proxies vouch for it (security/proxy.py drops it without a proxy).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_REDIRECT  # noqa: F405
# Load balancers probe the health check over plain HTTP inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = HSTS_SECONDS  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Over HTTPS only: a stray http:// address in content is fetched over HTTPS instead of blocked.
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,  # noqa: F405
    "DIRECTIVES": CONTENT_SECURITY_POLICY["DIRECTIVES"] | {"upgrade-insecure-requests": True},  # noqa: F405
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
