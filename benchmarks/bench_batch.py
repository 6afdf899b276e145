"""Batch throughput: files/s and characters/s of ``persbericht extract`` on a folder.

    python benchmarks/bench_batch.py [FOLDER] [--jobs N]

Prints the figures; runs the same code path as the command line (``run_batch``), into a
temporary output that is removed afterwards.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from persbericht.io.batch import discover, run_batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="corpus", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    files = discover([args.folder])
    chars = sum(len(p.read_text(encoding="utf-8", errors="replace")) for p in files)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        summary = run_batch([args.folder], Path(tmp) / "out.jsonl", jobs=args.jobs)
        seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"files: {len(files)} ({summary.done} extracted, {summary.failed} failed), "
        f"{chars} characters, jobs={args.jobs}"
    )
    print(f"wall time (incl. model load): {seconds:.2f} s")
    print(f"throughput: {len(files) / seconds:.2f} files/s, {chars / seconds:,.0f} chars/s")
    # With --jobs > 1 the pipeline lives in forkserver workers, whose memory this process
    # cannot see; each holds about what a --jobs 1 run reports here.
    print(f"peak RSS of this process: {rss_mb:.0f} MB (jobs=1: includes the pipeline)")


if __name__ == "__main__":
    main()
