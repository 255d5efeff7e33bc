"""The admin speaks French to every role: no English left on the screens each role uses.

The strings listed are those found in English on these screens (and the kind of string that
comes back with a library update): Django's list filters, Wagtail's login and slug field.
"""

import re

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.urls import reverse

from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage

pytestmark = pytest.mark.django_db

KNOWN_ENGLISH = re.compile(
    r"\b(Password|Any date|No date|Has date|Past 7 days|This month|This year|e\.g|domain\.com|Status|"
    r"Enter password|Search|Filter|Delete|Cancel|Save|Yes|No)\b"
)


def visible_texts(html):
    """What a person reads: text, labels, placeholders and help texts; never scripts or styles."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    texts = list(soup.stripped_strings)
    texts += [element["placeholder"] for element in soup.find_all(attrs={"placeholder": True})]
    texts += [element["title"] for element in soup.find_all(attrs={"title": True})]
    return texts


def english_on(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return sorted({text for text in visible_texts(response.content.decode()) if KNOWN_ENGLISH.search(text)})


def test_the_login_page_is_in_french(client):
    assert english_on(client, reverse("wagtailadmin_login")) == []


@pytest.mark.parametrize("group_name", ["Rédacteurs", "Modérateurs", "Administrateurs"])
def test_the_screens_a_role_uses_are_in_french(client, django_user_model, home_page, group_name):
    user = django_user_model.objects.create_user("personne", "personne@exemple.org", "mot-de-passe-solide")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    article = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))
    screens = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[article.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:add", args=["news", "newspage", article.get_parent().pk]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailsnippets_directory_actor:list"),
        reverse("wagtailsnippets_taggit_tag:list"),
    ]
    if group_name != "Rédacteurs":
        screens += [
            reverse("membership_membershiprequest_modeladmin_index"),
            reverse("newsletter_subscriber_modeladmin_index"),
            reverse("wagtailsettings:edit", args=["core", "sitesettings", home_page.get_site().pk]),
        ]
    assert NewsPage.objects.filter(pk=article.pk).exists()
    assert {url: english_on(client, url) for url in screens} == dict.fromkeys(screens, [])
