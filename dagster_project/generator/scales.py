"""Sizes of the synthetic landing trees. Targets are explained in docs/generator.md."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    first_year: int
    years: int
    amu_institutions: int
    amu_participations_per_year: int
    people: int


_SCALES = {
    "demo": Scale(
        "demo", 2024, 2, amu_institutions=4, amu_participations_per_year=3_000, people=6_000
    ),
    "small": Scale(
        "small", 2023, 3, amu_institutions=12, amu_participations_per_year=20_000, people=40_000
    ),
    "national": Scale(
        "national",
        2016,
        10,
        amu_institutions=86,
        amu_participations_per_year=500_000,
        people=1_500_000,
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
    return Scale(
        base.name,
        base.first_year + base.years - years,
        years,
        base.amu_institutions,
        base.amu_participations_per_year,
        base.people,
    )
