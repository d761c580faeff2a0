"""The dashboard pages render from the published copy, and filters change the numbers shown."""

from __future__ import annotations

import os

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import PipelineRun
from tests.dashboard_app import APP


@pytest.fixture
def app(pipeline_run: PipelineRun, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("EXAMWH_WAREHOUSE", str(pipeline_run.warehouse))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def test_overview_shows_the_latest_quarter(app: AppTest) -> None:
    assert app.metric[0].value == "2025Q3"


def test_amu_page_filters_change_the_rows(app: AppTest) -> None:
    app.switch_page("pages/amu_certificates.py").run()
    assert not app.exception
    assert app.metric[0].value == "4"
    app.multiselect(key="institutions").set_value(["100001"]).run()
    assert app.metric[0].value == "2"
    app.select_slider(key="quarters").set_value(("2019Q3", "2019Q3")).run()
    assert app.metric[0].value == "0"


def test_dashboard_never_opens_the_live_warehouse(app: AppTest, pipeline_run: PipelineRun) -> None:
    # A writer can open the warehouse while the dashboard session is alive.
    import duckdb

    assert os.environ["EXAMWH_WAREHOUSE"] == str(pipeline_run.warehouse)
    with duckdb.connect(str(pipeline_run.warehouse)) as con:
        assert con.execute("select count(*) from marts.amu_certificate_rates").fetchone()[0] == 4
