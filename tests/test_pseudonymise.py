"""Keyed pseudonyms and person-number validity, evaluated by DuckDB as ingestion does."""

from __future__ import annotations

import duckdb
import pytest

from dagster_project.ingest.pseudonymise import hmac_pads, person_select_list, pseudonym
from tests.landing import cpr

KEY = "test-key"


def derive(value: str | None, kind: str) -> dict[str, object]:
    inner, outer = hmac_pads(KEY)
    items = person_select_list("v", kind)  # type: ignore[arg-type]
    con = duckdb.connect()
    row = con.execute(
        f"select {', '.join(items)} from (select $v::varchar as v)",
        {"v": value, "hmac_inner": inner, "hmac_outer": outer},
    ).fetchone()
    names = [d[0] for d in con.description]
    return dict(zip(names, row, strict=True))


def test_sql_pseudonym_is_hmac_sha256_of_normalised_number() -> None:
    number = cpr(1, 1, 90, 1234)
    assert derive(number, "dk_cpr")["person_key"] == pseudonym(KEY, "DK" + number.replace("-", ""))


def test_hyphen_does_not_change_the_pseudonym() -> None:
    number = cpr(1, 1, 90, 1234)
    assert (
        derive(number, "dk_cpr")["person_key"]
        == derive(number.replace("-", ""), "dk_cpr")["person_key"]
    )


def test_another_key_gives_another_pseudonym() -> None:
    number = cpr(1, 1, 90, 1234)
    assert pseudonym("a", "DK" + number) != pseudonym("b", "DK" + number)


@pytest.mark.parametrize(
    ("number", "valid", "birth_year"),
    [
        (cpr(1, 1, 90, 1234), True, 1990),  # 7th digit 1: 1900-1999
        (cpr(1, 1, 10, 4123), True, 2010),  # 4 with YY <= 36: 2000s
        (cpr(1, 1, 50, 4123), True, 1950),  # 4 with YY >= 37: 1900s
        (cpr(1, 1, 50, 5123), True, 2050),  # 5-8 with YY <= 57: 2000s
        (cpr(1, 1, 60, 5123), True, 1860),  # 5-8 with YY >= 58: 1800s
        (cpr(29, 2, 0, 4123), True, 2000),  # leap day in 2000
        (cpr(29, 2, 0, 1123), False, None),  # 1900 was not a leap year
        (cpr(31, 4, 90, 1234), False, None),  # no 31 April
        ("12345", False, None),
        ("0101901234x", False, None),
    ],
)
def test_cpr_century_rule(number: str, valid: bool, birth_year: int | None) -> None:
    derived = derive(number, "dk_cpr")
    assert derived["person_number_valid"] is valid
    assert derived["person_birth_year"] == birth_year
    assert (derived["person_number_issue"] is None) is valid


def test_sex_from_last_digit() -> None:
    assert derive(cpr(1, 1, 90, 1235), "dk_cpr")["person_sex"] == "male"
    assert derive(cpr(1, 1, 90, 1234), "dk_cpr")["person_sex"] == "female"


def test_exam_number_is_pseudonymised_but_not_called_invalid() -> None:
    derived = derive("X-4711", "dk_student_id")
    assert derived["person_key"] is not None
    assert derived["person_number_issue"] is None


def _luhn_number(prefix9: str) -> str:
    total = 0
    for i, ch in enumerate(prefix9):
        p = int(ch) * (2 if i % 2 == 0 else 1)
        total += p // 10 + p % 10
    return prefix9 + str((10 - total % 10) % 10)


def test_swedish_check_digit_and_formats() -> None:
    ten = _luhn_number("811218987")
    dashed = f"{ten[:6]}-{ten[6:]}"
    twelve = "19" + ten
    assert derive(dashed, "se_personnummer")["person_number_valid"] is True
    assert (
        derive(dashed, "se_personnummer")["person_key"]
        == derive(twelve, "se_personnummer")["person_key"]
    )
    wrong = ten[:9] + str((int(ten[9]) + 1) % 10)
    derived = derive(wrong, "se_personnummer")
    assert derived["person_number_valid"] is False
    assert derived["person_number_issue"] == "check digit does not match"


def test_swedish_coordination_number_is_a_valid_date() -> None:
    number = _luhn_number("811278987")  # day 18 + 60
    assert derive(number, "se_personnummer")["person_number_valid"] is True
