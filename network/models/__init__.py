from .actors import Actor, ActorTag
from .directory import ActorDirectoryPage
from .membership import AnswerRole, JoinFormField, JoinFormPage, MembershipRequest
from .newsletter import NewsletterDelivery, NewsletterIndexPage, NewsletterItem, NewsletterPage, Subscriber
from .outbox import OutgoingEmail

__all__ = [
    "Actor",
    "ActorDirectoryPage",
    "ActorTag",
    "AnswerRole",
    "JoinFormField",
    "JoinFormPage",
    "MembershipRequest",
    "NewsletterDelivery",
    "NewsletterIndexPage",
    "NewsletterItem",
    "NewsletterPage",
    "OutgoingEmail",
    "Subscriber",
]
