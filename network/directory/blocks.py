"""The network's map as a body block, for pages about the network (/reseau/ in the demo)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .models import ActorDirectoryPage
from .models.directory import network_map


class NetworkMapBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titre"), default="Le réseau sur la carte", max_length=150)

    class Meta:
        icon = "site"
        label = _("Carte du réseau")
        template = "blocks/network_map.html"
        description = _(
            "La carte des départements de la région avec le nombre d'acteurs de chacun et leurs communes ; "
            "chaque département mène à l'annuaire filtré."
        )
        preview_value = {"heading": "Le réseau sur la carte"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        directory_url = ActorDirectoryPage.url_for_request(request) if request else None
        # Without a published directory the departments would link nowhere: the block shows nothing.
        context["region_map"] = network_map(request, directory_url) if directory_url else None
        return context
