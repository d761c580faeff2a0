"""Fault injection for recovery tests: `EXAMWH_CRASH_AT=<stage>` kills the process at a stage.

Stages: `ingest:<n>` after the n-th file of a run is committed, `dbt` before dbt starts, `checks`
after the checks' failures are found but before they are recorded, `publish` after the new
publication is written but before it is swapped in. The process dies with SIGKILL, as it would
from the OOM killer or a power cut: no cleanup handlers run.
"""

from __future__ import annotations

import os
import signal

_counts: dict[str, int] = {}


def crash_point(stage: str) -> None:
    wanted = os.environ.get("EXAMWH_CRASH_AT")
    if not wanted:
        return
    name, _, nth = wanted.partition(":")
    if name != stage:
        return
    _counts[stage] = _counts.get(stage, 0) + 1
    if _counts[stage] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
