"""Batch extraction: bad inputs, resume, atomic output, a run killed with SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from persbericht.io.batch import FileError, extract_folder, run_batch
from persbericht.io.read import read_release
from persbericht.records import Release

RELEASE = (
    "Nieuwe regels voor de opvang\n\nPublicatiedatum: 12-06-2024 10:00\n\n"
    "De regering keurt nieuwe regels goed voor de opvang van asielzoekers.\n\n"
    "Minister Jansen: “Wij willen dat iedereen weet waar hij aan toe is.”\n"
)

# Each bad input: how to write it, and the record it must give.
BAD_INPUTS = [
    ("empty", lambda p: p.write_bytes(b""), "error", "empty file"),
    ("whitespace", lambda p: p.write_text("  \n\n \t\n"), "error", "empty file"),
    (
        "binary",
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50),
        "error",
        "binary",
    ),
    (
        "latin1",
        lambda p: p.write_bytes(
            RELEASE.replace("“", '"').replace("”", '"').encode("latin-1")
            + "Één café in Liège.\n".encode("latin-1")
        ),
        "release",
        None,
    ),
    ("oversized", lambda p: p.write_bytes(b"Dit is tekst. " * 1_500_000), "error", "too large"),
    (
        "only_boilerplate",
        lambda p: p.write_text("Deel dit artikel\n\nPrinten\n\nBlijf op de hoogte\n"),
        "release",
        "no release body found",
    ),
    ("control_chars", lambda p: p.write_bytes(bytes(range(1, 32)) * 200), "error", "binary"),
]


@pytest.mark.parametrize(
    ("name", "write", "outcome", "message"), [pytest.param(*c, id=c[0]) for c in BAD_INPUTS]
)
def test_bad_input_gives_clear_error_or_valid_record(tmp_path, name, write, outcome, message):
    path = tmp_path / f"{name}.txt"
    write(path)

    [record] = list(extract_folder(path))

    if outcome == "error":
        assert isinstance(record, FileError)
        assert record.path == str(path)
        assert message in record.problem
    else:
        assert isinstance(record, Release)
        assert record.doc == path.name
        if message:
            assert any(message in w for w in record.warnings)


def test_latin1_is_decoded_and_noted(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café in Liège\n\nDe stad België opent een café.\n".encode("latin-1"))

    release_file = read_release(path)

    assert "Liège" in release_file.text
    assert release_file.encoding.replace("_", "-") in {
        "latin-1",
        "cp1252",
        "iso8859-1",
        "windows-1252",
    }


def test_missing_file_gets_error_record(tmp_path):
    [record] = list(extract_folder(tmp_path / "bestaat-niet.txt"))
    assert isinstance(record, FileError)
    assert "cannot read" in record.problem


def _write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        body = (
            RELEASE.replace("Jansen", f"Jansen{k}") + f"\nBericht nummer {k} van de reeks.\n" * 20
        )
        (folder / f"r{k:03d}.txt").write_text(body, encoding="utf-8")


def test_resume_skips_done_and_writes_each_once(tmp_path):
    src = tmp_path / "in"
    _write_corpus(src, 5)
    (src / "kapot.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"

    first = run_batch([src], out)
    # A killed writer may leave half a line: it must be cut, and its record redone.
    with out.open("ab") as handle:
        handle.write(b'{"doc":"half')
    second = run_batch([src], out)

    lines = out.read_text(encoding="utf-8").splitlines()
    shas = [json.loads(line)["text_sha256"] for line in lines]
    assert (first.done, first.failed) == (5, 1)
    assert (second.done, second.skipped, second.failed) == (0, 5, 1)
    assert len(shas) == len(set(shas)) == 5
    errors = [json.loads(x) for x in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert errors == [
        {"path": str(src / "kapot.txt"), "problem": "empty file (no text)", "text_sha256": None}
    ]


def test_split_output_is_resumable(tmp_path):
    src = tmp_path / "in"
    _write_corpus(src / "sub", 3)
    out = tmp_path / "split"

    run_batch([src], out, split=True)
    (out / "sub" / "r001.json").unlink()
    again = run_batch([src], out, split=True)

    assert (again.done, again.skipped) == (1, 2)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["sub/r000.json", "sub/r001.json", "sub/r002.json"]
    record = json.loads((out / "sub" / "r001.json").read_text(encoding="utf-8"))
    assert Release.from_dict(record).title == "Nieuwe regels voor de opvang"


def test_sigkill_and_restart_gives_every_record_exactly_once(tmp_path):
    src = tmp_path / "in"
    n = 200
    _write_corpus(src, n)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "persbericht", "extract", str(src), "-o", str(out), "-q"]

    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 1:
            break
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = out.read_bytes().count(b"\n")
    assert before < n, "the run finished before it could be killed"

    done = subprocess.run(command, capture_output=True, text=True, timeout=600)

    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == n
    assert len({r["text_sha256"] for r in records}) == n
    assert f"{n - before} extracted, {before} already done" in done.stderr


def test_parallel_jobs_give_the_same_records(tmp_path):
    src = tmp_path / "in"
    _write_corpus(src, 4)

    serial = [r.to_dict() for r in extract_folder(src, jobs=1)]
    parallel = [r.to_dict() for r in extract_folder(src, jobs=2)]

    assert parallel == serial
    assert len(serial) == 4
