"""Keyed pseudonyms and what may be derived from a person number before it is dropped.

Everything here is SQL that DuckDB evaluates column-wise inside the load statement, so a person
number never exists in a table, a DataFrame or a log line: it is read by the CSV reader and
replaced in the same SELECT.

The pseudonym is HMAC-SHA-256 (RFC 2104) computed in SQL from pads prepared here, truncated to
96 bits. Numbers are normalised first (hyphen and spaces removed, Swedish numbers to 12 digits)
so that a number written with or without its hyphen is the same person.
"""

from __future__ import annotations

import hashlib
import hmac

from dagster_project.feeds import PersonNumberKind

PSEUDONYM_HEX_CHARS = 24
_BLOCK = 64


def hmac_pads(key: str) -> tuple[str, str]:
    """Inner and outer HMAC pads as hex, for use as SQL parameters."""
    raw = key.encode("utf-8")
    if len(raw) > _BLOCK:
        raw = hashlib.sha256(raw).digest()
    raw = raw.ljust(_BLOCK, b"\0")
    inner = bytes(b ^ 0x36 for b in raw)
    outer = bytes(b ^ 0x5C for b in raw)
    return inner.hex(), outer.hex()


def pseudonym(key: str, normalised: str) -> str:
    """The pseudonym of an already normalised identifier; the Python twin of `hmac_sql`."""
    digest = hmac.new(key.encode("utf-8"), normalised.encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:PSEUDONYM_HEX_CHARS]


def hmac_sql(message_sql: str) -> str:
    """SQL for the keyed pseudonym of `message_sql`; expects parameters $hmac_inner, $hmac_outer."""
    return (
        f"left(sha256(unhex($hmac_outer) || unhex(sha256(unhex($hmac_inner) || "
        f"({message_sql})::blob))), {PSEUDONYM_HEX_CHARS})"
    )


def _dk_cpr_parts(col: str) -> dict[str, str]:
    digits = f"regexp_replace(trim({col}), '[- ]', '', 'g')"
    shaped = f"regexp_full_match(trim({col}), '[0-9]{{6}}-?[0-9]{{4}}')"
    yy = f"try_cast(substr({digits}, 5, 2) as integer)"
    d7 = f"try_cast(substr({digits}, 7, 1) as integer)"
    # The CPR century rule: the 7th digit together with the year gives the century.
    century = (
        f"case when {d7} between 0 and 3 then 1900 "
        f"when {d7} in (4, 9) then case when {yy} <= 36 then 2000 else 1900 end "
        f"else case when {yy} <= 57 then 2000 else 1800 end end"
    )
    birth = (
        f"case when {shaped} then try_strptime(substr({digits}, 1, 4) || "
        f"cast({century} + {yy} as varchar), '%d%m%Y')::date end"
    )
    return {"digits": digits, "shaped": shaped, "birth": birth}


def _se_parts(col: str) -> dict[str, str]:
    cleaned = f"regexp_replace(trim({col}), '[ ]', '', 'g')"
    shaped = f"regexp_full_match({cleaned}, '([0-9]{{2}})?[0-9]{{6}}[-+]?[0-9]{{4}}')"
    digits = f"regexp_replace({cleaned}, '[-+]', '', 'g')"
    ten = f"right({digits}, 10)"
    # Ten-digit numbers: the century is the one that makes the person younger than 100, or one
    # earlier with the '+' separator that Swedish numbers use for centenarians.
    yy = f"try_cast(substr({ten}, 1, 2) as integer)"
    this_yy = "(year(current_date) % 100)"
    century10 = (
        f"(case when {yy} <= {this_yy} then 2000 else 1900 end"
        f" - case when contains({cleaned}, '+') then 100 else 0 end)"
    )
    full_year = (
        f"case when length({digits}) = 12 then try_cast(substr({digits}, 1, 4) as integer) "
        f"else {century10} + {yy} end"
    )
    day = f"try_cast(substr({ten}, 5, 2) as integer)"
    # Coordination numbers (samordningsnummer) add 60 to the day.
    real_day = f"(case when {day} > 60 then {day} - 60 else {day} end)"
    birth = (
        f"case when {shaped} then try_strptime(cast({full_year} as varchar) || substr({ten}, 3, 2)"
        f" || lpad(cast({real_day} as varchar), 2, '0'), '%Y%m%d')::date end"
    )
    luhn_sum = (
        f"list_sum([(p // 10) + (p % 10) for p in "
        f"[try_cast(substr({ten}, i, 1) as integer) * (2 - ((i + 1) % 2)) for i in range(1, 10)]])"
    )
    check_ok = f"((10 - ({luhn_sum} % 10)) % 10) = try_cast(substr({ten}, 10, 1) as integer)"
    normalised = (
        f"case when {birth} is not null then strftime({birth}, '%Y') || substr({ten}, 3) "
        f"else {digits} end"
    )
    return {
        "shaped": shaped,
        "birth": birth,
        "check_ok": check_ok,
        "normalised": normalised,
        "ten": ten,
    }


