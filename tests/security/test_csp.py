"""The Content-Security-Policy: strict on the public site, whose markup has no inline code, looser in the admin."""

import pytest
from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.template.loader import render_to_string

from wagtail.embeds.format import embed_to_frontend_html
from wagtail.embeds.models import Embed
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.blocks import BodyStreamBlock
from home.factories import StandardPageFactory
from security.embeds import VIDEO_PLAYER_ORIGINS, VideoEmbedFinder
from tests.demo_site import demo_addresses, load_demo_site
from tests.e2e.page_set import EXPECTED_STATUS, NEWSLETTER_PATH, PAGE_PATHS, load_page_set, page_path

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=abc123"
# What YouTube's oEmbed endpoint answers, as the embed finder stores it (no network in tests).
VIDEO_EMBED = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/abc123?feature=oembed" '
    'frameborder="0" allow="autoplay; encrypted-media; picture-in-picture" allowfullscreen '
    'title="Présentation du réseau"></iframe>'
)


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, *sources in directives}


def runs(script):
    """Whether the browser executes this <script>: classic and module scripts do, data blocks do not."""
    kind = script.get("type", "").strip().lower()
    return kind in {"", "module"} or "javascript" in kind or "ecmascript" in kind


def inline_code(html):
    """What a strict policy would block in this markup: inline scripts, event handler attributes,
    javascript: links, style attributes and <style> elements. Data blocks (JSON-LD, the userbar's
    JSON configuration) are never run."""
    soup = BeautifulSoup(html, "html.parser")
    found = [str(script)[:120] for script in soup.find_all("script") if not script.get("src") and runs(script)]
    found += [str(style)[:120] for style in soup.find_all("style")]
    for element in soup.find_all(True):
        attributes = [name for name in element.attrs if name == "style" or name.startswith("on")]
        if element.get("href", "").strip().lower().startswith("javascript:"):
            attributes.append("href")
        found += [f"<{element.name} {name}=…>" for name in attributes]
    return found


@pytest.fixture
def video_embed(monkeypatch):
    monkeypatch.setattr(
        "wagtail.embeds.embeds.get_embed",
        lambda url, max_width=None, max_height=None: Embed(url=url, html=VIDEO_EMBED, width=200, height=113),
    )


def test_public_policy_allows_no_inline_code_and_sets_every_directive(client, home_page):
    directives = policy(client.get("/"))

    assert directives == {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "frame-src": list(VIDEO_PLAYER_ORIGINS),
    }
    header = client.get("/")["Content-Security-Policy"]
    assert "unsafe-" not in header
    assert "nonce-" not in header


@pytest.mark.parametrize(
    ("storage_settings", "image_host"),
    [
        ({"MEDIA_URL": "https://cdn.example.org/medias/"}, "https://cdn.example.org"),
        (
            {
                "STORAGES": {
                    "default": {
                        "BACKEND": "storages.backends.s3.S3Storage",
                        "OPTIONS": {
                            "bucket_name": "territoires-medias",
                            "endpoint_url": "https://s3.fr-par.scw.cloud",
                            "access_key": "test",
                            "secret_key": "test",
                            "default_acl": "private",
                        },
                    },
                    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
                }
            },
            "https://s3.fr-par.scw.cloud",
        ),
    ],
    ids=["cdn", "bucket"],
)
def test_images_may_come_from_the_media_storage_host(client, home_page, settings, storage_settings, image_host):
    for name, value in storage_settings.items():
        setattr(settings, name, value)

    assert policy(client.get("/"))["img-src"] == ["'self'", "data:", image_host]
    assert image_host in policy(client.get("/admin/login/"))["img-src"]


def test_the_media_storage_is_asked_for_its_host_once_per_process(client, home_page, settings, monkeypatch):
    settings.MEDIA_URL = "https://cdn.example.org/medias/"
    asked = []
    storage_url = type(storages["default"]).url
    monkeypatch.setattr(
        type(storages["default"]), "url", lambda self, name: asked.append(name) or storage_url(self, name)
    )

    for address in ("/", "/", "/admin/login/", "/admin/login/"):
        assert "https://cdn.example.org" in policy(client.get(address))["img-src"]

    assert asked.count("csp") == 1


def test_local_media_adds_no_image_host(client, home_page):
    assert policy(client.get("/"))["img-src"] == ["'self'", "data:"]


@pytest.mark.parametrize(
    "url",
    [VIDEO_URL, "https://youtu.be/abc123", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"],
)
def test_video_block_accepts_the_hosts_whose_players_may_be_framed(url):
    assert VideoEmbedFinder().accept(url)


@pytest.mark.parametrize(
    "url",
    ["https://www.dailymotion.com/video/x7tgad0", "https://x.com/reseau/status/1", "https://example.org/video"],
)
def test_video_block_refuses_other_hosts_before_any_request(url, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("an address of another host reached the network")

    monkeypatch.setattr("requests.get", no_network)
    assert not VideoEmbedFinder().accept(url)
    block = BodyStreamBlock.base_blocks["embed"]
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"embed": url, "title": "Une vidéo"}))


