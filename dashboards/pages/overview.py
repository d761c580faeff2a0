"""Overview: what is published and how fresh it is."""

from __future__ import annotations

import streamlit as st

from dashboards import data_access as data
from dashboards.i18n import t

st.title(t("overview"))
try:
    published = data.published_at()
except data.NothingPublished as exc:
    st.warning(str(exc))
    st.stop()

quarters = data.amu_quarters()
st.caption(f"{t('published')} {published}")
if quarters:
    latest = quarters[-1]
    rates = data.amu_rate_by_quarter(latest, latest)
    col1, col2 = st.columns(2)
    col1.metric("Latest AMU quarter", latest)
    if not rates.empty:
        col2.metric("AMU certificate rate", f"{rates['certificate_rate'].iloc[0]:.1%}")
st.page_link(
    "pages/amu_certificates.py", label="AMU certificates by quarter, institution and course →"
)
