from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.context import Context, Word
from redaction.lexicon import word_set
from redaction.recognizer import Recognizer
from redaction.spans import Candidate

# Words allowed inside a name between capitalised words ("St Mary's Church of England Primary").
_INNER = frozenset(("of", "and", "&", "the", "de", "on", "upon", "in"))
_LEGAL = word_set(
    """
    inc ltd limited plc llp llc corporation corp co group partners associates
    """
)
_WORKPLACE_CUE = re.compile(
    r"\b(?:works?\s+(?:at|for)|working\s+(?:at|for)|employed\s+(?:at|by)|goes\s+to|attends|pupil\s+at"
    r"|student\s+at|year\s+at|placement\s+at|volunteers?\s+at|is\s+from|from|at)\s+$",
    re.IGNORECASE,
)


class OrganisationRecognizer(Recognizer):
    """Named schools, nurseries, homes, surgeries, clubs, hotels, shops and firms: a capitalised name ending
    in such a word ("Glenfield Primary", "Rosewood Children's Home"), a known shop ("Tesco Extra"), a firm
    ("Mayo, Walters and Bell"), or a capitalised name after "works at" or "is from"."""

    name = "OrganisationRecognizer"
    labels = ("ORG",)

    def find(self, ctx: Context) -> Iterator[Candidate]:
        lex = ctx.lexicon
        words = ctx.words
        for i, w in enumerate(words):
            if w.low in lex.brands and (w.capitalised or w.low in ("tesco", "asda", "aldi", "lidl")):
                end = i
                while (
                    end + 1 < len(words)
                    and words[end + 1].capitalised
                    and ctx.between(words[end], words[end + 1]) == " "
                    and lex.is_word(words[end + 1].low)
                    and words[end + 1].low not in lex.keep_terms
                ):
                    end += 1
                yield self.candidate(
                    w.start, words[end].end, "a shop or employer that places the person", 0.8
                )
            elif w.low in lex.org_words and w.capitalised:
                first = self._name_before(ctx, i)
                if first is not None:
                    what = "a firm" if w.low in _LEGAL else "a named school, home, surgery, club or workplace"
                    yield self.candidate(words[first].start, w.end, what, 0.85)
        yield from self._firms(ctx)
        yield from self._after_cue(ctx)

    def _name_before(self, ctx: Context, i: int) -> int | None:
        lex = ctx.lexicon
        words = ctx.words
        first = i
        distinctive = False
        k = i - 1
        while (
            k >= 0
            and i - k <= 5
            and ctx.between(words[k], words[k + 1]) in (" ", "-", "'s ", "’s ", ", ", " & ")
        ):
            cand = words[k]
            if cand.capitalised and cand.low not in lex.stop_words:
                first = k
                if (
                    cand.low not in lex.org_words
                    and cand.low not in lex.keep_terms
                    and cand.low not in lex.titles
                ):
                    distinctive = True
            elif cand.low in _INNER and k > 0 and words[k - 1].capitalised:
                pass
            else:
                break
            k -= 1
        if not distinctive:
            return None
        while words[first].low in _INNER:
            first += 1
        # "Leicester Hospital" alone names a town's service, not a person's place; keep it.
        named = [w for w in words[first:i] if w.low not in _INNER]
        if all(w.low in lex.places or w.low in lex.keep_terms for w in named) and words[i].low not in _LEGAL:
            return None
        return first

    def _firms(self, ctx: Context) -> Iterator[Candidate]:
        """ "Hawkins, Richardson and Santana" - two or more surnames joined like a firm's name."""
        firm = r"\b[A-Za-z][\w'-]+(?:,\s+[A-Za-z][\w'-]+)+,?\s+(?:and|&)\s+[A-Za-z][\w'-]+"
        for match in re.finditer(firm, ctx.text):
            parts = re.split(r",\s+|,?\s+(?:and|&)\s+", match.group())
            capitalised = all(p[0].isupper() for p in parts)
            if all(
                ctx.lexicon.is_name(p.lower()) or (capitalised and not ctx.lexicon.is_word(p.lower()))
                for p in parts
            ):
                yield self.candidate(*match.span(), "a firm named after its partners", 0.7)

    def _after_cue(self, ctx: Context) -> Iterator[Candidate]:
        lex = ctx.lexicon
        words = ctx.words
        i = 0
        while i < len(words):
            w = words[i]
            if not (
                w.capitalised
                and not w.sentence_initial
                and _WORKPLACE_CUE.search(ctx.text[max(0, w.start - 25) : w.start])
            ):
                i += 1
                continue
            end = i
            while (
                end + 1 < len(words)
                and words[end + 1].capitalised
                and ctx.between(words[end], words[end + 1]) == " "
            ):
                end += 1
            run: list[Word] = words[i : end + 1]
            if (
                any(x.low in lex.places or x.low in lex.keep_terms or x.low in lex.titles for x in run)
                or (len(run) == 1 and lex.is_word(w.low) and not lex.is_name(w.low))
                or (len(run) == 1 and lex.is_name(w.low))
            ):
                i = end + 1
                continue
            yield self.candidate(
                w.start, words[end].end, "a capitalised name after 'works at', 'is from' or similar", 0.6
            )
            i = end + 1
