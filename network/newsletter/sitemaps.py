"""The subscription page in the sitemap: a Django view, not a page of the tree that Wagtail lists."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class NewsletterSitemap(Sitemap):
    def items(self):
        return ["newsletter:subscribe"]

    def location(self, item):
        return reverse(item)
