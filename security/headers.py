"""Permissions-Policy: the browser features the site never uses are switched off for it and its frames."""

from security.embeds import VIDEO_PLAYER_ORIGINS

DENIED_FEATURES = (
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
# What the video players ask for in their frames' `allow` attribute to play, go full screen or
# float: kept for the site and handed on to the players, and to no other frame.
VIDEO_FEATURES = ("autoplay", "encrypted-media", "fullscreen", "picture-in-picture")


def permissions_policy():
    video_allowlist = " ".join(["self", *(f'"{origin}"' for origin in VIDEO_PLAYER_ORIGINS)])
    denied = [f"{feature}=()" for feature in DENIED_FEATURES]
    for_videos = [f"{feature}=({video_allowlist})" for feature in VIDEO_FEATURES]
    return ", ".join(denied + for_videos)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy()

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
