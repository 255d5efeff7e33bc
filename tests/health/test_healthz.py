"""`/healthz`: what a load balancer and monitoring read; 503 only when the site cannot work at all."""

import pytest
from botocore.config import Config

from tests.network.test_join_form import closed_port

pytestmark = pytest.mark.django_db

ALL_OK = {"database": "ok", "cache": "ok", "storage": "ok"}


def test_everything_up_answers_ok_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {"status": "ok", "checks": ALL_OK}


def test_a_database_down_makes_the_site_unavailable_without_saying_why(client, database):
    database.stop()
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {"status": "unavailable", "checks": {**ALL_OK, "database": "erreur"}}
    assert b"Connection refused" not in response.content and b"5432" not in response.content


def test_a_cache_down_is_reported_but_the_site_still_answers(client, dead_redis_cache):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {**ALL_OK, "cache": "erreur"}}


def test_a_storage_out_of_reach_is_reported_but_the_site_still_answers(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "medias",
                "endpoint_url": f"http://127.0.0.1:{closed_port()}",
                "region_name": "fr-par",
                "access_key": "cle",
                "secret_key": "secret",
                "client_config": Config(connect_timeout=1, retries={"total_max_attempts": 1}),
            },
        },
    }
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {**ALL_OK, "storage": "erreur"}}
    assert b"127.0.0.1" not in response.content
