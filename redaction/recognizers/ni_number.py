from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer

# HMRC rules: neither letter D, F, I, Q, U or V; second letter not O; prefixes BG, GB, KN, NK, NT, TN and ZZ
# are never issued. Spaces, hyphens and the final letter A-D are optional in what people type.
_PREFIX = r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"


class NiNumberRecognizer(PatternRecognizer):
    name = "NiNumberRecognizer"
    labels = ("NI_NUMBER",)
    pattern = re.compile(
        rf"\b{_PREFIX}[ \-]?\d{{2}}[ \-]?\d{{2}}[ \-]?\d{{2}}(?:[ \-]?[A-D])?\b", re.IGNORECASE
    )
    explanation = "a National Insurance number (HMRC prefix rules, six digits)"
    score = 0.9

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        if (
            not match.group()[:2].isupper()
            and "insurance" not in ctx.before(match.start(), 30)
            and not re.search(r"\bni\b|\bnino\b", ctx.before(match.start(), 15))
        ):
            return 0.6, self.explanation + ", typed in lowercase"
        return self.score, self.explanation
