from .actors import Actor, ActorTag
from .directory import ActorDirectoryPage
from .membership import AnswerRole, JoinFormField, JoinFormPage, MembershipRequest
from .outbox import OutgoingEmail

__all__ = [
    "Actor",
    "ActorDirectoryPage",
    "ActorTag",
    "AnswerRole",
    "JoinFormField",
    "JoinFormPage",
    "MembershipRequest",
    "OutgoingEmail",
]
