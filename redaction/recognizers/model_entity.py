from __future__ import annotations

from collections.abc import Iterator

from redaction.context import Context
from redaction.recognizer import Recognizer
from redaction.spans import Candidate

_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "FAC": "ORG"}


class ModelEntityRecognizer(Recognizer):
    """People, organisations and buildings found by the English model's named-entity recognizer.

    The small model also tags roles and agencies ("GP", "MARAC") as entities, so words that advice needs
    are trimmed from each entity's edges, and an entity left with nothing distinctive is dropped.
    """

    name = "spacy_ner"
    labels = ("PERSON", "ORG")

    def find(self, ctx: Context) -> Iterator[Candidate]:
        lex = ctx.lexicon
        for start, end, label in ctx.entities:
            ours = _LABELS.get(label)
            if ours is None:
                continue
            words = [w for w in ctx.words_in(start, end)]
            while words and (
                not words[0].capitalised
                or words[0].low in lex.keep_terms
                or words[0].low == "the"
                # A capitalised ordinary word opening a sentence ("Ref", "Please") is not part of a name.
                or (words[0].sentence_initial and lex.is_word(words[0].low) and not lex.is_name(words[0].low))
            ):
                words.pop(0)
            while words and (
                words[-1].low in lex.keep_terms or words[-1].low in lex.places or not words[-1].capitalised
            ):
                words.pop()
            if not words:
                continue
            distinctive = [
                w
                for w in words
                if w.low not in lex.keep_terms
                and w.low not in lex.places
                and w.low not in lex.titles
                and not (w.upper and len(w.text) <= 4 and ours == "ORG")
            ]
            if not distinctive:
                continue
            if len(words) == 1 and lex.is_word(words[0].low) and words[0].low not in lex.first_names:
                # A single ordinary word tagged as an entity ("Snap", "Box") is more often a slip than a name.
                continue
            score = 0.7 if ours == "PERSON" else 0.55
            what = "a person" if ours == "PERSON" else "an organisation or building"
            yield self.candidate(
                words[0].start, words[-1].end, f"the English model recognised {what}", score, ours
            )
