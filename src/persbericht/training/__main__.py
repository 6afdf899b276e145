"""Train and assemble persbericht's Dutch pipeline.

Run ``python -m persbericht.training --data /work/shared/data --out DIR``.

Steps (``--steps``, default all, in this order):

``convert``
    UD (legacy 2017 train/dev harmonised to UD 2.16 + UD 2.16 dev minus the held-out
    slice) and CoNLL-2002 ``ned.train`` / ``ned.testa`` (even articles: checkpoints; odd:
    evaluation only) to ``.spacy`` files under ``--work``.
``ud``
    train tok2vec + tagger + morphologizer + parser + trainable lemmatizer (``configs/ud.cfg``).
``ner``
    train the NER with its own tok2vec (``configs/ner.cfg``).
``assemble``
    source all trained components into one pipeline, add the lemma check and the NER
    consistency step, apply the tokenizer fixes, stamp the meta, write it to ``--out``.
``evaluate``
    score the assembled pipeline on the UD held-out slice, on ``ned.testa`` and on its odd
    half, and write ``scores.json`` to ``--work`` (outside the model folder).

Data paths used (relative to ``--data``) are listed in :data:`UD_TRAIN`, :data:`UD_DEV_2016`,
:data:`NER_TRAIN` and :data:`NER_EVAL`. Seeds are fixed in the configs (``system.seed``).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.training.initialize import init_nlp
from spacy.training.loop import train as train_nlp
from thinc.api import use_ops

from persbericht.nlp.lemmas import LemmaCheck
from persbericht.nlp.lexicon import compact_lexicons
from persbericht.training.convert import (
    UdSentence,
    europeana_doc,
    group_docs,
    harmonise_legacy,
    is_heldout,
    is_selection,
    ner_doc,
    obl_arg_pairs,
    read_conll2002,
    read_conllu,
    read_europeana,
    ud_doc,
    write_docbin,
)
from persbericht.version import __version__

CONFIGS = Path(__file__).resolve().parent / "configs"

UD_TRAIN = (
    "ud_dutch_legacy/UD_Dutch-LassySmall/nl_lassysmall-2017-02-01-train.filtered.conllu",
    "ud_dutch_legacy/UD_Dutch-Alpino/nl_alpino-2017-10-24-partial-train.filtered.conllu",
)
#: Legacy dev: used to pick the best UD checkpoint during training.
UD_CHECKPOINT_DEV = (
    "ud_dutch_legacy/UD_Dutch-LassySmall/nl_lassysmall-2017-02-01-dev.filtered.conllu"
)
#: UD 2.16 dev files: the non-held-out part is trained on, the held-out slice evaluated.
UD_DEV_2016 = (
    "ud_dutch/UD_Dutch-Alpino/nl_alpino-ud-dev.conllu",
    "ud_dutch/UD_Dutch-LassySmall/nl_lassysmall-ud-dev.conllu",
)
NER_TRAIN = "conll2002_nl/ned.train"
NER_EVAL = "conll2002_nl/ned.testa"
EUROPEANA = "europeana_ner_nl/enp_NL.kb.bio"
#: How often each UD 2.16 training sentence is repeated (it has the target annotation style).
UD_2016_WEIGHT = 2
UD_COMPONENTS = ("tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer")
#: Seed of the corpus shuffle (training seeds are in the configs).
SEED = 3
STEPS = ("convert", "ud", "ner", "assemble", "evaluate")


def convert(
    data: Path,
    corpus: Path,
    europeana: bool,
    ud_2016_weight: int = UD_2016_WEIGHT,
    keep_out_selection: bool = False,
) -> dict[str, int]:
    """Write the training/evaluation ``.spacy`` files; return doc counts per file.

    With ``keep_out_selection`` the selection slice of the UD 2.16 data (see
    :func:`is_selection`) is left out of training and written to ``ud_selection.spacy``,
    which ``evaluate`` then scores as well; without it that file is removed, so no stale
    slice is scored on a model that trained on it.
    """
    vocab = spacy.blank("nl").vocab
    counts: dict[str, int] = {}
    current: list[UdSentence] = []
    heldout: list[UdSentence] = []
    selection: list[UdSentence] = []
    for name in UD_DEV_2016:
        for sentence in read_conllu(data / name):
            if is_heldout(sentence.sent_id):
                heldout.append(sentence)
            elif keep_out_selection and is_selection(sentence.sent_id):
                selection.append(sentence)
            else:
                current.append(sentence)
    # Legacy sentences are relabelled the UD 2.16 way, with obl:arg pairs counted on the
    # UD 2.16 training part; the UD 2.16 sentences (the target style) are seen twice.
    obl_args = obl_arg_pairs(current)
    legacy = [harmonise_legacy(s, obl_args) for name in UD_TRAIN for s in read_conllu(data / name)]
    train_sents = legacy + current * ud_2016_weight
    # Fixed-seed shuffle: mixes the treebanks in each doc, and the first docs (used to
    # initialise the labels) carry XPOS tags, which legacy LassySmall lacks.
    random.Random(SEED).shuffle(train_sents)
    ud_train = group_docs(vocab, (ud_doc(vocab, s) for s in train_sents), 10)
    counts["ud_train"] = write_docbin(ud_train, corpus / "ud_train.spacy")
    dev = (
        ud_doc(vocab, harmonise_legacy(s, obl_args)) for s in read_conllu(data / UD_CHECKPOINT_DEV)
    )
    counts["ud_dev"] = write_docbin(group_docs(vocab, dev, 10), corpus / "ud_dev.spacy")
    counts["ud_heldout"] = write_docbin(
        (ud_doc(vocab, s) for s in heldout), corpus / "ud_heldout.spacy"
    )
    selection_file = corpus / "ud_selection.spacy"
    if keep_out_selection:
        counts["ud_selection"] = write_docbin((ud_doc(vocab, s) for s in selection), selection_file)
    else:
        selection_file.unlink(missing_ok=True)
    articles = list(read_conll2002(data / NER_TRAIN))
    # Articles are cut into docs of 10 sentences (their sentences are shuffled anyway).
    ner_train = [ner_doc(vocab, a[j : j + 10]) for a in articles for j in range(0, len(a), 10)]
    if europeana:
        ner_train += [europeana_doc(vocab, w, t) for w, t in read_europeana(data / EUROPEANA)]
    counts["ner_train"] = write_docbin(ner_train, corpus / "ner_train.spacy")
    # ned.testa is CoNLL-2002's development set: its even articles choose the checkpoint,
    # its odd articles are scored only at the end (never trained on, never used to choose).
    testa = list(read_conll2002(data / NER_EVAL))
    halves = {"ner_dev": testa[0::2], "ner_testa_odd": testa[1::2], "ner_testa": testa}
    for key, part in halves.items():
        counts[key] = write_docbin((ner_doc(vocab, a) for a in part), corpus / f"{key}.spacy")
    return counts


def train_component(config: str, corpus: Path, prefix: str, output: Path, extra: list[str]) -> None:
    """Train one config (what ``spacy train`` does) with numpy's BLAS for matrix products.

    thinc's default CPU ops multiply through blis, which measured about three times slower
    than numpy's OpenBLAS on this project's machines; the trained weights are the same
    kind either way.
    """
    overrides = {
        "paths.train": str(corpus / f"{prefix}_train.spacy"),
        "paths.dev": str(corpus / f"{prefix}_dev.spacy"),
    }
    for item in extra:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value)
    loaded = spacy.util.load_config(CONFIGS / config, overrides=overrides, interpolate=False)
    output.mkdir(parents=True, exist_ok=True)
    with use_ops("numpy", use_blis=False):
        nlp = init_nlp(loaded, use_gpu=-1)
        train_nlp(nlp, output, use_gpu=-1, stdout=sys.stdout, stderr=sys.stderr)


def assemble(work: Path, out: Path) -> None:
    """Source the trained components into one pipeline and write it to ``out``."""
    from persbericht.nlp.tokenizer import apply_tokenizer_fixes

    ud = spacy.load(work / "ud" / "model-best")
    ner = spacy.load(work / "ner" / "model-best")
    nlp = spacy.blank("nl")
    for name in UD_COMPONENTS:
        nlp.add_pipe(name, source=ud)
    # Lexicon check of the edit-tree lemmas; its tables come from spacy-lookups-data.
    lemma_check: LemmaCheck = nlp.add_pipe("persbericht_lemma_check")  # type: ignore[assignment]
    lemma_check.initialize()
    nlp.add_pipe("ner", source=ner)
    nlp.add_pipe("persbericht_ner_consistency")
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            compact_lexicons(model)
    apply_tokenizer_fixes(nlp)
    nlp.meta.update(
        {
            "name": "persbericht",
            "version": __version__,
            "persbericht_version": __version__,
            "description": "persbericht's Dutch pipeline (see docs/model.md of persbericht)",
            "license": "CC BY-SA 4.0 (UD parts); NER trained on CoNLL-2002: research use only",
            "author": "persbericht",
        }
    )
    for section in ("train", "dev"):
        nlp.config["paths"][section] = None
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)


def evaluate(model: Path, corpus: Path) -> dict[str, object]:
    """Score ``model`` on the UD held-out slice, ``ned.testa`` and its odd half.

    The UD selection slice is scored too when ``convert`` kept it out of training. Each set
    is scored twice: on persbericht's own tokens (the pipeline reads the raw text; key
    ``<set>``) and on the gold tokens (key ``<set>_gold_tokens``, as UD scores are usually
    reported). The model is loaded as persbericht loads it.
    """
    from persbericht.nlp.base import load_base

    nlp = load_base(model)
    scores: dict[str, object] = {}
    ud_keys = ("pos_acc", "tag_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")
    # The held-out slice is always scored (a missing file is an error); the selection slice
    # only when convert kept it out of training.
    ud_sets = ["ud_heldout"]
    if (corpus / "ud_selection.spacy").exists():
        ud_sets.append("ud_selection")
    for key, name, keep in (
        *((key, f"{key}.spacy", ud_keys) for key in ud_sets),
        *(
            (key, f"{key}.spacy", ("ents_p", "ents_r", "ents_f", "ents_per_type"))
            for key in ("ner_testa", "ner_testa_odd")
        ),
    ):
        docs = list(DocBin().from_disk(corpus / name).get_docs(nlp.vocab))
        own = nlp.evaluate([Example(nlp.make_doc(doc.text), doc) for doc in docs])
        gold = nlp.evaluate([Example(_unannotated(nlp, doc), doc) for doc in docs])
        scores[key] = {k: own[k] for k in keep if k in own}
        scores[key + "_gold_tokens"] = {k: gold[k] for k in keep if k in gold}
        scores[key + "_speed"] = own.get("speed")
    return scores


def _unannotated(nlp: Language, gold: Doc) -> Doc:
    """A doc with the gold doc's tokens and nothing else."""
    words = [t.text for t in gold]
    return Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in gold])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m persbericht.training", description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="shared data folder")
    parser.add_argument("--out", type=Path, required=True, help="where to write the pipeline")
    parser.add_argument("--work", type=Path, default=Path("/tmp/pb_train"))
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument(
        "--europeana",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="add Europeana NL (CC0, 19th-century OCR) to the NER training data (default: no;"
        " it scored lower on the testa checkpoint half)",
    )
    parser.add_argument(
        "--ud-2016-weight",
        type=int,
        default=UD_2016_WEIGHT,
        help=f"repeats of each UD 2.16 training sentence (default {UD_2016_WEIGHT})",
    )
    parser.add_argument(
        "--keep-out-selection",
        action="store_true",
        help="leave the UD 2.16 selection slice out of training and score it (to compare"
        " recipe variants without the held-out slice)",
    )
    parser.add_argument("--ud-override", action="append", default=[], metavar="KEY=JSON")
    parser.add_argument("--ner-override", action="append", default=[], metavar="KEY=JSON")
    args = parser.parse_args(argv)
    steps = args.steps.split(",")
    corpus = args.work / "corpus"
    print(f"data: {args.data.resolve()}  work: {args.work}  out: {args.out}", flush=True)
    if "convert" in steps:
        print(
            json.dumps(
                convert(
                    args.data,
                    corpus,
                    args.europeana,
                    args.ud_2016_weight,
                    keep_out_selection=args.keep_out_selection,
                )
            ),
            flush=True,
        )
    if "ud" in steps:
        train_component("ud.cfg", corpus, "ud", args.work / "ud", args.ud_override)
    if "ner" in steps:
        train_component("ner.cfg", corpus, "ner", args.work / "ner", args.ner_override)
    if "assemble" in steps:
        assemble(args.work, args.out)
    if "evaluate" in steps:
        scores = evaluate(args.out, corpus)
        (args.work / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf8")
        print(json.dumps(scores, indent=2), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
