from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_DAY}\s*[/.\-]\s*[01]?\d\s*[/.\-]\s*(?:\d{{4}}|\d{{2}})"  # 12/09/1988, 1.3.08
    rf"|\d{{4}}-[01]\d-[0-3]\d"  # 1988-09-12
    rf"|{_DAY}(?:\s+of)?\s+{_MONTH},?\s+(?:\d{{4}}|'?\d{{2}})"  # 1 March 2008, 1st of Mar '08
    rf"|{_MONTH}\s+{_DAY},?\s+\d{{4}}"  # March 1, 2008
    rf"|{_DAY}(?:\s+of)?\s+{_MONTH}"  # 1st March (no year, after a cue)
    rf"|{_MONTH}\s+\d{{4}}"  # March 2008
    rf"|(?:19|20)\d{{2}})"  # born 2008
)
_CUE = r"(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on|\s+in)?|birthday(?:\s+is)?(?:\s+on)?|b\.)"


class DateOfBirthRecognizer(PatternRecognizer):
    """A date in any common format straight after a birth cue ("DOB", "born on", "date of birth"), or a
    full date written in brackets after a name-like position ("(12/09/1988)") where it reads as a DOB."""

    name = "DateOfBirthRecognizer"
    labels = ("DOB",)
    pattern = re.compile(
        rf"\b{_CUE}\s*(?:is|was|:|-)?\s*(?P<value>{_DATE})(?![\d/])"
        rf"|\((?P<bracketed>{_DAY}\s*[/.\-]\s*[01]?\d\s*[/.\-]\s*\d{{4}})\)",
        re.IGNORECASE,
    )
    explanation = "a date of birth"
    score = 0.9

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        if match.group("value") is None:
            return 0.6, "a full date in brackets, as a date of birth is usually given"
        return self.score, "a date of birth (after a birth cue)"
