"""The word lists in ``redaction/data``, loaded once and shared by the recognizers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS


def _read(name: str) -> frozenset[str]:
    """Words of one data file: lowercase, whitespace-separated, ``#`` comments and ``@`` markers skipped."""
    text = resources.files("redaction").joinpath("data", name).read_text(encoding="utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        words.update(w.lower() for w in line.split() if not w.startswith("@"))
    return frozenset(words)


def _read_sections(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """A file with a plain block, then words after an ``@prefix`` marker."""
    text = resources.files("redaction").joinpath("data", name).read_text(encoding="utf-8")
    plain: set[str] = set()
    prefix: set[str] = set()
    target = plain
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        for word in line.split():
            if word == "@prefix":
                target = prefix
            else:
                target.add(word.lower())
    return frozenset(plain), frozenset(prefix)


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]
    surnames: frozenset[str]
    ambiguous_names: frozenset[str]
    english_words: frozenset[str]
    chat_words: frozenset[str]
    keep_terms: frozenset[str]
    places: frozenset[str]
    titles: frozenset[str]
    cues: frozenset[str]
    street_types: frozenset[str]
    street_prefixes: frozenset[str]
    house_words: frozenset[str]
    org_words: frozenset[str]
    brands: frozenset[str]
    stop_words: frozenset[str]

    @staticmethod
    @cache
    def load() -> Lexicon:
        street_types, street_prefixes = _read_sections("street_types.txt")
        chat_words = _read("chat_words.txt")
        return Lexicon(
            first_names=_read("first_names.txt") | _read("first_names_more.txt"),
            surnames=_read("surnames.txt"),
            ambiguous_names=_read("ambiguous_names.txt"),
            english_words=_read("english_words.txt") | chat_words,
            chat_words=chat_words,
            keep_terms=_read("keep_terms.txt"),
            places=_read("places.txt"),
            titles=_read("titles.txt"),
            cues=_read("cues.txt"),
            street_types=street_types,
            street_prefixes=street_prefixes,
            house_words=_read("house_words.txt"),
            org_words=_read("org_words.txt"),
            brands=_read("brands.txt"),
            stop_words=frozenset(STOP_WORDS),
        )

    def is_word(self, low: str) -> bool:
        """An ordinary English word (or an inflection of one)."""
        if low in self.english_words:
            return True
        for suffix, repl in (
            ("ies", "y"),
            ("es", ""),
            ("s", ""),
            ("ed", ""),
            ("ed", "e"),
            ("ing", ""),
            ("ing", "e"),
        ):
            if low.endswith(suffix) and low[: -len(suffix)] + repl in self.english_words:
                return True
        return False

    def is_name(self, low: str) -> bool:
        return low in self.first_names or low in self.surnames


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string (easier to read than a list of literals)."""
    return frozenset(text.split())
