"""What a subscription holds about its subscriber, for the `personal_data` command."""

from core.personal_data import Source

from .models import Subscriber


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


SUBSCRIBERS = Source(
    "lettre d'information", lambda address: Subscriber.objects.filter(email__iexact=address), _subscriber
)
