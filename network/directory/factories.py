"""Factories for the directory's actors and page, used by the tests, the demo and the benchmark."""

import factory

from django.utils.text import slugify

import wagtail_factories

from network.directory.models import Actor, ActorDirectoryPage


class ActorFactory(factory.django.DjangoModelFactory):
    """A published actor, as the directory shows it: live, with a published revision."""

    name = factory.Sequence(lambda n: f"Collectif {n}")
    slug = factory.LazyAttribute(lambda actor: slugify(actor.name))
    kind = Actor.Kind.ASSOCIATION
    short_description = "Une association qui fait vivre la participation citoyenne dans son quartier."
    commune = "Lille"
    department = "Nord"
    live = True

    class Meta:
        model = Actor
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        # Declared last: the revision holds the themes and tags set above, and publishing saves them with it.
        # `ActorFactory(live=False)` leaves a draft that only has a revision, as staff's drafts do.
        if not create:
            return
        revision = self.save_revision()
        if self.live:
            revision.publish()


class ActorDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Annuaire des acteurs"
    slug = "annuaire"
    intro = "Les collectivités, associations et collectifs qui font vivre le réseau."

    class Meta:
        model = ActorDirectoryPage
