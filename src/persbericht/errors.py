"""persbericht's error hierarchy: every message says what went wrong and what to do."""

from __future__ import annotations

from pathlib import Path


class PersberichtError(Exception):
    """Base of every error persbericht raises on purpose."""


class InputError(PersberichtError):
    """A release file (or text) that cannot be processed; names the file and the problem."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = None if path is None else str(path)
        self.problem = problem
        where = self.path if self.path is not None else "<text>"
        super().__init__(f"{where}: {problem}")


class ResourceError(PersberichtError):
    """A packaged data table or model is missing or malformed."""


class SettingsError(PersberichtError, ValueError):
    """An argument or setting has a value persbericht cannot use."""


class ModelVersionWarning(UserWarning):
    """The loaded model was built for another persbericht version, or is a fallback."""
