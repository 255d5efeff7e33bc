from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    """The media library's own image, rendition and document models, swapped in for Wagtail's."""

    name = "images"
    verbose_name = _("Médiathèque")
