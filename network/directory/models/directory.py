"""« Annuaire des acteurs »: the published actors, filtered and paginated, each with a public page."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from core.filters import ChoiceFilter, FilterSet, TextFilter, theme_filter
from core.models import BasePage, Theme
from core.models.previews import RoutablePreviewMixin
from core.structured_data import CONTEXT, postal_address, without_empty
from pagecache.fragments import remembered

from ..region_map import CREDIT, VIEW_BOX, region_map
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
        return self.render(request, template="pages/actor_page.html", context_overrides=self.actor_context(actor))

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
        # The map counts every published actor: it is how a visitor picks a department to filter by.
        counts = dict(Actor.objects.published().order_by().values_list("department").annotate(Count("pk")))
        return {
            "actors": Paginator(actors, self.per_page).get_page(request.GET.get("page")),
            "filters": filters,
            "removal_links": filters.removal_links(request.GET),
            "region_map": region_map(counts, selected=filters.values.get("departement", "")),
            "region_map_box": VIEW_BOX,
            "region_map_credit": CREDIT,
            # A list: in the template, `options.theme.values` would read a theme whose slug is « values ».
            "theme_choices": list(filters.options["theme"].values()),
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
