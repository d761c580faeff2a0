"""Labels in Danish (the default) and English; one switch in the sidebar."""

from __future__ import annotations

import streamlit as st

LANGUAGES = {"da": "Dansk", "en": "English"}

_LABELS: dict[str, tuple[str, str]] = {
    # key: (Danish, English)
    "overview": ("Overblik", "Overview"),
    "amu": ("AMU-beviser", "AMU certificates"),
    "exams": ("Prøvekarakterer", "Exam grades"),
    "censors": ("Censorer og klager", "Censors and complaints"),
    "komvux": ("Komvux-prövning", "Komvux prövning"),
    "quality": ("Datakvalitet", "Data quality"),
    "language": ("Sprog", "Language"),
    "published": ("Offentliggjort", "Published"),
    "quarters": ("Kvartaler", "Quarters"),
    "terms": ("Terminer", "Terms"),
    "institutions": ("Institutioner", "Institutions"),
    "education": ("Uddannelse", "Education"),
    "subject": ("Fag", "Subject"),
    "exam_form": ("Prøveform", "Exam form"),
    "rows": ("Rækker", "Rows"),
    "download_csv": ("Hent CSV", "Download CSV"),
    "download_xlsx": ("Hent XLSX", "Download XLSX"),
    "suppressed_note": (
        "Tomme celler er undertrykt: antal mellem 1 og mindste cellestørrelse vises ikke.",
        "Empty cells are suppressed: counts between 1 and the minimum cell size are not shown.",
    ),
    "nothing_yet": (
        "Intet offentliggjort for dette emne endnu.",
        "Nothing published for this topic yet.",
    ),
    "grade_distribution": ("Karakterfordeling", "Grade distribution"),
    "intended_share": ("Tilsigtet andel", "Intended share"),
    "actual_share": ("Faktisk andel", "Actual share"),
    "pass_rate": ("Beståelsesprocent", "Pass rate"),
    "mean_grade": ("Gennemsnit", "Mean grade"),
    "disagreement": ("Uenighed mellem censor og eksaminator", "Censor–examiner disagreement"),
    "complaints": ("Klager og afgørelser", "Complaints and decisions"),
    "komvux_results": ("Resultater pr. kurs og termin", "Results by course and term"),
    "open_failures": ("Åbne fejl", "Open failures"),
    "by_check": ("Pr. kontrol", "By check"),
    "by_institution": ("Pr. institution", "By institution"),
    "trend": ("Åbne og løste fejl over tid", "Open and resolved failures over time"),
    "drill_down": ("Fejl på fil- og linjeniveau", "Failures by file and line"),
    "check": ("Kontrol", "Check"),
    "feed": ("Leverance", "Feed"),
    "institution": ("Institution", "Institution"),
    "export_for": ("Eksport til institution", "Export for institution"),
    "quarantined": ("Afviste filer", "Quarantined files"),
}


def language() -> str:
    """The session's language; a new session may ask for one with `?lang=en` in its link."""
    if "lang" not in st.session_state and st.query_params.get("lang") in LANGUAGES:
        st.session_state["lang"] = st.query_params["lang"]
    return st.session_state.get("lang", "da")


def t(key: str) -> str:
    danish, english = _LABELS[key]
    return english if language() == "en" else danish


def language_switch() -> None:
    # The choice is kept under a plain key as well: Streamlit forgets a widget's state on any run
    # that does not draw it.
    codes = list(LANGUAGES)
    choice = st.sidebar.selectbox(
        "Sprog / Language",
        codes,
        index=codes.index(language()),
        format_func=LANGUAGES.__getitem__,
        key="language",
    )
    st.session_state["lang"] = choice
