"""`examwh`: the one command of CONTRACT §1. It drives Dagster and Streamlit; it re-implements neither."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from dagster_project.settings import (
    REPO_ROOT,
    UnsafeKey,
    require_usable_key,
    resolve_settings,
    warn_if_demo_key,
)

log = logging.getLogger("examwh")


class CommandError(Exception):
    """A failure worth one line to the user, not a traceback."""


def _configure_logging(verbose: bool) -> None:
    # Our progress lines only; Dagster, dbt and their libraries keep their own loggers.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        logging.Formatter("%(asctime)s examwh %(levelname)s %(message)s", "%H:%M:%S")
    )
    log.handlers[:] = [handler]
    log.setLevel(logging.DEBUG if verbose else logging.INFO)
    log.propagate = False
    # Nothing phones home, whoever calls us (dagster.yaml and dbt_project.yml say the same).
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "true")
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")


def _export_settings(landing: str | None, warehouse: str | None) -> None:
    settings = resolve_settings(landing, warehouse)
    os.environ["EXAMWH_LANDING_DIR"] = str(settings.landing_dir)
    os.environ["EXAMWH_WAREHOUSE"] = str(settings.warehouse)
    os.environ["EXAMWH_MIN_CELL"] = str(settings.min_cell)


def cmd_generate(args: argparse.Namespace) -> int:
    from dagster_project.generator import generate

    started = time.monotonic()
    out = Path(args.out)
    summary = generate(
        out,
        scale=args.scale,
        seed=args.seed,
        years=args.years,
        fault_rate=args.fault_rate,
        progress=log.info,
    )
    log.info(
        "wrote %d files, %d rows and %d planted faults to %s in %.1f s",
        summary.files,
        summary.rows,
        summary.faults,
        out,
        time.monotonic() - started,
    )
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    _export_settings(args.landing, args.warehouse)
    settings = resolve_settings()
    if not settings.landing_dir.is_dir():
        raise CommandError(f"landing directory {settings.landing_dir} does not exist")
    try:
        require_usable_key(settings)
    except UnsafeKey as exc:
        raise CommandError(str(exc)) from None
    warn_if_demo_key(settings)
    started = time.monotonic()
    from dagster_project.dbt_project import ensure_manifest

    log.info("preparing the dbt manifest")
    ensure_manifest()
    from dagster import DagsterInstance

    from dagster_project.definitions import defs
    from dagster_project.jobs import landing_quarters, range_tags

    quarters = landing_quarters(settings.landing_dir)
    tags = range_tags(quarters)
    job = defs.resolve_job_def("examwh_full")
    if quarters:
        log.info(
            "%d quarters in the landing tree: %s to %s", len(quarters), min(quarters), max(quarters)
        )
    log.info(
        "running Dagster job %s: landing %s -> warehouse %s",
        job.name,
        settings.landing_dir,
        settings.warehouse,
    )
    dagster_home = REPO_ROOT / ".dagster_home"
    os.environ.setdefault("DAGSTER_HOME", str(dagster_home))
    with DagsterInstance.ephemeral() as instance:
        result = job.execute_in_process(
            instance=instance,
            raise_on_error=False,
            tags=tags,
            run_config={
                "loggers": {
                    "console": {"config": {"log_level": "INFO" if args.verbose else "WARNING"}}
                }
            },
        )
    if not result.success:
        failures = [e for e in result.all_events if e.is_step_failure]
        reason = "unknown failure"
        if failures:
            data = failures[0].step_failure_data
            step = failures[0].step_key
            err = _innermost_message(data.error) if data and data.error else "failed"
            reason = f"step {step}: {err}"
        raise CommandError(f"run failed at {reason}")
    _print_run_summary(settings.warehouse)
    log.info("run finished in %.1f s", time.monotonic() - started)
    return 0


def _innermost_message(error: object) -> str:
    """The root cause's first line: 'dbt build failed: ...' says more than Dagster's wrapper."""
    while getattr(error, "cause", None) is not None:
        error = error.cause  # type: ignore[attr-defined]
    message = str(getattr(error, "message", error)).strip()
    return message.splitlines()[0] if message else "failed"


def _print_run_summary(warehouse: Path) -> None:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        loads = con.execute(
            "select count(*), coalesce(sum(rows), 0) from raw._file_loads"
        ).fetchone()
        quarantined = con.execute("select count(*) from quality.quarantined_files").fetchone()
        checks = con.execute(
            "select check_id, count(*) from quality.check_failures where resolved_at is null group by all order by 1"
        ).fetchall()
    assert loads is not None and quarantined is not None
    log.info(
        "files loaded: %d (%d rows); files quarantined: %d", loads[0], loads[1], quarantined[0]
    )
    for check_id, n in checks:
        log.info("open check failures %-32s %d", check_id, n)


def cmd_dashboard(args: argparse.Namespace) -> int:
    _export_settings(None, args.warehouse)
    settings = resolve_settings()
    from dagster_project.publish import current_publication

    if current_publication(settings.published_dir) is None:
        raise CommandError(
            f"nothing published for {settings.warehouse} yet: run `examwh run --warehouse {settings.warehouse}` first"
        )
    app = REPO_ROOT / "dashboards" / "app.py"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(args.port),
        "--server.address",
        args.address,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "viewer",
    ]
    log.info("serving the dashboard on http://%s:%d (Ctrl-C to stop)", args.address, args.port)
    os.chdir(REPO_ROOT)
    # Become Streamlit rather than wait for it: a supervisor's signal then reaches the server
    # itself and no orphaned server is left behind.
    os.execv(sys.executable, command)


def cmd_report(args: argparse.Namespace) -> int:
    # The same package the Dagster asset `reports/quarterly_report` calls, on the publication
    # (never the live warehouse, so it can run while the pipeline writes).
    _export_settings(None, args.warehouse)
    settings = resolve_settings()
    from dagster_project.publish import current_publication
    from dagster_project.report import UnknownPeriod, write_quarterly_report

    publication = current_publication(settings.published_dir)
    if publication is None:
        raise CommandError(
            f"nothing published for {settings.warehouse} yet: run `examwh run` first"
        )
    log.info("writing the report for %s from %s", args.period, publication.name)
    try:
        files = write_quarterly_report(publication, args.period, Path(args.out) / args.period)
    except UnknownPeriod as exc:
        raise CommandError(str(exc)) from None
    log.info("wrote %s and %s", files.workbook, files.html)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="examwh", description="The exam-results warehouse.")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="show Dagster's step-by-step log"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    gen = sub.add_parser("generate", help="write a synthetic landing tree and its fault manifest")
    gen.add_argument("--out", required=True, help="directory to write the landing tree to")
    gen.add_argument("--scale", choices=["demo", "small", "national"], default="demo")
    gen.add_argument("--seed", type=int, default=7)
    gen.add_argument(
        "--years", type=int, default=None, help="years of data (default depends on scale)"
    )
    gen.add_argument(
        "--fault-rate",
        type=float,
        default=0.01,
        help="share of rows given a planted fault (default 0.01)",
    )
    gen.set_defaults(func=cmd_generate)

    run = sub.add_parser("run", help="ingest, model, check and publish in one Dagster run")
    run.add_argument("--landing", help="landing tree (default $EXAMWH_LANDING_DIR or data/landing)")
    run.add_argument(
        "--warehouse", help="DuckDB file (default $EXAMWH_WAREHOUSE or data/warehouse.duckdb)"
    )
    run.set_defaults(func=cmd_run)

    dash = sub.add_parser("dashboard", help="serve the Streamlit dashboard on the published data")
    dash.add_argument("--warehouse", help="DuckDB file whose publication to serve")
    dash.add_argument("--port", type=int, default=8501)
    dash.add_argument(
        "--address", default="127.0.0.1", help="bind address (default localhost only)"
    )
    dash.set_defaults(func=cmd_dashboard)

    rep = sub.add_parser("report", help="write the quarterly report for a period")
    rep.add_argument("--period", required=True, help="quarter, e.g. 2025Q3")
    rep.add_argument("--out", default="reports", help="directory for <period>/ (default reports)")
    rep.add_argument("--warehouse", help="DuckDB file whose publication to report from")
    rep.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _configure_logging(args.verbose)
    try:
        return int(args.func(args))
    except CommandError as exc:
        print(f"examwh {args.command}: {exc}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:
        print(f"examwh {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
