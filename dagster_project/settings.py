"""Runtime settings: command-line options first, then environment, then defaults (CONTRACT §1)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("examwh")

# A fixed key keeps the demo reproducible. It is public, so pseudonyms made with it are not
# protective: announce it loudly every time it is used.
DEMO_PSEUDONYM_KEY = "examwh-demo-key-not-secret"

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt"


@dataclass(frozen=True)
class Settings:
    landing_dir: Path
    warehouse: Path
    pseudonym_key: str
    min_cell: int
    demo_key: bool

    @property
    def published_dir(self) -> Path:
        """Where the pipeline publishes read-only copies for the dashboard and reports."""
        return self.warehouse.parent / f"{self.warehouse.stem}.published"

    @property
    def quarantine_dir(self) -> Path:
        """Rejected deliveries are moved here with their reasons, beside the feed folders."""
        return self.landing_dir / "_quarantine"


# DuckDB otherwise takes up to 80 % of the machine, and a national run grew past 6 GB; under a
# cap it spills to `<warehouse>.tmp` instead. dbt's profile reads the same variable.
DEFAULT_DUCKDB_MEMORY_LIMIT = "2GB"


def duckdb_memory_limit() -> str:
    return os.environ.get("EXAMWH_DUCKDB_MEMORY_LIMIT") or DEFAULT_DUCKDB_MEMORY_LIMIT


class UnsafeKey(Exception):
    """The pseudonym key would not protect real person numbers."""


MIN_KEY_LENGTH = 16
GENERATOR_MANIFEST = "_faults.csv"


def _key_from_environment() -> str:
    key = os.environ.get("EXAMWH_PSEUDONYM_KEY", "")
    key_file = os.environ.get("EXAMWH_PSEUDONYM_KEY_FILE", "")
    if key or not key_file:
        return key
    path = Path(key_file).expanduser().resolve()
    if path.is_relative_to(REPO_ROOT):
        # A key file inside the checkout is one `git add` away from being published.
        raise UnsafeKey(f"EXAMWH_PSEUDONYM_KEY_FILE must point outside the repository, not {path}")
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise UnsafeKey(f"cannot read EXAMWH_PSEUDONYM_KEY_FILE {path}: {exc.strerror}") from None


def resolve_settings(
    landing: str | os.PathLike[str] | None = None,
    warehouse: str | os.PathLike[str] | None = None,
) -> Settings:
    landing_dir = Path(landing or os.environ.get("EXAMWH_LANDING_DIR") or "data/landing")
    warehouse_file = Path(
        warehouse or os.environ.get("EXAMWH_WAREHOUSE") or "data/warehouse.duckdb"
    )
    key = _key_from_environment()
    demo_key = not key
    if demo_key:
        key = DEMO_PSEUDONYM_KEY
    raw_min_cell = os.environ.get("EXAMWH_MIN_CELL", "5")
    try:
        min_cell = int(raw_min_cell)
    except ValueError as exc:
        raise ValueError(f"EXAMWH_MIN_CELL must be a whole number, got {raw_min_cell!r}") from exc
    if min_cell < 1:
        raise ValueError(f"EXAMWH_MIN_CELL must be at least 1, got {min_cell}")
    return Settings(
        landing_dir=landing_dir.resolve(),
        warehouse=warehouse_file.resolve(),
        pseudonym_key=key,
        min_cell=min_cell,
        demo_key=demo_key,
    )


def is_demo(settings: Settings) -> bool:
    """Demo mode: asked for explicitly, or a landing tree the generator wrote (it always leaves
    its fault manifest at the root; real deliveries never do)."""
    return (
        os.environ.get("EXAMWH_DEMO", "") in {"1", "true", "yes"}
        or (settings.landing_dir / GENERATOR_MANIFEST).is_file()
    )


def require_usable_key(settings: Settings) -> None:
    """Refuse to pseudonymise real deliveries with a key that does not protect them."""
    if is_demo(settings):
        return
    if settings.demo_key or settings.pseudonym_key == DEMO_PSEUDONYM_KEY:
        raise UnsafeKey(
            "no pseudonym key: set EXAMWH_PSEUDONYM_KEY or EXAMWH_PSEUDONYM_KEY_FILE (the public "
            "demo key is only for generated demo data or EXAMWH_DEMO=1)"
        )
    if len(settings.pseudonym_key) < MIN_KEY_LENGTH:
        raise UnsafeKey(f"the pseudonym key must be at least {MIN_KEY_LENGTH} characters long")


def warn_if_demo_key(settings: Settings) -> None:
    if settings.demo_key:
        banner = "!" * 78
        log.warning(
            "\n%s\n  EXAMWH_PSEUDONYM_KEY is not set: using the PUBLIC DEMO KEY.\n"
            "  Pseudonyms made with it can be reversed by anyone. Use it for demo data only.\n%s",
            banner,
            banner,
        )
