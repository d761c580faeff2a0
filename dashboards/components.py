"""Pieces every page uses: a table with its downloads and the suppression note."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboards.exports import csv_bytes, xlsx_bytes
from dashboards.i18n import t

# More rows than anyone reads on a page; a national table can have hundreds of thousands, and
# sending them all to the browser on every rerun is what made pages slow.
DISPLAY_ROWS = 2_000


def table_with_downloads(
    frame: pd.DataFrame,
    name: str,
    *,
    full: Callable[[], pd.DataFrame] | None = None,
    total: int | None = None,
) -> None:
    """The table (its first `DISPLAY_ROWS` rows) and CSV/XLSX downloads of all of it, built only
    when clicked. `full` loads every row when `frame` holds only the first ones (a query with a
    limit); `total` is then the number of rows there are."""
    rows = len(frame) if total is None else total
    st.dataframe(frame.head(DISPLAY_ROWS), hide_index=True, width="stretch")
    if rows > DISPLAY_ROWS:
        st.caption(t("display_limited").format(shown=DISPLAY_ROWS, total=rows))
    if "suppressed" in frame.columns and frame["suppressed"].any():
        st.caption(t("suppressed_note"))
    everything = full or (lambda: frame)
    left, right = st.columns(2)
    left.download_button(
        t("download_csv"),
        lambda: csv_bytes(everything()),
        f"{name}.csv",
        "text/csv",
        key=f"{name}-csv",
        on_click="ignore",
    )
    right.download_button(
        t("download_xlsx"),
        lambda: xlsx_bytes(everything(), name),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{name}-xlsx",
        on_click="ignore",
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
