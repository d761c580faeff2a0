"""AMU certificate rates by quarter, institution and course."""

from __future__ import annotations

import streamlit as st

from dashboards import data_access as data
from dashboards.components import table_with_downloads
from dashboards.i18n import language, t

st.title(t("amu"))
try:
    quarters = data.amu_quarters()
except data.NothingPublished as exc:
    st.warning(str(exc))
    st.stop()
if not quarters:
    st.info("No AMU results are published yet.")
    st.stop()

quarter_from, quarter_to = st.select_slider(
    t("quarters"), options=quarters, value=(quarters[0], quarters[-1]), key="quarters"
)
institutions = st.multiselect(t("institutions"), data.amu_institutions(), key="institutions")

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

if data.has_table("marts.amu_quarterly_totals"):
    st.subheader(
        "Ingen bevis: årsager (kode 4–6) og manglende resultater"
        if language() == "da"
        else "No certificate: reasons (codes 4–6) and missing results"
    )
    reasons = data.amu_reasons(quarter_from, quarter_to)
    st.bar_chart(
        reasons,
        x="quarter",
        y=["failed_exam", "dropout_or_absence", "exemption_without_certificate"],
    )
    table_with_downloads(reasons, "amu_reasons")
    missing = data.amu_missing_by_institution(quarter_from, quarter_to)
    st.subheader(
        "Manglende resultater pr. institution"
        if language() == "da"
        else "Missing results by institution"
    )
    st.bar_chart(missing, x="institution_id", y="results_missing")
    table_with_downloads(missing, "amu_missing_by_institution")

rates = data.amu_certificate_rates(quarter_from, quarter_to, tuple(institutions))
st.subheader("By institution and course")
st.metric(t("rows"), len(rates))
table_with_downloads(rates, "amu_certificate_rates")
