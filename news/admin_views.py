"""Registrations to an event, for the staff: who comes, where each stands, and what staff change.

Names, addresses and needs are personal data: these screens are for Modérateurs and Administrateurs
(the permissions on Registration, granted by home/migrations/0008_registration_roles.py). Rédacteurs
see the counts only, in the agenda's page listing and on the dashboard (news/wagtail_hooks.py).
Every change goes through the seat service (news/registrations.py), so the capacity holds whatever
staff do, and the person gets the email the change calls for.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import EventPage, Registration
from .registration_form import RegistrationForm
from .registrations import (
    EventFull,
    RegistrationRefused,
    add_by_hand,
    cancel,
    mark_present,
    move_from_waiting_list,
    seat_count,
)

VIEW = "news.view_registration"
ADD = "news.add_registration"
CHANGE = "news.change_registration"
# Empty lines at the foot of the attendance sheet, for those who come without registering.
BLANK_LINES = 5


def fill_rate(count):
    """Seats taken as a whole percentage of the capacity; None without a capacity."""
    return None if not count.capacity else round(100 * count.taken / count.capacity)


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _event(page_id):
    return get_object_or_404(EventPage.objects.defer_streamfields(), pk=page_id)


def people(event):
    """The event's registrations still naming someone (anonymised ones only count)."""
    return Registration.objects.filter(event=event, anonymised_at__isnull=True)


def event_registrations(request, page_id):
    """One event's registrations: seat holders, the waiting list in its order, the cancelled; their actions."""
    _require(request, VIEW)
    event = _event(page_id)
    registrations = list(people(event))
    waiting = sorted((r for r in registrations if r.is_waiting), key=lambda r: r.waiting_position)
    count = seat_count(event)
    return render(
        request,
        "news/admin/event_registrations.html",
        {
            "event": event,
            "count": count,
            "fill_rate": fill_rate(count),
            "holders": [r for r in registrations if r.holds_seat],
            # The rank is the order among those still waiting (positions only ever grow).
            "waiting": list(enumerate(waiting, start=1)),
            "cancelled": [r for r in registrations if r.status == Registration.Status.CANCELLED],
            "can_change": request.user.has_perm(CHANGE),
            "can_add": request.user.has_perm(ADD),
            "export_url": registration_list_url(event),
        },
    )


def registration_list_url(event):
    """The registrations' list filtered on this event: its search and CSV / XLSX exports."""
    return f"{reverse('news_registration_modeladmin_index')}?event__editorialpage_ptr__exact={event.pk}"


def change_registration(request, pk):
    """Staff move someone from the waiting list, tick « présent » (or untick it), or cancel."""
    _require(request, CHANGE)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk, anonymised_at__isnull=True)
    action = request.POST.get("action")
    name = registration.name
    try:
        if action == "promote":
            move_from_waiting_list(registration)
            messages.success(request, _("%(name)s a maintenant une place, annoncée par courriel.") % {"name": name})
        elif action in ("present", "absent"):
            mark_present(registration, present=action == "present")
            messages.success(request, _("Présence de %(name)s enregistrée.") % {"name": name})
        elif action == "cancel":
            promoted = cancel(registration)
            messages.success(request, _("Inscription de %(name)s annulée.") % {"name": name})
            if promoted:
                names = ", ".join(person.name for person in promoted)
                messages.success(request, _("Place libérée, donnée à : %(names)s.") % {"names": names})
        else:
            messages.error(request, _("Action inconnue : rien n'a changé."))
    except EventFull:
        messages.error(
            request,
            _("Aucune place libre : annulez une inscription ou augmentez le nombre de places, puis recommencez."),
        )
    return redirect("news_event_registrations", page_id=registration.event_id)


class StaffRegistrationForm(forms.Form):
    """What staff record for someone who registered by phone or at the desk: the form's own fields."""

    name = RegistrationForm.base_fields["name"]
    email = RegistrationForm.base_fields["email"]
    structure = RegistrationForm.base_fields["structure"]
    accessibility_needs = RegistrationForm.base_fields["accessibility_needs"]
    consent = forms.BooleanField(
        label=gettext_lazy("La personne accepte le texte de consentement de l'événement"),
        error_messages={"required": gettext_lazy("Sans son accord, l'inscription ne peut pas être enregistrée.")},
    )
    notify = forms.BooleanField(
        label=gettext_lazy("Lui envoyer la confirmation par courriel"),
        required=False,
        initial=True,
        help_text=gettext_lazy("Avec le fichier agenda et le lien pour voir ou annuler son inscription."),
    )


def add_registration(request, page_id):
    """Add someone by hand: even after closing; a seat if one is free, else the waiting list."""
    _require(request, ADD)
    event = _event(page_id)
    form = StaffRegistrationForm(request.POST or None)
    # The very words the person agrees to, stored with the registration.
    form.fields["consent"].help_text = event.registration_consent_text
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            outcome = add_by_hand(
                event,
                name=data["name"],
                email=data["email"],
                structure=data["structure"],
                accessibility_needs=data["accessibility_needs"],
                consent_text=event.registration_consent_text,
                notify=data["notify"],
            )
        except RegistrationRefused as refused:
            messages.error(request, str(refused))
        else:
            registration = outcome.registration
            if not outcome.created:
                messages.warning(
                    request,
                    _("%(email)s est déjà inscrit à cet événement (%(status)s) : rien n'a été ajouté.")
                    % {"email": registration.email, "status": registration.get_status_display()},
                )
            elif registration.is_waiting:
                messages.success(request, _("%(name)s est sur la liste d'attente.") % {"name": registration.name})
            else:
                messages.success(request, _("%(name)s est inscrit.") % {"name": registration.name})
            return redirect("news_event_registrations", page_id=event.pk)
    return render(request, "news/admin/add_registration.html", {"event": event, "form": form})


def attendance_sheet(request, page_id):
    """The list to sign at the door, printed from the browser: seat holders by name, then blank lines."""
    _require(request, VIEW)
    event = _event(page_id)
    holders = people(event).holding_seats().order_by("name", "pk")
    return render(
        request,
        "news/admin/attendance_sheet.html",
        {"event": event, "holders": holders, "blank_lines": range(BLANK_LINES)},
    )
