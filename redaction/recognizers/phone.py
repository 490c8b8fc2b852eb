from __future__ import annotations

from collections.abc import Iterator

import phonenumbers

from redaction.context import Context
from redaction.recognizer import Recognizer
from redaction.spans import Candidate


class PhoneRecognizer(Recognizer):
    """Phone numbers as ``phonenumbers`` reads them: UK numbers in any layout, and international ones."""

    name = "PhoneRecognizer"
    labels = ("PHONE",)

    def find(self, ctx: Context) -> Iterator[Candidate]:
        seen: set[tuple[int, int]] = set()
        for region in ("GB", "US"):
            matcher = phonenumbers.PhoneNumberMatcher(
                ctx.text, region, leniency=phonenumbers.Leniency.POSSIBLE
            )
            for match in matcher:
                span = (match.start, match.end)
                if span in seen:
                    continue
                seen.add(span)
                digits = sum(c.isdigit() for c in match.raw_string)
                if digits < 7:
                    continue
                valid = phonenumbers.is_valid_number(match.number)
                where = phonenumbers.region_code_for_number(match.number) or region
                yield self.candidate(
                    match.start,
                    match.end,
                    f"a {'valid' if valid else 'possible'} phone number ({where})",
                    0.95 if valid else 0.6,
                )
