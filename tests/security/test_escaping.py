"""Whatever an editor or a visitor types comes out as text: in pages, JSON-LD, feeds, calendars, emails, exports."""

import csv
import io
import json

import feedparser
import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.admin.panels import get_edit_handler
from wagtail.blocks import StructBlockValidationError

from core.blocks import CallToActionBlock
from core.factories import ThemeFactory
from core.models import OutgoingEmail
from core.models.site_settings import SocialLinkBlock
from network.directory.factories import ActorFactory
from network.directory.models import Actor
from network.membership.factories import JoinFormPageFactory, add_join_form_fields
from network.membership.models import MembershipRequest
from network.newsletter import sending
from network.newsletter.models import NewsletterIndexPage, NewsletterPage, Subscriber
from news.factories import EventPageFactory, NewsPageFactory, classify
from tests.network.conftest import join_answers

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(1)</script>",
    "{{ 7*7 }}",
]
HEADER_INJECTION = "Bonjour\r\nBcc: victime@example.org"
FORMULAS = ['=HYPERLINK("https://example.org","x")', "+1+1", "-2+3", "@SUM(A1)"]


def assert_inert(html, payload=None):
    """No element or handler came from the payload, and the payload reads as text where it is shown."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            json.loads(script.string)
        else:
            assert "alert(1)" not in (script.string or "") and "alert(1)" not in script.get("src", "")
    assert not soup.find_all(lambda tag: any(name.lower().startswith("on") for name in tag.attrs))
    assert not soup.find_all("img", src="x")
    if payload is not None:
        assert payload in soup.get_text()


def json_ld(html, schema_type):
    """The JSON-LD blocks of `html` of one schema.org type (a page also carries its BreadcrumbList)."""
    soup = BeautifulSoup(html, "html.parser")
    blocks = [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]
    return [block for block in blocks if block["@type"] == schema_type]


def csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def join_form(network_section):
    page = JoinFormPageFactory(parent=network_section, notify_emails="equipe@reseau.example")
    add_join_form_fields(page)
    return page


@pytest.fixture
def hostile_site(news_index, event_index, directory):
    """A news item, an event and an actor whose every visible field an editor filled with `payload`."""

    def build(payload):
        theme = ThemeFactory(name=payload, slug="theme-hostile")
        article = NewsPageFactory(
            parent=news_index, title=payload, listing_summary=payload, chapo=payload, authors=payload
        )
        classify(article, themes=[theme], tags=[payload])
        event = EventPageFactory(
            parent=event_index,
            title=payload,
            chapo=payload,
            venue_name=payload,
            address=payload,
            commune=payload,
            organisers=payload,
        )
        actor = ActorFactory(
            name=payload,
            short_description=payload,
            commune=payload,
            department=payload,
            address=payload,
            presentation=f"<p>{payload}</p>",
            themes=[theme],
        )
        return article, event, actor

    return build


@pytest.mark.parametrize("payload", PAYLOADS)
def test_pages_show_what_editors_typed_as_text(client, hostile_site, directory, payload):
    article, event, actor = hostile_site(payload)
    pages = [
        "/",
        article.url,
        "/actualites/",
        "/actualites/?theme=theme-hostile",
        event.url,
        "/agenda/",
        directory.url,
        f"{directory.url}{actor.slug}/",
        "/recherche/?q=" + payload,
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode(), payload if url != "/" else None)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_json_ld_cannot_be_closed_and_reads_back_as_typed(client, hostile_site, directory, payload):
    article, event, actor = hostile_site(payload)

    (news_data,) = json_ld(client.get(article.url).content.decode(), "NewsArticle")
    (event_data,) = json_ld(client.get(event.url).content.decode(), "Event")
    (actor_data,) = json_ld(client.get(f"{directory.url}{actor.slug}/").content.decode(), "Organization")

    assert news_data["headline"] == payload and news_data["author"][0]["name"] == payload
    assert event_data["name"] == payload and event_data["location"]["name"] == payload
    assert actor_data["name"] == payload and actor_data["address"]["addressLocality"] == payload
    assert (
        "</script" not in client.get(article.url).content.decode().split("application/ld+json")[1].split("</script>")[0]
    )


@pytest.mark.parametrize("payload", [*PAYLOADS, "A & B <b>gras</b> ]]> \u00e9t\u00e9"])
def test_feeds_stay_well_formed_and_give_titles_back_as_typed(client, hostile_site, payload):
    hostile_site(payload)
    for kind in ("rss", "atom"):
        feed = feedparser.parse(client.get(f"/actualites/{kind}/?theme=theme-hostile").content)

        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.entries[0].title == payload
        assert feed.feed.title.endswith(payload)


@pytest.mark.parametrize("field", ["title", "venue_name", "commune", "chapo"])
def test_calendar_files_fold_line_breaks_into_their_values(client, event_index, field):
    event = EventPageFactory(parent=event_index, **{field: HEADER_INJECTION})

    for url in (event.url + "ical/", "/agenda/ical/"):
        response = client.get(url)
        (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")

        content = response.content.decode()
        assert "\r" not in content.replace("\r\n", "") and "\n" not in content.replace("\r\n", "")
        lines = content.replace("\r\n ", "").split("\r\n")
        assert "BCC" not in vevent and not [line for line in lines if line.upper().startswith("BCC")]
        text = {"title": "summary", "venue_name": "location", "commune": "location", "chapo": "description"}[field]
        assert "Bcc: victime@example.org" in str(vevent[text])


def test_a_line_break_in_an_editors_subject_reaches_no_header_and_loses_no_request(client, join_form):
    join_form.acknowledgement_subject = HEADER_INJECTION
    join_form.save_revision().publish()

    response = client.post(join_form.url, join_answers(nom_de_la_structure=HEADER_INJECTION))

    assert response.status_code == 302
    assert MembershipRequest.objects.get().structure_name == HEADER_INJECTION
    assert len(mail.outbox) == 2 and all(
        email.status == OutgoingEmail.Status.SENT for email in OutgoingEmail.objects.all()
    )
    for message in mail.outbox:
        sent = message.message()
        assert sent["Bcc"] is None and "victime@example.org" not in message.recipients()
        assert "\n" not in sent["Subject"]
    assert "Bcc: victime@example.org" in mail.outbox[1].subject


def test_an_address_with_a_line_break_is_refused_without_error(client, join_form):
    response = client.post(join_form.url, join_answers(courriel="camille@jardins.example\r\nBcc: victime@example.org"))

    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide." in response.content.decode()
    assert not MembershipRequest.objects.exists() and not mail.outbox


def test_a_letter_whose_title_has_a_line_break_is_still_sent(admin_client, home_page):
    archive = NewsletterIndexPage(title="Lettres", slug="lettres")
    home_page.add_child(instance=archive)
    letter = NewsletterPage(title=HEADER_INJECTION, slug="lettre", intro="<p>Bonne lecture</p>")
    archive.add_child(instance=letter)
    letter.save_revision().publish()
    Subscriber.objects.create(email="abonne@exemple.org", status=Subscriber.Status.CONFIRMED)

    send = reverse("network_send_newsletter", args=[letter.pk])
    assert admin_client.post(send, {"action": "test", "address": "redaction@exemple.org"}).status_code == 302
    sending.request_send(letter)
    assert sending.letter_progress(letter)["sent"] == 1

    assert [message.message()["Bcc"] for message in mail.outbox] == [None, None]
    assert all("victime@example.org" not in message.recipients() for message in mail.outbox)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_join_answers_come_out_as_text_for_the_visitor_and_for_staff(client, admin_client, join_form, payload):
    response = client.post(
        join_form.url, join_answers(nom_de_la_structure=payload, motivation=payload, commune=payload), follow=True
    )
    assert response.status_code == 200
    assert_inert(response.content.decode())

    request = MembershipRequest.objects.get()
    detail = admin_client.get(reverse("membership_membershiprequest_modeladmin_inspect", args=[request.pk]))
    assert_inert(detail.content.decode(), payload)
    listing = admin_client.get(reverse("membership_membershiprequest_modeladmin_index"))
    assert_inert(listing.content.decode(), payload)
    staff_email = mail.outbox[0]
    assert payload in staff_email.body and staff_email.subject == "Nouvelle demande d'adhésion au réseau"


def test_a_visitor_form_redisplayed_with_errors_escapes_what_was_typed(client, join_form):
    payload = PAYLOADS[1]
    response = client.post(join_form.url, join_answers(nom_de_la_structure=payload, courriel=payload))

    assert response.status_code == 200
    assert_inert(response.content.decode())
    field = BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "nom_de_la_structure"})
    assert field["value"] == payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_newsletter_name_and_address_come_out_as_text(client, admin_client, home_page, payload):
    invalid = client.post("/newsletter/", {"email": payload, "first_name": payload, "consent": "on"})
    assert invalid.status_code == 200
    assert_inert(invalid.content.decode())

    client.post("/newsletter/", {"email": "abonne@exemple.org", "first_name": payload[:80], "consent": "on"})
    listing = admin_client.get(reverse("newsletter_subscriber_modeladmin_index"))
    assert_inert(listing.content.decode())


@pytest.mark.parametrize("payload", PAYLOADS)
def test_search_suggestions_return_titles_as_data(client, news_index, payload):
    NewsPageFactory(parent=news_index, title=f"Climat {payload}")

    response = client.get("/recherche/suggestions/", {"q": "Climat"})

    # JSON, never sniffed as HTML; the header's script writes each title with textContent.
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert [item["title"] for item in response.json()["suggestions"]] == [f"Climat {payload}"]
    typed = client.get("/recherche/suggestions/", {"q": payload})
    assert typed.status_code == 200 and all(
        item["title"] == f"Climat {payload}" for item in typed.json()["suggestions"]
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_listing_filters_name_unknown_values_as_text(
    client, news_index, resource_index, event_index, directory, payload
):
    for url in ("/actualites/", "/ressources/", "/agenda/", directory.url, "/recherche/"):
        for name in ("theme", "tag", "type", "departement", "kind", "year", "format", "mois", "page", "q"):
            response = client.get(url, {name: payload})
            assert response.status_code == 200, (url, name)
            assert_inert(response.content.decode())


def test_editor_forms_refuse_javascript_addresses(admin_client, event_index):
    actor = ActorFactory()
    form_class = get_edit_handler(Actor).get_form_class()
    for address, refused in (("javascript:alert(1)", True), ("https://example.org/", False)):
        form = form_class(data={"name": "Collectif", "website": address}, instance=actor)
        assert ("website" in form.errors) is refused

    event = EventPageFactory.build(online_url="javascript:alert(1)", registration_url="javascript:alert(1)")
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert {"online_url", "registration_url"} <= set(refused.value.message_dict)

    link = {"label": "Rejoindre", "link": {"page": None, "url": "javascript:alert(1)"}, "style": "primary"}
    with pytest.raises(StructBlockValidationError):
        CallToActionBlock().clean(CallToActionBlock().to_python(link))
    with pytest.raises(ValidationError):
        SocialLinkBlock().clean(SocialLinkBlock().to_python({"network": "mastodon", "url": "javascript:alert(1)"}))


def test_staff_exports_neutralise_spreadsheet_formulas(client, admin_client, join_form, directory):
    for formula in FORMULAS:
        client.post(join_form.url, join_answers(nom_de_la_structure=formula, commune=formula))
        ActorFactory(name=formula, commune=formula)
        Subscriber.objects.create(email=f"{len(formula)}{formula[0]}@exemple.org", first_name=formula)
    exports = [
        reverse("membership_membershiprequest_modeladmin_index") + "?export=csv",
        reverse("wagtailsnippets_directory_actor:list") + "?export=csv",
        reverse("newsletter_subscriber_modeladmin_index") + "?export=csv",
        reverse("wagtailforms:list_submissions", args=[join_form.pk]) + "?export=csv",
    ]
    for url in exports:
        rows = csv_rows(admin_client.get(url))
        cells = [cell for row in rows[1:] for cell in row]
        assert any(cell.lstrip("'") in FORMULAS for cell in cells), url
        assert not [cell for cell in cells if len(cell) > 1 and cell[0] in "=+-@"], url
