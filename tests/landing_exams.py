"""A small landing tree for the exam feeds (grades, censors, complaints, komvux) whose marts can
be worked out by hand; test_exam_models.py holds the expected figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dagster_project.feeds import (
    CENSORS,
    COMPLAINTS,
    GRADES,
    KOMVUX_ENROLMENTS,
    KOMVUX_GRADES,
    KOMVUX_GROUPS,
)
from tests.landing import amu_row, cpr, write_amu, write_csv

GRADES_FILE = "grades_300001_2025-S_20250701.csv"
GRADES_SUPERSEDED = "grades_300001_2025-S_20250615.csv"
FVU_FILE = "grades_300002_2025-S_20250701.csv"
PINGPONG_FILE = "pingpong_grades_KC_2025VT_20250615.csv"
AMU_FILE = "amu_results_100009_2025Q3_20251020.csv"


def personnummer(yy: int, mm: int, dd: int, serial: int) -> str:
    """A Swedish personal number YYMMDD-NNNC with a correct Luhn check digit."""
    body = f"{yy:02d}{mm:02d}{dd:02d}{serial:03d}"
    total = 0
    for i, ch in enumerate(body):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return f"{body[:6]}-{body[6:]}{(10 - total % 10) % 10}"


def grade_row(
    person: str,
    examiner_grades: str,
    censor_grades: str,
    reported: str,
    education: str = "FP9",
    subject: str = "Dansk",
    form: str = "mundtlig",
    status: str = "bedømt",
    attempt: str = "ordinær",
    examiners: str | None = None,
    censors: str | None = None,
) -> list[str]:
    n_exam = len(examiner_grades.split("|")) if examiner_grades else 0
    n_cens = len(censor_grades.split("|")) if censor_grades else 0
    if examiners is None:
        examiners = "|".join(f"E{100 + i}" for i in range(n_exam))
    if censors is None:
        censors = "|".join(f"C{200 + i}" for i in range(n_cens))
    return [
        education,
        subject,
        form,
        "10-06-2025",
        person,
        examiners,
        censors,
        examiner_grades,
        censor_grades,
        reported,
        status,
        attempt,
        "Nej",
        "Nej",
        "",
        "",
        "",
        "",
    ]


@dataclass
class ExamLanding:
    """What was written, so tests can look for every person number afterwards."""

    root: Path
    person_numbers: list[str] = field(default_factory=list)
    # source_line in GRADES_FILE → expected final grade (None: no grade)
    expected_final: dict[int, str | None] = field(default_factory=dict)


def build_exam_landing(root: Path) -> ExamLanding:
    landing = ExamLanding(root)
    people = landing.person_numbers

    def dk(i: int) -> str:
        number = cpr(1 + i % 28, 1 + i % 12, 90 + i % 9, 2000 + i)
        people.append(number)
        return number

    # Institution 300001, 2025-S, FP9 Dansk oral: the cases of the grading rule.
    cases: list[tuple[list[str], str | None]] = []
    cases += [(grade_row(dk(i), "7", "7", "7"), "7") for i in range(6)]  # agreement
    # Half-way between 4 and 7: the censor gave the higher grade, so 7.
    cases += [(grade_row(dk(10 + i), "4", "7", "7"), "7") for i in range(2)]
    # 12 and 7 average 9.5: the nearest grade is 10.
    cases += [(grade_row(dk(20), "12", "7", "10"), "10")]
    # Two censors 10 and 7 average 8.5, half-way rounds up within a side: 10.
    cases += [(grade_row(dk(21), "", "10|7", "10"), "10")]
    cases += [(grade_row(dk(22 + i), "10", "10", "10"), "10") for i in range(3)]
    # Half-way between 7 and 4 with the censor lower: 4 (reported 7 is inconsistent).
    cases += [(grade_row(dk(30 + i), "7", "4", "7"), "4") for i in range(2)]
    cases += [(grade_row(dk(40), "", "", "", status="udeblevet"), None)]
    cases += [(grade_row(dk(41), "11", "7", "7"), None)]  # invalid token
    rows = [row for row, _ in cases]
    landing.expected_final = {line: final for line, (_, final) in enumerate(cases, start=1)}
    write_csv(root / "grades" / GRADES_FILE, GRADES.columns, rows)
    # An earlier delivery for the same institution and term: superseded, must not count.
    write_csv(
        root / "grades" / GRADES_SUPERSEDED,
        GRADES.columns,
        [grade_row(dk(50 + i), "12", "12", "12") for i in range(5)],
    )

    # Institution 300002: FVU pass/fail, a written exam under an exam number, a digital exam.
    fvu = [
        grade_row(
            dk(60 + i), "", "B", "B", education="FVU", subject="FVU-matematik", form="skriftlig"
        )
        for i in range(5)
    ]
    # A pass/fail dispute: the censor decides.
    fvu.append(
        grade_row(
            dk(66), "B", "IB", "IB", education="FVU", subject="FVU-matematik", form="skriftlig"
        )
    )
    fvu.append(grade_row("X7KQ-2291", "", "02", "02", subject="Matematik", form="skriftlig"))
    fvu.append(grade_row(dk(67), "", "", "10", subject="Matematik", form="digital"))
    write_csv(root / "grades" / FVU_FILE, GRADES.columns, fvu, delimiter="\t", encoding="cp1252")

    write_csv(
        root / "censors" / "censors_20250501.csv",
        CENSORS.columns,
        [
            ["C200", "400001", "Dansk", "01-08-2023", "31-07-2027", "2024"],
            ["C201", "400002", "Dansk|Engelsk", "01-08-2023", "31-07-2027", "2023"],
        ],
    )

    complaint_people = [people[0], people[1], people[2], people[3], people[4], people[5]]
    complaints = [
        [f"K{i}", p, "Dansk", "10-06-2025", "15-06-2025", "01-07-2025", "ikke medhold", ""]
        for i, p in enumerate(complaint_people[:5])
    ]
    complaints.append(
        ["K9", complaint_people[5], "Dansk", "10-06-2025", "30-06-2025", "02-07-2025", "afvist", ""]
    )
    write_csv(
        root / "complaints" / "complaints_300001_2025-S_20250801.csv",
        COMPLAINTS.columns,
        complaints,
    )

    # Komvux unit KC, spring 2025: one prövning group, six candidates.
    swedes = [personnummer(85, 1 + i, 10 + i, 100 + i) for i in range(6)]
    people += swedes
    group = "PRÖ:KC25VTMAT03B"
    write_csv(
        root / "komvux" / "ber_groups_KC_2025VT_20250615.csv",
        KOMVUX_GROUPS.columns,
        [[group, "KC", "KV", "MATMAT03b", "100", "Prövning", "2025-01-15", "2025-06-10", "T1"]],
    )
    write_csv(
        root / "komvux" / "ber_enrolments_KC_2025VT_20250615.csv",
        KOMVUX_ENROLMENTS.columns,
        [[p, group, "MATMAT03b", "2025-01-15", "2025-05-20", "Aktiv", "Ja"] for p in swedes],
    )
    grades = ["A", "C", "C", "E", "F", "E"]
    write_csv(
        root / "komvux" / PINGPONG_FILE,
        KOMVUX_GRADES.columns,
        [
            # The last candidate's grade date differs from the BER exam date.
            [p, "MATMAT03b", group, g, "2025-05-20" if i < 5 else "2025-05-27", "T1"]
            for i, (p, g) in enumerate(zip(swedes, grades, strict=True))
        ],
    )
    # An earlier Ping Pong delivery for the same unit and term: superseded.
    write_csv(
        root / "komvux" / "pingpong_grades_KC_2025VT_20250601.csv",
        KOMVUX_GRADES.columns,
        [[p, "MATMAT03b", group, "F", "2025-05-20", "T1"] for p in swedes],
    )

    # AMU: six participations, the first delivered twice in the same file (counted once).
    amu_people = [cpr(i + 1, 5, 70, 1700 + i) for i in range(6)]
    people += amu_people
    amu = [amu_row("H1", "01-07-2025", "03-07-2025", p, result="1") for p in amu_people]
    amu.append(amu[0])
    write_amu(root, AMU_FILE, amu)
    return landing
