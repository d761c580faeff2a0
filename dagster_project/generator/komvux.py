"""Swedish prövning at Komvux: `komvux/{ber_groups,ber_enrolments,pingpong_grades}_<enhet>_<YYYY><VT|HT>_
<YYYYMMDD>.csv` (CONTRACT §2.5), following the Stockholm routine (komvux-provning-routine).

Per school unit and term, a prövning group per course and grading teacher, named
`PRÖ:` + unit + YY + VT/HT + course code without its subject prefix, uppercased, with a digit when
two teachers share a course ("Skapa prövningsgrupp"); the group lies within the term. Candidates
are enrolled in BER with the prövning date as Till och med ("Placera elev i prövningsgrupp"), and
graded A-F in Ping Pong on that date. BER writes twelve-digit personnummer, Ping Pong ten: the
same person either way. Some units re-deliver Ping Pong after late grades were entered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from dagster_project.feeds import KOMVUX_ENROLMENTS, KOMVUX_GRADES, KOMVUX_GROUPS
from dagster_project.generator.faults import FaultLog
from dagster_project.generator.people import make_se_population
from dagster_project.generator.random_streams import stream
from dagster_project.generator.scales import Scale
from dagster_project.generator.writer import pick_style, write_delivery

UNITS = ("KC", "VUX", "KN", "KV", "LV", "KS", "HV", "KF")
COURSES = (
    ("MATMAT01a", 100), ("MATMAT01b", 100), ("MATMAT02a", 100), ("MATMAT02b", 100),
    ("MATMAT03b", 100), ("MATMAT03c", 100), ("MATMAT04", 100), ("ENGENG05", 100),
    ("ENGENG06", 100), ("ENGENG07", 100), ("SVESVE01", 100), ("SVESVE02", 100),
    ("SVESVE03", 100), ("SVASVA01", 100), ("SVASVA02", 100), ("SVASVA03", 100),
    ("HISHIS01a1", 50), ("HISHIS01b", 100), ("SAMSAM01a1", 50), ("SAMSAM01b", 100),
    ("NAKNAK01a1", 50), ("BIOBIO01", 100), ("BIOBIO02", 100), ("KEMKEM01", 100),
    ("FYSFYS01a", 150), ("RELREL01", 50), ("FILFIL01", 50), ("PSYPSY01", 50),
    ("ENTENT01", 100), ("NAKNAK01b", 100),
)  # fmt: skip
GRADES = np.array(["A", "B", "C", "D", "E", "F"], dtype=object)
# Prövning candidates fail more often than course students.
GRADE_SHARES = np.array([0.09, 0.08, 0.15, 0.13, 0.25, 0.30])
INVALID_GRADES = np.array(["G", "VG", "IG", "MVG", "X", ""], dtype=object)
GROUP_FAULTS = ("komvux.group_name_invalid", "komvux.group_end_invalid")
GRADE_FAULTS = ("komvux.grade_invalid", "komvux.grade_date_mismatch")


@dataclass
class _Files:
    groups: list[list[str]] = field(default_factory=list)
    enrolments: list[list[str]] = field(default_factory=list)
    grades: list[list[str]] = field(default_factory=list)
    faults: list[tuple[str, str, int | None, str]] = field(default_factory=list)


def _se(day: date) -> str:
    return day.isoformat()


def _ten_digit(number: str) -> str:
    """Ping Pong's form of a twelve-digit personnummer: YYMMDD-NNNC."""
    return number[2:]


def _corrupt(rng: np.random.Generator, number: str) -> str:
    """Shaped like a personnummer, but the check digit or the date is wrong."""
    if rng.random() < 0.6:
        return number[:-1] + str((int(number[-1]) + 1 + int(rng.integers(0, 8))) % 10)
    month = 4 if len(number) == 13 else 2  # YYYYMMDD-NNNC or YYMMDD-NNNC
    return number[:month] + "13" + number[month + 2 :]


