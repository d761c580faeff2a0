"""A landing tree for the exam and Komvux quality checks with exactly one planted fault per check,
next to clean rows that sit on each rule's boundary (so an off-by-one in a check shows up as a
false positive). `expected` lists where every check must report its fault."""

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
from tests.landing import cpr, write_csv
from tests.landing_exams import grade_row, personnummer

GRADES_FILE = "grades_300001_2025-S_20250701.csv"
FVU_FILE = "grades_300002_2025-S_20250701.csv"
COMPLAINTS_FILE = "complaints_300001_2025-S_20250801.csv"
GROUPS_FILE = "ber_groups_KC_2025VT_20250615.csv"
ENROLMENTS_FILE = "ber_enrolments_KC_2025VT_20250615.csv"
PINGPONG_FILE = "pingpong_grades_KC_2025VT_20250615.csv"

# grade_row's column positions for the FVU-only fields (GRADES.columns order).
_SELF_STUDY, _REGISTERED, _EXAM_SET, _SENT, _GRADED = 13, 14, 15, 16, 17


@dataclass
class FaultLanding:
    root: Path
    person_numbers: list[str] = field(default_factory=list)
    # (check_id, source_file, source_line) for row-level faults, (check_id, "", record_key) for sets
    expected: set[tuple[str, str, str]] = field(default_factory=set)


def fvu_row(
    person: str,
    exam_set: str,
    self_study: str = "Nej",
    registered: str = "",
    sent: str = "",
    graded: str = "",
) -> list[str]:
    row = grade_row(person, "", "B", "B", education="FVU", subject="FVU-læsning", form="skriftlig")
    row[_SELF_STUDY], row[_REGISTERED], row[_EXAM_SET] = self_study, registered, exam_set
    row[_SENT], row[_GRADED] = sent, graded
    return row


