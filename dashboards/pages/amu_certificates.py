"""AMU certificate rates by quarter, institution, FKB, course and self-study."""

from __future__ import annotations

import streamlit as st

from dashboards import data_access as data
from dashboards.components import table_with_downloads
from dashboards.i18n import t

st.title(t("amu"))
try:
    quarters = data.amu_quarters()
except data.NothingPublished as exc:
    st.warning(str(exc))
    st.stop()
if not quarters:
    st.info(t("nothing_yet"))
    st.stop()

# The latest year by default: ten years of national courses is a table no one reads at once.
quarter_from, quarter_to = st.select_slider(
    t("quarters"), options=quarters, value=(quarters[-4:][0], quarters[-1]), key="quarters"
)
left, middle, right = st.columns(3)
institutions = tuple(
    left.multiselect(t("institutions"), data.amu_institutions(), key="institutions")
)
fkbs = tuple(middle.multiselect(t("fkb"), data.amu_fkbs(), key="fkbs"))
courses = tuple(right.multiselect(t("courses"), data.amu_courses(fkbs), key="courses"))

by_quarter = data.amu_rate_by_quarter(quarter_from, quarter_to, institutions, fkbs, courses)
st.subheader(t("certificate_rate_by_quarter"))
if by_quarter.empty:
    st.info(t("no_unsuppressed"))
else:
    st.line_chart(by_quarter, x="quarter", y="certificate_rate")
    table_with_downloads(by_quarter, "amu_rate_by_quarter")
st.caption(t("certificate_rate_note"))

if data.has_table("marts.amu_certificate_issuance"):
    st.subheader(t("self_study_heading"))
    self_study = data.amu_rate_by_self_study(quarter_from, quarter_to, institutions, fkbs)
    if self_study.empty:
        st.info(t("no_unsuppressed"))
    else:
        self_study["participation"] = self_study["participation"].map(t)
        st.line_chart(self_study, x="quarter", y="certificate_rate", color="participation")
        table_with_downloads(self_study, "amu_rate_by_self_study")

if data.has_table("marts.amu_quarterly_totals"):
    st.subheader(t("no_certificate_reasons"))
    reasons = data.amu_reasons(quarter_from, quarter_to)
    st.bar_chart(
        reasons,
        x="quarter",
        y=["failed_exam", "dropout_or_absence", "exemption_without_certificate"],
    )
    table_with_downloads(reasons, "amu_reasons")
    missing = data.amu_missing_by_institution(quarter_from, quarter_to)
    st.subheader(t("missing_by_institution"))
    st.bar_chart(missing, x="institution_id", y="results_missing")
    table_with_downloads(missing, "amu_missing_by_institution")

rates = data.amu_certificate_rates(quarter_from, quarter_to, institutions, fkbs, courses)
st.subheader(t("by_institution_and_course"))
st.metric(t("rows"), len(rates))
table_with_downloads(rates, "amu_certificate_rates")
