"""Errors raised by the redaction layer.

Messages are fixed strings chosen here: they never contain any part of the text being redacted, because
callers log them and a leaked identifier in a log is exactly what this package exists to prevent.
"""

from __future__ import annotations


class RedactionError(Exception):
    """Redaction failed; the caller must store and send nothing from this message."""


class PipelineUnavailable(RedactionError):
    """The spaCy pipeline cannot be loaded (unknown name, package missing or broken)."""
