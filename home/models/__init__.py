from .base import BasePage
from .images import SiteImage, SiteRendition
from .mixins import ListingFieldsMixin, SocialFieldsMixin
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings
from .themes import Theme

__all__ = [
    "BasePage",
    "HomePage",
    "ListingFieldsMixin",
    "SiteImage",
    "SiteRendition",
    "SiteSettings",
    "SocialFieldsMixin",
    "StandardPage",
    "Theme",
]
