"""Every download the dashboard offers, on every page: no cell can carry a formula and no count
of people is between 1 and the minimum cell."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl
import pytest
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from tests.conftest import PipelineRun
from tests.dashboard_app import APP, PAGES, is_people_count

FORMULA_START = ("=", "+", "@", "\t", "\r")


def _captured_downloads(
    run: PipelineRun, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, str, bytes]]:
    downloads: list[tuple[str, str, bytes]] = []
    original = DeltaGenerator.download_button

    def recording(self: DeltaGenerator, label: str, data: Any, file_name: str, *a: Any, **k: Any):
        # Tables are built on click (a callable); build them here as a click would.
        content = data() if callable(data) else data
        downloads.append((run_page[0], file_name, content if isinstance(content, bytes) else b""))
        return original(self, label, data, file_name, *a, **k)

    run_page = [""]
    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    monkeypatch.setenv("EXAMWH_WAREHOUSE", str(run.warehouse))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "da"
    at.run()
    for page in PAGES:
        run_page[0] = page
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
    return downloads


def _check_cells(where: str, header: list[object], rows: list[list[object]], min_cell: int) -> int:
    checked = 0
    for row in rows:
        for column, value in zip(header, row, strict=False):
            checked += 1
            if isinstance(value, str):
                # A leading minus is allowed only on a number (the 7-point scale's -3).
                assert not value.startswith(FORMULA_START), (where, column, value)
                if value.startswith("-"):
                    assert value[1:].replace(".", "").isdigit(), (where, column, value)
            if is_people_count(column) and isinstance(value, int) and not isinstance(value, bool):
                assert not 1 <= value < min_cell, (where, column, value)
    return checked


def _csv_int(value: str) -> object:
    return int(value) if value.isdigit() else value


def test_every_download_on_every_page_is_safe(
    dashboard_run: PipelineRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    min_cell = int(dashboard_run.env["EXAMWH_MIN_CELL"])
    downloads = _captured_downloads(dashboard_run, monkeypatch)
    pages_with_downloads = {page for page, _, _ in downloads}
    # The overview shows headline metrics only; every other page offers its tables.
    assert pages_with_downloads == set(PAGES) - {"pages/overview.py"}

    cells = 0
    for page, name, data in downloads:
        where = f"{page}:{name}"
        if name.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            header: list[object] = list(rows[0])
            cells += _check_cells(
                where, header, [[_csv_int(v) for v in r] for r in rows[1:]], min_cell
            )
        elif name.endswith(".xlsx"):
            book = openpyxl.load_workbook(io.BytesIO(data))
            for sheet in book.worksheets:
                assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"], (
                    where
                )
                values = [list(r) for r in sheet.iter_rows(values_only=True)]
                cells += _check_cells(where, list(values[0]), values[1:], min_cell)
    assert cells > 1000, f"only {cells} cells checked"
    print(f"{len(downloads)} downloads on {len(pages_with_downloads)} pages, {cells} cells checked")
