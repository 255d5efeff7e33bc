"""Every response tells browsers how to protect visitors: referrers, sniffing, frames, features, HTTPS."""

import json
import subprocess  # noqa: S404 - runs this project's own settings in a fresh interpreter
import sys

import pytest

from django.conf import settings

from security.embeds import VIDEO_PLAYER_ORIGINS
from tests.e2e.page_set import ARTICLE_PATH, DIRECTORY_PATH, SEARCH_TERM, load_page_set

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {
    "accueil": ("/", 200),
    "actualite": (ARTICLE_PATH, 200),
    "annuaire": (DIRECTORY_PATH, 200),
    "recherche": (f"/recherche/?q={SEARCH_TERM}", 200),
    "page-introuvable": ("/cette-adresse-n-existe-pas/", 404),
}


def permissions(header):
    """The Permissions-Policy header as {feature: allowlist}."""
    return dict(item.strip().split("=", 1) for item in header.split(","))


def test_public_pages_send_the_security_headers(client):
    load_page_set()
    for kind, (path, status) in PUBLIC_PAGES.items():
        response = client.get(path, secure=True)
        assert response.status_code == status, kind
        assert response["Content-Type"].startswith("text/html"), kind
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", kind
        assert response["X-Content-Type-Options"] == "nosniff", kind
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", kind
        assert response["X-Frame-Options"] == "DENY", kind
        assert "Content-Security-Policy" in response, kind
        assert "Permissions-Policy" in response, kind


def test_static_files_get_the_headers_too(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in response
    assert "Permissions-Policy" in response


def test_permissions_policy_denies_what_the_site_never_uses(client, home_page):
    policy = permissions(client.get("/")["Permissions-Policy"])
    for feature in ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]:
        assert policy[feature] == "()", feature


def test_permissions_policy_lets_video_players_play_full_screen(client, home_page):
    policy = permissions(client.get("/")["Permissions-Policy"])
    for feature in ["fullscreen", "picture-in-picture", "encrypted-media", "autoplay"]:
        allowed = policy[feature].strip("()").split()
        assert allowed == ["self", *(f'"{origin}"' for origin in VIDEO_PLAYER_ORIGINS)], feature


def test_session_and_csrf_cookies_are_hidden_from_scripts_and_other_sites(client, django_user_model):
    django_user_model.objects.create_superuser("redaction", "redaction@example.org", "mot-de-passe-solide")
    client.get("/admin/login/")
    response = client.post("/admin/login/", {"username": "redaction", "password": "mot-de-passe-solide"})
    assert response.status_code == 302
    for name in [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME]:
        cookie = response.cookies[name]
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


# What production changes for HTTPS, read in a fresh interpreter (production refuses to start
# without its environment), then applied to this test run's site.
HTTPS_SETTINGS = [
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CONTENT_SECURITY_POLICY",
]
PRODUCTION_PROBE = f"""
import json
import django
django.setup()
from django.conf import settings
print(json.dumps({{name: getattr(settings, name) for name in {HTTPS_SETTINGS!r}}}))
"""


@pytest.fixture
def production_https(settings):
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", PRODUCTION_PROBE],
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(settings.BASE_DIR),
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "k" * 20 + "Z9-_" * 10,
            "DJANGO_ALLOWED_HOSTS": "territoires.example",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    for name, value in values.items():
        setattr(settings, name, value)
    return settings


def test_production_keeps_browsers_on_https(client, home_page, production_https, settings):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "upgrade-insecure-requests" in response["Content-Security-Policy"].split("; ")

    plain = client.get("/actualites/?page=2")
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/actualites/?page=2"

    # Without a configured proxy, a visitor claiming HTTPS in a header is redirected all the same.
    assert client.get("/", HTTP_X_FORWARDED_PROTO="https").status_code == 301
    # Behind the reverse proxy, which ends HTTPS and says so in a header.
    settings.TRUSTED_PROXIES = 1
    proxied = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert proxied.status_code == 200
    assert "Strict-Transport-Security" in proxied


def test_production_cookies_travel_over_https_only(client, django_user_model, production_https):
    django_user_model.objects.create_superuser("redaction", "redaction@example.org", "mot-de-passe-solide")
    client.get("/admin/login/", secure=True)
    response = client.post("/admin/login/", {"username": "redaction", "password": "mot-de-passe-solide"}, secure=True)
    assert response.status_code == 302
    for name in [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME]:
        assert response.cookies[name]["secure"] is True, name


def test_development_does_not_upgrade_requests_to_https(client, home_page):
    response = client.get("/")
    assert "upgrade-insecure-requests" not in response["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in response
