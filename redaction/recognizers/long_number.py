from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer

_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


class LongNumberRecognizer(PatternRecognizer):
    """The safety net: any run of 6 or more digits (spaces, hyphens or dots between groups) is some kind of
    account, case, phone or card number. Ages, years, times and amounts are shorter or differently shaped."""

    name = "LongNumberRecognizer"
    labels = ("ID",)
    pattern = re.compile(r"(?<![\w£$€.,])\(?\d+\)?(?:[ \-.]\(?\d+\)?)*(?![\w%])")
    explanation = "a run of 6 or more digits: an account, case, card or phone number"
    score = 0.55

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        text = match.group()
        if sum(c.isdigit() for c in text) < 6 or _ISO_DATE.search(text):
            return None
        return self.score, self.explanation
