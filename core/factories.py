"""Factories for the shared vocabulary, used by the tests, the demo and the benchmark."""

import factory

from core.models import Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    description = "Un thème de démonstration."

    class Meta:
        model = Theme
