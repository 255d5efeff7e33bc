import shutil

import pytest

from django.conf import settings
from django.core.cache import caches

from home.factories import make_site_home
from tests.smtp import SMTPServer, use_smtp_server


@pytest.fixture(autouse=True, scope="session")
def _test_media_root():
    """Uploaded files go to a throwaway folder that the run removes when it ends."""
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def home_page(db):
    return make_site_home()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaction", "redaction@example.org", "mot-de-passe-solide")
    client.force_login(user)
    return client


@pytest.fixture
def news_index(home_page):
    from news.factories import NewsIndexPageFactory

    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def resource_index(home_page):
    from news.factories import ResourceIndexPageFactory

    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Wagtail caches renditions and site roots by id, and ids come back after a rollback."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def event_index(home_page):
    from news.factories import EventIndexPageFactory

    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1, on a free port, that keeps what it receives (tests/smtp.py).

    Plain: Django is not pointed at it; use `smtp_delivery`, or `use_smtp_server(settings, smtp_server)`.
    """
    server = SMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def smtp_delivery(smtp_server, settings):
    """Django sends its email to `smtp_server` over SMTP, in the test thread and the live server's; returns it."""
    use_smtp_server(settings, smtp_server)
    return smtp_server


@pytest.fixture
def network_section(home_page):
    from home.factories import StandardPageFactory

    return StandardPageFactory(parent=home_page, title="Le réseau", slug="reseau")


@pytest.fixture
def directory(network_section):
    """The actors directory at /reseau/annuaire/, which actor pages and search results link to."""
    from network.directory.factories import ActorDirectoryPageFactory

    return ActorDirectoryPageFactory(parent=network_section)
