from __future__ import annotations

import re

from redaction.context import Context
from redaction.recognizer import PatternRecognizer

# Current UK plates (two letters, age identifier, three letters) by shape; older prefix/suffix plates only
# after a cue, since their shapes are too close to ordinary codes.
_CURRENT = r"[A-Z]{2}\d{2}\s?[A-Z]{3}"
_OLDER = r"[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z]"
_CUE = r"\b(?:reg(?:istration)?|number\s*plate|plate|car|van|vehicle|vrm)\b"


class VehicleRegistrationRecognizer(PatternRecognizer):
    name = "VehicleRegistrationRecognizer"
    labels = ("VEHICLE_REG",)
    pattern = re.compile(rf"\b(?:{_CURRENT}|{_OLDER})\b", re.IGNORECASE)
    explanation = "a UK vehicle registration"
    score = 0.8

    def check(self, match: re.Match[str], ctx: Context) -> tuple[float, str] | None:
        text = match.group()
        cued = bool(re.search(_CUE, ctx.before(match.start(), 25)))
        current = re.fullmatch(_CURRENT, text.upper()) is not None
        if current and (text.isupper() or cued):
            return self.score, "a UK vehicle registration (two letters, two digits, three letters)"
        if cued:
            return 0.75, "a vehicle registration given after a cue such as 'reg'"
        return None
