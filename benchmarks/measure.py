"""Wall time and peak memory of a command and everything it starts (dbt included)."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

_CHILD = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
code = done.returncode
wall = time.perf_counter() - started
# ru_maxrss of the waited-for children: the largest resident set among the command's processes.
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
tail = (done.stderr.strip().splitlines() or [""])[-1]
print(json.dumps({"code": code, "wall": wall, "peak_mib": peak_kib / 1024, "tail": tail}))
"""


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_mib: float


def measure(command: list[str], env: dict[str, str]) -> Measurement:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, *command],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        raise RuntimeError(f"{' '.join(command)} exited {result['code']}: {result['tail']}")
    return Measurement(result["wall"], result["peak_mib"])
