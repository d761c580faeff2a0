"""Exam complaints `complaints/complaints_<inst>_<YYYY>-<S|V>_<YYYYMMDD>.csv` (CONTRACT §2.4).

A small share of assessed sittings draws a complaint, filed within the two weeks the rules allow
(fgu-exam-regulations, "Klager"); the few filed later are rejected (afvist), so complaint.late
never fires by accident. Outcomes: mostly not upheld, some re-gradings (with the new grade) and
new exams. Faults: a complaint filed after 14 days that was not rejected.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from dagster_project.feeds import COMPLAINTS
from dagster_project.generator.faults import FaultLog
from dagster_project.generator.grading import SCALE_TOKENS
from dagster_project.generator.random_streams import stream
from dagster_project.generator.writer import pick_style, write_delivery

COMPLAINT_SHARE = 0.015
DECISIONS = np.array(["afvist", "ikke medhold", "ombedømmelse", "omprøve"], dtype=object)
DECISION_SHARES = np.array([0.15, 0.65, 0.12, 0.08])
CHECK = "complaint.late"


def _dk(days: np.ndarray) -> np.ndarray:
    return pd.DatetimeIndex(days).strftime("%d-%m-%Y").to_numpy(dtype=object)


def write_complaints(
    out: Path,
    seed: int,
    fault_rate: float,
    faults: FaultLog,
    planted: set[str],
    sittings: pd.DataFrame,
    year: int,
    term: str,
    education: str,
    block: int,
) -> tuple[int, int]:
    """Complaints about the assessed sittings of one block; returns (files, rows) written."""
    rng = stream(seed, "complaints", education, year, term, block)
    assessed = (sittings["status"] == "bedømt").to_numpy() & (sittings["censors"].to_numpy() != "")
    chosen = np.flatnonzero(assessed & (rng.random(len(sittings)) < COMPLAINT_SHARE))
    if not len(chosen):
        return 0, 0
    rows = sittings.iloc[chosen].reset_index(drop=True)
    n = len(rows)
    exam = rows["date"].to_numpy().astype("datetime64[D]")
    decision = DECISIONS[rng.choice(len(DECISIONS), n, p=DECISION_SHARES)]
    delay = rng.integers(1, 15, n)
    # Some arrive late; those are rejected as filed too late.
    late = rng.random(n) < 0.05
    delay[late] = rng.integers(15, 40, int(late.sum()))
    decision[late] = "afvist"
    faulty = rng.random(n) < fault_rate
    if fault_rate > 0 and CHECK not in planted and not faulty.any():
        faulty[int(rng.integers(0, n))] = True
    delay[faulty] = rng.integers(15, 40, int(faulty.sum()))
    decision[faulty] = DECISIONS[1:][rng.integers(0, 3, int(faulty.sum()))]
    received = exam + delay.astype("timedelta64[D]")
    decided = received + rng.integers(7, 45, n).astype("timedelta64[D]")
    new_grade = np.full(n, "", dtype=object)
    regrade = decision == "ombedømmelse"
    reported = rows["reported"].to_numpy()
    on_scale = np.isin(reported, SCALE_TOKENS)
    steps = rng.integers(0, 2, n)  # a re-grading keeps the grade or raises it a step
    for i in np.flatnonzero(regrade):
        if on_scale[i]:
            pos = int(np.flatnonzero(reported[i] == SCALE_TOKENS)[0])
            new_grade[i] = SCALE_TOKENS[min(6, pos + int(steps[i]))]
        else:
            new_grade[i] = "B"
    files = 0
    rows["complaint_id"] = [f"K{year % 100:02d}{term}{block:03d}{i:05d}" for i in range(n)]
    rows["received"], rows["decided"], rows["decision"] = received, decided, decision
    rows["new_grade"], rows["faulty"] = new_grade, faulty
    for inst, group in rows.groupby("institution", sort=True):
        extracted = pd.Timestamp(group["decided"].max()).date() + timedelta(
            days=int(rng.integers(3, 20))
        )
        name = f"complaints_{inst}_{year}-{term}_{extracted:%Y%m%d}.csv"
        columns = [
            group["complaint_id"].to_numpy(),
            group["elev"].to_numpy(),
            group["subject"].to_numpy(),
            _dk(group["date"].to_numpy()),
            _dk(group["received"].to_numpy()),
            _dk(group["decided"].to_numpy()),
            group["decision"].to_numpy(),
            group["new_grade"].to_numpy(),
        ]
        write_delivery(
            out / COMPLAINTS.feed / name,
            COMPLAINTS.columns,
            zip(*(np.asarray(c, dtype=object).tolist() for c in columns), strict=True),
            pick_style(rng),
        )
        files += 1
        for line in np.flatnonzero(group["faulty"].to_numpy()) + 1:
            faults.add(CHECK, "complaints", name, int(line))
            planted.add(CHECK)
    return files, n
