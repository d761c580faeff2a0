"""Exam grades: distribution against the 7-point scale's intended shares, outcomes, trends."""

from __future__ import annotations

import streamlit as st

from dashboards import data_access as data
from dashboards.components import grouped_bars, table_with_downloads
from dashboards.i18n import language, t

SCALE_ORDER = ["-3", "00", "02", "4", "7", "10", "12", "IB", "B"]
EDUCATION_ORDER = ["FP9", "FP10", "FGU", "FVU"]

st.title(t("exams"))
if not data.has_table("marts.grade_distribution") or not (terms := data.exam_terms()):
    st.info(t("nothing_yet"))
    st.stop()

subjects = data.exam_subjects()
educations = sorted(
    subjects["education"].unique(),
    key=lambda e: (EDUCATION_ORDER.index(e) if e in EDUCATION_ORDER else len(EDUCATION_ORDER), e),
)
education = st.selectbox(t("education"), educations, key="education")
# Default to the latest term this education sat (FP9 sits only in May-June).
education_terms = data.exam_terms(education) or terms
chosen_terms = tuple(
    st.multiselect(t("terms"), terms, default=education_terms[-1:], key="exam_terms")
) or tuple(education_terms[-1:])
of_education = subjects[subjects["education"] == education]
subject = st.selectbox(t("subject"), sorted(of_education["subject"].unique()), key="subject")
form = st.selectbox(
    t("exam_form"),
    sorted(of_education[of_education["subject"] == subject]["exam_form"].unique()),
    key="exam_form",
)

st.subheader(t("grade_distribution"))
distribution = data.grade_distribution(chosen_terms, education, subject, form)
chart = distribution.rename(
    columns={"share": t("actual_share"), "intended_share": t("intended_share")}
)
grouped_bars(chart, "grade", [t("actual_share"), t("intended_share")], SCALE_ORDER)
st.caption(
    "7-trinsskalaen er tænkt til at fordele beståede præstationer 10/25/30/25/10 % på 12/10/7/4/02."
    if language() == "da"
    else "The 7-point scale intends passing performances to spread 10/25/30/25/10 % over 12/10/7/4/02."
)
table_with_downloads(distribution, "grade_distribution")

if data.has_table("marts.exam_grade_means"):
    st.subheader(t("means_heading"))
    breakdowns = {
        "institution_type": t("institution_type"),
        "sex": t("sex"),
        "exam_form": t("written_vs_oral"),
    }
    breakdown = st.radio(
        t("breakdown"),
        list(breakdowns),
        format_func=breakdowns.__getitem__,
        horizontal=True,
        key="breakdown",
    )
    means = data.exam_grade_means(breakdown, education)
    if means["mean_grade"].notna().any():
        st.line_chart(means, x="term", y="mean_grade", color="category")
    else:
        st.line_chart(means, x="term", y="pass_rate", color="category")
    table_with_downloads(means, f"exam_grade_means_{breakdown}")

if data.has_table("marts.exam_attempts"):
    st.subheader(t("retakes"))
    attempts = data.exam_attempts(chosen_terms, education)
    st.bar_chart(attempts, x="subject", y="sittings", color="attempt", horizontal=True)
    table_with_downloads(attempts, "exam_attempts")

st.subheader(f"{t('outcomes_by_institution')}: {t('pass_rate')} / {t('mean_grade')}")
outcomes = data.exam_outcomes(chosen_terms, education)
st.metric(t("rows"), len(outcomes))
table_with_downloads(outcomes, "exam_outcomes")

trends = data.exam_trends()
if not trends.empty:
    st.line_chart(trends, x="year", y="pass_rate", color="education")
