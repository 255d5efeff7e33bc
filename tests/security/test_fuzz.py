"""Random query strings and form bodies thrown at every public address never make the site fail (no 500).

Every address (feeds, calendars, letters, documents, password forms and /healthz included) gets every
parameter the site reads, with random text and with what encoders get wrong: NUL, lone surrogates and
overlong UTF-8 as raw bytes, 10,000 characters, cut sequences, in the query string, the path and form
fields, and form bodies declared in unknown encodings. The example count is bounded: the suite stays
fast, and derandomised, repeatable.

The test client re-raises any exception a view lets through, so a crash shows its traceback here.
The content is built once for the module, inside a transaction rolled back at the end.
"""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import transaction
from django.urls import reverse

from wagtail.models import CollectionViewRestriction, PageViewRestriction

from core.factories import ThemeFactory
from home.factories import StandardPageFactory, make_site_home
from network.directory.factories import ActorDirectoryPageFactory, ActorFactory
from network.membership.factories import JoinFormPageFactory, add_join_form_fields
from network.newsletter.factories import NewsletterIndexPageFactory, NewsletterPageFactory
from news.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    TopicPageFactory,
    classify,
)
from pagecache.middleware import LISTING_PARAMETERS
from security.antispam import HONEYPOT_FIELD, TIME_TRAP_FIELD
from tests.security.test_private_content import PDF, make_document, restricted_collection

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Every parameter a public address reads: the listings' filters as they registered them with the page
# cache (a filter added tomorrow is fuzzed with no change here), pages and search terms, the password
# forms' return address, and tracking tags, which the page cache drops before pages see them.
KNOWN_PARAMETERS = sorted(
    LISTING_PARAMETERS | {"q", "page", "return_url", "rich_text_format", "utm_source", "fbclid", "gclid"}
)
FORM_FIELDS = [
    "nom_de_la_structure",
    "type_de_structure",
    "commune",
    "departement",
    "nom_et_prenom_du_contact",
    "courriel",
    "telephone",
    "motivation",
    "themes_qui_vous_interessent",
    "consentement",
    "email",
    "first_name",
    "themes",
    "consent",
    "List-Unsubscribe",
    "password",
    "return_url",
    HONEYPOT_FIELD,
    TIME_TRAP_FIELD,
]
HOSTILE_VALUES = [
    "",
    "\x00",
    "-1",
    "0",
    "999999999999999999999999",
    "1e9",
    "2024-13",
    "abc",
    "%00",
    "%ZZ",
    "<script>alert(1)</script>",
    '"',
    "\\",
    "Bonjour\r\nBcc: victime@example.org",
    "' OR 1=1 --",
    "{{ 7*7 }}",
    "NEAR(a b)",
    "a*",
    "\u202e\ufeff\U0001f600",
]

# Percent-encoded as sent on the wire, never re-encoded: bytes that are not valid UTF-8 text.
RAW_HOSTILE_VALUES = [
    "%00",
    "a%00b",
    "%ED%A0%80",  # a lone surrogate, encoded as UTF-8 would never encode it
    "%C0%AE%C0%AE",  # overlong encodings of « . »
    "%FF%FE%FD",
    "%F0%9F%98",  # a sequence cut short
    "%E9t%E9",  # Latin-1, not UTF-8
    "x" * 10_000,
]
CHARSETS = [None, "x-inconnu", "utf-16", "iso-8859-1"]

values = st.one_of(
    st.sampled_from(HOSTILE_VALUES),
    st.text(max_size=40),
    # Very long values, repeated from a short piece: cheap to generate, as costly to handle as any.
    st.tuples(st.text(min_size=1, max_size=8), st.integers(300, 1000)).map(lambda piece: piece[0] * piece[1]),
    st.integers().map(str),
)
names = st.one_of(st.sampled_from(KNOWN_PARAMETERS), st.text(min_size=1, max_size=20))
raw_pairs = st.tuples(st.sampled_from(KNOWN_PARAMETERS), st.sampled_from(RAW_HOSTILE_VALUES))
query_strings = st.one_of(
    st.lists(st.tuples(names, values), max_size=6).map(urlencode),
    st.lists(raw_pairs, min_size=1, max_size=3).map(lambda pairs: "&".join(f"{n}={v}" for n, v in pairs)),
    st.text(alphabet="%&=+;?#[]0123456789abcdefABCDEFxyz\\\"'<> ", max_size=80),
)
form_bodies = st.dictionaries(
    st.one_of(st.sampled_from(FORM_FIELDS), st.text(min_size=1, max_size=20)),
    st.one_of(values, st.lists(values, max_size=4)),
    max_size=10,
)


