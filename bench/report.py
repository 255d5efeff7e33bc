"""The benchmark's tables: one per size and cache setting, then how flat costs stay as the site grows."""

from dataclasses import dataclass

from .wrk import Load

FLOOR = "plancher"
ARTICLE = "article"
FRONT = "cache frontal"
STATIC_COPY = "article, fichier"  # the article's bytes as a static file, behind the front cache
# Behind the front cache, a cached article is served at this share of the same bytes from disk at least.
FRONT_SHARE_OF_STATIC = 0.2
FLAT_RATIO_SPREAD = 0.20  # a CPU ratio within ±20% between the two sizes counts as flat
TARGETS = {"sans cache": 4.0, "avec cache": 1.5}  # article CPU per request, in floors
MAX_P99_OVER_P50 = 3.0


@dataclass
class Row:
    label: str
    load: Load
    cpu_ms: float
    db_cpu_ms: float | None  # PostgreSQL's own work for the same requests; None on SQLite (in-process)
    queries: int
    size: int

    def floor_ratio(self, floor):
        return self.cpu_ms / floor.cpu_ms if floor.cpu_ms else float("nan")

    @property
    def spread(self):
        return self.load.p99_ms / self.load.p50_ms if self.load.p50_ms else float("nan")


def table(title, rows):
    floor = rows[FLOOR]
    header = (
        f"{'type de page':<22}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms':>8}{'×plancher':>10}"
        f"{'p99/p50':>8}{'CPU BD ms':>10}{'SQL':>5}{'octets':>9}"
    )
    lines = [title, header, "-" * len(header)]
    for row in rows.values():
        db_cpu = f"{row.db_cpu_ms:.2f}" if row.db_cpu_ms is not None else "–"
        queries = row.queries if row.queries is not None else "–"  # answered by the front cache
        lines.append(
            f"{row.label:<22}{row.load.requests_per_second:>8.1f}{row.load.p50_ms:>9.1f}{row.load.p99_ms:>9.1f}"
            f"{row.cpu_ms:>8.2f}{row.floor_ratio(floor):>10.1f}{row.spread:>8.1f}{db_cpu:>10}"
            f"{queries:>5}{row.size:>9}"
        )
    return "\n".join(lines)


def compare(small_rows, large_rows, label):
    """(CPU ratio at the small size, at the large size, relative change, flat?) for one page type."""
    before, after = small_rows[label], large_rows[label]
    ratio_before, ratio_after = before.floor_ratio(small_rows[FLOOR]), after.floor_ratio(large_rows[FLOOR])
    change = ratio_after / ratio_before - 1
    return ratio_before, ratio_after, change, before.queries == after.queries and abs(change) <= FLAT_RATIO_SPREAD


def flatness(small, large, sizes):
    """Query counts and CPU ratios of each page type at both sizes, for each cache setting."""
    lines = [f"Stabilité de {sizes[0]} à {sizes[1]} contenus (SQL égal ? ratio CPU à ±20 % ?)"]
    for mode in small:
        lines.append(f"  {mode}")
        for label, before in small[mode].items():
            ratio_before, ratio_after, change, flat = compare(small[mode], large[mode], label)
            # No count when the front cache answered: Django never saw the request.
            queries = ["–" if row.queries is None else row.queries for row in (before, large[mode][label])]
            lines.append(
                f"    {label:<22} SQL {queries[0]:>3} → {queries[1]:<3}"
                f" ×plancher {ratio_before:>5.1f} → {ratio_after:<5.1f} ({change:+.0%})  {'stable' if flat else 'NON'}"
            )
    return "\n".join(lines)


def targets(small, large, sizes):
    """Where the site stands against the performance targets."""
    lines = [f"Objectifs, à {sizes[1]} contenus"]
    for mode, limit in TARGETS.items():
        article = large[mode][ARTICLE].floor_ratio(large[mode][FLOOR])
        verdict = "atteint" if article <= limit else "NON atteint"
        lines.append(f"  article {mode} ≤ {limit}× plancher : {article:.1f}× — {verdict}")
    if FRONT in large:
        article, static = large[FRONT][ARTICLE], large[FRONT][STATIC_COPY]
        share = article.load.requests_per_second / static.load.requests_per_second
        verdict = "atteint" if share >= FRONT_SHARE_OF_STATIC else "NON atteint"
        lines.append(
            f"  article par le cache frontal ≥ {FRONT_SHARE_OF_STATIC:.0%} du même fichier statique : {share:.0%}"
            f" ({article.load.requests_per_second:.0f} / {static.load.requests_per_second:.0f} req/s,"
            f" CPU {article.cpu_ms:.3f} / {static.cpu_ms:.3f} ms) — {verdict}"
        )
    for mode, rows in large.items():
        wide = [f"{row.label} ({row.spread:.1f})" for row in rows.values() if row.spread >= MAX_P99_OVER_P50]
        verdict = "atteint" if not wide else "NON atteint : " + ", ".join(wide)
        lines.append(f"  p99 < {MAX_P99_OVER_P50:.0f}× p50 partout, {mode} : {verdict}")
    moved = [
        f"{label} ({mode})"
        for mode in small
        for label in small[mode]
        if not compare(small[mode], large[mode], label)[3]
    ]
    verdict = "atteint" if not moved else "NON atteint : " + ", ".join(moved)
    lines.append(f"  SQL et ratios stables de {sizes[0]} à {sizes[1]} contenus : {verdict}")
    return "\n".join(lines)
