"""Score predictions against gold files exactly as the annotation guide's Scoring section says.

- entities: exact span and label (an ``alt`` label counts); P/R/F1 over all mentions and per
  label; a separate overlap F1; accuracy of ``norm`` over matched COUNTRY mentions.
- quantities: a prediction matches the gold claim whose number span it overlaps; P/R/F1;
  over matches, accuracy of value, qualifier, unit (case-insensitive, either contains the
  other) and period (both ends equal).
- times: span overlap; F1; accuracy of period over matches.
- statements: overlap of at least half the shorter span; F1; type and speaker accuracy.
- articles: title exact, start and end within 5 characters; title, author, published exact.
- ``optional`` gold items never count against a prediction either way.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Item = dict[str, Any]
Matcher = Callable[[Item, Item], bool]

#: Article boundaries may be off by this many characters.
ARTICLE_TOLERANCE = 5


@dataclass
class Counts:
    """True positives, false positives and false negatives, with derived P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Add ``other`` into these counts."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted and nothing was expected."""
        denominator = self.tp + self.fp
        return self.tp / denominator if denominator else (1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        denominator = self.tp + self.fn
        return self.tp / denominator if denominator else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rounded P/R/F1."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """Share of matched pairs on which a field agrees."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one matched pair."""
        self.right += int(ok)
        self.total += 1

    def merge(self, other: Accuracy) -> None:
        """Add ``other`` into this accuracy."""
        self.right, self.total = self.right + other.right, self.total + other.total

    @property
    def value(self) -> float | None:
        """right / total, or ``None`` with no matched pairs."""
        return self.right / self.total if self.total else None


@dataclass
class LayerScore:
    """Counts and field accuracies of one layer (summed over documents)."""

    counts: Counts = field(default_factory=Counts)
    accuracy: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))
    by_label: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    extra: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))

    def merge(self, other: LayerScore) -> None:
        """Add another document's score into this one."""
        self.counts.add(other.counts)
        for key, acc in other.accuracy.items():
            self.accuracy[key].merge(acc)
        for key, counts in other.by_label.items():
            self.by_label[key].add(counts)
        for key, counts in other.extra.items():
            self.extra[key].add(counts)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        out: dict[str, Any] = self.counts.as_dict()
        for key, acc in sorted(self.accuracy.items()):
            out[f"{key}_accuracy"] = None if acc.value is None else round(acc.value, 4)
        if self.by_label:
            out["by_label"] = {k: v.as_dict() for k, v in sorted(self.by_label.items())}
        for key, counts in sorted(self.extra.items()):
            out[key] = counts.as_dict()
        return out


def _overlap(a: Item, b: Item) -> int:
    return max(0, int(min(a["end"], b["end"])) - int(max(a["start"], b["start"])))


def _match(
    gold: Sequence[Item], pred: Sequence[Item], same: Matcher
) -> tuple[Counts, list[tuple[Item, Item]]]:
    """Greedy one-to-one matching in text order; optional gold never counts."""
    counts, pairs = Counts(), []
    used: set[int] = set()
    for p in sorted(pred, key=lambda x: (x["start"], x["end"])):
        hit = None
        candidates = [(k, g) for k, g in enumerate(gold) if k not in used and same(g, p)]
        # Prefer required gold over optional, then the largest overlap.
        candidates.sort(key=lambda kg: (bool(kg[1].get("optional")), -_overlap(kg[1], p)))
        if candidates:
            hit = candidates[0]
        if hit is None:
            counts.fp += 1
            continue
        used.add(hit[0])
        if not hit[1].get("optional"):
            counts.tp += 1
            pairs.append((hit[1], p))
    counts.fn = sum(1 for k, g in enumerate(gold) if k not in used and not g.get("optional"))
    return counts, pairs


def _labels(item: Item) -> set[str]:
    return {item["label"], *item.get("alt", [])}


def score_entities(gold: Sequence[Item], pred: Sequence[Item]) -> LayerScore:
    """Entities: exact span + label; per label; overlap F1; COUNTRY norm accuracy."""
    score = LayerScore()

    def exact(g: Item, p: Item) -> bool:
        return g["start"] == p["start"] and g["end"] == p["end"] and p["label"] in _labels(g)

    def overlapping(g: Item, p: Item) -> bool:
        return _overlap(g, p) > 0 and p["label"] in _labels(g)

    score.counts, pairs = _match(gold, pred, exact)
    score.extra["overlap"], _ = _match(gold, pred, overlapping)
    matched_pred = {id(p) for _, p in pairs}
    for g, p in pairs:
        score.by_label[g["label"]].tp += 1
        if g["label"] == "COUNTRY":
            score.accuracy["country_norm"].add(g.get("norm") == p.get("norm"))
        score.accuracy["norm"].add(g.get("norm") == p.get("norm"))
    matched_gold = {id(g) for g, _ in pairs}
    for g in gold:
        if not g.get("optional") and id(g) not in matched_gold:
            score.by_label[g["label"]].fn += 1
    optional_hits = {id(p) for p in pred for g in gold if g.get("optional") and exact(g, p)}
    for p in pred:
        if id(p) not in matched_pred and id(p) not in optional_hits:
            score.by_label[p["label"]].fp += 1
    return score


