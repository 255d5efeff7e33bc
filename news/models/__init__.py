from .editorial import EditorialActor, EditorialPage, EditorialPageTag, PinnedPage
from .events import EventIndexPage, EventPage, RegistrationMode
from .news import NewsIndexPage, NewsPage
from .registrations import EventSeats, Registration, RegistrationQuestion
from .resources import ResourceDocument, ResourceIndexPage, ResourcePage
from .topics import TopicPage, TopicPageTag, TopicPinnedItem

__all__ = [
    "EditorialActor",
    "EditorialPage",
    "EditorialPageTag",
    "EventIndexPage",
    "EventPage",
    "EventSeats",
    "NewsIndexPage",
    "NewsPage",
    "PinnedPage",
    "Registration",
    "RegistrationMode",
    "RegistrationQuestion",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourcePage",
    "TopicPage",
    "TopicPageTag",
    "TopicPinnedItem",
]
