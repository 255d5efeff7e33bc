"""« Annuaire des acteurs »: the published actors, filtered and paginated, each with a public page."""

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from core.models import BasePage, Theme
from core.models.previews import RoutablePreviewMixin

from ..sections import actor_sections
from .actors import Actor

MAX_QUERY_LENGTH = 100
FILTER_PARAMETERS = ("q", "type", "departement", "theme")
# What the page cache may key a directory page on: the free-text `q` is left to the view.
CACHED_PARAMETERS = ("page", "type", "departement", "theme")


class ActorDirectoryPage(RoutablePreviewMixin, BasePage):
    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Une ou deux phrases sous le titre de l'annuaire, avant les filtres ; rien ne s'affiche si vide."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    template = "pages/actor_directory_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count = 1
    per_page = 24

    class Meta:
        verbose_name = _("annuaire des acteurs")

    @path("")
    def index(self, request):
        return self.render(request, context_overrides=self.directory_context(request))

    @path("<slug:slug>/", name="actor")
    def actor(self, request, slug):
        actor = Actor.objects.published().select_related("logo").filter(slug=slug).first()
        if actor is None:
            raise Http404(_("Cet acteur n'est pas dans l'annuaire."))
        return self.render(request, template="pages/actor_page.html", context_overrides=self.actor_context(actor))

    @classmethod
    def url_for_request(cls, request):
        """The directory's address, looked up once per request however many actors a page or search shows."""
        if not hasattr(request, "_actor_directory_url"):
            directory = cls.objects.live().only("id", "url_path", "path", "depth").first()
            request._actor_directory_url = directory.get_url(request) if directory else None
        return request._actor_directory_url

    def directory_context(self, request):
        """Filters from the query string (unknown values match nothing and are named), then one page of actors."""
        kinds = dict(Actor.Kind.choices)
        departments = list(
            Actor.objects.published()
            .exclude(department="")
            .order_by("department")
            .values_list("department", flat=True)
            .distinct()
        )
        themes = list(Theme.objects.filter(actors__live=True).distinct())
        query = {name: request.GET.get(name, "").strip()[:MAX_QUERY_LENGTH] for name in FILTER_PARAMETERS}
        actors = Actor.objects.published()
        unknown = []
        if query["q"]:
            actors = actors.search_text(query["q"])
        if query["type"]:
            if query["type"] in kinds:
                actors = actors.filter(kind=query["type"])
            else:
                unknown.append(_("type « %(value)s »") % {"value": query["type"]})
        if query["departement"]:
            if query["departement"] in departments:
                actors = actors.filter(department=query["departement"])
            else:
                unknown.append(_("département « %(value)s »") % {"value": query["departement"]})
        if query["theme"]:
            theme = next((theme for theme in themes if theme.slug == query["theme"]), None)
            if theme:
                actors = actors.filter(themes=theme)
            else:
                unknown.append(_("thème « %(value)s »") % {"value": query["theme"]})
        if unknown:
            actors = actors.none()
        actors = actors.order_by("name", "pk").for_cards()
        return {
            "actors": Paginator(actors, self.per_page).get_page(request.GET.get("page")),
            "query": query,
            "unknown_filters": unknown,
            "filtering": any(query.values()),
            "kind_choices": kinds,
            "department_choices": departments,
            "theme_choices": themes,
        }

    def actor_context(self, actor):
        return {
            "actor": actor,
            "actor_themes": list(actor.themes.all()),
            "actor_tags": list(actor.tags.all()),
            **actor_sections(actor),
            "structured_data": organization_data(actor, self.full_url + actor.slug + "/" if self.full_url else ""),
        }


def organization_data(actor, url):
    """schema.org Organization for an actor's page (rendered as JSON-LD)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": actor.name,
        "description": actor.short_description,
    }
    if url:
        data["url"] = url
    if actor.website:
        data["sameAs"] = [actor.website]
    if actor.public_email:
        data["email"] = actor.public_email
    if actor.public_phone:
        data["telephone"] = actor.public_phone
    if actor.commune or actor.address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": actor.address,
            "postalCode": actor.postal_code,
            "addressLocality": actor.commune,
            "addressRegion": actor.department,
            "addressCountry": "FR",
        }
    if actor.logo:
        data["logo"] = actor.logo.get_rendition("max-400x400|format-png").full_url
    return data