def person_select_list(column: str, kind: PersonNumberKind, prefix: str = "person") -> list[str]:
    """SELECT-list items replacing the person-number column `column` (already quoted SQL).

    Produces `<prefix>_key`, `<prefix>_number_valid`, `<prefix>_number_issue`,
    `<prefix>_birth_year` and `<prefix>_sex` (`female`/`male`), the last two only where the number
    is valid.
    """
    p = prefix
    if kind in ("dk_cpr", "dk_student_id"):
        parts = _dk_cpr_parts(column)
        valid = f"coalesce({parts['shaped']} and {parts['birth']} is not null, false)"
        issue = (
            f"case when {column} is null then 'empty' "
            f"when not {parts['shaped']} then 'not 10 digits (DDMMYY-SSSS)' "
            f"when {parts['birth']} is null then 'not a real birth date under the CPR century rule' "
            f"end"
        )
        if kind == "dk_student_id":
            # Written exams deliver an anonymised exam number instead of a CPR: pseudonymise it
            # too, but do not call it an invalid person number.
            message = (
                f"case when {parts['shaped']} then 'DK' || {parts['digits']} "
                f"else 'DKEXAM:' || trim({column}) end"
            )
            issue = f"case when {parts['shaped']} then ({issue}) end"
            valid = f"coalesce({parts['shaped']} and {parts['birth']} is not null, false)"
        else:
            message = f"'DK' || {parts['digits']}"
        sex = f"case when {valid} then case when try_cast(right({parts['digits']}, 1) as integer) % 2 = 1 then 'male' else 'female' end end"
        return [
            f"case when {column} is not null then {hmac_sql(message)} end as {p}_key",
            f"{valid} as {p}_number_valid",
            f"{issue} as {p}_number_issue",
            f"case when {valid} then year({parts['birth']}) end as {p}_birth_year",
            f"{sex} as {p}_sex",
        ]
    parts = _se_parts(column)
    valid = f"coalesce({parts['shaped']} and {parts['birth']} is not null and {parts['check_ok']}, false)"
    issue = (
        f"case when {column} is null then 'empty' "
        f"when not {parts['shaped']} then 'not shaped as YYMMDD-NNNN or YYYYMMDDNNNN' "
        f"when {parts['birth']} is null then 'not a real date' "
        f"when not {parts['check_ok']} then 'check digit does not match' end"
    )
    # Swedish numbers: the ninth digit is odd for men, even for women.
    sex = f"case when {valid} then case when try_cast(substr({parts['ten']}, 9, 1) as integer) % 2 = 1 then 'male' else 'female' end end"
    return [
        f"case when {column} is not null then {hmac_sql(chr(39) + 'SE' + chr(39) + ' || ' + parts['normalised'])} end as {p}_key",
        f"{valid} as {p}_number_valid",
        f"{issue} as {p}_number_issue",
        f"case when {valid} then year({parts['birth']}) end as {p}_birth_year",
        f"{sex} as {p}_sex",
    ]


def person_output_columns(prefix: str = "person") -> list[str]:
    return [
        f"{prefix}_key",
        f"{prefix}_number_valid",
        f"{prefix}_number_issue",
        f"{prefix}_birth_year",
        f"{prefix}_sex",
    ]
