"""Sizes of the synthetic landing trees. Targets are explained in docs/generator.md."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Scale:
    name: str
    first_year: int
    years: int
    amu_institutions: int
    amu_participations_per_year: int
    people: int
    # Danish exams: schools per institution type, and the FP9 year group nationally.
    folkeskoler: int
    friskoler: int
    tenth_grade_centres: int
    fgu_institutions: int
    fvu_providers: int
    fp9_pupils_per_year: int
    fgu_students_per_year: int
    fvu_candidates_per_year: int
    censors: int
    # Swedish prövning: school units of one municipality, courses offered per unit and term.
    komvux_units: int
    komvux_courses: int
    komvux_candidates_per_course: int
    se_people: int

    @property
    def last_year(self) -> int:
        return self.first_year + self.years - 1


_SCALES = {
    "demo": Scale(
        "demo",
        2024,
        2,
        amu_institutions=4,
        amu_participations_per_year=3_000,
        people=6_000,
        folkeskoler=5,
        friskoler=2,
        tenth_grade_centres=1,
        fgu_institutions=1,
        fvu_providers=2,
        fp9_pupils_per_year=450,
        fgu_students_per_year=120,
        fvu_candidates_per_year=160,
        censors=160,
        komvux_units=2,
        komvux_courses=6,
        komvux_candidates_per_course=8,
        se_people=2_000,
    ),
    "small": Scale(
        "small",
        2023,
        3,
        amu_institutions=12,
        amu_participations_per_year=20_000,
        people=40_000,
        folkeskoler=24,
        friskoler=8,
        tenth_grade_centres=3,
        fgu_institutions=2,
        fvu_providers=4,
        fp9_pupils_per_year=2_400,
        fgu_students_per_year=600,
        fvu_candidates_per_year=900,
        censors=400,
        komvux_units=3,
        komvux_courses=10,
        komvux_candidates_per_course=10,
        se_people=6_000,
    ),
    "national": Scale(
        "national",
        2016,
        10,
        amu_institutions=86,
        amu_participations_per_year=500_000,
        people=1_500_000,
        folkeskoler=1_100,
        friskoler=400,
        tenth_grade_centres=80,
        fgu_institutions=27,
        fvu_providers=30,
        fp9_pupils_per_year=64_000,
        fgu_students_per_year=12_000,
        fvu_candidates_per_year=25_000,
        censors=5_000,
        komvux_units=8,
        komvux_courses=30,
        komvux_candidates_per_course=15,
        se_people=120_000,
    ),
}


def scale_for(name: str, years: int | None = None) -> Scale:
    try:
        base = _SCALES[name]
    except KeyError:
        raise ValueError(f"unknown scale {name!r}; choose demo, small or national") from None
    if years is None:
        return base
    if years < 1:
        raise ValueError(f"--years must be at least 1, got {years}")
    return replace(base, first_year=base.first_year + base.years - years, years=years)
