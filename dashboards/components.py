"""Pieces every page uses: a table with its downloads and the suppression note."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboards.exports import csv_bytes, xlsx_bytes
from dashboards.i18n import t


def table_with_downloads(frame: pd.DataFrame, name: str) -> None:
    st.dataframe(frame, hide_index=True, width="stretch")
    if "suppressed" in frame.columns and frame["suppressed"].any():
        st.caption(t("suppressed_note"))
    left, right = st.columns(2)
    left.download_button(
        t("download_csv"), csv_bytes(frame), f"{name}.csv", "text/csv", key=f"{name}-csv"
    )
    right.download_button(
        t("download_xlsx"),
        xlsx_bytes(frame, name),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{name}-xlsx",
    )
