"""The admin form every page of the site is edited with."""

from django.utils.text import slugify

from wagtail.admin.forms import WagtailAdminPageForm


class SitePageForm(WagtailAdminPageForm):
    """A new page whose address, derived from its title, is taken by a sibling gets the next free one.

    The admin saves a new page as a draft as soon as its title is typed; an editor who abandons it and
    starts again with the same title would otherwise meet « this slug is already in use ». An address
    the editor typed by hand is theirs: it keeps its error, so they choose.
    """

    def clean(self):
        slug = self.cleaned_data.get("slug")
        derived = bool(slug) and slug == slugify(self.cleaned_data.get("title", ""))
        if derived and self.instance.pk is None and self.parent_page is not None:
            self.cleaned_data["slug"] = self._free_slug(slug)
        return super().clean()

    def _free_slug(self, slug):
        taken = set(self.parent_page.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
        candidate, number = slug, 2
        while candidate in taken:
            candidate, number = f"{slug}-{number}", number + 1
        return candidate
