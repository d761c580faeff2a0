"""Overview: headline figures for the latest quarter and term, with the change from a year before."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboards import data_access as data
from dashboards.i18n import language, t

st.title(t("overview"))
try:
    published = data.published_at()
except data.NothingPublished as exc:
    st.warning(str(exc))
    st.stop()
st.caption(f"{t('published')} {published}")
danish = language() == "da"


def _value(value: object) -> float | None:
    """A figure, or None where it is suppressed."""
    return None if value is None or pd.isna(value) else float(value)


def _change(now: object, before: object) -> str | None:
    now, before = _value(now), _value(before)
    if now is None or before is None:
        return None
    return f"{(now - before) * 100:+.1f} " + ("procentpoint" if danish else "percentage points")


amu = data.amu_headline() if data.has_table("marts.amu_quarterly_totals") else None
if amu is not None and not amu.empty:
    latest = amu.iloc[-1]
    before = amu.iloc[0] if len(amu) == 2 else None
    col1, col2, col3 = st.columns(3)
    col1.metric("Seneste AMU-kvartal" if danish else "Latest AMU quarter", latest["quarter"])
    rate = _value(latest["certificate_rate"])
    col2.metric(
        "Andel med AMU-bevis" if danish else "AMU certificate rate",
        "–" if rate is None else f"{rate:.1%}",
        _change(rate, before["certificate_rate"] if before is not None else None),
    )
    missing = _value(latest["results_missing"])
    col3.metric(
        "Manglende resultater" if danish else "Results missing",
        "–" if missing is None else int(missing),
    )

exams = data.exam_headline() if data.has_table("marts.exam_outcomes") else None
if exams is not None and not exams.empty:
    latest = exams.iloc[-1]
    before = exams.iloc[0] if len(exams) == 2 else None
    col1, col2 = st.columns(2)
    col1.metric("Seneste prøvetermin" if danish else "Latest exam term", latest["term"])
    col2.metric(
        t("pass_rate"),
        "–" if _value(latest["pass_rate"]) is None else f"{_value(latest['pass_rate']):.1%}",
        _change(latest["pass_rate"], before["pass_rate"] if before is not None else None),
    )
st.page_link("pages/amu_certificates.py", label=t("amu") + " →")
st.page_link("pages/exam_grades.py", label=t("exams") + " →")
