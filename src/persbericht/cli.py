"""The ``persbericht`` command: ``extract``, ``evaluate``, ``schema``. No logic of its own."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from tqdm import tqdm

from persbericht.api import as_reference_date
from persbericht.errors import PersberichtError
from persbericht.io.batch import discover, run_batch
from persbericht.io.read import MAX_BYTES

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn Dutch press releases into structured, checkable data.",
)


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Release files or folders (recursive *.txt).")
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="JSONL file, one release per line.")
    ] = None,
    split: Annotated[
        Path | None, typer.Option("--split", help="Folder: one NAME.json per input instead.")
    ] = None,
    csv: Annotated[
        Path | None, typer.Option("--csv", help="Also write every item as a CSV row here.")
    ] = None,
    errors: Annotated[
        Path | None, typer.Option("--errors", help="Error records (default: errors.jsonl).")
    ] = None,
    reference_date: Annotated[
        str | None,
        typer.Option("--reference-date", help="YYYY-MM-DD for pages that state no date."),
    ] = None,
    jobs: Annotated[int, typer.Option("-j", "--jobs", min=1, help="Worker processes.")] = 1,
    model: Annotated[
        str | None, typer.Option("--model", help="Another installed Dutch spaCy pipeline.")
    ] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Largest input file.")] = MAX_BYTES,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar.")] = False,
) -> None:
    """Extract releases; resumable (done inputs are skipped); exit 1 if any file failed."""
    if (output is None) == (split is None):
        msg = "give exactly one of -o/--output FILE or --split DIR"
        raise typer.BadParameter(msg)
    target, is_split = (split, True) if split is not None else (output, False)
    assert target is not None
    try:
        ref = as_reference_date(reference_date)
    except PersberichtError as exc:
        raise typer.BadParameter(str(exc)) from exc
    total = len(discover(paths))
    with tqdm(total=total, unit="file", disable=True if quiet else None, file=sys.stderr) as bar:
        summary = run_batch(
            paths,
            target,
            split=is_split,
            errors_path=errors,
            csv_path=csv,
            reference_date=ref,
            jobs=jobs,
            model=model,
            max_bytes=max_bytes,
            progress=bar.update,
        )
    errors_at = errors or (target if is_split else target.parent) / "errors.jsonl"
    typer.echo(
        f"{summary.done} extracted, {summary.skipped} already done, {summary.failed} failed"
        + (f" (see {errors_at})" if summary.failed else ""),
        err=True,
    )
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Folder of NAME.txt + NAME.gold.json.")],
    predictions: Annotated[
        Path | None, typer.Argument(help="Predictions (JSONL or folder); default: run extract.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    model: Annotated[str | None, typer.Option("--model", help="Dutch spaCy pipeline.")] = None,
) -> None:
    """Score each layer against gold files as the annotation guide's Scoring section says."""
    from persbericht.evaluate import evaluate_dir, format_table

    result = evaluate_dir(gold, predictions, model=model)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=1, ensure_ascii=False))
    else:
        typer.echo(format_table(result, title=str(gold)))


@app.command()
def schema() -> None:
    """Print the JSON Schema of a release record."""
    from persbericht.records import release_json_schema

    typer.echo(json.dumps(release_json_schema(), indent=1, ensure_ascii=False))


def main() -> None:
    """Entry point of the ``persbericht`` command."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
