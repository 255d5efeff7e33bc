"""The benchmark's content: the demo site grown to a given number of editorial pages and 2,000 actors."""

import random

from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.search.backends import get_search_backends

from bench.synthetic import grow_to
from core.models import Theme
from network.directory.models import Actor
from news.models import EditorialPage

ACTORS = 2000
DEPARTMENTS = {"Nord": "59000", "Pas-de-Calais": "62000", "Somme": "80000", "Oise": "60000", "Aisne": "02000"}


def grow(size):
    """The site with `size` editorial pages (never fewer than it has) and the directory's actors."""
    generate_actors(ACTORS - Actor.objects.count())
    grow_to(size)
    return EditorialPage.objects.count()


def generate_actors(count, seed=0):
    """Published actors with a theme, a department and, for one in four, a logo shared with others."""
    if count <= 0:
        return
    rng = random.Random(seed)  # noqa: S311 - test data, not security
    start = Actor.objects.count()
    logos = list(get_image_model().objects.order_by("pk")[:3]) or [None]
    themes = list(Theme.objects.all())
    now = timezone.now()
    actors = []
    for number in range(start, start + count):
        department = rng.choice(list(DEPARTMENTS))
        actors.append(
            Actor(
                name=f"Acteur de mesure {number:05}",
                slug=f"acteur-mesure-{number}",
                kind=rng.choice(Actor.Kind.values),
                short_description="Une structure générée pour mesurer l'annuaire.",
                department=department,
                postal_code=DEPARTMENTS[department],
                commune="Commune de mesure",
                logo=rng.choice(logos) if number % 4 == 0 else None,
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    with transaction.atomic():
        actors = Actor.objects.bulk_create(actors)
        if themes:
            Actor.themes.through.objects.bulk_create(
                [Actor.themes.through(actor_id=actor.pk, theme=rng.choice(themes)) for actor in actors]
            )
        for backend in get_search_backends():  # the admin's and the site search's
            backend.add_bulk(Actor, Actor.get_indexed_objects().filter(pk__in=[a.pk for a in actors]))
