"""The grading rule of CONTRACT §4 in numpy, so generated grade lists report the final grade an
institution following the rules would (folkeskole-censor-guide 3.5, karakterbekendtgørelsen
§14-15). The warehouse derives it in SQL (dbt/macros/final_grade.sql); tests hold the two equal."""

from __future__ import annotations

import numpy as np

SCALE_TOKENS = np.array(["-3", "00", "02", "4", "7", "10", "12"], dtype=object)
SCALE_VALUES = np.array([-3, 0, 2, 4, 7, 10, 12])


def combine_sides(examiner: np.ndarray, censor: np.ndarray) -> np.ndarray:
    """Scale indices of the final grade from one examiner and one censor grade (scale indices).

    The average rounded to the nearest grade; exactly half-way goes to the nearer higher grade if
    the censor gave the higher grade, otherwise to the nearer lower one.
    """
    mean = (SCALE_VALUES[examiner] + SCALE_VALUES[censor]) / 2
    distance = np.abs(SCALE_VALUES[None, :] - mean[:, None])
    nearest = distance == distance.min(axis=1, keepdims=True)
    lower = nearest.argmax(axis=1)
    higher = len(SCALE_VALUES) - 1 - nearest[:, ::-1].argmax(axis=1)
    return np.where(censor > examiner, higher, lower)
