from .actors import Actor, ActorTag
from .directory import ActorDirectoryPage

__all__ = ["Actor", "ActorDirectoryPage", "ActorTag"]
