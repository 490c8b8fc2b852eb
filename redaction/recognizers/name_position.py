from __future__ import annotations

import re
from collections.abc import Iterator

from redaction.context import Context, Word
from redaction.lexicon import word_set
from redaction.recognizer import Recognizer
from redaction.spans import Candidate

# Verbs that follow the subject of a clause: "X is being...", "X told me", "X won't".
_VERBS = word_set(
    """
    is isnt isn't was wasnt wasn't are were has hasnt hasn't had hadnt hadn't does doesnt doesn't did didnt
    didn't will wont won't would wouldnt wouldn't can cant can't could couldnt couldn't should may might must
    said says told tells rang rings phoned phones called calls texted texts messaged emailed posted sent
    asked asks wants wanted went goes lives lived came comes keeps kept got gets needs needed seems seemed
    looks looked ran runs left leaves hit hits hurt hurts cried cries refuses refused reckons thinks thought
    admitted admits disclosed discloses mentioned mentions explained explains reported reports claims claimed
    showed shows stays stayed stopped started missed disappeared turned found took takes made makes gave
    gives
    """
)
# Words that make the next word a noun, not a name: "the wifi is", "her freind was".
_DETERMINERS = word_set(
    """
    a an the my your his her its our their this that these those some any no every each another other
    which what whose new old own same such
    """
)
# Tags of the word before a noun that is not a subject name: determiners, possessives, adjectives, nouns.
_MODIFIER_TAGS = ("DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS", "CD", "NN", "NNS")
# Relationship nouns a possessive without its apostrophe comes before: "jaxons mum".
_KIN = word_set(
    """
    mum mam mom dad mother father stepdad stepmum parents nan nana gran grandad grandma brother sister son
    daughter baby kids children partner ex uncle auntie aunt cousin carer carers teacher boyfriend girlfriend
    bf gf friend friends mate mates house home flat place room bedroom family phone number account school
    care plan ehcp file notes
    """
)
# An age after a name: "X (15)", "X, 15,", "X aged 15", "X 15yo".
_AGE = re.compile(
    r"\s*\(\s*(?:aged?\s*)?\d{1,2}\s*(?:yo|y/?o|yrs?|years?(?:\s+old)?)?\s*\)"
    r"|,\s*(?:aged?\s*)?\d{1,2}(?:\s*(?:yo|y/?o|yrs?|years?(?:\s+old)?))?\s*(?:[,.;]|$)"
    r"|\s+aged?\s+\d{1,2}\b"
    r"|\s+\d{1,2}\s*(?:yo|y/o|yrs?\b|years?\s+old)",
    re.IGNORECASE,
)
_NOT_NAME_TAGS = ("MD", "RB", "IN", "CC", "DT", "PRP", "PRP$", "UH", "WRB", "WP", "TO")


