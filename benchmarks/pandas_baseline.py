"""`marts.amu_certificate_rates` the way an analyst might write it with pandas: read every file,
concatenate, keep the latest delivery, group and count."""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from benchmarks.landing_files import amu_files_by_dialect


def amu_certificate_rates(landing: Path, min_cell: int = 5) -> pd.DataFrame:
    frames = []
    for (delimiter, encoding), files in amu_files_by_dialect(landing).items():
        for path in files:
            frame = pd.read_csv(
                path,
                sep=delimiter,
                encoding="utf-8-sig" if encoding == "utf-8" else encoding,
                dtype=str,
                keep_default_na=False,
            )
            frame["filename"] = path.name
            frames.append(frame)
    data = pd.concat(frames, ignore_index=True)
    parts = data["filename"].str.extract(r"amu_results_(\d{6})_(\d{4}Q[1-4])_(\d{8})\.csv")
    data["institution_id"], data["quarter"], data["extracted"] = parts[0], parts[1], parts[2]
    newest = data.groupby(["institution_id", "quarter"])["extracted"].transform("max")
    data = data[data["extracted"] == newest]
    code = pd.to_numeric(data["Resultat"], errors="coerce")
    data = data.assign(
        registered=code.between(1, 6),
        missing=code.fillna(0).eq(0),
        issued=code.between(1, 3),
        **{f"result_code_{c}": code.eq(c) for c in range(1, 7)},
    )
    grouped = data.groupby(["quarter", "institution_id", "Fagkode"])
    out = grouped.agg(
        fkb=("Fkb", lambda s: s.mode().iloc[0]),
        participations=("Resultat", "size"),
        results_registered=("registered", "sum"),
        results_missing=("missing", "sum"),
        certificates_issued=("issued", "sum"),
        **{f"result_code_{c}": (f"result_code_{c}", "sum") for c in range(1, 7)},
    ).reset_index()
    counts = [c for c in out.columns if c not in ("quarter", "institution_id", "Fagkode", "fkb")]
    small = out[counts].apply(lambda col: col.between(1, min_cell - 1))
    rate = (out["certificates_issued"] / out["results_registered"]).round(4)
    hide_rate = (
        (out["results_registered"] == 0)
        | small["results_registered"]
        | small["certificates_issued"]
    )
    out["certificate_rate"] = rate.mask(hide_rate)
    out[counts] = out[counts].mask(small)
    out["suppressed"] = small.any(axis=1)
    return out


def run_pandas(landing: Path) -> tuple[float, int]:
    started = time.perf_counter()
    rows = len(amu_certificate_rates(landing))
    return time.perf_counter() - started, rows
