"""Whatever editors, imports or sending change, the next anonymous visit sees it, on every page showing it."""

import pytest

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from wagtail.models import PageViewRestriction

from core.factories import ThemeFactory
from core.models import SiteSettings
from home.factories import StandardPageFactory
from home.models import StandardPage
from images.factories import ImageFactory
from network.directory.factories import ActorFactory
from network.newsletter import sending
from network.newsletter.models import NewsletterIndexPage, NewsletterPage
from news.factories import NewsPageFactory, classify
from pagecache.generation import GENERATION_KEY, invalidation_pending
from tests.faults.services import wait_until
from tests.pagecache.conftest import html, linked

pytestmark = pytest.mark.django_db


def cache_both(client, *urls):
    pages = [html(client, url) for url in urls]
    assert [html(client, url) for url in urls] == pages  # answered from the cache from now on
    return pages


def test_a_published_article_appears_on_the_news_index_and_the_home_page(client, site_with_listings, news_index):
    article = NewsPageFactory(parent=news_index, title="Article tout juste publié", live=False)
    cache_both(client, "/actualites/", "/")
    assert linked("Article tout juste publié") not in html(client, "/actualites/")

    article.save_revision().publish()

    assert linked("Article tout juste publié") in html(client, "/actualites/")
    assert linked("Article tout juste publié") in html(client, "/")


def test_an_unpublished_article_answers_404_and_leaves_the_listings(client, site_with_listings, news_index):
    article = NewsPageFactory(parent=news_index, title="Article retiré")
    url = article.url
    cache_both(client, url, "/actualites/", "/")

    article.unpublish()

    assert client.get(url).status_code == 404
    assert linked("Article retiré") not in html(client, "/actualites/")
    assert linked("Article retiré") not in html(client, "/")


def test_a_deleted_page_answers_404(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Page supprimée", slug="supprimee")
    cache_both(client, "/supprimee/")

    page.delete()

    assert client.get("/supprimee/").status_code == 404


def test_a_moved_page_answers_at_its_new_address_and_the_old_one_redirects(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Le réseau", slug="reseau")
    page = StandardPageFactory(parent=home_page, title="Nos partenaires", slug="partenaires")
    cache_both(client, "/partenaires/", "/reseau/")

    page.move(section, pos="last-child")

    old_address = client.get("/partenaires/")
    assert old_address.status_code == 301 and old_address["Location"] == "/reseau/partenaires/"
    assert "Nos partenaires" in html(client, "/reseau/partenaires/")


def test_a_page_saved_without_publishing_as_imports_do_is_seen(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Mentions légales", slug="mentions")
    cache_both(client, "/mentions/")

    page.title = "Mentions légales et crédits"
    page.save()

    assert "Mentions légales et crédits" in html(client, "/mentions/")


def test_a_lost_generation_never_brings_old_pages_back(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Avant", slug="generation")
    cache_both(client, "/generation/")

    StandardPage.objects.filter(pk=page.pk).update(title="Après")  # no signal: only a new generation shows it
    cache.delete(GENERATION_KEY)  # evicted, or the cache server restarted without its data

    assert "Après" in html(client, "/generation/")


def test_a_draft_changes_nothing_visitors_see_and_keeps_the_cache(client, home_page, django_assert_num_queries):
    page = StandardPageFactory(parent=home_page, title="À propos", slug="a-propos")
    cache_both(client, "/a-propos/")

    page.title = "Brouillon pas encore relu"
    page.save_revision()

    with django_assert_num_queries(0):
        assert "Brouillon pas encore relu" not in client.get("/a-propos/").content.decode()


def test_an_actor_published_from_a_draft_changes_the_directory_and_its_page(client, directory):
    actor = ActorFactory(name="Collectif des jardins", slug="jardins")
    cache_both(client, "/reseau/annuaire/", "/reseau/annuaire/jardins/")

    actor.name = "Collectif des jardins partagés"
    actor.save_revision().publish()

    assert linked("Collectif des jardins partagés") in html(client, "/reseau/annuaire/")
    assert "Collectif des jardins partagés" in html(client, "/reseau/annuaire/jardins/")


def test_a_renamed_theme_changes_the_pages_it_classifies(client, site_with_listings, news_index):
    theme = ThemeFactory(name="Climat", slug="climat")
    article = classify(NewsPageFactory(parent=news_index, title="Article climat"), themes=[theme])
    cache_both(client, article.url, "/actualites/")

    theme.name = "Climat et énergie"
    theme.save()

    assert "Climat et énergie" in html(client, article.url)
    assert "Climat et énergie" in html(client, "/actualites/")


def test_site_settings_change_the_footer_of_every_page(client, site_with_listings):
    cache_both(client, "/", "/actualites/")
    site_settings = SiteSettings.for_site(site_with_listings.get_site())

    site_settings.newsletter_title = "Recevez la lettre du réseau"
    site_settings.save()

    assert "Recevez la lettre du réseau" in html(client, "/")
    assert "Recevez la lettre du réseau" in html(client, "/actualites/")


def test_an_image_s_new_alternative_text_reaches_the_pages_showing_it(client, news_index):
    image = ImageFactory(description="Une salle de réunion")
    article = NewsPageFactory(parent=news_index, hero_image=image)
    cache_both(client, article.url)

    image.description = "Des habitants autour d'une maquette du quartier"
    image.save()

    assert "Des habitants autour d&#x27;une maquette du quartier" in html(client, article.url)


def test_a_sent_letter_appears_on_the_subscription_page(client, home_page):
    archive = NewsletterIndexPage(title="Lettres d'information", slug="lettres")
    home_page.add_child(instance=archive)
    letter = NewsletterPage(title="La lettre de décembre", slug="decembre", intro="<p>Bonne lecture !</p>")
    archive.add_child(instance=letter)
    letter.save_revision().publish()
    html(client, "/newsletter/")  # never kept in the cache: its form carries a token of each visitor's own

    sending.request_send(letter)

    assert linked("La lettre de décembre") in html(client, "/newsletter/")


def test_an_invalidation_the_cache_did_not_take_is_retried_and_no_page_comes_from_the_cache_meanwhile(
    client, home_page, monkeypatch
):
    """Redis frozen for a moment while an editor restricts a page: its cached copy must never come back."""
    page = StandardPageFactory(parent=home_page, title="Bientôt réservé", slug="reserve")
    cache_both(client, "/reserve/")
    # A cache told to ignore its errors (django-redis' IGNORE_EXCEPTIONS) answers None when unreachable.
    monkeypatch.setattr(LocMemCache, "incr", lambda self, key, delta=1, version=None: None)

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/reserve/").status_code == 302
    assert "public" not in client.get("/").get("Cache-Control", "")  # nothing from the cache meanwhile
    generation = cache.get(GENERATION_KEY)
    monkeypatch.undo()
    wait_until(lambda: not invalidation_pending(), 5, "l'invalidation n'est pas reprise")
    assert cache.get(GENERATION_KEY) > generation
    assert client.get("/reserve/").status_code == 302
    cache_both(client, "/")
