"""Output that survives a killed run: whole JSONL lines, whole files, nothing half-written."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any


def repair_jsonl(path: Path) -> None:
    """Cut a trailing partial line left by a killed writer (its record is redone)."""
    if not path.exists():
        return
    with path.open("rb+") as handle:
        data = handle.read()
        if data and not data.endswith(b"\n"):
            handle.truncate(data.rfind(b"\n") + 1)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The complete records of a JSONL file (a partial last line is ignored)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.endswith("\n") and line.strip():
                yield json.loads(line)


class JsonlAppender:
    """Appends one record per line, each with a single ``write`` of the whole line."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        repair_jsonl(path)
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def append(self, record: dict[str, Any]) -> None:
        """Write ``record`` as one line and flush it to the OS."""
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        view = memoryview(line)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]

    def close(self) -> None:
        """Flush to disk and close."""
        os.fsync(self._fd)
        os.close(self._fd)

    def __enter__(self) -> JsonlAppender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_atomic(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file and ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


CSV_COLUMNS = (
    "doc",
    "text_sha256",
    "layer",
    "start",
    "end",
    "text",
    "label",
    "norm",
    "value",
    "qualifier",
    "unit",
    "kind",
    "counted",
    "period_start",
    "period_end",
    "type",
    "actor",
    "speaker",
    "polarity",
    "modality",
)


def release_rows(release: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One flat CSV row per extracted item of a release record."""
    base = {"doc": release.get("doc"), "text_sha256": release.get("text_sha256")}
    for layer in ("entities", "quantities", "times", "statements"):
        for item in release.get(layer, []):
            period = item.get("period") or {}
            row = {**base, "layer": layer, **{k: item.get(k) for k in CSV_COLUMNS if k in item}}
            row["period_start"], row["period_end"] = period.get("start"), period.get("end")
            row.pop("period", None)
            yield row


def write_csv(path: Path, releases: Iterable[dict[str, Any]]) -> None:
    """All items of ``releases`` as one CSV file, written atomically."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for release in releases:
        writer.writerows(release_rows(release))
    write_atomic(path, buffer.getvalue())
