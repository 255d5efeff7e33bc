"""`manage.py nginx_config` writes the front cache's configuration from the site's own rules."""

import io

import pytest

from django.core.management import CommandError, call_command


def rendered(**options):
    output = io.StringIO()
    call_command("nginx_config", stdout=output, **options)
    return output.getvalue()


def test_the_configuration_follows_the_site_s_settings(settings):
    settings.STATIC_ROOT = "/srv/territoires/staticfiles"
    settings.MEDIA_ROOT = "/srv/territoires/media"
    settings.PAGE_CACHE_IGNORED_PARAMETERS = frozenset({"ref"})

    config = rendered(
        listen=["80", "443 ssl"],
        certificate="/etc/ssl/territoires.pem",
        certificate_key="/etc/ssl/private/territoires.key",
        upstream="10.0.0.5:8000",
        purge_allow=["10.0.0.0/24"],
    )

    assert "listen 80;" in config and "listen 443 ssl;" in config and "server 10.0.0.5:8000;" in config
    assert "ssl_certificate /etc/ssl/territoires.pem;" in config
    assert "ssl_certificate_key /etc/ssl/private/territoires.key;" in config
    assert "alias /srv/territoires/staticfiles/;" in config and "alias /srv/territoires/media/;" in config
    assert "(utm_[^&=]*|fbclid|gclid|mc_cid|mc_eid|ref)" in config
    assert '"~(^|;)\\s*(sessionid|messages)=" 1;' in config
    assert "client_max_body_size 256k;" in config and "client_max_body_size 25m;" in config
    assert "allow 127.0.0.1;" in config and "allow 10.0.0.0/24;" in config and "deny all;" in config
    assert "les formulaires du site n'acceptent pas plus de 256 Kio" in config
    assert "{{" not in config and "{%" not in config


def test_a_certificate_needs_its_key(settings):
    settings.STATIC_ROOT = "/srv/territoires/staticfiles"

    with pytest.raises(CommandError, match="vont ensemble"):
        rendered(certificate="/etc/ssl/territoires.pem")
