"""Sending a letter from the admin: a test copy first, then the real send."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .models import NewsletterPage, Subscriber
from .sending import send_letter, send_test


class TestSendForm(forms.Form):
    address = forms.EmailField(label=_("Adresse de test"))


def send_newsletter(request, page_id):
    """A test copy first, then the real send to every confirmed subscriber, on explicit request."""
    letter = get_object_or_404(NewsletterPage, pk=page_id)
    if not letter.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    form = TestSendForm(initial={"address": request.user.email})
    if request.method == "POST" and not letter.live:
        messages.error(request, _("Publiez la lettre avant de l'envoyer : les abonnés reçoivent un lien vers elle."))
    elif request.method == "POST" and request.POST.get("action") == "test":
        form = TestSendForm(request.POST)
        if form.is_valid():
            send_test(letter, form.cleaned_data["address"])
            messages.success(request, _("Exemplaire de test envoyé à %(address)s.") % form.cleaned_data)
    elif request.method == "POST" and request.POST.get("action") == "send":
        counts = send_letter(letter)
        messages.success(request, _("Lettre envoyée : %(sent)s envoi(s), %(failed)s en échec.") % counts)
        return redirect("network_send_newsletter", page_id=letter.pk)
    return render(
        request,
        "network/admin/send_newsletter.html",
        {
            "letter": letter,
            "form": form,
            "confirmed": Subscriber.objects.confirmed().count(),
            "delivered": letter.deliveries.filter(status="envoye").count(),
        },
    )
