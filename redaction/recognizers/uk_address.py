from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.context import Context, Word
from redaction.lexicon import word_set
from redaction.recognizer import Recognizer
from redaction.spans import Candidate

# "22 ", "41A ", "7-9 ", "Flat 7, 22 ", "flat 4 ", "Flat 9, ": the number part before a street name.
_NUMBER = re.compile(
    r"(?:(?:flat|apartment|apt|unit|room|no)\.?\s*\d+[a-z]?(?:\s*,?\s*\d{1,4}[a-z]?)?"
    r"|\d{1,4}[a-z]?(?:\s*-\s*\d{1,4})?),?\s+$",
    re.IGNORECASE,
)
# Counted things that can sit between a number and a street-type word without being an address
# ("2 years close to...").
_QUANTITIES = word_set(
    """
    years year months month weeks week days day hours hour minutes times kids children people men
    women boys girls pounds miles metres floors stairs
    """
)
_JOINERS = frozenset(("y", "yr", "of", "the", "upon", "le", "de", "la", "st"))


class UkAddressRecognizer(Recognizer):
    """UK street addresses: "[Flat 7,] 22 Gipsy Lane[, Town]", "Narborough Road", "27 Heol y Felin",
    "The Old Rectory, Main Street, Anstey", "flat 4 kingfisher court"."""

    name = "UkAddressRecognizer"
    labels = ("ADDRESS",)

    def find(self, ctx: Context) -> Iterator[Candidate]:
        lex = ctx.lexicon
        words = ctx.words
        for i, w in enumerate(words):
            if w.low in lex.street_types or w.low in lex.house_words:
                span = self._street_ending_at(ctx, i)
            elif w.low in lex.street_prefixes:
                span = self._street_starting_at(ctx, i)
            else:
                continue
            if span is None:
                continue
            start, end, numbered = span
            start = self._house_before(ctx, start)
            end = self._town_after(ctx, end)
            explanation = "a numbered street address" if numbered else "a named street or building"
            yield self.candidate(start, end, explanation, 0.9 if numbered else 0.75)

    def _street_ending_at(self, ctx: Context, i: int) -> tuple[int, int, bool] | None:
        lex = ctx.lexicon
        words = ctx.words
        kind = words[i]
        body: list[Word] = []
        k = i - 1
        while k >= 0 and len(body) < 4 and ctx.between(words[k], words[k + 1]) in (" ", "-", "'"):
            cand = words[k]
            if (
                cand.low in lex.keep_terms
                or cand.low in _QUANTITIES
                or (cand.low in lex.stop_words and cand.low not in _JOINERS)
            ):
                break
            if cand.low in lex.titles and not cand.capitalised:
                break
            body.insert(0, cand)
            k -= 1
            if cand.low == "the":
                break
        house_name = kind.low in lex.house_words
        while body and body[0].low in _JOINERS and not (body[0].text == "The" and house_name):
            body.pop(0)
        if not body:
            return None
        start = body[0].start
        before = ctx.text[max(0, start - 30) : start]
        number = _NUMBER.search(before)
        if number:
            return start - (len(before) - number.start()), kind.end, True
        # Without a number, only a capitalised name counts ("Melton Road", not "down the road").
        if kind.capitalised and all(b.capitalised or b.low in _JOINERS for b in body):
            if kind.low in lex.house_words and not re.search(
                r"\b(?:the|at|in|from)\s*$", before, re.IGNORECASE
            ):
                return None
            if all(b.low in lex.places for b in body if b.capitalised) and kind.low in (
                "park",
                "green",
                "hill",
                "end",
            ):
                return None
            return start, kind.end, False
        return None

    def _street_starting_at(self, ctx: Context, i: int) -> tuple[int, int, bool] | None:
        words = ctx.words
        last = i
        while last + 1 < len(words) and ctx.between(words[last], words[last + 1]) == " " and last - i < 3:
            nxt = words[last + 1]
            if nxt.low in ("y", "yr", "de", "la", "del", "des", "du") or nxt.capitalised:
                last += 1
            else:
                break
        if last == i or not words[last].capitalised:
            return None
        start = words[i].start
        before = ctx.text[max(0, start - 30) : start]
        number = _NUMBER.search(before)
        if number:
            return start - (len(before) - number.start()), words[last].end, True
        return (start, words[last].end, False) if words[i].capitalised else None

    @staticmethod
    def _house_before(ctx: Context, start: int) -> int:
        """Take in a house name before the street: "The Old Rectory, Main Street"."""
        match = re.search(
            r"(?:\bThe\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*,\s*$", ctx.text[max(0, start - 40) : start]
        )
        if match is None:
            return start
        words = match.group().rstrip(", ").split()
        last = words[-1].lower()
        if last in ctx.lexicon.house_words or words[0] == "The":
            return start - (len(ctx.text[max(0, start - 40) : start]) - match.start())
        return start

    @staticmethod
    def _town_after(ctx: Context, end: int) -> int:
        """Take in ", Town" after a street when the clause ends there: "2 Orchard Way, Syston, has..."."""
        match = re.match(
            r",\s*([A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+)?)(?=\s*(?:[,.;:!?)]|$|\n))", ctx.text[end:]
        )
        if match is None:
            return end
        town = match.group(1).lower()
        if town in ctx.lexicon.first_names and town not in ctx.lexicon.places:
            return end
        return end + match.end()
