"""A database that is down gets a calm French 503 page, not a server error.

Django turns an exception into a 500 response at every middleware layer, so an outer middleware
never sees the exceptions of the layers below it. Two hooks cover every path instead:

- `process_exception` answers for views and template rendering (Wagtail's serve, a session or a
  user loaded by a view), the usual case;
- for the middleware below (a session saved, a redirect looked up on a 404) and for error pages
  that need the database, Django's `got_request_exception` signal records the failure on the request
  and the response it produced is replaced by the 503.

A server that accepts queries and never answers them is cut off after DATABASE_REQUEST_DEADLINE
(health/deadline.py), which turns that case into the same errors.

Each outage is logged once at ERROR, with its traceback, whichever path it took. The page is a plain
template rendered without a request, so no context processor, Wagtail setting or menu can query.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.log import log_response

from . import deadline

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
_FAILURE = "_database_failure"


def note_database_failure(sender, request=None, **kwargs):
    """Receiver of `got_request_exception`, which Django sends while it handles the exception."""
    exception = sys.exc_info()[1]
    if request is not None and isinstance(exception, DATABASE_ERRORS):
        setattr(request, _FAILURE, exception)
        deadline.database_failed()


def database_unavailable(request, exception, replaced=None):
    deadline.database_failed()
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    if getattr(replaced, "_has_been_logged", False):
        # Django's own flag: its handler already logged this exception with its traceback.
        response._has_been_logged = True
    log_response(
        "Database unavailable, answered 503: %s",
        request.path,
        response=response,
        request=request,
        logger=logger,
        exception=exception,
    )
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with deadline.watched():
            response = self.get_response(request)
        exception = getattr(request, _FAILURE, None)
        if exception is not None:
            return database_unavailable(request, exception, replaced=response)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable(request, exception)
        return None
