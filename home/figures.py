"""« Le réseau en chiffres »: the key figures of the home page, in two queries whatever the size."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import ngettext

from network.directory.models import Actor
from news.models import EditorialPage


def network_figures():
    """(number, label) pairs: members, departments, upcoming events, resources."""
    actors = Actor.objects.published().aggregate(
        members=Count("pk"), departments=Count("department", distinct=True, filter=~Q(department=""))
    )
    content = EditorialPage.objects.visible().aggregate(
        events=Count("pk", filter=Q(eventpage__isnull=False, ends_at__gt=timezone.now())),
        resources=Count("pk", filter=Q(resourcepage__isnull=False)),
    )
    counts = [
        (actors["members"], ngettext("acteur membre du réseau", "acteurs membres du réseau", actors["members"])),
        (actors["departments"], ngettext("département", "départements", actors["departments"])),
        (content["events"], ngettext("événement à venir", "événements à venir", content["events"])),
        (content["resources"], ngettext("ressource à consulter", "ressources à consulter", content["resources"])),
    ]
    return [(number, label) for number, label in counts if number]
