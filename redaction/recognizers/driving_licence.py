from __future__ import annotations

import re

from redaction.recognizer import PatternRecognizer


class DrivingLicenceRecognizer(PatternRecognizer):
    """The 16-character GB driving licence number: surname, encoded date of birth, initials, check."""

    name = "DrivingLicenceRecognizer"
    labels = ("ID",)
    pattern = re.compile(r"\b[A-Z9]{5}\d[0156]\d[0-3]\d{2}[A-Z9]{2}\d[A-Z]{2}(?:\s?\d{2})?\b", re.IGNORECASE)
    explanation = "a GB driving licence number (16-character DVLA shape)"
    score = 0.9
