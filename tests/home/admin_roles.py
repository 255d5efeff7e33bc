"""Who may open what in the admin: each admin URL, by its name, in a group that says what a GET answers
to an anonymous visitor, a Rédacteur, a Modérateur and an Administrateur (tests/home/test_admin_role_matrix.py).

A new admin URL that nobody classified fails `test_every_admin_url_is_classified` with its name:
decide who may open it, then add it to a group here.
"""

from fnmatch import fnmatchcase

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
