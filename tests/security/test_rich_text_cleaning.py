"""Rich text reaches the database cleaned, whoever writes it, and what the editor writes is kept as it is."""

import json

import pytest

from django.apps import apps
from django.core.files.base import ContentFile
from django.db.models import TextField
from django.db.models.functions import Cast

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Revision
from wagtail.rich_text import RichText

from core.rich_text import CleanRichTextField, CleanStreamField, clean_rich_text
from home.factories import StandardPageFactory
from images.factories import ImageFactory
from network.directory.factories import ActorFactory
from network.directory.models import Actor
from network.membership import decisions
from network.membership.factories import JoinFormPageFactory, add_join_form_fields
from network.membership.models import JoinFormPage, MembershipRequest
from news.factories import NewsPageFactory
from tests.demo_site import load_demo_site
from tests.network.conftest import join_answers

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()">Bonjour<script>alert(1)</script>'
    '<img src=x onerror=alert(1)><a href="javascript:alert(1)" style="color:red">lien</a>'
    '<a href=" jav&#x09;ascript:alert(2)">tab</a></p><style>p{}</style><!-- note -->'
    '<iframe src="https://example.org"></iframe><embed embedtype="image" id="1" onerror="x()"/>'
)
EDITOR_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3", "h4", "hr", "image", "embed"]


def assert_harmless(html):
    lowered = html.lower()
    for trace in ("<script", "alert(1)", "onerror", "onclick", "javascript:", "ascript:", "style", "<img", "<iframe"):
        assert trace not in lowered, (trace, html)


def rich_texts_in(value):
    """Every rich text string of a stored StreamField, found by shape: the HTML strings of the JSON."""
    if isinstance(value, str):
        return [value] if value.startswith("<") else []
    if isinstance(value, dict):
        return [text for item in value.values() for text in rich_texts_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in rich_texts_in(item)]
    return []


def stored_values(model, field_name, **lookup):
    """What the database holds in a column, as text, without going through the model's field."""
    raw = model.objects.filter(**lookup).annotate(raw=Cast(field_name, output_field=TextField()))
    return list(raw.values_list("raw", flat=True))


def stored_body(page):
    (body,) = stored_values(type(page), "body", pk=page.pk)
    return json.loads(body)


@pytest.fixture
def join_form(network_section):
    page = JoinFormPageFactory(parent=network_section)
    add_join_form_fields(page)
    return page


def test_scripts_handlers_styles_and_javascript_addresses_are_removed():
    cleaned = clean_rich_text(HOSTILE)

    assert_harmless(cleaned)
    assert cleaned == '<p>Bonjour<a>lien</a><a>tab</a></p><embed embedtype="image" id="1"/>'


def test_cleaning_twice_gives_the_text_of_cleaning_once():
    once = clean_rich_text(HOSTILE + '<p>L\'été &amp; "nous"\u00a0!<br/><embed alt="a > b" embedtype="image" id="2"/>')
    assert clean_rich_text(once) == once


def test_what_the_editor_stores_round_trips_unchanged(home_page):
    target = StandardPageFactory(parent=home_page)
    image = ImageFactory()
    document = get_document_model().objects.create(title="Guide", file=ContentFile(b"%PDF", name="guide.pdf"))
    written = (
        f'<h2 data-block-key="k1">Le réseau</h2><p data-block-key="k2">L\'été & « nous »\u00a0! <b>gras</b> '
        f'<i>italique</i><br/><a linktype="page" id="{target.pk}">une page</a>, '
        f'<a linktype="document" id="{document.pk}">un guide</a>, '
        '<a href="https://example.org/?a=1&amp;b=\'2\'">un site</a>, <a href="mailto:reseau@example.org">écrire</a></p>'
        '<h3 data-block-key="k3">Titre 3</h3><h4 data-block-key="k4">Titre 4</h4>'
        '<ul><li data-block-key="k5">un</li></ul><ol><li data-block-key="k6">deux</li></ol>'
        f'<embed alt="L\'affiche > « 2024 »" embedtype="image" format="left" id="{image.pk}"/><hr/>'
        '<embed embedtype="media" url="https://www.youtube.com/watch?v=abc&amp;t=1"/>'
    )
    converter = ContentstateConverter(EDITOR_FEATURES)
    # Exactly what the editor saves: its own conversion from its editing state to the stored format.
    stored = converter.to_database_format(converter.from_database_format(written))

    assert f'<a linktype="page" id="{target.pk}">' in stored and 'format="left"' in stored
    assert clean_rich_text(stored) == stored


