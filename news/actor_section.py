"""« Ses contenus » on an actor's page: the editorial pages that name the actor, newest first."""

from .models import EditorialPage

MAX_CONTENTS = 12


def actor_contents(actor):
    contents = EditorialPage.objects.visible().linking_actor(actor).newest_first().for_cards()[:MAX_CONTENTS]
    return {"actor_contents": list(contents)}
