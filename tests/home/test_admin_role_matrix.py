"""Every admin URL, for every role: who gets the screen, who is sent to log in, who is refused.

The URLs are read from the admin's own URL patterns (tests/home/admin_urls.py) and pointed at real
objects of a small site (tests/home/admin_site.py). Each is classified, by its name, in
tests/home/admin_roles.py: a group that says what a GET answers to an anonymous visitor, a
Rédacteur, a Modérateur and an Administrateur. A new admin URL that nobody classified fails
`test_every_admin_url_is_classified` with its name: decide who may open it, then add it to a group.
"""

from fnmatch import fnmatchcase

import pytest

from django.contrib import messages
from django.core.management import get_commands
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.home.admin_roles import (
    ELSEWHERE,
    EXPORT_TYPES,
    EXPORTS,
    GROUPS,
    LOGIN,
    OK,
    PERSONAL_DATA_COMMANDS,
    PERSONAL_MARKERS,
    REFUSED,
    expected_for,
    group_of,
)
from tests.home.admin_site import ROLES, build_admin_site
from tests.home.admin_urls import address, admin_urls


def outcome(response):
    status = response.status_code
    if status in (301, 302):
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return LOGIN
        if any(message.level >= messages.ERROR for message in messages.get_messages(response.wsgi_request)):
            return REFUSED
        return ELSEWHERE
    if status == 403:
        return REFUSED
    return str(status)


@pytest.fixture(scope="module")
def admin_site(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_admin_site()
        transaction.set_rollback(True)


def client_for(site, role):
    client = Client(raise_request_exception=False)
    if site.users[role] is not None:
        client.force_login(site.users[role])
    return client


def test_every_admin_url_is_classified():
    """A URL in no group, or in two, fails with its name: whoever adds an admin screen says who may open it."""
    unclassified = [url.key for url in admin_urls() if not group_of(url)]
    ambiguous = {url.key: group_of(url) for url in admin_urls() if len(group_of(url)) > 1}
    assert unclassified == [], "URL d'administration à classer dans GROUPS : " + ", ".join(unclassified)
    assert ambiguous == {}


def test_every_classification_pattern_still_names_a_url():
    """A pattern that matches nothing any more is a leftover, or a URL renamed behind our back."""
    keys = [url.key for url in admin_urls()]
    patterns = [pattern for _expected, group_patterns in GROUPS.values() for pattern in group_patterns]
    unused = [pattern for pattern in patterns if not any(fnmatchcase(key, pattern) for key in keys)]
    assert unused == []
    assert set(EXPORTS) <= set(keys)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_admin_url_answers_each_role_as_classified(admin_site, role):
    client = client_for(admin_site, role)
    wrong = {}
    for url in admin_urls():
        if not group_of(url):
            continue  # reported by test_every_admin_url_is_classified
        expected = expected_for(url)[ROLES.index(role)]
        path = address(url, admin_site)
        client.cookies.pop("messages", None)  # only this answer's messages tell a refusal
        response = client.get(path)
        got = outcome(response)
        if got != expected:
            wrong[f"{url.key} {path}"] = f"attendu {expected}, obtenu {got}"
        if role in ("anonyme", "Rédacteurs") and got == OK:
            body = b"".join(response.streaming_content) if response.streaming else response.content
            content = body.decode(errors="replace")
            leaked = [marker for marker in PERSONAL_MARKERS if marker in content]
            if leaked:
                wrong[f"{url.key} {path}"] = f"données personnelles visibles : {leaked}"
        if url.name == "wagtailadmin_logout":
            # Wagtail drops the session cookie even when it answers a GET with 405: log in again.
            client = client_for(admin_site, role)
    assert not wrong, f"{role} : " + "".join(f"\n  {key} : {problem}" for key, problem in wrong.items())


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_exports_are_for_the_roles_that_read_the_list(admin_site, role):
    client = client_for(admin_site, role)
    urls = {url.key: url for url in admin_urls()}
    wrong = {}
    for key, group in EXPORTS.items():
        (name,) = [g for g in GROUPS if g.startswith(group)]
        expected = GROUPS[name][0][ROLES.index(role)]
        for export_format, content_type in EXPORT_TYPES.items():
            path = address(urls[key], admin_site) + f"?export={export_format}"
            client.cookies.pop("messages", None)
            response = client.get(path)
            got = outcome(response)
            if got == OK and not response["Content-Type"].startswith(content_type):
                got = f"200 sans fichier ({response['Content-Type']})"
            if got != expected:
                wrong[path] = f"attendu {expected}, obtenu {got}"
    assert not wrong, f"{role} : " + "".join(f"\n  {key} : {problem}" for key, problem in wrong.items())


def test_personal_data_commands_are_not_reachable_from_the_admin():
    """Export, erasure, purges and sending run from a shell on the server, never behind an admin URL."""
    commands = get_commands()
    assert set(PERSONAL_DATA_COMMANDS) <= set(commands)
    command_modules = {f"{commands[name]}.management.commands.{name}" for name in PERSONAL_DATA_COMMANDS}
    behind_admin = {
        url.key: module
        for url in admin_urls()
        if (module := url.view_module) in command_modules or ".management." in module
    }
    assert behind_admin == {}


def test_no_admin_url_shows_the_login_log():
    """django-axes' records of logins (addresses, user agents) have no admin screen at all: they stay in
    the database, read from a shell. (The outbox has one, « Courriels sortants », classified above with
    the personal data: failed emails are for Modérateurs to send again.)"""
    modules = {url.key: url.view_module for url in admin_urls()}
    assert {key: module for key, module in modules.items() if module.startswith("axes")} == {}
    keys = " ".join(modules).lower()
    assert "accessattempt" not in keys and "accesslog" not in keys


# Permissions that would open, to a Rédacteur, personal data, accounts, roles, site settings or the login log.
NEVER_FOR_REDACTEURS = [
    f"{app}.{action}_{model}"
    for app, model in [
        ("membership", "membershiprequest"),
        ("newsletter", "subscriber"),
        ("core", "outgoingemail"),
        ("news", "registration"),
        ("core", "sitesettings"),
        ("users", "user"),
        ("auth", "group"),
        ("axes", "accessattempt"),
        ("axes", "accesslog"),
        ("axes", "accessfailurelog"),
    ]
    for action in ("add", "change", "delete", "view")
]
FOR_MODERATEURS = [
    "membership.view_membershiprequest",
    "membership.change_membershiprequest",
    "membership.delete_membershiprequest",
    "newsletter.view_subscriber",
    "newsletter.delete_subscriber",
    "news.view_registration",
    "news.add_registration",
    "news.change_registration",
    "core.change_sitesettings",
]


@pytest.mark.django_db
def test_redacteurs_hold_no_permission_on_personal_data_accounts_settings_or_logins(admin_site):
    redacteur, moderateur = admin_site.users["Rédacteurs"], admin_site.users["Modérateurs"]
    assert [perm for perm in NEVER_FOR_REDACTEURS if redacteur.has_perm(perm)] == []
    assert [perm for perm in FOR_MODERATEURS if not moderateur.has_perm(perm)] == []


@pytest.mark.django_db
def test_the_dashboard_counts_join_requests_and_subscribers_for_moderateurs_only(admin_site):
    requests_list = reverse("membership_membershiprequest_modeladmin_index")
    dashboard = {role: client_for(admin_site, role).get(reverse("wagtailadmin_home")) for role in ROLES[1:]}
    assert requests_list not in dashboard["Rédacteurs"].content.decode()
    assert requests_list in dashboard["Modérateurs"].content.decode()
