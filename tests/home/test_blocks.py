"""Every body block renders on its own preview value, so the editor's block picker never breaks."""

import re

import pytest

from django.core.exceptions import ValidationError

from wagtail.embeds.models import Embed

from core.blocks import BodyStreamBlock, CallToActionBlock, GalleryBlock
from home.factories import StandardPageFactory
from images.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", list(BodyStreamBlock.base_blocks))
def test_each_block_has_icon_description_and_renders_its_preview(name):
    ImageFactory()
    block = BodyStreamBlock.base_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.get_description()
    assert block.meta.template.startswith("blocks/")
    block.render(block.get_preview_value())


def test_call_to_action_needs_exactly_one_destination():
    block = CallToActionBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"label": "S'inscrire", "link": {"page": None, "url": ""}, "style": "primary"}))
    value = block.clean(
        block.to_python(
            {"label": "S'inscrire", "link": {"page": None, "url": "https://example.org/"}, "style": "primary"}
        )
    )
    assert value["link"]["url"] == "https://example.org/"


def test_video_embed_sends_nothing_to_the_video_host_until_asked(monkeypatch):
    video_url = "https://www.youtube.com/watch?v=abc"
    # The provider's oEmbed answer, as the embed finder would store it (no network in tests).
    monkeypatch.setattr(
        "wagtail.embeds.embeds.get_embed",
        lambda url, max_width=None: Embed(
            url=url, html='<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>'
        ),
    )
    block = BodyStreamBlock.base_blocks["embed"]

    html = block.render(block.to_python({"embed": video_url, "title": "Présentation du réseau"}))

    outside_template, inside_template = html.split("<template>")
    assert "<iframe" not in outside_template
    assert f'href="{video_url}"' in outside_template
    assert "<iframe" in inside_template


@pytest.mark.parametrize("address", ["/reseau/rejoindre/", "https://example.org/agenda", "http://example.org"])
def test_call_to_action_accepts_site_paths_and_web_addresses(address):
    block = CallToActionBlock()
    raw = {"label": "Rejoindre", "link": {"page": None, "url": address}, "style": "primary"}
    value = block.clean(block.to_python(raw))
    assert value["link"]["url"] == address


@pytest.mark.parametrize("address", ["javascript:alert(1)", "//evil.example/", "reseau", "ftp://example.org"])
def test_call_to_action_refuses_other_addresses(address):
    block = CallToActionBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"label": "Rejoindre", "link": {"page": None, "url": address}, "style": "primary"}))


def test_a_small_image_never_repeats_a_width_in_srcset(client, home_page):
    small = ImageFactory(file__width=600, file__height=400)
    page = StandardPageFactory(
        parent=home_page,
        body=[("image", {"image": {"image": small, "decorative": False, "alt_text": ""}, "caption": "", "credit": ""})],
    )
    html = client.get(page.url).content.decode()
    for srcset in re.findall(r'srcset="([^"]+)"', html):
        widths = [candidate.split()[-1] for candidate in srcset.split(", ")]
        assert len(widths) == len(set(widths)), srcset
        assert all(width.endswith("w") for width in widths)
    assert "480w" in html and "600w" in html


def test_a_gallery_is_saved_with_two_images_or_more():
    block = GalleryBlock()
    image = {"image": ImageFactory().pk, "caption": "", "credit": ""}
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"title": "Retour en images", "images": [image]}))
    assert "au moins deux images" in str(refused.value.block_errors["images"].non_block_errors)
    two = block.clean(block.to_python({"title": "Retour en images", "images": [image, image]}))
    assert len(two["images"]) == 2


def test_a_callout_says_its_kind_in_words_not_only_in_colour():
    block = BodyStreamBlock.base_blocks["callout"]
    raw = {"tone": "important", "title": "Inscriptions avant le 15 mars", "text": "<p>Quarante places ?</p>"}

    html = block.render(block.to_python(raw))

    assert '<div class="callout callout--important" role="note">' in html
    assert '<p class="callout__tone">Important</p>' in html
    # French spacing reaches the rich text: a no-break space holds « ? » to its word.
    assert "places\u202f?" in html or "places\u00a0?" in html


def test_a_partners_strip_names_each_logo_and_links_those_with_a_site():
    block = BodyStreamBlock.base_blocks["partners"]
    raw = {
        "title": "Nos partenaires",
        "partners": [
            {
                "name": "Fondation des communs",
                "logo": ImageFactory(description="Un logo").pk,
                "url": "https://example.org/",
            },
            {"name": "Fonds des initiatives", "logo": ImageFactory().pk, "url": ""},
        ],
    }

    html = block.render(block.to_python(raw))

    # The logo's text is the partner's name, which is also where the link leads.
    assert re.search(
        r'<a href="https://example.org/" class="partners__link"><img [^>]*alt="Fondation des communs"', html
    )
    assert re.search(r'<li class="partners__item">\s*<img [^>]*alt="Fonds des initiatives" loading="lazy">', html)
    assert html.count("<img") == 2