@pytest.fixture(scope="module")
def site_urls(django_db_setup, django_db_blocker):
    """Every kind of public address, on a site with one page of each type; rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = make_site_home()
        theme = ThemeFactory(slug="climat")
        news_index = NewsIndexPageFactory(parent=home)
        article = classify(NewsPageFactory(parent=news_index), themes=[theme], tags=["compost"])
        event_index = EventIndexPageFactory(parent=home)
        event = classify(EventPageFactory(parent=event_index), themes=[theme], tags=["compost"])
        resource_index = ResourceIndexPageFactory(parent=home)
        resource = ResourcePageFactory(parent=resource_index)
        topic = TopicPageFactory(parent=home)
        network = StandardPageFactory(parent=home, title="Le réseau", slug="reseau")
        directory = ActorDirectoryPageFactory(parent=network)
        actor = ActorFactory(themes=[theme])
        join_form = JoinFormPageFactory(parent=network)
        add_join_form_fields(join_form)
        letters = NewsletterIndexPageFactory(parent=home)
        letter = NewsletterPageFactory(parent=letters)
        private = StandardPageFactory(parent=home, title="Espace adhérents", slug="adherents")
        page_restriction = PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="bocage"
        )
        document = make_document("guide.pdf", PDF)
        document_restriction = CollectionViewRestriction.objects.get(
            collection=restricted_collection(CollectionViewRestriction.PASSWORD, password="bocage")
        )
        yield [
            "/",
            news_index.url,
            article.url,
            news_index.url + "rss/",
            news_index.url + "atom/",
            event_index.url,
            event_index.url + "passes/",
            event_index.url + "ical/",
            event.url,
            event.url + "ical/",
            resource_index.url,
            resource.url,
            topic.url,
            network.url,
            directory.url,
            f"{directory.url}{actor.slug}/",
            join_form.url,
            join_form.url + "merci/",
            "/recherche/",
            "/recherche/suggestions/",
            "/newsletter/",
            "/newsletter/merci/",
            "/newsletter/confirmer/pas-un-jeton/",
            "/newsletter/desinscription/pas-un-jeton/",
            "/newsletter/desinscription/pas-un-jeton/un-clic/",
            letters.url,
            letter.url,
            private.url,
            reverse("wagtailcore_authenticate_with_password", args=[page_restriction.pk, private.pk]),
            document.url,
            reverse("wagtaildocs_authenticate_with_password", args=[document_restriction.pk]),
            "/sitemap.xml",
            "/robots.txt",
            "/healthz",
            "/nulle-part/",
        ]
        transaction.set_rollback(True)


@pytest.fixture
def fuzz_client(client, site_urls, settings):
    # The forms' rate limits would answer 429 after a few posts and hide what follows.
    settings.FORM_RATE_LIMITS = dict.fromkeys(settings.FORM_RATE_LIMITS, (10000, 600))
    return client


URL_COUNT = 35


@pytest.mark.django_db
@pytest.mark.parametrize("index", range(URL_COUNT))
@FUZZ
@given(
    query=query_strings,
    body=form_bodies,
    method=st.sampled_from(["get", "post"]),
    path_suffix=st.one_of(st.just(""), st.sampled_from(RAW_HOSTILE_VALUES).map(lambda value: f"{value}/")),
    charset=st.sampled_from(CHARSETS),
)
def test_no_query_string_path_or_form_body_makes_a_public_address_fail(
    fuzz_client, site_urls, index, query, body, method, path_suffix, charset
):
    url = f"{site_urls[index]}{path_suffix}?{query}"
    if method == "get":
        response = fuzz_client.get(url)
    elif charset is None:
        response = fuzz_client.post(url, body)
    else:
        encoded = urlencode(body, doseq=True).encode()
        content_type = f"application/x-www-form-urlencoded; charset={charset}"
        response = fuzz_client.generic("POST", url, encoded, content_type=content_type)

    assert response.status_code < 500, (url, body, charset)


@pytest.mark.django_db
@FUZZ
@given(token=st.one_of(st.text(min_size=1, max_size=300), st.sampled_from(["a:b:c", "e30:1abc:xyz", "." * 50])))
def test_no_token_makes_the_newsletter_links_fail(fuzz_client, token):
    quoted = quote(token, safe="")
    for path in (f"/newsletter/confirmer/{quoted}/", f"/newsletter/desinscription/{quoted}/"):
        for method in ("get", "post"):
            assert getattr(fuzz_client, method)(path).status_code < 500, path
    assert fuzz_client.post(f"/newsletter/desinscription/{quoted}/un-clic/").status_code < 500


@pytest.mark.django_db
def test_the_fuzzed_addresses_serve_real_content(client, site_urls):
    """Without hostile input, each address answers as a visitor expects: the fuzz hits live pages."""
    expected = {"/nulle-part/": 404, "/newsletter/desinscription/pas-un-jeton/un-clic/": 302}
    expected |= {url: 410 for url in site_urls if "pas-un-jeton" in url and url not in expected}

    assert len(site_urls) == URL_COUNT
    assert {url: client.get(url).status_code for url in site_urls} == {url: expected.get(url, 200) for url in site_urls}
