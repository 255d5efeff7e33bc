"""Sending a letter from the admin: a test copy, then the send, now or at a set time, in the background.

Every action only records what is asked and enqueues: the request answers at once whatever the number
of subscribers. The page shows the progress, refreshed by static/js/letter-progress.js where scripts run.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import sending
from .models import LetterSending, NewsletterPage, Subscriber


class TestSendForm(forms.Form):
    address = forms.EmailField(label=gettext_lazy("Adresse de test"))


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=gettext_lazy("Date et heure d'envoi"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M"],
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choisissez un moment à venir, ou envoyez la lettre maintenant."))
        return when


def _letter_for(request, page_id):
    letter = get_object_or_404(NewsletterPage, pk=page_id)
    if not letter.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return letter


def send_newsletter(request, page_id):
    letter = _letter_for(request, page_id)
    form = TestSendForm(initial={"address": request.user.email})
    schedule_form = ScheduleForm()
    action = request.POST.get("action") if request.method == "POST" else None
    if action and not letter.live:
        messages.error(request, _("Publiez la lettre avant de l'envoyer : les abonnés reçoivent un lien vers elle."))
    elif action == "test":
        form = TestSendForm(request.POST)
        if form.is_valid():
            sending.send_test(letter, form.cleaned_data["address"])
            messages.success(request, _("Exemplaire de test en route vers %(address)s.") % form.cleaned_data)
            return redirect("network_send_newsletter", page_id=letter.pk)
    elif action == "send":
        sending.request_send(letter, request.user)
        messages.success(request, _("Envoi lancé : il se poursuit en arrière-plan, suivez-le ci-dessous."))
        return redirect("network_send_newsletter", page_id=letter.pk)
    elif action == "schedule":
        schedule_form = ScheduleForm(request.POST)
        if schedule_form.is_valid():
            sending.request_send(letter, request.user, when=schedule_form.cleaned_data["when"])
            messages.success(request, _("Envoi programmé."))
            return redirect("network_send_newsletter", page_id=letter.pk)
    elif action in {"pause", "resume", "cancel"}:
        {"pause": sending.pause, "resume": sending.resume, "cancel": sending.cancel_schedule}[action](letter)
        return redirect("network_send_newsletter", page_id=letter.pk)
    return render(
        request,
        "network/admin/send_newsletter.html",
        {
            "letter": letter,
            "form": form,
            "schedule_form": schedule_form,
            "confirmed": Subscriber.objects.confirmed().count(),
            "sending": LetterSending.objects.filter(letter=letter).first(),
            "states": LetterSending.State,
            "progress": sending.letter_progress(letter),
        },
    )


def newsletter_progress(request, page_id):
    """The progress figures as JSON, for the page's script."""
    response = JsonResponse(sending.letter_progress(_letter_for(request, page_id)))
    response["Cache-Control"] = "no-store"
    return response
