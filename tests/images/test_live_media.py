"""Published media change only through review: Rédacteurs add images and documents and change their own
uploads while nothing live uses them; replacing or deleting a file that the live site uses is for Modérateurs."""

import pytest

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail_factories import DocumentFactory

from images.factories import ImageFactory
from news.factories import NewsPageFactory, ResourcePageFactory
from news.models import ResourceDocument

pytestmark = pytest.mark.django_db

IN_USE = "est utilisé par un contenu en ligne"


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@exemple.org", "mot-de-passe-solide")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def redacteur(django_user_model):
    return member_of(django_user_model, "Rédacteurs", "redactrice")


@pytest.fixture
def moderateur(django_user_model):
    return member_of(django_user_model, "Modérateurs", "moderateur")


def image_by(user):
    return ImageFactory(collection=Collection.get_first_root_node(), uploaded_by_user=user)


def document_by(user, title="Guide de la concertation"):
    return DocumentFactory(title=title, collection=Collection.get_first_root_node(), uploaded_by_user=user)


@pytest.fixture
def live_image(redacteur, news_index):
    """The Rédacteur's upload, the hero image of a published article."""
    image = image_by(redacteur)
    NewsPageFactory(parent=news_index, hero_image=image)
    return image


@pytest.fixture
def live_document(redacteur, resource_index):
    """The Rédacteur's upload, the file a published resource offers for download."""
    document = document_by(redacteur)
    resource = ResourcePageFactory(parent=resource_index)
    resource.documents.add(ResourceDocument(document=document, title=""))
    resource.save_revision().publish()
    return document


def document_form(document, **overrides):
    data = {
        "title": document.title,
        "collection": document.collection_id,
        "tags": "",
        "file": SimpleUploadedFile("guide-v2.pdf", b"%PDF-1.4 une autre version du guide", "application/pdf"),
    }
    data.update(overrides)
    return data


def error_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request) if message.level_tag == "error"]


def test_a_redacteur_cannot_delete_an_image_a_published_article_shows(client, redacteur, live_image):
    client.force_login(redacteur)
    response = client.post(reverse("wagtailimages:delete", args=[live_image.pk]))

    assert get_image_model().objects.filter(pk=live_image.pk).exists()
    assert any(IN_USE in message and "modérateur" in message for message in error_messages(response))


def test_a_redacteur_cannot_delete_a_document_a_published_resource_offers(client, redacteur, live_document):
    client.force_login(redacteur)
    response = client.post(reverse("wagtaildocs:delete", args=[live_document.pk]))

    assert get_document_model().objects.filter(pk=live_document.pk).exists()
    assert any(IN_USE in message for message in error_messages(response))


def test_a_redacteur_cannot_replace_the_file_of_a_document_a_published_resource_offers(
    client, redacteur, live_document
):
    original = live_document.file.name
    client.force_login(redacteur)
    client.post(reverse("wagtaildocs:edit", args=[live_document.pk]), document_form(live_document))

    live_document.refresh_from_db()
    assert live_document.file.name == original


def test_a_redacteur_cannot_bulk_delete_an_image_a_published_article_shows(client, redacteur, live_image):
    client.force_login(redacteur)
    url = reverse("wagtail_bulk_action", args=["images", "siteimage", "delete"]) + f"?id={live_image.pk}"
    client.post(url)

    assert get_image_model().objects.filter(pk=live_image.pk).exists()


def test_a_redacteur_cannot_change_or_delete_media_someone_else_uploaded(client, redacteur, moderateur):
    image, document = image_by(moderateur), document_by(moderateur)
    client.force_login(redacteur)

    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    client.post(reverse("wagtaildocs:delete", args=[document.pk]))

    assert get_image_model().objects.filter(pk=image.pk).exists()
    assert get_document_model().objects.filter(pk=document.pk).exists()
    assert client.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code == 302


def test_a_redacteur_adds_media_and_changes_or_deletes_an_upload_nothing_live_uses(client, redacteur, news_index):
    client.force_login(redacteur)
    assert client.get(reverse("wagtailimages:add")).status_code == 200
    assert client.get(reverse("wagtaildocs:add")).status_code == 200

    document = document_by(redacteur)
    client.post(reverse("wagtaildocs:edit", args=[document.pk]), document_form(document, title="Guide, v2"))
    document.refresh_from_db()
    assert document.title == "Guide, v2"

    # Chosen in a draft only: nothing is live yet.
    image = image_by(redacteur)
    draft = NewsPageFactory(parent=news_index, hero_image=image)
    draft.unpublish()
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code == 200
    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert not get_image_model().objects.filter(pk=image.pk).exists()


def test_a_moderateur_replaces_and_deletes_media_the_live_site_uses(client, moderateur, live_image, live_document):
    original = live_document.file.name
    client.force_login(moderateur)

    client.post(reverse("wagtaildocs:edit", args=[live_document.pk]), document_form(live_document))
    live_document.refresh_from_db()
    assert live_document.file.name != original

    client.post(reverse("wagtailimages:delete", args=[live_image.pk]))
    assert not get_image_model().objects.filter(pk=live_image.pk).exists()


def test_media_used_live_is_still_chosen_by_a_redacteur(client, redacteur, live_image):
    client.force_login(redacteur)
    response = client.get(reverse("wagtailimages_chooser:chosen", args=[live_image.pk]))
    assert response.status_code == 200
