"""The site search's own index (one document per page or actor), its spelling vocabulary and the synonyms
that editors manage."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from network.directory.models import Actor

from .text import words


class SearchDocument(models.Model):
    """What the site search matches and ranks, in words folded as `search.text` makes them.

    Three parts weigh differently: the title (or an actor's name), the summary (summaries, introductions,
    tags, themes, commune) and the body. The full-text index over them lives beside the table, made by a
    migration for each database: a weighted `tsvector` column on PostgreSQL, an FTS5 table on SQLite.
    """

    page = models.OneToOneField(Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    actor = models.OneToOneField(Actor, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    result_type = models.CharField(max_length=20)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    title_length = models.PositiveIntegerField(default=1)
    date = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page__isnull=True) ^ models.Q(actor__isnull=True), name="search_document_one_owner"
            )
        ]

    def __str__(self):
        return self.title.strip()


class SpellingWord(models.Model):
    """A word the site's titles and summaries use, as written (with its accents), for « Vouliez-vous dire … ? »."""

    word = models.CharField(max_length=60, unique=True)
    folded = models.CharField(max_length=60, db_index=True)

    def __str__(self):
        return self.word


class Synonym(models.Model):
    """Words or expressions a visitor may type for one another (« ESS », « économie sociale et solidaire »)."""

    terms = models.TextField(
        _("termes équivalents"),
        help_text=_(
            "Un terme par ligne, mot ou expression : une recherche sur l'un trouve aussi les pages qui emploient "
            "les autres (par exemple « ESS » et « économie sociale et solidaire »)."
        ),
    )

    class Meta:
        verbose_name = _("synonyme")
        verbose_name_plural = _("synonymes")
        ordering = ["terms"]

    def __str__(self):
        return " = ".join(self.term_list())

    def term_list(self):
        return [line.strip() for line in self.terms.splitlines() if words(line)]

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Donnez au moins deux termes, un par ligne.")})
