from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer

# Words that say "an identifier follows": case and crime references, passports, licences, rooms and beds.
_CUE = (
    r"case\s*(?:ref(?:erence)?|no\.?|number|id)|ref(?:erence)?(?:\s*(?:no\.?|number))?|crime\s*(?:no\.?|number|ref)"
    r"|incident\s*(?:no\.?|number)|log\s*(?:no\.?|number)|passport(?:\s*(?:no\.?|number))?"
    r"|driving\s*licen[cs]e(?:\s*(?:no\.?|number))?|licen[cs]e\s*(?:no\.?|number)|driver'?s\s*licen[cs]e(?:\s*(?:no\.?|number))?"
    r"|(?:hospital|patient|pupil|student|client|member|account|policy|claim|file|staff|employee|payroll|prison|"
    r"home\s*office|ho|port|visa|brp|upn|uln|mrn|id|tenancy|housing)\s*(?:id|no\.?|number|ref)"
    r"|upn|uln|mrn|brp|room|rm|bed|bay|cell"
)


class ReferenceNumberRecognizer(PatternRecognizer):
    """A code with a digit in it straight after a cue ("case ref LCC-CP-0043921", "room 12B", "passport
    no 123456789"), or with the shape of an organisation's reference (letters, separators, 4+ digits)."""

    name = "ReferenceNumberRecognizer"
    labels = ("ID",)
    pattern = re.compile(
        rf"\b(?:{_CUE})\s*(?:is|was|:|#|-)?\s*(?P<value>#?[A-Z0-9][A-Z0-9/\-]*\d[A-Z0-9/\-]*|#?\d[A-Z0-9/\-]*)"
        r"|\b(?P<shaped>[A-Z]{2,6}(?:[-/][A-Z0-9]{1,6})*[-/]\d{4,}[A-Z]?)\b",
        re.IGNORECASE,
    )
    explanation = "a reference or identity number"
    score = 0.85

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        value = match.group("value")
        if value is not None:
            if len(value) < 2:
                return None
            return self.score, "a code given after a cue such as 'case ref', 'passport' or 'room'"
        if match.group("shaped") is not None and match.group("shaped")[:2].isupper():
            return 0.8, "shaped like a case or reference number (letters and 4 or more digits)"
        return None
