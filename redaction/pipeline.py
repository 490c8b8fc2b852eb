"""The spaCy pipeline: the English model's tagger and NER, then the project's recognizer component.

Nothing is loaded at import time; ``build`` does the work when a ``Redactor`` is created.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from redaction.context import Context
from redaction.errors import PipelineUnavailable
from redaction.lexicon import Lexicon
from redaction.recognizer import Recognizer
from redaction.recognizers import RECOGNIZERS
from redaction.resolve import extend_addresses, resolve
from redaction.spans import Candidate

COMPONENT = "canishare_recognizers"
SPAN_KEY = "redact"
# Not needed to find identifiers (we read the tagger's Penn tags directly, so no attribute ruler).
_UNUSED = ["parser", "lemmatizer", "senter", "attribute_ruler"]


class RecognizerComponent:
    """Runs every recognizer over a Doc and stores the merged candidates.

    ``doc._.redactions`` holds them with exact character offsets (regular expressions do not respect token
    boundaries); ``doc.spans["redact"]`` holds the same, widened to whole tokens, for inspection.
    """

    def __init__(self, lexicon: Lexicon, recognizers: list[Recognizer]) -> None:
        self.lexicon = lexicon
        self.recognizers = recognizers

    def __call__(self, doc: Doc) -> Doc:
        ctx = Context(doc, self.lexicon)
        found: list[Candidate] = []
        for recognizer in self.recognizers:
            found.extend(recognizer.find(ctx))
        merged = resolve(extend_addresses(ctx.text, resolve(found)))
        doc._.redactions = merged
        spans = [doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand") for c in merged]
        doc.spans[SPAN_KEY] = [s for s in spans if s is not None]
        return doc


@Language.factory(COMPONENT)
def make_recognizer_component(nlp: Language, name: str) -> RecognizerComponent:
    return RecognizerComponent(Lexicon.load(), [cls() for cls in RECOGNIZERS])


def _add_component(nlp: Language) -> Language:
    if not Doc.has_extension("redactions"):
        Doc.set_extension("redactions", default=None)
    nlp.add_pipe(COMPONENT, last=True)
    return nlp


def build(model: str) -> Language:
    """Load the named installed pipeline and add our component. Never downloads: a missing model fails."""
    try:
        nlp = spacy.load(model, exclude=_UNUSED)
    except Exception:  # spaCy raises OSError, ImportError or ValueError depending on what is wrong
        raise PipelineUnavailable(
            "the spaCy pipeline could not be loaded; check that the model package named in "
            "CANISHARE_REDACTION_MODEL is installed"
        ) from None
    if "ner" not in nlp.pipe_names:
        raise PipelineUnavailable("the spaCy pipeline has no named-entity recognizer")
    return _add_component(nlp)


def build_blank() -> Language:
    """A tokenizer-only English pipeline with our component: pattern and word-list recognizers, no model."""
    return _add_component(spacy.blank("en"))
