"""Proxy headers are read only as far as the configured proxies vouch for them, counted from the right."""

import pytest

from django.http import HttpResponse
from django.test import RequestFactory

from security.proxy import TrustedProxyMiddleware


def seen(settings, proxies, **headers):
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", **headers)
    TrustedProxyMiddleware(lambda request: HttpResponse())(request)
    return request.META["REMOTE_ADDR"], request.is_secure()


@pytest.fixture
def proxy_ssl_header(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def test_without_a_configured_proxy_nothing_a_visitor_writes_is_believed(settings, proxy_ssl_header):
    forged = {"HTTP_X_FORWARDED_FOR": "1.2.3.4", "HTTP_X_FORWARDED_PROTO": "https"}
    assert seen(settings, 0, **forged) == ("10.0.0.2", False)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "client"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "8.8.8.8, 203.0.113.7", "203.0.113.7"),  # the visitor wrote 8.8.8.8
        (2, "8.8.8.8, 203.0.113.7, 198.51.100.1", "203.0.113.7"),  # CDN, then nginx
        (2, "203.0.113.7", "203.0.113.7"),  # the nearest proxy overwrote the header
    ],
)
def test_the_client_is_the_entry_the_outermost_proxy_wrote(settings, proxies, forwarded_for, client):
    assert seen(settings, proxies, HTTP_X_FORWARDED_FOR=forwarded_for)[0] == client


def test_the_scheme_is_the_one_the_outermost_proxy_saw(settings, proxy_ssl_header):
    # The visitor claims https over plain http; the CDN appended what it saw, then nginx.
    assert seen(settings, 2, HTTP_X_FORWARDED_PROTO="https, http, https")[1] is False
    assert seen(settings, 2, HTTP_X_FORWARDED_PROTO="http, https, http")[1] is True
    assert seen(settings, 1, HTTP_X_FORWARDED_PROTO="https")[1] is True
