"""The exam-results dashboards: `streamlit run dashboards/app.py` (or `examwh dashboard`)."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Exam results warehouse", page_icon="📊", layout="wide")

pages = [
    st.Page("pages/overview.py", title="Overview", default=True),
    st.Page("pages/amu_certificates.py", title="AMU certificates"),
]
st.navigation(pages).run()