def build_fault_landing(root: Path) -> FaultLanding:
    landing = FaultLanding(root)
    people = landing.person_numbers

    def dk(i: int) -> str:
        number = cpr(1 + i % 28, 1 + i % 12, 95, 3000 + i)
        people.append(number)
        return number

    # Exams on 10-06-2025 at 300001; every censor is appointed and employed elsewhere unless the
    # row plants a censor fault. Examiners are E1xx, censors C2xx, so no pair is mutual by chance.
    grades = [
        grade_row(dk(1), "7", "7", "7", censors="C200"),
        grade_row(dk(2), "7", "13", "7", censors="C200"),  # grade.invalid
        grade_row(dk(3), "12", "7", "12", censors="C200"),  # grade.final_inconsistent (10)
        grade_row(dk(4), "7", "7", "", censors="C200"),  # grade.missing
        grade_row(dk(5), "7", "7", "7", censors="C202"),  # censor.same_institution
        grade_row(dk(6), "7", "7", "7", censors="C299"),  # censor.not_appointed (not in register)
        grade_row(dk(7), "", "", "", status="udeblevet"),
        grade_row(dk(8), "", "", "10", form="digital"),
        grade_row(dk(9), "4", "7", "7", censors="C201"),  # half-way, censor higher: 7 is right
        # censor.mutual_repeat: T1 and T2 censor each other on the same day.
        grade_row(dk(10), "7", "7", "7", examiners="T1", censors="T2"),
        grade_row(dk(11), "7", "7", "7", examiners="T2", censors="T1"),
    ]
    write_csv(root / "grades" / GRADES_FILE, GRADES.columns, grades)
    landing.expected |= {
        ("grade.invalid", GRADES_FILE, "2"),
        ("grade.final_inconsistent", GRADES_FILE, "3"),
        ("grade.missing", GRADES_FILE, "4"),
        ("censor.same_institution", GRADES_FILE, "5"),
        ("censor.not_appointed", GRADES_FILE, "6"),
        ("censor.mutual_repeat", "", "T1|T2"),
    }

    write_csv(
        root / "censors" / "censors_20250501.csv",
        CENSORS.columns,
        [
            ["C200", "400001", "Dansk", "01-08-2023", "31-07-2027", "2024"],
            ["C201", "400002", "Dansk", "01-08-2023", "10-06-2025", "2024"],  # ends on the day
            ["C202", "300001", "Dansk", "01-08-2023", "31-07-2027", "2024"],
            ["T1", "400001", "Dansk", "01-08-2023", "31-07-2027", "2024"],
            ["T2", "400002", "Dansk", "01-08-2023", "31-07-2027", "2024"],
        ],
    )

    # FVU at 300002, all on 10-06-2025. Set S1 is used exactly three times (allowed), S3 four.
    fvu = [
        # Self-study registered exactly 14 days before; graded after exactly 8 working days.
        fvu_row(dk(20), "S1", "Ja", "27-05-2025", "10-06-2025", "20-06-2025"),
        fvu_row(dk(21), "S1", "Ja", "28-05-2025"),  # fvu.selfstudy_late (13 days)
        fvu_row(dk(22), "S1", sent="10-06-2025", graded="23-06-2025"),  # fvu.grading_late (9)
        # 10 weekdays but Ascension Day and Whit Monday are holidays: 8 working days.
        fvu_row(dk(23), "S3", sent="27-05-2025", graded="10-06-2025"),
        fvu_row(dk(24), "S3"),
        fvu_row(dk(25), "S3"),
        fvu_row(dk(26), "S3"),  # fvu.exam_set_overuse: the fourth use of S3
        fvu_row(dk(27), "S2", "Nej", "09-06-2025"),  # late registration, but not self-study
    ]
    write_csv(root / "grades" / FVU_FILE, GRADES.columns, fvu, delimiter="\t", encoding="cp1252")
    landing.expected |= {
        ("fvu.selfstudy_late", FVU_FILE, "2"),
        ("fvu.grading_late", FVU_FILE, "3"),
        ("fvu.exam_set_overuse", "", "300002|S3|2025-06-10"),
    }

    complaints = [
        ["K1", people[0], "Dansk", "10-06-2025", "24-06-2025", "01-07-2025", "ikke medhold", ""],
        ["K2", people[1], "Dansk", "10-06-2025", "25-06-2025", "01-07-2025", "ikke medhold", ""],
        ["K3", people[2], "Dansk", "10-06-2025", "30-06-2025", "02-07-2025", "afvist", ""],
    ]
    write_csv(root / "complaints" / COMPLAINTS_FILE, COMPLAINTS.columns, complaints)
    landing.expected.add(("complaint.late", COMPLAINTS_FILE, "2"))

    # Komvux unit KC, spring 2025.
    group = "PRÖ:KC25VTMAT03B"
    groups = [
        [group, "KC", "KV", "MATMAT03b", "100", "Prövning", "2025-01-15", "2025-06-10", "T1"],
        # The digit suffix for a second teacher, ending on the last allowed day.
        [f"{group}2", "KC", "KV", "MATMAT03b", "100", "Prövning", "2025-01-15", "2025-06-30", "T2"],
        # komvux.group_name_invalid: an autumn name for a spring group.
        [
            "PRÖ:KC25HTENG05",
            "KC",
            "KV",
            "ENGENG05",
            "100",
            "Prövning",
            "2025-01-15",
            "2025-06-10",
            "T3",
        ],
        # komvux.group_end_invalid: a spring group ending in July.
        [
            "PRÖ:KC25VTSVE01",
            "KC",
            "KV",
            "SVESVE01",
            "100",
            "Prövning",
            "2025-01-15",
            "2025-07-01",
            "T4",
        ],
        # komvux.group_teachers: two grading teachers on one group.
        [
            "PRÖ:KC25VTHIS01A",
            "KC",
            "KV",
            "HISHIS01a",
            "50",
            "Prövning",
            "2025-01-15",
            "2025-06-10",
            "T5|T6",
        ],
    ]
    write_csv(root / "komvux" / GROUPS_FILE, KOMVUX_GROUPS.columns, groups)
    swedes = [personnummer(85, 1 + i, 10 + i, 100 + i) for i in range(5)]
    valid = personnummer(85, 6, 15, 105)
    broken = valid[:-1] + str((int(valid[-1]) + 1) % 10)  # wrong Luhn check digit
    people += [*swedes, broken]
    enrolments = [
        [p, group, "MATMAT03b", "2025-01-15", "2025-05-20", "Prövning", "Ja"]
        for p in [*swedes, broken]
    ]
    write_csv(root / "komvux" / ENROLMENTS_FILE, KOMVUX_ENROLMENTS.columns, enrolments)
    grades_se = [
        [swedes[0], "MATMAT03b", group, "A", "2025-05-20", "T1"],
        [swedes[1], "MATMAT03b", group, "G", "2025-05-20", "T1"],  # komvux.grade_invalid
        [swedes[2], "MATMAT03b", group, "C", "2025-05-27", "T1"],  # komvux.grade_date_mismatch
        [swedes[3], "MATMAT03b", group, "E", "2025-05-20", "T1"],
        [swedes[4], "MATMAT03b", group, "F", "2025-05-20", "T1"],
    ]
    write_csv(root / "komvux" / PINGPONG_FILE, KOMVUX_GRADES.columns, grades_se)
    landing.expected |= {
        ("komvux.group_name_invalid", GROUPS_FILE, "3"),
        ("komvux.group_end_invalid", GROUPS_FILE, "4"),
        ("komvux.group_teachers", "", "KC|2025VT|PRÖ:KC25VTHIS01A"),
        ("komvux.grade_invalid", PINGPONG_FILE, "2"),
        ("komvux.grade_date_mismatch", PINGPONG_FILE, "3"),
        ("komvux.personnummer_invalid", ENROLMENTS_FILE, "6"),
    }
    return landing
