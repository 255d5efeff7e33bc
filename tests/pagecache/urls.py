"""The site's URLs plus a page that shows a message added while answering, as a form's answer would."""

from django.contrib import messages
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

MESSAGES = engines["django"].from_string("{% for message in messages %}<p>{{ message }}</p>{% endfor %}")


def page_with_message(request):
    messages.success(request, "Votre demande est enregistrée.")
    return HttpResponse(MESSAGES.render({"messages": messages.get_messages(request)}, request))


urlpatterns = [path("avec-message/", page_with_message), *site_urlpatterns]