def test_a_page_body_saved_by_code_comes_back_cleaned_in_every_shape_of_stream(news_index):
    shapes = [
        [("paragraph", HOSTILE)],
        [("paragraph", RichText(HOSTILE))],
        [{"type": "paragraph", "value": HOSTILE}],
        json.dumps([{"type": "paragraph", "value": HOSTILE}]),
    ]
    for shape in shapes:
        page = NewsPageFactory(parent=news_index, body=shape)

        texts = rich_texts_in(stored_body(page))
        assert texts and all(clean_rich_text(text) == text for text in texts)
        for text in texts:
            assert_harmless(text)


def test_rich_text_inside_a_table_block_is_cleaned(news_index):
    table = {
        "caption": "Participants",
        "table": {
            "columns": [{"type": "text", "heading": "Lieu"}, {"type": "rich_text", "heading": "Notes"}],
            "rows": [{"values": ["Lille", HOSTILE]}],
            "caption": "",
        },
    }
    page = NewsPageFactory(parent=news_index, body=[{"type": "table", "value": table}])

    stored = stored_body(page)[0]["value"]["table"]
    assert stored["rows"][0]["values"][0] == "Lille"
    assert_harmless(stored["rows"][0]["values"][1])


def test_published_revisions_hold_cleaned_text(news_index):
    page = NewsPageFactory(parent=news_index)
    page.body = [("paragraph", HOSTILE)]
    revision = page.save_revision()
    revision.publish()

    assert_harmless(json.dumps(Revision.objects.get(pk=revision.pk).content["body"]))
    for text in rich_texts_in(stored_body(page)):
        assert_harmless(text)


def test_an_actor_presentation_saved_by_code_comes_back_cleaned():
    actor = ActorFactory(presentation=HOSTILE)

    assert_harmless(Actor.objects.values_list("presentation", flat=True).get(pk=actor.pk))
    assert_harmless(str(actor.latest_revision.content))
    Actor.objects.filter(pk=actor.pk).update(presentation=HOSTILE)
    assert_harmless(Actor.objects.values_list("presentation", flat=True).get(pk=actor.pk))


def test_the_thank_you_text_of_the_join_form_is_cleaned(join_form):
    join_form.thank_you_text = HOSTILE
    join_form.save_revision().publish()

    assert_harmless(JoinFormPage.objects.values_list("thank_you_text", flat=True).get(pk=join_form.pk))


def test_a_request_accepted_into_a_draft_actor_stores_cleaned_text(client, join_form):
    motivation = '<script>alert(1)</script><a href="javascript:alert(1)">voir</a> Nous voulons agir.'
    client.post(join_form.url, join_answers(motivation=motivation))

    actor = decisions.accept(MembershipRequest.objects.get())

    stored = Actor.objects.values_list("presentation", flat=True).get(pk=actor.pk)
    assert clean_rich_text(stored) == stored
    assert "<script" not in stored and "<a" not in stored
    assert "Nous voulons agir." in stored
    assert "<script" not in str(actor.latest_revision.content)


def test_the_demo_stores_only_clean_rich_text():
    load_demo_site()

    checked = 0
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.model is not model or not isinstance(field, RichTextField | StreamField):
                continue
            for value in stored_values(model, field.name):
                stored = rich_texts_in(json.loads(value) if isinstance(field, StreamField) else value or "")
                checked += len(stored)
                assert all(clean_rich_text(text) == text for text in stored), (model, field.name)
    assert checked > 20


def test_every_rich_text_and_stream_field_of_the_site_cleans_what_it_stores():
    site_apps = {"core", "home", "news", "directory", "membership", "newsletter", "search", "security"}
    fields = [
        field
        for model in apps.get_models()
        if model._meta.app_label in site_apps
        for field in model._meta.concrete_fields
        if isinstance(field, RichTextField | StreamField)
    ]
    assert fields
    unguarded = [
        f"{field.model.__name__}.{field.name}"
        for field in fields
        if not isinstance(field, CleanRichTextField | CleanStreamField)
    ]
    assert unguarded == []
