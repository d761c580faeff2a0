"""Synthetic landing trees: what the source systems would deliver, with planted, known faults.

`generate()` writes `<out>/<feed>/<file>` per CONTRACT §2 and `<out>/_faults.csv` (§5).
Deterministic: every file draws from its own random stream derived from the seed and the file's
identity, so the same arguments give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dagster_project.generator.amu import generate_amu
from dagster_project.generator.censors import make_register, write_register
from dagster_project.generator.exam_catalogue import CENSORED_SUBJECTS
from dagster_project.generator.faults import FaultLog
from dagster_project.generator.grades import GradeGenerator, exam_institutions
from dagster_project.generator.komvux import generate_komvux
from dagster_project.generator.scales import scale_for


@dataclass(frozen=True)
class GenerationSummary:
    files: int
    rows: int
    faults: int


def generate(
    out: Path,
    scale: str = "demo",
    seed: int = 7,
    years: int | None = None,
    fault_rate: float = 0.01,
    progress: Callable[..., None] = lambda *a: None,
) -> GenerationSummary:
    if not 0.0 <= fault_rate <= 0.5:
        raise ValueError(f"--fault-rate must be between 0 and 0.5, got {fault_rate}")
    params = scale_for(scale, years)
    out.mkdir(parents=True, exist_ok=True)
    files = rows = 0
    with FaultLog(out / "_faults.csv") as faults:
        f, r = generate_amu(out, params, seed, fault_rate, faults, progress)
        files += f
        rows += r
        employers = [i.institution_id for kind in exam_institutions(params).values() for i in kind]
        register = make_register(seed, params, employers, CENSORED_SUBJECTS)
        grades = GradeGenerator(out, params, seed, fault_rate, faults, register)
        f, r = grades.generate(progress)
        files += f + grades.complaint_files
        rows += r + grades.complaint_rows
        f, r = write_register(out, seed, register, params)
        files += f
        rows += r
        f, r = generate_komvux(out, params, seed, fault_rate, faults, progress)
        files += f
        rows += r
        fault_count = faults.count
    return GenerationSummary(files=files, rows=rows, faults=fault_count)
