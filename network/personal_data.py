"""Everything stored about one email address, to hand it over or erase it (GDPR articles 15 and 17).

Each kind of record that holds an address registers one source here; the `personal_data` command
goes through all of them, so a new kind of record cannot be forgotten by the command.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from .models import MembershipRequest, OutgoingEmail, Subscriber


@dataclass(frozen=True)
class Source:
    label: str
    records: Callable[[str], QuerySet]
    export: Callable[[object], dict]


def _membership_request(record):
    return {
        "envoyée le": record.submit_time.isoformat(),
        "statut": record.get_status_display(),
        "réponses": dict(record.labelled_answers()),
        "consentement": record.consent_text,
        "consentement donné le": record.consent_at.isoformat(),
    }


def _subscriber(record):
    return {
        "statut": record.get_status_display(),
        "prénom": record.first_name,
        "thèmes": [theme.name for theme in record.themes.all()],
        "consentement": record.consent_text,
        "inscription demandée le": record.subscribed_at.isoformat() if record.subscribed_at else None,
        "confirmée le": record.confirmed_at.isoformat() if record.confirmed_at else None,
        "désinscrit le": record.unsubscribed_at.isoformat() if record.unsubscribed_at else None,
        "lettres reçues": [delivery.letter.title for delivery in record.deliveries.select_related("letter")],
    }


def _email(record):
    return {
        "objet": record.subject,
        "créé le": record.created_at.isoformat(),
        "envoyé le": record.sent_at.isoformat() if record.sent_at else None,
    }


SOURCES = [
    Source(
        "demandes d'adhésion",
        lambda address: MembershipRequest.objects.filter(email__iexact=address),
        _membership_request,
    ),
    Source("lettre d'information", lambda address: Subscriber.objects.filter(email__iexact=address), _subscriber),
    Source("courriels", lambda address: OutgoingEmail.objects.filter(to__iexact=address), _email),
]


def export(address):
    """{label: [record as a dict]} for every source that holds something about `address`."""
    return {source.label: [source.export(record) for record in source.records(address)] for source in SOURCES}


def erase(address):
    """Delete every record about `address`; {label: number deleted}.

    Emails about a deleted request (the staff notification quotes it) go with it, whoever they were sent to.
    """
    counts = {}
    for source in SOURCES:
        records = source.records(address)
        counts[source.label] = records.delete()[1].get(records.model._meta.label, 0)
    return counts
