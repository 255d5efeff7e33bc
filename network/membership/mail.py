"""The emails a join request sends: queued in the outbox, sent by a worker, retried if the server fails."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from core.models import SiteSettings
from core.outbox import queue_email


def staff_recipients(page):
    """Who hears of a new request: the page's list, else the settings' list, else the site's contact address."""
    listed = [address.strip() for address in page.notify_emails.split(",") if address.strip()]
    if listed or settings.MEMBERSHIP_NOTIFY:
        return listed or list(settings.MEMBERSHIP_NOTIFY)
    site = page.get_site()
    contact = SiteSettings.for_site(site).contact_email if site else ""
    return [contact] if contact else []


def notify_membership_request(page, membership_request):
    """Queue the staff notification and the acknowledgement; a worker sends them after the request is saved."""
    answers = membership_request.labelled_answers()
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "membership_membershiprequest_modeladmin_inspect", args=[membership_request.pk]
    )
    staff_body = render_to_string(
        "emails/membership_notification.txt",
        {"request": membership_request, "answers": answers, "admin_url": admin_url},
    )
    # The subject is ours alone: nothing typed in the form reaches an email header.
    for address in staff_recipients(page):
        queue_email(address, _("Nouvelle demande d'adhésion au réseau"), staff_body, about=membership_request)
    if page.acknowledgement_body and membership_request.email:
        queue_email(
            membership_request.email,
            page.acknowledgement_subject,
            page.acknowledgement_body,
            about=membership_request,
        )


def decision_email(membership_request):
    """The applicant's answer to a decision, queued in the outbox; None when there is nobody or nothing to send.

    Texts come from the site settings, where Modérateurs edit them; nothing typed in the form is added.
    """
    site = membership_request.page.get_site() if membership_request.page_id else None
    site_settings = SiteSettings.for_site(site) if site else SiteSettings()
    if membership_request.status == membership_request.Status.ACCEPTED:
        subject, body = site_settings.membership_accepted_subject, site_settings.membership_accepted_body
    else:
        subject, body = site_settings.membership_refused_subject, site_settings.membership_refused_body
    if not membership_request.email or not body.strip():
        return None
    return queue_email(membership_request.email, subject, body, about=membership_request)


def readable(answer):
    """An answer as a line of text: choices joined, booleans in words."""
    if isinstance(answer, list | tuple):
        return ", ".join(map(str, answer))
    if isinstance(answer, bool):
        return _("oui") if answer else _("non")
    return "" if answer is None else str(answer)
