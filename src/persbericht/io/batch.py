"""Batch extraction over files and folders: parallel, resumable, one error record per bad file."""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from persbericht.errors import InputError, PersberichtError
from persbericht.io.read import MAX_BYTES, read_release
from persbericht.io.write import JsonlAppender, read_jsonl, write_atomic, write_csv
from persbericht.records import Record, Release

#: Files a folder search picks up.
RELEASE_SUFFIXES = (".txt",)


class FileError(Record):
    """A file that could not be turned into a release: which file, and why."""

    path: str
    problem: str
    text_sha256: str | None = None


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Release files under ``paths``: folders recursively (``*.txt``), files as given.

    A path that does not exist is kept, so that it gets its own error record.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in RELEASE_SUFFIXES
            )
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append(path)
    return unique


@dataclass(frozen=True)
class _Job:
    path: str
    reference_date: date | None
    max_bytes: int


_WORKER_MODEL: str | None = None


def _init_worker(model: str | None) -> None:
    global _WORKER_MODEL  # one pipeline per worker process, loaded on first use
    _WORKER_MODEL = model


def _run_job(job: _Job) -> dict[str, Any]:
    """Extract one file; returns a record dict with ``_kind`` release or error."""
    from persbericht.api import extract
    from persbericht.pipeline import default_pipeline, load

    sha = None
    try:
        release_file = read_release(job.path, max_bytes=job.max_bytes)
        sha = release_file.text_sha256
        nlp = default_pipeline() if _WORKER_MODEL is None else _loaded(_WORKER_MODEL, load)
        release = extract(
            release_file.text,
            reference_date=job.reference_date,
            source=job.path,
            nlp=nlp,
            encoding=release_file.encoding,
        )
        return {"_kind": "release", **release.to_dict()}
    except InputError as exc:
        return {"_kind": "error", "path": job.path, "problem": exc.problem, "text_sha256": sha}
    except PersberichtError as exc:
        return {"_kind": "error", "path": job.path, "problem": str(exc), "text_sha256": sha}
    except Exception as exc:  # a bug on one file must not stop the batch
        problem = f"internal error: {type(exc).__name__}: {exc}"
        return {"_kind": "error", "path": job.path, "problem": problem, "text_sha256": sha}


_LOADED: dict[str, Any] = {}


def _loaded(model: str, load: Callable[[str], Any]) -> Any:
    if model not in _LOADED:
        _LOADED[model] = load(model)
    return _LOADED[model]


def _results(jobs: Sequence[_Job], n_jobs: int, model: str | None) -> Iterator[dict[str, Any]]:
    if n_jobs <= 1 or len(jobs) <= 1:
        _init_worker(model)
        for job in jobs:
            yield _run_job(job)
        return
    ctx = multiprocessing.get_context("spawn" if os.name == "nt" else "forkserver")
    with ctx.Pool(processes=n_jobs, initializer=_init_worker, initargs=(model,)) as pool:
        yield from pool.imap(_run_job, jobs, chunksize=1)


def _to_record(result: dict[str, Any]) -> Release | FileError:
    kind = result.pop("_kind")
    return Release.from_dict(result) if kind == "release" else FileError.model_validate(result)


def extract_folder(
    paths: str | Path | Iterable[str | Path],
    *,
    reference_date: date | None = None,
    jobs: int = 1,
    model: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Release | FileError]:
    """Extract every release under ``paths``; yields a record or a :class:`FileError` per file.

    >>> for record in extract_folder("corpus/"):  # doctest: +SKIP
    ...     print(record.doc if isinstance(record, Release) else record.problem)
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    files = discover(paths)
    work = [_Job(str(p), reference_date, max_bytes) for p in files]
    for result in _results(work, jobs, model):
        yield _to_record(result)


@dataclass
class BatchSummary:
    """What a batch run did."""

    done: int = 0
    skipped: int = 0
    failed: int = 0


def _known_shas(output: Path, split: bool) -> set[str]:
    if split:
        shas = set()
        for path in output.rglob("*.json"):
            try:
                shas.add(json.loads(path.read_text(encoding="utf-8"))["text_sha256"])
            except (OSError, ValueError, KeyError):
                continue  # unreadable output: redo it
        return shas
    return {rec["text_sha256"] for rec in read_jsonl(output) if "text_sha256" in rec}


def _input_sha(path: Path, max_bytes: int) -> str | None:
    try:
        return read_release(path, max_bytes=max_bytes).text_sha256
    except InputError:
        return None


def _split_target(output: Path, path: Path, roots: Sequence[Path]) -> Path:
    for root in roots:
        if root.is_dir():
            try:
                rel = path.resolve().relative_to(root.resolve())
            except ValueError:
                continue
            return output / rel.with_suffix(".json")
    return output / (path.stem + ".json")


def run_batch(
    inputs: Sequence[str | Path],
    output: Path,
    *,
    split: bool = False,
    errors_path: Path | None = None,
    csv_path: Path | None = None,
    reference_date: date | None = None,
    jobs: int = 1,
    model: str | None = None,
    max_bytes: int = MAX_BYTES,
    progress: Callable[[int], Any] | None = None,
) -> BatchSummary:
    """Extract ``inputs`` into ``output`` (JSONL file, or a folder of JSON files if ``split``).

    Resumable: inputs whose text (by sha256) is already in the output are skipped.
    Each line or file is written whole, so a killed run never leaves half a record.
    Bad files get one line each in ``errors_path`` (path, problem).
    """
    files = discover(inputs)
    roots = [Path(p) for p in inputs]
    known = _known_shas(output, split) if output.exists() else set()
    summary = BatchSummary()
    todo: list[Path] = []
    for path in files:
        sha = _input_sha(path, max_bytes) if known else None
        if sha is not None and sha in known:
            summary.skipped += 1
        else:
            todo.append(path)
    if progress is not None:
        progress(summary.skipped)
    errors_path = errors_path or (output if split else output.parent) / "errors.jsonl"
    seen_errors = {(e.get("path"), e.get("problem")) for e in read_jsonl(errors_path)}
    jsonl = None if split else JsonlAppender(output)
    errors = JsonlAppender(errors_path)
    try:
        work = [_Job(str(p), reference_date, max_bytes) for p in todo]
        for path, result in zip(todo, _results(work, jobs, model), strict=True):
            kind = result.pop("_kind")
            if kind == "error":
                summary.failed += 1
                if (result["path"], result["problem"]) not in seen_errors:
                    errors.append(result)
            elif split:
                target = _split_target(output, path, roots)
                write_atomic(target, json.dumps(result, ensure_ascii=False, indent=1) + "\n")
                summary.done += 1
            else:
                assert jsonl is not None
                jsonl.append(result)
                summary.done += 1
            if progress is not None:
                progress(1)
    finally:
        errors.close()
        if jsonl is not None:
            jsonl.close()
    if csv_path is not None:
        records = (
            (json.loads(p.read_text(encoding="utf-8")) for p in sorted(output.rglob("*.json")))
            if split
            else read_jsonl(output)
        )
        write_csv(csv_path, records)
    return summary
