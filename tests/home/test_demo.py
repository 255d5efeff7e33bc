"""Loading the demo: again over itself, over an existing site, with the administrator from the
environment or a generated password. What the loaded demo contains is in test_demo_content.py.

Each test starts from the demo as a first `load_demo` left it (tests/demo_site.py), then runs the
command again as the case needs.
"""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from core.models import Theme
from network.directory.models import Actor
from network.membership.models import JoinFormField, MembershipRequest
from network.newsletter.models import NewsletterPage, Subscriber
from news.factories import EventPageFactory
from news.models import EditorialActor, EventIndexPage, EventPage
from tests.demo_site import load_demo_site

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def demo_counts():
    models = [
        Page,
        Revision,
        Theme,
        get_image_model(),
        EventPage,
        Actor,
        EditorialActor,
        JoinFormField,
        MembershipRequest,
        NewsletterPage,
        Subscriber,
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_running_the_demo_twice_creates_nothing_more():
    load_demo_site()
    counts = demo_counts()
    events = {event.slug: (event.starts_at, event.ends_at) for event in EventPage.objects.all()}
    output = load_demo()
    assert demo_counts() == counts
    assert "Agenda : 0 événement(s) créé(s)" in output
    assert {event.slug: (event.starts_at, event.ends_at) for event in EventPage.objects.all()} == events
    assert get_user_model().objects.count() == 3  # the administrator, a Rédacteur, a Modérateur


def test_demo_links_the_network_meetings_found_by_the_day_they_start():
    load_demo_site()
    agenda = EventIndexPage.objects.get()
    meeting = EventPageFactory(parent=agenda, starts_at=datetime(2024, 4, 9, 9, 30, tzinfo=PARIS))
    other = EventPageFactory(parent=agenda, starts_at=datetime(2024, 4, 10, 9, 30, tzinfo=PARIS))
    load_demo()
    links = {(link.actor.slug, link.role) for link in meeting.linked_actors.all()}
    assert ("centre-ressources-developpement-durable", EditorialActor.Role.ORGANISER) in links
    assert ("fabrique-des-voisins", EditorialActor.Role.PARTNER) in links
    assert not other.linked_actors.exists()
    meeting.refresh_from_db()
    assert meeting.live_revision.as_object().linked_actors.count() == len(links)


def test_if_empty_leaves_an_existing_site_alone():
    load_demo_site()
    Page.objects.get(slug="qui-sommes-nous").delete()
    output = load_demo("--if-empty")
    assert "ignoré" in output
    assert not Page.objects.filter(slug="qui-sommes-nous").exists()


def test_superuser_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "equipe")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "un-mot-de-passe-solide")
    load_demo_site()
    output = load_demo()
    user = get_user_model().objects.get(username="equipe")
    assert user.is_superuser and user.check_password("un-mot-de-passe-solide")
    assert "un-mot-de-passe-solide" not in output


def test_generated_admin_password_is_printed_once_and_works(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    load_demo_site()
    # A site whose administrator account is missing, as on a first start.
    get_user_model().objects.filter(username="admin").delete()
    first = load_demo()
    password = first.split("mot de passe « ")[1].split(" »")[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert password not in load_demo()
