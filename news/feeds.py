"""RSS 2.0 and Atom feeds of a listing, filtered by the same filters as the page (its `filter_set`)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class ListingFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page, filters):
        super().__init__()
        self.index_page = index_page
        self.filters = filters

    def title(self):
        suffix = " – ".join(self.filters.active.values())
        return f"{self.index_page.title} – {suffix}" if suffix else self.index_page.title

    def link(self):
        return self.index_page.url

    def description(self):
        return self.index_page.intro or _("Les derniers contenus publiés sur %(site)s") % {
            "site": self.index_page.get_site().site_name
        }

    def items(self):
        return self.index_page.listed_pages(self.filters).newest_first().prefetch_related("themes")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.listing_summary or item.chapo

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return item.last_published_at or item.publication_date

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class AtomListingFeed(ListingFeed):
    feed_type = Atom1Feed
    subtitle = ListingFeed.description
