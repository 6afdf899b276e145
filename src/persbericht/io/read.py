"""Read a release file into text: UTF-8, else a detected encoding; clear errors otherwise."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from persbericht.errors import InputError

#: Largest file read as a release (bytes); a press release is far smaller.
MAX_BYTES = 2_000_000
#: Share of control characters above which a file is taken for binary.
_BINARY_SHARE = 0.02


@dataclass(frozen=True)
class ReleaseFile:
    """A release file's text, the encoding it was read with, and its sha256."""

    path: Path
    text: str
    encoding: str
    text_sha256: str


def text_sha256(text: str) -> str:
    """sha256 of the UTF-8 bytes of ``text``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode_release(raw: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode the bytes of a release: ``(text, encoding)``; :class:`InputError` if not text.

    >>> decode_release("Brussel, 12 juni".encode("latin-1"))[0]
    'Brussel, 12 juni'
    >>> decode_release("Één op de vijf".encode("cp1252"))
    ('Één op de vijf', 'cp1252')
    """
    if not raw.strip():
        raise InputError(path, "empty file (no text)")
    if b"\x00" in raw[:8192]:
        raise InputError(path, "binary file (NUL bytes), not a text release")
    try:
        text, encoding = raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(raw, cp_isolation=["cp1252", "latin_1", "utf_16", "mac_roman"]).best()
        if best is None:
            raise InputError(path, "undecodable: not UTF-8 and no known encoding fits") from None
        text, encoding = str(best), best.encoding
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > _BINARY_SHARE * min(len(text), 20000):
        raise InputError(path, "binary file (control characters), not a text release")
    return text, encoding


def read_release(path: str | Path, *, max_bytes: int = MAX_BYTES) -> ReleaseFile:
    """Read one release file; every problem is an :class:`InputError` naming the file."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            msg = f"file too large ({size} bytes > {max_bytes}); not a single press release"
            raise InputError(file, msg)
        raw = file.read_bytes()
    except OSError as exc:
        raise InputError(file, f"cannot read: {exc.strerror or exc}") from exc
    text, encoding = decode_release(raw, file)
    return ReleaseFile(file, text, encoding, text_sha256(text))
