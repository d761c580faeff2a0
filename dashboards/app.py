"""The exam-results dashboards: `examwh dashboard` (or `streamlit run dashboards/app.py`)."""

from __future__ import annotations

import streamlit as st

from dashboards.i18n import language_switch, t

st.set_page_config(page_title="examwh", page_icon="📊", layout="wide")
language_switch()

pages = [
    st.Page("pages/overview.py", title=t("overview"), default=True),
    st.Page("pages/amu_certificates.py", title=t("amu")),
    st.Page("pages/exam_grades.py", title=t("exams")),
    st.Page("pages/censors_complaints.py", title=t("censors")),
    st.Page("pages/komvux.py", title=t("komvux")),
    st.Page("pages/data_quality.py", title=t("quality")),
]
st.navigation(pages).run()
