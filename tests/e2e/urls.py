"""The site's URLs plus the uploaded media, which production's web server serves and Django does not.

config/urls.py only serves media when DEBUG is on; the browser must load the images to lay out
and check pages as visitors see them (contrast over the hero, image sizes).
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
