"""What a join request holds about the person who sent it, for the `personal_data` command."""

from core.personal_data import Source

from .models import MembershipRequest


def _membership_request(record):
    return {
        "envoyée le": record.submit_time.isoformat(),
        "statut": record.get_status_display(),
        "réponses": dict(record.labelled_answers()),
        "consentement": record.consent_text,
        "consentement donné le": record.consent_at.isoformat(),
    }


MEMBERSHIP_REQUESTS = Source(
    "demandes d'adhésion", lambda address: MembershipRequest.objects.filter(email__iexact=address), _membership_request
)
