"""« Ses contenus » on an actor's page: the editorial pages that name the actor, newest first."""

from .models import EditorialPage

MAX_CONTENTS = 12


def actor_contents(actor):
    """Unevaluated: the page reads it only when its rendered list is not kept already (pagecache fragments)."""
    contents = EditorialPage.objects.visible().linking_actor(actor).newest_first().for_cards()
    return {"actor_contents": contents[:MAX_CONTENTS]}
