from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from home.models import HomePage, SiteSettings, Theme
from network.models import Actor, AnswerRole, JoinFormField, JoinFormPage, MembershipRequest, OutgoingEmail
from news.models import EditorialActor, EditorialPage
from tests.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_demo_builds_the_site_tree_of_the_url_contract(client, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    load_demo()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    for url in [
        "/",
        "/qui-sommes-nous/",
        "/reseau/",
        "/reseau/annuaire/",
        "/reseau/rejoindre/",
        "/mentions-legales/",
        "/accessibilite/",
        "/donnees-personnelles/",
    ]:
        assert client.get(url).status_code == 200, url
    assert Theme.objects.count() >= 4
    assert get_image_model().objects.count() >= 6
    assert SiteSettings.for_site(site).legal_links


def test_demo_home_page_has_its_sections(client):
    load_demo()
    html = client.get("/").content.decode()
    for section in ["Dernières actualités", "Dossier à la une", "Nouvelles ressources", "Rejoindre le réseau"]:
        assert section in html


def test_demo_content_is_in_french_with_alt_texts(client):
    load_demo()
    html = client.get("/reseau/").content.decode()
    assert "Retour en images" in html
    assert "28 avril 2022" in html
    assert all(image.description for image in get_image_model().objects.all())


def demo_counts():
    models = [Page, Revision, Theme, get_image_model(), Actor, EditorialActor, JoinFormField, MembershipRequest]
    return {model.__name__: model.objects.count() for model in models}


def test_running_the_demo_twice_creates_nothing_more():
    load_demo()
    counts = demo_counts()
    load_demo()
    assert demo_counts() == counts
    assert get_user_model().objects.count() == 1


def test_demo_directory_has_published_actors_of_every_department_and_kind(client):
    load_demo()
    actors = list(Actor.objects.published())
    assert len(actors) >= 25
    assert {actor.department for actor in actors} == {"Nord", "Pas-de-Calais", "Somme", "Oise", "Aisne"}
    assert len({actor.kind for actor in actors}) >= 6
    for actor in actors:
        response = client.get(f"/reseau/annuaire/{actor.slug}/")
        assert response.status_code == 200, actor.slug
        assert actor.short_description in response.content.decode()
    assert "Région Hauts-de-France" in client.get("/reseau/annuaire/?departement=Nord").content.decode()


def test_demo_join_form_asks_every_answer_the_requests_use(client):
    load_demo()
    join_page = JoinFormPage.objects.get()
    assert {field.role for field in join_page.get_form_fields()} == set(AnswerRole.values)
    kind_field = join_page.get_form_fields().get(role=AnswerRole.KIND)
    assert kind_field.choices.splitlines() == [str(label) for _value, label in Actor.Kind.choices]
    assert join_page.notify_emails and join_page.acknowledgement_body
    # The home page's call to join now leads to the form, no longer to the network page.
    assert HomePage.objects.get().join_page.specific == join_page
    assert 'href="/reseau/rejoindre/"' in client.get("/").content.decode()


def test_demo_pages_show_the_actors_they_mention(client):
    load_demo()
    launch = "/actualites/lancement-reseau-regional-territoires-participatifs/"
    html = client.get(launch).content.decode()
    assert "Région Hauts-de-France" in html and "Métropole Européenne de Lille" in html
    region_page = client.get("/reseau/annuaire/region-hauts-de-france/").content.decode()
    assert EditorialPage.objects.get(url_path__endswith=launch).title in region_page


def test_demo_links_the_network_meetings_found_by_the_day_they_start():
    load_demo()
    agenda = EventIndexPageFactory(parent=HomePage.objects.get())
    paris = ZoneInfo("Europe/Paris")
    meeting = EventPageFactory(parent=agenda, starts_at=datetime(2024, 4, 9, 9, 30, tzinfo=paris))
    other = EventPageFactory(parent=agenda, starts_at=datetime(2024, 4, 10, 9, 30, tzinfo=paris))
    load_demo()
    links = {(link.actor.slug, link.role) for link in meeting.linked_actors.all()}
    assert ("centre-ressources-developpement-durable", EditorialActor.Role.ORGANISER) in links
    assert ("fabrique-des-voisins", EditorialActor.Role.PARTNER) in links
    assert not other.linked_actors.exists()
    meeting.refresh_from_db()
    assert meeting.live_revision.as_object().linked_actors.count() == len(links)


def test_demo_membership_requests_are_recorded_as_the_form_does_without_email():
    load_demo()
    requests = list(MembershipRequest.objects.all())
    statuses = [request.status for request in requests]
    assert statuses.count(MembershipRequest.Status.NEW) >= 2
    assert MembershipRequest.Status.ACCEPTED in statuses
    field_names = set(JoinFormField.objects.values_list("clean_name", flat=True))
    for request in requests:
        assert set(request.form_data) == set(request.roles) == field_names
        assert request.email.endswith(".example")
        assert request.answer(AnswerRole.STRUCTURE) == request.structure_name
    accepted = MembershipRequest.objects.get(status=MembershipRequest.Status.ACCEPTED)
    assert accepted.actor.live and accepted.decided_at
    # Requests waiting for staff read as recent whenever the demo is loaded.
    week_ago = datetime.now(ZoneInfo("UTC")) - timedelta(days=7)
    assert all(request.submit_time > week_ago for request in requests if request.status == "nouvelle")
    assert not OutgoingEmail.objects.exists()
    assert not mail.outbox


def test_if_empty_leaves_an_existing_site_alone():
    load_demo()
    Page.objects.get(slug="qui-sommes-nous").delete()
    output = load_demo("--if-empty")
    assert "ignoré" in output
    assert not Page.objects.filter(slug="qui-sommes-nous").exists()


def test_superuser_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "equipe")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "un-mot-de-passe-solide")
    output = load_demo()
    user = get_user_model().objects.get(username="equipe")
    assert user.is_superuser and user.check_password("un-mot-de-passe-solide")
    assert "un-mot-de-passe-solide" not in output


def test_generated_admin_password_is_printed_once_and_works(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    first = load_demo()
    password = first.split("mot de passe « ")[1].split(" »")[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert password not in load_demo()
