"""What each landing feed looks like (CONTRACT §2): file names, headers, person-number columns.

One `FileKind` per kind of delivered file. The `komvux/` folder carries three kinds; every other
folder carries one. Ingestion, the generator and the docs all read this registry, so a feed's shape
is written down exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

PersonNumberKind = Literal["dk_cpr", "dk_student_id", "se_personnummer"]
ValueType = Literal["int", "date_dk", "datetime_dk", "date_se", "decimal"]


@dataclass(frozen=True)
class FileKind:
    feed: str
    """Landing folder name."""
    kind: str
    """Kind of file within the feed; also the raw table name."""
    name_pattern: re.Pattern[str]
    """Groups: `institution`, `period` (optional), `extracted` (YYYYMMDD)."""
    columns: tuple[str, ...]
    """The header exactly as delivered."""
    person_columns: dict[str, PersonNumberKind] = field(default_factory=dict)
    """Columns holding person numbers: replaced by keyed pseudonyms before anything is stored."""
    value_types: dict[str, ValueType] = field(default_factory=dict)
    """Columns that must parse as this type; a value that does not quarantines the file."""

    @property
    def raw_table(self) -> str:
        return f"raw.{self.kind}"

    def match_name(self, file_name: str) -> re.Match[str] | None:
        return self.name_pattern.fullmatch(file_name)


_EXTRACTED = r"(?P<extracted>\d{8})"

AMU_RESULTS = FileKind(
    feed="amu",
    kind="amu_results",
    name_pattern=re.compile(
        r"amu_results_(?P<institution>\d{6})_(?P<period>\d{4}Q[1-4])_" + _EXTRACTED + r"\.csv"
    ),
    columns=(
        "Hold-id",
        "Startdato (fag)",
        "Slutdato (fag)",
        "Cpr-nummer",
        "Fagkode",
        "Kursusnavn",
        "Niveau",
        "Fkb",
        "Selvstuderende",
        "Resultat",
        "Senest redigeret",
    ),
    person_columns={"Cpr-nummer": "dk_cpr"},
    value_types={
        "Startdato (fag)": "date_dk",
        "Slutdato (fag)": "date_dk",
        "Resultat": "int",
        "Senest redigeret": "datetime_dk",
    },
)

GRADES = FileKind(
    feed="grades",
    kind="grade_lists",
    name_pattern=re.compile(
        r"grades_(?P<institution>\d{6})_(?P<period>\d{4}-[SV])_" + _EXTRACTED + r"\.csv"
    ),
    columns=(
        "Uddannelse",
        "Fag",
        "Prøveform",
        "Prøvedato",
        "Elev-id",
        "Eksaminator",
        "Censor",
        "Karakter eksaminator",
        "Karakter censor",
        "Karakter",
        "Status",
        "Prøvegang",
        "Særlige vilkår",
        "Selvstuderende",
        "Tilmeldt",
        "Opgavesæt",
        "Sendt til censor",
        "Bedømt",
    ),
    person_columns={"Elev-id": "dk_student_id"},
    value_types={
        "Prøvedato": "date_dk",
        "Tilmeldt": "date_dk",
        "Sendt til censor": "date_dk",
        "Bedømt": "date_dk",
    },
)

CENSORS = FileKind(
    feed="censors",
    kind="censor_register",
    name_pattern=re.compile(r"censors_" + _EXTRACTED + r"\.csv"),
    columns=(
        "Censor-id",
        "Ansættelsessted",
        "Fag",
        "Beskikket fra",
        "Beskikket til",
        "Seneste fulde forløb",
    ),
    value_types={
        "Beskikket fra": "date_dk",
        "Beskikket til": "date_dk",
        "Seneste fulde forløb": "int",
    },
)

COMPLAINTS = FileKind(
    feed="complaints",
    kind="complaints",
    name_pattern=re.compile(
        r"complaints_(?P<institution>\d{6})_(?P<period>\d{4}-[SV])_" + _EXTRACTED + r"\.csv"
    ),
    columns=(
        "Klage-id",
        "Elev-id",
        "Fag",
        "Prøvedato",
        "Modtaget",
        "Afgjort",
        "Afgørelse",
        "Ny karakter",
    ),
    person_columns={"Elev-id": "dk_student_id"},
    value_types={"Prøvedato": "date_dk", "Modtaget": "date_dk", "Afgjort": "date_dk"},
)

_KOMVUX_NAME = r"_(?P<institution>[A-Za-z0-9]+)_(?P<period>\d{4}(?:VT|HT))_" + _EXTRACTED + r"\.csv"

KOMVUX_GROUPS = FileKind(
    feed="komvux",
    kind="ber_groups",
    name_pattern=re.compile(r"ber_groups" + _KOMVUX_NAME),
    columns=(
        "Gruppnamn",
        "Enhet",
        "Skolform",
        "Kurskod",
        "Poäng",
        "Utbildningsåtgärd",
        "Från och med",
        "Till och med",
        "Betygsättande lärare",
    ),
    value_types={"Poäng": "int", "Från och med": "date_se", "Till och med": "date_se"},
)

KOMVUX_ENROLMENTS = FileKind(
    feed="komvux",
    kind="ber_enrolments",
    name_pattern=re.compile(r"ber_enrolments" + _KOMVUX_NAME),
    columns=(
        "Personnummer",
        "Gruppnamn",
        "Kurskod",
        "Från och med",
        "Till och med",
        "Status",
        "Studieaktiv",
    ),
    person_columns={"Personnummer": "se_personnummer"},
    value_types={"Från och med": "date_se", "Till och med": "date_se"},
)

KOMVUX_GRADES = FileKind(
    feed="komvux",
    kind="pingpong_grades",
    name_pattern=re.compile(r"pingpong_grades" + _KOMVUX_NAME),
    columns=(
        "Personnummer",
        "Kurskod",
        "Gruppnamn",
        "Betyg",
        "Betygsdatum",
        "Betygsättande lärare",
    ),
    person_columns={"Personnummer": "se_personnummer"},
    value_types={"Betygsdatum": "date_se"},
)

FILE_KINDS: tuple[FileKind, ...] = (
    AMU_RESULTS,
    GRADES,
    CENSORS,
    COMPLAINTS,
    KOMVUX_GROUPS,
    KOMVUX_ENROLMENTS,
    KOMVUX_GRADES,
)

FEEDS: tuple[str, ...] = tuple(dict.fromkeys(k.feed for k in FILE_KINDS))


def kinds_of_feed(feed: str) -> tuple[FileKind, ...]:
    return tuple(k for k in FILE_KINDS if k.feed == feed)


def kind_for_file(feed: str, file_name: str) -> FileKind | None:
    for kind in kinds_of_feed(feed):
        if kind.match_name(file_name):
            return kind
    return None
