"""p50/p95 latency of every query the dashboard pages run, uncached, on the publication.

The pages are rendered once with Streamlit's AppTest while the data-access module's query
function records what it is asked; each recorded query is then timed on its own.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

REPEATS = 20


def record_queries(warehouse: Path) -> list[tuple[str, tuple[object, ...]]]:
    from streamlit.testing.v1 import AppTest

    from dashboards import data_access

    os.environ["EXAMWH_WAREHOUSE"] = str(warehouse)
    seen: dict[tuple[str, str], tuple[str, tuple[object, ...]]] = {}
    original = data_access._query

    def recording(version: str, sql: str, params: tuple[object, ...] = ()):  # type: ignore[no-untyped-def]
        seen.setdefault((sql, repr(params)), (sql, params))
        return original(version, sql, params)

    data_access._query = recording  # type: ignore[assignment]
    try:
        app_file = Path(__file__).resolve().parent.parent / "dashboards" / "app.py"
        pages = sorted((app_file.parent / "pages").glob("*.py"))
        app = AppTest.from_file(str(app_file), default_timeout=120)
        app.run()
        for page in pages:
            app.switch_page(f"pages/{page.name}").run()
    finally:
        data_access._query = original  # type: ignore[assignment]
    return list(seen.values())


def latencies(warehouse: Path) -> list[dict[str, object]]:
    from dashboards import data_access

    queries = record_queries(warehouse)
    version = str(data_access.publication())
    connection = data_access._connection(version)
    results = []
    for sql, params in queries:
        timings = []
        for _ in range(REPEATS):
            cursor = connection.cursor()
            started = time.perf_counter()
            cursor.execute(sql, list(params)).fetchall()
            timings.append((time.perf_counter() - started) * 1000)
            cursor.close()
        timings.sort()
        results.append(
            {
                "query": " ".join(sql.split())[:80],
                "p50_ms": statistics.median(timings),
                "p95_ms": timings[int(0.95 * (len(timings) - 1))],
            }
        )
    return results