def generate_komvux(
    out: Path,
    scale: Scale,
    seed: int,
    fault_rate: float,
    faults: FaultLog,
    progress: Callable[..., None],
) -> tuple[int, int]:
    people = make_se_population(seed, scale.se_people)
    planted: set[str] = set()
    files = rows = 0
    for year in range(scale.first_year, scale.last_year + 1):
        for term in ("VT", "HT"):
            for unit in UNITS[: scale.komvux_units]:
                rng = stream(seed, "komvux", unit, year, term)
                made = _unit_term(rng, unit, year, term, scale, people.number, fault_rate, planted)
                f, r = _write(out, rng, unit, year, term, made, faults)
                files += f
                rows += r
            progress("komvux %d%s: %d files so far", year, term, files)
    return files, rows


def _force(
    rng: np.random.Generator,
    kinds: np.ndarray,
    options: tuple[str, ...],
    planted: set[str],
    fault_rate: float,
) -> None:
    """Give a kind that has not been planted anywhere yet one row here."""
    if fault_rate <= 0:
        return
    for k, check in enumerate(options):
        if check not in planted and not (kinds == k).any():
            free = np.flatnonzero(kinds == -1)
            if len(free):
                kinds[free[rng.integers(0, len(free))]] = k


def _unit_term(
    rng: np.random.Generator,
    unit: str,
    year: int,
    term: str,
    scale: Scale,
    people: np.ndarray,
    fault_rate: float,
    planted: set[str],
) -> _Files:
    made = _Files()
    yy = f"{year % 100:02d}"
    if term == "VT":
        starts, ends, term_end = date(year, 1, 10), date(year, 5, 20), date(year, 6, 30)
    else:
        starts, ends, term_end = date(year, 8, 15), date(year, 12, 1), date(year, 12, 31)
    offered = rng.choice(len(COURSES), min(scale.komvux_courses, len(COURSES)), replace=False)
    groups = []
    for c in sorted(offered):
        code, points = COURSES[c]
        teachers = 2 if rng.random() < 0.2 else 1
        for t in range(teachers):
            suffix = str(t + 1) if teachers == 2 else ""
            name = f"PRÖ:{unit}{yy}{term}{code[3:].upper()}{suffix}"
            teacher = f"{unit}-T{int(rng.integers(1, 60)):02d}"
            start = starts + timedelta(days=int(rng.integers(0, 10)))
            end = ends + timedelta(days=int(rng.integers(0, 25)))
            groups.append([name, unit, "KV", code, str(points), "Prövning", start, end, teacher])
    # Group-level faults in the BER group file.
    kinds = np.where(
        rng.random(len(groups)) < fault_rate,
        rng.integers(0, len(GROUP_FAULTS) + 1, len(groups)),
        -1,
    )
    _force(rng, kinds, (*GROUP_FAULTS, "komvux.group_teachers"), planted, fault_rate)
    for line, (g, kind) in enumerate(zip(groups, kinds, strict=True), start=1):
        name, code, start, end, teacher = g[0], g[3], g[6], g[7], g[8]
        group_row = list(g)
        if kind == 0:
            group_row[0] = _bad_name(rng, name, yy, term)
            made.faults.append(("komvux.group_name_invalid", "groups", line, ""))
        elif kind == 1:
            group_row[7] = term_end + timedelta(days=int(rng.integers(1, 40)))
            made.faults.append(("komvux.group_end_invalid", "groups", line, ""))
        elif kind == 2:
            group_row[8] = f"{teacher}|{unit}-T{int(rng.integers(60, 99))}"
            made.faults.append(("komvux.group_teachers", "", None, f"{unit}|{year}{term}|{name}"))
        if kind >= 0:
            planted.add(made.faults[-1][0])
        group_row[6], group_row[7] = _se(group_row[6]), _se(group_row[7])
        made.groups.append(group_row)
        # Candidates: one to three prövning dates inside the group's period.
        n = 1 + int(rng.poisson(scale.komvux_candidates_per_course - 1))
        who = people[rng.choice(len(people), n, replace=False)]
        span = max(1, (end - start).days - 30)
        sessions = [
            start + timedelta(days=30 + int(d))
            for d in rng.integers(0, span, 1 + int(rng.integers(0, 3)))
        ]
        for number in who:
            exam = sessions[int(rng.integers(0, len(sessions)))]
            active = rng.random() < 0.92
            made.enrolments.append(
                [
                    number,
                    name,
                    code,
                    _se(start),
                    _se(exam),
                    "Aktiv" if active else "Avbruten",
                    "Ja" if active else "Nej",
                ]
            )
            if active and rng.random() < 0.9:
                grade = GRADES[rng.choice(len(GRADES), p=GRADE_SHARES)]
                made.grades.append([_ten_digit(number), code, name, grade, _se(exam), teacher])
    # Row-level faults in the enrolment and grade files.
    grade_kind = np.where(
        rng.random(len(made.grades)) < fault_rate,
        rng.integers(0, len(GRADE_FAULTS) + 1, len(made.grades)),
        -1,
    )
    _force(rng, grade_kind, (*GRADE_FAULTS, "komvux.personnummer_invalid"), planted, fault_rate)
    for line, (row, kind) in enumerate(zip(made.grades, grade_kind, strict=True), start=1):
        if kind == 0:
            row[3] = INVALID_GRADES[rng.integers(0, len(INVALID_GRADES))]
            made.faults.append(("komvux.grade_invalid", "grades", line, ""))
        elif kind == 1:
            shifted = date.fromisoformat(row[4]) + timedelta(
                days=int(rng.choice([-7, -1, 1, 2, 7, 14]))
            )
            row[4] = _se(shifted)
            made.faults.append(("komvux.grade_date_mismatch", "grades", line, ""))
        elif kind == 2:
            row[0] = _corrupt(rng, row[0])
            made.faults.append(("komvux.personnummer_invalid", "grades", line, ""))
        if kind >= 0:
            planted.add(made.faults[-1][0])
    enrolment_faulty = rng.random(len(made.enrolments)) < fault_rate / 3
    for line in np.flatnonzero(enrolment_faulty) + 1:
        made.enrolments[line - 1][0] = _corrupt(rng, made.enrolments[line - 1][0])
        made.faults.append(("komvux.personnummer_invalid", "enrolments", int(line), ""))
    return made


