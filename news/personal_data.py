"""What registrations to events hold about a person, for the `personal_data` command."""

from core.personal_data import Source

from .models.registrations import Registration


def _registration(record):
    return {
        "événement": record.event.title,
        "statut": record.get_status_display(),
        "nom": record.name,
        "structure": record.structure,
        "besoins d'accessibilité": record.accessibility_needs,
        "réponses": {answer["label"]: answer["answer"] for answer in record.answers},
        "consentement": record.consent_text,
        "inscrit le": record.created_at.isoformat(),
    }


REGISTRATIONS = Source(
    "inscriptions aux événements",
    lambda address: Registration.objects.filter(email__iexact=address).select_related("event"),
    _registration,
)
