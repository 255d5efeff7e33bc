"""Deciding on a join request, from its admin page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import decisions
from .models import MembershipRequest


@require_POST
def decide(request, pk):
    """Accept (a draft actor is created and opened for review) or refuse a request."""
    if not request.user.has_perm("membership.change_membershiprequest"):
        raise PermissionDenied
    membership_request = get_object_or_404(MembershipRequest, pk=pk)
    if request.POST.get("decision") == "accept":
        actor = decisions.accept(membership_request, request.user)
        messages.success(
            request,
            _("Demande acceptée : la fiche « %(name)s » est créée en brouillon, à relire avant publication.")
            % {"name": actor.name},
        )
        return redirect(reverse("wagtailsnippets_directory_actor:edit", args=[actor.pk]))
    decisions.refuse(membership_request, request.user)
    messages.success(request, _("Demande refusée."))
    return redirect(reverse("membership_membershiprequest_modeladmin_index"))
