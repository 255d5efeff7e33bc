"""The emails a join request sends: saved in the outbox first, then sent; what fails waits for a retry."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from core.models import OutgoingEmail, SiteSettings


def staff_recipients(page):
    """Who hears of a new request: the page's list, else the settings' list, else the site's contact address."""
    listed = [address.strip() for address in page.notify_emails.split(",") if address.strip()]
    if listed or settings.MEMBERSHIP_NOTIFY:
        return listed or list(settings.MEMBERSHIP_NOTIFY)
    site = page.get_site()
    contact = SiteSettings.for_site(site).contact_email if site else ""
    return [contact] if contact else []


def notify_membership_request(page, membership_request):
    """Queue the staff notification and the acknowledgement, then try to send them now."""
    answers = membership_request.labelled_answers()
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "membership_membershiprequest_modeladmin_inspect", args=[membership_request.pk]
    )
    staff_body = render_to_string(
        "emails/membership_notification.txt",
        {"request": membership_request, "answers": answers, "admin_url": admin_url},
    )
    # The subject is ours alone: nothing typed in the form reaches an email header.
    emails = [
        OutgoingEmail(
            to=address,
            subject=_("Nouvelle demande d'adhésion au réseau"),
            body=staff_body,
            about=membership_request,
        )
        for address in staff_recipients(page)
    ]
    if page.acknowledgement_body and membership_request.email:
        emails.append(
            OutgoingEmail(
                to=membership_request.email,
                subject=page.acknowledgement_subject,
                body=page.acknowledgement_body,
                about=membership_request,
            )
        )
    for email in emails:
        email.save()
        email.send()


def decision_email(membership_request):
    """The applicant's answer to a decision, saved in the outbox; None when there is nobody or nothing to send.

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
    return OutgoingEmail.objects.create(
        to=membership_request.email, subject=subject, body=body, about=membership_request
    )


def readable(answer):
    """An answer as a line of text: choices joined, booleans in words."""
    if isinstance(answer, list | tuple):
        return ", ".join(map(str, answer))
    if isinstance(answer, bool):
        return _("oui") if answer else _("non")
    return "" if answer is None else str(answer)
