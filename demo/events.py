"""Demo agenda: the network's meetings since 2022, and upcoming events dated from the day the demo is loaded.

The events are in demo/data/events.yaml. Like the other steps of `load_demo`, this one creates what is missing
and leaves existing pages as they are: an upcoming event is dated once, when it is created, and keeps its dates
on later runs.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from home.models import HomePage
from news.factories import EventIndexPageFactory
from news.models import EditorialPage, EventIndexPage, EventPage, NewsIndexPage, RegistrationQuestion
from news.registrations import register

from .body import body
from .editorial import PARIS, editorial, pin
from .files import read
from .tree import ensure_child

ANNOUNCED_DAYS_BEFORE = 28  # an event is announced four weeks before it starts
# Fields of a data entry that the loader reads itself; every other field goes to the page as it is.
OWN_FIELDS = {
    "slug",
    "title",
    "starts",
    "ends",
    "image",
    "themes",
    "tags",
    "summary",
    "chapo",
    "body",
    "registration_questions",
}


def upcoming_day(days):
    """The day `days` after today, in local time: when an upcoming demo event created today starts."""
    return timezone.localdate() + timedelta(days=days)


def day_of(moment):
    """The day of a data entry's `{date: …}` or `{in_days: N}` (N days after the demo is loaded)."""
    return moment["date"] if "date" in moment else upcoming_day(moment["in_days"])


def _datetime(moment):
    hour = moment.get("time")
    return datetime.combine(day_of(moment), time.fromisoformat(hour) if hour else time.min, tzinfo=PARIS)


def _event(entry):
    starts_at, ends_at = _datetime(entry["starts"]), _datetime(entry["ends"])
    announced = min(starts_at.date() - timedelta(days=ANNOUNCED_DAYS_BEFORE), timezone.localdate() - timedelta(1))
    fields = {name: value for name, value in entry.items() if name not in OWN_FIELDS}
    if "registration_closes_days_before" in fields:
        fields["registration_closes_at"] = starts_at - timedelta(days=fields.pop("registration_closes_days_before"))
    # An event without times lasts whole days: the page's clean(), run on save, stretches it from the first
    # moment of its first day to the last moment of its last day, as when an editor ticks « toute la journée ».
    fields["all_day"] = "time" not in entry["starts"]
    # The model itself rather than EventPageFactory, whose defaults give every event a venue: online events have none.
    return editorial(
        EventPage,
        {**entry, "published": announced},
        "event",
        starts_at=starts_at,
        ends_at=ends_at,
        body=body(entry["body"]),
        registration_questions=[
            RegistrationQuestion(**question) for question in entry.get("registration_questions", [])
        ],
        **fields,
    )


def _agenda(home):
    """The site's one agenda (whatever its slug), created right after the news in the main menu if missing."""

    existing = home.get_children().type(EventIndexPage).specific().first()
    if existing:
        return existing, False
    agenda = ensure_child(home, EventIndexPageFactory.build(**read("events")["agenda"]))
    news_index = home.get_children().type(NewsIndexPage).first()
    if news_index:
        agenda.move(news_index, pos="right")
        agenda.refresh_from_db()
    return agenda, True


def _add_home_section(home, agenda):
    """« Prochains événements » on the home page, after the latest news, unless it lists events already."""
    if home.has_unpublished_changes:
        return False  # an editor's draft is left alone
    if any(block.block_type == "latest_content" and block.value["content_type"] == "evenements" for block in home.body):
        return False
    after_news = [
        index
        for index, block in enumerate(home.body)
        if block.block_type == "latest_content" and block.value["content_type"] == "actualites"
    ]
    section = {"title": "Prochains événements", "content_type": "evenements", "count": 3, "link": agenda}
    home.body.insert(after_news[0] + 1 if after_news else 0, ("latest_content", section))
    home.save_revision().publish()
    return True


def _load_registrations(events, people_by_event):
    """The sample registrations, through the seat service (seats, then the waiting list), never emailed.

    Known by address: on a later run each one is found again and nothing is added.
    """
    before = sum(event.registrations.count() for event in events.values())
    for slug, people in people_by_event.items():
        event = events[slug]
        if not event.registration_open():
            continue  # loaded again after the event: its sample registrations are history
        for person in people:
            register(event, consent_text=event.registration_consent_text, notify=False, **person)
    return sum(event.registrations.count() for event in events.values()) - before


def load_events(stdout):

    home = HomePage.objects.first()
    agenda, agenda_created = _agenda(home)
    before = EventPage.objects.count()
    data = read("events")
    events = {entry["slug"]: ensure_child(agenda, _event(entry)) for entry in data["events"]}
    created = EventPage.objects.count() - before
    # Editors' picks: each past meeting points to the article that reported on it.
    reports = {page.slug: page for page in EditorialPage.objects.filter(slug__in=sum(data["pins"].values(), []))}
    pinned = 0
    for slug, pins in data["pins"].items():
        targets = [reports[target] for target in pins if target in reports]
        if targets:
            pinned += pin(events[slug], "pinned_pages", targets)
    registrations = _load_registrations(events, data["registrations"])
    section = agenda_created and _add_home_section(home, agenda)
    upcoming = EventPage.objects.live().descendant_of(agenda).upcoming_events(timezone.now()).count()
    stdout.write(
        f"Agenda : {created} événement(s) créé(s) ({upcoming} à venir), {pinned} sélection(s) épinglée(s), "
        f"{registrations} inscription(s) d'exemple"
        + (" ; rubrique « Prochains événements » ajoutée à l'accueil." if section else ".")
    )
