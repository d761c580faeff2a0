"""The censor register `censors/censors_<YYYYMMDD>.csv` (CONTRACT §2.3) and censor assignment.

Censors are teachers appointed (beskikket) by the ministry for four-year periods starting
1 August, employed at some institution, for one or two subjects (folkeskole-censor-guide 3.5).
Clean exams only get a censor appointed for the whole exam window and employed elsewhere, so
censor.same_institution and censor.not_appointed never fire by accident. Examiners have their own
ids (`L...`) and never censor, so no pair censors each other by chance (censor.mutual_repeat).
Censors needed by planted faults are made on demand and added to the register.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from dagster_project.feeds import CENSORS
from dagster_project.generator.random_streams import stream
from dagster_project.generator.scales import Scale
from dagster_project.generator.writer import pick_style, write_delivery

# Id ranges keep every kind of censor looking alike in the files while staying unique.
_REGISTER_BASE, _UNKNOWN_BASE, _SAME_BASE, _EXPIRED_BASE, _MUTUAL_BASE = (
    100_000,
    600_000,
    700_000,
    800_000,
    900_000,
)


def _dk(day: date) -> str:
    return day.strftime("%d-%m-%Y")


@dataclass
class CensorRegister:
    ids: np.ndarray  # object
    employer: np.ndarray  # object, institution ids
    subjects: list[tuple[str, ...]]
    appointed_from: np.ndarray  # datetime64[D]
    appointed_to: np.ndarray  # datetime64[D]
    last_full_course: np.ndarray  # int
    extra: list[tuple[str, str, str, date, date, int]] = field(default_factory=list)
    _next: dict[int, int] = field(default_factory=dict)

    def _new_id(self, base: int) -> str:
        n = self._next.get(base, 0)
        self._next[base] = n + 1
        return f"C{base + n}"

    def pick(
        self,
        rng: np.random.Generator,
        subjects: np.ndarray,
        institutions: np.ndarray,
        window: tuple[date, date],
    ) -> np.ndarray:
        """One censor per row (rows are usually one per exam group), appointed for the whole
        window, teaching the subject where possible, and never employed at the row's institution."""
        start, end = np.datetime64(window[0], "D"), np.datetime64(window[1], "D")
        active = (self.appointed_from <= start) & (self.appointed_to >= end)
        chosen = np.empty(len(subjects), dtype=object)
        for subject in np.unique(subjects):
            rows = np.flatnonzero(subjects == subject)
            teaches = np.array([subject in s for s in self.subjects])
            pool = np.flatnonzero(active & teaches)
            if len(pool) < 2:
                pool = np.flatnonzero(active)
            if len(pool) < 2:
                raise ValueError(f"too few censors appointed for {window}; raise Scale.censors")
            pick = pool[rng.integers(0, len(pool), len(rows))]
            clash = self.employer[pick] == institutions[rows]
            # Redraw until nobody censors at their own institution; pools are large, so few loops.
            while clash.any():
                pick[clash] = pool[rng.integers(0, len(pool), int(clash.sum()))]
                clash = self.employer[pick] == institutions[rows]
            chosen[rows] = self.ids[pick]
        return chosen

    def employed_at(self, institution: str, subject: str, window: tuple[date, date]) -> str:
        """A new censor appointed for the window but employed at `institution`."""
        cid = self._new_id(_SAME_BASE)
        self.extra.append(
            (cid, institution, subject, _period_start(window[0]), _period_end(window[1]), 2015)
        )
        return cid

    def unknown(self) -> str:
        """An id that is not in the register at all."""
        return self._new_id(_UNKNOWN_BASE)

    def expired(self, rng: np.random.Generator, elsewhere: str, subject: str, on: date) -> str:
        """A new censor whose appointment ended before `on`, employed at `elsewhere`."""
        cid = self._new_id(_EXPIRED_BASE)
        ended = on - timedelta(days=int(rng.integers(1, 200)))
        self.extra.append((cid, elsewhere, subject, ended - timedelta(days=4 * 365), ended, 2014))
        return cid

    def teacher_pair(
        self, first_at: str, second_at: str, subjects: str, window: tuple[date, date]
    ) -> tuple[str, str]:
        """Two appointed teachers, employed at the two institutions, to censor each other."""
        ids = (self._new_id(_MUTUAL_BASE), self._new_id(_MUTUAL_BASE))
        for cid, employer in zip(ids, (first_at, second_at), strict=True):
            self.extra.append(
                (cid, employer, subjects, _period_start(window[0]), _period_end(window[1]), 2019)
            )
        return ids


