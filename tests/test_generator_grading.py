"""The generator's grading rule (CONTRACT §4) on the cases the censor guide spells out."""

from __future__ import annotations

import numpy as np
import pytest

from dagster_project.generator.grading import SCALE_TOKENS, combine_sides

INDEX = {t: i for i, t in enumerate(SCALE_TOKENS)}


@pytest.mark.parametrize(
    ("examiner", "censor", "final"),
    [
        ("7", "7", "7"),
        ("4", "7", "7"),  # half-way, the censor gave the higher grade: up
        ("7", "4", "4"),  # half-way, the censor gave the lower grade: down
        ("12", "7", "10"),  # 9.5 is nearest 10
        ("7", "12", "10"),
        ("4", "10", "7"),  # exactly a grade
        ("02", "00", "00"),
        ("00", "02", "02"),
        ("-3", "00", "00"),
        ("10", "12", "12"),
        ("12", "10", "10"),
        ("02", "7", "4"),  # 4.5 is nearest 4
    ],
)
def test_examiner_and_censor_combine_by_the_rule(examiner: str, censor: str, final: str) -> None:
    got = combine_sides(np.array([INDEX[examiner]]), np.array([INDEX[censor]]))
    assert SCALE_TOKENS[got[0]] == final
