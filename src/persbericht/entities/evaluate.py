"""Score the entity layer and ``people`` against gold files (annotation guide, Scoring).

Exact span and label (an ``alt`` label counts), per label, overlap F1, COUNTRY norm
accuracy over matched gold COUNTRY mentions; ``optional`` gold items never count. Runs
the pattern/gazetteer core (and the model's NER when ``--model`` loads a pipeline).

    python -m persbericht.entities.evaluate ../shared/gold ../shared/data/releases_dev
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from persbericht.entities.recognize import analyse
from persbericht.records import Entity, Person


def _out(line: str) -> None:
    sys.stdout.write(line + "\n")


def _labels(gold: dict[str, Any]) -> set[str]:
    return {gold["label"], *gold.get("alt", [])}


def score_release(
    gold: dict[str, Any], entities: Sequence[Entity], counts: Counter[str], verbose: bool
) -> None:
    """Add one release's true/false positives and misses to ``counts``."""
    golds = gold["entities"]
    used: set[int] = set()
    for e in entities:
        hit = None
        for k, g in enumerate(golds):
            same_span = g["start"] == e.start and g["end"] == e.end
            if k not in used and same_span and e.label in _labels(g):
                hit = k
                break
        if hit is not None:
            used.add(hit)
            g = golds[hit]
            if g.get("optional"):
                continue
            counts["tp"] += 1
            counts[f"tp:{g['label']}"] += 1
            counts[f"ptp:{e.label}"] += 1
            if g["label"] == "COUNTRY":
                counts["country_matched"] += 1
                counts["country_norm_ok"] += int(e.norm == g.get("norm"))
            continue
        overlaps_optional = any(
            g.get("optional") and g["start"] < e.end and e.start < g["end"] for g in golds
        )
        if overlaps_optional:
            continue
        counts["fp"] += 1
        counts[f"fp:{e.label}"] += 1
        if verbose:
            _out(f"  FP {e.label:12} {e.text!r} ({e.norm})")
    for k, g in enumerate(golds):
        if k in used or g.get("optional"):
            continue
        counts["fn"] += 1
        counts[f"fn:{g['label']}"] += 1
        if verbose:
            _out(f"  FN {g['label']:12} {g['text']!r} ({g.get('norm')})")
    # overlap matching
    for e in entities:
        if any(g["start"] < e.end and e.start < g["end"] for g in golds if not g.get("optional")):
            counts["otp_p"] += 1
        elif not any(g["start"] < e.end and e.start < g["end"] for g in golds):
            counts["ofp"] += 1
    for g in golds:
        if g.get("optional"):
            continue
        if any(g["start"] < e.end and e.start < g["end"] for e in entities):
            counts["otp_r"] += 1
        else:
            counts["ofn"] += 1


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def people_equal(gold: list[dict[str, Any]], predicted: Sequence[Person]) -> bool:
    """Same people, roles and mentions (order-insensitive).

    >>> people_equal([{"name": "Jan de Vries", "roles": [], "mentions": ["Jan de Vries"]}], [])
    False
    """

    def key(name: str, roles: Sequence[str], mentions: Sequence[str]) -> tuple[Any, ...]:
        return (name, frozenset(roles), frozenset(mentions))

    return {key(p["name"], p["roles"], p["mentions"]) for p in gold} == {
        key(p.name, p.roles, p.mentions) for p in predicted
    }


def main(argv: list[str] | None = None) -> int:
    """Print entity scores for each gold folder."""
    parser = argparse.ArgumentParser(description="Score entities and people against gold.")
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list errors")
    parser.add_argument("--model", help="spaCy pipeline whose NER to use (default: none)")
    args = parser.parse_args(argv)
    nlp = None
    if args.model:
        import spacy

        nlp = spacy.load(args.model)
    for folder in args.folders:
        counts: Counter[str] = Counter()
        people_ok = 0
        files = sorted(folder.glob("*.gold.json"))
        for path in files:
            gold = json.loads(path.read_text(encoding="utf-8"))
            text = (folder / gold["doc"]).read_text(encoding="utf-8")
            model_entities: list[tuple[int, int, str]] = []
            if nlp is not None:  # as the component does: the model's entities only
                doc = nlp(text)
                model_entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            result = analyse(text, model_entities)
            if args.verbose:
                _out(path.name)
            score_release(gold, result.entities, counts, args.verbose)
            same = people_equal(gold["people"], result.people)
            people_ok += same
            if args.verbose and not same:
                gold_people = [(p["name"], p["roles"], p["mentions"]) for p in gold["people"]]
                _out(f"  people gold: {gold_people}")
                _out(f"  people pred: {[(p.name, p.roles, p.mentions) for p in result.people]}")
        p, r, f = _f1(counts["tp"], counts["fp"], counts["fn"])
        _out(f"{folder}: {len(files)} releases")
        _out(f"  entities exact  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        op = (
            counts["otp_p"] / (counts["otp_p"] + counts["ofp"])
            if counts["otp_p"] + counts["ofp"]
            else 1.0
        )
        orr = (
            counts["otp_r"] / (counts["otp_r"] + counts["ofn"])
            if counts["otp_r"] + counts["ofn"]
            else 1.0
        )
        of = 2 * op * orr / (op + orr) if op + orr else 0.0
        _out(f"  entities overlap F1 {of:.3f}")
        for label in ("PERSON", "COUNTRY", "INSTITUTION", "LOCATION", "ORGANIZATION"):
            lp, lr, lf = (
                _f1(counts[f"ptp:{label}"], counts[f"fp:{label}"], 0)[0],
                _f1(counts[f"tp:{label}"], 0, counts[f"fn:{label}"])[1],
                0.0,
            )
            lf = 2 * lp * lr / (lp + lr) if lp + lr else 0.0
            _out(f"  {label:12} P {lp:.3f}  R {lr:.3f}  F1 {lf:.3f}")
        matched = counts["country_matched"]
        accuracy = counts["country_norm_ok"] / matched if matched else 1.0
        _out(f"  COUNTRY norm accuracy {accuracy:.3f} ({matched} matched)")
        _out(f"  people equal to gold: {people_ok}/{len(files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
