"""Private pages and documents stay private: passwords cannot be guessed at speed, files go through Django."""

import os
import subprocess
import sys

import pytest

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.factories import StandardPageFactory

SECRET = "bocage-partage"
ADDRESS = "203.0.113.7"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def make_document(filename, content, collection=None):
    return get_document_model().objects.create(
        title=filename,
        file=ContentFile(content, name=filename),
        collection=collection or Collection.get_first_root_node(),
    )


def restricted_collection(restriction_type, **fields):
    collection = Collection.get_first_root_node().add_child(name="Conseil d'administration")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=restriction_type, **fields)
    return collection


def post_passwords(client, url, return_url, passwords, address=ADDRESS):
    return [
        client.post(url, {"password": password, "return_url": return_url}, REMOTE_ADDR=address)
        for password in passwords
    ]


@pytest.fixture
def private_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Espace adhérents", body=[("paragraph", "<p>Ordre du jour</p>")])
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=SECRET
    )
    return page, reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


@pytest.fixture
def private_document(db):
    collection = restricted_collection(CollectionViewRestriction.PASSWORD, password=SECRET)
    document = make_document("budget.pdf", PDF, collection)
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    return document, reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])


def test_a_private_page_asks_for_its_password_on_the_throttled_form(client, private_page):
    page, form_url = private_page

    response = client.get(page.url)

    assert form_url in response.content.decode()
    assert "Ordre du jour" not in response.content.decode()


def test_page_password_guesses_are_cut_off_after_ten_tries_from_one_address(client, private_page):
    page, form_url = private_page

    guesses = post_passwords(client, form_url, page.url, [f"essai-{n}" for n in range(10)])
    assert {response.status_code for response in guesses} == {200}

    [late] = post_passwords(client, form_url, page.url, [SECRET])
    assert late.status_code == 429
    assert late["Retry-After"] == "600"
    assert "Trop de demandes en peu de temps" in late.content.decode()
    assert "Ordre du jour" not in client.get(page.url).content.decode()

    # Someone else, at another address, still gets in with the password.
    [other] = post_passwords(client, form_url, page.url, [SECRET], address="198.51.100.4")
    assert other.status_code == 302
    assert "Ordre du jour" in client.get(page.url).content.decode()


def test_document_password_guesses_are_cut_off_after_ten_tries_from_one_address(client, private_document):
    document, form_url = private_document
    first = client.get(document.url)
    assert form_url in first.content.decode()
    assert PDF not in first.content

    guesses = post_passwords(client, form_url, document.url, [f"essai-{n}" for n in range(10)])
    assert {response.status_code for response in guesses} == {200}

    [late] = post_passwords(client, form_url, document.url, [SECRET])
    assert late.status_code == 429
    assert "Trop de demandes en peu de temps" in late.content.decode()
    assert PDF not in b"".join(client.get(document.url))

    [other] = post_passwords(client, form_url, document.url, [SECRET], address="198.51.100.4")
    assert other.status_code == 302
    assert b"".join(client.get(document.url)) == PDF


def test_a_document_for_logged_in_users_sends_visitors_to_the_login_page(client, django_user_model):
    collection = restricted_collection(CollectionViewRestriction.LOGIN)
    document = make_document("compte-rendu.pdf", PDF, collection)

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login") + "?next=")
    assert client.get(response["Location"]).status_code == 200

    client.force_login(django_user_model.objects.create_user("membre", "membre@example.org", "mot-de-passe-solide"))
    assert b"".join(client.get(document.url)) == PDF


def test_a_public_pdf_opens_in_the_browser_and_is_never_sniffed(client, db):
    document = make_document("rapport.pdf", PDF)

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_other_public_documents_are_downloaded_not_displayed(client, db):
    document = make_document("adherents.csv", b"nom;commune\nMartin;Rennes\n")

    response = client.get(document.url)

    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="adherents.csv"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_document_files_are_not_reachable_under_the_media_url(client, db):
    collection = restricted_collection(CollectionViewRestriction.LOGIN)
    document = make_document("compte-rendu.pdf", PDF, collection)
    assert os.path.exists(document.file.path)

    response = client.get(settings.MEDIA_URL + document.file.name)

    assert response.status_code == 404
    assert PDF not in response.content


def test_production_serves_nothing_from_the_media_folder(tmp_path):
    """Under production settings, neither WhiteNoise nor a URL pattern hands out a file put in MEDIA_ROOT."""
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "compte-rendu.pdf").write_bytes(PDF)
    probe = """
import django
django.setup()
from django.conf import settings
from django.test import RequestFactory
from django.urls import Resolver404, resolve
from whitenoise.middleware import WhiteNoiseMiddleware

path = settings.MEDIA_URL + "documents/compte-rendu.pdf"
passed_on = WhiteNoiseMiddleware(lambda request: "django")(RequestFactory().get(path)) == "django"
try:
    view = resolve(path).url_name
except Resolver404:
    view = None
print(settings.DEBUG, passed_on, view)
"""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "territoires.example",
        "DJANGO_MEDIA_ROOT": str(tmp_path),
    }

    result = subprocess.run(  # noqa: S603 - the test's own interpreter and script
        [sys.executable, "-W", "ignore", "-c", probe],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )

    # DEBUG off, WhiteNoise lets the request through, and no URL of Django's matches it.
    assert result.stdout.split() == ["False", "True", "None"]
