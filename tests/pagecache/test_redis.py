"""The core rules again with the production cache, Redis (database 14 of the local server, emptied around each test).

TEST_REDIS_URL names another database: two suites that run at once (a developer's on SQLite and
on PostgreSQL, say) must not empty each other's.
"""

import os

import pytest

from django.core.cache import cache

from config.settings.base import redis_cache
from tests.pagecache.test_expiry import (
    test_an_ongoing_event_moves_to_the_past_on_the_cached_agenda_and_home_page_when_it_ends,
    test_the_next_boundary_costs_one_query_then_none_until_it_passes,
)
from tests.pagecache.test_invalidation import (
    test_a_lost_generation_never_brings_old_pages_back,
    test_a_published_article_appears_on_the_news_index_and_the_home_page,
    test_an_actor_published_from_a_draft_changes_the_directory_and_its_page,
    test_an_unpublished_article_answers_404_and_leaves_the_listings,
)
from tests.pagecache.test_serving import (
    test_a_preview_shows_the_draft_not_the_cached_live_page,
    test_a_second_anonymous_visit_is_answered_without_any_query,
    test_a_signed_in_editor_is_never_served_or_stored_and_gets_private_pages,
)

# One Redis database for the module, emptied around each test: its tests must never run two at a
# time, hence one file per pytest-xdist worker (--dist loadfile, pyproject.toml).
pytestmark = [pytest.mark.redis, pytest.mark.django_db]

REDIS_TEST_DATABASE = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")

__all__ = [
    "test_a_lost_generation_never_brings_old_pages_back",
    "test_a_preview_shows_the_draft_not_the_cached_live_page",
    "test_a_published_article_appears_on_the_news_index_and_the_home_page",
    "test_a_second_anonymous_visit_is_answered_without_any_query",
    "test_a_signed_in_editor_is_never_served_or_stored_and_gets_private_pages",
    "test_an_actor_published_from_a_draft_changes_the_directory_and_its_page",
    "test_an_ongoing_event_moves_to_the_past_on_the_cached_agenda_and_home_page_when_it_ends",
    "test_an_unpublished_article_answers_404_and_leaves_the_listings",
    "test_the_next_boundary_costs_one_query_then_none_until_it_passes",
]


@pytest.fixture(autouse=True)
def redis_default_cache(settings):
    settings.CACHES = {"default": redis_cache(REDIS_TEST_DATABASE)}
    cache.clear()  # FLUSHDB on that database only
    yield
    cache.clear()


def test_the_pages_really_are_in_redis(client, site_with_listings):
    client.get("/")

    keys = cache.keys("pagecache:*")

    assert any(":page:" in key for key in keys)
    assert isinstance(cache.get("pagecache:generation"), int)
