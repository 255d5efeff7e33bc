"""Factories for the site's image model, used by the tests, the demo and the benchmark."""

import factory

import wagtail_factories


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.Sequence(lambda n: f"Texte alternatif de l'image {n}")
    credit = "Centre de ressources"
