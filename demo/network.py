"""Demo network: the actors, the directory and join form under /reseau/, links from editorial pages, requests.

The content is in demo/data/actors.yaml and demo/data/network.yaml. Like the other steps of `load_demo`, it creates
what is missing and leaves alone what exists (an actor, a page's actor links, a sample request), so running it
again changes nothing.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from core.models import Theme
from home.models import HomePage
from network.directory.factories import ActorDirectoryPageFactory, ActorFactory
from network.directory.models import Actor
from network.membership.factories import JoinFormFieldFactory, JoinFormPageFactory
from network.membership.models import AnswerRole, MembershipRequest
from news.models import EditorialActor, EditorialPage, EventPage

from .events import day_of
from .files import read
from .images import demo_logo
from .tree import ensure_child

PARIS = ZoneInfo("Europe/Paris")


def _logo(actor):
    initials, colour = actor["logo"]["initials"], actor["logo"]["colour"]
    name, slug = actor["name"], actor["slug"]
    return demo_logo(f"Logo – {name}", f"Logo de {name}", initials, colour, f"logo-{slug}.png")


def _load_actors():
    existing = set(Actor.objects.values_list("slug", flat=True))
    themes_by_slug = {theme.slug: theme for theme in Theme.objects.all()}
    created = 0
    for actor in read("actors")["actors"]:
        if actor["slug"] in existing:
            continue
        fields = {name: value for name, value in actor.items() if name != "logo"}
        fields["themes"] = [themes_by_slug[slug] for slug in actor["themes"] if slug in themes_by_slug]
        # As written in the file: a float's binary digits would exceed the field's six decimals.
        fields.update({name: Decimal(str(actor[name])) for name in ("latitude", "longitude") if name in actor})
        ActorFactory(**fields, logo=_logo(actor) if "logo" in actor else None)
        created += 1
    return created


def _join_page(directory):
    data = read("network")
    choices = {
        AnswerRole.KIND: [str(label) for _value, label in Actor.Kind.choices],
        AnswerRole.DEPARTMENT: data["departments"],
        AnswerRole.THEMES: list(Theme.objects.order_by("sort_order", "name").values_list("name", flat=True)),
    }
    # Dropdown and checkbox choices come from the actor kinds, the departments and the site's themes, so
    # answers match the directory's filters.
    fields = [
        JoinFormFieldFactory.build(
            **{"help_text": "", **field}, choices="\n".join(choices.get(field["role"], [])), sort_order=order
        )
        for order, field in enumerate(data["join_form_fields"])
    ]
    page = dict(data["join_page"])
    page["thank_you_text"] = page["thank_you_text"].replace("{directory_id}", str(directory.pk))
    return JoinFormPageFactory.build(**page, form_fields=fields)


def _point_home_at(join_page, network):
    """The home page's « Rejoindre le réseau » call went to the network page until the form existed."""
    home = HomePage.objects.first()
    if home.join_page_id in (None, network.pk):
        home.join_page = join_page
        home.save_revision().publish()


def _link_actors(page, links, actors):
    """Link a page to its actors once; a page with links, or with a draft in progress, is left to its editors."""
    if page.linked_actors.exists() or page.has_unpublished_changes:
        return 0
    found = [EditorialActor(actor=actors[slug], role=role) for slug, role in links.items() if slug in actors]
    if not found:
        return 0
    page.linked_actors = found
    page.save_revision().publish()
    return 1


def _link_editorial_pages(actors):
    """Editorial pages found by slug, the network's events by the day they start (whatever their slug)."""
    data = read("network")
    pages = EditorialPage.objects.live().filter(slug__in=data["page_links"]).specific()
    linked = sum(_link_actors(page, data["page_links"][page.slug], actors) for page in pages)
    for event_links in data["event_links"]:
        for event in EventPage.objects.live().filter(starts_at__date=day_of(event_links)):
            linked += _link_actors(event, event_links["actors"], actors)
    return linked


def _record_request(join_page, answers, submitted, **decision):
    """A request saved as the form saves one (answers by field name, roles, consent), without any email."""
    roles = {field.clean_name: field.role for field in join_page.get_form_fields() if field.role}
    membership_request = MembershipRequest.objects.create(
        page=join_page,
        form_data={name: answers[role] for name, role in roles.items()},
        roles=roles,
        consent_text=join_page.consent_text,
        consent_at=submitted,
        email=answers[AnswerRole.EMAIL],
        structure_name=answers[AnswerRole.STRUCTURE],
        kind=answers[AnswerRole.KIND],
        department=answers[AnswerRole.DEPARTMENT],
        **decision,
    )
    # submit_time is set on creation; moved back so the list reads like requests that came in over time.
    MembershipRequest.objects.filter(pk=membership_request.pk).update(submit_time=submitted)


def _load_membership_requests(join_page):
    """The sample requests not recorded yet, known by structure name: retention may later erase the email."""
    recorded = set(MembershipRequest.objects.values_list("structure_name", flat=True))
    created = 0
    at_ten = time(10, tzinfo=PARIS)
    for request in read("network")["requests"]:
        answers = request["answers"]
        if answers[AnswerRole.STRUCTURE] in recorded:
            continue
        if "days_ago" in request:  # waiting for staff, sent a few days before the demo is loaded
            _record_request(join_page, answers, timezone.now() - timedelta(days=request["days_ago"]))
            created += 1
            continue
        # Accepted the day its actor joined the directory.
        actor = Actor.objects.filter(slug=request["accepted_as"]).first()
        if actor:
            _record_request(
                join_page,
                answers,
                datetime.combine(request["submitted_on"], at_ten),
                status=MembershipRequest.Status.ACCEPTED,
                decided_at=datetime.combine(actor.member_since or request["submitted_on"], at_ten),
                actor=actor,
            )
            created += 1
    return created


def load_network(stdout):

    actors_created = _load_actors()
    network = HomePage.objects.first().get_children().get(slug="reseau").specific
    directory = ensure_child(network, ActorDirectoryPageFactory.build(**read("network")["directory"]))
    join_page_existed = network.get_children().filter(slug="rejoindre").exists()
    join_page = ensure_child(network, _join_page(directory))
    if not join_page_existed:
        _point_home_at(join_page, network)
    linked = _link_editorial_pages({actor.slug: actor for actor in Actor.objects.published()})
    requests = _load_membership_requests(join_page)
    stdout.write(
        f"Réseau : {actors_created} acteur(s) créé(s) ({Actor.objects.published().count()} publiés), "
        f"{linked} contenu(s) relié(s) à des acteurs, {requests} demande(s) d'adhésion d'exemple ; "
        f"annuaire sur {directory.url} et formulaire sur {join_page.url}."
    )
