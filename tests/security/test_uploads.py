"""Editors can upload only safe, reasonably sized files, and are told why in French when refused.

Each rule is checked through the admin's single upload form and its multiple uploader (the drag and
drop page), which validate files separately.
"""

import html
import io

import pytest
import willow
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

MB = 1024 * 1024
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png(width=8, height=8, mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def readable(text):
    """Text as a person reads it: entities decoded, French typography's no-break spaces as spaces."""
    return html.unescape(text).replace("\xa0", " ")


def post_form(client, app, upload):
    """The single upload form: True and the page once saved, False and the form's page if refused."""
    root = Collection.get_first_root_node()
    response = client.post(reverse(f"{app}:add"), {"title": "Envoi", "collection": root.pk, "file": upload})
    assert response.status_code in (200, 302)
    return response.status_code == 302, readable(response.content.decode())


def post_multiple(client, app, upload):
    """The multiple uploader answers in JSON, with the refusal's message for the page's script to show."""
    answer = client.post(reverse(f"{app}:add_multiple"), {"files[]": upload}).json()
    return answer["success"], readable(answer.get("error_message", ""))


uploaders = pytest.mark.parametrize("post", [post_form, post_multiple], ids=["formulaire", "envoi-multiple"])


def upload_image(client, post, name, content):
    return post(client, "wagtailimages", SimpleUploadedFile(name, content, content_type="application/octet-stream"))


def upload_document(client, post, name, content):
    return post(client, "wagtaildocs", SimpleUploadedFile(name, content, content_type="application/octet-stream"))


@uploaders
def test_a_small_png_is_accepted(admin_client, post):
    accepted, _ = upload_image(admin_client, post, "paysage.png", png())

    assert accepted
    assert get_image_model().objects.get().file.name.endswith(".png")


@uploaders
def test_an_svg_image_is_refused(admin_client, post):
    accepted, message = upload_image(admin_client, post, "logo.svg", SVG)

    assert not accepted
    assert "Format d'image non supporté. Formats supportés : AVIF, GIF, JPG, JPEG, PNG, WEBP." in message
    assert not get_image_model().objects.exists()


@uploaders
def test_an_image_over_ten_megabytes_is_refused(admin_client, post):
    # A valid PNG followed by padding, which image readers ignore.
    content = png() + b"\0" * (10 * MB)

    accepted, message = upload_image(admin_client, post, "lourde.png", content)

    assert not accepted
    assert "Ce fichier est trop gros (10,0 Mio). La taille de fichier maximale est de 10,0 Mio." in message
    assert not get_image_model().objects.exists()


@uploaders
def test_an_oversized_file_is_refused_for_its_size_before_being_read_as_an_image(admin_client, post, monkeypatch):
    """A 200 MB non-image named .png once kept a worker over 30 s in format sniffing, then killed it."""
    opened = []
    monkeypatch.setattr(willow.Image, "open", lambda file: opened.append(file))

    accepted, message = upload_image(admin_client, post, "pas-une-image.png", b"\1" * (10 * MB + 1))

    assert not accepted and opened == []
    assert "Ce fichier est trop gros" in message


@uploaders
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # Pillow's own, milder alarm
def test_an_image_over_128_megapixels_is_refused_however_small_the_file(admin_client, post):
    content = png(12000, 12000, mode="1")  # 144 megapixels in a few kilobytes
    assert len(content) < 100_000

    accepted, message = upload_image(admin_client, post, "immense.png", content)

    assert not accepted
    assert "Ce fichier a un trop grand nombre de pixels (144000000). Nombre maximum de pixels 128000000." in message
    assert not get_image_model().objects.exists()


@uploaders
def test_a_pdf_document_is_accepted(admin_client, post):
    accepted, _ = upload_document(admin_client, post, "rapport.pdf", PDF)

    assert accepted
    assert get_document_model().objects.get().file_extension == "pdf"


@uploaders
@pytest.mark.parametrize("name", ["installeur.exe", "page.html"])
def test_executable_and_web_page_documents_are_refused(admin_client, post, name):
    accepted, message = upload_document(admin_client, post, name, b"MZ contenu quelconque")

    assert not accepted
    extension = name.rsplit(".", 1)[1]
    assert f"L'extension de fichier « {extension} » n’est pas autorisée." in message
    assert not get_document_model().objects.exists()


@uploaders
def test_a_document_one_byte_over_twenty_megabytes_is_refused(admin_client, post):
    accepted, message = upload_document(admin_client, post, "archive.pdf", PDF.ljust(20 * MB + 1, b"\n"))

    assert not accepted
    assert "Ce fichier est trop gros (20,0 Mio). La taille de fichier maximale est de 20,0 Mio." in message
    assert not get_document_model().objects.exists()


def test_a_document_of_exactly_twenty_megabytes_is_accepted(admin_client):
    accepted, _ = upload_document(admin_client, post_form, "archive.pdf", PDF.ljust(20 * MB, b"\n"))

    assert accepted


def test_the_document_form_announces_the_size_limit(admin_client):
    response = admin_client.get(reverse("wagtaildocs:add"))

    assert "Taille de fichier maximum : 20,0 Mio." in readable(response.content.decode())
