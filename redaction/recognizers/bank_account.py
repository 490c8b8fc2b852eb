from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer


def iban_ok(iban: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to numbers, mod 97 must be 1."""
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


class BankAccountRecognizer(PatternRecognizer):
    """IBANs (checked mod 97) and UK sort code plus account number."""

    name = "BankAccountRecognizer"
    labels = ("BANK_ACCOUNT",)
    pattern = re.compile(
        r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b"
        r"|\b\d{2}[- ]\d{2}[- ]\d{2}[ ,]+(?:a/?c\s*)?\d{8}\b"
    )
    explanation = "a bank account number"
    score = 0.9

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        raw = match.group().replace(" ", "")
        if raw[:2].isalpha():
            return (0.95, "an IBAN with a valid mod-97 check") if iban_ok(raw) else None
        return 0.85, "a sort code and account number"
