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
    "login": ("Log ind", "Log in"),
    "logout": ("Log ud", "Log out"),
    "access_demo": (
        "Demodata: rækkerne vises uden login. Med rigtige data kræver de login som datasteward.",
        "Demo data: rows are shown without a login. With real data they need a steward login.",
    ),
    "access_not_configured": (
        "Login er ikke sat op, så kun optællinger vises. Tilføj et [auth]-afsnit i "
        ".streamlit/secrets.toml (se docs/security.md, Adgang).",
        "Login is not configured, so only counts are shown. Add an [auth] section to "
        ".streamlit/secrets.toml (see docs/security.md, Access).",
    ),
    "access_login": (
        "Log ind som datasteward for at se de enkelte fejl med fil og linje.",
        "Log in as a data steward to see each failure with its file and line.",
    ),
    "access_not_steward": (
        "{email} er ikke på listen over datastewards, så kun optællinger vises.",
        "{email} is not on the steward list, so only counts are shown.",
    ),
    "access_steward": ("Logget ind som datasteward: {email}", "Logged in as data steward: {email}"),
    "gx_docs": ("Great Expectations-rapport", "Great Expectations report"),
    "gx_docs_help": (
        "Valideringen af hver fødekilde række for række, bygget ved sidste kørsel:",
        "The row-level validation of each feed, built by the last run:",
    ),
    "published": ("Offentliggjort", "Published"),
    "quarters": ("Kvartaler", "Quarters"),
    "terms": ("Terminer", "Terms"),
    "institutions": ("Institutioner", "Institutions"),
    "education": ("Uddannelse", "Education"),
    "subject": ("Fag", "Subject"),
    "exam_form": ("Prøveform", "Exam form"),
    "rows": ("Rækker", "Rows"),
    "display_limited": (
        "Viser de første {shown} af {total} rækker; hentningerne indeholder dem alle.",
        "Showing the first {shown} of {total} rows; the downloads hold them all.",
    ),
    "download_csv": ("Hent CSV", "Download CSV"),
    "download_xlsx": ("Hent XLSX", "Download XLSX"),
    "download_zip": ("Hent rapporten (zip)", "Download the report (zip)"),
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
    "fkb": ("FKB", "FKB"),
    "courses": ("Kurser (fagkode)", "Courses (fagkode)"),
    "certificate_rate_by_quarter": ("Bevisprocent pr. kvartal", "Certificate rate by quarter"),
    "certificate_rate_note": (
        "Udstedte beviser (resultatkode 1–3) i forhold til registrerede resultater (kode 1–6). "
        "Celler med antal under mindste cellestørrelse er undertrykt og indgår ikke i totalerne.",
        "Certificates issued (result codes 1–3) over results registered (codes 1–6). Cells with "
        "counts below the minimum cell are suppressed and left out of these totals.",
    ),
    "no_unsuppressed": (
        "Ingen resultater, der kan vises, for dette udvalg.",
        "No unsuppressed results for this selection.",
    ),
    "self_study_heading": (
        "Selvstuderende og holdundervisning",
        "Self-study and taught participants",
    ),
    "self_study": ("Selvstuderende", "Self-study"),
    "taught": ("Holdundervisning", "Taught"),
    "no_certificate_reasons": (
        "Ingen bevis: årsager (kode 4–6) og manglende resultater",
        "No certificate: reasons (codes 4–6) and missing results",
    ),
    "missing_by_institution": (
        "Manglende resultater pr. institution",
        "Missing results by institution",
    ),
    "by_institution_and_course": ("Pr. institution og kursus", "By institution and course"),
    "means_heading": ("Gennemsnit og beståelse", "Mean grades and pass rates"),
    "breakdown": ("Opdelt efter", "Broken down by"),
    "institution_type": ("Institutionstype", "Institution type"),
    "sex": ("Køn", "Sex"),
    "written_vs_oral": ("Skriftlig og mundtlig", "Written and oral"),
    "retakes": ("Omprøver og sygeprøver", "Retakes and sick exams"),
    "outcomes_by_institution": ("Pr. fag og institution", "By subject and institution"),
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
