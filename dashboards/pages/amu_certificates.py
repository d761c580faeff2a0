"""AMU certificate rates by quarter, institution and course."""

from __future__ import annotations

import streamlit as st

from dashboards import data_access as data

st.title("AMU certificates")
try:
    quarters = data.amu_quarters()
except data.NothingPublished as exc:
    st.warning(str(exc))
    st.stop()
if not quarters:
    st.info("No AMU results are published yet.")
    st.stop()

quarter_from, quarter_to = st.select_slider(
    "Quarters", options=quarters, value=(quarters[0], quarters[-1]), key="quarters"
)
institutions = st.multiselect("Institutions", data.amu_institutions(), key="institutions")

by_quarter = data.amu_rate_by_quarter(quarter_from, quarter_to, tuple(institutions))
st.subheader("Certificate rate by quarter")
if by_quarter.empty:
    st.info("No unsuppressed results for this selection.")
else:
    st.line_chart(by_quarter, x="quarter", y="certificate_rate")
st.caption(
    "Certificates issued (result codes 1–3) over results registered (codes 1–6). Cells with "
    "counts below the minimum cell are suppressed and left out of these totals."
)

rates = data.amu_certificate_rates(quarter_from, quarter_to, tuple(institutions))
st.subheader("By institution and course")
st.metric("Rows", len(rates))
st.dataframe(rates, hide_index=True, use_container_width=True)
st.caption(
    "Empty cells are suppressed counts between 1 and the minimum cell size (`suppressed` = true)."
)
st.download_button(
    "Download CSV",
    rates.to_csv(index=False).encode("utf-8"),
    "amu_certificate_rates.csv",
    "text/csv",
)
