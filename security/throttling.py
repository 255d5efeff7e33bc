"""Brakes on password guessing and mail bombing: admin logins (django-axes), the passwords of private
content, and password reset emails.

A locked-out login gets the same answer whether the account exists or not, so the lockout page
tells a guesser nothing about which usernames are real. Likewise a reset asked for an address past
its limit gets the usual « email sent » page, and no email.
"""

import hashlib
import logging
from functools import wraps

from axes.helpers import get_cool_off

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render

from wagtail import views as wagtail_views
from wagtail.admin.views import account as admin_account_views
from wagtail.documents.views import serve as document_views

from security.antispam import ip_over_rate_limit, over_rate_limit, too_many_requests

logger = logging.getLogger(__name__)


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


class PasswordResetView(admin_account_views.PasswordResetView):
    """Wagtail's password reset, with at most FORM_RATE_LIMITS["password_reset_address"] emails per address."""

    def form_valid(self, form):
        address = form.cleaned_data["email"].strip().lower()
        limit, period = settings.FORM_RATE_LIMITS["password_reset_address"]
        if over_rate_limit("password_reset_address", hashlib.sha256(address.encode()).hexdigest(), limit, period):
            logger.warning("Password reset refused: too many for one address")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


# At Wagtail's own address (config/urls.py), with a limit per IP address too (429).
password_reset_view = throttle_posts("password_reset")(PasswordResetView.as_view())
