"""The Dutch spaCy base pipeline: persbericht's shipped model, or any installed one.

:func:`load_base` returns a ``Language`` with persbericht's tokenizer fixes applied and
sentence boundaries available, before persbericht's own components are added.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import use_ops

from persbericht.errors import ModelVersionWarning, SettingsError
from persbericht.nlp.tokenizer import apply_tokenizer_fixes
from persbericht.version import __version__

#: Meta key with the persbericht version a pipeline was built (or checked) for.
VERSION_KEY = "persbericht_version"

#: Folder of the pipeline persbericht ships (package data).
SHIPPED_MODEL = Path(__file__).resolve().parent.parent / "model" / "nl_persbericht"


def load_base(model: str | Path | Language | None = None) -> Language:
    """Load the base Dutch pipeline.

    ``None`` loads the shipped model (a blank Dutch pipeline with a rule-based
    sentencizer, and a :class:`ModelVersionWarning`, if the model is absent); a name
    or path loads that installed pipeline; a ``Language`` is used as it is. The tokenizer
    fixes of :mod:`persbericht.nlp.tokenizer` are applied to every pipeline, and a
    pipeline stamped for another persbericht version gives a :class:`ModelVersionWarning`.

    >>> nlp = load_base(spacy.blank("nl"))
    >>> [s.text for s in nlp("Dat weten we al. Het is tijd.").sents]
    ['Dat weten we al.', 'Het is tijd.']
    """
    if isinstance(model, Language):
        nlp = model
    elif model is None:
        if (SHIPPED_MODEL / "config.cfg").exists():
            nlp = _load(SHIPPED_MODEL)
            _check_version(nlp, shipped=True)
        else:
            msg = f"shipped model not found at {SHIPPED_MODEL}; using a blank Dutch pipeline"
            warnings.warn(msg, ModelVersionWarning, stacklevel=2)
            nlp = spacy.blank("nl")
    else:
        try:
            nlp = _load(model)
        except OSError as exc:
            msg = f"cannot load spaCy pipeline {model!r}: {exc}"
            raise SettingsError(msg) from exc
    if not isinstance(model, Language) and model is not None:
        _check_version(nlp, shipped=False)
    if nlp.lang != "nl":
        msg = f"pipeline {nlp.meta.get('name')!r} is for language {nlp.lang!r}, not Dutch (nl)"
        raise SettingsError(msg)
    if (
        not nlp.has_pipe("parser")
        and not nlp.has_pipe("senter")
        and not nlp.has_pipe("sentencizer")
    ):
        nlp.add_pipe("sentencizer")
    apply_tokenizer_fixes(nlp)
    nlp.meta.setdefault(VERSION_KEY, __version__)
    return nlp


def _load(model: str | Path) -> Language:
    """``spacy.load`` with numpy's BLAS for the models' matrix products.

    thinc's default CPU ops multiply through blis; numpy's OpenBLAS measured about three
    times faster on this project's machines (full pipeline 7.3k → 11.8k tokens/s with the
    same weights; ``benchmarks/bench_pipeline.py``). Only the models built here use it.
    """
    with use_ops("numpy", use_blis=False):
        return spacy.load(model)


def _check_version(nlp: Language, *, shipped: bool) -> None:
    """Warn when a pipeline was stamped for another persbericht version.

    Third-party pipelines carry no stamp and are not warned about; the shipped model
    must carry one.
    """
    stamped = nlp.meta.get(VERSION_KEY)
    if stamped is None and not shipped:
        return
    if stamped != __version__:
        msg = (
            f"pipeline {nlp.meta.get('name')!r} was built for persbericht {stamped!r}, "
            f"this is persbericht {__version__}: retrain it (python -m persbericht.training)"
        )
        warnings.warn(msg, ModelVersionWarning, stacklevel=3)
