"""The shape every recognizer has, and a base for the ones that are a regular expression plus a check."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator

from redaction.context import Context
from redaction.spans import Candidate


class Recognizer(ABC):
    """Finds one kind of identifier. Subclasses set ``name`` and ``labels`` and implement ``find``."""

    name: str
    labels: tuple[str, ...]

    @abstractmethod
    def find(self, ctx: Context) -> Iterator[Candidate]:
        """Candidate spans in ``ctx.text`` with a score and an explanation."""

    def candidate(self, start: int, end: int, explanation: str, score: float, label: str = "") -> Candidate:
        return Candidate(start, end, label or self.labels[0], self.name, explanation, score)


class PatternRecognizer(Recognizer):
    """A regular expression; ``check`` may refuse a match or return its (score, explanation)."""

    pattern: re.Pattern[str]
    explanation: str
    score: float = 0.8

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        return self.score, self.explanation

    def find(self, ctx: Context) -> Iterator[Candidate]:
        for match in self.pattern.finditer(ctx.text):
            verdict = self.check(match, ctx)
            if verdict is not None:
                # A pattern may match some context around the identifier (a cue word) and name the
                # identifier itself with a group; only that is removed.
                named = [g for g in match.re.groupindex if match.group(g) is not None]
                start, end = match.span(named[0]) if named else match.span()
                yield self.candidate(start, end, verdict[1], verdict[0])
