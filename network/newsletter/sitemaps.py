"""The subscription page in the sitemap: a Django view, not a page of the tree that Wagtail lists."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from wagtail.models import Site


class NewsletterSitemap(Sitemap):
    """At the same address as the pages Wagtail lists: the site's root URL, not the request's host."""

    def __init__(self, request):
        site = Site.find_for_request(request)
        self.root = urlsplit(site.root_url) if site else None

    def items(self):
        return ["newsletter:subscribe"]

    def location(self, item):
        return reverse(item)

    def get_protocol(self, protocol=None):
        return self.root.scheme if self.root else super().get_protocol(protocol)

    def get_domain(self, site=None):
        return self.root.netloc if self.root else super().get_domain(site)
