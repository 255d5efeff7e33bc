from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .encoding import apply_avif_encoding_speed


class ImagesConfig(AppConfig):
    """The media library's own image, rendition and document models, swapped in for Wagtail's."""

    name = "images"
    verbose_name = _("Médiathèque")

    def ready(self):
        # Before Wagtail's apps register their own policy for these models: the exact class wins.
        from wagtail.permissions import register_permission_policy

        from .models import SiteDocument, SiteImage
        from .permissions import LiveMediaPermissionPolicy

        for model, auth_model in ((SiteImage, "wagtailimages.Image"), (SiteDocument, "wagtaildocs.Document")):
            policy = LiveMediaPermissionPolicy(model, auth_model=auth_model, owner_field_name="uploaded_by_user")
            register_permission_policy(model, policy, exact_class=True)
        apply_avif_encoding_speed()
