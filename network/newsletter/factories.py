"""Factories for subscribers and letters, used by the tests, the demo and the benchmark."""

from datetime import timedelta

import factory

from django.utils import timezone

import wagtail_factories

from network.newsletter.models import NewsletterIndexPage, NewsletterPage, Subscriber

NEWSLETTER_CONSENT = (
    "J'accepte de recevoir la lettre d'information du réseau. Mon adresse ne sert qu'à cela ; "
    "chaque lettre contient un lien pour me désinscrire."
)


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber, as double opt-in leaves one; `status=Subscriber.Status.PENDING` for one
    who has not clicked the link yet (then `confirmed_at` stays empty)."""

    email = factory.Sequence(lambda n: f"abonne-{n}@example.org")
    first_name = factory.Sequence(lambda n: f"Prénom {n}")
    status = Subscriber.Status.CONFIRMED
    consent_text = NEWSLETTER_CONSENT
    subscribed_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=2))
    confirmation_sent_at = factory.SelfAttribute("subscribed_at")
    confirmed_at = factory.LazyAttribute(
        lambda subscriber: (
            subscriber.subscribed_at + timedelta(minutes=5)
            if subscriber.status == Subscriber.Status.CONFIRMED
            else None
        )
    )

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    title = "Lettres d'information"
    slug = "lettres"
    intro = "Toutes les lettres envoyées aux abonnés, de la plus récente à la plus ancienne."

    class Meta:
        model = NewsletterIndexPage


class NewsletterPageFactory(wagtail_factories.PageFactory):
    """A published letter, not sent yet: `sent_at` is not editable, sending sets it."""

    title = factory.Sequence(lambda n: f"Lettre d'information n° {n}")
    slug = factory.Sequence(lambda n: f"lettre-{n}")
    intro = "<p>Les nouvelles du réseau de ce mois-ci.</p>"

    class Meta:
        model = NewsletterPage
