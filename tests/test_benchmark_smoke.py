"""The benchmark harness runs end to end at demo scale (the real figures are taken by hand)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parent.parent


def test_benchmark_harness_at_demo_scale(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--scale",
            "demo",
            "--work",
            str(tmp_path),
            "--json",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(out.read_text())
    assert figures["full_run_s"] > figures["floor_amu_s"] > 0
    assert figures["floor_rows"] == figures["pandas_rows"] > 0
    # The floor's exam_results has the pipeline's grain: one row per delivered sitting.
    assert figures["floor_exam_rows"] == figures["pipeline_exam_rows"] > 0
    assert figures["dashboard_queries"], "no dashboard query was recorded"
    assert "| full `examwh run` |" in result.stdout
