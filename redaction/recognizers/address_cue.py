from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer

# Phrases after which an address follows, and where the address stops: the end of the clause.
_CUE = (
    r"(?:home\s+|billing\s+|new\s+|postal\s+|delivery\s+|correspondence\s+)?address(?:\s+is|\s+was|\s+with)?\s*:?"
    r"|lives?\s+at|living\s+at|staying\s+at|stays\s+at|moved\s+to|moving\s+to|send\s+(?:it|them|this|a\s+new\s+one|\w+)\s+to"
    r"|return\s+(?:it\s+)?to|(?:sent|deliver(?:ed)?|posted|mailed|taxi|drive|driven|go|went|come|came)\s+to|side\s+of|located\s+(?:at|on|in)|office\s+is\s+at|is\s+at|meet\s+(?:you|me|him|her)\s+at|off\s+at|restaurant\s+is\s+at"
)
_STOP = (
    r"[?!\n]|\.(?=\s+[A-Z][a-z]|\s*$)|\s+(?:in\s+case|after|for|before|because|but|if|when|with|who|where|which"
    r"|and\s+(?=[a-z])|since|until|yesterday|today|tonight|last|next|so)\b|$"
)


class AddressCueRecognizer(PatternRecognizer):
    """Whatever follows "lives at", "address:", "send it to" up to the end of the clause, when it starts
    like an address (a number, a capital letter, "Flat", "the corner of"). Catches addresses in shapes the
    street recognizer does not know, including foreign ones."""

    name = "AddressCueRecognizer"
    labels = ("ADDRESS",)
    pattern = re.compile(
        rf"\b(?:{_CUE})\s+(?P<value>(?:the\s+corner\s+of\s+)?(?:\d|[A-Z]|PSC|Unit|Flat)[^\n]{{1,120}}?)(?={_STOP})",
        re.IGNORECASE,
    )
    explanation = "an address given after a cue such as 'lives at' or 'address:'"
    score = 0.7

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        value = match.group("value")
        first = value.split()[0]
        # Case-insensitive matching lets "lives at home" through; an address starts with a digit or a capital.
        if not (first[0].isdigit() or first[0].isupper() or value.lower().startswith("the corner")):
            return None
        head = first.lower().rstrip("'’s")
        if head in ctx.lexicon.keep_terms or head in ctx.lexicon.titles:
            return None
        if len(value.split()) == 1 and (
            first.lower() in ctx.lexicon.places or not any(c.isdigit() for c in value)
        ):
            return None
        if not any(c.isdigit() for c in value) and len(value.split()) > 6:
            return None
        return self.score, self.explanation