def _same_number(a: Any, b: Any) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def _same_unit(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    x, y = str(a).lower(), str(b).lower()
    return x in y or y in x


def _same_period(a: Any, b: Any) -> bool:
    if not a or not b:
        return not a and not b
    return bool(a.get("start") == b.get("start") and a.get("end") == b.get("end"))


def score_quantities(gold: Sequence[Item], pred: Sequence[Item]) -> LayerScore:
    """Quantities: overlap match; value, qualifier, unit and period accuracy."""
    score = LayerScore()
    score.counts, pairs = _match(gold, pred, lambda g, p: _overlap(g, p) > 0)
    for g, p in pairs:
        score.accuracy["value"].add(_same_number(g.get("value"), p.get("value")))
        score.accuracy["qualifier"].add(g.get("qualifier") == p.get("qualifier"))
        score.accuracy["unit"].add(_same_unit(g.get("unit"), p.get("unit")))
        score.accuracy["kind"].add(g.get("kind") == p.get("kind"))
        score.accuracy["period"].add(_same_period(g.get("period"), p.get("period")))
    return score


def score_times(gold: Sequence[Item], pred: Sequence[Item]) -> LayerScore:
    """Times: span overlap; period accuracy."""
    score = LayerScore()
    score.counts, pairs = _match(gold, pred, lambda g, p: _overlap(g, p) > 0)
    for g, p in pairs:
        score.accuracy["period"].add(_same_period(g.get("period"), p.get("period")))
    return score


def score_statements(gold: Sequence[Item], pred: Sequence[Item]) -> LayerScore:
    """Statements: overlap of at least half the shorter span; type and speaker accuracy."""

    def half(g: Item, p: Item) -> bool:
        shorter = int(min(g["end"] - g["start"], p["end"] - p["start"]))
        return shorter > 0 and _overlap(g, p) >= shorter / 2

    score = LayerScore()
    score.counts, pairs = _match(gold, pred, half)
    for g, p in pairs:
        score.accuracy["type"].add(g.get("type") == p.get("type"))
        score.accuracy["speaker"].add(g.get("speaker") == p.get("speaker"))
        score.accuracy["actor"].add(g.get("actor") == p.get("actor"))
        score.accuracy["polarity"].add(g.get("polarity", "positive") == p.get("polarity"))
        score.accuracy["modality"].add(g.get("modality") == p.get("modality"))
    return score


def score_articles(gold: Item, pred: Item) -> LayerScore:
    """Articles (kind, title exact, bounds within 5 chars) and the page fields."""

    def same(g: Item, p: Item) -> bool:
        return (
            g["kind"] == p["kind"]
            and g.get("title") == p.get("title")
            and abs(g["start"] - p["start"]) <= ARTICLE_TOLERANCE
            and abs(g["end"] - p["end"]) <= ARTICLE_TOLERANCE
        )

    score = LayerScore()
    score.counts, _ = _match(gold.get("articles", []), pred.get("articles", []), same)
    for key in ("title", "author", "published"):
        score.accuracy[key].add(gold.get(key) == pred.get(key))
    return score


def score_people(gold: Sequence[Item], pred: Sequence[Item]) -> LayerScore:
    """People: names matched exactly; roles and mentions compared as sets over matches."""
    score = LayerScore()
    by_name = {p["name"]: p for p in pred}
    gold_names = {g["name"] for g in gold}
    for g in gold:
        p = by_name.get(g["name"])
        if p is None:
            score.counts.fn += 1
            continue
        score.counts.tp += 1
        score.accuracy["roles"].add(
            {r.lower() for r in g.get("roles", [])} == {r.lower() for r in p.get("roles", [])}
        )
        score.accuracy["mentions"].add(set(g.get("mentions", [])) == set(p.get("mentions", [])))
    score.counts.fp += sum(1 for name in by_name if name not in gold_names)
    return score


LAYERS = ("articles", "entities", "quantities", "times", "statements", "people")


def score_release(gold: Item, pred: Item) -> dict[str, LayerScore]:
    """Every layer's score for one release."""
    return {
        "articles": score_articles(gold, pred),
        "entities": score_entities(gold.get("entities", []), pred.get("entities", [])),
        "quantities": score_quantities(gold.get("quantities", []), pred.get("quantities", [])),
        "times": score_times(gold.get("times", []), pred.get("times", [])),
        "statements": score_statements(gold.get("statements", []), pred.get("statements", [])),
        "people": score_people(gold.get("people", []), pred.get("people", [])),
    }


@dataclass
class Evaluation:
    """Scores summed over a set of releases, plus each release's own."""

    layers: dict[str, LayerScore] = field(
        default_factory=lambda: {name: LayerScore() for name in LAYERS}
    )
    per_doc: dict[str, dict[str, LayerScore]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def add(self, name: str, scores: dict[str, LayerScore]) -> None:
        """Add one release's scores."""
        self.per_doc[name] = scores
        for layer, score in scores.items():
            self.layers[layer].merge(score)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary (totals, per document, documents without prediction)."""
        return {
            "documents": len(self.per_doc),
            "layers": {k: v.as_dict() for k, v in self.layers.items()},
            "per_document": {
                doc: {k: v.counts.as_dict()["f1"] for k, v in s.items()}
                for doc, s in sorted(self.per_doc.items())
            },
            "missing_predictions": self.missing,
        }


def evaluate_pairs(pairs: Iterable[tuple[str, Item, Item | None]]) -> Evaluation:
    """Score ``(name, gold, prediction)`` triples; a missing prediction scores as empty."""
    evaluation = Evaluation()
    for name, gold, pred in pairs:
        if pred is None:
            evaluation.missing.append(name)
            pred = {}
        evaluation.add(name, score_release(gold, pred))
    return evaluation


def gold_files(gold_dir: Path) -> list[Path]:
    """The ``*.gold.json`` files of a folder (or the one file given)."""
    if gold_dir.is_file():
        return [gold_dir]
    return sorted(gold_dir.glob("*.gold.json"))


def load_predictions(path: Path) -> dict[str, Item]:
    """Predictions by text sha256: a JSONL file or a folder of ``NAME.json`` records."""
    records: list[Item] = []
    if path.is_dir():
        for file in sorted(path.rglob("*.json")):
            if not file.name.endswith((".gold.json", ".spec.json")):
                records.append(json.loads(file.read_text(encoding="utf-8")))
    else:
        with path.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
    return {r["text_sha256"]: r for r in records if "text_sha256" in r}


def format_table(evaluation: Evaluation, title: str = "") -> str:
    """A plain-text table of the per-layer figures."""
    rows = [f"{title}  ({len(evaluation.per_doc)} documents)".strip()]
    rows.append(f"{'layer':<12}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}  accuracies")
    for name, score in evaluation.layers.items():
        c = score.counts
        accs = ", ".join(
            f"{k}={acc.value:.3f}"
            for k, acc in sorted(score.accuracy.items())
            if acc.value is not None
        )
        extra = "".join(f", {k} F1={v.f1:.3f}" for k, v in score.extra.items())
        rows.append(
            f"{name:<12}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
            f"{c.tp:>6}{c.fp:>6}{c.fn:>6}  {accs}{extra}"
        )
        for label, lc in sorted(score.by_label.items()):
            rows.append(
                f"  {label:<10}{lc.precision:>8.3f}{lc.recall:>8.3f}{lc.f1:>8.3f}"
                f"{lc.tp:>6}{lc.fp:>6}{lc.fn:>6}"
            )
    if evaluation.missing:
        rows.append(f"no prediction for: {', '.join(evaluation.missing)}")
    return "\n".join(rows)


def evaluate_dir(
    gold_dir: Path,
    predictions: Path | None = None,
    *,
    model: str | None = None,
) -> Evaluation:
    """Score a folder of gold files: against ``predictions`` if given, else run the extractor.

    The extractor gets each gold file's ``reference_date`` as the date to use when the page
    states none (as a user would pass ``--reference-date``).
    """
    from persbericht.api import extract
    from persbericht.gold import gold_text_path
    from persbericht.io.read import read_release
    from persbericht.pipeline import default_pipeline, load

    predicted = load_predictions(predictions) if predictions is not None else None
    nlp = None
    triples: list[tuple[str, Item, Item | None]] = []
    for gold_path in gold_files(gold_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = str(gold.get("doc", gold_path.name))
        if predicted is not None:
            triples.append((name, gold, predicted.get(gold["text_sha256"])))
            continue
        text_path = gold_text_path(gold_path, gold)
        if not text_path.exists():
            triples.append((name, gold, None))
            continue
        if nlp is None:
            nlp = default_pipeline() if model is None else load(model)
        release_file = read_release(text_path)
        release = extract(
            release_file.text, reference_date=gold.get("reference_date"), source=text_path, nlp=nlp
        )
        triples.append((name, gold, release.to_dict()))
    return evaluate_pairs(triples)
