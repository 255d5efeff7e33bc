from .editorial import EditorialActor, EditorialPage, EditorialPageTag, PinnedPage
from .events import EventIndexPage, EventPage
from .news import NewsIndexPage, NewsPage
from .resources import ResourceDocument, ResourceIndexPage, ResourcePage
from .topics import TopicPage, TopicPageTag, TopicPinnedItem

__all__ = [
    "EditorialActor",
    "EditorialPage",
    "EditorialPageTag",
    "EventIndexPage",
    "EventPage",
    "NewsIndexPage",
    "NewsPage",
    "PinnedPage",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourcePage",
    "TopicPage",
    "TopicPageTag",
    "TopicPinnedItem",
]
