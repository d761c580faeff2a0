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


def _rank_within(keys: np.ndarray) -> np.ndarray:
    """0, 1, 2, ... within each run of equal keys (in order of appearance)."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.r_[0, np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1]
    run_start = np.repeat(starts, np.diff(np.r_[starts, len(keys)]))
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys)) - run_start
    return rank


def _birth_days(rng: np.random.Generator, year: int, size: int) -> np.ndarray:
    start = np.datetime64(f"{year}-01-01")
    days = (np.datetime64(f"{year + 1}-01-01") - start).astype(int)
    return start + rng.integers(0, days, size).astype("timedelta64[D]")


def _ddmmyy(birth: np.ndarray) -> np.ndarray:
    return np.asarray(
        [d.strftime("%d%m%y") for d in birth.astype("datetime64[D]").tolist()], dtype=object
    )


@dataclass(frozen=True)
class Cohort:
    """Everyone born in one year, with numbers unique within the cohort."""

    number: np.ndarray  # str
    female: np.ndarray

    def __len__(self) -> int:
        return len(self.number)


def make_dk_cohort(seed: int, birth_year: int, size: int) -> Cohort:
    """Danish CPR numbers DDMMYY-SSSS, unique within the year: the serial counts births per day.

    The 7th digit is 5 for 2000-2057 and 2 for the 1900s, both valid under the century rule; the
    last digit's parity gives the sex as in real CPR numbers.
    """
    rng = stream(seed, "dk-cohort", birth_year, size)
    birth = _birth_days(rng, birth_year, size)
    female = rng.random(size) < 0.5
    rank = _rank_within(birth.astype(np.int64))
    if int(rank.max(initial=0)) >= 500:
        raise ValueError(f"cohort {birth_year} of {size} has more than 500 births on one day")
    d7 = 5 if birth_year >= 2000 else 2
    serial = d7 * 1000 + rank * 2 + np.where(female, 0, 1)
    number = np.char.add(
        np.char.add(_ddmmyy(birth).astype(str), "-"), np.char.zfill(serial.astype(str), 4)
    )
    return Cohort(number=number.astype(object), female=female)


def luhn_digit(body: np.ndarray) -> np.ndarray:
    """The Swedish personnummer check digit of 9-digit bodies YYMMDDNNN."""
    digits = np.array([list(map(int, b)) for b in body.tolist()], dtype=np.int64).reshape(-1, 9)
    weights = np.array([2, 1, 2, 1, 2, 1, 2, 1, 2])
    products = digits * weights
    total = (products // 10 + products % 10).sum(axis=1)
    return (10 - total % 10) % 10


def make_se_population(seed: int, size: int, born_from: int = 1960, born_to: int = 2006) -> Cohort:
    """Swedish personnummer YYYYMMDD-NNNC: birth date, 3-digit birth number (odd for men) and the
    Luhn check digit over the ten-digit form; unique per person."""
    rng = stream(seed, "se-population", size)
    start = np.datetime64(f"{born_from}-01-01")
    days = (np.datetime64(f"{born_to}-12-31") - start).astype(int)
    birth = start + rng.integers(0, days, size).astype("timedelta64[D]")
    female = rng.random(size) < 0.5
    rank = _rank_within(birth.astype(np.int64))
    if int(rank.max(initial=0)) >= 500:
        raise ValueError("more than 500 Swedish births on one day; lower se_people")
    birth_number = rank * 2 + np.where(female, 0, 1)
    yymmdd = np.asarray([d.strftime("%y%m%d") for d in birth.tolist()])
    body = np.char.add(yymmdd, np.char.zfill(birth_number.astype(str), 3))
    check = luhn_digit(body)
    yyyymmdd = np.asarray([d.strftime("%Y%m%d") for d in birth.tolist()])
    number = np.char.add(
        np.char.add(yyyymmdd, "-"),
        np.char.add(np.char.zfill(birth_number.astype(str), 3), check.astype(str)),
    )
    return Cohort(number=np.asarray(number, dtype=object), female=female)
