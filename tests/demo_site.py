"""The demo site as `load_demo` leaves it, for the tests that read it or load the demo over it.

A first load takes about 5 s of CPU (pictures are drawn, hundreds of revisions written), and the
renditions its pages show about 15 s more; it is done once per test process and its rows put back for
every later test (tests/database_rows.py).
"""

from io import StringIO

import pytest

from django.core import mail
from django.core.management import call_command

from wagtail.models import Page

from network.directory.models import Actor
from tests.database_rows import built_once, make_renditions

# The editorial accounts' password (DJANGO_DEMO_PASSWORD); the administrator's is generated.
DEMO_PASSWORD = "mot-de-passe-de-demo"


def load_demo_site():
    """The demo loaded with the default administrator and DJANGO_DEMO_PASSWORD for the editorial accounts.

    Returns the emails sent while it first loaded: Django's test outbox is emptied before each test,
    so a test could not see them otherwise.
    """
    return built_once("demo", _load_demo)


def demo_addresses():
    """The address of every live page of the demo (the root's aside) and of every published actor."""
    paths = [page.url for page in Page.objects.live().specific() if page.depth > 1]
    return paths + [f"/reseau/annuaire/{actor.slug}/" for actor in Actor.objects.published()]


def _load_demo():
    with pytest.MonkeyPatch.context() as environment:
        environment.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
        environment.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
        environment.setenv("DJANGO_DEMO_PASSWORD", DEMO_PASSWORD)
        mail.outbox = []
        call_command("load_demo", stdout=StringIO())
        sent = list(mail.outbox)
    make_renditions(demo_addresses())
    return sent
