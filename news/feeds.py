"""RSS 2.0 and Atom feeds of a listing, filtered by the same filters as the page (its `filter_set`).

What feed readers and the W3C validator check: every Atom entry has an author, a filtered feed's
`rel="self"` keeps its filter, each entry carries its share image (`media:content`, Media RSS) and
its summary, and an entry's id never changes with the host, the scheme or the slug it is read under.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from core.models import SiteSettings
from core.site_address import tag_uri

FEED_LENGTH = 20
MEDIA_RSS = "http://search.yahoo.com/mrss/"
# The share image of an entry: the rendition the page's og:image already uses, so usually made.
SHARE_RENDITION = "fill-1200x630|format-jpeg"


class MediaFeedMixin:
    """Writes an item's `media` (url, type, width, height) as a Media RSS `media:content` element."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("media"):
            handler.addQuickElement("media:content", "", {"medium": "image", **item["media"]})


class MediaRssFeed(MediaFeedMixin, Rss201rev2Feed):
    pass


class MediaAtomFeed(MediaFeedMixin, Atom1Feed):
    pass


class ListingFeed(Feed):
    feed_type = MediaRssFeed

    def __init__(self, index_page, filters):
        super().__init__()
        self.index_page = index_page
        self.filters = filters
        self.publisher = SiteSettings.for_site(index_page.get_site()).display_name

    def title(self):
        suffix = " – ".join(self.filters.active.values())
        return f"{self.index_page.title} – {suffix}" if suffix else self.index_page.title

    def link(self):
        return self.index_page.url

    def feed_url(self):
        """This feed's own address, filters included; the page number is not a filter."""
        return self.feed_path() + self.filters.query_string

    def feed_path(self):
        return self.index_page.url + "rss/"

    def feed_guid(self):
        return tag_uri(f"feed:{self.index_page.pk}{self.filters.query_string}")

    def description(self):
        return self.index_page.intro or _("Les derniers contenus publiés sur %(site)s") % {"site": self.publisher}

    def author_name(self):
        return self.publisher

    def items(self):
        pages = self.index_page.listed_pages(self.filters).newest_first()
        pages = pages.select_related("social_image", "listing_image", "hero_image").prefetch_related(
            "themes", "social_image__renditions", "listing_image__renditions", "hero_image__renditions"
        )
        return pages[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.listing_summary or item.chapo or item.search_description

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        """`tag:<site domain>,2024:page:<id>`: it survives a new host, scheme or slug."""
        return tag_uri(f"page:{item.pk}")

    item_guid_is_permalink = False

    def item_author_name(self, item):
        return self.publisher

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return item.last_published_at or item.publication_date

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]

    def item_extra_kwargs(self, item):
        image = item.share_image
        if image is None:
            return {}
        rendition = image.get_rendition(SHARE_RENDITION)
        return {
            "media": {
                "url": rendition.full_url,
                "type": "image/jpeg",
                "width": str(rendition.width),
                "height": str(rendition.height),
            }
        }


class AtomListingFeed(ListingFeed):
    feed_type = MediaAtomFeed
    subtitle = ListingFeed.description

    def feed_path(self):
        return self.index_page.url + "atom/"
