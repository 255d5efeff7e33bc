"""The demo site as `load_demo` leaves it: its pages, actors, agenda, letters and accounts.

These tests only read the demo, so it is loaded once for the module (the loading itself, run again,
from the environment or over an existing site, is tested in test_demo.py). It is loaded in a
transaction rolled back when the module ends, and each test runs in its own transaction inside it,
rolled back too: nothing a test does reaches the next one.
"""

from datetime import date, datetime, time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Site

from core.models import OutgoingEmail, SiteSettings, Theme
from core.typography import respace_text
from demo.events import upcoming_day
from home.models import HomePage
from network.directory.models import Actor
from network.membership.models import AnswerRole, JoinFormField, JoinFormPage, MembershipRequest
from network.newsletter.models import Subscriber
from news.models import EditorialActor, EditorialPage, EventPage
from news.registrations import seat_count
from search.documents import build_document
from search.models import SearchDocument
from tests.demo_site import DEMO_PASSWORD

# The module runs on one pytest-xdist worker (--dist loadfile), so the demo is loaded once.
pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def test_demo_builds_the_site_tree_of_the_url_contract(client, demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    for url in [
        "/",
        "/qui-sommes-nous/",
        "/reseau/",
        "/reseau/annuaire/",
        "/reseau/rejoindre/",
        "/agenda/",
        "/agenda/passes/",
        "/newsletter/",
        "/lettres/",
        "/lettres/lettre-automne/",
        "/mentions-legales/",
        "/accessibilite/",
        "/donnees-personnelles/",
    ]:
        assert client.get(url).status_code == 200, url
    assert Theme.objects.count() >= 4
    assert get_image_model().objects.count() >= 6
    assert SiteSettings.for_site(site).legal_links


def test_demo_home_page_has_its_sections(client, demo):
    html = client.get("/").content.decode()
    for section in [
        "Dernières actualités",
        "Prochains événements",
        "Dossier à la une",
        "Nouvelles ressources",
        "Rejoindre le réseau",
    ]:
        assert section in html
    next_event = EventPage.objects.upcoming_events(timezone.now()).first()
    assert f'href="{next_event.url}"' in html


def test_demo_content_is_in_french_with_alt_texts(client, demo):
    html = client.get("/reseau/").content.decode()
    assert "Retour en images" in html
    assert "28 avril 2022" in html
    assert all(image.description for image in get_image_model().objects.all())


def test_demo_directory_has_published_actors_of_every_department_and_kind(client, demo):
    actors = list(Actor.objects.published())
    assert len(actors) >= 25
    assert {actor.department for actor in actors} == {"Nord", "Pas-de-Calais", "Somme", "Oise", "Aisne"}
    assert len({actor.kind for actor in actors}) >= 6
    for actor in actors:
        response = client.get(f"/reseau/annuaire/{actor.slug}/")
        assert response.status_code == 200, actor.slug
        assert actor.short_description in response.content.decode()
    assert "Région Hauts-de-France" in client.get("/reseau/annuaire/?departement=Nord").content.decode()


def test_demo_join_form_asks_every_answer_the_requests_use(client, demo):
    join_page = JoinFormPage.objects.get()
    assert {field.role for field in join_page.get_form_fields()} == set(AnswerRole.values)
    kind_field = join_page.get_form_fields().get(role=AnswerRole.KIND)
    assert kind_field.choices.splitlines() == [str(label) for _value, label in Actor.Kind.choices]
    assert join_page.notify_emails and join_page.acknowledgement_body
    # The home page's call to join now leads to the form, no longer to the network page.
    assert HomePage.objects.get().join_page.specific == join_page
    assert 'href="/reseau/rejoindre/"' in client.get("/").content.decode()


def test_demo_pages_show_the_actors_they_mention(client, demo):
    launch = "/actualites/lancement-reseau-regional-territoires-participatifs/"
    html = client.get(launch).content.decode()
    assert "Région Hauts-de-France" in html and "Métropole Européenne de Lille" in html
    region_page = client.get("/reseau/annuaire/region-hauts-de-france/").content.decode()
    # Shown with French spacing (a no-break space before « : »), as every title is.
    assert respace_text(EditorialPage.objects.get(url_path__endswith=launch).title) in region_page


def test_demo_membership_requests_are_recorded_as_the_form_does_without_email(demo):
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
    assert not demo.sent_emails


def upcoming_demo_events():
    return list(EventPage.objects.live().upcoming_events(timezone.now()))


def test_demo_agenda_is_in_the_main_menu_after_the_news(client, demo):
    html = client.get("/").content.decode()
    menu = html[html.index('class="main-nav"') :].split("</nav>")[0]
    assert menu.index('href="/actualites/"') < menu.index('href="/agenda/"') < menu.index('href="/ressources/"')
    assert "Rencontres régionales" in client.get("/agenda/").content.decode()


def test_demo_agenda_lists_upcoming_events_of_every_kind(client, demo):
    upcoming = upcoming_demo_events()
    assert len(upcoming) >= 5
    assert EventPage.objects.count() >= 9
    html = client.get("/agenda/").content.decode()
    for event in upcoming:
        assert f'href="{event.url}"' in html, event.slug
    online = [event for event in upcoming if event.event_format == EventPage.Format.ONLINE]
    hybrid = [event for event in upcoming if event.event_format == EventPage.Format.HYBRID]
    assert online and hybrid
    assert all(event.online_url.startswith("https://visio.example/") for event in online + hybrid)
    assert any(event.status == EventPage.Status.CANCELLED for event in upcoming)
    assert any(event.registration_mode == "ailleurs" and event.registration_url for event in upcoming)
    assert any(event.price for event in upcoming) and any(not event.price for event in upcoming)
    # All day: from the first moment of the day to its last, as the page's clean() stores it.
    all_day = next(event for event in upcoming if event.all_day)
    starts_at, ends_at = timezone.localtime(all_day.starts_at, PARIS), timezone.localtime(all_day.ends_at, PARIS)
    assert starts_at.time() == time.min and ends_at.time() == time.max and starts_at.date() == ends_at.date()
    multi_day = [event for event in upcoming if not event.all_day and event.last_day > event.starts_at.date()]
    assert multi_day and (multi_day[0].last_day - multi_day[0].starts_at.date()).days == 1
    # Dated from the day the demo is loaded, each linked to its organiser by network/demo.py's EVENT_LINKS.
    assert all(timezone.localdate(event.starts_at) >= upcoming_day(7) for event in upcoming)
    for event in upcoming:
        assert event.linked_actors.filter(role=EditorialActor.Role.ORGANISER).exists(), event.slug


def test_demo_agenda_has_the_network_meetings_on_their_days_in_paris(client, demo):
    meetings = {
        date(2022, 4, 28): "Lancement du réseau régional Territoires participatifs",
        date(2023, 5, 25): "Deuxième rencontre régionale du réseau de la participation",
        date(2024, 4, 9): "Le rôle des tiers-lieux dans les dynamiques locales",
    }
    past = client.get("/agenda/passes/").content.decode()
    for day, title in meetings.items():
        event = EventPage.objects.get(title__startswith=title)
        assert timezone.localtime(event.starts_at, PARIS).date() == day
        assert event.commune and event.venue_name and event.postal_code and event.address
        assert f'href="{event.url}"' in past
    launch = EventPage.objects.get(starts_at__date=date(2022, 4, 28))
    assert launch.commune == "Lille"
    assert "quarantaine" in launch.listing_summary + launch.chapo
    assert launch.event_format == EventPage.Format.IN_PERSON


def test_demo_events_have_calendar_files(client, demo):
    for event in EventPage.objects.all():
        response = client.get(f"{event.url}ical/")
        assert response.status_code == 200, event.slug
        assert response["Content-Type"].startswith("text/calendar")
        assert event.title.split(" :")[0] in response.content.decode().replace("\r\n ", "")
    assert client.get("/agenda/ical/")["Content-Type"].startswith("text/calendar")


def test_demo_events_share_tags_with_articles_so_recommendations_mix_them(demo):
    event_tags = set(EditorialPage.objects.type(EventPage).values_list("tagged_items__tag__name", flat=True))
    other_tags = set(EditorialPage.objects.not_type(EventPage).values_list("tagged_items__tag__name", flat=True))
    assert {"participation", "codéveloppement", "tiers-lieux ruraux"} <= event_tags & other_tags
    assert all(event.hero_image and event.themes.exists() and event.body for event in EventPage.objects.all())


def test_demo_newsletter_has_a_sent_letter_and_subscribers(client, demo):
    archive = client.get("/lettres/").content.decode()
    assert "La lettre d&#x27;automne des Territoires participatifs" in archive
    letter = client.get("/lettres/lettre-automne/").content.decode()
    assert "Réseau régional des Territoires participatifs" in letter  # a picked article
    assert Subscriber.objects.confirmed().count() == 3
    assert "La lettre d&#x27;automne" in client.get("/newsletter/").content.decode()


def test_demo_creates_one_account_per_editorial_role(demo):
    users = get_user_model().objects
    assert list(users.get(username="redaction").groups.values_list("name", flat=True)) == ["Rédacteurs"]
    assert list(users.get(username="moderation").groups.values_list("name", flat=True)) == ["Modérateurs"]
    assert users.get(username="moderation").check_password(DEMO_PASSWORD)


def test_demo_agenda_takes_registrations_on_the_site_one_event_full_with_a_waiting_list(client, demo):
    on_site = [event for event in upcoming_demo_events() if event.registers_on_site]
    counts = {event.slug: seat_count(event) for event in on_site}
    assert any(0 < count.taken < count.capacity for count in counts.values()), counts
    full = [event for event in on_site if counts[event.slug].full and counts[event.slug].waiting]
    assert full, counts
    html = client.get(full[0].url).content.decode()
    assert "Complet : inscription sur liste d" in html and 'id="inscription"' in html
    # Sample registrations are never emailed: the outbox has nothing for them.
    assert not OutgoingEmail.objects.filter(registration__event__in=on_site).exists()


def test_demo_search_documents_hold_what_each_page_and_actor_ends_up_with(demo):
    """The load indexes each object once, at its end (demo/indexing.py): an actor's themes and tags, set
    after its first save, are in its document, and every page and actor has one."""
    documents = list(SearchDocument.objects.all())
    assert {document.actor_id for document in documents} - {None} == set(Actor.objects.values_list("pk", flat=True))
    assert {document.page_id for document in documents} - {None} == set(
        Page.objects.filter(depth__gt=1).values_list("pk", flat=True)
    )
    for document in documents:
        owner = document.actor or document.page.specific
        built, _spelling = build_document(owner)
        assert (document.title, document.summary, document.body) == (built.title, built.summary, built.body), owner


def test_demo_reference_index_is_the_one_a_rebuild_gives(demo):
    """Where each image, page, actor and tag is used (the admin's « Utilisation ») is recorded from the
    demo's final content: rebuilding the index from scratch changes nothing."""

    def references():
        fields = ("base_content_type", "object_id", "to_content_type", "to_object_id", "model_path", "content_path")
        return sorted(ReferenceIndex.objects.values_list(*fields))

    loaded = references()
    call_command("rebuild_references_index", stdout=StringIO())
    assert loaded == references()
