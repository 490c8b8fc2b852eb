from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer

# Street words of other countries, as a suffix of the street name or a word of its own.
_SUFFIX = (
    r"(?:katu|tie|kuja|polku|gata|gatan|vägen|vegen|veien|vej|gade|vænget|straße|strasse|str\.?|weg|gasse|laan"
    r"|straat|allee|platz|plein|ulica|utca|tér|út|torget|stræde|stræti|braut|gata|vegur|hove|terrasse|graben"
    r"|brücke|kapu|útja|u\.|ul\.|sor|körút|dalur|ringvej|vej)"
)
_WORD = r"[^\W\d_][\w'’.-]*"
_UNIT = r"(?:(?:Apt|Apartment|Suite|Unit|Flat|Box)\.?\s*\d+)"


class ContinentalAddressRecognizer(PatternRecognizer):
    """Addresses written name-then-number ("Puruntie 82", "Via Franscini 71", "Erzsébet tér 19."), with a
    postal-style number before them or a suite after; and military/PO box addresses."""

    name = "ContinentalAddressRecognizer"
    labels = ("ADDRESS",)
    pattern = re.compile(
        rf"(?:\b\d{{4,6}}\s+)?(?:\b{_WORD}\s+){{0,2}}(?:\b{_WORD})?{_SUFFIX}(?!\w)\.?\s+\d{{1,4}}[a-z]?\b\.?(?:\s+{_UNIT})?"
        rf"|(?:\b\d{{4,6}}\s+)(?:\b{_WORD}\s+){{0,2}}{_WORD}\s+\d{{1,4}}\b\.?(?:\s+{_UNIT})?"
        rf"|\b(?:Via|Rue|Calle|Avenida|Rua|Viale|Piazza|Plaza|Ulica)\s+(?:{_WORD}\s+){{0,3}}\d{{1,4}}\b"
        rf"|(?:\b{_WORD}\s+){{1,2}}\d{{1,4}}\s+{_UNIT}"
        rf"|\b{_UNIT}\b"
        rf"|(?<=\bon |\bat |\bto |\bof )(?:[A-ZÀ-Þ][\w'’.-]*\s+){{1,3}}\d{{1,5}}[a-z]?\b"
        rf"|\b(?:PSC|Unit|CMR)\s+\d{{3,5}},?\s+Box\s+\d{{3,5}}(?:\s+[AFD]PO\s+A[AEP]\s+\d{{5}})?",
        re.IGNORECASE,
    )
    explanation = "a street address written name-then-number"
    score = 0.75

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        first = match.group().split()[0]
        if (
            first[0].isalpha()
            and not first[0].isupper()
            and not re.search(_SUFFIX, match.group(), re.IGNORECASE)
        ):
            return None
        return self.score, self.explanation