def _period_start(day: date) -> date:
    year = day.year if day >= date(day.year, 8, 1) else day.year - 1
    return date(year, 8, 1)


def _period_end(day: date) -> date:
    start = _period_start(day)
    return date(start.year + 4, 7, 31)


def make_register(
    seed: int, scale: Scale, employers: list[str], subjects: list[str]
) -> CensorRegister:
    rng = stream(seed, "censor-register", scale.name)
    n = scale.censors
    # Four-year periods from 1 August; starts spread so some end and others begin in the range.
    start_year = rng.integers(scale.first_year - 3, scale.last_year + 1, n)
    appointed_from = np.array([np.datetime64(f"{y}-08-01") for y in start_year])
    appointed_to = np.array([np.datetime64(f"{y + 4}-07-31") for y in start_year])
    # Every subject gets censors in turn, then a second subject for some.
    first = [subjects[i % len(subjects)] for i in range(n)]
    second = rng.integers(0, len(subjects), n)
    has_second = rng.random(n) < 0.35
    teach = [
        (f, subjects[s]) if two and subjects[s] != f else (f,)
        for f, s, two in zip(first, second, has_second, strict=True)
    ]
    return CensorRegister(
        ids=np.array([f"C{_REGISTER_BASE + i}" for i in range(n)], dtype=object),
        employer=np.asarray(employers, dtype=object)[rng.integers(0, len(employers), n)],
        subjects=teach,
        appointed_from=appointed_from,
        appointed_to=appointed_to,
        last_full_course=start_year - rng.integers(0, 6, n),
    )


def write_register(out: Path, seed: int, register: CensorRegister, scale: Scale) -> tuple[int, int]:
    """The register as the ministry extracts it: an early snapshot (superseded) and the full one
    after the last exam term, which also lists the censors that planted faults rely on."""
    rng = stream(seed, "censor-register-files", scale.name)
    rows = [
        (
            cid,
            employer,
            "|".join(subjects),
            str(frm),
            str(to),
            str(last),
        )
        for cid, employer, subjects, frm, to, last in zip(
            register.ids,
            register.employer,
            register.subjects,
            register.appointed_from,
            register.appointed_to,
            register.last_full_course,
            strict=True,
        )
    ]

    def dk_iso(iso: str) -> str:
        y, m, d = iso.split("-")
        return f"{d}-{m}-{y}"

    formatted = [(c, e, s, dk_iso(f), dk_iso(t), last) for c, e, s, f, t, last in rows]
    formatted += [
        (c, e, s, _dk(f), _dk(t), str(last)) for c, e, s, f, t, last in sorted(register.extra)
    ]
    early_cut = f"{scale.first_year}-08-01"
    early = [r for r, raw in zip(formatted, rows, strict=False) if raw[3] <= early_cut]
    early_name = f"censors_{scale.first_year}0301.csv"
    write_delivery(out / CENSORS.feed / early_name, CENSORS.columns, early, pick_style(rng))
    final_name = f"censors_{scale.last_year + 1}0315.csv"
    write_delivery(out / CENSORS.feed / final_name, CENSORS.columns, formatted, pick_style(rng))
    return 2, len(early) + len(formatted)
