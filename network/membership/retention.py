"""How long join requests keep personal data once staff have decided on them."""

from dateutil.relativedelta import relativedelta
from django_tasks import task

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.models import OutgoingEmail

from .models import PERSONAL_ROLES, MembershipRequest


def expired_requests(months, now=None):
    """Accepted or refused requests decided more than `months` ago and not anonymised yet."""
    cutoff = (now or timezone.now()) - relativedelta(months=months)
    return MembershipRequest.objects.exclude(status=MembershipRequest.Status.NEW).filter(
        decided_at__lt=cutoff, anonymised_at__isnull=True
    )


@transaction.atomic
def expire_membership_requests(months, delete=False, now=None):
    """Anonymise (keep what describes the structure, drop what identifies a person) or delete; returns the count."""
    requests = list(expired_requests(months, now))
    OutgoingEmail.objects.filter(membership_request__in=requests).delete()
    if delete:
        MembershipRequest.objects.filter(pk__in=[r.pk for r in requests]).delete()
        return len(requests)
    for membership_request in requests:
        personal = {name for name, role in membership_request.roles.items() if role in PERSONAL_ROLES}
        membership_request.form_data = {
            name: value for name, value in membership_request.form_data.items() if name not in personal
        }
        membership_request.email = ""
        membership_request.anonymised_at = now or timezone.now()
        membership_request.save(update_fields=["form_data", "email", "anonymised_at"])
    return len(requests)


@task()
def expire_old_requests():
    return expire_membership_requests(settings.MEMBERSHIP_RETENTION_MONTHS)
