"""What an event with registration on the site answers: its form's posts and the personal pages.

The event page serves these through its routes (EventPage in news/models/events.py). No page here
is ever stored by the page cache: a form carries a CSRF token and a single-use anti-spam token, a
personal page someone's registration, and seat counts change with every registration.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from security.antispam import accept_post, ip_over_rate_limit, too_many_requests

from .registration_form import RegistrationForm
from .registration_links import personal_path, registration_for
from .registrations import RegistrationRefused, cancel, register

RATE_SCOPE = "registration"


def blank_form(event):
    return RegistrationForm(event=event, questions=event.registration_questions.all())


def post_registration(event, request):
    """Save the registration, then send the person to their page; or show the form again with what is wrong."""
    if request.method != "POST":
        return redirect(event.url + "#inscription")
    if ip_over_rate_limit(request, RATE_SCOPE):
        return too_many_requests(request)
    form = RegistrationForm(request.POST, event=event, questions=event.registration_questions.all())
    outcome = None

    def save():
        nonlocal outcome
        outcome = register(
            event,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            structure=form.cleaned_data["structure"],
            accessibility_needs=form.cleaned_data["accessibility_needs"],
            answers=form.answers(),
            consent_text=event.registration_consent_text,
        )

    try:
        accepted = accept_post(form, RATE_SCOPE, save)
    except RegistrationRefused as refusal:
        # Closed or full between the page's display and the post: said above the form, nothing saved.
        form.add_error(None, str(refusal))
        accepted = False
    if not accepted:
        return private(event.render(request, registration_form=form))
    if outcome is None:
        # The honeypot, or this very form posted again (a refresh): the first post's answer, in general terms.
        return redirect(event.url + event.reverse_subpage("registration_sent"))
    if not outcome.created:
        sent = event.url + event.reverse_subpage("already_registered")
        return redirect(sent + ("?renvoye=1" if outcome.resent else ""))
    return redirect(personal_path(outcome.registration, event))


def registration_sent(event, request):
    return private(TemplateResponse(request, "pages/registration_sent.html", {"page": event}))


def already_registered(event, request):
    context = {"page": event, "resent": request.GET.get("renvoye") == "1"}
    return private(TemplateResponse(request, "pages/registration_already.html", context))


def personal_page(event, request, signed):
    """The person's registration, with « Annuler mon inscription » (a POST); a French page for a bad link."""
    registration = registration_for(signed)
    if registration is None or registration.event_id != event.pk:
        response = TemplateResponse(request, "pages/registration_link_invalid.html", {"page": event}, status=404)
        return private(response)
    if request.method == "POST" and request.POST.get("action") == "annuler":
        if registration.status != registration.Status.CANCELLED and not event_over(event):
            cancel(registration)
        # Redirect after POST: a refresh shows the cancelled registration, it posts nothing again.
        return redirect(personal_path(registration, event) + "?annulee=1")
    context = {
        "page": event,
        "registration": registration,
        "rank": registration.waiting_rank(),
        "can_cancel": registration.status != registration.Status.CANCELLED and not event_over(event),
        "just_cancelled": request.GET.get("annulee") == "1",
        "meta_title": _("Mon inscription"),
    }
    return private(TemplateResponse(request, "pages/registration_personal.html", context))


def event_over(event):
    return timezone.now() >= event.ends_at


def private(response):
    """Never stored by a shared cache or the browser's history cache; never listed by a search engine."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response
