"""Convert the training corpora (UD Dutch CoNLL-U, CoNLL-2002, Europeana) to spaCy ``DocBin``.

The UD material is harmonised to one annotation style before it is mixed:
``flat:name`` becomes ``flat`` (as in UD 2.16), Alpino-style compound lemmas lose their
segmentation underscores (``mee_nemen`` → ``meenemen``, as in the 2017 data), ``ExtPos`` is
dropped (only one treebank has it) and legacy possessive pronouns get ``Poss=Yes``.

The fixed evaluation slice of the UD 2.16 dev data is chosen by sentence id:
:func:`is_heldout` (CRC32 of the ``sent_id`` modulo 5 equals 0, about 20 %).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo
from spacy.vocab import Vocab

#: Features left out of the training data: only present in part of the material.
DROPPED_FEATURES = frozenset({"ExtPos"})


@dataclass
class UdSentence:
    """One CoNLL-U sentence, already harmonised."""

    sent_id: str
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)


def harmonise_lemma(lemma: str, form: str = "", upos: str = "") -> str:
    """Remove Alpino's compound segmentation from a lemma (UD 2.16 → 2017 style).

    Separable verbs are joined (``mee_nemen`` → ``meenemen``). For other words the
    head's lemma is put after the form's own first part, which keeps linking
    morphemes and hyphens as the 2017 data does (``opleidingsploeg`` with
    ``opleiding_ploeg`` → ``opleidingsploeg``; ``24-jarige`` with ``24_jarig`` → ``24-jarig``).

    >>> harmonise_lemma("mee_nemen", "meegenomen", "VERB")
    'meenemen'
    >>> harmonise_lemma("vrouw_toernooi", "vrouwentoernooien", "NOUN")
    'vrouwentoernooi'
    """
    if lemma == "_" or "_" not in lemma:
        return lemma
    joined = lemma.replace("_", "")
    head = lemma.rsplit("_", 1)[1]
    if upos in ("VERB", "AUX") or len(head) < 3:
        return joined
    at = form.lower().rfind(head.lower())
    if at <= 0:
        return joined
    first = form[:at]
    if lemma[:1].islower():
        first = first.lower()
    return first + head


def harmonise_feats(feats: str, upos: str, deprel: str) -> str:
    """Bring a FEATS column to the shared feature set.

    >>> harmonise_feats("Person=1|PronType=Prs", "PRON", "nmod:poss")
    'Person=1|Poss=Yes|PronType=Prs'
    """
    pairs = [] if feats in ("", "_") else feats.split("|")
    kept = {p.split("=", 1)[0]: p for p in pairs if p.split("=", 1)[0] not in DROPPED_FEATURES}
    if upos == "PRON" and deprel == "nmod:poss" and "Poss" not in kept:
        kept["Poss"] = "Poss=Yes"
    return "|".join(kept[k] for k in sorted(kept))


def harmonise_deprel(deprel: str) -> str:
    """Map legacy relation names to UD 2.16.

    >>> harmonise_deprel("flat:name")
    'flat'
    """
    return "flat" if deprel == "flat:name" else deprel


def read_conllu(path: Path) -> Iterator[UdSentence]:
    """Read and harmonise the sentences of a CoNLL-U file (no multi-word tokens expected)."""
    sent_id = ""
    rows: list[list[str]] = []
    counter = 0
    with path.open(encoding="utf8") as lines:
        for raw in [*lines, "\n"]:
            line = raw.rstrip("\n")
            if line.startswith("#"):
                if line.startswith("# sent_id = "):
                    sent_id = line[len("# sent_id = ") :].strip()
                elif not rows and not sent_id and line.startswith("# ") and "=" not in line:
                    sent_id = line[2:].strip()
                continue
            if line.strip():
                cols = line.split("\t")
                if cols[0].isdigit():
                    rows.append(cols)
                continue
            if rows:
                counter += 1
                yield _sentence(sent_id or f"{path.name}#{counter}", rows)
            rows, sent_id = [], ""


def _sentence(sent_id: str, rows: list[list[str]]) -> UdSentence:
    sentence = UdSentence(sent_id)
    for i, cols in enumerate(rows):
        deprel = harmonise_deprel(cols[7])
        sentence.words.append(cols[1])
        sentence.lemmas.append(harmonise_lemma(cols[2], cols[1], cols[3]))
        sentence.pos.append(cols[3])
        sentence.tags.append("" if cols[4] == "_" else cols[4])
        sentence.morphs.append(harmonise_feats(cols[5], cols[3], deprel))
        head = int(cols[6])
        sentence.heads.append(i if head == 0 else head - 1)
        sentence.deps.append("ROOT" if deprel == "root" else deprel)
        # Legacy LassySmall has no SpaceAfter: assume a space (punctuation stays a token anyway).
        sentence.spaces.append("SpaceAfter=No" not in cols[9] and i < len(rows) - 1)
    return sentence


def is_heldout(sent_id: str) -> bool:
    """Whether a UD 2.16 dev sentence belongs to the fixed evaluation slice.

    >>> is_heldout("WR-P-P-H-0000000105\\\\WR-P-P-H-0000000105.p.6.s.1") in (True, False)
    True
    """
    return zlib.crc32(sent_id.encode("utf8")) % 5 == 0


def _first_only(n_tokens: int) -> list[bool | int | None]:
    """Sentence starts for a one-sentence doc."""
    starts: list[bool | int | None] = [True]
    return starts + [False] * (n_tokens - 1)


def ud_doc(vocab: Vocab, sentence: UdSentence) -> Doc:
    """Build an annotated ``Doc`` from one UD sentence."""
    return Doc(
        vocab,
        words=sentence.words,
        spaces=sentence.spaces,
        lemmas=sentence.lemmas,
        tags=sentence.tags,
        pos=sentence.pos,
        morphs=sentence.morphs,
        heads=sentence.heads,
        deps=sentence.deps,
        sent_starts=_first_only(len(sentence.words)),
    )


def group_docs(vocab: Vocab, docs: Iterable[Doc], size: int) -> Iterator[Doc]:
    """Join consecutive sentences into multi-sentence docs (teaches sentence splitting)."""
    batch: list[Doc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) == size:
            yield Doc.from_docs(batch)
            batch = []
    if batch:
        yield Doc.from_docs(batch)


def read_conll2002(path: Path) -> Iterator[list[tuple[list[str], list[str]]]]:
    """Yield CoNLL-2002 articles as lists of (words, IOB tags) sentences."""
    article: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf8") as lines:
        for raw in [*lines, "\n"]:
            cols = raw.split()
            if cols and cols[0] == "-DOCSTART-":
                if words:
                    article.append((words, tags))
                    words, tags = [], []
                if article:
                    yield article
                article = []
                continue
            if cols:
                words.append(cols[0])
                tags.append(cols[-1])
            elif words:
                article.append((words, tags))
                words, tags = [], []
    if article:
        yield article


def ner_doc(vocab: Vocab, sentences: list[tuple[list[str], list[str]]]) -> Doc:
    """Build one ``Doc`` with entities from IOB-tagged sentences."""
    docs = []
    for words, tags in sentences:
        doc = Doc(vocab, words=words, sent_starts=_first_only(len(words)))
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
        docs.append(doc)
    return Doc.from_docs(docs)


def europeana_doc(vocab: Vocab, words: list[str], tags: list[str]) -> Doc:
    """Build a ``Doc`` from a Europeana chunk; capitalised ``O`` tokens are left unannotated.

    The corpus has no MISC and misses entities (``Italië`` tagged O), so a capitalised
    word outside an entity tells nothing: it is marked missing, not ``O``.
    """
    iob: list[str | None] = [
        None if tag == "O" and word[:1].isupper() else tag
        for word, tag in zip(words, tags, strict=True)
    ]
    starts = _first_only(len(words))
    return Doc(vocab, words=words, ents=iob, sent_starts=starts)  # type: ignore[arg-type]


def read_europeana(path: Path, chunk: int = 40) -> Iterator[tuple[list[str], list[str]]]:
    """Yield Europeana tokens in pseudo-sentences (the corpus has no boundaries).

    Chunks end after a sentence-final token; stray ``I-`` tags are repaired to ``B-``
    and glued final punctuation is not split (the words stay as annotated).
    """
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf8") as lines:
        for raw in lines:
            cols = raw.split()
            if len(cols) < 2:
                continue
            word, tag = cols[0], cols[-1]
            if tag.startswith("I-") and (not tags or tags[-1][2:] != tag[2:]):
                tag = "B-" + tag[2:]
            words.append(word)
            tags.append(tag)
            if len(words) >= chunk and word.endswith((".", "!", "?")) and tag == "O":
                yield words, tags
                words, tags = [], []
    if words:
        yield words, tags


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    """Write docs to a ``.spacy`` file; return how many were written."""
    store = DocBin(store_user_data=False)
    count = 0
    for doc in docs:
        store.add(doc)
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    store.to_disk(partial)
    partial.replace(path)  # atomic: a running training never reads a half-written file
    return count
