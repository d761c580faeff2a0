"""Komvux prövning: results by course and term, the A–F distribution."""

from __future__ import annotations

import streamlit as st

from dashboards import data_access as data
from dashboards.components import table_with_downloads
from dashboards.i18n import t

st.title(t("komvux"))
if not data.has_table("marts.komvux_course_results") or not (terms := data.komvux_terms()):
    st.info(t("nothing_yet"))
    st.stop()
chosen = tuple(st.multiselect(t("terms"), terms, default=terms, key="komvux_terms")) or tuple(terms)
results = data.komvux_course_results(chosen)
units = st.multiselect("Enhet / unit", sorted(results["unit"].unique()), key="komvux_units")
if units:
    results = data.komvux_course_results(chosen, tuple(units))

st.subheader(t("komvux_results"))
st.metric(t("rows"), len(results))
grades = results[["grade_a", "grade_b", "grade_c", "grade_d", "grade_e", "grade_f"]].sum(
    min_count=1
)
grades.index = list("ABCDEF")
st.bar_chart(grades.rename("prövningar"))
table_with_downloads(results, "komvux_course_results")
