"""The Dutch spaCy base pipeline: persbericht's shipped model, or any installed one.

:func:`load_base` returns a ``Language`` with persbericht's tokenizer fixes applied and
sentence boundaries available, before persbericht's own components are added.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import spacy
from spacy.language import Language

from persbericht.errors import ModelVersionWarning, SettingsError

#: Folder of the pipeline persbericht ships (package data).
SHIPPED_MODEL = Path(__file__).resolve().parent.parent / "model" / "nl_persbericht"


def load_base(model: str | Path | Language | None = None) -> Language:
    """Load the base Dutch pipeline.

    ``None`` loads the shipped model (a blank Dutch pipeline with a rule-based
    sentencizer, and a :class:`ModelVersionWarning`, if the model is absent); a name
    or path loads that installed pipeline; a ``Language`` is used as it is.
    """
    if isinstance(model, Language):
        nlp = model
    elif model is None:
        if (SHIPPED_MODEL / "config.cfg").exists():
            nlp = spacy.load(SHIPPED_MODEL)
        else:
            msg = f"shipped model not found at {SHIPPED_MODEL}; using a blank Dutch pipeline"
            warnings.warn(msg, ModelVersionWarning, stacklevel=2)
            nlp = spacy.blank("nl")
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:
            msg = f"cannot load spaCy pipeline {model!r}: {exc}"
            raise SettingsError(msg) from exc
    if nlp.lang != "nl":
        msg = f"pipeline {nlp.meta.get('name')!r} is for language {nlp.lang!r}, not Dutch (nl)"
        raise SettingsError(msg)
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe(
        "sentencizer"
    ):
        nlp.add_pipe("sentencizer")
    return nlp
