"""Every dashboard page renders from the publication, in Danish and English, and its filters
change what is shown."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboards.exports import csv_bytes, safe_cell
from tests.conftest import PipelineRun
from tests.dashboard_app import APP, PAGES


def _app(warehouse: Path, monkeypatch: pytest.MonkeyPatch, language: str = "da") -> AppTest:
    monkeypatch.setenv("EXAMWH_WAREHOUSE", str(warehouse))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = language
    at.run()
    return at


@pytest.fixture
def app(dashboard_run: PipelineRun, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    return _app(dashboard_run.warehouse, monkeypatch)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("language", ["da", "en"])
def test_every_page_renders_with_content(
    dashboard_run: PipelineRun, monkeypatch: pytest.MonkeyPatch, page: str, language: str
) -> None:
    app = _app(dashboard_run.warehouse, monkeypatch, language)
    app.switch_page(page).run()
    assert not app.exception, app.exception
    assert app.title, "every page has a title"
    assert not [
        i.value
        for i in app.info
        if "Nothing published" in i.value or "Intet offentliggjort" in i.value
    ]


def test_language_switch_changes_labels(app: AppTest, dashboard_run: PipelineRun) -> None:
    app.switch_page("pages/exam_grades.py").run()
    assert app.title[0].value == "Prøvekarakterer"
    # AppTest reruns only the page script, so the sidebar switch's effect is set directly.
    english = AppTest.from_file(APP, default_timeout=60)
    english.session_state["lang"] = "en"
    english.run()
    assert english.title[0].value == "Overview"
    english.switch_page("pages/exam_grades.py").run()
    assert english.title[0].value == "Exam grades"


def test_exam_filters_change_the_numbers(app: AppTest) -> None:
    app.switch_page("pages/exam_grades.py").run()
    educations = app.selectbox(key="education").options
    assert len(educations) >= 2
    shown = []
    for education in educations:
        app.selectbox(key="education").set_value(education).run()
        shown.append(app.metric[0].value)
    assert len(set(shown)) > 1, shown


def test_amu_filters_by_fkb_course_and_show_self_study(
    app: AppTest, dashboard_run: PipelineRun
) -> None:
    app.switch_page("pages/amu_certificates.py").run()
    everything = int(app.metric[0].value)
    fkbs = app.multiselect(key="fkbs").options
    assert len(fkbs) > 1
    with duckdb.connect(str(dashboard_run.warehouse), read_only=True) as con:
        expected = con.execute(
            "select count(*) from marts.amu_certificate_rates where fkb = ?", [fkbs[0]]
        ).fetchone()[0]
    app.multiselect(key="fkbs").set_value([fkbs[0]]).run()
    assert int(app.metric[0].value) == expected < everything
    # The course list follows the FKB chosen.
    courses = app.multiselect(key="courses").options
    app.multiselect(key="courses").set_value([courses[0]]).run()
    assert 0 < int(app.metric[0].value) <= expected
    assert any(
        "self_study" in str(d.value.columns.tolist()) or "participation" in d.value.columns
        for d in app.dataframe
    ), "the self-study table is shown"


def test_exam_means_by_institution_type_sex_and_form(app: AppTest) -> None:
    app.switch_page("pages/exam_grades.py").run()
    app.selectbox(key="education").set_value("FP9").run()
    seen = {}
    for breakdown in ("institution_type", "sex", "exam_form"):
        app.radio(key="breakdown").set_value(breakdown).run()
        assert not app.exception
        categories = {
            c for d in app.dataframe if "category" in d.value.columns for c in d.value["category"]
        }
        seen[breakdown] = categories
    assert {"folkeskole", "friskole"} <= seen["institution_type"]
    assert {"female", "male"} <= seen["sex"]
    assert {"written", "oral"} <= seen["exam_form"]
    assert any("attempt" in d.value.columns for d in app.dataframe), "retakes are shown"


def test_steward_page_counts_and_filters_open_failures(
    app: AppTest, dashboard_run: PipelineRun
) -> None:
    with duckdb.connect(str(dashboard_run.warehouse), read_only=True) as con:
        expected = con.execute(
            "select count(*) from quality.check_failures where resolved_at is null"
        ).fetchone()[0]
        per_institution = dict(
            con.execute(
                "select institution_id, count(*) from quality.check_failures where resolved_at is null group by 1"
            ).fetchall()
        )
    app.switch_page("pages/data_quality.py").run()
    assert int(app.metric[0].value) == expected > 0
    institution, count = sorted(per_institution.items())[0]
    app.multiselect(key="dq_institutions").set_value([institution]).run()
    assert int(app.metric[1].value) == count


def test_exports_carry_no_formula() -> None:
    frame = pd.DataFrame(
        {"detail": ['=HYPERLINK("x")', "+1", "@sum", "-3", "ok"], "n": [1, 2, 3, 4, 5]}
    )
    rows = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    cells = [row[0] for row in rows[1:]]
    assert cells == ['\'=HYPERLINK("x")', "'+1", "'@sum", "-3", "ok"]  # -3 is a grade token
    assert safe_cell("\t=1") == "'\t=1"
