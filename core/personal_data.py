"""Everything stored about one email address, to hand it over or erase it (GDPR articles 15 and 17).

Each kind of record that holds an address registers one source here when its app starts; the
`personal_data` command goes through all of them, so a new kind of record cannot be forgotten by it.
The outbox's own emails come last: erasing a record first erases the emails about it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from .models import OutgoingEmail


@dataclass(frozen=True)
class Source:
    label: str
    records: Callable[[str], QuerySet]
    export: Callable[[object], dict]


def _email(record):
    return {
        "objet": record.subject,
        "créé le": record.created_at.isoformat(),
        "envoyé le": record.sent_at.isoformat() if record.sent_at else None,
    }


EMAILS = Source("courriels", lambda address: OutgoingEmail.objects.filter(to__iexact=address), _email)
_registered = []


def register(source):
    if source not in _registered:
        _registered.append(source)


def sources():
    return [*_registered, EMAILS]


def export(address):
    """{label: [record as a dict]} for every source that holds something about `address`."""
    return {source.label: [source.export(record) for record in source.records(address)] for source in sources()}


def erase(address):
    """Delete every record about `address`; {label: number deleted}.

    Emails about a deleted record (the staff notification quotes a join request) go with it, whoever
    they were sent to.
    """
    counts = {}
    for source in sources():
        records = source.records(address)
        counts[source.label] = records.delete()[1].get(records.model._meta.label, 0)
    return counts
