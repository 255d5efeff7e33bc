"""Requests no public page can mean, refused before any page reads them.

**Oversized bodies.** The public forms (join, newsletter, private page passwords) take a few
kilobytes; Django would read a 200 MB body in full (into a temporary file for a multipart upload)
before any view refuses it. Above PUBLIC_REQUEST_MAX_BYTES, announced by Content-Length, the
answer is 413 at once, unread. The admin keeps its own limits (image and document sizes).
DATA_UPLOAD_MAX_MEMORY_SIZE bounds what Django holds in memory everywhere, and the reverse proxy
should refuse larger bodies still before they reach a worker (README).

**NUL characters.** Dropped from query parameters (a page answers as if they were not typed, as the
search always did), refused with a 400 in a path or a public form field.
No address, parameter or form field of the site can mean a NUL, and PostgreSQL refuses NUL in text:
wherever such a value reached a query (the directory's `?q=`, a form's choice of themes), the
visitor got a 500. One check here covers every parameter, path and public form field, present and
future. Undecodable bytes need nothing: Django decodes paths, query strings and form bodies with
replacement characters (lone surrogates and overlong UTF-8 included).
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, QueryDict
from django.utils.translation import gettext as _

NUL = "\x00"
ADMIN_PATH = "/admin/"


def carries_nul(query_dict):
    return any(NUL in key or any(NUL in value for value in values) for key, values in query_dict.lists())


def without_nul(query_dict):
    cleaned = QueryDict(mutable=True)
    for key, values in query_dict.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if carries_nul(request.GET):
            request.GET = without_nul(request.GET)
        refused = NUL in request.path
        # The admin's posts are left to their views: its uploads must not be parsed here.
        if not refused and request.method == "POST" and not request.path.startswith(ADMIN_PATH):
            refused = carries_nul(request.POST)
        if refused:
            message = _("Requête invalide : elle contient un caractère nul.")
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def too_large_message():
    """What a visitor reads when a body is refused, here or by the front cache (pagecache/nginx.py)."""
    message = _("Envoi trop volumineux : les formulaires du site n'acceptent pas plus de %(size)s Kio.")
    return message % {"size": settings.PUBLIC_REQUEST_MAX_BYTES // 1024}


class PublicBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django then reads no body at all
        if length > settings.PUBLIC_REQUEST_MAX_BYTES and not request.path.startswith(ADMIN_PATH):
            response = HttpResponse(too_large_message(), status=413, content_type="text/plain; charset=utf-8")
            response["Connection"] = "close"  # the body is never read: the connection cannot be reused
            return response
        return self.get_response(request)
