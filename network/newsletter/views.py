"""Public newsletter pages: subscribe, confirm, unsubscribe (with a button, or in one click per RFC 8058)."""

from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wagtail.models import Site

from core.models import SiteSettings
from security.antispam import accept_post, ip_over_rate_limit, too_many_requests

from . import subscriptions
from .forms import NewsletterForm
from .models import NewsletterPage


def _consent_text(request):
    site = Site.find_for_request(request)
    return SiteSettings.for_site(site).newsletter_consent if site else SiteSettings().newsletter_consent


def _latest_letters():
    return NewsletterPage.objects.live().public().filter(sent_at__isnull=False).order_by("-sent_at")[:6]


@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """The subscription form, also in every page's footer; without CSRF so that pages can be cached.

    Forging a post from another site gains nothing: nothing happens until the address's owner
    clicks the link emailed to them (double opt-in), at most one such email per address every ten
    minutes, and the spam defences (security/antispam.py) still apply. The footer's copy sits in
    cached pages, shared by every visitor: it carries no time-trap token, and its post comes back
    here filled in, with a token of this visitor's own, to confirm. This page is never cached.
    """
    consent_text = _consent_text(request)
    if request.method == "POST":
        if ip_over_rate_limit(request, "newsletter"):
            return too_many_requests(request)
        form = NewsletterForm(request.POST, consent_text=consent_text, prefix_ids="newsletter")

        def save():
            data = form.cleaned_data
            subscriptions.record_subscription_request.enqueue(
                data["email"], data["first_name"], [theme.pk for theme in data["themes"]], consent_text
            )

        # The same answer for a new, pending, confirmed or unsubscribed address, and for a bot.
        if accept_post(form, "newsletter", save):
            return redirect("newsletter:thanks")
    else:
        form = NewsletterForm(consent_text=consent_text, prefix_ids="newsletter")
    context = {"newsletter_form": form, "letters": _latest_letters(), "hide_footer_newsletter": True}
    response = render(request, "newsletter/subscribe.html", context)
    add_never_cache_headers(response)  # its token is this visitor's alone
    return response


def thanks(request):
    return render(request, "newsletter/thanks.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscriber = subscriptions.subscriber_to_confirm(token)
    except subscriptions.InvalidLink as invalid:
        return render(request, "newsletter/invalid_link.html", {"expired": invalid.expired}, status=410)
    if request.method == "POST":
        subscriber.confirm()
        return render(request, "newsletter/confirmed.html")
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = subscriptions.subscriber_to_unsubscribe(token)
    except subscriptions.InvalidLink:
        return render(request, "newsletter/invalid_link.html", {"unsubscribe": True}, status=410)
    if request.method == "POST":
        subscriber.unsubscribe()
        return render(request, "newsletter/unsubscribed.html")
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


@csrf_exempt
def one_click_unsubscribe(request, token):
    """RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click`, with no cookie, token or login."""
    if request.method == "GET":
        return redirect("newsletter:unsubscribe", token=token)
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        subscriptions.subscriber_to_unsubscribe(token).unsubscribe()
    except subscriptions.InvalidLink:
        return HttpResponse("Lien invalide.", status=410, content_type="text/plain; charset=utf-8")
    return HttpResponse("Désinscription enregistrée.", content_type="text/plain; charset=utf-8")
