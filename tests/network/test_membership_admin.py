"""Staff process join requests in the admin: list, filter, export, read every answer, accept or refuse."""

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import rich_text

from core.factories import ThemeFactory
from core.models import Theme
from network.directory.factories import ActorFactory
from network.directory.models import Actor
from network.membership.models import MembershipRequest
from tests.network.conftest import join_answers

pytestmark = pytest.mark.django_db

INDEX = "membership_membershiprequest_modeladmin_index"


@pytest.fixture
def submitted(client, join_form):
    ThemeFactory(name="Climat", slug="climat")
    client.post(join_form.url, join_answers())
    client.post(
        join_form.url,
        join_answers(
            nom_de_la_structure="Commune de Laon",
            type_de_structure="Collectivité",
            departement="Aisne",
            courriel="mairie@laon.example",
        ),
    )
    return MembershipRequest.objects.order_by("pk")


def test_the_list_shows_requests_and_filters_by_status(admin_client, submitted):
    first = submitted[0]
    first.status = MembershipRequest.Status.REFUSED
    first.save()

    everything = admin_client.get(reverse(INDEX)).content.decode()
    refused = admin_client.get(reverse(INDEX) + "?status__exact=refusee").content.decode()

    assert "Les Jardins partagés de Fives" in everything and "Commune de Laon" in everything
    assert "Les Jardins partagés de Fives" in refused and "Commune de Laon" not in refused


def test_staff_export_requests_as_csv(admin_client, submitted):
    response = admin_client.get(reverse(INDEX) + "?export=csv")
    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert response.status_code == 200
    assert "Commune de Laon" in content and "mairie@laon.example" in content


def test_the_detail_shows_every_answer_with_its_question(admin_client, submitted):
    url = reverse("membership_membershiprequest_modeladmin_inspect", args=[submitted[0].pk])
    html = admin_client.get(url).content.decode()
    assert "Nom et prénom du contact" in html and "Camille Dupont" in html
    assert "Thèmes qui vous intéressent" in html and "Climat, Mobilités" in html
    assert "Accepter et créer la fiche d'acteur en brouillon" in html


def test_staff_cannot_create_requests_by_hand(admin_client, submitted):
    assert admin_client.get(reverse("membership_membershiprequest_modeladmin_create")).status_code in {302, 403}


def test_accepting_creates_a_draft_actor_from_the_structure_answers(admin_client, submitted):
    request = submitted[0]
    decide = reverse("membership_membershiprequest_modeladmin_decide", args=[request.pk])

    response = admin_client.post(decide, {"decision": "accept"})

    actor = Actor.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailsnippets_directory_actor:edit", args=[actor.pk]
    )
    assert (actor.name, actor.kind, actor.commune, actor.department) == (
        "Les Jardins partagés de Fives",
        Actor.Kind.ASSOCIATION,
        "Lille",
        "Nord",
    )
    assert actor.live is False and actor.latest_revision is not None
    assert list(actor.themes.all()) == list(Theme.objects.filter(name="Climat"))
    # The contact's own details stay in the request: a public page must not show them by accident.
    assert actor.public_email == "" and "Camille" not in actor.presentation
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.ACCEPTED and request.actor == actor
    assert request.decided_at is not None

    admin_client.post(decide, {"decision": "accept"})
    assert Actor.objects.count() == 1


def test_the_draft_actor_opens_in_the_snippet_editor(admin_client, submitted):
    admin_client.post(
        reverse("membership_membershiprequest_modeladmin_decide", args=[submitted[0].pk]), {"decision": "accept"}
    )
    actor = Actor.objects.get()
    assert admin_client.get(reverse("wagtailsnippets_directory_actor:edit", args=[actor.pk])).status_code == 200


def test_refusing_records_the_decision_without_an_actor(admin_client, submitted):
    request = submitted[1]
    admin_client.post(
        reverse("membership_membershiprequest_modeladmin_decide", args=[request.pk]), {"decision": "refuse"}
    )
    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.REFUSED and request.decided_at is not None
    assert not Actor.objects.exists()


def test_a_decision_needs_a_post(admin_client, submitted):
    url = reverse("membership_membershiprequest_modeladmin_decide", args=[submitted[0].pk])
    assert admin_client.get(url).status_code == 405
    assert MembershipRequest.objects.filter(status=MembershipRequest.Status.NEW).count() == 2


def test_a_visitor_cannot_reach_the_decision(client, submitted):
    url = reverse("membership_membershiprequest_modeladmin_decide", args=[submitted[0].pk])
    response = client.post(url, {"decision": "accept"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Actor.objects.exists()


def test_actor_snippets_list_filter_and_export(admin_client, directory):
    ActorFactory(name="Ville de Lille", kind=Actor.Kind.LOCAL_AUTHORITY, department="Nord")
    ActorFactory(name="La Grange", kind=Actor.Kind.THIRD_PLACE, department="Aisne")
    listing = reverse("wagtailsnippets_directory_actor:list")

    filtered = admin_client.get(listing + "?kind=tiers-lieu").content.decode()
    exported = admin_client.get(listing + "?export=csv")

    assert "La Grange" in filtered and "Ville de Lille" not in filtered
    content = b"".join(exported.streaming_content).decode() if exported.streaming else exported.content.decode()
    assert "Ville de Lille" in content and "La Grange" in content


def test_an_actor_can_be_previewed_as_its_public_page(admin_client, directory):
    actor = ActorFactory(name="Ville de Lille", department="Nord")
    preview = reverse("wagtailsnippets_directory_actor:preview_on_edit", args=[actor.pk])
    data = {
        "name": "Ville de Lille (aperçu)",
        "slug": actor.slug,
        "kind": "collectivite",
        "short_description": "Aperçu",
        "presentation": rich_text("<p>Présentation.</p>"),
        "themes": [],
        "tags": "",
    }
    assert admin_client.post(preview, data).json()["is_valid"] is True
    html = admin_client.get(preview).content.decode()
    assert "<h1>Ville de Lille (aperçu)</h1>" in html
