"""Gold files: compile the compact hand-written spec form, and validate gold files.

A spec (``NAME.spec.json``, the form of ``shared/gold/seed.spec.json``) names every item
by its words; :func:`compile_spec` finds them in ``NAME.txt`` and writes the offsets of
``NAME.gold.json``. It never consults the extractor: gold stays hand-made.
:func:`validate_gold` checks that a gold file fits its text and the annotation guide.

    python -m persbericht.gold compile corpus/NAME.spec.json [...]
    python -m persbericht.gold validate corpus/
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import regex

from persbericht.io.read import text_sha256
from persbericht.records import (
    ENTITY_LABELS,
    QUALIFIERS,
    QUANTITY_KINDS,
    STATEMENT_TYPES,
)

GOLD_SUFFIX = ".gold.json"
SPEC_SUFFIX = ".spec.json"


class GoldError(ValueError):
    """A spec or gold file that does not fit its text; the message lists every problem."""

    def __init__(self, path: Path, problems: Sequence[str]) -> None:
        self.path = path
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{path}: {len(self.problems)} problem(s)\n{lines}")


def word_occurrences(text: str, phrase: str) -> list[int]:
    """Start offsets of ``phrase`` as a whole word (hyphens count as boundaries).

    >>> word_occurrences("Belgische en niet-Belgische Belgischen", "Belgische")
    [0, 18]
    """
    pattern = r"(?<![\w])" + regex.escape(phrase) + r"(?![\w])"
    return [m.start() for m in regex.finditer(pattern, text, overlapped=True)]


def _find_once(
    text: str, anchor: str, context: str | None, what: str, problems: list[str]
) -> int | None:
    """Offset of ``anchor`` (inside the unique ``context`` when given), or a problem."""
    if context is not None:
        spots = [i for i in range(len(text)) if text.startswith(context, i)]
        if len(spots) != 1:
            problems.append(f"{what}: context {context!r} occurs {len(spots)} times (need 1)")
            return None
        inner = word_occurrences(context, anchor) or [
            i for i in range(len(context)) if context.startswith(anchor, i)
        ]
        if len(inner) != 1:
            problems.append(f"{what}: {anchor!r} occurs {len(inner)} times in its context")
            return None
        return spots[0] + inner[0]
    spots = word_occurrences(text, anchor) or [
        i for i in range(len(text)) if text.startswith(anchor, i)
    ]
    if len(spots) != 1:
        problems.append(f"{what}: {anchor!r} occurs {len(spots)} times; add a unique 'context'")
        return None
    return spots[0]


def _compile_entities(
    text: str, specs: Sequence[Sequence[Any]], problems: list[str]
) -> list[dict[str, Any]]:
    occurrences: list[tuple[int, list[int], Sequence[Any]]] = []
    for n, spec in enumerate(specs):
        if len(spec) not in (3, 4):
            problems.append(f"entity #{n + 1} {spec!r}: need [text, label, norm, {{options}}]")
            continue
        occurrences.append((n, word_occurrences(text, str(spec[0])), spec))
    # Spans of every listed entity, to drop occurrences nested in a longer one.
    covered = [
        (start, start + len(str(spec[0])))
        for _, starts, spec in occurrences
        if not (len(spec) == 4 and spec[3].get("only"))
        for start in starts
    ]
    for _, starts, spec in occurrences:
        if len(spec) == 4 and spec[3].get("only"):
            for k in spec[3]["only"]:
                if 1 <= k <= len(starts):
                    covered.append((starts[k - 1], starts[k - 1] + len(str(spec[0]))))
    entities: list[dict[str, Any]] = []
    for n, starts, spec in occurrences:
        phrase, label, norm = str(spec[0]), spec[1], spec[2]
        options: dict[str, Any] = dict(spec[3]) if len(spec) == 4 else {}
        if not starts:
            problems.append(f"entity #{n + 1} {phrase!r}: not found as a whole word")
            continue
        chosen: list[int]
        if "only" in options:
            bad = [k for k in options["only"] if not 1 <= k <= len(starts)]
            if bad:
                problems.append(f"entity {phrase!r}: 'only' {bad} out of range (1..{len(starts)})")
                continue
            chosen = [starts[k - 1] for k in options["only"]]
        else:
            end_of = len(phrase)
            chosen = [
                s
                for s in starts
                if not any(
                    cs <= s and s + end_of <= ce and (ce - cs) > end_of for cs, ce in covered
                )
            ]
        for start in chosen:
            item: dict[str, Any] = {
                "start": start,
                "end": start + len(phrase),
                "text": phrase,
                "label": label,
                "norm": norm,
            }
            if options.get("optional"):
                item["optional"] = True
            if options.get("alt"):
                item["alt"] = list(options["alt"])
            entities.append(item)
    return sorted(entities, key=lambda e: (e["start"], e["end"]))


def _compile_anchored(
    text: str, specs: Sequence[dict[str, Any]], layer: str, problems: list[str]
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for n, spec in enumerate(specs):
        anchor = spec.get("anchor", spec.get("text"))
        if not isinstance(anchor, str) or not anchor:
            problems.append(f"{layer} #{n + 1}: no 'anchor'/'text'")
            continue
        start = _find_once(text, anchor, spec.get("context"), f"{layer} #{n + 1}", problems)
        if start is None:
            continue
        item: dict[str, Any] = {"start": start, "end": start + len(anchor), "text": anchor}
        item.update({k: v for k, v in spec.items() if k not in {"anchor", "context", "text"}})
        items.append(item)
    return sorted(items, key=lambda e: (e["start"], e["end"]))


def _compile_articles(
    text: str, specs: Sequence[dict[str, Any]], problems: list[str]
) -> list[dict[str, Any]]:
    articles: list[dict[str, Any]] = []
    for n, spec in enumerate(specs):
        what = f"article #{n + 1}"
        start = _find_once(text, spec["starts"], None, what + " starts", problems)
        ends = spec["ends"]
        end_at = _find_once(text, ends, spec.get("ends_context"), what + " ends", problems)
        if start is None or end_at is None:
            continue
        articles.append(
            {
                "kind": spec["kind"],
                "title": spec.get("title"),
                "start": start,
                "end": end_at + len(ends),
            }
        )
    return articles


def compile_spec(spec_path: Path) -> dict[str, Any]:
    """Turn ``NAME.spec.json`` (beside ``NAME.txt``) into the gold dict with offsets.

    Raises :class:`GoldError` listing every anchor that is missing or ambiguous.
    """
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    text_path = spec_path.parent / spec["doc"]
    text = text_path.read_text(encoding="utf-8")
    problems: list[str] = []
    gold: dict[str, Any] = {
        "doc": spec["doc"],
        "reference_date": spec.get("reference_date"),
        "published": spec.get("published"),
        "title": spec.get("title"),
        "author": spec.get("author"),
        "people": spec.get("people", []),
        "text_sha256": text_sha256(text),
        "articles": _compile_articles(text, spec.get("articles", []), problems),
        "entities": _compile_entities(text, spec.get("entities", []), problems),
        "quantities": _compile_anchored(text, spec.get("quantities", []), "quantity", problems),
        "times": _compile_anchored(text, spec.get("times", []), "time", problems),
        "statements": _compile_anchored(text, spec.get("statements", []), "statement", problems),
    }
    problems += validate_gold_dict(gold, text)
    if problems:
        raise GoldError(spec_path, problems)
    return gold


def _check_date(value: Any, what: str, problems: list[str]) -> None:
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        problems.append(f"{what}: {value!r} is not an ISO date")


def _check_period(period: Any, what: str, problems: list[str]) -> None:
    if period is None:
        return
    if not isinstance(period, dict):
        problems.append(f"{what}: period must be an object or null")
        return
    _check_date(period.get("start"), what + " period.start", problems)
    _check_date(period.get("end"), what + " period.end", problems)
    start, end = period.get("start"), period.get("end")
    if isinstance(start, str) and isinstance(end, str) and start > end:
        problems.append(f"{what}: period starts after it ends ({start} > {end})")


def _check_span(item: dict[str, Any], text: str, what: str, problems: list[str]) -> bool:
    start, end = item.get("start"), item.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        problems.append(f"{what}: bad offsets {start!r}..{end!r}")
        return False
    if "text" in item and text[start:end] != item["text"]:
        problems.append(f"{what}: text[{start}:{end}] is {text[start:end]!r}, not {item['text']!r}")
        return False
    return True


def _allowed(value: Any, allowed: Iterable[Any], what: str, problems: list[str]) -> None:
    if value not in set(allowed):
        problems.append(f"{what}: {value!r} is not one of {sorted(map(str, allowed))}")


def validate_gold_dict(gold: dict[str, Any], text: str) -> list[str]:
    """Every problem of a gold dict against its text (empty list: valid)."""
    problems: list[str] = []
    if gold.get("text_sha256") != text_sha256(text):
        problems.append("text_sha256 does not match the text (gold made for another text?)")
    for key in ("reference_date", "published"):
        _check_date(gold.get(key), key, problems)
    for n, art in enumerate(gold.get("articles", [])):
        what = f"article #{n + 1}"
        _allowed(art.get("kind"), ("main", "related"), what + " kind", problems)
        _check_span(art, text, what, problems)
        title = art.get("title")
        if title and title not in text[art.get("start", 0) : art.get("end", 0)]:
            problems.append(f"{what}: title {title!r} is not inside the article")
    for n, ent in enumerate(gold.get("entities", [])):
        what = f"entity #{n + 1} {ent.get('text')!r}"
        _check_span(ent, text, what, problems)
        _allowed(ent.get("label"), ENTITY_LABELS, what + " label", problems)
        for alt in ent.get("alt", []):
            _allowed(alt, ENTITY_LABELS, what + " alt", problems)
        if ent.get("label") == "COUNTRY" and not (
            isinstance(ent.get("norm"), str) and regex.fullmatch(r"[A-Z]{2}", ent["norm"])
        ):
            problems.append(f"{what}: COUNTRY norm must be an ISO alpha-2 code")
    for n, qty in enumerate(gold.get("quantities", [])):
        what = f"quantity #{n + 1} {qty.get('text')!r}"
        _check_span(qty, text, what, problems)
        _allowed(qty.get("qualifier"), QUALIFIERS, what + " qualifier", problems)
        _allowed(qty.get("kind"), QUANTITY_KINDS, what + " kind", problems)
        if not isinstance(qty.get("value"), int | float):
            problems.append(f"{what}: value must be a number")
        _check_period(qty.get("period"), what, problems)
    for n, tim in enumerate(gold.get("times", [])):
        what = f"time #{n + 1} {tim.get('text')!r}"
        _check_span(tim, text, what, problems)
        _check_period(tim.get("period"), what, problems)
    for n, stm in enumerate(gold.get("statements", [])):
        what = f"statement #{n + 1}"
        _check_span(stm, text, what, problems)
        _allowed(stm.get("type"), STATEMENT_TYPES, what + " type", problems)
        _allowed(stm.get("polarity", "positive"), ("positive", "negative"), what, problems)
        _allowed(stm.get("modality"), ("must", "should", "will", "can", None), what, problems)
    for n, person in enumerate(gold.get("people", [])):
        if not isinstance(person.get("name"), str) or not isinstance(person.get("roles"), list):
            problems.append(f"person #{n + 1}: needs name and roles")
    return problems


def gold_text_path(gold_path: Path, gold: dict[str, Any]) -> Path:
    """The text a gold file annotates: ``doc`` beside it (or a ``text_path`` pointer)."""
    if "text_path" in gold:
        return (gold_path.parent / str(gold["text_path"])).resolve()
    return gold_path.parent / str(gold["doc"])


def validate_gold(gold_path: Path) -> list[str]:
    """Every problem of one ``NAME.gold.json`` file (empty list: valid)."""
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"cannot read: {exc}"]
    text_path = gold_text_path(gold_path, gold)
    if not text_path.exists():
        return [f"text {text_path} not found"]
    return validate_gold_dict(gold, text_path.read_text(encoding="utf-8"))


def _expand(paths: Sequence[str], suffix: str) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found += sorted(path.glob(f"*{suffix}")) if path.is_dir() else [path]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``compile SPEC...`` writes gold files; ``validate PATH...`` checks them."""
    parser = argparse.ArgumentParser(prog="python -m persbericht.gold", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    comp = sub.add_parser("compile", help="spec -> gold (offsets), written beside the spec")
    comp.add_argument("paths", nargs="+")
    val = sub.add_parser("validate", help="check gold files against their texts")
    val.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    failed = 0
    if args.command == "compile":
        for spec_path in _expand(args.paths, SPEC_SUFFIX):
            try:
                gold = compile_spec(spec_path)
            except (GoldError, OSError, KeyError, json.JSONDecodeError) as exc:
                failed += 1
                print(f"FAILED {exc}", file=sys.stderr)
                continue
            out = spec_path.with_name(spec_path.name.replace(SPEC_SUFFIX, GOLD_SUFFIX))
            out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")
            print(f"ok {out}")
    else:
        for gold_path in _expand(args.paths, GOLD_SUFFIX):
            problems = validate_gold(gold_path)
            if problems:
                failed += 1
                print(GoldError(gold_path, problems), file=sys.stderr)
            else:
                print(f"ok {gold_path}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
