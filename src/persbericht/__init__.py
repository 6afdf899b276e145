"""persbericht: Dutch press releases → structured, checkable data.

>>> import persbericht
>>> sorted(persbericht.__all__)[:3]
['Article', 'ClaimPeriod', 'Entity']
"""

from __future__ import annotations

from persbericht.api import extract
from persbericht.errors import InputError, PersberichtError, ResourceError, SettingsError
from persbericht.io.batch import FileError, extract_folder
from persbericht.pipeline import load
from persbericht.records import (
    Article,
    ClaimPeriod,
    Entity,
    Paragraph,
    Period,
    Person,
    Quantity,
    Quote,
    Release,
    Statement,
    Time,
)
from persbericht.version import __version__

__all__ = [
    "Article",
    "ClaimPeriod",
    "Entity",
    "FileError",
    "InputError",
    "Paragraph",
    "Period",
    "PersberichtError",
    "Person",
    "Quantity",
    "Quote",
    "Release",
    "ResourceError",
    "SettingsError",
    "Statement",
    "Time",
    "__version__",
    "extract",
    "extract_folder",
    "load",
]
