"""Convert the training corpora (UD Dutch CoNLL-U, CoNLL-2002, Europeana) to spaCy ``DocBin``.

The UD material is harmonised to one annotation style before it is mixed:
``flat:name`` becomes ``flat`` (as in UD 2.16), Alpino-style compound lemmas lose their
segmentation underscores (``mee_nemen`` → ``meenemen``, as in the 2017 data), ``ExtPos`` is
dropped (only one treebank has it) and legacy possessive pronouns get ``Poss=Yes``. The
legacy trees are brought to UD 2.16 by :func:`harmonise_legacy` (UD 1 coordination and
punctuation attachment, complex prepositions, auxiliaries and copulas, relabelled words;
the rules' word lists are in ``harmonise.json``).

The fixed evaluation slice of the UD 2.16 dev data is chosen by sentence id:
:func:`is_heldout` (CRC32 of the ``sent_id`` modulo 5 equals 0, about 20 %). A second
slice, :func:`is_selection` (remainder 1), can be kept out of training too, to compare
recipe variants on UD 2.16-style text without touching the held-out slice.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
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


#: Legacy → UD 2.16 rules (word lists and thresholds), measured on the two releases.
HARMONISE = json.loads((Path(__file__).with_name("harmonise.json")).read_text(encoding="utf8"))


def obl_arg_pairs(sentences: Iterable[UdSentence]) -> frozenset[tuple[str, str]]:
    """(head lemma, preposition) pairs that UD 2.16 mostly labels ``obl:arg``, not ``obl``.

    Legacy UD has no ``obl:arg``: prepositional objects are plain ``obl``. The pairs are
    counted on UD 2.16 sentences (the training part only, never the held-out slice).
    """
    counts: Counter[tuple[str, str, bool]] = Counter()
    for s in sentences:
        for i, dep in enumerate(s.deps):
            if dep in ("obl", "obl:arg"):
                for key in _obl_keys(s, i):
                    counts[(key[0], key[1], dep == "obl:arg")] += 1
    pairs = set()
    for head, prep, is_arg in counts:
        if not is_arg:
            continue
        arg, plain = counts[(head, prep, True)], counts[(head, prep, False)]
        if (
            arg >= HARMONISE["obl_arg_min_count"]
            and arg / (arg + plain) >= HARMONISE["obl_arg_min_share"]
        ):
            pairs.add((head, prep))
    return frozenset(pairs)


def _obl_keys(s: UdSentence, i: int) -> list[tuple[str, str]]:
    head = s.lemmas[s.heads[i]].lower()
    return [
        (head, s.lemmas[j].lower())
        for j, dep in enumerate(s.deps)
        if dep == "case" and s.heads[j] == i and j != i
    ]


def _children(s: UdSentence, i: int) -> list[int]:
    return [j for j, h in enumerate(s.heads) if h == i and j != i]


def _promote(s: UdSentence, old: int, new: int, old_dep: str, keep: frozenset[str]) -> None:
    """Make ``new`` the head of ``old`` (taking over its head and relation).

    Children of ``old`` move to ``new`` unless their relation is in ``keep`` (or they are
    an adverb right before ``old``, which modifies it: *te moe*).
    """
    for j in _children(s, old):
        if j == new or s.deps[j] in keep or (s.deps[j] == "advmod" and j == old - 1):
            continue
        s.heads[j] = new
    if s.heads[old] == old:  # old was the root
        s.heads[new] = new
    else:
        s.heads[new] = s.heads[old]
    s.deps[new] = s.deps[old]
    s.heads[old] = new
    s.deps[old] = old_dep


def harmonise_legacy(s: UdSentence, obl_args: frozenset[tuple[str, str]]) -> UdSentence:
    """Relabel a legacy (2017) UD sentence in place the way UD 2.16 annotates it.

    Possessives become ``PRON`` + ``nmod:poss``; ordinals ``ADJ`` + ``amod``; comparative
    and conjunctive *als* ``SCONJ``; *zich* as object ``expl:pv``; subjects and *door*
    phrases of passives ``nsubj:pass`` / ``obl:agent``; prepositional objects ``obl:arg``
    (pairs from :func:`obl_arg_pairs`); modal *moeten* becomes ``aux`` of its infinitive and
    copular *worden* the head of its predicate (``xcomp``).
    """
    persons = HARMONISE["possessive_person"]
    for i, word in enumerate(s.words):
        low = word.lower()
        if s.deps[i] == "det" and low in persons and s.pos[i] in ("DET", "PRON"):
            s.pos[i], s.deps[i] = "PRON", "nmod:poss"
            s.morphs[i] = f"Person={persons[low]}|Poss=Yes|PronType=Prs"
        elif s.pos[i] == "NUM" and _is_ordinal(low):
            s.pos[i] = "ADJ"
            if s.deps[i] == "nummod":
                s.deps[i] = "amod"
        elif low in HARMONISE["subordinating_als"] and s.pos[i] == "ADP" and s.deps[i] == "mark":
            s.pos[i] = "SCONJ"
        elif low == "zich" and s.deps[i] == "obj":
            s.deps[i] = "expl:pv"
    passive_heads = {s.heads[i] for i, dep in enumerate(s.deps) if dep == "aux:pass"}
    for i, dep in enumerate(s.deps):
        if dep == "nsubj" and s.heads[i] in passive_heads:
            s.deps[i] = "nsubj:pass"
        elif dep == "obl":
            keys = _obl_keys(s, i)
            if s.heads[i] in passive_heads and any(prep == "door" for _, prep in keys):
                s.deps[i] = "obl:agent"
            elif any(key in obl_args for key in keys):
                s.deps[i] = "obl:arg"
    _coordination_to_next_conjunct(s)
    _complex_prepositions_to_case(s)
    _fixed_names_to_flat(s)
    reattach_punct(s)
    _relabel_words(s)
    keep = frozenset(HARMONISE["predicate_internal_deprels"])
    verb_keep = frozenset(HARMONISE["verb_internal_deprels"])
    auxiliaries = frozenset(HARMONISE["auxiliary_lemmas"])
    # Restructuring can fail on odd legacy trees: then the relabelled tree is kept as is.
    before = (list(s.heads), list(s.deps), list(s.pos))
    for i, lemma in enumerate(s.lemmas):
        if lemma in HARMONISE["modal_verbs"] and s.pos[i] == "VERB":
            verbs = [
                j for j in _children(s, i) if s.deps[j] == "xcomp" and s.pos[j] in ("VERB", "AUX")
            ]
            if verbs:
                _promote(s, i, verbs[0], "aux", frozenset())
                s.pos[i] = "AUX"
        elif s.deps[i] == "cop" and lemma not in HARMONISE["copula_lemmas"]:
            predicate = s.heads[i]
            s.heads[i] = i  # detach before promoting
            _promote(s, predicate, i, "xcomp", keep)
            s.pos[i] = "VERB"
        elif s.deps[i] == "aux" and s.pos[i] == "AUX" and lemma not in auxiliaries:
            # willen, laten, gaan ... are main verbs with an xcomp in UD 2.16.
            verb = s.heads[i]
            s.heads[i] = i
            _promote(s, verb, i, "xcomp", verb_keep)
            s.pos[i] = "VERB"
    if not _is_tree(s.heads):
        s.heads, s.deps, s.pos = before
    return s


def _coordination_to_next_conjunct(s: UdSentence) -> None:
    """Attach coordinators to the conjunct that follows them.

    The legacy data keeps the UD 1 convention (``cc`` hangs from the first conjunct);
    UD 2.16 hangs it from the next conjunct: in *appels, peren en kersen* *en* belongs
    to *kersen*. (Commas are placed by :func:`reattach_punct`.)
    """
    for first in range(len(s.heads)):
        conjuncts = [j for j in _children(s, first) if s.deps[j] == "conj" and j > first]
        if not conjuncts:
            continue
        for j in _children(s, first):
            if s.deps[j] == "cc" and first < j < conjuncts[-1]:
                s.heads[j] = min(c for c in conjuncts if c > j)


def _complex_prepositions_to_case(s: UdSentence) -> None:
    """Make a complex preposition (*op basis van*, *ten opzichte van*) the ``case`` of its noun.

    The legacy data makes the first word of the preposition the ``obl``/``nmod`` and hangs
    the noun from the verb or noun beside it (*bereid op basis van melk*: *melk* ``obj``
    of *bereid*); UD 2.16 makes the noun the ``obl``/``nmod`` with *op basis van* its
    ``case``.
    """
    for p in range(len(s.words)):
        fixed = [j for j in _children(s, p) if s.deps[j] == "fixed"]
        if s.pos[p] != "ADP" or s.deps[p] not in ("obl", "nmod") or not fixed:
            continue
        last = max(fixed)
        if s.pos[last] != "ADP" or last + 1 >= len(s.words):
            continue
        # The noun phrase right after the preposition, as its highest word (at most n steps:
        # three legacy sentences are not trees and may hold a cycle).
        noun = last + 1
        for _ in range(len(s.words)):
            if s.heads[noun] == noun or s.heads[noun] <= last or s.heads[noun] == s.heads[p]:
                break
            noun = s.heads[noun]
        if s.heads[noun] != s.heads[p] or noun <= last or s.pos[noun] not in _NOMINAL:
            continue
        s.heads[noun], s.deps[noun] = s.heads[p], s.deps[p]
        for j in _children(s, p):
            if s.deps[j] != "fixed":
                s.heads[j] = noun
        s.heads[p], s.deps[p] = noun, "case"


#: Parts of speech that head a noun phrase.
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET", "X", "SYM"})


def _fixed_names_to_flat(s: UdSentence) -> None:
    """Capitalised multiword names (*Tweede Wereldoorlog*, *Vlaams Gewest*): ``flat`` + ``PROPN``.

    The legacy data calls them ``fixed`` with adjective and noun tags; UD 2.16 ``flat``
    with ``PROPN`` throughout.
    """
    for head in range(len(s.words)):
        fixed = [j for j in _children(s, head) if s.deps[j] == "fixed"]
        members = [head, *fixed]
        if (
            fixed
            and s.pos[head] in ("ADJ", "NOUN", "NUM", "PROPN")
            and all(s.words[j][:1].isupper() for j in members)
        ):
            for j in members:
                s.pos[j] = "PROPN"
            for j in fixed:
                s.deps[j] = "flat"


def reattach_punct(s: UdSentence) -> None:
    """Attach punctuation the UD 2 way: projectively, to the head of a neighbouring phrase.

    The legacy data hangs nearly every punctuation mark from the sentence root; UD 2.16
    hangs a comma before a relative clause from that clause's verb, a comma between
    conjuncts from the next conjunct, and both brackets or quotes of a pair from the head
    of what they enclose. For each mark the nearest words left and right are raised to
    the highest ancestor that stays on their side and keeps the tree projective; the
    lower of the two wins (the left one when neither contains the other, the right one
    for an opening mark). On the UD 2.16 dev data, with its punctuation moved to the
    root first, this restores 98 % of the gold attachments.
    """
    n = len(s.words)
    children = [0] * n
    for j, h in enumerate(s.heads):
        if h != j:
            children[h] += 1
    # Marks with dependents of their own are left alone (their subtree would move too).
    is_mark = [s.deps[i] == "punct" and children[i] == 0 for i in range(n)]
    lo, hi = list(range(n)), list(range(n))
    for i in range(n):
        if is_mark[i]:
            continue
        node, steps = i, 0
        while s.heads[node] != node and steps < n:
            node, steps = s.heads[node], steps + 1
            lo[node], hi[node] = min(lo[node], i), max(hi[node], i)

    def dominates(top: int, node: int) -> bool:
        for _ in range(n + 1):
            if node == top:
                return True
            if s.heads[node] == node:
                return False
            node = s.heads[node]
        return False

    def projective(head: int, mark: int) -> bool:
        a, b = sorted((head, mark))
        return all(is_mark[k] or dominates(head, k) for k in range(a + 1, b))

    def climb(start: int | None, mark: int, left: bool) -> int | None:
        if start is None:
            return None
        path, node = [start], start
        while s.heads[node] != node and (
            (s.heads[node] < mark and hi[node] < mark)
            if left
            else (s.heads[node] > mark and lo[node] > mark)
        ):
            node = s.heads[node]
            path.append(node)
        fitting = [c for c in path if projective(c, mark)]
        return fitting[-1] if fitting else None

    openers = set(HARMONISE["punct_pairs"])
    new = list(s.heads)
    for mark in range(n):
        if not is_mark[mark]:
            continue
        left = climb(next((i for i in range(mark - 1, -1, -1) if not is_mark[i]), None), mark, True)
        right = climb(next((i for i in range(mark + 1, n) if not is_mark[i]), None), mark, False)
        if left is None or right is None:
            chosen = right if left is None else left
        elif dominates(right, left):
            chosen = left
        elif dominates(left, right) or s.words[mark] in openers:
            chosen = right
        else:
            chosen = left
        if chosen is not None:
            new[mark] = chosen
    for opening, closing in _punct_pairs(s.words, is_mark):
        tops = [
            k
            for k in range(opening + 1, closing)
            if not is_mark[k] and not opening < s.heads[k] < closing
        ]
        if len(tops) == 1:
            new[opening] = new[closing] = tops[0]
    s.heads = new


def _punct_pairs(words: list[str], is_mark: list[bool]) -> Iterator[tuple[int, int]]:
    """Matching bracket and quote pairs (same-symbol quotes open and close in turn)."""
    pairs: dict[str, list[str]] = HARMONISE["punct_pairs"]
    stack: list[int] = []
    for i, word in enumerate(words):
        if not is_mark[i]:
            continue
        if stack and word in pairs[words[stack[-1]]]:
            yield stack.pop(), i
        elif word in pairs:
            stack.append(i)


def _relabel_words(s: UdSentence) -> None:
    """Word-level tag changes between the releases (``harmonise.json``).

    *meer*, *meeste*, *vele* … modifying a verb, adjective or noun are ``ADV`` in UD 2.16
    (legacy: ``PRON`` + ``obl``/``nmod``); *zowel* is ``CCONJ`` + ``cc:preconj``;
    *dezelfde* ``DET``; *geboren* ``VERB``; *eerder* ``ADJ``.
    """
    quantity_words = frozenset(HARMONISE["quantity_adverbs"])
    for i, word in enumerate(s.words):
        low = word.lower()
        head_pos = s.pos[s.heads[i]] if s.heads[i] != i else ""
        if low in quantity_words and s.pos[i] == "PRON":
            if s.deps[i] in ("obl", "advmod") and head_pos in ("ADJ", "ADV", "VERB"):
                s.pos[i], s.deps[i] = "ADV", "advmod"
            elif s.deps[i] == "nmod" and head_pos == "NOUN":
                s.pos[i], s.deps[i] = "ADV", "amod"
        elif low in HARMONISE["form_upos"]:
            s.pos[i] = HARMONISE["form_upos"][low]
            s.deps[i] = HARMONISE["form_deprel"].get(low, {}).get(s.deps[i], s.deps[i])


def _is_tree(heads: list[int]) -> bool:
    """One root (its own head) and no cycles."""
    if sum(1 for i, h in enumerate(heads) if h == i) != 1:
        return False
    for start in range(len(heads)):
        seen: set[int] = set()
        node = start
        while heads[node] != node:
            if node in seen:
                return False
            seen.add(node)
            node = heads[node]
    return True


def _is_ordinal(word: str) -> bool:
    """Legacy NUM tokens carry no features: ordinals are told by their ending."""
    return word in ("eerste", "eerst") or (word.isalpha() and word.endswith(("de", "ste")))


def is_heldout(sent_id: str) -> bool:
    """Whether a UD 2.16 dev sentence belongs to the fixed evaluation slice.

    >>> is_heldout("WR-P-P-H-0000000105\\\\WR-P-P-H-0000000105.p.6.s.1") in (True, False)
    True
    """
    return _slice_of(sent_id) == 0


def is_selection(sent_id: str) -> bool:
    """Whether a UD 2.16 dev sentence belongs to the slice that compares recipe variants.

    Disjoint from :func:`is_heldout`; trained on unless the recipe is asked to keep it out.

    >>> [(is_heldout(f"wiki-{i}.p.1.s.1"), is_selection(f"wiki-{i}.p.1.s.1")) for i in (1, 2, 9)]
    [(True, False), (False, False), (False, True)]
    """
    return _slice_of(sent_id) == 1


def _slice_of(sent_id: str) -> int:
    """A fixed fifth (0-4) per sentence id, the same on every machine and Python run."""
    return zlib.crc32(sent_id.encode("utf8")) % 5


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