def _bad_name(rng: np.random.Generator, name: str, yy: str, term: str) -> str:
    """Ways group names go wrong in practice: the other term, last year, no prefix, a lowercase
    course letter, or two digits."""
    other = "HT" if term == "VT" else "VT"
    choice = int(rng.integers(0, 4))
    if choice == 0:
        return name.replace(f"{yy}{term}", f"{yy}{other}", 1)
    if choice == 1:
        return name.replace(f"{yy}{term}", f"{int(yy) - 1:02d}{term}", 1)
    if choice == 2:
        return name.removeprefix("PRÖ:")
    return name + "12"


def _write(
    out: Path,
    rng: np.random.Generator,
    unit: str,
    year: int,
    term: str,
    made: _Files,
    faults: FaultLog,
) -> tuple[int, int]:
    extracted = date(year, 7, 1) if term == "VT" else date(year + 1, 1, 15)
    extracted += timedelta(days=int(rng.integers(0, 10)))
    stamp = f"{extracted:%Y%m%d}"
    names = {
        "groups": f"ber_groups_{unit}_{year}{term}_{stamp}.csv",
        "enrolments": f"ber_enrolments_{unit}_{year}{term}_{stamp}.csv",
        "grades": f"pingpong_grades_{unit}_{year}{term}_{stamp}.csv",
    }
    kinds = {"groups": KOMVUX_GROUPS, "enrolments": KOMVUX_ENROLMENTS, "grades": KOMVUX_GRADES}
    data = {"groups": made.groups, "enrolments": made.enrolments, "grades": made.grades}
    files = rows = 0
    for part, kind in kinds.items():
        write_delivery(out / kind.feed / names[part], kind.columns, data[part], pick_style(rng))
        files += 1
        rows += len(data[part])
    # Ping Pong re-delivered for some units: the first export lacked late grades.
    if made.grades and rng.random() < 0.2:
        early = [g for g in made.grades if rng.random() > 0.15]
        early_name = (
            f"pingpong_grades_{unit}_{year}{term}_{extracted - timedelta(days=12):%Y%m%d}.csv"
        )
        write_delivery(
            out / KOMVUX_GRADES.feed / early_name, KOMVUX_GRADES.columns, early, pick_style(rng)
        )
        files += 1
        rows += len(early)
    for check, part, line, record_key in made.faults:
        faults.add(check, "komvux", names[part] if part else "", line, record_key)
    return files, rows
