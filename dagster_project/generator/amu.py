"""AMU result deliveries: `amu/amu_results_<inst>_<YYYY>Q<n>_<YYYYMMDD>.csv` (CONTRACT §2.1).

Per institution and quarter: teams of 16-20 participants on catalogue courses that start and end
inside the quarter, results mostly code 1 with a few per cent 4 and 5 and some 2, 3 and 6.
Some institution-quarters are delivered twice: a first extraction with results still missing and
participations that were planned but never held, and a corrected one that supersedes it. Faults are
planted in the delivery that counts (the latest) and written to the manifest.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from dagster_project.feeds import AMU_RESULTS
from dagster_project.generator.faults import FaultLog
from dagster_project.generator.people import make_population
from dagster_project.generator.random_streams import stream
from dagster_project.generator.reference import read_seed
from dagster_project.generator.scales import Scale
from dagster_project.generator.writer import pick_style, write_delivery

# Course activity by quarter: summer holidays make Q3 the quiet one.
SEASONALITY = np.array([1.05, 1.1, 0.7, 1.15])
RESULT_CODES = np.array([1, 2, 3, 4, 5, 6])
AMU_FAULTS = (
    "amu.result_missing",
    "amu.ends_after_quarter",
    "amu.result_code_invalid",
    "amu.dates_inverted",
    "amu.person_number_invalid",
    "amu.duplicate_participation",
    "amu.course_unknown",
)
RESULT_SHARES = np.array([0.855, 0.015, 0.03, 0.035, 0.055, 0.01])


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 3 * (quarter - 1) + 1, 1)
    end = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - timedelta(days=1)
    return start, end


def _dk(days: np.ndarray) -> np.ndarray:
    """Format datetime64[D] values as dd-mm-yyyy."""
    return pd.DatetimeIndex(days).strftime("%d-%m-%Y").to_numpy(dtype=object)


def _institution_sizes(rng: np.random.Generator, n: int) -> np.ndarray:
    weights = rng.lognormal(0.0, 0.6, n)
    return weights / weights.sum()


def _teams(
    rng: np.random.Generator,
    n_target: int,
    q_start: date,
    q_end: date,
    catalogue: tuple[dict[str, str], ...],
):
    popularity = stream(0, "amu-course-popularity").pareto(1.2, len(catalogue)) + 0.05
    popularity = popularity / popularity.sum()
    teams = []
    total = 0
    team_no = 0
    span = (q_end - q_start).days
    while total < n_target:
        course = catalogue[int(rng.choice(len(catalogue), p=popularity))]
        days = int(course["days"])
        size = int(rng.integers(16, 21))
        start_offset = int(rng.integers(0, max(1, span - days - 1)))
        start = q_start + timedelta(days=start_offset)
        end = start + timedelta(days=max(0, days - 1) + days // 5 * 2)
        if end > q_end:
            end = q_end
        team_no += 1
        teams.append((f"{team_no:02d}", start, end, course, size))
        total += size
    return teams


def generate_amu(
    out: Path,
    scale: Scale,
    seed: int,
    fault_rate: float,
    faults: FaultLog,
    progress: Callable[..., None],
) -> tuple[int, int]:
    catalogue = read_seed("amu_course_catalogue")
    institutions = read_seed("amu_institutions")[: scale.amu_institutions]
    people = make_population(seed, scale.people)
    sizes = _institution_sizes(stream(seed, "amu-sizes"), len(institutions))
    files = rows_written = 0
    for year in range(scale.first_year, scale.first_year + scale.years):
        for quarter in range(1, 5):
            q_start, q_end = quarter_bounds(year, quarter)
            per_quarter = (
                scale.amu_participations_per_year * SEASONALITY[quarter - 1] / SEASONALITY.sum()
            )
            for inst, share in zip(institutions, sizes, strict=True):
                rng = stream(seed, "amu", inst["institution_id"], year, quarter)
                n_target = max(16, int(per_quarter * share))
                f, r = _write_institution_quarter(
                    out,
                    rng,
                    inst["institution_id"],
                    year,
                    quarter,
                    q_start,
                    q_end,
                    n_target,
                    catalogue,
                    people,
                    fault_rate,
                    faults,
                )
                files += f
                rows_written += r
            progress("amu %dQ%d: %d files so far", year, quarter, files)
    return files, rows_written


def _write_institution_quarter(
    out: Path,
    rng: np.random.Generator,
    institution: str,
    year: int,
    quarter: int,
    q_start: date,
    q_end: date,
    n_target: int,
    catalogue: tuple[dict[str, str], ...],
    people,
    fault_rate: float,
    faults: FaultLog,
) -> tuple[int, int]:
    teams = _teams(rng, n_target, q_start, q_end, catalogue)
    n = sum(t[4] for t in teams)
    team_id = np.concatenate([np.full(t[4], t[0], dtype=object) for t in teams])
    start = np.concatenate([np.full(t[4], np.datetime64(t[1], "D")) for t in teams])
    end = np.concatenate([np.full(t[4], np.datetime64(t[2], "D")) for t in teams])
    fagkode = np.concatenate([np.full(t[4], t[3]["fagkode"], dtype=object) for t in teams])
    title = np.concatenate([np.full(t[4], t[3]["course_title"], dtype=object) for t in teams])
    level = np.concatenate([np.full(t[4], t[3]["course_level"], dtype=object) for t in teams])
    fkb = np.concatenate([np.full(t[4], t[3]["fkb"], dtype=object) for t in teams])
    # Distinct people within a team; the same person may attend several teams and quarters.
    person = np.concatenate([rng.choice(len(people), t[4], replace=False) for t in teams])
    cpr = people.cpr[person]
    # Institutions write the CPR with or without the hyphen, each in its own habit.
    if rng.random() < 0.3:
        cpr = np.char.replace(cpr.astype(str), "-", "")
    self_study = np.where(rng.random(n) < 0.03, "Ja", "Nej")
    result = rng.choice(RESULT_CODES, n, p=RESULT_SHARES)
    edited = end + rng.integers(0, 20, n).astype("timedelta64[D]")
    extracted_final = np.datetime64(q_end, "D") + int(rng.integers(25, 45))
    edited = np.minimum(edited, extracted_final - 1)
    with_time = rng.random(n) < 0.5
    hhmm = np.char.add(
        np.char.add(" ", np.char.zfill(rng.integers(7, 17, n).astype(str), 2)),
        np.char.add(":", np.char.zfill(rng.integers(0, 60, n).astype(str), 2)),
    )
    edited_text = np.where(with_time, np.char.add(_dk(edited), hhmm), _dk(edited))

    files = 0
    # A first, incomplete extraction for some institution-quarters, superseded by the final one.
    if rng.random() < 0.2:
        first_extracted = np.datetime64(q_end, "D") + int(rng.integers(5, 15))
        pending = rng.random(n) < 0.15
        first_result = np.where(pending, 0, result)
        first_edited = np.where(pending, "", edited_text)
        cancelled = rng.random(n) < 0.03  # planned, never held: deleted before the final delivery
        keep = np.ones(n, dtype=bool)
        name = _file_name(institution, year, quarter, first_extracted)
        _write(
            out,
            name,
            rng,
            team_id,
            start,
            end,
            cpr,
            fagkode,
            title,
            level,
            fkb,
            self_study,
            first_result,
            first_edited,
            keep,
        )
        files += 1
        keep_final = ~cancelled
    else:
        keep_final = np.ones(n, dtype=bool)

    # Planted faults, in the delivery that counts: a faulty row carries exactly one fault kind,
    # made so that it trips its own check and no other.
    faulty = (rng.random(n) < fault_rate) & keep_final
    kind = np.where(faulty, rng.integers(0, len(AMU_FAULTS), n), -1)
    result = result.copy()
    start, end, cpr = start.copy(), end.copy(), np.asarray(cpr, dtype=object).copy()
    fagkode, fkb = fagkode.copy(), fkb.copy()
    is_kind = {check: kind == i for i, check in enumerate(AMU_FAULTS)}
    result[is_kind["amu.result_missing"]] = 0
    edited_text = np.where(is_kind["amu.result_missing"], "", edited_text)
    after = is_kind["amu.ends_after_quarter"]
    end[after] = np.datetime64(q_end, "D") + rng.integers(1, 20, after.sum()).astype(
        "timedelta64[D]"
    )
    invalid_code = is_kind["amu.result_code_invalid"]
    result[invalid_code] = rng.choice([7, 8, 9], invalid_code.sum())
    inverted = is_kind["amu.dates_inverted"]
    start[inverted] = end[inverted] + rng.integers(1, 6, inverted.sum()).astype("timedelta64[D]")
    bad_cpr = is_kind["amu.person_number_invalid"]
    # Day 32-39: ten digits, but no birth date.
    cpr[bad_cpr] = [
        f"3{d}{c[2:]}"
        for d, c in zip(rng.integers(2, 10, bad_cpr.sum()), cpr[bad_cpr], strict=True)
    ]
    unknown = is_kind["amu.course_unknown"]
    wrong_code = unknown & (rng.random(n) < 0.5)
    fagkode[wrong_code] = [f"39{v:03d}" for v in rng.integers(0, 1000, wrong_code.sum())]
    wrong_fkb = unknown & ~wrong_code
    fkb[wrong_fkb] = [f"9{v:03d}" for v in rng.integers(0, 1000, wrong_fkb.sum())]
    # Duplicates: the row is delivered once more at the end of the file; the repeat fails.
    repeated = np.flatnonzero(is_kind["amu.duplicate_participation"])
    order = np.concatenate([np.flatnonzero(keep_final), repeated])

    name = _file_name(institution, year, quarter, extracted_final)
    columns = [
        team_id,
        _dk(start),
        _dk(end),
        cpr,
        fagkode,
        title,
        level,
        fkb,
        self_study,
        result.astype(str),
        edited_text,
    ]
    rows = zip(*(np.asarray(c)[order].tolist() for c in columns), strict=True)
    write_delivery(out / AMU_RESULTS.feed / name, AMU_RESULTS.columns, rows, pick_style(rng))
    line_of = np.zeros(n, dtype=np.int64)
    line_of[np.flatnonzero(keep_final)] = np.arange(1, keep_final.sum() + 1)
    for check in AMU_FAULTS:
        if check == "amu.duplicate_participation":
            continue
        for idx in np.flatnonzero(is_kind[check]):
            faults.add(check, "amu", name, int(line_of[idx]))
    for j in range(len(repeated)):
        faults.add("amu.duplicate_participation", "amu", name, int(keep_final.sum()) + j + 1)
    files += 1
    return files, len(order)


def _file_name(institution: str, year: int, quarter: int, extracted: np.datetime64) -> str:
    stamp = str(extracted).replace("-", "")
    return f"amu_results_{institution}_{year}Q{quarter}_{stamp}.csv"


def _write(
    out,
    name,
    rng,
    team_id,
    start,
    end,
    cpr,
    fagkode,
    title,
    level,
    fkb,
    self_study,
    result,
    edited,
    keep,
):
    style = pick_style(rng)
    columns = [
        team_id,
        _dk(start),
        _dk(end),
        cpr,
        fagkode,
        title,
        level,
        fkb,
        self_study,
        result.astype(str),
        edited,
    ]
    rows = zip(*(np.asarray(c)[keep].tolist() for c in columns), strict=True)
    write_delivery(out / AMU_RESULTS.feed / name, AMU_RESULTS.columns, rows, style)
