"""« Étiquettes »: editors see how much each tag is used, rename one, merge two, delete the unused ones."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.urls import reverse

from taggit.models import Tag

from network.directory.factories import ActorFactory
from news.factories import NewsPageFactory
from news.models import NewsPage

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_taggit_tag:list"


def member_of(client, django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@exemple.org", "mot-de-passe-solide")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


@pytest.fixture
def tagged(news_index):
    """Two articles tagged « climat », one also « Climat et énergie »; an actor tagged « climat »."""
    first = NewsPageFactory(parent=news_index, title="Premier article")
    second = NewsPageFactory(parent=news_index, title="Second article")
    first.tags.add("climat")
    second.tags.add("climat", "Climat et énergie")
    for page in (first, second):
        page.save_revision().publish()
    actor = ActorFactory()
    actor.tags.add("climat")
    actor.save()
    return first, second


def listed_uses(html):
    """{tag name: number of uses} as the list shows them, in its order."""
    rows = {}
    for row in BeautifulSoup(html, "html.parser").select("tbody tr"):
        name = row.select_one("[id^=snippet_][id$=_title]")
        cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        rows[name.get_text(strip=True)] = int(cells[-2])
    return rows


def test_the_list_shows_each_tag_with_its_number_of_uses(client, django_user_model, tagged):
    member_of(client, django_user_model, "Rédacteurs", "redaction")
    Tag.objects.create(name="orpheline", slug="orpheline")

    listed = listed_uses(client.get(reverse(LIST) + "?ordering=-uses").content.decode())

    assert listed == {"climat": 3, "Climat et énergie": 1, "orpheline": 0}
    assert list(listed) == ["climat", "Climat et énergie", "orpheline"]


def test_renaming_a_tag_changes_its_address_and_keeps_it_on_every_page(client, django_user_model, tagged):
    member_of(client, django_user_model, "Rédacteurs", "redaction")
    climat = Tag.objects.get(name="climat")

    client.post(reverse("wagtailsnippets_taggit_tag:edit", args=[climat.pk]), {"name": "Climat et adaptation"})

    climat.refresh_from_db()
    assert (climat.name, climat.slug) == ("Climat et adaptation", "climat-et-adaptation")
    assert {page.title for page in NewsPage.objects.filter(tags=climat)} == {"Premier article", "Second article"}


def test_merging_moves_every_use_once_drafts_included_and_removes_the_tag(client, django_user_model, tagged):
    first, second = tagged
    member_of(client, django_user_model, "Modérateurs", "moderation")
    source, target = Tag.objects.get(name="Climat et énergie"), Tag.objects.get(name="climat")
    draft = NewsPage.objects.get(pk=first.pk)
    draft.tags.add(source)
    draft.save_revision()  # a draft with both tags, not published

    response = client.post(reverse("wagtailsnippets_taggit_tag:merge", args=[source.pk]), {"target": target.pk})

    assert response.status_code == 302
    assert not Tag.objects.filter(pk=source.pk).exists()
    assert [tag.name for tag in NewsPage.objects.get(pk=second.pk).tags.all()] == ["climat"]
    draft_tags = NewsPage.objects.get(pk=first.pk).get_latest_revision_as_object().tags.all()
    assert [tag.name for tag in draft_tags] == ["climat"]
    assert NewsPage.objects.get(pk=first.pk).title == "Premier article"


def test_a_used_tag_is_not_deleted_an_unused_one_is(client, django_user_model, tagged):
    member_of(client, django_user_model, "Modérateurs", "moderation")
    used = Tag.objects.get(name="climat")
    unused = Tag.objects.create(name="orpheline", slug="orpheline")

    client.post(reverse("wagtailsnippets_taggit_tag:delete", args=[used.pk]))
    client.post(reverse("wagtailsnippets_taggit_tag:delete", args=[unused.pk]))

    assert Tag.objects.filter(pk=used.pk).exists()
    assert not Tag.objects.filter(pk=unused.pk).exists()


def test_a_redacteur_renames_but_neither_merges_nor_deletes(client, django_user_model, tagged):
    member_of(client, django_user_model, "Rédacteurs", "redaction")
    source, target = Tag.objects.get(name="Climat et énergie"), Tag.objects.get(name="climat")

    client.post(reverse("wagtailsnippets_taggit_tag:merge", args=[source.pk]), {"target": target.pk})
    client.post(reverse("wagtailsnippets_taggit_tag:delete", args=[source.pk]))

    assert Tag.objects.filter(pk=source.pk).exists()
