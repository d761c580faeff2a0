"""The quality checks: id, severity, feed and the SQL that finds failing rows or sets.

Each check's SQL lives in `checks/sql/<id>.sql` and selects, from the dbt models, one row per
failure with the columns `institution_id, source_file, source_line, record_key, failure_key,
detail`. `failure_key` identifies the failure across re-deliveries (so a failure that persists in
a corrected file keeps its first_seen_at); `detail` says what is wrong in a steward's words and
never contains a person number.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Literal

Severity = Literal["error", "warning"]

# Expressions the check SQL shares, written once: the bounds of a reported quarter (`2025Q3`).
_QUARTER_START = "make_date(cast(left(quarter, 4) as integer), (cast(right(quarter, 1) as integer) - 1) * 3 + 1, 1)"
SQL_FRAGMENTS = {
    "quarter_start": _QUARTER_START,
    "quarter_end": f"cast({_QUARTER_START} + interval 3 month - interval 1 day as date)",
}


@dataclass(frozen=True)
class QualityCheck:
    check_id: str
    severity: Severity
    feed: str
    description: str
    source_rule: str

    @property
    def dagster_name(self) -> str:
        return self.check_id.replace(".", "__")

    def sql(self) -> str:
        path = resources.files("dagster_project.checks").joinpath("sql", f"{self.check_id}.sql")
        sql = path.read_text("utf-8")
        for name, expression in SQL_FRAGMENTS.items():
            sql = sql.replace("{{" + name + "}}", expression)
        return sql


QUALITY_CHECKS: tuple[QualityCheck, ...] = (
    QualityCheck(
        check_id="amu.result_missing",
        severity="error",
        feed="amu",
        description="`Resultat` is 0 for a course that ended inside the reported quarter.",
        source_rule=(
            "amu-exam-result-reporting, 'Listen over prøveresultater' and FAQ: every test-bearing "
            "course participation of the quarter must get a result; 0 means none registered."
        ),
    ),
    QualityCheck(
        check_id="amu.ends_after_quarter",
        severity="error",
        feed="amu",
        description="`Slutdato` is after the last day of the reported quarter.",
        source_rule=(
            "amu-exam-result-reporting, FAQ: participations that end in a later quarter are "
            "deleted and reported with that quarter."
        ),
    ),
    QualityCheck(
        check_id="amu.result_code_invalid",
        severity="error",
        feed="amu",
        description="`Resultat` is not 0–6.",
        source_rule="amu-exam-result-reporting, 'Registrering af prøveresultater' and Bilag 1 (codes 1–6; 0 = none yet).",
    ),
    QualityCheck(
        check_id="amu.dates_inverted",
        severity="error",
        feed="amu",
        description="`Startdato` is after `Slutdato`.",
        source_rule="amu-exam-result-reporting, Figur 1: a participation runs from Startdato to Slutdato.",
    ),
    QualityCheck(
        check_id="amu.person_number_invalid",
        severity="error",
        feed="amu",
        description=(
            "`Cpr-nummer` is not 10 digits (hyphen optional) forming a real birth date under the "
            "CPR century rule; modulus 11 is not required."
        ),
        source_rule="CONTRACT §5; the CPR century rule (7th digit with the year gives the century).",
    ),
    QualityCheck(
        check_id="amu.duplicate_participation",
        severity="error",
        feed="amu",
        description=(
            "The same institution, team, person, course and start date appear again in one "
            "delivery; the later rows fail."
        ),
        source_rule="amu-exam-result-reporting: one result per course participation.",
    ),
    QualityCheck(
        check_id="amu.course_unknown",
        severity="warning",
        feed="amu",
        description="`Fagkode` is not in the course catalogue, or its `Fkb` differs from the catalogue's.",
        source_rule="amu-exam-result-reporting, Figur 1 (Fagkode, Fkb); seed amu_course_catalogue.",
    ),
    QualityCheck(
        check_id="grade.invalid",
        severity="error",
        feed="grades",
        description=(
            "A grade in `Karakter eksaminator`, `Karakter censor` or `Karakter` is not on the "
            "7-point scale (12 10 7 4 02 00 -3) nor `B`/`IB`."
        ),
        source_rule=(
            "folkeskole-censor-guide, 3.5 Generelle regler (karakterbekendtgørelsen §14–15: "
            "grades on the karakterskala, Bestået/Ikke bestået); CONTRACT §4."
        ),
    ),
    QualityCheck(
        check_id="grade.final_inconsistent",
        severity="error",
        feed="grades",
        description=(
            "The reported `Karakter` differs from the final grade the examiner and censor grades "
            "give under the grading rule."
        ),
        source_rule=(
            "folkeskole-censor-guide, 3.5 Generelle regler, 'Uddrag af karakterbekendtgørelsen, "
            "uenighed om karakter' §14 stk. 1–3 and §15; CONTRACT §4."
        ),
    ),
    QualityCheck(
        check_id="grade.missing",
        severity="error",
        feed="grades",
        description="`Status` is `bedømt` but `Karakter` is empty.",
        source_rule=(
            "folkeskole-censor-guide, 7.6 Afslutning af eksaminationen (a grade is given after "
            "every performance; only a candidate who did not sit is udeblevet); CONTRACT §4."
        ),
    ),
    QualityCheck(
        check_id="censor.same_institution",
        severity="error",
        feed="grades",
        description=(
            "A censor on the grade row is employed (`Ansættelsessted` in the censor register) at "
            "the institution holding the exam."
        ),
        source_rule=(
            "folkeskole-censor-guide, 3.5 Generelle regler, Prøvebekendtgørelsen §47: censors may "
            "not be employed at the school where they act as censor."
        ),
    ),
    QualityCheck(
        check_id="censor.not_appointed",
        severity="warning",
        feed="grades",
        description=(
            "A censor on the grade row is not in the censor register, or `Prøvedato` is outside "
            "[`Beskikket fra`, `Beskikket til`]."
        ),
        source_rule=(
            "folkeskole-censor-guide, 3.5 Generelle regler, Prøvebekendtgørelsen §43 and §46 "
            "(censors are appointed by the ministry); CONTRACT §2.3 (the latest register file is "
            "the whole register)."
        ),
    ),
    QualityCheck(
        check_id="komvux.group_name_invalid",
        severity="error",
        feed="komvux",
        description=(
            "`Gruppnamn` is not `PRÖ:` + school initials + YY + VT/HT + the course code without "
            "its 3-letter prefix, uppercased, optionally followed by one digit."
        ),
        source_rule=(
            "komvux-provning-routine, 'Skapa prövningsgrupp i BER': 'Namnge prövningsgrupp enligt "
            "följande kodning: PRÖ:KC23VTMAT03B' and the digit suffix (PRÖ:KC22VTMAT03B2)."
        ),
    ),
    QualityCheck(
        check_id="komvux.group_end_invalid",
        severity="error",
        feed="komvux",
        description="A VT group's `Till och med` is after 30 June, an HT group's after 31 December.",
        source_rule=(
            "komvux-provning-routine, 'Skapa prövningsgrupp i BER': the spring end date no later "
            "than 30 juni, the autumn one no later than 31 december."
        ),
    ),
    QualityCheck(
        check_id="komvux.group_teachers",
        severity="error",
        feed="komvux",
        description=(
            "One group has more than one grading teacher (BER `Betygsättande lärare` together "
            "with those on its Ping Pong grades)."
        ),
        source_rule=(
            "komvux-provning-routine, 'Skapa prövningsgrupp i BER': a unique prövning group for "
            "each grading teacher (betygsättande lärare) of a course in a term."
        ),
    ),
    QualityCheck(
        check_id="komvux.grade_date_mismatch",
        severity="error",
        feed="komvux",
        description=(
            "The Ping Pong `Betygsdatum` differs from the BER enrolment's `Till och med` "
            "(the prövning date) for the same person and group."
        ),
        source_rule=(
            "komvux-provning-routine, 'Lägg in elev i prövningsgrupp' (T.o.m.: the prövning date) "
            "and 'Betygsättning i Lärportalen Ping Pong': the grade date must equal the prövning "
            "date in BER."
        ),
    ),
    QualityCheck(
        check_id="komvux.grade_invalid",
        severity="error",
        feed="komvux",
        description="`Betyg` is not one of A B C D E F.",
        source_rule=(
            "komvux-provning-routine, 'Betygsättning i Lärportalen Ping Pong' (prövningsbetyg on "
            "the course grade scale A–F); CONTRACT §5."
        ),
    ),
    QualityCheck(
        check_id="komvux.personnummer_invalid",
        severity="error",
        feed="komvux",
        description="A Swedish personal number fails its date or Luhn check digit.",
        source_rule=(
            "komvux-provning-routine, 'Lägg in elev i prövningsgrupp' (students are found by "
            "personnummer); CONTRACT §5."
        ),
    ),
    QualityCheck(
        check_id="complaint.late",
        severity="warning",
        feed="complaints",
        description=(
            "`Modtaget` is more than 14 calendar days after `Prøvedato` and `Afgørelse` is not "
            "`afvist`."
        ),
        source_rule=(
            "fgu-exam-regulations, 'Klager' (eksamensbekendtgørelsen kap. 10): a complaint is "
            "filed 'senest 2 uger efter prøve'."
        ),
    ),
    QualityCheck(
        check_id="fvu.selfstudy_late",
        severity="warning",
        feed="grades",
        description=(
            "An FVU candidate with `Selvstuderende` = Ja registered (`Tilmeldt`) less than 14 "
            "calendar days before `Prøvedato`."
        ),
        source_rule=(
            "fvu-written-exam-rules, 'Selvstuderende': self-studying candidates register 'senest "
            "to uger før prøvens afholdelse'."
        ),
    ),
    QualityCheck(
        check_id="fvu.exam_set_overuse",
        severity="warning",
        feed="grades",
        description=(
            "More than three FVU sittings with the same `Opgavesæt` on the same `Prøvedato` at "
            "one institution (record_key: institution|set|date)."
        ),
        source_rule=(
            "fvu-written-exam-rules, 'Før afviklingen af den skriftlige prøve', point 3: a test "
            "set is used 'op til tre gange i løbet af én dag'."
        ),
    ),
    QualityCheck(
        check_id="fvu.grading_late",
        severity="warning",
        feed="grades",
        description=(
            "`Bedømt` is more than 8 Danish working days (Mon–Fri, not public holidays) after "
            "`Sendt til censor`."
        ),
        source_rule=(
            "fvu-written-exam-rules, 'Bedømmelse af besvarelser': the censor has eight working "
            "days (otte hverdage) after receiving the papers."
        ),
    ),
    QualityCheck(
        check_id="censor.mutual_repeat",
        severity="warning",
        feed="grades",
        description=(
            "Examiner X's exam was censored by Y and Y's exam by X, the exam dates within two "
            "years (730 days) (record_key: the two ids sorted, joined by `|`)."
        ),
        source_rule=(
            "folkeskole-censor-guide, 3.5 Generelle regler, Prøvebekendtgørelsen §47: no repeated "
            "and mutual censorship within a period of two years."
        ),
    ),
)

CHECKS_BY_ID = {c.check_id: c for c in QUALITY_CHECKS}
