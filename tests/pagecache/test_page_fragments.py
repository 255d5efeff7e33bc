"""The menu, breadcrumbs, meta tags, footer and « contenus similaires » are kept as rendered HTML, and
every change visitors can see shows in them at once.

The page cache is off: what is proven is the fragments' own invalidation, on pages rendered afresh.
"""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

from core.factories import ThemeFactory
from core.models import SiteSettings
from home.factories import StandardPageFactory
from network.membership.factories import JoinFormPageFactory, add_join_form_fields
from news.factories import NewsPageFactory, classify
from security.antispam import TIME_TRAP_FIELD
from tests.pagecache.conftest import html, linked

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_page_cache_off")]


@pytest.fixture
def article(news_index):
    return NewsPageFactory(parent=news_index, title="Un article", slug="un-article")


def menu(content):
    return re.search(r'<nav class="main-nav".*?</nav>', content, re.S).group()


def breadcrumbs(content):
    return re.search(r'<nav class="breadcrumbs.*?</nav>', content, re.S).group()


def footer(content):
    return re.search(r'<footer class="site-footer".*?</footer>', content, re.S).group()


def similar(content):
    found = re.search(r'<section class="section similar".*?</section>', content, re.S)
    return found.group() if found else ""


def menu_queries(client, url):
    """The queries a render of `url` runs for the menu (the in-menu children of the home page)."""
    with CaptureQueriesContext(connection) as captured:
        html(client, url)
    return [query["sql"] for query in captured if '"show_in_menus"' in query["sql"].partition(" WHERE ")[2]]


def test_the_chrome_is_rendered_once_then_read_as_html(client, news_index, article):
    neighbour = NewsPageFactory(parent=news_index, title="Un autre article")
    assert menu_queries(client, article.url)  # rendered and kept
    assert not menu_queries(client, article.url)  # read back
    assert not menu_queries(client, neighbour.url)  # pages of one section share it


def test_without_a_cache_shared_by_every_process_nothing_is_kept(client, article, settings):
    settings.PAGE_FRAGMENTS = False
    assert menu_queries(client, article.url)
    assert menu_queries(client, article.url)


def test_a_published_menu_page_shows_in_every_menu_at_once_and_leaves_when_unpublished(client, home_page, article):
    html(client, article.url)
    page = StandardPageFactory(parent=home_page, title="Nouvelle rubrique", show_in_menus=True, live=False)
    page.save_revision().publish()

    assert linked("Nouvelle rubrique") in menu(html(client, article.url))

    page.refresh_from_db()  # published through its revision: this copy still says it is a draft
    page.unpublish()
    assert linked("Nouvelle rubrique") not in menu(html(client, article.url))


def test_the_menu_marks_the_section_shown(client, home_page, news_index, article):
    other = StandardPageFactory(parent=home_page, title="Autre rubrique", slug="autre", show_in_menus=True)
    news_index.show_in_menus = True
    news_index.save_revision().publish()

    assert 'aria-current="true">' in menu(html(client, article.url))
    assert 'aria-current="page">' in menu(html(client, news_index.url))
    assert "aria-current" not in menu(html(client, "/"))
    on_other = menu(html(client, other.url))
    assert f'<a href="{other.url}" aria-current="page">' in on_other and 'aria-current="true"' not in on_other


def test_a_page_made_private_leaves_the_menu_and_the_legal_links_at_once(client, home_page, article):
    legal = StandardPageFactory(parent=home_page, title="Mentions légales", slug="mentions", show_in_menus=True)
    settings_of_site = SiteSettings.for_site(Site.objects.get())
    settings_of_site.legal_links = [("page", legal)]
    settings_of_site.save()
    content = html(client, article.url)
    assert linked("Mentions légales") in menu(content) and linked("Mentions légales") in footer(content)

    PageViewRestriction.objects.create(page=legal, restriction_type=PageViewRestriction.LOGIN)

    content = html(client, article.url)
    assert linked("Mentions légales") not in menu(content) and linked("Mentions légales") not in footer(content)


def test_a_moved_page_shows_its_new_place_in_the_breadcrumbs(client, home_page, news_index, article):
    archive = StandardPageFactory(parent=home_page, title="Archives", slug="archives")
    assert "Archives" not in breadcrumbs(html(client, article.url))

    article.move(archive, pos="last-child")

    assert linked("Archives") in breadcrumbs(html(client, "/archives/un-article/"))


def test_a_renamed_section_shows_in_the_breadcrumbs_below_it(client, news_index, article):
    assert linked(news_index.title) in breadcrumbs(html(client, article.url))

    news_index.title = "Le fil des nouvelles"
    news_index.save_revision().publish()

    assert linked("Le fil des nouvelles") in breadcrumbs(html(client, article.url))


def test_a_published_description_shows_in_the_meta_tags(client, article):
    html(client, article.url)
    article.search_description = "Une description toute neuve."
    article.save_revision().publish()

    assert '<meta name="description" content="Une description toute neuve.">' in html(client, article.url)


def test_a_settings_edit_shows_in_the_footer_at_once(client, article):
    html(client, article.url)
    settings_of_site = SiteSettings.for_site(Site.objects.get())
    settings_of_site.address = "12 rue des Écoles\n59000 Lille"
    settings_of_site.save()

    assert "12 rue des Écoles" in footer(html(client, article.url))


def test_similar_content_follows_publications_and_snippet_edits(client, news_index):
    theme = ThemeFactory(name="Climat")
    source = classify(NewsPageFactory(parent=news_index, title="Source"), themes=[theme], tags=["ressourcerie"])
    html(client, source.url)
    newcomer = classify(NewsPageFactory(parent=news_index, title="Nouveau venu", live=False), tags=["ressourcerie"])
    newcomer.save_revision().publish()
    classify(newcomer, themes=[theme])
    assert linked("Nouveau venu") in similar(html(client, source.url))

    theme.name = "Climat et énergie"
    theme.save()
    assert "Climat et énergie" in similar(html(client, source.url))

    newcomer.refresh_from_db()  # published through its revision: this copy still says it is a draft
    newcomer.unpublish()
    assert linked("Nouveau venu") not in similar(html(client, source.url))


def test_nothing_of_a_signed_in_editor_goes_into_what_visitors_get(client, editor_client, article):
    editor_page = editor_client.get(article.url).content.decode()  # renders and keeps every fragment
    assert "wagtail-userbar" in editor_page

    content = html(client, article.url)
    assert "userbar" not in content and "csrfmiddlewaretoken" not in content
    assert "editrice" not in content


def test_the_anti_spam_token_is_new_on_every_render(client, network_section):
    join_form = JoinFormPageFactory(parent=network_section)
    add_join_form_fields(join_form)

    def token():
        return re.search(rf'name="{TIME_TRAP_FIELD}" value="([^"]+)"', html(client, join_form.url)).group(1)

    assert token() != token()


def test_a_preview_renders_its_draft_in_every_fragment(client, news_index, article):
    html(client, article.url)  # the live page's fragments are kept
    article.title = "Titre du brouillon"
    article.search_description = "Description du brouillon."

    preview = article.make_preview_request().content.decode()

    assert "Titre du brouillon" in breadcrumbs(preview)
    assert '<meta name="description" content="Description du brouillon.">' in preview
