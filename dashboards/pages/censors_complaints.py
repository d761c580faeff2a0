"""Censors and complaints: censor–examiner disagreement by subject, complaints and decisions."""

from __future__ import annotations

import streamlit as st

from dashboards import data_access as data
from dashboards.components import table_with_downloads
from dashboards.i18n import t

st.title(t("censors"))
if not data.has_table("marts.censor_disagreement") or not (terms := data.exam_terms()):
    st.info(t("nothing_yet"))
    st.stop()
chosen = tuple(st.multiselect(t("terms"), terms, default=terms, key="censor_terms")) or tuple(terms)

st.subheader(t("disagreement"))
disagreement = data.censor_disagreement(chosen)
if not disagreement.empty:
    st.bar_chart(disagreement, x="subject", y="disagreement_rate", color="education", stack=False)
table_with_downloads(disagreement, "censor_disagreement")

st.subheader(t("complaints"))
complaints = data.complaint_outcomes(chosen)
st.metric(t("rows"), len(complaints))
table_with_downloads(complaints, "complaint_outcomes")
