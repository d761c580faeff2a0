"""Build the synthetic reference seeds (AMU course catalogue, AMU and exam institutions) once, reproducibly.

The real catalogues are not shipped (and this machine cannot fetch them); these are synthetic but
shaped like them: 5-digit fagkode, 4-digit FKB, about 130 FKBs, ~86 AMU providers. The one course
shown in the source document (49360, FKB 2679) is included as delivered there. Run:
    .venv/bin/python scripts/build_reference_seeds.py
and commit the CSVs in seeds/.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

AREAS = [
    (
        "Rengøring",
        ["rengøringskvalitet", "hygiejne i rengøring", "maskinel rengøring", "vinduespolering"],
    ),
    (
        "Transport",
        ["kørsel med farligt gods", "godschauffør", "kran og løft", "truckførercertifikat"],
    ),
    ("Byggeri", ["stillads", "murerarbejde", "tagdækning", "betonarbejde", "isolering"]),
    ("Metal", ["svejsning MAG", "svejsning TIG", "CNC-drejning", "pladebearbejdning"]),
    ("Pædagogik", ["pædagogisk assistance", "inklusion i dagtilbud", "sprogstimulering"]),
    ("Social og sundhed", ["demens", "forflytning", "medicinhåndtering", "palliation"]),
    ("Kontor", ["regneark", "kundeservice", "digital kommunikation", "bogføring"]),
    ("Køkken", ["fødevarehygiejne", "kold køkken", "diætkost", "storkøkkendrift"]),
    ("Lager", ["lagerstyring", "pluk og pak", "gaffeltruck", "logistik i lager"]),
    ("Industri", ["procesoperatør", "vedligehold af anlæg", "automation", "kvalitetssikring"]),
    ("Landbrug", ["pesticidkursus", "husdyrpasning", "maskinførsel i marken"]),
    ("IT", ["IT-sikkerhed", "netværk", "programmering", "digitale værktøjer"]),
    ("Service", ["vagt og sikkerhed", "ejendomsservice", "parkdrift", "receptionsarbejde"]),
]
VERBS = [
    "Grundlæggende",
    "Måling og vurdering af",
    "Praktisk",
    "Avanceret",
    "Introduktion til",
    "Ledelse af",
]
LEVELS = ["-", "-", "-", "B", "C", "Rutineret", "Øvet"]

PROVIDERS = [
    "AMU Nordjylland",
    "AMU Syd",
    "AMU Fyn",
    "AMU Vest",
    "AMU-SJ",
    "AMU Hovedstaden",
    "AMU Sjælland",
    "EUC Syd",
    "EUC Nordvest",
    "EUC Sjælland",
    "EUC Lillebælt",
    "Mercantec",
    "Tradium",
    "TECHCOLLEGE",
    "Syddansk Erhvervsskole",
    "Learnmark Horsens",
    "Selandia",
    "ZBC",
    "NEXT",
    "TEC",
    "Kold College",
    "Roskilde Tekniske Skole",
    "Herningsholm Erhvervsskole",
    "Aarhus Tech",
    "Viden Djurs",
    "Skive College",
    "Jordbrugets Uddannelsescenter",
    "Hotel- og Restaurantskolen",
    "Campus Vejle",
    "IBA Kolding",
]
REGIONS = ["Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland"]


def build_catalogue(rng: np.random.Generator) -> list[dict[str, str]]:
    rows = [
        {
            "fagkode": "49360",
            "course_title": "Måling og vurdering af rengøringskvalitet",
            "course_level": "-",
            "fkb": "2679",
            "area": "Rengøring",
            "days": "4",
        }
    ]
    used_fagkode = {"49360"}
    used_fkb = {"2679"}
    fkbs: list[tuple[str, str]] = [("2679", "Rengøring")]
    while len(fkbs) < 130:
        code = str(int(rng.integers(2000, 2999)))
        if code not in used_fkb:
            used_fkb.add(code)
            fkbs.append((code, AREAS[len(fkbs) % len(AREAS)][0]))
    topics = dict(AREAS)
    for fkb, area in fkbs:
        for _ in range(int(rng.integers(6, 20))):
            while True:
                code = str(int(rng.integers(40000, 49999)))
                if code not in used_fagkode:
                    break
            used_fagkode.add(code)
            topic = topics[area][int(rng.integers(0, len(topics[area])))]
            verb = VERBS[int(rng.integers(0, len(VERBS)))]
            rows.append(
                {
                    "fagkode": code,
                    "course_title": f"{verb} {topic}",
                    "course_level": LEVELS[int(rng.integers(0, len(LEVELS)))],
                    "fkb": fkb,
                    "area": area,
                    "days": str(int(rng.choice([1, 2, 3, 4, 5, 5, 10, 15]))),
                }
            )
    return sorted(rows, key=lambda r: r["fagkode"])


def build_institutions(rng: np.random.Generator) -> list[dict[str, str]]:
    rows = []
    used: set[str] = set()
    for i in range(86):
        base = PROVIDERS[i % len(PROVIDERS)]
        name = base if i < len(PROVIDERS) else f"{base} afd. {i // len(PROVIDERS) + 1}"
        while True:
            inst = str(int(rng.integers(100000, 999999)))
            if inst not in used:
                break
        used.add(inst)
        rows.append(
            {
                "institution_id": inst,
                "institution_name": name,
                "institution_type": "AMU-udbyder",
                "region": REGIONS[int(rng.integers(0, len(REGIONS)))],
            }
        )
    return rows


TOWNS = [
    "Aabenraa",
    "Aalborg",
    "Aarhus",
    "Assens",
    "Ballerup",
    "Billund",
    "Bornholm",
    "Esbjerg",
    "Faaborg",
    "Favrskov",
    "Fredericia",
    "Frederikshavn",
    "Gentofte",
    "Gladsaxe",
    "Haderslev",
    "Herning",
    "Hillerød",
    "Hjørring",
    "Holbæk",
    "Horsens",
    "Ikast",
    "Kalundborg",
    "Kolding",
    "København",
    "Køge",
    "Lemvig",
    "Middelfart",
    "Næstved",
    "Odense",
    "Randers",
    "Ringkøbing",
    "Roskilde",
    "Silkeborg",
    "Skive",
    "Slagelse",
    "Sorø",
    "Svendborg",
    "Thisted",
    "Tønder",
    "Vejle",
    "Viborg",
    "Vordingborg",
]
# Danish institutions holding exams, by kind, with roughly the national counts.
EXAM_INSTITUTION_TYPES = [
    ("folkeskole", 1_100, "{town} {n}. Skole", ("FP9",)),
    ("friskole", 400, "{town} Friskole {n}", ("FP9",)),
    ("10.-klassecenter", 80, "10. klasse-center {town} {n}", ("FP10",)),
    ("FGU-institution", 27, "FGU {town}", ("FGU",)),
    ("VUC", 30, "VUC {town}", ("FVU",)),
]


def build_exam_institutions(rng: np.random.Generator, taken: set[str]) -> list[dict[str, str]]:
    rows = []
    used = set(taken)
    for kind, count, pattern, educations in EXAM_INSTITUTION_TYPES:
        for i in range(count):
            while True:
                inst = str(int(rng.integers(200000, 699999)))
                if inst not in used:
                    break
            used.add(inst)
            town = TOWNS[i % len(TOWNS)]
            rows.append(
                {
                    "institution_id": inst,
                    "institution_name": pattern.format(town=town, n=i // len(TOWNS) + 1),
                    "institution_type": kind,
                    "educations": "|".join(educations),
                    "region": REGIONS[int(rng.integers(0, len(REGIONS)))],
                }
            )
    return rows


def write(name: str, rows: list[dict[str, str]]) -> None:
    with (SEEDS / name).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    generator = np.random.default_rng(20261122)
    write("amu_course_catalogue.csv", build_catalogue(generator))
    amu_institutions = build_institutions(generator)
    write("amu_institutions.csv", amu_institutions)
    write(
        "exam_institutions.csv",
        build_exam_institutions(
            np.random.default_rng(20261123), {r["institution_id"] for r in amu_institutions}
        ),
    )
