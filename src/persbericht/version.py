"""The installed persbericht version (from package metadata)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("persbericht")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+source"
