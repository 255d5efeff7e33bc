"""Published media change only through review: a file that the live site uses is replaced or deleted
by a Modérateur, never at once by a Rédacteur.

Wagtail's rule for images and documents: « change » on their collection lets one change and delete
any of them; « add » lets one change and delete one's own uploads. Rédacteurs have « add » and
« choose » only (home/migrations/0002_editorial_roles.py). This policy withdraws their own uploads too
as soon as something live uses them — a live page, a live actor, or anything that has no drafts —
as Wagtail's reference index records it: replacing the file or its description would go live at
once, past the « Relecture » workflow.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.models import DraftStateMixin, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

CHANGES = {"change", "delete"}

IN_USE_MESSAGE = _(
    "« %(title)s » est utilisé par un contenu en ligne : le remplacer, le modifier ou le supprimer "
    "changerait le site sans relecture. Demandez-le à un modérateur, ou téléversez un nouveau fichier "
    "et choisissez-le dans le contenu, qui passera par la relecture."
)


def used_live(instance):
    """Whether something on the site now uses `instance`: a live page or actor, or a record without drafts."""
    object_ids = defaultdict(set)
    references = ReferenceIndex.get_references_to(instance)
    for content_type_id, object_id in references.values_list("base_content_type_id", "object_id").distinct():
        object_ids[content_type_id].add(object_id)
    for content_type_id, ids in object_ids.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if not issubclass(model, DraftStateMixin):
            return True
        if model._default_manager.filter(pk__in=ids, live=True).exists():
            return True
    return False


class LiveMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's ownership rule, except that owning a file no longer lets one change it once it is live."""

    def owner_refused(self, user, actions, instance):
        """True when `user` may change or delete `instance` only as its uploader, and the live site uses it."""
        if not CHANGES & set(actions):
            return False
        if self._check_perm(user, ["change"], collection=instance.collection):
            return False  # Modérateurs, Administrateurs: every file of the collection
        owns = getattr(instance, self.owner_field_name) == user
        return owns and self._check_perm(user, ["add"], collection=instance.collection) and used_live(instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        others = set(actions) - CHANGES
        if others and super().user_has_any_permission_for_instance(user, others, instance):
            return True
        if not super().user_has_any_permission_for_instance(user, actions, instance):
            return False
        return not self.owner_refused(user, actions, instance)

    def refusal_message(self, user, action, instance):
        """Why `user` may not `action` `instance`, in French, when the reason is that it is live; else None."""
        if self.owner_refused(user, [action], instance):
            return IN_USE_MESSAGE % {"title": instance.title}
        return None
