"""What recognizers look at: the normalised text, its words, and what the spaCy model said about them."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from redaction.lexicon import Lexicon

# A word: letters, with inner apostrophes or hyphens ("O'Connor", "Marie-Claire"). Digits are not words.
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_POSSESSIVE = ("'s", "’s")
_OPENERS = set(" \t\"'“‘([*")
_SENTENCE_END = set(".!?:;\n")


@dataclass(frozen=True, slots=True)
class Word:
    index: int
    start: int
    end: int
    text: str
    low: str
    sentence_initial: bool
    tag: str | None  # Penn tag from the model's tagger; None with the blank pipeline

    @property
    def title(self) -> bool:
        return (
            self.text[0].isupper()
            and not self.text.isupper()
            or (len(self.text) == 1 and self.text.isupper())
        )

    @property
    def upper(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()

    @property
    def lower(self) -> bool:
        return self.text.islower()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


class Context:
    """The analysed message shared by all recognizers of one run."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.text: str = doc.text
        self.lexicon = lexicon
        self.entities: list[tuple[int, int, str]] = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        tags: dict[int, str] = {}
        if doc.has_annotation("TAG"):
            tags = {tok.idx: tok.tag_ for tok in doc}
        self.words: list[Word] = []
        for match in _WORD.finditer(self.text):
            start, end = match.span()
            if match.group().endswith(_POSSESSIVE) and end - start > 3:
                end -= 2
            text = self.text[start:end]
            self.words.append(
                Word(len(self.words), start, end, text, text.lower(), self._initial(start), tags.get(start))
            )
        self._starts = [w.start for w in self.words]

    def _initial(self, start: int) -> bool:
        i = start - 1
        while i >= 0 and self.text[i] in _OPENERS:
            i -= 1
        return i < 0 or self.text[i] in _SENTENCE_END

    def between(self, left: Word, right: Word) -> str:
        return self.text[left.end : right.start]

    def word_from(self, char: int) -> int:
        """Index of the first word starting at or after ``char``."""
        return bisect_left(self._starts, char)

    def words_in(self, start: int, end: int) -> list[Word]:
        i = self.word_from(start)
        out = []
        while i < len(self.words) and self.words[i].end <= end:
            out.append(self.words[i])
            i += 1
        return out

    def before(self, char: int, width: int) -> str:
        """Lowercased text of up to ``width`` characters before ``char``: where cue words are looked for."""
        return self.text[max(0, char - width) : char].lower()
