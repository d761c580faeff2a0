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


def grouped_bars(frame: pd.DataFrame, x: str, series: list[str], order: list[str]) -> None:
    """Bars of several series side by side, with the x categories in `order` (grades in the
    scale's order, not sorted as text); a missing (suppressed) value leaves a gap."""
    import altair as alt

    long = frame.melt(id_vars=[x], value_vars=series, var_name="series", value_name="value")
    present = [o for o in order if o in set(long[x])]
    chart = (
        alt.Chart(long.dropna(subset=["value"]))
        .mark_bar()
        .encode(
            x=alt.X(f"{x}:N", sort=present, title=x),
            xOffset=alt.XOffset("series:N", sort=series),
            y=alt.Y("value:Q", title=None),
            color=alt.Color("series:N", sort=series, title=None),
            tooltip=[x, "series", "value"],
        )
    )
    st.altair_chart(chart, width="stretch")
