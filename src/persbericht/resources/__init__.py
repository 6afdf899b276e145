"""Package data tables (one table per file), read once and cached.

Each table's source, licence and regeneration command are listed in ``README.md``
beside the files. Components receive tables through the registered loader
``persbericht.table.v1``, so a spaCy config names the data instead of containing it.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources
from typing import Any

from spacy.util import registry

from persbericht.errors import ResourceError


def _read(name: str) -> str:
    try:
        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        msg = f"persbericht resource {name!r} is missing from the installed package"
        raise ResourceError(msg) from exc


@cache
def read_json(name: str) -> Any:
    """A JSON table, e.g. ``read_json("boilerplate.json")``."""
    try:
        return json.loads(_read(name))
    except json.JSONDecodeError as exc:
        msg = f"persbericht resource {name!r} is not valid JSON: {exc}"
        raise ResourceError(msg) from exc


@cache
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table without comment lines (``#``) and blank lines."""
    lines = [ln for ln in _read(name).splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(tuple(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter="\t"))


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """A one-item-per-line list without comments and blank lines."""
    return tuple(
        ln.strip() for ln in _read(name).splitlines() if ln.strip() and not ln.startswith("#")
    )


@registry.misc("persbericht.table.v1")  # type: ignore[untyped-decorator, unused-ignore]
def table(name: str) -> Any:
    """Registered loader: a JSON table by file name, for spaCy configs."""
    return read_json(name)
