"""Production settings refuse to start unsafe; development settings start with no configuration."""

import ast
import subprocess  # noqa: S404 - runs this project's own manage.py
import sys

import pytest

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import require_secret_key


def run_check(settings_module, **env):
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": settings_module, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_a_missing_or_short_secret_key():
    with pytest.raises(ImproperlyConfigured):
        require_secret_key("")
    with pytest.raises(ImproperlyConfigured):
        require_secret_key("court")
    assert require_secret_key("x" * 50) == "x" * 50


def test_production_settings_pass_the_deployment_checks():
    result = run_check(
        "config.settings.production",
        DJANGO_SECRET_KEY="k" * 20 + "Z9-_" * 10,
        DJANGO_ALLOWED_HOSTS="territoires.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_does_not_start_without_a_secret_key():
    result = run_check("config.settings.production", DJANGO_ALLOWED_HOSTS="territoires.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def database_options(**env):
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", "from config.settings import base; print(base.DATABASES['default']['OPTIONS'])"],
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgres://territoires@db.example:5432/territoires", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return ast.literal_eval(result.stdout)


def test_postgresql_connections_turn_off_jit_compilation_and_price_reads_by_key_as_on_ssd():
    assert database_options()["options"].startswith("-c jit=off -c random_page_cost=1.1 ")


def test_postgresql_connections_bound_a_query_and_notice_a_vanished_server():
    """A frozen server once held requests 20 s: the connect timeout did not cover an open connection."""
    options = database_options(DATABASE_STATEMENT_TIMEOUT="15")
    assert options["options"].endswith(" -c statement_timeout=15000")
    assert options["connect_timeout"] == 2
    assert (options["keepalives"], options["keepalives_idle"], options["keepalives_count"]) == (1, 30, 3)


def test_uploaded_files_go_to_an_s3_bucket_when_one_is_configured():
    script = (
        "import django; from django.conf import settings; django.setup();"
        "from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.default_acl, s.querystring_auth)"
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", script],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "AWS_STORAGE_BUCKET_NAME": "territoires-medias",
            "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.scw.cloud",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [
        "S3Storage",
        "territoires-medias",
        "https://s3.fr-par.scw.cloud",
        "private",
        "True",
    ]
