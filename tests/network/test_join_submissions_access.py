"""Join requests are personal data: only Modérateurs and Administrateurs reach them, through any admin door.

Wagtail's « Formulaires » screens open a form's submissions to whoever may edit the form page; a
Rédacteur may edit every page, so these doors must be closed on purpose.
"""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from network.membership.models import MembershipRequest
from tests.network.conftest import join_answers

pytestmark = pytest.mark.django_db


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@exemple.org", "mot-de-passe-solide")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def submitted(client, join_form):
    client.post(join_form.url, join_answers())
    return MembershipRequest.objects.get()


def refused(response):
    """Wagtail's admin answers a forbidden screen by sending the user back to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def submission_urls(page_id):
    return {
        "forms": reverse("wagtailforms:index"),
        "list": reverse("wagtailforms:list_submissions", args=[page_id]),
        "csv": reverse("wagtailforms:list_submissions", args=[page_id]) + "?export=csv",
        "xlsx": reverse("wagtailforms:list_submissions", args=[page_id]) + "?export=xlsx",
        "delete": reverse("wagtailforms:delete_submissions", args=[page_id]),
    }


def test_a_redacteur_cannot_read_export_or_delete_join_submissions(client, django_user_model, join_form, submitted):
    client.force_login(member_of(django_user_model, "Rédacteurs", "redaction"))
    urls = submission_urls(join_form.pk)

    forms_index = client.get(urls["forms"])
    assert join_form.title not in forms_index.content.decode()
    for name in ("list", "csv", "xlsx"):
        response = client.get(urls[name])
        assert refused(response), name
        assert b"camille@jardins.example" not in response.content, name
    assert refused(client.get(urls["delete"] + f"?selected-submissions={submitted.pk}"))
    assert refused(client.post(urls["delete"] + f"?selected-submissions={submitted.pk}"))

    assert MembershipRequest.objects.filter(pk=submitted.pk).exists()


def test_a_redacteur_editing_the_join_form_sees_no_submission_count(client, django_user_model, join_form, submitted):
    client.force_login(member_of(django_user_model, "Rédacteurs", "redaction"))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[join_form.pk]))
    assert edit.status_code == 200
    assert reverse("wagtailforms:list_submissions", args=[join_form.pk]) not in edit.content.decode()


def test_the_admin_menu_offers_formulaires_to_moderators_only(client, django_user_model, join_form, submitted):
    client.force_login(member_of(django_user_model, "Rédacteurs", "redaction"))
    assert reverse("wagtailforms:index") not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(member_of(django_user_model, "Modérateurs", "moderation"))
    assert reverse("wagtailforms:index") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_moderator_reads_and_exports_join_submissions(client, django_user_model, join_form, submitted):
    client.force_login(member_of(django_user_model, "Modérateurs", "moderation"))
    urls = submission_urls(join_form.pk)

    assert client.get(urls["list"]).status_code == 200
    export = client.get(urls["csv"])
    assert export.status_code == 200
    assert "camille@jardins.example" in b"".join(export.streaming_content).decode()
