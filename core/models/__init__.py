from .base import BasePage
from .mixins import ListingFieldsMixin, SocialFieldsMixin
from .outbox import OutgoingEmail
from .site_settings import SiteSettings
from .themes import Theme

__all__ = ["BasePage", "ListingFieldsMixin", "OutgoingEmail", "SiteSettings", "SocialFieldsMixin", "Theme"]
