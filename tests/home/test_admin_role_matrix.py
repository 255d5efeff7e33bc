"""Every admin URL, for every role: who gets the screen, who is sent to log in, who is refused.

The URLs are read from the admin's own URL patterns (tests/home/admin_urls.py) and pointed at real
objects of a small site (tests/home/admin_site.py). Each is classified below, by its name, into a
group that says what a GET answers to an anonymous visitor, a Rédacteur, a Modérateur and an
Administrateur. A new admin URL that nobody classified fails `test_every_admin_url_is_classified`
with its name: decide who may open it, then add it to a group.
"""

from fnmatch import fnmatchcase

import pytest

from django.contrib import messages
from django.core.management import get_commands
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.home.admin_site import ROLES, build_admin_site
from tests.home.admin_urls import address, admin_urls

# What a GET may answer.
OK = "200"
LOGIN = "connexion"  # 302 to the admin's login page
REFUSED = "refus"  # Wagtail's forbidden screen: 302 (to the dashboard) with an error message, or 403
ELSEWHERE = "suite"  # 302 to the next step of the same task (e.g. the only page type one may add)
NOT_FOUND = "404"
POST_ONLY = "405"
ERROR = "500"

# Expected answers, in the order of ROLES: anonyme, Rédacteurs, Modérateurs, Administrateurs.
GROUPS = {
    "ouvert à tous (connexion, mot de passe oublié, ressources de l'interface)": (
        (OK, OK, OK, OK),
        [
            "wagtailadmin_password_reset*",
            "wagtailadmin_sprite",
            "wagtailadmin_javascript_catalog",
        ],
    ),
    "page de connexion": ((OK, ELSEWHERE, ELSEWHERE, ELSEWHERE), ["wagtailadmin_login"]),
    "toute l'équipe (tableau de bord, compte, sélecteurs, recherche, rapports de relecture)": (
        (LOGIN, OK, OK, OK),
        [
            "wagtailadmin_home",
            "wagtailadmin_account",
            "wagtailadmin_dismissibles",
            "wagtailadmin_choose_page*",
            "wagtailadmin_tag_autocomplete",
            "wagtailadmin_tag_model_autocomplete(*)",
            "wagtail_modeladmin:javascript_catalog",
            "wagtailembeds:*",
            "wagtailadmin_reports:workflow*",
            "wagtailadmin_reports:site_history*",
            "wagtailadmin_reports:aging_pages*",
            "wagtailadmin_reports:page_types_usage*",
            # « Formulaires » lists only the forms whose answers one may read (none for a Rédacteur).
            "wagtailforms:index",
            "wagtailforms:index_results",
            # The task chooser of the workflow editor: task names; its « create » tab stays empty, and
            # its POST answers 400, without the permission to add tasks.
            "wagtailadmin_workflows:task_chooser",
            "wagtailadmin_workflows:task_chooser_results",
            "wagtailadmin_workflows:task_chooser_create",
            "wagtailadmin_workflows:task_chosen(*)",
            "editors_guide",
            "editors_guide_picture(name)",
            "wagtailadmin_api:*:listing",
            "wagtailadmin_api:*:detail(*)",
            "admin/test404/",
        ],
    ),
    "rédaction : pages, acteurs, médiathèque (écrire, soumettre, choisir)": (
        (LOGIN, OK, OK, OK),
        [
            "wagtailadmin_explore*",
            "wagtailadmin_pages:add(*)",
            "wagtailadmin_pages:preview_on_add(*)",
            "wagtailadmin_pages:type_use*",
            "wagtailadmin_pages:usage(*)",
            "wagtailadmin_pages:edit(*)",
            "wagtailadmin_pages:preview_on_edit(*)",
            "wagtailadmin_pages:view_draft(*)",
            "wagtailadmin_pages:search*",
            "wagtailadmin_pages:copy(*)",
            "wagtailadmin_pages:confirm_workflow_cancellation(*)",
            "wagtailadmin_pages:revisions_view(*)",
            "wagtailadmin_pages:revisions_revert(*)",
            "wagtailadmin_pages:revisions_compare(*)",
            "wagtailadmin_pages:workflow_history*",
            "wagtailadmin_pages:history*",
            "wagtailsnippets_directory_actor:list*",
            "wagtailsnippets_directory_actor:add",
            "wagtailsnippets_directory_actor:edit(*)",
            "wagtailsnippets_directory_actor:usage(*)",
            "wagtailsnippets_directory_actor:history*",
            "wagtailsnippets_directory_actor:copy(*)",
            "wagtailsnippets_directory_actor:preview_on_*",
            "wagtailsnippets_directory_actor:revisions_view(*)",
            "wagtailsnippets_directory_actor:revisions_revert(*)",
            "wagtailsnippets_directory_actor:revisions_compare(*)",
            "wagtailsnippets_directory_actor:confirm_workflow_cancellation(*)",
            "wagtailsnippets_directory_actor:workflow_history*",
            "wagtailsnippetchoosers_directory_actor:*",
            "wagtailsnippetchoosers_core_theme:choose*",
            "wagtailsnippetchoosers_core_theme:chosen*",
            "wagtailsnippets_core_theme:list*",
            # « Étiquettes »: every editor lists tags, sees where they are used and renames them.
            "wagtailsnippets_taggit_tag:list*",
            "wagtailsnippets_taggit_tag:edit(*)",
            "wagtailsnippets_taggit_tag:usage(*)",
            "wagtailsnippets_taggit_tag:history*",
            "wagtailsnippetchoosers_taggit_tag:choose*",
            "wagtailsnippetchoosers_taggit_tag:chosen*",
            # « Synonymes » of the site search: the site's vocabulary, as tags are, known best by those who
            # write; a synonym only widens what a search finds, never hides or promotes a page.
            "wagtailsnippets_search_synonym:*",
            "wagtailsnippetchoosers_search_synonym:*",
            "wagtailimages:index*",
            "wagtailimages:add",
            "wagtailimages:add_multiple",
            "wagtailimages_chooser:*",
            "wagtaildocs:index*",
            "wagtaildocs:add",
            "wagtaildocs:add_multiple",
            "wagtaildocs_chooser:*",
            "wagtail_bulk_action(*)",
        ],
    ),
    "médias utilisés par une page en ligne : les remplacer ou les supprimer passe par un Modérateur": (
        (LOGIN, REFUSED, OK, OK),
        [
            "wagtailimages:edit(*)",
            "wagtailimages:delete(*)",
            "wagtailimages:image_usage(*)",
            "wagtailimages:preview(*)",
            "wagtaildocs:edit(*)",
            "wagtaildocs:delete(*)",
            "wagtaildocs:document_usage(*)",
            # The same screens, answering first to say why (images/admin_views.py).
            "images_image_edit(*)",
            "images_image_delete(*)",
            "images_document_edit(*)",
            "images_document_delete(*)",
        ],
    ),
    "modération : publier, dépublier, supprimer, déplacer, relire, thèmes, redirections, réglages": (
        (LOGIN, REFUSED, OK, OK),
        [
            "wagtailadmin_pages:delete(*)",
            "wagtailadmin_pages:unpublish(*)",
            "wagtailadmin_pages:move(*)",
            "wagtailadmin_pages:move_confirm(*)",
            "wagtailadmin_pages:set_privacy(*)",
            "wagtailadmin_pages:revisions_unschedule(*)",
            "wagtailadmin_pages:workflow_action(*)",
            "wagtailadmin_pages:collect_workflow_action_data(*)",
            "wagtailadmin_pages:workflow_preview(*)",
            "wagtailsnippets_directory_actor:workflow_action(*)",
            "wagtailsnippets_directory_actor:collect_workflow_action_data(*)",
            "wagtailsnippets_directory_actor:workflow_preview(*)",
            "wagtailadmin_reports:locked_pages*",
            "wagtailsnippets_directory_actor:delete(*)",
            "wagtailsnippets_directory_actor:unpublish(*)",
            "wagtailsnippets_directory_actor:revisions_unschedule(*)",
            "wagtailsnippets_core_theme:add",
            "wagtailsnippets_core_theme:edit(*)",
            "wagtailsnippets_core_theme:delete(*)",
            "wagtailsnippets_core_theme:usage(*)",
            "wagtailsnippets_core_theme:history*",
            "wagtailsnippets_core_theme:copy(*)",
            "wagtailsnippetchoosers_core_theme:create",
            # Tags: creating one outside a page, merging two and deleting an unused one.
            "wagtailsnippets_taggit_tag:add",
            "wagtailsnippets_taggit_tag:copy(*)",
            "wagtailsnippets_taggit_tag:delete(*)",
            "wagtailsnippets_taggit_tag:merge(*)",
            "wagtailsnippetchoosers_taggit_tag:create",
            "wagtailredirects:index*",
            "wagtailredirects:add",
            "wagtailredirects:edit(*)",
            "wagtailredirects:delete(*)",
            "wagtailredirects:start_import",
            "wagtailsearchpromotions:index*",
            "wagtailsearchpromotions:add",
            "wagtailsearchpromotions:edit(*)",
            "wagtailsearchpromotions:delete(*)",
            "wagtailsearchpromotions:chooser*",
            "search_query_chooser*",
            "wagtailsettings:edit(app_name, model_name, pk)",
        ],
    ),
    "données personnelles : demandes d'adhésion, réponses au formulaire, abonnés, envoi de la lettre, courriels, "
    "inscriptions aux événements": (
        (LOGIN, REFUSED, OK, OK),
        [
            "membership_membershiprequest_modeladmin_index",
            "membership_membershiprequest_modeladmin_inspect(*)",
            "membership_membershiprequest_modeladmin_history(*)",
            "membership_membershiprequest_modeladmin_delete(*)",
            "newsletter_subscriber_modeladmin_index",
            "newsletter_subscriber_modeladmin_inspect(*)",
            "newsletter_subscriber_modeladmin_history(*)",
            "newsletter_subscriber_modeladmin_delete(*)",
            "wagtailforms:list_submissions*",
            "wagtailforms:delete_submissions(*)",
            "network_send_newsletter(*)",
            "network_newsletter_progress(*)",
            "core_outbox",
            "news_registration_modeladmin_index",
            "news_registration_modeladmin_inspect(*)",
            "news_registration_modeladmin_history(*)",
            # One event's registrations, adding someone by hand, the attendance sheet: names and needs.
            "news_event_registrations(*)",
            "news_add_registration(*)",
            "news_attendance_sheet(*)",
        ],
    ),
    "administration : comptes, rôles, sites, collections, circuits de relecture": (
        (LOGIN, REFUSED, REFUSED, OK),
        [
            "wagtailusers_users:*",
            "wagtailusers_groups:*",
            "wagtailsites:*",
            "wagtailadmin_collections:index",
            "wagtailadmin_collections:add",
            "wagtailadmin_collections:edit(*)",
            "wagtailadmin_collections:set_privacy(*)",
            "wagtailadmin_workflows:index*",
            "wagtailadmin_workflows:add",
            "wagtailadmin_workflows:disable(*)",
            "wagtailadmin_workflows:edit(*)",
            "wagtailadmin_workflows:usage*",
            "wagtailadmin_workflows:add_task(*)",
            "wagtailadmin_workflows:task_index*",
            "wagtailadmin_workflows:edit_task(*)",
            "wagtailadmin_workflows:disable_task(*)",
        ],
    ),
    "supprimer une collection : Wagtail ne trouve pas celles qu'on ne peut pas supprimer": (
        (LOGIN, NOT_FOUND, NOT_FOUND, OK),
        ["wagtailadmin_collections:delete(*)"],
    ),
    "personne : les demandes et les abonnés ne naissent que des formulaires publics, avec leur consentement": (
        (LOGIN, REFUSED, REFUSED, REFUSED),
        [
            "membership_membershiprequest_modeladmin_create",
            "membership_membershiprequest_modeladmin_edit(*)",
            "newsletter_subscriber_modeladmin_create",
            "newsletter_subscriber_modeladmin_edit(*)",
            # Registrations change through the seat service only (the event's screen), and are cancelled,
            # never deleted: a deleted seat would not go to the waiting list.
            "news_registration_modeladmin_create",
            "news_registration_modeladmin_edit(*)",
            "news_registration_modeladmin_delete(*)",
        ],
    ),
    "super-utilisateurs seulement (Wagtail les réserve) : termes recherchés, liste générique des extraits": (
        (LOGIN, REFUSED, REFUSED, REFUSED),
        ["wagtailsearchpromotions:search_terms*", "wagtailsnippets:index"],
    ),
    "une étape vers l'écran suivant": (
        (LOGIN, ELSEWHERE, ELSEWHERE, ELSEWHERE),
        [
            "wagtailadmin_pages:add_subpage(*)",
            "wagtailadmin_pages:choose_parent(*)",
            "wagtailadmin_pages:revisions_index(*)",
        ],
    ),
    "réglages du site, sans numéro de site : vers ceux du site par défaut": (
        (LOGIN, REFUSED, ELSEWHERE, ELSEWHERE),
        ["wagtailsettings:edit(app_name, model_name)"],
    ),
    "choisir le type d'une tâche de relecture (un seul type : vers son formulaire)": (
        (LOGIN, REFUSED, REFUSED, ELSEWHERE),
        ["wagtailadmin_workflows:select_task_type"],
    ),
    "actions par POST seulement, ouvertes à toute l'équipe (chaque action vérifie ses droits)": (
        (LOGIN, POST_ONLY, POST_ONLY, POST_ONLY),
        [
            "wagtailadmin_logout",
            "wagtailadmin_editing_sessions:*",
            "wagtailadmin_api:pages:action(*)",
            "wagtailadmin_pages:set_page_position(*)",
            "wagtailadmin_pages:lock(*)",
            "wagtailadmin_pages:unlock(*)",
            "wagtailadmin_workflows:enable(*)",
            "wagtailadmin_workflows:remove(*)",
            "wagtailadmin_workflows:enable_task(*)",
            "wagtailimages:*_multiple(*)",
            "wagtailimages:create_multiple_from_uploaded_image(*)",
            "wagtaildocs:*_multiple(*)",
            "wagtaildocs:create_multiple_from_uploaded_document(*)",
            "membership_membershiprequest_modeladmin_decide(*)",
        ],
    ),
    "actions par POST seulement, pour les Modérateurs": (
        (LOGIN, REFUSED, POST_ONLY, POST_ONLY),
        [
            "wagtailsnippets_directory_actor:lock(*)",
            "wagtailredirects:process_import",
            "core_outbox_retry(*)",
            "news_change_registration(*)",
        ],
    ),
    "déverrouiller un acteur qui n'est pas verrouillé": (
        (LOGIN, REFUSED, REFUSED, REFUSED),
        ["wagtailsnippets_directory_actor:unlock(*)"],
    ),
    "404 sans paramètre ou sans objet de ce genre (recherche d'API, alias, aperçu de bloc, générateur d'adresse)": (
        (LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND),
        [
            "wagtailadmin_api:*:find",
            "wagtailadmin_pages:convert_alias(*)",
            "wagtailadmin_block_preview",
            # The site serves no dynamic image URLs (no wagtailimages_serve): the generator is off.
            "wagtailimages:url_generator*",
            "admin/^.*/$",
        ],
    ),
    "aperçu des réglages du site (ils n'en ont pas)": (
        (LOGIN, REFUSED, NOT_FOUND, NOT_FOUND),
        ["wagtailsettings:preview_on_edit(*)"],
    ),
    "page d'essai des erreurs de Wagtail": ((LOGIN, ERROR, ERROR, ERROR), ["wagtailadmin_error_test"]),
}

# Exports: the same lists, downloaded as files.
EXPORTS = {
    "membership_membershiprequest_modeladmin_index": "données personnelles",
    "newsletter_subscriber_modeladmin_index": "données personnelles",
    "wagtailforms:list_submissions(page_id)": "données personnelles",
    "news_registration_modeladmin_index": "données personnelles",
    "wagtailsnippets_directory_actor:list": "rédaction",
}
EXPORT_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# What no Rédacteur nor visitor may read anywhere in the admin: the join request's, the subscriber's and
# the event registration's identity (admin_site.py writes them).
PERSONAL_MARKERS = ("camille@jardins.example", "Jardins partagés de Fives", "abonne-", "Dominique", "dominique@")

# Commands that read or erase personal data, or send it: only from a shell on the server.
PERSONAL_DATA_COMMANDS = (
    "personal_data",
    "purge_membership_requests",
    "purge_pending_subscribers",
    "send_newsletter",
)


def group_of(url):
    matches = [name for name, (_expected, patterns) in GROUPS.items() if any(fnmatchcase(url.key, p) for p in patterns)]
    return matches


def expected_for(url):
    (group,) = group_of(url)
    return GROUPS[group][0]


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
