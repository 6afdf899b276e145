"""Legacy → UD 2.16 harmonisation of the training data, and the NER's lexicon features."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy

from persbericht.nlp.lexicon import (
    build_lexicon,
    build_word_class_lexicon,
    combined_lexicon,
    compact_lexicons,
    lexicon_features,
)
from persbericht.training.convert import (
    UdSentence,
    harmonise_legacy,
    obl_arg_pairs,
    read_conllu,
    reattach_punct,
)

CASES = json.loads((Path(__file__).parents[2] / "cases" / "harmonise.json").read_text("utf8"))


def _sentence(rows: list[list[Any]]) -> UdSentence:
    s = UdSentence("test")
    for i, (form, lemma, upos, head, deprel) in enumerate(rows):
        s.words.append(form)
        s.lemmas.append(lemma)
        s.pos.append(upos)
        s.tags.append("")
        s.morphs.append("")
        s.heads.append(i if head == 0 else head - 1)
        s.deps.append("ROOT" if deprel == "root" else deprel)
        s.spaces.append(True)
    return s


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["id"])
def test_harmonise_legacy(case: dict[str, Any]) -> None:
    pairs = frozenset(tuple(p) for p in case.get("obl_args", []))
    s = harmonise_legacy(_sentence(case["rows"]), pairs)  # type: ignore[arg-type]
    for form, (upos, head, deprel) in case["expect"].items():
        i = s.words.index(form)
        got_head = "ROOT" if s.heads[i] == i else s.words[s.heads[i]]
        assert (s.pos[i], got_head, s.deps[i]) == (upos, head, deprel), form
    for form, morph in case.get("morph", {}).items():
        assert s.morphs[s.words.index(form)] == morph


def test_obl_arg_pairs_need_a_majority() -> None:
    arg = _sentence(
        [
            ["hangt", "afhangen", "VERB", 0, "root"],
            ["van", "van", "ADP", 3, "case"],
            ["weer", "weer", "NOUN", 1, "obl:arg"],
        ]
    )
    plain = _sentence(
        [
            ["werkt", "werken", "VERB", 0, "root"],
            ["in", "in", "ADP", 3, "case"],
            ["Gent", "Gent", "PROPN", 1, "obl"],
        ]
    )
    arg_once = _sentence(
        [
            ["werkt", "werken", "VERB", 0, "root"],
            ["in", "in", "ADP", 3, "case"],
            ["team", "team", "NOUN", 1, "obl:arg"],
        ]
    )
    pairs = obl_arg_pairs([arg, plain, plain, arg_once])
    assert ("afhangen", "van") in pairs
    assert ("werken", "in") not in pairs  # 1 obl:arg against 2 obl


def test_lexicon_flags_known_names() -> None:
    lexicon = build_lexicon()
    assert lexicon["otto"] & 1  # first name
    assert lexicon["düsseldorf"] & 2  # place
    assert lexicon["brugge"] & 2
    assert lexicon["canadese"] & 4  # demonym
    assert lexicon["agentschap"] & 8  # word of an institution name
    assert "de" not in lexicon  # connectors inside names
    assert "van" not in lexicon
    # Israël is in the first-name table too, but a country name is not a first name.
    assert lexicon["israël"] == 2


def test_lexicon_feature_column() -> None:
    nlp = spacy.blank("nl")
    layer = lexicon_features(["NORM", "SHAPE"])
    doc = nlp("Otto Schily bezocht Düsseldorf")
    layer.initialize()
    (features,) = layer.predict([doc])
    assert features.shape == (4, 3)
    otto, schily, bezocht, dusseldorf = (int(f) for f in features[:, 2])
    assert otto & 1  # first name
    assert dusseldorf & 2  # place
    assert schily == 0  # unknown name
    assert bezocht == 0  # plain word


#: (tables of the lexicon column, lower-cased word, its flags): first name 1, place 2,
#: demonym 4, organisation 8, misc 128. The NER combines all three tables; the UD tok2vec
#: uses ``names`` (with the word classes), so the gazetteers must not reach it.
GAZETTEER_CASES = [
    (["names"], "airways", 0),  # only in the NER's organisation gazetteer
    (["names", "organizations"], "airways", 8),  # British Airways
    (["names", "organizations"], "ryanair", 8),
    (["names", "organizations"], "universiteit", 8),  # word of many names
    (["names", "organizations", "misc"], "wereldoorlog", 128),  # Tweede Wereldoorlog
    (["names", "organizations", "misc"], "nobelprijs", 128),
    (["names", "organizations", "misc"], "otto", 1),  # untouched by the gazetteers
    # A place, a word of Club Brugge and of the Driedaagse Brugge-De Panne.
    (["names", "organizations", "misc"], "brugge", 2 | 8 | 128),
    # Acronyms and titles must not flag everyday words (IS, ALS, "Ik ook").
    (["names", "organizations", "misc"], "is", 0),
    (["names", "organizations", "misc"], "als", 0),
    (["names", "organizations", "misc"], "ik", 0),
    (["names", "organizations", "misc"], "van", 0),
    (["names", "organizations", "misc"], "maart", 0),
]


@pytest.mark.parametrize(("tables", "word", "flags"), GAZETTEER_CASES)
def test_gazetteer_flags(tables: list[str], word: str, flags: int) -> None:
    assert combined_lexicon(tables).get(word, 0) == flags


def test_gazetteer_column_in_the_ner_features() -> None:
    nlp = spacy.blank("nl")
    layer = lexicon_features(["NORM"], tables=["names", "organizations", "misc"])
    layer.initialize()
    (features,) = layer.predict([nlp("Ryanair vliegt tijdens de Tweede Wereldoorlog")])
    assert [int(f) for f in features[:, 1]] == [8, 0, 0, 0, 2 | 8 | 128, 128]


def test_word_class_lexicon() -> None:
    pytest.importorskip("spacy_lookups_data")  # a training-time dependency
    lexicon = build_word_class_lexicon()
    assert lexicon["klaarlag"] == 64  # verb (a form of klaarliggen)
    assert lexicon["maagklachten"] == 32  # noun
    assert lexicon["ongenaakbaar"] == 16  # adjective
    assert lexicon["lopen"] == 64 | 32  # verb and noun
    assert "schily" not in lexicon


def test_compacted_lexicon_gives_the_same_column() -> None:
    """Pipelines store the table as hash/flag arrays; the features must not change."""
    nlp = spacy.blank("nl")
    doc = nlp("Otto Schily bezocht Düsseldorf en Israël")
    layer = lexicon_features(["NORM"])
    layer.attrs["lexicon"] = build_lexicon()  # the dict format of older models
    (before,) = layer.predict([doc])
    assert compact_lexicons(layer) == 1
    assert layer.attrs["lexicon"] == {}
    assert len(layer.attrs["lexicon_keys"]) > 30_000
    restored = lexicon_features(["NORM"]).from_bytes(layer.to_bytes())
    (after,) = restored.predict([doc])
    assert before.tolist() == after.tolist()
    assert [int(f) for f in after[:, 1]] == [1, 0, 0, 2, 0, 2]


def test_word_dropout_only_in_training() -> None:
    layer = lexicon_features(["NORM"], word_dropout=0.5)
    layer.initialize()
    doc = spacy.blank("nl")(" ".join(["woord"] * 200))
    (trained,), _ = layer([doc], is_train=True)
    (predicted,) = layer.predict([doc])
    assert 40 < int((trained[:, 0] == 0).sum()) < 160  # about half dropped
    assert int((predicted[:, 0] == 0).sum()) == 0


def test_reattach_punct_restores_ud_2_16_attachments(shared_dir: Path) -> None:
    """UD 2.16 dev with every punctuation mark moved to the root, then reattached."""
    restored = total = 0
    paths = sorted((shared_dir / "data/ud_dutch").glob("*/*-ud-dev.conllu"))
    for s in (s for path in paths for s in read_conllu(path)):
        gold = list(s.heads)
        root = next(i for i, h in enumerate(gold) if h == i)
        s.heads = [root if dep == "punct" else h for h, dep in zip(gold, s.deps, strict=True)]
        reattach_punct(s)
        marks = [i for i, dep in enumerate(s.deps) if dep == "punct"]
        restored += sum(s.heads[i] == gold[i] for i in marks)
        total += len(marks)
    assert total > 1000
    assert restored / total >= 0.98, restored / total


def _conllu(sent_ids: list[str]) -> str:
    """One two-word sentence per id: the id's number is the first word."""
    rows = []
    for sid in sent_ids:
        word = sid.split("-")[1].split(".")[0]
        rows.append(
            f"# sent_id = {sid}\n"
            f"1\tZin{word}\tzin\tNOUN\tN|soort|ev|basis|zijd|stan\t_\t0\troot\t_\t_\n"
            "2\t.\t.\tPUNCT\tLET\t_\t1\tpunct\t_\t_\n"
        )
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("keep_out", [True, False])
def test_convert_keeps_the_selection_slice_out_of_training(tmp_path: Path, keep_out: bool) -> None:
    from spacy.tokens import DocBin

    from persbericht.training import __main__ as recipe

    data = tmp_path / "data"
    # wiki-1 is held out, wiki-9 is in the selection slice, wiki-2 and wiki-3 are neither.
    files = {
        recipe.UD_DEV_2016[0]: _conllu(["wiki-1.p.1.s.1", "wiki-2.p.1.s.1", "wiki-9.p.1.s.1"]),
        recipe.UD_DEV_2016[1]: _conllu(["wiki-3.p.1.s.1"]),
        recipe.UD_TRAIN[0]: _conllu(["legacy-10.s.1"]),
        recipe.UD_TRAIN[1]: _conllu(["legacy-11.s.1"]),
        recipe.UD_CHECKPOINT_DEV: _conllu(["legacy-12.s.1"]),
        recipe.NER_TRAIN: "-DOCSTART- -DOCSTART- O\nJan N B-PER\nloopt V O\n",
        recipe.NER_EVAL: "-DOCSTART- -DOCSTART- O\nPiet N B-PER\nrent V O\n",
    }
    for name, text in files.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(text, encoding="utf8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ud_selection.spacy").write_bytes(b"stale")

    recipe.convert(data, corpus, europeana=False, keep_out_selection=keep_out)

    vocab = spacy.blank("nl").vocab

    def first_words(name: str) -> list[str]:
        docs = DocBin().from_disk(corpus / name).get_docs(vocab)
        return sorted(sent[0].text for doc in docs for sent in doc.sents)

    trained = set(first_words("ud_train.spacy"))
    assert first_words("ud_heldout.spacy") == ["Zin1"]
    assert "Zin1" not in trained
    if keep_out:
        assert first_words("ud_selection.spacy") == ["Zin9"]
        assert trained == {"Zin2", "Zin3", "Zin10", "Zin11"}
    else:
        assert not (corpus / "ud_selection.spacy").exists()
        assert trained == {"Zin2", "Zin3", "Zin9", "Zin10", "Zin11"}
