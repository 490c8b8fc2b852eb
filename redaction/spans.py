"""The result types: one removed span, and a redacted message with its spans."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# How each label reads in the summary shown to the asker: (singular, plural).
_NOUNS: dict[str, tuple[str, str]] = {
    "PERSON": ("a name", "names"),
    "ADDRESS": ("an address", "addresses"),
    "POSTCODE": ("a postcode", "postcodes"),
    "PHONE": ("a phone number", "phone numbers"),
    "EMAIL": ("an email address", "email addresses"),
    "URL": ("a web address", "web addresses"),
    "HANDLE": ("a social media handle", "social media handles"),
    "NHS_NUMBER": ("an NHS number", "NHS numbers"),
    "NI_NUMBER": ("a National Insurance number", "National Insurance numbers"),
    "DOB": ("a date of birth", "dates of birth"),
    "ORG": ("a named place or organisation", "named places or organisations"),
    "ID": ("a reference number", "reference numbers"),
    "CARD_NUMBER": ("a card number", "card numbers"),
    "BANK_ACCOUNT": ("a bank account number", "bank account numbers"),
    "IP_ADDRESS": ("an IP address", "IP addresses"),
    "VEHICLE_REG": ("a vehicle registration", "vehicle registrations"),
}


@dataclass(frozen=True, slots=True)
class Candidate:
    """What a recognizer proposes: a character range of the normalised text, before placeholders."""

    start: int
    end: int
    label: str
    source: str
    explanation: str
    score: float


@dataclass(frozen=True, slots=True)
class Span:
    """One removed identifier. Offsets index the ORIGINAL input text."""

    start: int
    end: int
    label: str
    source: str
    explanation: str
    placeholder: str
    score: float


@dataclass(frozen=True, slots=True)
class Redacted:
    """A redacted message: the text with placeholders, and what was removed."""

    text: str
    spans: list[Span] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Label -> number of spans removed."""
        return dict(Counter(span.label for span in self.spans))

    def removed_summary(self) -> str:
        """One sentence for the asker, e.g. "2 names and an address were removed before saving."."""
        counts = self.counts()
        if not counts:
            return "Nothing identifying was found, so the message was saved as written."
        order = list(_NOUNS)
        parts = []
        for label in sorted(counts, key=lambda lab: order.index(lab) if lab in order else len(order)):
            singular, plural = _NOUNS.get(label, ("an identifier", "identifiers"))
            n = counts[label]
            parts.append(singular if n == 1 else f"{n} {plural}")
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        verb = "was" if len(self.spans) == 1 else "were"
        return f"{listed[0].upper()}{listed[1:]} {verb} removed before saving."
