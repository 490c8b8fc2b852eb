from __future__ import annotations

from collections.abc import Iterator

from redaction.context import Context, Word
from redaction.lexicon import word_set
from redaction.recognizer import Recognizer
from redaction.spans import Candidate

# A lowercase word straight after one of these is the verb of its clause, not a surname.
_SUBJECT_PRONOUNS = word_set("i you he she we they it who")

# Lowercase particles inside names ("van der Berg", "bin Laden", "ap Rhys").
_PARTICLES = word_set(
    """
    van von der den de del della da di du le la ten ter bin ibn bint al el ap
    """
)
_SUFFIXES = frozenset(["jr", "jnr", "sr", "snr", "ii", "iii", "iv"])
# Verbs that commonly follow a name at the start of a sentence ("Grace said", "Will is scared").
_AFTER_NAME = word_set(
    """
    said says told tells is was has had called rang phoned texted messaged posted sent asked wants
    went lives lived came keeps kept didn't doesn't isn't wasn't won't can't hasn't
    """
)
# Titles that are also ordinary words need a capital letter to count as a title.
_WORDY_TITLES = word_set(
    """
    sister father lady lord miss sir dame baby grandad granddad grandpa grandma granny grandmother
    grandfather nan nana nanna nanny gran auntie aunty aunt uncle
    """
)
_MODAL_OR_VERB = ("MD", "VB", "VBP", "VBZ", "VBD", "VBG", "VBN", "RB", "IN", "UH")