class NamePositionRecognizer(Recognizer):
    """Words that are not in the English dictionary, standing where a name stands, in any case.

    The name lists cannot hold every name, and fast typing drops capitals (or uses only capitals). A word
    the dictionary does not know is a name when its position says so: after a role or relationship noun
    ("my client nneka", "her carer jaxon"), as the subject of a clause ("NNEKA is being...", "and zyrah
    told me"), before an age ("X (15)"), or as a possessive ("jaxon's mum", "jaxons mum"). The name then
    grows over the unknown words and surnames next to it.
    """

    name = "NamePositionRecognizer"
    labels = ("PERSON",)

    def find(self, ctx: Context) -> Iterator[Candidate]:
        words = ctx.words
        end = -1
        for i, w in enumerate(words):
            if w.start < end:
                continue
            reason = self._position(ctx, i) if self._unknown(ctx, w) else self._proper_after_cue(ctx, i)
            if reason is None:
                continue
            first, last = self._grow(ctx, i, backwards="role or relationship" not in reason)
            end = words[last].end
            yield self.candidate(words[first].start, end, reason, 0.7)

    def _position(self, ctx: Context, i: int) -> str | None:
        words, w = ctx.words, ctx.words[i]
        prev = words[i - 1] if i > 0 else None
        nxt = words[i + 1] if i + 1 < len(words) else None
        if prev is not None and prev.low in ctx.lexicon.cues and ctx.between(prev, w) in (" ", ", "):
            return f"a word not in the dictionary after the role or relationship word '{prev.low}'"
        if i > 1 and prev is not None and prev.low == "is" and words[i - 2].low in ctx.lexicon.cues:
            return f"a word not in the dictionary given as who the '{words[i - 2].low}' is"
        rest = ctx.text[w.end : w.end + 24]
        if rest.startswith(("'s", "’s", "' ", "’ ")):
            return "a word not in the dictionary used as a possessive"
        if _AGE.match(rest):
            return "a word not in the dictionary before an age"
        if nxt is None or ctx.between(w, nxt) != " ":
            return None
        if w.low.endswith("s") and nxt.low in _KIN and len(w.low) > 3 and not w.upper:
            return "a word not in the dictionary used as a possessive without its apostrophe"
        if self._verb(nxt) and self._clause_start(ctx, i):
            return f"a word not in the dictionary as the subject of '{nxt.low}'"
        if rest.startswith((" and ", " & ")) and self._clause_start(ctx, i):
            # "kezia and tamsin are": the first of two names that share a verb.
            j = ctx.word_from(w.end + 4)
            if j + 1 < len(words) and self._unknown(ctx, words[j]) and self._verb(words[j + 1]):
                return "a word not in the dictionary as one of two subjects"
        return None

    @staticmethod
    def _verb(w: Word) -> bool:
        return w.low in _VERBS or w.tag in ("VBZ", "VBD", "MD")

    def _proper_after_cue(self, ctx: Context, i: int) -> str | None:
        """A dictionary word the tagger reads as a proper noun, between a role noun and a verb or an age
        ("resident brunhild says", "a boy called apollo (12)"): WordNet lists many names of people."""
        w = ctx.words[i]
        if i == 0 or not w.lower or w.tag not in ("NNP", "NNPS") or not self._plain(ctx, w.low):
            return None
        if w.low in ctx.lexicon.ambiguous_names or w.low in ctx.lexicon.chat_words or len(w.low) < 3:
            return None  # "her son will" is for PersonNameRecognizer; "my client defo needs" is chat
        prev, nxt = ctx.words[i - 1], ctx.words[i + 1] if i + 1 < len(ctx.words) else None
        if prev.low not in ctx.lexicon.cues or ctx.between(prev, w) != " ":
            return None
        rest = ctx.text[w.end : w.end + 24]
        if _AGE.match(rest) or (nxt is not None and nxt.low in _VERBS and ctx.between(w, nxt) == " "):
            return f"a word tagged as a proper noun after the role or relationship word '{prev.low}'"
        return None

    @staticmethod
    def _plain(ctx: Context, low: str) -> bool:
        """Not a word kept for advice, a place, a function word, a title, a cue or a known organisation."""
        lex = ctx.lexicon
        return low not in _VERBS and not any(
            low in s
            for s in (
                lex.keep_terms,
                lex.places,
                lex.stop_words,
                lex.titles,
                lex.cues,
                lex.brands,
                lex.org_words,
                lex.street_types,
                lex.house_words,
            )
        )

    @staticmethod
    def _clause_start(ctx: Context, i: int) -> bool:
        w = ctx.words[i]
        if w.sentence_initial or i == 0:
            return True
        prev = ctx.words[i - 1]
        if "," in ctx.between(prev, w):
            return True
        return prev.low not in _DETERMINERS and prev.tag not in _MODIFIER_TAGS

    def _unknown(self, ctx: Context, w: Word) -> bool:
        lex, low = ctx.lexicon, w.low
        if len(low) < 3 and low not in lex.first_names:
            return False
        if w.upper and not any(c in "aeiouy" for c in low):
            return False  # "CPN", "ASB": an abbreviation, not a name
        if w.lower and w.tag is not None and (w.tag in _NOT_NAME_TAGS or w.tag.startswith("VB")):
            return False
        if not self._plain(ctx, low):
            return False
        return not lex.is_word(low) and not ("-" in low and all(lex.is_word(p) for p in low.split("-")))

    def _part(self, ctx: Context, w: Word, seed: Word) -> bool:
        """Another part of the same name, written in the same case: an unknown word, or a listed surname
        that is not an ordinary word ("RR commenter Kairat": the lowercase "commenter" is not)."""
        lex = ctx.lexicon
        if (w.lower, w.upper) != (seed.lower, seed.upper):
            return False
        if self._unknown(ctx, w):
            return True
        return (
            lex.is_name(w.low)
            and w.low not in lex.ambiguous_names
            and (not lex.is_word(w.low) or w.tag in ("NNP", "NNPS"))
            and w.low not in lex.keep_terms
            and w.low not in lex.places
            and w.low not in _VERBS
        )

    def _grow(self, ctx: Context, i: int, *, backwards: bool) -> tuple[int, int]:
        words = ctx.words
        first = last = i
        while (
            backwards
            and first > 0
            and i - first < 2
            and ctx.between(words[first - 1], words[first]) == " "
            and self._part(ctx, words[first - 1], words[i])
        ):
            first -= 1
        while (
            last + 1 < len(words)
            and last - i < 2
            and ctx.between(words[last], words[last + 1]) in (" ", "-")
            and not ctx.text.startswith(("'s", "’s"), words[last].end)
            and self._part(ctx, words[last + 1], words[i])
        ):
            last += 1
        return first, last
