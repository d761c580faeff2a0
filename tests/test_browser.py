"""A real browser (Debian's chromium, driven by Playwright) opens every page in Danish and in
English and finds no exception. Screenshots go to $EXAMWH_SCREENSHOT_DIR (docs/screenshots when
refreshing the docs) or a temporary folder."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import EXAMWH, PipelineRun

pytestmark = pytest.mark.slow
CHROMIUM = "/usr/bin/chromium"
TITLES = {
    "": {"da": "Overblik", "en": "Overview"},
    "amu_certificates": {"da": "AMU-beviser", "en": "AMU certificates"},
    "exam_grades": {"da": "Prøvekarakterer", "en": "Exam grades"},
    "censors_complaints": {"da": "Censorer og klager", "en": "Censors and complaints"},
    "komvux": {"da": "Komvux-prövning", "en": "Komvux prövning"},
    "data_quality": {"da": "Datakvalitet", "en": "Data quality"},
}
PAGES = list(TITLES)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dashboard_url(dashboard_run: PipelineRun):
    port = _free_port()
    server = subprocess.Popen(
        [EXAMWH, "dashboard", "--warehouse", str(dashboard_run.warehouse), "--port", str(port)],
        env=dashboard_run.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2)
            break
        except OSError:
            assert time.monotonic() < deadline and server.poll() is None, "dashboard did not start"
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="Debian's chromium is not installed (apt-get install chromium)",
)
def test_every_page_in_a_real_browser(dashboard_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("EXAMWH_SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for language in ("da", "en"):
            for path in PAGES:
                page.goto(f"{dashboard_url}/{path}?lang={language}")
                page.wait_for_selector("h1", timeout=30_000)
                page.wait_for_load_state("networkidle")
                heading = page.locator("h1").first.inner_text()
                assert heading == TITLES[path][language], (path, language, heading)
                assert page.locator("[data-testid='stException']").count() == 0, (
                    f"exception on /{path}"
                )
                page.screenshot(path=str(shots / f"{language}-{path or 'overview'}.png"))
        # The sidebar switch changes the language of the session, and it sticks across pages.
        page.goto(f"{dashboard_url}/")
        page.wait_for_selector("h1:has-text('Overblik')", timeout=30_000)
        page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").click()
        page.get_by_role("option", name="English").click()
        page.wait_for_selector("h1:has-text('Overview')", timeout=30_000)
        page.get_by_role("link", name="Exam grades", exact=True).click()
        page.wait_for_selector("h1:has-text('Exam grades')", timeout=30_000)
        browser.close()
    assert len(list(shots.glob("*.png"))) >= 2 * len(PAGES)
