"""Tag housekeeping: how often each tag is used, renaming, merging two tags into one.

Tags are shared by every tagged model of the site (editorial pages, dossiers, actors); each keeps
its links in a `TaggedItemBase` table, found here from the app registry so that this module knows
none of those apps. Drafts keep their tags in their revisions, by tag id: merging rewrites them too,
so that publishing an old draft brings back no deleted tag.
"""

from django.apps import apps
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.text import slugify

from taggit.models import Tag, TaggedItemBase
from wagtail.models import Revision

REVISION_BATCH = 500


def tagged_item_models():
    return [model for model in apps.get_models() if issubclass(model, TaggedItemBase)]


def with_usage(tags):
    """`tags` annotated with `uses`: the number of tagged objects, all models together, one subquery each."""
    total = Value(0, output_field=IntegerField())
    for model in tagged_item_models():
        counted = model.objects.filter(tag=OuterRef("pk")).order_by().values("tag").annotate(n=Count("pk"))
        total = total + Coalesce(Subquery(counted.values("n")), 0)
    return tags.annotate(uses=total)


def unique_slug(name, exclude_pk=None):
    base = slugify(name, allow_unicode=False)[:90] or "etiquette"
    slug, number = base, 2
    while Tag.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def merge(source, target):
    """Give every object tagged `source` the tag `target` instead, then delete `source`."""
    for model in tagged_item_models():
        owners = _owner_fields(model)
        tagged_target = set(model.objects.filter(tag=target).values_list(*owners))
        duplicates = [link.pk for link in model.objects.filter(tag=source) if _owner(link, owners) in tagged_target]
        model.objects.filter(pk__in=duplicates).delete()
        model.objects.filter(tag=source).update(tag=target)
    _retag_revisions(source.pk, target.pk)
    source.delete()


def _owner_fields(model):
    """The columns naming the tagged object: its key, or its type and key for taggit's generic links."""
    field = model._meta.get_field("content_object")
    if getattr(field, "concrete", False):
        return (field.attname,)
    return (field.ct_field + "_id", field.fk_field)


def _owner(link, owners):
    return tuple(getattr(link, name) for name in owners)


def _retag_revisions(source_pk, target_pk):
    for revision in Revision.objects.only("content").iterator(chunk_size=REVISION_BATCH):
        links = revision.content.get("tagged_items") if isinstance(revision.content, dict) else None
        if not links or not any(link.get("tag") == source_pk for link in links):
            continue
        kept, seen = [], {link.get("tag") for link in links if link.get("tag") != source_pk}
        for link in links:
            if link.get("tag") == source_pk:
                if target_pk in seen:
                    continue
                link = {**link, "tag": target_pk}
                seen.add(target_pk)
            kept.append(link)
        revision.content["tagged_items"] = kept
        revision.save(update_fields=["content"])
