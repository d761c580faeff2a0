"""Danish working days for generated exam dates and grading deadlines: Monday-Friday except the
public holidays of the `holidays` package, the same calendar fvu.grading_late counts with."""

from __future__ import annotations

from functools import cache

import holidays
import numpy as np


@cache
def danish_holidays(first_year: int, last_year: int) -> np.ndarray:
    days = holidays.Denmark(years=range(first_year, last_year + 1))
    return np.array(sorted(days), dtype="datetime64[D]")


def working_days_between(first: str, last: str) -> np.ndarray:
    """Every working day from `first` to `last` (ISO dates), inclusive."""
    start, end = np.datetime64(first, "D"), np.datetime64(last, "D")
    days = np.arange(start, end + 1, dtype="datetime64[D]")
    year0 = int(str(start)[:4])
    year1 = int(str(end)[:4]) + 1
    return days[np.is_busday(days, holidays=danish_holidays(year0, year1))]


def add_working_days(
    days: np.ndarray, n: np.ndarray, first_year: int, last_year: int
) -> np.ndarray:
    """The n-th working day after each day: exactly n working days lie in (day, result]."""
    return np.busday_offset(
        days.astype("datetime64[D]"),
        n,
        roll="backward",
        holidays=danish_holidays(first_year - 1, last_year + 1),
    )
