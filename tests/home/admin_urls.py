"""Every URL pattern the admin registers, and the real address of each on the small site of admin_site.py."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern

ADMIN_PREFIX = "admin/"


@dataclass(frozen=True)
class AdminURL:
    name: str  # namespaced URL name, or the pattern itself when Wagtail left it unnamed
    arguments: tuple  # the pattern's argument names, to tell apart two patterns with one name
    route: str
    named: bool
    view_module: str  # where the view is written, to tell whose screen it is

    @property
    def key(self):
        return f"{self.name}({', '.join(self.arguments)})" if self.arguments else self.name


def _pattern_arguments(pattern):
    if isinstance(pattern.pattern, RoutePattern):
        return tuple(pattern.pattern.converters)
    return tuple(pattern.pattern.regex.groupindex)


def _walk(patterns, route="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, route + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            full = route + str(pattern.pattern)
            arguments = _pattern_arguments(pattern)
            callback = pattern.callback
            view = getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback
            yield full, (namespace + pattern.name) if pattern.name else None, arguments, view.__module__


def admin_urls():
    """Each pattern under /admin/ once, read from the resolver, recursively through includes."""
    found = {}
    for route, name, arguments, module in _walk(get_resolver().url_patterns):
        if not route.startswith(ADMIN_PREFIX):
            continue
        url = AdminURL(name=name or route, arguments=arguments, route=route, named=name is not None, view_module=module)
        found.setdefault(url.key, url)
    return list(found.values())


def _by_namespace(name, site):
    """The object a bare `pk` stands for, by the admin section the URL belongs to."""
    objects = {
        "wagtailsnippets_directory_actor": site.actor,
        "wagtailsnippetchoosers_directory_actor": site.actor,
        "wagtailsnippets_core_theme": site.theme,
        "wagtailsnippets_taggit_tag": site.tag,
        "wagtailsnippets_search_synonym": site.synonym,
        "wagtailsnippetchoosers_search_synonym": site.synonym,
        "wagtailsnippetchoosers_taggit_tag": site.tag,
        "wagtailsnippetchoosers_core_theme": site.theme,
        "wagtailadmin_collections": site.collection,
        "wagtailsites": site.site,
        "wagtailusers_users": site.target_user,
        "wagtailusers_groups": site.group,
        "wagtaildocs_chooser": site.document,
        "wagtailimages_chooser": site.image,
        "wagtailadmin_api:pages": site.news,
        "wagtailadmin_api:documents": site.document,
        "wagtailadmin_api:images": site.image,
        "membership_membershiprequest_modeladmin_decide": site.join_request,
        "news_change_registration": site.registration,
        "wagtailsettings": site.settings,
    }
    for prefix, obj in objects.items():
        if name.startswith(prefix):
            return obj
    if name.startswith("wagtailadmin_workflows:"):
        return site.task if "task" in name else site.workflow
    raise LookupError(f"{name}: which object does « pk » stand for?")


def fill(url, site):
    """The keyword arguments that make `url` point at real objects of the small site."""
    name = url.name
    values = {
        "page_id": site.news.pk,
        "parent_page_id": site.news_index.pk,
        "page_to_move_id": site.news.pk,
        "destination_id": site.news_index.pk,  # its own section: a reordering, the one move a page may make
        "content_type_app_name": "news",
        "content_type_model_name": "newspage",
        "app_label": "news",
        "model_name": "newspage",
        "app_name": "news",
        "image_id": site.image.pk,
        "document_id": site.document.pk,
        "doc_id": site.document.pk,
        "collection_id": site.collection.pk,
        "redirect_id": site.redirect.pk,
        "query_id": site.query.pk,
        "revision_id": site.revision.pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "workflow_state_id": site.workflow_state.pk,
        "task_state_id": site.task_state.pk,
        "task_id": site.task.pk,
        "action_name": "approve",
        "filter_spec": "fill-100x100",
        "page_pk": site.news.pk,
        "workflow_pk": site.workflow.pk,
        "session_id": 1,
        "object_id": str(site.news.pk),
        "uidb64": "MQ",
        "token": "jeton-perime",
        "action": "delete",
        "name": "01-explorateur-actualites.png",  # a picture of the editors' guide
        "email_id": site.outgoing_email.pk,
    }
    # Arguments whose object depends on the screen.
    # The article in « Relecture » for the review screens and its revisions.
    in_review = ("workflow", "collect_workflow", "confirm_workflow", "revisions")
    if name.startswith(tuple(f"wagtailadmin_pages:{screen}" for screen in in_review)):
        values["page_id"] = site.draft.pk
    if name.startswith("wagtailforms:"):
        values["page_id"] = site.join_form.pk
    if name in {"network_send_newsletter", "network_newsletter_progress"}:
        values["page_id"] = site.letter.pk
    if name in {"news_event_registrations", "news_add_registration", "news_attendance_sheet"}:
        values["page_id"] = site.registration_event.pk
    if "uploaded_file_id" in url.arguments:
        values["uploaded_file_id"] = (site.uploaded_image if "image" in name else site.uploaded_document).pk
    if "instance_pk" in url.arguments:
        records = {"membership": site.join_request, "newsletter": site.subscriber, "news": site.registration}
        values["instance_pk"] = records[name.split("_", 1)[0]].pk
    if name == "wagtailsettings:edit" or name.startswith("wagtailsettings:"):
        values.update(app_name="core", model_name="sitesettings", pk=site.site.pk)
    if name == "wagtail_bulk_action":
        values.update(app_label="images", model_name="siteimage", action="delete")
    if name == "wagtailadmin_workflows:add_task":
        values.update(app_label="wagtailcore", model_name="groupapprovaltask")
    if name == "wagtailadmin_tag_model_autocomplete":
        values.update(app_name="taggit", model_name="tag")
    if name == "wagtailadmin_editing_sessions:ping":
        values.update(app_label="wagtailcore", model_name="page")
    if "snippets" in name and "revision_id" in url.arguments:
        values["revision_id"] = site.actor.latest_revision.pk
    if name.startswith("wagtailsnippets_directory_actor:"):
        values.update(task_state_id=site.actor_task_state.pk, workflow_state_id=site.actor_state.pk)
    if name == "wagtailadmin_pages:revisions_compare":
        values["pk"] = site.draft.pk
    if "pk" in url.arguments and "pk" not in values:
        values["pk"] = _by_namespace(name, site).pk
    return {argument: values[argument] for argument in url.arguments}


QUERIES = {
    # A bulk action names the objects it acts on in its query string.
    "wagtail_bulk_action": lambda site: f"?id={site.image.pk}",
}


def address(url, site):
    """The path of `url` on the small site; Wagtail's unnamed patterns are written out by hand."""
    if url.named:
        query = QUERIES[url.name](site) if url.name in QUERIES else ""
        return reverse(url.name, kwargs=fill(url, site)) + query
    if url.route == "admin/^.*/$":
        return "/admin/nulle-part/"
    return "/" + url.route
