from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer

# BS 7666 postcode shapes: outward code (area letters, district digit, optional letter or digit) and
# inward code (digit and two letters from the allowed set), any case, any spacing between the halves.
_UK = r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]?|GIR)\s*\d\s*[ABD-HJLNP-UW-Z]{2}"


class PostcodeRecognizer(PatternRecognizer):
    """UK postcodes by shape; other postal codes only straight after "zip" or "postcode"."""

    name = "PostcodeRecognizer"
    labels = ("POSTCODE",)
    pattern = re.compile(
        rf"\b{_UK}\b"
        r"|(?<=[^\W\d_] )(?P<after_town>\d{4,5})\b(?![\d.,:/%-])"
        r"|\b(?:zip|zip\s*code|post\s*code|postal\s*code|postcode)\s*(?:is|:)?\s*"
        r"(?P<value>[A-Z0-9]*\d[A-Z0-9]*(?:[ -](?:[A-Z0-9]*\d[A-Z0-9]*|(?-i:[A-Z]{2})))?)\b",
        re.IGNORECASE,
    )
    explanation = "a UK postcode (BS 7666 shape)"
    score = 0.9

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        if match.group("after_town") is not None:
            return self._after_town(match, ctx)
        if match.group("value") is not None:
            if not any(c.isdigit() for c in match.group("value")):
                return None
            return 0.85, "a postal code given after the word postcode or zip"
        return self.score, self.explanation

    @staticmethod
    def _after_town(match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        """Continental postal codes follow the town ("Aalborg 9100"): four or five digits after a
        capitalised word that is not a month, and not a year."""
        number = match.group("after_town")
        words = ctx.text[: match.start()].split()
        town = words[-1] if words else ""
        if (
            not town[:1].isupper()
            or town.lower() in ctx.lexicon.keep_terms
            or town.lower() in ctx.lexicon.stop_words
        ):
            return None
        if re.fullmatch(r"(?:19|20)\d\d", number):
            return None
        return 0.6, "four or five digits after a town, as postal codes are written abroad"
