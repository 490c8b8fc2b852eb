"""A fast matcher for the cue patterns that are plain word sequences.

Most cue patterns are sequences of word sets with optional words ("@be_now being @harm_pp right now"). spaCy's
``Matcher`` checks every pattern at every token, which made it the largest single cost of ``advise()`` after
the parser. Here each pattern is expanded into its variants without optional words and indexed by its first
word, so a token only tries the patterns that can start with it. Patterns with gaps (``*N``) stay on spaCy's
``Matcher``; ``FactExtractor`` merges both and a test checks that the two give the same matches.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

# one token: ("in", words) | ("num", None) | ("prefix", text)
Spec = tuple[str, Any]


def to_specs(tokens: list[dict[str, Any]]) -> list[tuple[Spec, bool]] | None:
    """spaCy token patterns -> (spec, optional) pairs; None when a pattern needs spaCy (gaps)."""
    out: list[tuple[Spec, bool]] = []
    for tok in tokens:
        optional = tok.get("OP") == "?"
        if "OP" in tok and not optional:
            return None
        if tok.get("LIKE_NUM") is True:
            out.append((("num", None), optional))
            continue
        lower = tok.get("LOWER")
        if isinstance(lower, str):
            out.append((("in", frozenset({lower})), optional))
        elif isinstance(lower, dict) and "IN" in lower:
            out.append((("in", frozenset(lower["IN"])), optional))
        elif isinstance(lower, dict) and "REGEX" in lower and lower["REGEX"].startswith("^"):
            prefix = lower["REGEX"][1:].replace("\\", "")
            out.append((("prefix", prefix), optional))
        else:
            return None
    return out


def _variants(specs: list[tuple[Spec, bool]]) -> list[tuple[Spec, ...]]:
    optional = [i for i, (_, opt) in enumerate(specs) if opt]
    out: list[tuple[Spec, ...]] = []
    for keep in itertools.product((True, False), repeat=len(optional)):
        dropped = {i for i, k in zip(optional, keep, strict=True) if not k}
        variant = tuple(spec for i, (spec, _) in enumerate(specs) if i not in dropped)
        if variant and variant not in out:
            out.append(variant)
    return out


def _fits(spec: Spec, word: str, tok: Any) -> bool:
    kind, value = spec
    if kind == "in":
        return word in value
    if kind == "num":
        return bool(tok.like_num)
    return word.startswith(value)


@dataclass
class SequenceMatcher:
    """Word-sequence patterns indexed by their first word; returns (key, start, end) like spaCy's Matcher."""

    by_first: dict[str, list[tuple[int, tuple[Spec, ...]]]] = field(default_factory=dict)
    anywhere: list[tuple[int, tuple[Spec, ...]]] = field(default_factory=list)

    def add(self, key: int, specs: list[tuple[Spec, bool]]) -> None:
        for variant in _variants(specs):
            kind, value = variant[0]
            if kind == "in":
                for word in value:
                    self.by_first.setdefault(word, []).append((key, variant[1:]))
            else:
                self.anywhere.append((key, variant))

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        words = [t.lower_ for t in doc]
        n = len(words)
        found: set[tuple[int, int, int]] = set()
        for i, word in enumerate(words):
            for key, tail in self.by_first.get(word, ()):
                end = i + 1 + len(tail)
                if end <= n and all(_fits(s, words[i + 1 + k], doc[i + 1 + k]) for k, s in enumerate(tail)):
                    found.add((key, i, end))
            for key, variant in self.anywhere:
                end = i + len(variant)
                if end <= n and all(_fits(s, words[i + k], doc[i + k]) for k, s in enumerate(variant)):
                    found.add((key, i, end))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))
