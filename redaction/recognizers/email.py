from __future__ import annotations

import re

from redaction.recognizer import PatternRecognizer


class EmailRecognizer(PatternRecognizer):
    name = "EmailRecognizer"
    labels = ("EMAIL",)
    pattern = re.compile(r"\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\b")
    explanation = "an email address (name@domain)"
    score = 0.99