def test_admin_gets_its_own_looser_policy(admin_client, home_page):
    directives = policy(admin_client.get(f"/admin/pages/{home_page.pk}/edit/"))

    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["img-src"] == ["'self'", "data:", "blob:"]
    assert directives["frame-src"] == ["'self'", *VIDEO_PLAYER_ORIGINS]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert "'unsafe-eval'" not in directives["script-src"]


def test_admin_policy_stays_under_the_admin_address(admin_client, home_page):
    """An editor browsing the site gets the public policy; a page whose address starts like the
    admin's does not get the admin's."""
    StandardPageFactory(parent=home_page, title="Administration", slug="administration")

    for path in ["/", "/administration/"]:
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert policy(response)["script-src"] == ["'self'"], path
        assert policy(response)["frame-ancestors"] == ["'none'"], path


def test_admin_preview_can_be_framed_by_the_admin_only(admin_client, home_page):
    page = StandardPageFactory(parent=home_page, title="À prévisualiser", slug="a-previsualiser")
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    form = nested_form_data({"title": page.title, "slug": page.slug, "intro": page.intro, "body": streamfield([])})
    assert admin_client.post(preview_url, form).json()["is_valid"] is True

    response = admin_client.get(preview_url)

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == ["'self'"]
    assert "À prévisualiser" in response.content.decode()


def test_every_page_kind_renders_without_inline_code(client):
    load_page_set()
    offenders = {}
    for kind in PAGE_PATHS:
        response = client.get(page_path(kind))
        assert response.status_code == EXPECTED_STATUS[kind], kind
        offenders[kind] = inline_code(response.content.decode())

    assert {kind: found for kind, found in offenders.items() if found} == {}


def test_every_demo_page_renders_without_inline_code(client):
    load_demo_site()
    paths = demo_addresses()
    offenders = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        offenders[path] = inline_code(response.content.decode())

    assert len(paths) > 50
    assert {path: found for path, found in offenders.items() if found} == {}


def test_listing_and_sharing_previews_render_without_inline_code(client):
    load_page_set()
    offenders = {}
    for page in Page.objects.live().specific().filter(depth__gt=2):
        # A letter's « Courriel » preview shows the email, whose styles mail clients need inline.
        for mode in [mode for mode, _label in page.preview_modes if mode != "courriel"]:
            response = page.make_preview_request(preview_mode=mode)
            offenders[f"{page.url} ({mode})"] = inline_code(response.content.decode())

    assert any(name.endswith("(carte)") for name in offenders)
    assert any(name.endswith("(partage)") for name in offenders)
    assert {name: found for name, found in offenders.items() if found} == {}


def test_video_block_renders_without_inline_code(client, home_page, video_embed):
    page = StandardPageFactory(
        parent=home_page, body=[("embed", {"embed": VIDEO_URL, "title": "Présentation du réseau"})]
    )
    html = client.get(page.url).content.decode()

    assert "https://www.youtube.com/embed/abc123" in html
    assert inline_code(html) == []
    # Wagtail's own embed markup (rich text, `{{ value.embed }}`) no longer sizes frames inline.
    assert inline_code(embed_to_frontend_html(VIDEO_URL)) == []


def test_editor_userbar_adds_no_inline_code(admin_client, home_page):
    html = admin_client.get("/").content.decode()

    assert "wagtail-userbar" in html
    assert inline_code(html) == []


def test_error_pages_render_without_inline_code(client, home_page, settings):
    settings.FORM_RATE_LIMITS = {**settings.FORM_RATE_LIMITS, "newsletter": (1, 600)}
    client.post(NEWSLETTER_PATH, {"email": "camille@example.org"})
    too_many = client.post(NEWSLETTER_PATH, {"email": "camille@example.org"})
    assert too_many.status_code == 429

    pages = {
        "429": too_many.content.decode(),
        "500": render_to_string("500.html"),
        "503": render_to_string("503.html"),
    }

    assert {name: inline_code(html) for name, html in pages.items() if inline_code(html)} == {}


def test_the_markup_check_catches_each_kind_of_inline_code():
    """A control: if the check stopped seeing inline code, every test above would pass for nothing."""
    html = (
        '<script>alert(1)</script><script type="module">go()</script><style>p{}</style>'
        '<p style="color:red">x</p><button onclick="go()">x</button><a href="javascript:go()">x</a>'
        '<script type="application/ld+json">{}</script><script src="/static/js/site.js"></script>'
    )
    assert len(inline_code(html)) == 6
