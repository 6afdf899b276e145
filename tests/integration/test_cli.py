"""The persbericht command on real files (the seed needs ../shared)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from persbericht.cli import app

runner = CliRunner()


def test_extract_split_on_seed_gives_gold_page_fields(shared_dir, tmp_path):
    seed = shared_dir / "gold" / "seed.txt"
    gold = json.loads((shared_dir / "gold" / "seed.gold.json").read_text(encoding="utf-8"))

    result = runner.invoke(
        app,
        ["extract", str(seed), "--reference-date", "2024-03-01", "--split", str(tmp_path), "-q"],
    )

    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "seed.json").read_text(encoding="utf-8"))
    for key in ("title", "author", "published", "reference_date"):
        assert record[key] == gold[key]
    assert len(record["articles"]) == len(gold["articles"]) == 4
    for got, want in zip(record["articles"], gold["articles"], strict=True):
        assert (got["kind"], got["title"]) == (want["kind"], want["title"])
        assert abs(got["start"] - want["start"]) <= 5
        assert abs(got["end"] - want["end"]) <= 5


def test_evaluate_seed_articles_f1_is_one(shared_dir):
    result = runner.invoke(app, ["evaluate", str(shared_dir / "gold"), "--json"])

    assert result.exit_code == 0, result.output
    scores = json.loads(result.output[result.output.index("{") :])
    assert scores["layers"]["articles"]["f1"] == 1.0


def test_extract_exit_status_and_errors_file(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "goed.txt").write_text("Titel\n\nDe minister besluit.\n", encoding="utf-8")
    (tmp_path / "in" / "leeg.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out" / "r.jsonl"

    result = runner.invoke(
        app,
        [
            "extract",
            str(tmp_path / "in"),
            "-o",
            str(out),
            "-q",
            "--csv",
            str(tmp_path / "out" / "r.csv"),
        ],
    )

    assert result.exit_code == 1
    assert "1 extracted, 0 already done, 1 failed" in result.output
    [error] = [json.loads(x) for x in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert error["path"].endswith("leeg.txt")
    assert "empty" in error["problem"]
    assert (tmp_path / "out" / "r.csv").read_text().startswith("doc,text_sha256,layer")


def test_bad_reference_date_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Titel\n\nTekst.\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "extract",
            str(tmp_path / "a.txt"),
            "-o",
            str(tmp_path / "o.jsonl"),
            "--reference-date",
            "1 maart",
        ],
    )
    assert result.exit_code == 2
    assert "not an ISO date" in result.output
