"""The dashboard keeps answering while `examwh run` rewrites the warehouse it was published from."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import EXAMWH, build_small_landing, run_examwh

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except Exception:
        return 0


def test_dashboard_answers_every_probe_while_the_pipeline_writes(tmp_path: Path) -> None:
    env = {**os.environ, "EXAMWH_PSEUDONYM_KEY": "serving-test-key"}
    build_small_landing(tmp_path / "landing")
    warehouse = tmp_path / "w.duckdb"
    assert run_examwh(tmp_path / "landing", warehouse, env).returncode == 0

    port = _free_port()
    server = subprocess.Popen(
        [EXAMWH, "dashboard", "--warehouse", str(warehouse), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while _get(f"{base}/_stcore/health") != 200:
            assert time.monotonic() < deadline, "dashboard did not start"
            assert server.poll() is None, "dashboard exited"
            time.sleep(0.3)

        statuses: list[int] = []
        stop = threading.Event()

        def probe() -> None:
            while not stop.is_set():
                statuses.append(_get(f"{base}/_stcore/health"))
                statuses.append(_get(f"{base}/"))
                time.sleep(0.05)

        prober = threading.Thread(target=probe)
        prober.start()
        try:
            # Two full runs over the same warehouse: rewrite, re-check, re-publish.
            for _ in range(2):
                result = run_examwh(tmp_path / "landing", warehouse, env)
                assert result.returncode == 0, result.stderr[-2000:]
        finally:
            stop.set()
            prober.join()
        assert len(statuses) > 20
        assert set(statuses) == {200}, f"{statuses.count(0)} probes failed of {len(statuses)}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_pages_read_the_new_publication_after_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from streamlit.testing.v1 import AppTest

    env = {**os.environ, "EXAMWH_PSEUDONYM_KEY": "serving-test-key"}
    build_small_landing(tmp_path / "landing")
    warehouse = tmp_path / "w.duckdb"
    assert run_examwh(tmp_path / "landing", warehouse, env).returncode == 0
    monkeypatch.setenv("EXAMWH_WAREHOUSE", str(warehouse))
    app = AppTest.from_file(
        str(Path(__file__).parent.parent / "dashboards" / "app.py"), default_timeout=60
    )
    app.run()
    first = app.caption[0].value
    # While a second run writes the same warehouse, the page still renders from a publication.
    runner = subprocess.Popen(
        [EXAMWH, "run", "--landing", str(tmp_path / "landing"), "--warehouse", str(warehouse)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    renders = 0
    while runner.poll() is None:
        app.run()
        assert not app.exception
        renders += 1
    assert runner.returncode == 0 and renders > 0
    app.run()
    assert app.caption[0].value != first  # a new publication is shown
