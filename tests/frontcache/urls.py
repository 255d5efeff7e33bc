"""The site's URLs, plus an answer that says it may be shared yet sets a cookie, as no page of the site does."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def shared_with_a_cookie(request):
    response = HttpResponse("<p>Bienvenue</p>")
    response["Cache-Control"] = "public, max-age=60, s-maxage=600"
    response.set_cookie("preference", "sombre")
    return response


urlpatterns = [path("avec-cookie/", shared_with_a_cookie), *site_urlpatterns]
