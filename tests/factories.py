"""Factories for every page type and snippet, shared by the whole suite."""

from datetime import timedelta

import factory

from django.utils import timezone
from django.utils.text import slugify

import wagtail_factories
from wagtail.models import Page, Site

from core.models import SiteSettings, Theme
from home.models import HomePage, StandardPage
from network.directory.models import Actor, ActorDirectoryPage
from network.membership.models import AnswerRole, JoinFormField, JoinFormPage
from network.newsletter.models import NewsletterIndexPage, NewsletterPage, Subscriber
from news.models import (
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    ResourceIndexPage,
    ResourcePage,
    TopicPage,
)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    description = factory.Sequence(lambda n: f"Texte alternatif de l'image {n}")
    credit = "Centre de ressources"


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    description = "Un thème de démonstration."

    class Meta:
        model = Theme


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    slug = "accueil"
    hero_title = "Faire des transitions une affaire commune"
    hero_intro = "Le réseau régional des territoires participatifs."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "Une introduction courte."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Un paragraphe de texte.</p>")])

    class Meta:
        model = StandardPage


def make_site_home():
    """Replace Wagtail's placeholder page with a HomePage at the root of the default site."""
    root = Page.get_first_root_node()
    placeholders = list(root.get_children())
    home = HomePageFactory(parent=root)
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "testserver", "port": 80}
    )
    for placeholder in placeholders:
        placeholder.delete()
    SiteSettings.for_site(site)
    return home


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités"
    slug = "actualites"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Actualité {n}")
    slug = factory.Sequence(lambda n: f"actualite-{n}")
    chapo = "Un chapô qui résume l'article."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Le corps de l'article.</p>")])

    class Meta:
        model = NewsPage


class ResourceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Centre de ressources"
    slug = "ressources"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Ressource {n}")
    slug = factory.Sequence(lambda n: f"ressource-{n}")
    kind = "guide"
    year = 2024

    class Meta:
        model = ResourcePage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = "Territoires participatifs"
    slug = "territoires-participatifs"
    intro = "Un dossier."

    class Meta:
        model = TopicPage


def classify(page, themes=(), tags=()):
    """Give a page its themes and tags, then publish the change as an editor would."""
    page.themes.set(themes)
    page.tags.set(list(tags))
    page.save_revision().publish()
    return page


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rencontre {n}")
    slug = factory.Sequence(lambda n: f"rencontre-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=3))
    venue_name = "Maison de la vie associative"
    commune = "Lille"
    postal_code = "59000"

    class Meta:
        model = EventPage


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
    def publish(self, create, extracted, **kwargs):
        # Declared last: the revision holds the themes set above, and publishing saves them with it.
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


class JoinFormPageFactory(wagtail_factories.PageFactory):
    title = "Rejoindre le réseau"
    slug = "rejoindre"
    intro = "Présentez votre structure : l'équipe du réseau vous répond sous deux semaines."
    notify_emails = "reseau@example.org"
    acknowledgement_subject = "Nous avons bien reçu votre demande"
    acknowledgement_body = "Bonjour,\n\nVotre demande d'adhésion au réseau est bien arrivée. Nous vous répondons vite."

    class Meta:
        model = JoinFormPage


class JoinFormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Question {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = JoinFormField


DEPARTMENT_CHOICES = ["Aisne", "Nord", "Oise", "Pas-de-Calais", "Somme"]
THEME_CHOICES = ["Participation citoyenne", "Climat", "Mobilités"]


def add_join_form_fields(page):
    """The questions of the demo's join form, each with the role its answer plays; returns them in order."""
    kinds = "\n".join(str(label) for _value, label in Actor.Kind.choices)
    questions = [
        {"label": "Nom de la structure", "role": AnswerRole.STRUCTURE},
        {"label": "Type de structure", "field_type": "dropdown", "choices": kinds, "role": AnswerRole.KIND},
        {"label": "Commune", "role": AnswerRole.COMMUNE},
        {
            "label": "Département",
            "field_type": "dropdown",
            "choices": "\n".join(DEPARTMENT_CHOICES),
            "role": AnswerRole.DEPARTMENT,
        },
        {"label": "Nom et prénom du contact", "role": AnswerRole.CONTACT},
        {"label": "Courriel", "field_type": "email", "role": AnswerRole.EMAIL},
        {
            "label": "Téléphone",
            "required": False,
            "help_text": "Facultatif, pour vous rappeler si besoin.",
            "role": AnswerRole.PHONE,
        },
        {
            "label": "Motivation",
            "field_type": "multiline",
            "help_text": "Ce que votre structure souhaite apporter au réseau et y trouver.",
            "role": AnswerRole.MOTIVATION,
        },
        {
            "label": "Thèmes qui vous intéressent",
            "field_type": "checkboxes",
            "choices": "\n".join(THEME_CHOICES),
            "required": False,
            "role": AnswerRole.THEMES,
        },
    ]
    return [JoinFormFieldFactory(page=page, sort_order=order, **question) for order, question in enumerate(questions)]


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
