"""One command for the performance figures of docs/performance.md.

    .venv/bin/python -m benchmarks.run --scale small            # minutes
    .venv/bin/python -m benchmarks.run --scale national         # ten years, national

Measures generation, a full `examwh run`, a one-quarter incremental run after it, the p50/p95 of
every dashboard query, the DuckDB floor and the pandas baseline for the AMU mart, and prints a
Markdown table (and JSON with --json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
from pathlib import Path

from benchmarks.dashboard_latency import latencies
from benchmarks.floor import run_exam_floor, run_floor
from benchmarks.measure import measure
from benchmarks.pandas_baseline import run_pandas

EXAMWH = str(Path(sys.executable).with_name("examwh"))


def add_correction(landing: Path) -> str:
    """A corrected delivery for the newest quarter of one institution: a later extraction stamp,
    every still-missing result registered."""
    newest = max((landing / "amu").glob("amu_results_*.csv"), key=lambda p: p.name.split("_")[3])
    stamp = newest.name.rsplit("_", 1)[1].removesuffix(".csv")
    corrected = newest.with_name(newest.name.replace(stamp, str(int(stamp) + 1)))
    raw = newest.read_bytes()
    for delimiter in (b";", b"\t"):
        raw = raw.replace(delimiter + b"0" + delimiter, delimiter + b"1" + delimiter)
    corrected.write_bytes(raw)
    return corrected.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", default="small", choices=["demo", "small", "national"])
    parser.add_argument("--work", default="tmp/benchmark", help="scratch directory (deleted first)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--json", help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    work = Path(args.work).resolve() / args.scale
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    landing, warehouse = work / "landing", work / "warehouse.duckdb"
    env = {**os.environ, "EXAMWH_PSEUDONYM_KEY": "benchmark-key-0123456789"}
    figures: dict[str, object] = {
        "scale": args.scale,
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
    }

    def step(name: str, command: list[str]) -> None:
        print(f"{name} ...", file=sys.stderr, flush=True)
        m = measure(command, env)
        figures[f"{name}_s"], figures[f"{name}_peak_mib"] = round(m.seconds, 2), round(m.peak_mib)

    step(
        "generate",
        [
            EXAMWH,
            "generate",
            "--scale",
            args.scale,
            "--seed",
            str(args.seed),
            "--out",
            str(landing),
        ],
    )
    figures["landing_mib"] = round(
        sum(p.stat().st_size for p in landing.rglob("*") if p.is_file()) / 2**20
    )
    step("full_run", [EXAMWH, "run", "--landing", str(landing), "--warehouse", str(warehouse)])
    figures["corrected_file"] = add_correction(landing)
    step(
        "incremental_run", [EXAMWH, "run", "--landing", str(landing), "--warehouse", str(warehouse)]
    )

    print("floor and pandas baselines ...", file=sys.stderr, flush=True)
    floor_amu_s, floor_rows = run_floor(landing, work / "floor.duckdb")
    floor_exam_s, floor_exam_rows = run_exam_floor(landing, work / "floor_exam.duckdb")
    floor_s = floor_amu_s + floor_exam_s
    pandas_s, pandas_rows = run_pandas(landing)
    figures.update(
        floor_amu_s=round(floor_amu_s, 2),
        floor_rows=floor_rows,
        floor_exam_s=round(floor_exam_s, 2),
        floor_exam_rows=floor_exam_rows,
        pipeline_exam_rows=mart_rows(warehouse, "exam_results"),
        pandas_amu_s=round(pandas_s, 2),
        pandas_rows=pandas_rows,
    )

    print("dashboard queries ...", file=sys.stderr, flush=True)
    queries = latencies(warehouse)
    figures["dashboard_queries"] = queries
    figures["dashboard_p95_max_ms"] = round(max((q["p95_ms"] for q in queries), default=0.0), 1)

    full = float(figures["full_run_s"])  # type: ignore[arg-type]
    figures["ratio_full_to_floor"] = round(full / floor_s, 1)
    figures["ratio_pandas_to_full"] = round(pandas_s / full, 2)
    # The pandas baseline computes the AMU mart only, so it is compared with the floor's AMU part.
    figures["ratio_pandas_to_floor_amu"] = round(pandas_s / floor_amu_s, 1)
    figures["ratio_incremental_to_full"] = round(float(figures["incremental_run_s"]) / full, 2)  # type: ignore[arg-type]

    print(to_markdown(figures))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


def mart_rows(warehouse: Path, mart: str = "amu_certificate_rates") -> int:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(f"select count(*) from marts.{mart}").fetchone()[0]  # type: ignore[index]


def to_markdown(f: dict[str, object]) -> str:
    rows = [
        ("machine", f["machine"]),
        ("landing tree", f"{f['landing_mib']} MiB"),
        ("generate", f"{f['generate_s']} s, peak {f['generate_peak_mib']} MiB"),
        ("full `examwh run`", f"{f['full_run_s']} s, peak {f['full_run_peak_mib']} MiB"),
        (
            "one-quarter incremental run",
            f"{f['incremental_run_s']} s ({f['ratio_incremental_to_full']} × full)",
        ),
        ("DuckDB floor, AMU mart", f"{f['floor_amu_s']} s ({f['floor_rows']} rows)"),
        (
            "DuckDB floor, exam marts",
            f"{f['floor_exam_s']} s ({f['floor_exam_rows']} exam_results rows; "
            f"pipeline {f['pipeline_exam_rows']})",
        ),
        ("pandas baseline, AMU mart", f"{f['pandas_amu_s']} s ({f['pandas_rows']} rows)"),
        ("full run / floor", f"{f['ratio_full_to_floor']} ×"),
        ("pandas / full run", f"{f['ratio_pandas_to_full']} ×"),
        ("pandas / floor (AMU mart)", f"{f['ratio_pandas_to_floor_amu']} ×"),
        (
            "dashboard queries, worst p95",
            f"{f['dashboard_p95_max_ms']} ms over {len(f['dashboard_queries'])} queries",
        ),  # type: ignore[arg-type]
    ]
    lines = [f"| {f['scale']} | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
