"""Data quality, for the stewards: open failures by check and institution, their trend, the file
and line of each, and an export per institution to send back.

Counts and the trend are for everyone; the rows (file, line, institution, detail), the
quarantined files and the Great Expectations report need a steward login outside demo mode
(`dashboards/access.py`)."""

from __future__ import annotations

import streamlit as st

from dashboards import data_access as data
from dashboards.access import current_access, login_controls
from dashboards.components import DISPLAY_ROWS, table_with_downloads
from dashboards.i18n import t

st.title(t("quality"))
try:
    counts = data.failure_counts()
except data.NothingPublished as exc:
    st.warning(str(exc))
    st.stop()
access = current_access(demo=data.published_from_demo_data())
login_controls(access, t)

st.metric(t("open_failures"), int(counts["open_failures"].sum()) if not counts.empty else 0)
st.subheader(t("by_check"))
if not counts.empty:
    st.bar_chart(counts, x="check_id", y="open_failures", color="severity")
st.dataframe(counts, hide_index=True, width="stretch")

trend = data.failure_trend()
if not trend.empty:
    st.subheader(t("trend"))
    st.line_chart(trend, x="day", y=["open", "resolved"])

if not access.row_level:
    st.stop()

st.subheader(t("drill_down"))
checks = tuple(st.multiselect(t("check"), counts["check_id"].tolist(), key="dq_checks"))
institutions = data.open_failure_institutions(checks)
chosen = tuple(st.multiselect(t("institution"), institutions, key="dq_institutions"))
total = data.open_failure_total(checks, chosen)
st.metric(t("rows"), total)
table_with_downloads(
    data.open_failures(checks, chosen, limit=DISPLAY_ROWS),
    "check_failures",
    full=lambda: data.open_failures(checks, chosen),
    total=total,
)

st.subheader(t("quarantined"))
st.dataframe(data.quarantined_files(), hide_index=True, width="stretch")

st.subheader(t("gx_docs"))
index = data.gx_docs_index()
if index is None:
    st.info(t("nothing_yet"))
else:
    st.write(t("gx_docs_help"))
    st.code(index.as_uri(), language=None)
    st.download_button(
        t("download_zip"),
        data.gx_docs_zip(index),
        file_name="gx_data_docs.zip",
        mime="application/zip",
        key="gx_docs_zip",
    )
