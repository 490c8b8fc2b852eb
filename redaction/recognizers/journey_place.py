from __future__ import annotations

import re

from redaction.context import Context
from redaction.lexicon import word_set
from redaction.recognizer import PatternRecognizer

# A town on its own is kept, but the place a person arrived from, fled or was taken to traces their route
# ("arrived from Calais last week"), which in asylum and trafficking cases identifies them.
_VERBS = (
    r"(?:arrived|came|come|fled|escaped|travelled|traveled|trafficked|smuggled|brought|taken|moved|sent"
    r"|deported|returned)"
)


class JourneyPlaceRecognizer(PatternRecognizer):
    name = "JourneyPlaceRecognizer"
    labels = ("ADDRESS",)
    pattern = re.compile(
        rf"\b{_VERBS}\s+(?:here\s+|over\s+|back\s+)?(?:from|to|via)\s+(?:the\s+)?(?P<value>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"
    )
    explanation = "a place on the person's journey (arrived from, fled, taken to)"
    score = 0.6

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        # Countries stay: "came from Syria" is needed for the advice and names no one.
        words = match.group("value").lower().split()
        if words[0] in ctx.lexicon.keep_terms or words[0] in _COUNTRIES:
            return None
        return self.score, self.explanation


_COUNTRIES = word_set(
    """
    england scotland wales ireland britain uk france germany spain italy portugal poland romania
    bulgaria hungary ukraine russia lithuania latvia estonia albania kosovo serbia croatia greece
    turkey syria iraq iran afghanistan pakistan india bangladesh sri nepal china vietnam nigeria
    ghana kenya somalia ethiopia eritrea sudan egypt libya morocco zimbabwe jamaica europe africa
    asia
    """
)
