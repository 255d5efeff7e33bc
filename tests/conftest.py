import os
import shutil
from types import SimpleNamespace

import pytest
from pytest_django.fixtures import validate_django_db
from pytest_django.plugin import blocking_manager_key

from django.conf import settings
from django.core.cache import caches
from django.db import connections, transaction
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.db.backends.postgresql.operations import DatabaseOperations as PostgreSQLOperations

from home.factories import make_site_home
from pagecache.generation import invalidation_pending
from tests.database_rows import copy_rows, delete_rows_instead_of_truncating, put_rows_back
from tests.database_template import RUN_FOLDER_VARIABLE, TemplateBuilder, clone_instead_of_migrating, drop_with_force
from tests.demo_site import load_demo_site
from tests.faults.services import wait_until
from tests.smtp import SMTPServer, use_smtp_server

_KEEPS_MIGRATED_DATA = pytest.StashKey[bool]()
_TEMPLATE_BUILDER = pytest.StashKey[TemplateBuilder]()
# The migrated rows of each test database, by connection alias (see django_db_setup).
_MIGRATED_ROWS = {}


def _is_transactional(item):
    """Whether pytest-django runs `item` as a TransactionTestCase (its own rule, plugin.py)."""
    marker = item.get_closest_marker("django_db")
    transaction, reset_sequences = validate_django_db(marker)[:2] if marker else (False, False)
    fixtures = getattr(item, "fixturenames", ())
    return transaction or reset_sequences or "transactional_db" in fixtures or "live_server" in fixtures


def pytest_collection_modifyitems(items):
    """Every transactional test (live server, browser, fault suite) leaves the migrated data behind it.

    Such a test commits, and Django empties every table when it ends: Wagtail's root page and
    default site, the editorial groups, the « Relecture » workflow, the collections... all made by data
    migrations. Marked with a serialized rollback, its flush leaves post_migrate alone (which would
    otherwise recreate content types and permissions under new ids), and `pytest_runtest_teardown`
    below copies the migrated rows back right after the flush, so the next test on this worker,
    transactional or not, finds the database as the migrations left it, whatever order pytest-xdist
    hands the tests out in.
    """
    for item in items:
        if not _is_transactional(item):
            continue
        marker = item.get_closest_marker("django_db")
        kwargs = {**(marker.kwargs if marker else {}), "transaction": True, "serialized_rollback": True}
        item.add_marker(pytest.mark.django_db(**kwargs), append=False)
        item.stash[_KEEPS_MIGRATED_DATA] = True


def _makes_databases_from_migrations(config):
    return not config.getvalue("reuse_db") and not config.getvalue("nomigrations")


def pytest_sessionstart(session):
    """Under pytest-xdist, the main process has the test database migrated once, while its workers start.

    Each worker then copies it instead of running every migration itself (tests/database_template.py).
    """
    config = session.config
    if config.pluginmanager.getplugin("dsession") is not None and _makes_databases_from_migrations(config):
        config.stash[_TEMPLATE_BUILDER] = TemplateBuilder(settings.BASE_DIR)


def pytest_sessionfinish(session):
    builder = session.config.stash.get(_TEMPLATE_BUILDER, None)
    if builder is not None:
        builder.finish()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """A worker's test database, once named (test_…_gwN), is created as a copy of the run's template.

    With or without workers, a PostgreSQL test database is dropped at the end even if still in use.
    """
    drop_with_force(connections)
    if _makes_databases_from_migrations(request.config):
        clone_instead_of_migrating(connections)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test databases as the migrations left them, with a copy of their rows kept for the restore.

    Django's own snapshot (`_test_serialized_contents`) is reloaded object by object through the
    ORM, before and after every transactional test: about 0.5 s each time. The rows are copied here
    instead, table by table, and put back with one INSERT per table; Django's snapshot becomes an
    empty list, so its reload before each transactional test costs nothing (the data is already there).
    """
    with django_db_blocker.unblock():
        for connection in connections.all():
            if hasattr(connection, "_test_serialized_contents"):
                _MIGRATED_ROWS[connection.alias] = copy_rows(connection)
                connection._test_serialized_contents = "[]"
    return django_db_setup


# Emptying the tables after each transactional test: see tests/database_rows.py.
PostgreSQLOperations.sql_flush = delete_rows_instead_of_truncating


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush, the migrated data goes back (see pytest_collection_modifyitems).

    Not after the last test of the process: its teardown has also destroyed the test database, and
    the connection points at the configured database again.
    """
    try:
        return (yield)
    finally:
        if item.stash.get(_KEEPS_MIGRATED_DATA, False) and nextitem is not None:
            _restore_migrated_data(item.config)


def _is_test_database(connection):
    """Django renames the connection's database to its test one while the tests run (test_… on
    PostgreSQL, with the worker's suffix under pytest-xdist; in memory on SQLite)."""
    if connection.vendor == "sqlite":
        return connection.is_in_memory_db()
    return str(connection.settings_dict["NAME"]).startswith(TEST_DATABASE_PREFIX)


def _restore_migrated_data(config):
    with config.stash[blocking_manager_key].unblock():
        for connection in connections.all():
            if not _is_test_database(connection):
                raise RuntimeError(f"{connection.settings_dict['NAME']!r} is not the test database: left alone.")
            if connection.alias not in _MIGRATED_ROWS:
                raise RuntimeError(f"No copy of the migrated database {connection.alias!r} to restore.")
            put_rows_back(connection, _MIGRATED_ROWS[connection.alias])


@pytest.fixture(autouse=True, scope="session")
def _test_media_root():
    """Uploaded files go to a throwaway folder that the run removes when it ends.

    Under pytest-xdist it is the run's folder, which the main process removes once every worker is done.
    """
    yield
    if not os.environ.get(RUN_FOLDER_VARIABLE):
        shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content for a test module, in a transaction its end rolls back (tests/demo_site.py).

    `sent_emails` holds the emails its first load sent.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield SimpleNamespace(sent_emails=load_demo_site())
        transaction.set_rollback(True)


@pytest.fixture
def home_page(db):
    return make_site_home()


@pytest.fixture
def admin_search_index(settings):
    """The admin's search index kept up to date on every save, as on the site (config/settings/test.py)."""
    backends = settings.WAGTAILSEARCH_BACKENDS
    settings.WAGTAILSEARCH_BACKENDS = {**backends, "default": {**backends["default"], "AUTO_UPDATE": True}}


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
    """Wagtail caches renditions and site roots by id, and ids come back after a rollback.

    A test that ran with an unreachable cache may have left a page cache invalidation to retry: it
    lands within half a second on the test cache, and until then no page is served from the cache.
    """
    wait_until(lambda: not invalidation_pending(), 5, "invalidation du cache des pages toujours en attente")
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
