"""Grade lists `grades/grades_<inst>_<YYYY>-<S|V>_<YYYYMMDD>.csv` (CONTRACT §2.2).

Per term and education, the candidates of a block of institutions are crossed with the exams
they sit (exam_catalogue.py). A latent ability per person plus exam-level shifts gives grades whose
passing part follows roughly 10/25/30/25/10 on the 7-point scale; girls score slightly higher.
Examiner and censor agree most of the time; when they do not, the reported grade is the one the
rules give (grading.py). About one row in a hundred is not sat (absent, sick, exempt, not handed in,
expelled); sick candidates get a sick exam later in the term, and FGU/FVU candidates who fail
often retake. Some institution-terms are delivered twice: a first extraction with grades still
missing and rows that were later deleted, and the corrected delivery that counts.

Faults are planted in the delivery that counts, one kind per faulty row, each made so that it
trips its own check and no other; set-level faults (mutual censorship, exam-set overuse) get
record keys. The first block that can carry a fault kind always gets one, so every kind is
present in a tree generated with a positive fault rate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import norm

from dagster_project.feeds import GRADES
from dagster_project.generator.censors import CensorRegister
from dagster_project.generator.complaints import write_complaints
from dagster_project.generator.exam_catalogue import (
    EXAMS,
    INSTITUTION_TYPE_EDUCATION,
    ExamSpec,
    main_window,
    term_window,
)
from dagster_project.generator.faults import FaultLog
from dagster_project.generator.grading import SCALE_TOKENS, combine_sides
from dagster_project.generator.people import Cohort, make_dk_cohort, make_population
from dagster_project.generator.random_streams import stream
from dagster_project.generator.reference import read_seed
from dagster_project.generator.scales import Scale
from dagster_project.generator.workdays import add_working_days, working_days_between
from dagster_project.generator.writer import pick_style, write_delivery

ROW_FAULTS = (
    "grade.invalid",
    "grade.final_inconsistent",
    "grade.missing",
    "censor.same_institution",
    "censor.not_appointed",
    "fvu.selfstudy_late",
    "fvu.grading_late",
)
# Shares of the 7-point grades -3 00 02 4 7 10 12 before exam-level shifts: the passing part is
# close to 10/25/30/25/10 with a mean near 7.3, as in the national FP9 statistics.
GRADE_SHARES = np.array([0.008, 0.017, 0.07, 0.215, 0.31, 0.265, 0.115])
_THRESHOLDS = norm.ppf(np.cumsum(GRADE_SHARES)[:-1])
PASS_SHARE = {"FGU": 0.85, "FVU": 0.82}
ABILITY_SHIFT = {"FP9": 0.0, "FP10": -0.1, "FGU": -0.55, "FVU": 0.0}
NOT_SAT = (("udeblevet", 0.4), ("syg", 0.35), ("fritaget", 0.15), ("bortvist", 0.02))
INVALID_TOKENS = np.array(["11", "5", "2", "13", "0", "1", "9"], dtype=object)
CLASS_SIZE = 22
BLOCK_INSTITUTIONS = 120


def _group_key(*parts: pd.Series | np.ndarray) -> pd.Series:
    """One text key per row from several columns, for grouping rows into exam sessions."""
    first = parts[0]
    index = first.index if isinstance(first, pd.Series) else None
    texts = [pd.Series(part).astype(str).to_numpy() for part in parts]
    key = pd.Series(texts[0], index=index)
    for text in texts[1:]:
        key = key + "|" + text
    return key


@dataclass(frozen=True)
class Institution:
    institution_id: str
    institution_type: str


def exam_institutions(scale: Scale) -> dict[str, list[Institution]]:
    """The first institutions of each kind in the seed, as many as the scale asks for."""
    wanted = {
        "folkeskole": scale.folkeskoler,
        "friskole": scale.friskoler,
        "10.-klassecenter": scale.tenth_grade_centres,
        "FGU-institution": scale.fgu_institutions,
        "VUC": scale.fvu_providers,
    }
    by_education: dict[str, list[Institution]] = {e: [] for e in EXAMS}
    taken = dict.fromkeys(wanted, 0)
    for row in read_seed("exam_institutions"):
        kind = row["institution_type"]
        if taken[kind] < wanted[kind]:
            taken[kind] += 1
            by_education[INSTITUTION_TYPE_EDUCATION[kind]].append(
                Institution(row["institution_id"], kind)
            )
    return by_education


@cache
def _cohort(seed: int, birth_year: int, size: int) -> Cohort:
    return make_dk_cohort(seed, birth_year, size)


@cache
def _adults(seed: int, size: int) -> Cohort:
    population = make_population(seed, size)
    return Cohort(number=population.cpr.astype(object), female=population.female)


def _ability(seed: int, numbers: np.ndarray) -> np.ndarray:
    """A stable ability per person, so the same person does alike across exams and years."""
    hashed = pd.util.hash_array(np.asarray(numbers, dtype=object), hash_key=f"{seed:016d}"[:16])
    return norm.ppf((hashed % 1_000_003 + 0.5) / 1_000_003)


def _candidates(
    seed: int, scale: Scale, education: str, year: int, term: str
) -> tuple[np.ndarray, np.ndarray]:
    """Person numbers and sex of the candidates of one education in one term."""
    if education == "FP9":
        if term == "V":
            return np.array([], dtype=object), np.array([], dtype=bool)
        cohort = _cohort(seed, year - 16, scale.fp9_pupils_per_year)
        return cohort.number, cohort.female
    rng = stream(seed, "candidates", education, year, term)
    if education == "FP10":
        # A quarter of last year's FP9 pupils; most sit in May-June, some in December.
        cohort = _cohort(seed, year - 17, scale.fp9_pupils_per_year)
        pick = stream(seed, "fp10", year).random(len(cohort)) < 0.25
        in_term = stream(seed, "fp10-term", year).random(len(cohort)) < 0.85
        chosen = pick & (in_term if term == "S" else ~in_term)
        return cohort.number[chosen], cohort.female[chosen]
    if education == "FGU":
        n = scale.fgu_students_per_year // 2
        birth_year = year - rng.integers(18, 25, n)
        numbers = np.empty(n, dtype=object)
        female = np.empty(n, dtype=bool)
        for by in np.unique(birth_year):
            rows = np.flatnonzero(birth_year == by)
            cohort = _cohort(seed, int(by), scale.fp9_pupils_per_year)
            idx = rng.choice(len(cohort), len(rows), replace=False)
            numbers[rows], female[rows] = cohort.number[idx], cohort.female[idx]
        return numbers, female
    # FVU: adults, the same people as in the AMU deliveries.
    adults = _adults(seed, scale.people)
    idx = rng.choice(len(adults), scale.fvu_candidates_per_year // 2, replace=False)
    return adults.number[idx], adults.female[idx]


def _dk_dates(days: np.ndarray) -> np.ndarray:
    text = pd.DatetimeIndex(days).strftime("%d-%m-%Y").to_numpy(dtype=object)
    return np.where(pd.isna(days), "", text)


def _exam_number(rng: np.random.Generator, n: int) -> np.ndarray:
    """Anonymised written-exam numbers such as `X7KQ-2291`: never shaped like a CPR number."""
    letters = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ"))
    alnum = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"))
    head = np.char.add(letters[rng.integers(0, len(letters), n)], "")
    for _ in range(3):
        head = np.char.add(head, alnum[rng.integers(0, len(alnum), n)])
    tail = np.char.zfill(rng.integers(0, 10_000, n).astype(str), 4)
    return np.char.add(np.char.add(head, "-"), tail).astype(object)


class GradeGenerator:
    def __init__(
        self,
        out: Path,
        scale: Scale,
        seed: int,
        fault_rate: float,
        faults: FaultLog,
        register: CensorRegister,
    ) -> None:
        self.out, self.scale, self.seed = out, scale, seed
        self.fault_rate, self.faults, self.register = fault_rate, faults, register
        self.institutions = exam_institutions(scale)
        self.planted: set[str] = set()
        self.files = self.rows = self.complaint_files = self.complaint_rows = 0

    # ---- one term -----------------------------------------------------------------------------

    def generate(self, progress: Callable[..., None]) -> tuple[int, int]:
        for year in range(self.scale.first_year, self.scale.last_year + 1):
            for term in ("S", "V"):
                for education, institutions in self.institutions.items():
                    self._term(year, term, education, institutions)
                progress("grades %d-%s: %d files so far", year, term, self.files)
        return self.files, self.rows

    def _term(self, year: int, term: str, education: str, institutions: list[Institution]) -> None:
        numbers, female = _candidates(self.seed, self.scale, education, year, term)
        if not len(numbers) or not institutions:
            return
        rng = stream(self.seed, "grades-assign", education, year, term)
        sizes = stream(self.seed, "institution-sizes", education).lognormal(
            0, 0.5, len(institutions)
        )
        school = rng.choice(len(institutions), len(numbers), p=sizes / sizes.sum())
        for first in range(0, len(institutions), BLOCK_INSTITUTIONS):
            block = list(range(first, min(first + BLOCK_INSTITUTIONS, len(institutions))))
            in_block = np.isin(school, block)
            if not in_block.any():
                continue
            frame = self._sittings(
                stream(self.seed, "grades", education, year, term, first),
                education,
                year,
                term,
                np.array([institutions[i].institution_id for i in school[in_block]], dtype=object),
                numbers[in_block],
                female[in_block],
            )
            self._deliver(frame, education, year, term, first)

    def _sittings(
        self,
        rng: np.random.Generator,
        education: str,
        year: int,
        term: str,
        institution: np.ndarray,
        numbers: np.ndarray,
        female: np.ndarray,
    ) -> pd.DataFrame:
        exams: tuple[ExamSpec, ...] = EXAMS[education]
        order = np.argsort(institution, kind="stable")
        institution, numbers, female = institution[order], numbers[order], female[order]
        ability = _ability(self.seed, numbers) + ABILITY_SHIFT[education]
        # Classes of about 22 within each institution; an examiner teaches one subject to a class.
        rank = np.arange(len(institution)) - np.searchsorted(institution, institution)
        klass = rank // CLASS_SIZE
        parts = []
        for e_idx, exam in enumerate(exams):
            sits = rng.random(len(numbers)) < exam.take
            if education == "FGU" and exam.pass_fail:
                sits &= rng.random(len(numbers)) < 0.7
            idx = np.flatnonzero(sits)
            if not len(idx):
                continue
            parts.append(
                pd.DataFrame(
                    {
                        "institution": institution[idx],
                        "person": numbers[idx],
                        "female": female[idx],
                        "ability": ability[idx],
                        "klass": klass[idx],
                        "exam": e_idx,
                    }
                )
            )
        frame = pd.concat(parts, ignore_index=True)
        n = len(frame)
        exam = frame["exam"].to_numpy()
        frame["subject"] = np.array([s.subject for s in exams], dtype=object)[exam]
        frame["form"] = np.array([s.form for s in exams], dtype=object)[exam]
        frame["assessors"] = np.array([s.assessors for s in exams], dtype=object)[exam]
        frame["pass_fail"] = np.array([s.pass_fail for s in exams])[exam]
        level = np.array([s.level for s in exams])[exam]
        frame["education"] = education
        frame["attempt"] = "ordinær"
        frame["date"] = self._exam_dates(rng, frame, year, term)
        frame["status"] = self._statuses(rng, frame)
        frame["special"] = np.where(rng.random(n) < 0.04, "Ja", "Nej")
        frame["self_study"] = "Nej"
        latent = (
            0.8 * frame["ability"].to_numpy()
            + 0.6 * rng.standard_normal(n)
            + level
            + np.where(frame["female"].to_numpy(), 0.08, -0.08)
        )
        frame["latent"] = latent
        # Second chances in the same term: a sick exam for most of the sick, a retake for many
        # FGU and FVU candidates who did not pass.
        frame = self._second_chances(rng, frame, education, year, term)
        self._grade(rng, frame, education)
        self._assessors(rng, frame, year, term)
        if education == "FVU":
            self._fvu_fields(rng, frame, year, term)
        else:
            for col in ("registered", "sent", "graded"):
                frame[col] = pd.NaT
            frame["exam_set"] = ""
        sort = ["institution", "subject", "form", "date", "attempt"]
        frame = frame.sort_values(sort, kind="stable").reset_index(drop=True)
        # Written folkeskole exams are delivered under an anonymised exam number.
        written = (frame["form"] == "skriftlig").to_numpy() & (education in ("FP9", "FP10"))
        frame["elev"] = frame["person"].to_numpy()
        if written.any():
            frame.loc[written, "elev"] = _exam_number(rng, int(written.sum()))
        return frame

    def _exam_dates(
        self, rng: np.random.Generator, frame: pd.DataFrame, year: int, term: str
    ) -> np.ndarray:
        written_days = working_days_between(*main_window(year, term, True))
        oral_days = working_days_between(*main_window(year, term, False))
        dates = np.empty(len(frame), dtype="datetime64[D]")
        written = frame["form"].isin(["skriftlig", "digital"]).to_numpy()
        # Written exams: one day per institution, subject and form (nationally the same day for
        # the folkeskole, a provider's own day for FVU). Oral: one day per class and subject.
        # FVU providers hold each test on a few days a term.
        session = np.where(
            frame["education"].to_numpy() == "FVU", rng.integers(0, 4, len(frame)), 0
        ).astype(str)
        keys = _group_key(frame["institution"], frame["subject"], frame["form"], session)
        oral_keys = keys + "|" + frame["klass"].astype(str)
        codes_w, uniq_w = pd.factorize(keys)
        codes_o, uniq_o = pd.factorize(oral_keys)
        day_w = written_days[rng.integers(0, len(written_days), len(uniq_w))]
        day_o = oral_days[rng.integers(0, len(oral_days), len(uniq_o))]
        dates[written] = day_w[codes_w[written]]
        dates[~written] = day_o[codes_o[~written]]
        return dates

    def _statuses(self, rng: np.random.Generator, frame: pd.DataFrame) -> np.ndarray:
        n = len(frame)
        status = np.full(n, "bedømt", dtype=object)
        missed = rng.random(n) < 0.012
        kinds = np.array([k for k, _ in NOT_SAT] + ["ikke afleveret"], dtype=object)
        shares = np.array([s for _, s in NOT_SAT] + [0.08])
        status[missed] = kinds[rng.choice(len(kinds), int(missed.sum()), p=shares / shares.sum())]
        # Only folkeskole pupils are exempted; only written papers are "not handed in".
        fp = frame["education"].isin(["FP9", "FP10"]).to_numpy()
        written = (frame["form"] == "skriftlig").to_numpy()
        status[(status == "fritaget") & ~fp] = "udeblevet"
        status[(status == "ikke afleveret") & ~written] = "udeblevet"
        return status

    def _second_chances(
        self,
        rng: np.random.Generator,
        frame: pd.DataFrame,
        education: str,
        year: int,
        term: str,
    ) -> pd.DataFrame:
        sick = (frame["status"] == "syg").to_numpy() & (rng.random(len(frame)) < 0.7)
        retake = np.zeros(len(frame), dtype=bool)
        if education in ("FGU", "FVU"):
            failing = frame["latent"].to_numpy() < np.where(
                frame["pass_fail"].to_numpy(), norm.ppf(1 - PASS_SHARE[education]), _THRESHOLDS[2]
            )
            retake = (
                failing & (frame["status"] == "bedømt").to_numpy() & (rng.random(len(frame)) < 0.5)
            )
        again = frame[sick | retake].copy()
        if again.empty:
            return frame
        again["attempt"] = np.where(sick[sick | retake], "sygeprøve", "omprøve")
        again["status"] = "bedømt"
        end = term_window(year, term)[1]
        later = []
        for day in again["date"].to_numpy().astype("datetime64[D]"):
            options = working_days_between(str(day + np.timedelta64(10, "D")), str(end))
            later.append(options[rng.integers(0, len(options))] if len(options) else day)
        again["date"] = np.array(later, dtype="datetime64[D]")
        again["latent"] = again["latent"].to_numpy() + 0.3 + 0.5 * rng.standard_normal(len(again))
        # A retake on the same day would be the same sitting: drop those few.
        again = again[again["date"].to_numpy() != frame.loc[again.index, "date"].to_numpy()]
        return pd.concat([frame, again], ignore_index=True)

    def _grade(self, rng: np.random.Generator, frame: pd.DataFrame, education: str) -> None:
        n = len(frame)
        latent = frame["latent"].to_numpy()
        sat = (frame["status"] == "bedømt").to_numpy()
        pass_fail = frame["pass_fail"].to_numpy()
        assessors = frame["assessors"].to_numpy()
        both = assessors == "both"
        has_censor = assessors != "none"
        # 7-point: examiner on the latent grade; the censor agrees mostly, or is a step or two off.
        examiner = np.searchsorted(_THRESHOLDS, latent)
        delta = rng.choice([0, 1, -1, 2, -2], n, p=[0.82, 0.075, 0.075, 0.015, 0.015])
        censor = np.clip(examiner + np.where(both, delta, 0), 0, 6)
        final7 = np.where(both, combine_sides(examiner, censor), censor)
        # Pass/fail: the censor decides disputes.
        passed = latent > norm.ppf(1 - PASS_SHARE.get(education, 0.85))
        ex_pf = np.where(passed, "B", "IB").astype(object)
        flip = rng.random(n) < 0.04
        cen_pf = np.where(flip, np.where(passed, "IB", "B"), ex_pf).astype(object)

        ex_tok = np.where(pass_fail, ex_pf, SCALE_TOKENS[examiner])
        cen_tok = np.where(pass_fail, cen_pf, SCALE_TOKENS[censor])
        final = np.where(pass_fail, cen_pf, SCALE_TOKENS[final7])
        frame["examiner_grade"] = np.where(sat & both, ex_tok, "")
        frame["censor_grade"] = np.where(sat & has_censor, cen_tok, "")
        frame["reported"] = np.where(sat, final, "")
        frame["final"] = frame["reported"]

    def _assessors(
        self, rng: np.random.Generator, frame: pd.DataFrame, year: int, term: str
    ) -> None:
        assessors = frame["assessors"].to_numpy()
        subj_code = pd.factorize(frame["subject"])[0]
        teacher = (
            "L"
            + frame["institution"].astype(str)
            + (frame["klass"].to_numpy() * 20 + subj_code).astype(str)
        )
        frame["examiners"] = np.where(assessors == "both", teacher, "")
        # One censor per exam group (institution, subject, form, day, class for oral exams).
        group_keys = _group_key(
            frame["institution"],
            frame["subject"],
            frame["form"],
            frame["date"],
            np.where(assessors == "both", frame["klass"].astype(str), ""),
        )
        codes, _ = pd.factorize(group_keys)
        first_row = pd.Series(np.arange(len(frame))).groupby(codes).first().to_numpy()
        censors = self.register.pick(
            rng,
            frame["subject"].to_numpy()[first_row],
            frame["institution"].to_numpy()[first_row],
            term_window(year, term),
        )
        frame["censors"] = np.where(assessors != "none", censors[codes], "")

    def _fvu_fields(
        self, rng: np.random.Generator, frame: pd.DataFrame, year: int, term: str
    ) -> None:
        n = len(frame)
        day = frame["date"].to_numpy().astype("datetime64[D]")
        self_study = rng.random(n) < 0.1
        frame["self_study"] = np.where(self_study, "Ja", "Nej")
        lead = np.where(self_study, rng.integers(14, 60, n), rng.integers(20, 120, n))
        frame["registered"] = day - lead.astype("timedelta64[D]")
        sat = (frame["status"] == "bedømt").to_numpy()
        sent = day + rng.integers(0, 3, n).astype("timedelta64[D]")
        # The censor has eight working days (fvu-written-exam-rules, "Bedømmelse af besvarelser").
        working = rng.choice(np.arange(1, 9), n, p=[0.05, 0.1, 0.15, 0.2, 0.2, 0.15, 0.1, 0.05])
        graded = add_working_days(sent, working, year - 1, year + 1)
        frame["sent"] = np.where(sat, sent, np.datetime64("NaT"))
        frame["graded"] = np.where(sat, graded, np.datetime64("NaT"))
        # Exam sets: at most three uses a day at one provider (fvu-written-exam-rules).
        used = frame["status"].isin(["bedømt", "ikke afleveret", "bortvist"]).to_numpy()
        key = _group_key(frame["institution"], frame["date"], frame["subject"])
        rank = pd.Series(np.where(used, 1, 0)).groupby(key.to_numpy()).cumsum().to_numpy() - 1
        prefix = frame["subject"].str.replace("FVU-", "", regex=False).str[:3].str.upper()
        label = (
            prefix + f"{year % 100:02d}{term}-" + pd.Series(rank // 3 + 1).astype(str).str.zfill(2)
        )
        frame["exam_set"] = np.where(used, label, "")

    # ---- faults and files ---------------------------------------------------------------------

    def _deliver(
        self, frame: pd.DataFrame, education: str, year: int, term: str, block: int
    ) -> None:
        rng = stream(self.seed, "grades-deliver", education, year, term, block)
        window = term_window(year, term)
        institutions = frame["institution"].unique()
        redelivered = set(institutions[rng.random(len(institutions)) < 0.15])
        deleted = frame["institution"].isin(redelivered).to_numpy() & (
            rng.random(len(frame)) < 0.02
        )
        early = frame[frame["institution"].isin(redelivered)].copy()
        final = frame[~deleted].reset_index(drop=True)
        final["line"] = final.groupby("institution").cumcount() + 1
        keys = self._plant(rng, final, education, window)
        extracted_final = window[1] + timedelta(days=int(rng.integers(5, 25)))
        stamp = extracted_final.strftime("%Y%m%d")
        name = {inst: f"grades_{inst}_{year}-{term}_{stamp}.csv" for inst in institutions}
        for check, idx, record_key in keys:
            if idx is None:
                self.faults.add(check, "grades", "", None, record_key)
            else:
                inst = final.at[idx, "institution"]
                self.faults.add(check, "grades", name[inst], int(final.at[idx, "line"]))
        for inst, rows in final.groupby("institution", sort=True):
            self._write(name[inst], rows, rng)
        for inst, rows in early.groupby("institution", sort=True):
            # The first extraction: some grades not entered yet; rows since deleted still there.
            pending = (rows["status"] == "bedømt").to_numpy() & (rng.random(len(rows)) < 0.08)
            rows = rows.copy()
            rows.loc[pending, "reported"] = ""
            early_stamp = (extracted_final - timedelta(days=int(rng.integers(8, 20)))).strftime(
                "%Y%m%d"
            )
            self._write(f"grades_{inst}_{year}-{term}_{early_stamp}.csv", rows, rng)
        files, rows = write_complaints(
            self.out,
            self.seed,
            self.fault_rate,
            self.faults,
            self.planted,
            final,
            year,
            term,
            education,
            block,
        )
        self.complaint_files += files
        self.complaint_rows += rows

    def _plant(
        self,
        rng: np.random.Generator,
        frame: pd.DataFrame,
        education: str,
        window: tuple[date, date],
    ) -> list[tuple[str, int | None, str]]:
        n = len(frame)
        status = frame["status"].to_numpy()
        sat = status == "bedømt"
        has_censor = frame["censors"].to_numpy() != ""
        assessed = sat & (frame["assessors"].to_numpy() != "none")
        fvu = education == "FVU"
        eligible = {
            "grade.invalid": sat,
            "grade.final_inconsistent": assessed,
            "grade.missing": sat,
            "censor.same_institution": has_censor,
            "censor.not_appointed": has_censor,
            "fvu.selfstudy_late": np.full(n, fvu),
            "fvu.grading_late": sat & fvu,
        }
        matrix = np.column_stack([eligible[c] for c in ROW_FAULTS])
        scores = np.where(matrix, rng.random(matrix.shape), -1.0)
        kind = np.where(
            (rng.random(n) < self.fault_rate) & matrix.any(axis=1), scores.argmax(axis=1), -1
        )
        if self.fault_rate > 0:
            for k, check in enumerate(ROW_FAULTS):
                if check not in self.planted and not (kind == k).any():
                    free = np.flatnonzero(matrix[:, k] & (kind == -1))
                    if len(free):
                        kind[free[rng.integers(0, len(free))]] = k
        found: list[tuple[str, int | None, str]] = []
        set_rows = np.zeros(n, dtype=bool)
        found += self._plant_mutual(rng, frame, kind, set_rows, window)
        if fvu:
            found += self._plant_set_overuse(rng, frame, set_rows)
        for k, check in enumerate(ROW_FAULTS):
            rows = np.flatnonzero(kind == k)
            if not len(rows):
                continue
            self.planted.add(check)
            self._mutate(rng, frame, check, rows, window)
            found += [(check, int(i), "") for i in rows]
        return found

    def _mutate(
        self,
        rng: np.random.Generator,
        frame: pd.DataFrame,
        check: str,
        rows: np.ndarray,
        window: tuple[date, date],
    ) -> None:
        if check == "grade.invalid":
            token = INVALID_TOKENS[rng.integers(0, len(INVALID_TOKENS), len(rows))]
            for i, t in zip(rows, token, strict=True):
                col = (
                    "examiner_grade"
                    if frame.at[i, "examiner_grade"]
                    else "censor_grade"
                    if frame.at[i, "censor_grade"]
                    else "reported"
                )
                frame.at[i, col] = t
        elif check == "grade.final_inconsistent":
            for i in rows:
                final = frame.at[i, "final"]
                if final in ("B", "IB"):
                    frame.at[i, "reported"] = "IB" if final == "B" else "B"
                else:
                    pos = int(np.flatnonzero(final == SCALE_TOKENS)[0])
                    frame.at[i, "reported"] = SCALE_TOKENS[pos + 1 if pos < 6 else pos - 1]
        elif check == "grade.missing":
            frame.loc[rows, "reported"] = ""
        elif check == "censor.same_institution":
            for i in rows:
                frame.at[i, "censors"] = self.register.employed_at(
                    frame.at[i, "institution"], frame.at[i, "subject"], window
                )
        elif check == "censor.not_appointed":
            for i in rows:
                if rng.random() < 0.5:
                    frame.at[i, "censors"] = self.register.unknown()
                else:
                    elsewhere = "999999" if frame.at[i, "institution"] != "999999" else "999998"
                    frame.at[i, "censors"] = self.register.expired(
                        rng,
                        elsewhere,
                        frame.at[i, "subject"],
                        pd.Timestamp(frame.at[i, "date"]).date(),
                    )
        elif check == "fvu.selfstudy_late":
            frame.loc[rows, "self_study"] = "Ja"
            days = frame.loc[rows, "date"].to_numpy().astype("datetime64[D]")
            frame.loc[rows, "registered"] = days - rng.integers(1, 14, len(rows)).astype(
                "timedelta64[D]"
            )
        elif check == "fvu.grading_late":
            sent = frame.loc[rows, "sent"].to_numpy().astype("datetime64[D]")
            year = pd.Timestamp(sent[0]).year
            frame.loc[rows, "graded"] = add_working_days(
                sent, rng.integers(9, 16, len(rows)), year - 1, year + 1
            )

    def _plant_mutual(
        self,
        rng: np.random.Generator,
        frame: pd.DataFrame,
        kind: np.ndarray,
        set_rows: np.ndarray,
        window: tuple[date, date],
    ) -> list[tuple[str, int | None, str]]:
        """Two teachers at two institutions who examine and censor each other in one term."""
        check = "censor.mutual_repeat"
        candidates = np.flatnonzero((frame["assessors"].to_numpy() == "both") & (kind == -1))
        institutions = frame["institution"].to_numpy()
        if len(candidates) < 2 or len(np.unique(institutions[candidates])) < 2:
            return []
        pairs = int(rng.binomial(len(candidates), self.fault_rate / 20))
        if self.fault_rate > 0 and check not in self.planted:
            pairs = max(pairs, 1)
        found = []
        for _ in range(pairs):
            first = int(candidates[rng.integers(0, len(candidates))])
            others = candidates[institutions[candidates] != institutions[first]]
            others = others[~set_rows[others]]
            if set_rows[first] or not len(others):
                continue
            second = int(others[rng.integers(0, len(others))])
            subjects = "|".join(sorted({frame.at[first, "subject"], frame.at[second, "subject"]}))
            p, q = self.register.teacher_pair(
                institutions[first], institutions[second], subjects, window
            )
            frame.at[first, "examiners"], frame.at[first, "censors"] = p, q
            frame.at[second, "examiners"], frame.at[second, "censors"] = q, p
            set_rows[[first, second]] = True
            found.append((check, None, "|".join(sorted((p, q)))))
            self.planted.add(check)
        return found

    def _plant_set_overuse(
        self, rng: np.random.Generator, frame: pd.DataFrame, set_rows: np.ndarray
    ) -> list[tuple[str, int | None, str]]:
        """Four papers on one exam set at one provider on one day."""
        check = "fvu.exam_set_overuse"
        used = (frame["exam_set"].to_numpy() != "") & ~set_rows
        key = _group_key(frame["institution"], frame["date"], frame["subject"])
        sizes = pd.Series(used).groupby(key.to_numpy()).sum()
        groups = sizes[sizes >= 4].index.to_numpy()
        if not len(groups):
            return []
        count = int(rng.binomial(len(groups), min(1.0, self.fault_rate * 4)))
        if self.fault_rate > 0 and check not in self.planted:
            count = max(count, 1)
        found = []
        for g in rng.choice(groups, min(count, len(groups)), replace=False):
            members = np.flatnonzero((key.to_numpy() == g) & used)
            chosen = rng.choice(members, 4, replace=False)
            inst, day, _ = g.split("|")
            label = frame.at[int(chosen[0]), "exam_set"].rsplit("-", 1)[0] + f"-{900 + len(found)}"
            frame.loc[chosen, "exam_set"] = label
            set_rows[chosen] = True
            found.append((check, None, f"{inst}|{label}|{day}"))
            self.planted.add(check)
        return found

    def _write(self, name: str, rows: pd.DataFrame, rng: np.random.Generator) -> None:
        columns = [
            rows["education"].to_numpy(),
            rows["subject"].to_numpy(),
            rows["form"].to_numpy(),
            _dk_dates(rows["date"].to_numpy()),
            rows["elev"].to_numpy(),
            rows["examiners"].to_numpy(),
            rows["censors"].to_numpy(),
            rows["examiner_grade"].to_numpy(),
            rows["censor_grade"].to_numpy(),
            rows["reported"].to_numpy(),
            rows["status"].to_numpy(),
            rows["attempt"].to_numpy(),
            rows["special"].to_numpy(),
            rows["self_study"].to_numpy(),
            _dk_dates(rows["registered"].to_numpy()),
            rows["exam_set"].to_numpy(),
            _dk_dates(rows["sent"].to_numpy()),
            _dk_dates(rows["graded"].to_numpy()),
        ]
        write_delivery(
            self.out / GRADES.feed / name,
            GRADES.columns,
            zip(*(np.asarray(c, dtype=object).tolist() for c in columns), strict=True),
            pick_style(rng),
        )
        self.files += 1
        self.rows += len(rows)
