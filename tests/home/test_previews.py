"""Editors preview a page as its card in listings and as its card when shared, whatever its type."""

import pytest

from django.test import RequestFactory

from home.factories import StandardPageFactory
from images.factories import ImageFactory
from news.factories import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factory", [NewsPageFactory, EventPageFactory, StandardPageFactory])
def test_every_page_type_offers_card_and_share_previews(home_page, news_index, event_index, factory):
    parent = {NewsPageFactory: news_index, EventPageFactory: event_index}.get(factory, home_page)
    page = factory(
        parent=parent, listing_title="Titre court des listes", social_description="Le texte qui accompagne le lien."
    )
    assert {"carte", "partage"} <= {mode for mode, _label in page.preview_modes}

    request = RequestFactory().get("/", HTTP_HOST="testserver")
    card = page.serve_preview(request, "carte")
    card.render()
    share = page.serve_preview(request, "partage")
    share.render()

    assert "Titre court des listes" in card.content.decode()
    assert "Le texte qui accompagne le lien." in share.content.decode()


def test_the_share_preview_shows_the_share_image_or_says_it_is_missing(home_page, news_index):
    with_image = NewsPageFactory(parent=news_index, social_image=ImageFactory())
    without = NewsPageFactory(parent=news_index)
    request = RequestFactory().get("/", HTTP_HOST="testserver")

    shown = with_image.serve_preview(request, "partage").render().content.decode()
    missing = without.serve_preview(request, "partage").render().content.decode()

    assert "<img" in shown[shown.index("share-preview") :]
    assert "Pas d&#x27;image" in missing or "Pas d'image" in missing
