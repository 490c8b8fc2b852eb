"""Redaction: replace identifiers of the people discussed with stable placeholders.

redactor = Redactor.load()                      # once, at start-up; fails closed
state = PlaceholderMap(key)                      # per conversation; store state.to_json()
result = redactor.redact(text, state)            # result.text, result.spans, result.removed_summary()
"""

from redaction.errors import PipelineUnavailable, RedactionError
from redaction.placeholders import PlaceholderMap
from redaction.redactor import DEFAULT_MODEL, Redactor
from redaction.spans import Redacted, Span

__all__ = [
    "DEFAULT_MODEL",
    "PipelineUnavailable",
    "PlaceholderMap",
    "Redacted",
    "RedactionError",
    "Redactor",
    "Span",
]
