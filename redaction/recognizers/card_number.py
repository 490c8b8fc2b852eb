from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


class CardNumberRecognizer(PatternRecognizer):
    """Payment card numbers: 13 to 19 digits, any grouping, passing the Luhn check."""

    name = "CardNumberRecognizer"
    labels = ("CARD_NUMBER",)
    pattern = re.compile(r"(?<![\d])\d(?:[ \-]?\d){12,18}(?!\d)")
    explanation = "13-19 digits passing the Luhn check of a payment card"
    score = 0.85

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        return (self.score, self.explanation) if luhn_ok(re.sub(r"\D", "", match.group())) else None
