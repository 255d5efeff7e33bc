"""The outbox in the admin: the emails waiting or failed, and « Réessayer » on those that failed.

Personal data (addresses, texts about join requests): Modérateurs and Administrateurs only, through
the `core.change_outgoingemail` permission (home/migrations: the roles).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import OutgoingEmail
from .outbox import send_again

PERMISSION = "core.change_outgoingemail"
PER_PAGE = 50


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def outbox(request):
    _check(request)
    status = request.GET.get("etat", OutgoingEmail.Status.FAILED)
    if status not in OutgoingEmail.Status.values:
        status = OutgoingEmail.Status.FAILED
    emails = OutgoingEmail.objects.filter(status=status).order_by("-created_at", "-pk")
    page = Paginator(emails.only("pk", "to", "subject", "created_at", "attempts", "last_error", "status"), PER_PAGE)
    return render(
        request,
        "core/admin/outbox.html",
        {"page": page.get_page(request.GET.get("p")), "status": status, "statuses": OutgoingEmail.Status.choices},
    )


def retry(request, email_id):
    _check(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    email = get_object_or_404(OutgoingEmail, pk=email_id)
    if send_again(email):
        messages.success(request, _("Courriel à %(to)s remis en file d'envoi.") % {"to": email.to})
    else:
        messages.warning(request, _("Ce courriel n'est plus en échec."))
    return redirect(f"{reverse('core_outbox')}?etat={OutgoingEmail.Status.FAILED}")
