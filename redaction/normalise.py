"""Normalise text before recognition, keeping a map back to the original offsets.

Tricks that split or disguise a name must not get it past the recognizers: compatibility forms (NFKC, so
full-width "Ｊａｍｅｓ" is "James"), zero-width characters and bidi controls dropped, odd spaces made plain,
and Cyrillic or Greek look-alike letters inside otherwise Latin words mapped to Latin ("Jаmes" with a Cyrillic
"а"). Placeholders must replace the ORIGINAL characters, so every normalised character remembers which
original characters it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Invisible characters people (or copy-paste) put inside words: zero-width space/joiners, word joiner, BOM,
# soft hyphen, and the bidi embedding/override/isolate marks.
_DROP = frozenset(
    "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_SPACES = frozenset(
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_LINE_BREAKS = frozenset("\r\u2028\u2029\x0b\x0c\x85")

# Cyrillic and Greek letters that look like Latin ones (the usual spoofing set).
_HOMOGLYPHS = str.maketrans(
    {
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "һ": "h",
        "А": "A",
        "В": "B",
        "Е": "E",
        "Ё": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "У": "Y",
        "Х": "X",
        "І": "I",
        "Ј": "J",
        "Ѕ": "S",
        "α": "a",
        "ο": "o",
        "ρ": "p",
        "ν": "v",
        "ι": "i",
        "κ": "k",
        "τ": "t",
        "υ": "u",
        "ε": "e",
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "Ζ": "Z",
        "Η": "H",
        "Ι": "I",
        "Κ": "K",
        "Μ": "M",
        "Ν": "N",
        "Ο": "O",
        "Ρ": "P",
        "Τ": "T",
        "Υ": "Y",
        "Χ": "X",
    }
)
_LOOKALIKES = frozenset(chr(c) for c in _HOMOGLYPHS)
_LETTER_RUN = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Normalised:
    """Normalised text plus, for each of its characters, the original [start, end) it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original_length: int

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of the normalised text back to the original text."""
        if start >= end:
            return (self.starts[start] if start < len(self.starts) else self.original_length,) * 2
        return self.starts[start], self.ends[end - 1]


def _clusters(text: str) -> list[tuple[int, int]]:
    """Split into a base character plus its combining marks, so NFKC can compose "e" + U+0301 into "é"."""
    bounds: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        bounds.append((i, j))
        i = j
    return bounds


def _unspoof(text: str) -> str:
    """Map look-alikes inside words mixed with Latin letters ("Jоhn" with a Cyrillic "о"), and words made
    only of look-alikes when the message is mostly Latin ("Јоѕе" in an English sentence).

    A genuine Greek or Cyrillic word ("Λευκωσία", "Москва" in Russian text) is left alone. Each replacement
    is one character for one, so offsets do not move.
    """
    if not any(ch in _LOOKALIKES for ch in text):
        return text
    latin = sum(1 for ch in text if "a" <= ch.lower() <= "z")
    mostly_latin = latin > sum(1 for ch in text if ch.isalpha()) - latin

    def fix(match: re.Match[str]) -> str:
        run = match.group()
        if not any(ch in _LOOKALIKES for ch in run):
            return run
        has_latin = any("a" <= ch.lower() <= "z" for ch in run)
        only_lookalikes = all(ch in _LOOKALIKES for ch in run)
        return run.translate(_HOMOGLYPHS) if has_latin or (only_lookalikes and mostly_latin) else run

    return _LETTER_RUN.sub(fix, text)


def normalise(text: str) -> Normalised:
    """Return the normalised form of ``text`` and the offset map back to it."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for begin, stop in _clusters(text):
        cluster = text[begin:stop]
        if cluster[0] in _DROP:
            continue
        if cluster[0] in _SPACES:
            piece = " "
        elif cluster[0] in _LINE_BREAKS:
            piece = "\n"
        else:
            piece = unicodedata.normalize("NFKC", cluster)
            piece = "".join(ch for ch in piece if ch not in _DROP)
        for ch in piece:
            out.append(ch)
            starts.append(begin)
            ends.append(stop)
    return Normalised(_unspoof("".join(out)), tuple(starts), tuple(ends), len(text))
