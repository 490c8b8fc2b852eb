from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer

_CUE = re.compile(r"\b(?:nhs|chi|hospital|patient)\b", re.IGNORECASE)


def nhs_checksum_ok(digits: str) -> bool:
    """The NHS number check digit: weights 10..2 on the first nine digits, 11 - (sum mod 11)."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


class NhsNumberRecognizer(PatternRecognizer):
    """Ten digits in any grouping; the mod-11 check raises confidence, a cue word rescues a mistyped one."""

    name = "NhsNumberRecognizer"
    labels = ("NHS_NUMBER",)
    pattern = re.compile(r"(?<![\d+])\d(?:[ \-.]?\d){9}(?![\d])")
    explanation = "10 digits with a valid NHS mod-11 checksum"

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        digits = re.sub(r"\D", "", match.group())
        cued = bool(_CUE.search(ctx.before(match.start(), 30)))
        if nhs_checksum_ok(digits):
            return (0.95 if cued else 0.75), self.explanation
        if cued:
            return 0.7, "10 digits after the word NHS (checksum fails, perhaps mistyped)"
        return None
