"""Assemble the quarterly report from a publication."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dagster_project.report.data import UnknownPeriod, load
from dagster_project.report.html import bar_chart, write_html
from dagster_project.report.summary import summary_paragraphs
from dagster_project.report.workbook import write_workbook

__all__ = ["ReportFiles", "UnknownPeriod", "write_quarterly_report"]


@dataclass(frozen=True)
class ReportFiles:
    workbook: Path
    html: Path


def write_quarterly_report(publication: Path, quarter: str, out_dir: Path) -> ReportFiles:
    data = load(publication, quarter)
    summary = summary_paragraphs(data)
    terms = ", ".join(data.exam_terms) or "ingen termin slutter i kvartalet"
    sheets = [
        ("AMU i alt", data.amu_totals, "AMU: landstal for kvartalet og samme kvartal året før."),
        ("AMU pr. kursus", data.amu_rates, f"AMU-beviser pr. institution og kursus, {quarter}."),
        ("Karakterfordeling", data.grade_distribution, f"Karakterfordeling, termin {terms}."),
        ("Prøveresultater", data.exam_outcomes, f"Beståelse og gennemsnit, termin {terms}."),
        (
            "Komvux",
            data.komvux_results,
            f"Komvux-prövning, {', '.join(data.komvux_terms) or 'ingen termin'}.",
        ),
        ("Datakvalitet", data.quality, "Åbne fejl pr. kontrol ved offentliggørelsen."),
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    workbook = out_dir / f"examwh-kvartalsrapport-{quarter}.xlsx"
    write_workbook(workbook, sheets, summary)
    charts = {
        "AMU i alt": bar_chart(
            data.amu_totals["quarter"].tolist(),
            data.amu_totals["certificate_rate"].tolist(),
            "Andel med bevis",
            percent=True,
        )
        if not data.amu_totals.empty
        else "",
        "Datakvalitet": bar_chart(
            data.quality["check_id"].tolist(), data.quality["open_failures"].tolist(), "Åbne fejl"
        )
        if not data.quality.empty
        else "",
    }
    if not data.grade_distribution.empty:
        first = data.grade_distribution.iloc[0]
        one = data.grade_distribution[
            (data.grade_distribution["education"] == first["education"])
            & (data.grade_distribution["subject"] == first["subject"])
            & (data.grade_distribution["exam_form"] == first["exam_form"])
        ]
        charts["Karakterfordeling"] = bar_chart(
            one["grade"].tolist(),
            one["share"].tolist(),
            f"{first['education']} {first['subject']} ({first['exam_form']})",
            percent=True,
        )
    document = out_dir / f"examwh-kvartalsrapport-{quarter}.html"
    write_html(
        document,
        quarter,
        summary,
        [(title, charts.get(title, ""), frame) for title, frame, _ in sheets],
    )
    return ReportFiles(workbook, document)
