"""A transactional test leaves the data made by migrations as it found it (tests/conftest.py).

Its flush empties every table; the next test on the same pytest-xdist worker, whatever its kind,
must still find Wagtail's root page and default site, the editorial groups, the « Relecture »
workflow and the root collection. The tests run in the order of their names (conftest.py here).
"""

from django.contrib.auth.models import Group

from wagtail.models import Collection, Page, Site, Workflow

EDITORIAL_GROUPS = {"Rédacteurs", "Modérateurs", "Administrateurs"}


def assert_migrated_data():
    assert Site.objects.filter(is_default_site=True, root_page__depth=2).exists()
    assert set(Group.objects.values_list("name", flat=True)) >= EDITORIAL_GROUPS
    assert Workflow.objects.filter(name="Relecture").exists()
    assert Collection.get_first_root_node() is not None


def test_1_a_transactional_test_commits_changes_then_its_tables_are_flushed(transactional_db):
    assert_migrated_data()
    Page.objects.filter(depth__gt=1).delete()
    Group.objects.all().delete()


def test_2_a_test_in_a_transaction_then_finds_the_migrated_data(db):
    assert_migrated_data()


def test_3_a_transactional_test_finds_it_too_and_flushes_again(transactional_db):
    assert_migrated_data()
    Workflow.objects.all().delete()


def test_4_and_the_next_test_still_finds_it(db):
    assert_migrated_data()
