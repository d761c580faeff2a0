"""A stable population of synthetic people with valid Danish CPR numbers.

Person i has the same number in every feed and year. Numbers follow the century rule (the 7th
digit with the year gives the century); modulus 11 is not required (CONTRACT §5) and not used.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dagster_project.generator.random_streams import stream


@dataclass(frozen=True)
class Population:
    cpr: np.ndarray  # str, DDMMYY-SSSS
    birth_year: np.ndarray
    female: np.ndarray

    def __len__(self) -> int:
        return len(self.cpr)


def _century_digit(rng: np.random.Generator, year: np.ndarray) -> np.ndarray:
    yy = year % 100
    d7 = np.empty(len(year), dtype=np.int64)
    nineteen = year < 2000
    # 1900s: 0-3 always; 4 and 9 also when YY >= 37; 5-8 when YY >= 58. Use 0-3 mostly.
    d7[nineteen] = rng.integers(0, 4, nineteen.sum())
    later = ~nineteen
    choices = np.array([4, 9, 5, 6, 7, 8])
    pick = rng.integers(0, 6, later.sum())
    d7[later] = choices[pick]
    # 2000s with YY > 36 cannot use 4/9 (they would mean 1937-1999).
    bad = later & (yy > 36) & np.isin(d7, [4, 9])
    d7[bad] = 5
    return d7


def make_population(seed: int, size: int, born_from: int = 1958, born_to: int = 2008) -> Population:
    rng = stream(seed, "population", size)
    start = np.datetime64(f"{born_from}-01-01")
    days = (np.datetime64(f"{born_to}-12-31") - start).astype(int)
    birth = start + rng.integers(0, days, size).astype("timedelta64[D]")
    years = birth.astype("datetime64[Y]").astype(int) + 1970
    months = birth.astype("datetime64[M]").astype(int) % 12 + 1
    day = (birth - birth.astype("datetime64[M]")).astype(int) + 1
    female = rng.random(size) < 0.5
    d7 = _century_digit(rng, years)
    middle = rng.integers(0, 100, size)
    last = rng.integers(0, 5, size) * 2 + np.where(female, 0, 1)
    serial = d7 * 1000 + middle * 10 + last
    cpr = np.char.add(
        np.char.add(
            np.char.add(np.char.zfill(day.astype(str), 2), np.char.zfill(months.astype(str), 2)),
            np.char.zfill((years % 100).astype(str), 2),
        ),
        np.char.add("-", np.char.zfill(serial.astype(str), 4)),
    )
    return Population(cpr=cpr, birth_year=years, female=female)
