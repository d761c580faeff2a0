"""Spreadsheet cells that cannot carry a formula (CSV/formula injection).

A text cell a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage
return) gets an apostrophe in front. Plain numbers such as the grade -3 stay as they are.
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+([.,]\d+)?")


def safe_cell(value: object) -> object:
    if (
        isinstance(value, str)
        and value.startswith(_FORMULA_START)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value
