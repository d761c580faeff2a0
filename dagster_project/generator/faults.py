"""The ground-truth fault manifest `_faults.csv` (CONTRACT §5)."""

from __future__ import annotations

import csv
from pathlib import Path
from types import TracebackType


class FaultLog:
    COLUMNS = ("check_id", "feed", "source_file", "source_line", "record_key")

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0

    def __enter__(self) -> FaultLog:
        self._fh = self.path.open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._fh, lineterminator="\n")
        self._writer.writerow(self.COLUMNS)
        return self

    def add(
        self,
        check_id: str,
        feed: str,
        source_file: str,
        source_line: int | None,
        record_key: str = "",
    ) -> None:
        self._writer.writerow(
            (check_id, feed, source_file, "" if source_line is None else source_line, record_key)
        )
        self.count += 1

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._fh.close()
