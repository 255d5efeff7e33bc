"""A small site with one object of every kind the admin's URLs name, and a user for each role.

Built once for the role matrix (tests/home/test_admin_role_matrix.py): a page of each type, an article
waiting in « Relecture », an actor, a theme, a join request with its email, a subscriber, an event taking
registrations on the site with one registration, an image, a
document, an upload in progress, a collection, a redirect, a promoted search, the workflow, its task…
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, UploadedFile, Workflow

from core.factories import ThemeFactory
from core.models import OutgoingEmail, SiteSettings
from home.factories import StandardPageFactory, make_site_home
from images.factories import ImageFactory
from network.directory.factories import ActorDirectoryPageFactory, ActorFactory
from network.membership.factories import JoinFormPageFactory, add_join_form_fields
from network.membership.models import MembershipRequest
from network.newsletter.factories import NewsletterIndexPageFactory, NewsletterPageFactory, SubscriberFactory
from news.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    TopicPageFactory,
)
from news.registrations import add_by_hand
from search.models import Synonym

ROLES = ("anonyme", "Rédacteurs", "Modérateurs", "Administrateurs")
PASSWORD = "mot-de-passe-solide"  # noqa: S105 (a test account's)


@dataclass
class AdminSite:
    users: dict
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError as error:
            raise AttributeError(name) from error


def member_of(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@exemple.org", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def build_admin_site():
    from wagtail_factories import DocumentFactory

    from news.models import ResourceDocument

    users = {
        "anonyme": None,
        "Rédacteurs": member_of("Rédacteurs", "matrice-redaction"),
        "Modérateurs": member_of("Modérateurs", "matrice-moderation"),
        "Administrateurs": member_of("Administrateurs", "matrice-administration"),
    }
    site = AdminSite(users=users)
    o = site.objects
    o["home"] = home = make_site_home()
    o["site"] = home.get_site()
    o["settings"] = SiteSettings.for_site(o["site"])
    o["theme"] = theme = ThemeFactory()
    # A tag nothing uses yet: the one « Étiquettes » may delete (a used one is merged, never deleted).
    o["tag"] = Tag.objects.create(name="étiquette à ranger", slug="etiquette-a-ranger")
    o["synonym"] = Synonym.objects.create(terms="ESS\néconomie sociale et solidaire")
    root_collection = Collection.get_first_root_node()
    o["collection"] = root_collection.add_child(name="Photothèque des rencontres")
    # The Rédacteur's uploads, each used by a live page: the hero image of an article, a resource's file.
    o["image"] = ImageFactory(collection=root_collection, uploaded_by_user=users["Rédacteurs"])
    o["document"] = DocumentFactory(
        title="Guide de la concertation", collection=root_collection, uploaded_by_user=users["Rédacteurs"]
    )
    o["news_index"] = news_index = NewsIndexPageFactory(parent=home)
    o["news"] = NewsPageFactory(parent=news_index, hero_image=o["image"])
    o["event_index"] = event_index = EventIndexPageFactory(parent=home)
    o["event"] = EventPageFactory(parent=event_index)
    o["registration_event"] = registration_event = EventPageFactory(
        parent=event_index, title="Rencontre avec inscription", registration_mode="site", capacity=10
    )
    o["registration"] = add_by_hand(
        registration_event,
        name="Dominique Inscrite",
        email="dominique@inscrite.example",
        structure="Les Jardins partagés de Fives",
        consent_text=registration_event.registration_consent_text,
        notify=False,
    ).registration
    o["resource_index"] = resource_index = ResourceIndexPageFactory(parent=home)
    o["resource"] = resource = ResourcePageFactory(parent=resource_index)
    resource.documents.add(ResourceDocument(document=o["document"], title=""))
    resource.save_revision().publish()
    o["topic"] = TopicPageFactory(parent=home)
    o["network"] = network = StandardPageFactory(parent=home, title="Le réseau", slug="reseau")
    o["directory"] = ActorDirectoryPageFactory(parent=network)
    o["join_form"] = join_form = JoinFormPageFactory(parent=network)
    add_join_form_fields(join_form)
    o["newsletter_index"] = newsletter_index = NewsletterIndexPageFactory(parent=home)
    o["letter"] = NewsletterPageFactory(parent=newsletter_index)
    o["actor"] = ActorFactory(themes=[theme])
    o["subscriber"] = SubscriberFactory(themes=[theme])
    o["join_request"] = join_request = MembershipRequest.objects.create(
        page=join_form,
        form_data={"nom_de_la_structure": "Les Jardins partagés de Fives", "courriel": "camille@jardins.example"},
        consent_text="J'accepte que mes réponses servent à étudier ma demande.",
        consent_at=timezone.now(),
        email="camille@jardins.example",
        structure_name="Les Jardins partagés de Fives",
    )
    o["outgoing_email"] = OutgoingEmail.objects.create(
        to="camille@jardins.example", subject="Votre demande", body="Merci.", about=join_request
    )
    # What staff did with them stays in the admin's history, under the person's name or address.
    log(join_request, "wagtail.edit", user=users["Modérateurs"])
    log(o["subscriber"], "wagtail.edit", user=users["Modérateurs"])

    # An article written by the Rédacteur, waiting for a Modérateur in « Relecture ».
    o["draft"] = draft = NewsPageFactory(parent=news_index, title="Article en relecture", slug="en-relecture")
    draft.unpublish()
    o["revision"] = draft.save_revision(user=users["Rédacteurs"])
    o["workflow"] = workflow = Workflow.objects.get(name="Relecture")
    o["workflow_state"] = state = workflow.start(draft, users["Rédacteurs"])
    o["task_state"] = state.current_task_state
    o["task"] = state.current_task_state.task
    # A change to the actor's card, in « Relecture » too.
    o["actor"].save_revision(user=users["Rédacteurs"])
    o["actor_state"] = actor_state = workflow.start(o["actor"], users["Rédacteurs"])
    o["actor_task_state"] = actor_state.current_task_state

    o["redirect"] = Redirect.objects.create(old_path="/ancienne-adresse", redirect_page=o["news"])
    o["query"] = query = Query.get("budget participatif")
    SearchPromotion.objects.create(query=query, page=o["news"], sort_order=0)
    o["target_user"] = get_user_model().objects.create_user("matrice-cible", "cible@exemple.org", PASSWORD)
    o["group"] = Group.objects.get(name="Rédacteurs")
    o["uploaded_image"] = UploadedFile.objects.create(
        file=ContentFile(b"x", name="envoi.png"),
        for_content_type=ContentType.objects.get_for_model(get_image_model()),
        uploaded_by_user=users["Rédacteurs"],
    )
    o["uploaded_document"] = UploadedFile.objects.create(
        file=ContentFile(b"x", name="envoi.pdf"),
        for_content_type=ContentType.objects.get_for_model(get_document_model()),
        uploaded_by_user=users["Rédacteurs"],
    )
    return site
