"""Access to row-level data: outside demo mode the steward page's rows need an OIDC login by a
listed steward (AppTest's user simulation); everyone else sees counts only. The app binds to
localhost unless told otherwise."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboards.access import decide, is_steward, steward_list
from tests.conftest import PipelineRun
from tests.dashboard_app import APP

REPO = Path(__file__).resolve().parent.parent
STEWARD = "steward@uvm.example.dk"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-cookie-secret-for-tests-only",
    "client_id": "examwh",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": "https://login.example.dk/.well-known/openid-configuration",
}


# --- The rule -----------------------------------------------------------------------------------


def _decide(**overrides: object) -> tuple[bool, str]:
    arguments: dict[str, object] = {
        "demo": False,
        "login_required": False,
        "auth_configured": True,
        "logged_in": True,
        "email": STEWARD,
        "stewards": frozenset({STEWARD}),
    }
    arguments.update(overrides)
    access = decide(**arguments)  # type: ignore[arg-type]
    return access.row_level, access.reason


def test_demo_data_shows_rows_without_login() -> None:
    assert _decide(demo=True, auth_configured=False, logged_in=False) == (True, "access_demo")


def test_demo_data_can_be_made_to_require_login() -> None:
    assert _decide(demo=True, login_required=True, logged_in=False) == (False, "access_login")


def test_real_data_without_auth_configured_shows_counts_only() -> None:
    assert _decide(auth_configured=False) == (False, "access_not_configured")


def test_real_data_needs_a_login() -> None:
    assert _decide(logged_in=False, email=None) == (False, "access_login")


def test_a_logged_in_user_not_on_the_list_sees_counts_only() -> None:
    assert _decide(email="analyst@uvm.example.dk") == (False, "access_not_steward")


def test_a_listed_steward_sees_rows() -> None:
    assert _decide() == (True, "access_steward")


def test_steward_list_matches_addresses_and_domains_case_insensitively() -> None:
    stewards = steward_list(
        {"EXAMWH_STEWARDS": " Steward@UVM.example.dk, ,@stil.example.dk"},
        {"examwh": {"stewards": ["other@example.se"]}},
    )
    assert stewards == {"steward@uvm.example.dk", "@stil.example.dk", "other@example.se"}
    assert is_steward("STEWARD@uvm.example.dk", stewards)
    assert is_steward("anyone@stil.example.dk", stewards)
    assert is_steward("other@example.se", stewards)
    assert not is_steward("anyone@uvm.example.dk", stewards)
    # A domain entry must match the whole domain, not a suffix of it.
    assert not is_steward("x@evil-stil.example.dk", stewards)
    assert not is_steward(None, stewards)
    assert not is_steward("no-at-sign", stewards)


# --- The steward page under AppTest's user simulation ---------------------------------------


def _publication_copy(run: PipelineRun, root: Path, *, demo: bool) -> Path:
    """The demo publication copied with its demo flag set as asked: a warehouse path whose
    `.published` folder holds it."""
    source = run.warehouse.with_name(run.warehouse.stem + ".published")
    warehouse = root / "warehouse.duckdb"
    target = warehouse.with_name(warehouse.stem + ".published")
    shutil.copytree(source, target)
    current = target / (target / "CURRENT").read_text(encoding="utf-8").strip()
    manifest_path = current / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["demo"] = demo
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    return warehouse


def _steward_page(
    warehouse: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    user: dict[str, object] | None = None,
    auth: bool = True,
) -> AppTest:
    monkeypatch.setenv("EXAMWH_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("EXAMWH_STEWARDS", STEWARD)
    monkeypatch.delenv("EXAMWH_DASHBOARD_AUTH", raising=False)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "en"
    if auth:
        at.secrets["auth"] = AUTH
    if user is not None:
        at.user = user
    at.run()
    at.switch_page("pages/data_quality.py").run()
    assert not at.exception, at.exception
    return at


def _shows_rows(at: AppTest) -> bool:
    """The drill-down: its filters, its row table with source_file and source_line."""
    has_filter = any(m.key == "dq_institutions" for m in at.multiselect)
    has_rows = any("source_line" in d.value.columns for d in at.dataframe)
    return has_filter or has_rows


@pytest.fixture
def real_warehouse(dashboard_run: PipelineRun, tmp_path: Path) -> Path:
    return _publication_copy(dashboard_run, tmp_path, demo=False)


def test_real_data_logged_out_gets_a_login_button_and_counts_only(
    real_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _steward_page(real_warehouse, monkeypatch, user={"is_logged_in": False})
    assert [b.label for b in at.button] == ["Log in"]
    assert not _shows_rows(at)
    assert at.metric[0].value != "0", "the counts are still shown"
    assert not any("gx_docs" in str(b.key) for b in at.get("download_button"))


def test_real_data_without_auth_section_says_how_to_configure(
    real_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _steward_page(real_warehouse, monkeypatch, auth=False, user={})
    assert any("[auth]" in w.value for w in at.warning)
    assert not at.button
    assert not _shows_rows(at)


def test_real_data_logged_in_non_steward_sees_counts_only(
    real_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyst = {"is_logged_in": True, "email": "analyst@uvm.example.dk", "name": "Analyst"}
    at = _steward_page(real_warehouse, monkeypatch, user=analyst)
    assert any("not on the steward list" in w.value for w in at.warning)
    assert not _shows_rows(at)


def test_real_data_logged_in_steward_sees_rows_and_can_log_out(
    real_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    steward = {"is_logged_in": True, "email": STEWARD, "name": "Steward"}
    at = _steward_page(real_warehouse, monkeypatch, user=steward)
    assert _shows_rows(at)
    assert any(STEWARD in c.value for c in at.caption)
    # The Great Expectations Data Docs the run built: their address and a zip of the site.
    assert any(
        c.value.startswith("file://") and c.value.endswith("gx_docs/index.html") for c in at.code
    )
    assert any(b.key == "gx_docs_zip" for b in at.get("download_button"))
    at.button(key="logout").click().run()
    assert not at.exception, at.exception
    assert at.user == {"is_logged_in": False}
    assert [b.label for b in at.button] == ["Log in"]
    assert not _shows_rows(at)


def test_demo_publication_shows_rows_without_login(
    dashboard_run: PipelineRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _steward_page(dashboard_run.warehouse, monkeypatch, auth=False, user={})
    assert _shows_rows(at)
    assert not at.button


def test_demo_publication_can_require_login(
    dashboard_run: PipelineRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXAMWH_DASHBOARD_AUTH", "required")
    monkeypatch.setenv("EXAMWH_WAREHOUSE", str(dashboard_run.warehouse))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "en"
    at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": False}
    at.run()
    at.switch_page("pages/data_quality.py").run()
    assert [b.label for b in at.button] == ["Log in"]
    assert not _shows_rows(at)


def test_aggregate_pages_need_no_login_on_real_data(
    real_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _steward_page(real_warehouse, monkeypatch, user={"is_logged_in": False})
    at.switch_page("pages/amu_certificates.py").run()
    assert not at.exception, at.exception
    assert at.dataframe, "analysts see the aggregate tables"
    assert not at.button


# --- Binding ------------------------------------------------------------------------------------


def test_dashboard_binds_to_localhost_unless_configured(
    dashboard_run: PipelineRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dagster_project import cli

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["browser"]["gatherUsageStats"] is False

    class Executed(Exception):
        pass

    def fake_execv(_program: str, command: list[str]) -> None:
        raise Executed(command)

    monkeypatch.setattr(cli.os, "execv", fake_execv)
    monkeypatch.chdir(REPO)
    # The command exports its settings to the environment; monkeypatch puts them back.
    monkeypatch.setenv("EXAMWH_WAREHOUSE", str(dashboard_run.warehouse))
    monkeypatch.setenv("EXAMWH_LANDING_DIR", str(dashboard_run.landing))
    monkeypatch.setenv("EXAMWH_MIN_CELL", "5")
    for extra, expected in (([], "127.0.0.1"), (["--address", "0.0.0.0"], "0.0.0.0")):
        with pytest.raises(Executed) as executed:
            cli.main(["dashboard", "--warehouse", str(dashboard_run.warehouse), *extra])
        command = executed.value.args[0]
        assert command[command.index("--server.address") + 1] == expected
