"""The report's short written summary, in Danish, generated from its figures."""

from __future__ import annotations

import pandas as pd

from dagster_project.report.data import ReportData


def _pct(value: object) -> str:
    return (
        "–" if value is None or pd.isna(value) else f"{float(value) * 100:.1f} %".replace(".", ",")
    )


def _n(value: object) -> str:
    return (
        "under grænsen for offentliggørelse"
        if value is None or pd.isna(value)
        else f"{int(value):,}".replace(",", ".")
    )


def summary_paragraphs(data: ReportData) -> list[str]:
    paragraphs = []
    totals = data.amu_totals.set_index("quarter") if not data.amu_totals.empty else pd.DataFrame()
    if data.quarter in totals.index:
        now = totals.loc[data.quarter]
        text = (
            f"I {data.quarter} indberettede {_n(now['institutions'])} institutioner "
            f"{_n(now['participations'])} deltagelser på prøvebelagte AMU-kurser. "
            f"{_pct(now['certificate_rate'])} af de registrerede resultater gav AMU-bevis, "
            f"og {_n(now['results_missing'])} deltagelser manglede endnu et resultat."
        )
        before = data.amu_totals["quarter"].iloc[0]
        if before != data.quarter and before in totals.index:
            then = totals.loc[before]
            if not pd.isna(then["certificate_rate"]) and not pd.isna(now["certificate_rate"]):
                change = (float(now["certificate_rate"]) - float(then["certificate_rate"])) * 100
                text += f" Året før ({before}) var andelen {_pct(then['certificate_rate'])} ({change:+.1f} procentpoint)."
        paragraphs.append(text)
    if not data.exam_outcomes.empty:
        graded = data.exam_outcomes["sittings_graded"].sum(min_count=1)
        passed = data.exam_outcomes["sittings_passed"].sum(min_count=1)
        rate = passed / graded if graded and not pd.isna(graded) else None
        paragraphs.append(
            f"Prøveterminen {', '.join(data.exam_terms)}: beståelsesprocenten over de offentliggjorte "
            f"celler var {_pct(rate)}."
        )
    if not data.komvux_results.empty:
        count = data.komvux_results["provningar"].sum(min_count=1)
        paragraphs.append(
            f"Komvux-prövning {', '.join(data.komvux_terms)}: {_n(count)} prövningar i offentliggjorte celler."
        )
    if not data.quality.empty:
        paragraphs.append(
            f"Datakvalitet: {int(data.quality['open_failures'].sum())} åbne fejl i "
            f"{len(data.quality)} kontroller ved offentliggørelsen."
        )
    paragraphs.append(
        "Antal mellem 1 og den mindste cellestørrelse er undertrykt og vist som tomme celler."
    )
    return paragraphs