class PersonNameRecognizer(Recognizer):
    """Names of people from word lists, capitals, titles and cue words, in any case and shape.

    A seed is a word that is a name on its own evidence; a seed then grows over the neighbouring words that
    look like more of the same name (surnames, initials, particles) and takes in a title before it.
    """

    name = "PersonNameRecognizer"
    labels = ("PERSON",)

    def find(self, ctx: Context) -> Iterator[Candidate]:
        words = ctx.words
        taken = [False] * len(words)
        for i in range(len(words)):
            if taken[i]:
                continue
            reason = self._seed(ctx, i)
            if reason is None:
                continue
            first, last = self._grow(ctx, i)
            for k in range(first, last + 1):
                taken[k] = True
            yield self.candidate(words[first].start, words[last].end, reason[1], reason[0])

    # -- seeds ------------------------------------------------------------------------------------------

    def _seed(self, ctx: Context, i: int) -> tuple[float, str] | None:
        lex = ctx.lexicon
        w = ctx.words[i]
        low = w.low
        prev = ctx.words[i - 1] if i > 0 and self._adjacent(ctx, ctx.words[i - 1], w) else None
        nxt = (
            ctx.words[i + 1] if i + 1 < len(ctx.words) and self._adjacent(ctx, w, ctx.words[i + 1]) else None
        )
        if self._is_title(w, nxt, ctx):
            return 0.85, "a title (Mr, Mrs, Dr, Grandad...) followed by a name"
        if low in lex.keep_terms or len(low) < 2:
            return None
        if self._named_by_phrase(ctx, i):
            return 0.8, "a word given as someone's name ('my name is', 'surname is')"
        double = "-" in low and all(lex.is_name(part) for part in low.split("-"))
        if double and not self._compound_word(w, prev):
            return 0.75, "a double-barrelled surname from the name list"
        if prev is not None and prev.low in lex.cues and self._nameish(ctx, w, after_cue=True):
            return 0.8, f"a name after the cue word '{prev.low}'"
        places = low in lex.places and not (nxt is not None and self._surname_like(ctx, nxt))
        if low in lex.first_names and not places:
            if low not in lex.ambiguous_names:
                return 0.85, "a first name from the multicultural name list"
            if self._ambiguous_is_name(ctx, i, nxt):
                return 0.75, "a name that is also a word, used as a name here (capital, context)"
            return None
        if self._foreign_lowercase(ctx, w):
            return 0.55, "a lowercase word with non-English letters that is not in the dictionary"
        if (
            not w.capitalised
            or places
            or low in lex.brands
            or low in lex.org_words
            or low in lex.street_types
        ):
            return None
        if not lex.is_word(low) and not w.upper:
            if w.sentence_initial and nxt is not None and nxt.lower and not self._followed_like_name(ctx, i):
                # "Hiya everyone" - an unknown word opening a sentence is weak evidence on its own.
                return 0.5, "a capitalised word that is not in the English dictionary"
            return 0.65, "a capitalised word that is not in the English dictionary"
        if w.upper and low in lex.surnames and not lex.is_word(low):
            return 0.7, "a surname from the name list, in capitals"
        if low in lex.surnames and w.tag in ("NNP", "NNPS") and low not in lex.stop_words:
            if w.upper and self._shouting(ctx):
                # In a message typed in capitals the tagger calls every word a proper noun ("HER ARMS").
                return None
            return 0.6, "a surname from the name list, tagged as a proper noun"
        return None

    def _foreign_lowercase(self, ctx: Context, w: Word) -> bool:
        """A lowercase word with non-English letters ("jerković", "guðgeir"), not in the dictionary."""
        return (
            w.lower
            and len(w.low) > 3
            and not w.low.isascii()
            and not ctx.lexicon.is_word(w.low)
            and w.low not in ctx.lexicon.keep_terms
            and w.low not in ctx.lexicon.places
        )

    @staticmethod
    def _named_by_phrase(ctx: Context, i: int) -> bool:
        before = ctx.text[max(0, ctx.words[i].start - 30) : ctx.words[i].start].lower()
        return (
            before.rstrip().endswith(
                (
                    "name is",
                    "name's",
                    "names are",
                    "surname is",
                    "name:",
                    "name?",
                    "it's under",
                    "is under",
                    "name was",
                )
            )
            and ctx.words[i].low not in ctx.lexicon.stop_words
        )

    @staticmethod
    def _compound_word(w: Word, prev: Word | None) -> bool:
        """A lowercase hyphenated word that reads as a verb or common compound, not a surname: "she
        self-harms", "he self-isolates". Capitalised forms ("Self-Harms") are still names."""
        if not w.lower:
            return False
        return w.low.startswith("self-") or (prev is not None and prev.low in _SUBJECT_PRONOUNS)

    def _is_title(self, w: Word, nxt: Word | None, ctx: Context) -> bool:
        lex = ctx.lexicon
        if w.low not in lex.titles or nxt is None:
            return False
        if w.upper and not (lex.is_name(nxt.low) and nxt.upper):
            # "MS" is also multiple sclerosis; in capitals, a title needs a known name after it.
            return False
        if w.low in _WORDY_TITLES and (not w.capitalised or (w.upper and self._shouting(ctx))):
            # "miss the bus"; "HER SISTER CHIOMA" in a message typed in capitals.
            return False
        if nxt.low in lex.keep_terms or nxt.low in lex.titles or nxt.low in lex.places:
            return False
        # "Mrs appiah" (lowercase surname) counts; "miss the bus" does not: a lowercase word after a title
        # must not be an ordinary word unless it is a known name.
        return nxt.capitalised or lex.is_name(nxt.low) or not lex.is_word(nxt.low)

    def _ambiguous_is_name(self, ctx: Context, i: int, nxt: Word | None) -> bool:
        w = ctx.words[i]
        if not w.capitalised:
            return self._possessive(ctx, w) or (w.sentence_initial and self._followed_like_name(ctx, i))
        if w.tag == "MD":
            return False
        if not w.sentence_initial:
            return True
        if nxt is not None and self._surname_like(ctx, nxt):
            return True
        if self._followed_like_name(ctx, i):
            return True
        return w.tag in ("NNP", "NNPS") and (nxt is None or nxt.tag not in ("PRP", "PRP$", "DT"))

    def _followed_like_name(self, ctx: Context, i: int) -> bool:
        w = ctx.words[i]
        rest = ctx.text[w.end : w.end + 6]
        if rest.startswith(("'s", "’s", " (", ",", ":")) or self._possessive(ctx, w):
            return True
        nxt = ctx.words[i + 1] if i + 1 < len(ctx.words) else None
        return nxt is not None and nxt.low in _AFTER_NAME and ctx.between(w, nxt) == " "

    @staticmethod
    def _shouting(ctx: Context) -> bool:
        return sum(w.upper for w in ctx.words) * 2 > len(ctx.words)

    @staticmethod
    def _possessive(ctx: Context, w: Word) -> bool:
        return ctx.text[w.end : w.end + 2] in ("'s", "’s")

    # -- growing ----------------------------------------------------------------------------------------

    def _grow(self, ctx: Context, i: int) -> tuple[int, int]:
        words = ctx.words
        first = last = i
        lowercase_seed = words[i].lower
        while first > 0 and self._adjacent(ctx, words[first - 1], words[first]):
            prev = words[first - 1]
            if self._is_title(prev, words[first], ctx) or (
                not lowercase_seed
                and prev.title
                and not prev.sentence_initial
                and self._surname_like(ctx, prev)
                and prev.low in ctx.lexicon.first_names
            ):
                first -= 1
            else:
                break
        while last + 1 < len(words) and self._adjacent(ctx, words[last], words[last + 1]):
            nxt = words[last + 1]
            if self._possessive(ctx, words[last]):
                break
            if nxt.low in _PARTICLES:
                k = last + 1
                while k < len(words) and words[k].low in _PARTICLES and k - last <= 3:
                    k += 1
                if k < len(words) and words[k].capitalised and self._adjacent(ctx, words[k - 1], words[k]):
                    last = k
                    continue
                break
            if nxt.low in _SUFFIXES and nxt.capitalised:
                last += 1
                continue
            if lowercase_seed:
                if nxt.lower and (self._lower_surname(ctx, nxt) or self._foreign_lowercase(ctx, nxt)):
                    last += 1
                    continue
                # "eric g. samoylova": a lowercase initial between two parts of a name.
                if (
                    len(nxt.text) == 1
                    and last + 2 < len(words)
                    and self._adjacent(ctx, nxt, words[last + 2])
                    and words[last + 2].lower
                    and not ctx.lexicon.is_word(words[last + 2].low)
                ):
                    last += 2
                    continue
                break
            if self._surname_like(ctx, nxt) or self._initial(ctx, nxt):
                last += 1
                continue
            break
        if words[first].low in ctx.lexicon.titles and first == last:
            last = min(last + 1, len(words) - 1)
        return first, last

    def _surname_like(self, ctx: Context, w: Word) -> bool:
        lex = ctx.lexicon
        if not w.capitalised or w.low in lex.keep_terms or w.low in lex.titles or w.low in lex.places:
            return False
        if w.low in lex.street_types or w.low in lex.org_words or w.low in lex.house_words:
            return False
        if w.upper:
            # In text typed in capitals the tagger calls everything a proper noun; trust the word lists.
            if w.low in lex.stop_words or w.low in _AFTER_NAME:
                return False
            return lex.is_name(w.low) or not lex.is_word(w.low)
        return lex.is_name(w.low) or not lex.is_word(w.low) or w.tag in ("NNP", "NNPS")

    def _lower_surname(self, ctx: Context, w: Word) -> bool:
        lex = ctx.lexicon
        if w.low in lex.keep_terms or w.low in lex.street_types:
            return False
        return (lex.is_name(w.low) and (not lex.is_word(w.low) or w.tag in ("NNP", "NNPS"))) or (
            not lex.is_word(w.low) and w.low not in lex.stop_words and len(w.low) > 2
        )

    @staticmethod
    def _initial(ctx: Context, w: Word) -> bool:
        return len(w.text) == 1 and w.text.isupper()

    @staticmethod
    def _adjacent(ctx: Context, left: Word, right: Word) -> bool:
        """Only a space (or a full stop after an initial or title) between two parts of one name."""
        gap = ctx.between(left, right)
        return gap in (" ", "-") or (gap == ". " and (len(left.text) <= 2 or left.low in ctx.lexicon.titles))

    def _nameish(self, ctx: Context, w: Word, *, after_cue: bool) -> bool:
        lex = ctx.lexicon
        if w.low in lex.keep_terms or w.low in lex.places or w.low in lex.titles:
            return False
        if w.low in lex.first_names:
            return True
        return (
            w.capitalised and not w.sentence_initial and (not lex.is_word(w.low) or w.tag in ("NNP", "NNPS"))
        )
