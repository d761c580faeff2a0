"""Which exams each education holds, how they are assessed, and when (CONTRACT §2.2).

Sources: folkeskole-censor-guide (written exams have one censor and no examiner; oral and
practical exams an examiner and a censor; the digital reading and arithmetic tests score
themselves), fgu-exam-regulations (general subjects on the 7-point scale, vocational themes
passed/not passed), fvu-written-exam-rules (trinprøver passed/not passed, graded by a censor).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ExamSpec:
    subject: str
    form: str  # skriftlig, mundtlig, praktisk, digital
    assessors: str  # "censor" (one censor), "both" (examiner and censor), "none" (self-scoring)
    pass_fail: bool
    take: float  # share of candidates sitting it
    level: float  # shift of the latent grade: oral exams come out higher than reading tests


FP9_EXAMS = (
    ExamSpec("Dansk", "digital", "none", False, 1.0, -0.25),
    ExamSpec("Dansk", "skriftlig", "censor", False, 1.0, 0.0),
    ExamSpec("Dansk", "mundtlig", "both", False, 1.0, 0.3),
    ExamSpec("Matematik", "digital", "none", False, 1.0, -0.1),
    ExamSpec("Matematik", "skriftlig", "censor", False, 1.0, -0.05),
    ExamSpec("Engelsk", "mundtlig", "both", False, 1.0, 0.3),
    ExamSpec("Engelsk", "skriftlig", "censor", False, 1.0, 0.05),
    ExamSpec("Fællesfaglig naturfag", "praktisk", "both", False, 1.0, 0.15),
    # The drawn exams (udtræksprøver): about one in three sits each.
    ExamSpec("Historie", "mundtlig", "both", False, 0.34, 0.2),
    ExamSpec("Samfundsfag", "mundtlig", "both", False, 0.33, 0.2),
    ExamSpec("Kristendomskundskab", "mundtlig", "both", False, 0.33, 0.25),
    ExamSpec("Tysk", "mundtlig", "both", False, 0.8, 0.15),
    ExamSpec("Fransk", "mundtlig", "both", False, 0.1, 0.2),
    # Elective practical exams.
    ExamSpec("Idræt", "praktisk", "both", False, 0.35, 0.15),
    ExamSpec("Håndværk og design", "praktisk", "both", False, 0.3, 0.15),
)

FP10_EXAMS = (
    ExamSpec("Dansk", "skriftlig", "censor", False, 1.0, 0.0),
    ExamSpec("Dansk", "mundtlig", "both", False, 1.0, 0.3),
    ExamSpec("Matematik", "skriftlig", "censor", False, 1.0, -0.05),
    ExamSpec("Engelsk", "mundtlig", "both", False, 0.9, 0.3),
    ExamSpec("Engelsk", "skriftlig", "censor", False, 0.6, 0.05),
)

FGU_EXAMS = (
    ExamSpec("Dansk", "mundtlig", "both", False, 0.5, 0.1),
    ExamSpec("Dansk", "skriftlig", "censor", False, 0.3, -0.1),
    ExamSpec("Matematik", "skriftlig", "censor", False, 0.45, -0.1),
    ExamSpec("Engelsk", "mundtlig", "both", False, 0.3, 0.1),
    ExamSpec("Naturfag", "mundtlig", "both", False, 0.2, 0.0),
    ExamSpec("Samfundsfag", "mundtlig", "both", False, 0.2, 0.0),
    ExamSpec("Fagtema: Byggeri og anlæg", "praktisk", "both", True, 0.15, 0.3),
    ExamSpec("Fagtema: Handel og service", "praktisk", "both", True, 0.15, 0.3),
    ExamSpec("Fagtema: Mad og ernæring", "praktisk", "both", True, 0.15, 0.3),
)

FVU_EXAMS = (
    ExamSpec("FVU-læsning", "skriftlig", "censor", True, 0.55, 0.0),
    ExamSpec("FVU-matematik", "skriftlig", "censor", True, 0.4, -0.1),
    ExamSpec("FVU-digital", "skriftlig", "censor", True, 0.2, 0.1),
    ExamSpec("FVU-engelsk", "skriftlig", "censor", True, 0.15, 0.0),
)

EXAMS = {"FP9": FP9_EXAMS, "FP10": FP10_EXAMS, "FGU": FGU_EXAMS, "FVU": FVU_EXAMS}
INSTITUTION_TYPE_EDUCATION = {
    "folkeskole": "FP9",
    "friskole": "FP9",
    "10.-klassecenter": "FP10",
    "FGU-institution": "FGU",
    "VUC": "FVU",
}
CENSORED_SUBJECTS = sorted(
    {e.subject for exams in EXAMS.values() for e in exams if e.assessors != "none"}
)


def term_window(year: int, term: str) -> tuple[date, date]:
    """The days a term's exams (retakes and sick exams included) fall in: S is the May-June term,
    V the December-January term that begins in `year`."""
    if term == "S":
        return date(year, 4, 27), date(year, 7, 10)
    return date(year, 11, 28), date(year + 1, 2, 10)


def main_window(year: int, term: str, written: bool) -> tuple[str, str]:
    """Where ordinary exams go: written ones early in the term, oral ones later."""
    if term == "S":
        return (f"{year}-05-04", f"{year}-05-20") if written else (f"{year}-06-01", f"{year}-06-23")
    return (
        (f"{year}-12-01", f"{year}-12-18")
        if written
        else (f"{year + 1}-01-05", f"{year + 1}-01-22")
    )
