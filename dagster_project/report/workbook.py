"""The report workbook: one formatted sheet per topic, suppressed cells marked and explained,
no cell that a spreadsheet could read as a formula."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from dagster_project.spreadsheet_safety import safe_cell

HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
SUPPRESSED_FILL = PatternFill("solid", fgColor="FFF2CC")
SUPPRESSED_MARK = "·"
NOTE = (
    "· = undertrykt: antal mellem 1 og den mindste cellestørrelse vises ikke "
    "(suppressed: counts between 1 and the minimum cell size are not shown)."
)


def _write_sheet(book: Workbook, title: str, frame: pd.DataFrame, intro: str) -> None:
    sheet = book.create_sheet(title[:31])
    sheet.append([safe_cell(intro)])
    sheet["A1"].font = Font(italic=True)
    if frame.empty:
        sheet.append(["Intet offentliggjort for perioden."])
        return
    sheet.append([safe_cell(str(c)) for c in frame.columns])
    for cell in sheet[2]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    suppressed_rows = (
        frame["suppressed"].fillna(False).tolist()
        if "suppressed" in frame
        else [False] * len(frame)
    )
    for values, suppressed in zip(frame.itertuples(index=False), suppressed_rows, strict=True):
        row = []
        for column, value in zip(frame.columns, values, strict=True):
            if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
                row.append(SUPPRESSED_MARK if suppressed and column != "certificate_rate" else None)
            elif hasattr(value, "item"):
                row.append(value.item())
            else:
                row.append(safe_cell(value if not hasattr(value, "isoformat") else str(value)))
        sheet.append(row)
        if suppressed:
            for cell in sheet[sheet.max_row]:
                if cell.value == SUPPRESSED_MARK:
                    cell.fill = SUPPRESSED_FILL
    for index, column in enumerate(frame.columns, start=1):
        letter = get_column_letter(index)
        width = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)]) + 2
        sheet.column_dimensions[letter].width = min(max(width, 8), 60)
        if "rate" in column or column == "share":
            for cell in sheet[letter][2:]:
                cell.number_format = "0.0%"
    sheet.freeze_panes = "A3"
    sheet.append([])
    sheet.append([NOTE])


def write_workbook(
    path: Path, sheets: list[tuple[str, pd.DataFrame, str]], summary: list[str]
) -> None:
    book = Workbook()
    front = book.active
    front.title = "Sammendrag"
    front.column_dimensions["A"].width = 110
    for paragraph in summary:
        front.append([safe_cell(paragraph)])
        front.cell(front.max_row, 1).alignment = Alignment(wrap_text=True)
    for title, frame, intro in sheets:
        _write_sheet(book, title, frame, intro)
    book.save(path)
