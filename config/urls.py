from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from health import views as health_views
from network.newsletter.sitemaps import NewsletterSitemap
from pagecache import routes as page_routes
from search import views as search_views
from security import throttling


def site_sitemap(request):
    """Wagtail's pages, and the views outside the page tree that search engines should know."""
    return sitemap(request, sitemaps={"pages": Sitemap, "newsletter": NewsletterSitemap(request)})


urlpatterns = [
    # Wagtail's password reset with limits per address and per IP, listed first so that it answers.
    path("admin/password_reset/", throttling.password_reset_view, name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms for private content, at their own addresses, with a rate limit:
    # listed before Wagtail's URLs so that they answer first.
    path("documents/authenticate_with_password/<int:restriction_id>/", throttling.document_password_view),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttling.page_password_view,
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", search_views.search, name="search"),
    path("recherche/suggestions/", search_views.suggestions, name="search_suggestions"),
    path("newsletter/", include("network.newsletter.urls")),
    path("sitemap.xml", site_sitemap, name="sitemap"),
    path("healthz", health_views.healthz, name="healthz"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's own URLs, last, its page view starting from the remembered route (pagecache.routes).
urlpatterns += [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, page_routes.serve, name="wagtail_serve"),
]
