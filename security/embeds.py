"""The video hosts editors may embed, in one list.

The embed finder accepts their addresses only, so the video block refuses any other site; the
Content-Security-Policy and the Permissions-Policy let the players of these hosts, and no other,
into the page's frames.
"""

from wagtail.embeds import oembed_providers
from wagtail.embeds.finders.oembed import OEmbedFinder

# Each host: the oEmbed description of the addresses editors paste, and the origins its player
# frames load from (YouTube's oEmbed answers with www.youtube.com; its privacy-enhanced player is
# on youtube-nocookie.com).
VIDEO_HOSTS = (
    (oembed_providers.youtube, ("https://www.youtube.com", "https://www.youtube-nocookie.com")),
    (oembed_providers.vimeo, ("https://player.vimeo.com",)),
)

VIDEO_PLAYER_ORIGINS = tuple(origin for _, origins in VIDEO_HOSTS for origin in origins)


class VideoEmbedFinder(OEmbedFinder):
    """Wagtail's oEmbed finder restricted to the video hosts above (by default it knows hundreds of sites)."""

    def __init__(self, options=None):
        super().__init__(providers=[provider for provider, _ in VIDEO_HOSTS], options=options)
