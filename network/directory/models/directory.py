"""« Annuaire des acteurs »: the published actors, filtered and paginated, each with a public page."""

from functools import partial

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from core.filters import ChoiceFilter, FilterSet, TextFilter, theme_filter
from core.models import BasePage, SiteSettings, Theme
from core.models.previews import RoutablePreviewMixin
from core.structured_data import CONTEXT, postal_address, without_empty
from pagecache.fragments import remembered, remembered_for_live_site

from ..region_map import CREDIT, VIEW_BOX, places, region_map, tiles
from ..sections import actor_sections
from .actors import Actor, ActorQuerySet


def offered_departments(_directory):
    departments = Actor.objects.published().exclude(department="").order_by("department").values_list("department")
    return {department: department for (department,) in departments.distinct()}


def offered_themes(_directory):
    """The themes of published actors: one that no actor has would list nobody."""
    return Theme.objects.filter(actors__live=True).distinct()


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
    filter_set = FilterSet(
        TextFilter("q", _("recherche"), ActorQuerySet.search_text),
        ChoiceFilter("type", _("type"), "kind", choices=Actor.Kind.choices),
        ChoiceFilter("departement", _("département"), "department", choices=offered_departments),
        theme_filter(among=offered_themes),
    )

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
        context = self.actor_context(actor, request)
        return self.render(request, template="pages/actor_page.html", context_overrides=context)

    def get_sitemap_urls(self, request=None):
        """The directory, then each published actor's page, which lives below it without being a page."""
        urls = super().get_sitemap_urls(request)
        base = urls[0]["location"]
        actors = Actor.objects.published().order_by("slug").only("slug", "last_published_at")
        return urls + [{"location": f"{base}{actor.slug}/", "lastmod": actor.last_published_at} for actor in actors]

    @classmethod
    def url_for_request(cls, request):
        """The directory's address, looked up once per request however many actors a page or search shows,
        and remembered until the content changes (pagecache.fragments): event pages and searches link to it."""

        def find():
            directory = cls.objects.live().only("id", "url_path", "path", "depth").first()
            return directory.get_url(request) if directory else None

        if not hasattr(request, "_actor_directory_url"):
            request._actor_directory_url = remembered(f"actor-directory-url:{request.get_host()}", find)
        return request._actor_directory_url

    def directory_context(self, request):
        """Filters from the query string (unknown values match nothing and are named), then one page of actors."""
        filters = self.filter_set.read_request(request, self)
        actors = filters.apply(Actor.objects.published()).order_by("name", "pk").for_cards()
        return {
            "actors": Paginator(actors, self.per_page).get_page(request.GET.get("page")),
            "filters": filters,
            "removal_links": filters.removal_links(request.GET),
            # Every published actor, whatever the filters: it is how a visitor picks a department.
            "region_map": network_map(request, directory_url="", selected=filters.values.get("departement", "")),
            # A list: in the template, `options.theme.values` would read a theme whose slug is « values ».
            "theme_choices": list(filters.options["theme"].values()),
        }

    def actor_url(self, actor):
        return f"{self.full_url}{actor.slug}/" if self.full_url else ""

    def actor_context(self, actor, request):
        # For the published card, remembered under the content generation, which an edit of the actor, a
        # theme or a tag retires (a preview shows its draft's); the structured data is built only when
        # its fragment is not kept already.
        def relations():
            return list(actor.themes.all()), list(actor.tags.all())

        themes, tags = remembered_for_live_site(request, f"actor-relations:{actor.pk}", relations)
        return {
            "actor": actor,
            "actor_themes": themes,
            "actor_tags": tags,
            **actor_sections(actor),
            "structured_data": partial(organization_data, actor, self.actor_url(actor)),
        }


def network_map(request, directory_url, selected=""):
    """The departments with their numbers of actors, the places of the actors that have coordinates,
    and the outside tiles when an editor turned them on: two queries whatever the number of actors."""
    published = Actor.objects.published().order_by()
    counts = dict(published.values_list("department").annotate(Count("pk")))
    located = published.exclude(latitude=None).exclude(longitude=None)
    site_settings = SiteSettings.for_request(request)
    tile_server = site_settings.map_tile_server
    return {
        "departments": region_map(counts, selected=selected),
        "places": places(located.values_list("commune", "latitude", "longitude")),
        "box": VIEW_BOX,
        "credit": CREDIT,
        "directory_url": directory_url,
        "tiles": tiles(site_settings.map_tiles_url) if tile_server else [],
        "tile_server": tile_server,
        "tiles_attribution": site_settings.map_tiles_attribution,
    }


def organization_data(actor, url):
    """schema.org Organization for an actor's page (rendered as JSON-LD), without empty properties."""
    data = {
        "@context": CONTEXT,
        "@type": "Organization",
        "name": actor.name,
        "description": actor.short_description,
        "url": url,
        "sameAs": [actor.website] if actor.website else [],
        "email": actor.public_email,
        "telephone": actor.public_phone,
    }
    if actor.commune or actor.address:
        data["address"] = postal_address(actor.address, actor.postal_code, actor.commune)
    if actor.logo:
        data["logo"] = actor.logo.get_rendition("max-400x400|format-png").full_url
    return without_empty(data)
