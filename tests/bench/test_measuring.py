"""What `make bench` reads: the floor page, the servers' own query counts, wrk's summary, the verdicts."""

import pytest

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from bench.report import Row, flatness, table, targets
from bench.wrk import Load, parse
from core.models import SiteSettings

BENCH_TEMPLATES = settings.BASE_DIR / "bench" / "templates"
WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8000/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   210.50ms   80.10ms   1.20s    70.00%
    Req/Sec    19.50      5.00    30.00     80.00%
  Latency Distribution
     50%  812.00us
     75%  250.00ms
     90%  400.00ms
     99%    1.20s
  195 requests in 5.01s, 3.10MB read
  Non-2xx or 3xx responses: 4
  Socket errors: connect 0, read 1, write 0, timeout 2
Requests/sec:     38.92
Transfer/sec:    633.00KB
"""


@pytest.fixture
def bench_settings(settings):
    """What config.settings.bench adds; its templates by folder, as reloading the app registry is not an option."""
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], BENCH_TEMPLATES]}]
    settings.ROOT_URLCONF = "bench.urls"
    settings.MIDDLEWARE = ["bench.middleware.query_count_header", *settings.MIDDLEWARE]
    return settings


def test_floor_page_is_rendered_each_time_without_the_database(db, client, bench_settings, django_assert_num_queries):
    # The first page a process serves reads the site's settings once, for the security policy (the
    # map tiles' origin, security/csp.py); every later one reads no database. The settings exist, as
    # on any site that was set up (creating them would retire what the first page remembered).
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    client.get("/bench/floor/")
    with django_assert_num_queries(0):
        response = client.get("/bench/floor/")

    assert response.status_code == 200
    assert "Plancher de mesure" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]  # never a page cache hit, even with the cache on


def test_server_counts_its_queries_only_when_asked(client, bench_settings, news_index):
    with CaptureQueriesContext(connection) as captured:
        counted = client.get(news_index.url, headers={"X-Bench-Count-Queries": "1"})
    executed = len(captured)  # read now: the next request clears the connection's query log
    plain = client.get(news_index.url)

    assert int(counted["X-Bench-Queries"]) == executed > 0
    assert "X-Bench-Queries" not in plain


def test_bench_middleware_is_absent_from_the_real_settings():
    assert not any(name.startswith("bench.") for name in settings.MIDDLEWARE)
    assert "bench" not in settings.INSTALLED_APPS


def test_wrk_summary_is_read_in_milliseconds_whatever_its_units():
    load = parse(WRK_OUTPUT)

    assert load == Load(requests=195, requests_per_second=38.92, p50_ms=0.812, p99_ms=1200.0, failed=7)


def test_wrk_output_without_figures_is_an_error():
    with pytest.raises(ValueError, match="requests in"):
        parse("unable to connect to 127.0.0.1:8000 Connection refused")


def row(label, cpu_ms, queries, p50=10.0, p99=20.0):
    return Row(label, Load(100, 20.0, p50, p99, 0), cpu_ms, None, queries, 1000)


def test_summary_flags_page_types_whose_queries_or_cost_grow_with_the_site():
    small = {"sans cache": {"plancher": row("plancher", 1.0, 0), "article": row("article", 3.0, 20)}}
    small["avec cache"] = dict(small["sans cache"])
    grown = {"plancher": row("plancher", 1.0, 0), "article": row("article", 3.3, 20)}
    large = {"sans cache": grown, "avec cache": {**grown, "article": row("article", 3.0, 21, p99=40.0)}}

    summary = flatness(small, large, (1000, 20000)).splitlines()
    verdicts = targets(small, large, (1000, 20000))

    assert summary[2].split()[0] == "plancher" and summary[2].endswith("stable")
    assert "(+10%)" in summary[3] and summary[3].endswith("stable")
    assert "20 → 21" in summary[6] and summary[6].endswith("NON")
    assert "article sans cache ≤ 4.0× plancher : 3.3× — atteint" in verdicts
    assert "article avec cache ≤ 1.5× plancher : 3.0× — NON atteint" in verdicts
    assert "p99 < 3× p50 partout, avec cache : NON atteint : article (4.0)" in verdicts
    assert "stables de 1000 à 20000 contenus : NON atteint : article (avec cache)" in verdicts


def test_summary_compares_the_front_cache_with_the_same_bytes_from_disk():
    def served(label, requests_per_second, cpu_ms):
        return Row(label, Load(1000, requests_per_second, 1.0, 2.0, 0), cpu_ms, None, None, 16500)

    rendered = {"plancher": row("plancher", 1.0, 0), "article": row("article", 3.0, 20)}
    front = {"plancher": row("plancher", 1.2, 0), "article": served("article", 3000.0, 0.05)}
    front["article, fichier"] = served("article, fichier", 10000.0, 0.03)
    sizes = {"sans cache": rendered, "avec cache": rendered, "cache frontal": front}

    verdicts = targets(sizes, sizes, (1000, 20000))
    lines = table("cache frontal", front).splitlines()

    expected = "≥ 20% du même fichier statique : 30% (3000 / 10000 req/s, CPU 0.050 / 0.030 ms) — atteint"
    assert f"article par le cache frontal {expected}" in verdicts
    assert lines[4].startswith("article") and lines[4].split()[-2] == "–"  # never reached Django: no SQL count
