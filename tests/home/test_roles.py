"""Editorial roles: Rédacteurs write and submit, Modérateurs review and publish, the « Relecture » workflow."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from network.directory.models import Actor
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@exemple.org", "mot-de-passe-solide")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def redacteur(django_user_model):
    return member_of(django_user_model, "Rédacteurs", "redactrice")


@pytest.fixture
def moderateur(django_user_model):
    return member_of(django_user_model, "Modérateurs", "moderateur")


@pytest.fixture
def news_section(home_page):
    return NewsIndexPageFactory(parent=home_page)


def article_form(action):
    data = nested_form_data(
        {
            "title": "Nouvelle ressourcerie à Fives",
            "slug": "nouvelle-ressourcerie-fives",
            "chapo": "Un chapô.",
            "publication_date": "2026-11-20 10:00",
            "body": streamfield([("paragraph", rich_text("<p>Le texte de l'article.</p>"))]),
            "pinned_pages": inline_formset([]),
            "linked_actors": inline_formset([]),
            "tags": "réemploi",
        }
    )
    data[action] = "1"
    return data


def test_the_roles_exist_with_the_review_workflow_on_pages_and_actors():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Rédacteurs", "Modérateurs", "Administrateurs"}
    workflow = Workflow.objects.get(name="Relecture")
    task = workflow.tasks.get().specific
    assert set(task.groups.values_list("name", flat=True)) == {"Modérateurs", "Administrateurs"}
    assert Page.get_first_root_node().get_workflow() == workflow
    assert Actor().get_workflow() == workflow


def test_a_redacteur_can_write_but_not_publish(client, redacteur, news_section):
    client.force_login(redacteur)
    add = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_section.pk])

    assert client.get(add).status_code == 200
    assert 'name="action-publish"' not in client.get(add).content.decode()
    client.post(add, article_form("action-publish"))

    article = NewsPage.objects.get(slug="nouvelle-ressourcerie-fives")
    assert article.live is False


def test_an_article_goes_from_submission_to_publication_through_a_moderateur(
    client, redacteur, moderateur, news_section
):
    client.force_login(redacteur)
    client.post(
        reverse("wagtailadmin_pages:add", args=["news", "newspage", news_section.pk]), article_form("action-submit")
    )
    article = NewsPage.objects.get(slug="nouvelle-ressourcerie-fives")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and not article.live

    client.force_login(moderateur)
    approve = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", state.current_task_state.pk])
    response = client.post(approve, {"comment": "Bon pour publication."})

    assert response.status_code in {200, 302}
    article.refresh_from_db()
    assert article.live is True
    assert client.get(article.url).status_code == 200


def test_scheduled_publishing_waits_for_its_date(home_page, news_section, moderateur):
    article = NewsPageFactory(parent=news_section)
    article.unpublish()
    article.go_live_at = timezone.now() + timedelta(hours=1)
    revision = article.save_revision(user=moderateur)
    revision.publish(user=moderateur)
    article.refresh_from_db()
    assert article.live is False

    # An hour later: the scheduled time is now in the past, for the revision and the page it holds.
    past = timezone.now() - timedelta(minutes=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live is True


def test_only_moderateurs_publish_actors(redacteur, moderateur):
    assert redacteur.has_perm("directory.change_actor") and not redacteur.has_perm("directory.publish_actor")
    assert moderateur.has_perm("directory.publish_actor")


def test_join_requests_subscribers_and_site_settings_are_for_moderateurs(client, home_page, redacteur, moderateur):
    private = [
        reverse("membership_membershiprequest_modeladmin_index"),
        reverse("newsletter_subscriber_modeladmin_index"),
        reverse("wagtailsettings:edit", args=["core", "sitesettings", home_page.get_site().pk]),
    ]
    client.force_login(redacteur)
    assert all(client.get(url).status_code in {302, 403} for url in private)
    client.force_login(moderateur)
    assert {url: client.get(url).status_code for url in private} == dict.fromkeys(private, 200)


def test_a_redacteur_can_open_the_form_of_every_editorial_type_and_of_an_actor(client, redacteur, home_page):
    from news.factories import EventIndexPageFactory, ResourceIndexPageFactory

    sections = {
        ("news", "newspage"): NewsIndexPageFactory(parent=home_page),
        ("news", "eventpage"): EventIndexPageFactory(parent=home_page),
        ("news", "resourcepage"): ResourceIndexPageFactory(parent=home_page),
        ("news", "topicpage"): home_page,
        ("home", "standardpage"): home_page,
    }
    client.force_login(redacteur)
    for (app_label, model), parent in sections.items():
        url = reverse("wagtailadmin_pages:add", args=[app_label, model, parent.pk])
        assert client.get(url).status_code == 200, model
    assert client.get(reverse("wagtailsnippets_directory_actor:add")).status_code == 200
