"""Brakes on password guessing: admin logins (django-axes) and the passwords of private content.

A locked-out login gets the same answer whether the account exists or not, so the lockout page
tells a guesser nothing about which usernames are real.
"""

from functools import wraps

from axes.helpers import get_cool_off

from django.conf import settings
from django.shortcuts import render

from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views

from security.antispam import ip_over_rate_limit, too_many_requests


def lockout_response(request, original_response, credentials):
    """django-axes' answer to a locked-out login: a French page, 429, and when to come back."""
    cool_off_seconds = int(get_cool_off(request).total_seconds())
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": cool_off_seconds // 60}
    response = render(request, "security/lockout.html", context, status=429)
    response["Retry-After"] = str(cool_off_seconds)
    return response


def throttle_posts(scope):
    """Answer 429 to an address that posts to the view more often than FORM_RATE_LIMITS[scope] allows."""

    def decorator(view):
        @wraps(view)
        def throttled(request, *args, **kwargs):
            if request.method == "POST" and ip_over_rate_limit(request, scope):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return throttled

    return decorator


# Wagtail's password forms for private pages and private document collections, which config/urls.py
# serves at Wagtail's own addresses.
page_password_view = throttle_posts("private_password")(wagtail_views.authenticate_with_password)
document_password_view = throttle_posts("private_password")(document_views.authenticate_with_password)
