"""What staff do with a join request: accept it (a draft actor is created for review) or refuse it."""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from core.models import Theme
from network.directory.models import Actor

from .mail import decision_email
from .models import AnswerRole, MembershipRequest


def kind_from_answer(answer):
    """The actor kind whose label or value the applicant picked; « Autre » when none matches."""
    wanted = str(answer or "").strip().casefold()
    for value, label in Actor.Kind.choices:
        if wanted in {value.casefold(), str(label).casefold()}:
            return value
    return Actor.Kind.OTHER


def draft_actor_from(membership_request, user=None):
    """A draft Actor pre-filled from the answers that describe the structure (never the contact's)."""
    answer = membership_request.answer
    themes = answer(AnswerRole.THEMES) or []
    actor = Actor(
        name=str(answer(AnswerRole.STRUCTURE) or membership_request.structure_name or "")[:150] or "Nouvel acteur",
        kind=kind_from_answer(answer(AnswerRole.KIND)),
        short_description="",
        commune=str(answer(AnswerRole.COMMUNE) or "")[:100],
        department=str(answer(AnswerRole.DEPARTMENT) or "")[:60],
        member_since=timezone.localdate(),
        live=False,
    )
    if answer(AnswerRole.MOTIVATION):
        actor.presentation = f"<p>{escape(answer(AnswerRole.MOTIVATION))}</p>"
    theme_names = [themes] if isinstance(themes, str) else themes
    actor.themes.set(Theme.objects.filter(name__in=theme_names))
    actor.save()
    # Not validated yet: staff write the public description before they can publish.
    actor.save_revision(user=user, clean=False)
    return actor


@transaction.atomic
def accept(membership_request, user=None):
    """Accept once: a second acceptance returns the actor already drafted, and sends nothing more."""
    locked = MembershipRequest.objects.select_for_update().get(pk=membership_request.pk)
    if locked.status == MembershipRequest.Status.ACCEPTED and locked.actor_id:
        return locked.actor
    locked.actor = draft_actor_from(locked, user)
    _decide(locked, MembershipRequest.Status.ACCEPTED, user)
    return locked.actor


@transaction.atomic
def refuse(membership_request, user=None):
    """Refuse once: a second refusal changes and sends nothing."""
    locked = MembershipRequest.objects.select_for_update().get(pk=membership_request.pk)
    if locked.status != MembershipRequest.Status.REFUSED:
        _decide(locked, MembershipRequest.Status.REFUSED, user)


def _decide(locked, status, user):
    """Record the decision, then tell the applicant: the email is queued with it and sent once it is saved."""
    locked.status = status
    locked.decided_at = timezone.now()
    locked.decided_by = user if user and user.is_authenticated else None
    locked.save(update_fields=["actor", "status", "decided_at", "decided_by"])
    decision_email(locked)
