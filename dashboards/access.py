"""Who may see row-level data on the dashboard.

Every page shows aggregates, suppressed below the minimum cell, to anyone who can reach the app
(it binds to 127.0.0.1 unless `examwh dashboard --address` says otherwise). The steward page's
drill-down names institutions, files and lines to send back, so outside demo mode it needs an
OpenID Connect login through Streamlit's `st.login` by an account on the steward list; everyone
else sees that page's counts and trend only. See docs/security.md, "Access".

Configuration (the operator's, outside the repository):
- `.streamlit/secrets.toml` `[auth]`: Streamlit's OIDC settings (`redirect_uri`,
  `cookie_secret`, `client_id`, `client_secret`, `server_metadata_url`), or one
  `[auth.<provider>]` table per provider with `EXAMWH_AUTH_PROVIDER` naming the one to use.
- `EXAMWH_STEWARDS` or `[examwh] stewards` in the secrets: e-mail addresses, or `@domain` for a
  whole domain, comma-separated in the environment variable.
- `EXAMWH_DASHBOARD_AUTH=required` asks for a login on demo publications too (to try the set-up).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st


@dataclass(frozen=True)
class Access:
    row_level: bool
    # An i18n key for why row-level data is or is not shown.
    reason: str
    email: str | None = None


def steward_list(environ: Mapping[str, str], secrets: Mapping[str, Any]) -> frozenset[str]:
    """Steward e-mail addresses and `@domain` entries, lower-cased."""
    entries: list[str] = [e for e in environ.get("EXAMWH_STEWARDS", "").split(",")]
    configured = secrets.get("examwh", {}).get("stewards", [])
    entries += [configured] if isinstance(configured, str) else list(configured)
    return frozenset(e.strip().lower() for e in entries if e.strip())


def is_steward(email: str | None, stewards: Iterable[str]) -> bool:
    if not email or "@" not in email:
        return False
    address = email.strip().lower()
    domain = "@" + address.rsplit("@", 1)[1]
    return any(entry in {address, domain} for entry in stewards)


def decide(
    *,
    demo: bool,
    login_required: bool,
    auth_configured: bool,
    logged_in: bool,
    email: str | None,
    stewards: frozenset[str],
) -> Access:
    """The rule, free of Streamlit so each branch has a unit test."""
    if demo and not login_required:
        return Access(True, "access_demo")
    if not auth_configured:
        return Access(False, "access_not_configured")
    if not logged_in:
        return Access(False, "access_login")
    if not is_steward(email, stewards):
        return Access(False, "access_not_steward", email)
    return Access(True, "access_steward", email)


def _secrets() -> Mapping[str, Any]:
    # st.secrets raises when there is no secrets file at all, which is the normal demo set-up.
    try:
        return {key: st.secrets[key] for key in st.secrets}
    except FileNotFoundError:  # Streamlit's StreamlitSecretNotFoundError subclasses it
        return {}


def current_access(demo: bool) -> Access:
    secrets = _secrets()
    user = st.user
    logged_in = bool(user.get("is_logged_in", False))
    email = user.get("email") if logged_in else None
    return decide(
        demo=demo,
        login_required=os.environ.get("EXAMWH_DASHBOARD_AUTH", "auto") == "required",
        auth_configured="auth" in secrets,
        logged_in=logged_in,
        email=str(email) if email else None,
        stewards=steward_list(os.environ, secrets),
    )


def login_controls(access: Access, t: Any) -> None:
    """The login or logout button and a sentence on what this user sees."""
    if access.reason == "access_demo":
        st.caption(t("access_demo"))
        return
    if access.reason == "access_not_configured":
        st.warning(t("access_not_configured"))
        return
    if access.reason == "access_login":
        st.info(t("access_login"))
        provider = os.environ.get("EXAMWH_AUTH_PROVIDER") or None
        st.button(t("login"), key="login", on_click=st.login, args=(provider,) if provider else ())
        return
    message = t(access.reason).format(email=access.email)
    (st.caption if access.row_level else st.warning)(message)
    st.button(t("logout"), key="logout", on_click=st.logout)
