"""Speed of persbericht's shipped spaCy pipeline: tokenizer only vs. the full pipeline.

Prints, in one run on the same text: load time, tokens/s of the tokenizer alone, tokens/s
of the full shipped base pipeline with 1 and with 2 processes, and peak RSS.

Usage::

    PYTHONPATH=src python benchmarks/bench_pipeline.py [--text-dir DIR] [--tokens N]

The text is the ``*.txt`` files of ``--text-dir`` (default: ``../shared/data/releases_dev``,
read at run time, never copied) repeated until about ``--tokens`` tokens; without that
folder a few invented Dutch sentences are repeated instead.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FALLBACK = (
    "De politie heeft dinsdag in Rotterdam twee verdachten aangehouden. "
    "Volgens de officier van justitie ging het om 12,5 procent van de omzet in 2023-2024. "
    "Minister De Vries zei dat het kabinet 3 mld. euro vrijmaakt voor de aanpak van fraude."
)


def _texts(text_dir: Path, tokens: int) -> list[str]:
    files = sorted(text_dir.glob("*.txt")) if text_dir.is_dir() else []
    base = [f.read_text(encoding="utf-8") for f in files] or [FALLBACK * 20]
    paragraphs = [p for text in base for p in text.split("\n\n") if p.strip()]
    out: list[str] = []
    count = 0
    while count < tokens:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
    return out


def _rate(run: Callable[[], int]) -> tuple[int, float]:
    start = time.perf_counter()
    n_tokens = run()
    return n_tokens, n_tokens / (time.perf_counter() - start)


def _worker(model: str | None, texts: list[str]) -> tuple[int, float]:
    """One worker process: load the pipeline, then time it on ``texts`` (load excluded)."""
    from persbericht.nlp.base import load_base

    nlp = load_base(model)
    nlp("Opwarmen.")
    start = time.perf_counter()
    n_tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=256))
    return n_tokens, time.perf_counter() - start


def main() -> None:
    """Run the benchmark and print one line per measurement."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--text-dir", type=Path, default=REPO.parent / "shared/data/releases_dev")
    parser.add_argument("--tokens", type=int, default=60000)
    parser.add_argument("--model", default=None, help="pipeline name/path (default: shipped)")
    args = parser.parse_args()

    # One BLAS thread per process ("tokens/s per process"; no spinning threads on shared
    # cores). Set before numpy is imported; set the variables yourself to override.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    import spacy  # noqa: F401  (import time is not load time)

    from persbericht.nlp.base import load_base

    start = time.perf_counter()
    nlp = load_base(args.model)
    load_s = time.perf_counter() - start
    texts = _texts(args.text_dir, args.tokens)
    nlp("Opwarmen.")
    print(f"pipeline: {nlp.meta.get('name')} {nlp.pipe_names}")
    print(f"load time: {load_s:.2f} s")
    n, rate = _rate(lambda: sum(len(d) for d in nlp.tokenizer.pipe(texts)))
    print(f"tokenizer only: {rate:,.0f} tokens/s ({n} tokens)")
    n, rate = _rate(lambda: sum(len(d) for d in nlp.pipe(texts, batch_size=256)))
    print(f"full pipeline, 1 process: {rate:,.0f} tokens/s ({n} tokens)")
    docs = list(nlp.tokenizer.pipe(texts))
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=256))
        else:  # a plain function component
            docs = [component(doc) for doc in docs]
        print(f"  {name}: {n / (time.perf_counter() - start):,.0f} tokens/s")
    # Two independent worker processes, as `persbericht extract --jobs 2` runs them: each
    # loads the pipeline and tags half of the text; the rate is all tokens over the slower.
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        halves = [texts[0::2], texts[1::2]]
        results = list(pool.map(_worker, [args.model, args.model], halves))
    n = sum(tokens for tokens, _ in results)
    rate = n / max(seconds for _, seconds in results)
    print(f"full pipeline, 2 processes: {rate:,.0f} tokens/s in all ({n} tokens)")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: {own:.0f} MB (main process), {children:.0f} MB (largest worker)")


if __name__ == "__main__":
    main()
