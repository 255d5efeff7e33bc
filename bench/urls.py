from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

from .views import floor

# Before the site's own URLs: Wagtail's catch-all page route comes last there.
urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *site_urlpatterns]
