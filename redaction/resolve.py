"""Turn overlapping candidates from many recognizers into one set of non-overlapping spans."""

from __future__ import annotations

import re

from redaction.spans import Candidate


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Merge overlapping candidates into their union, so that no part of any candidate survives.

    A union takes the label and explanation of its most structured member (see ``_PRIORITY``), then its
    longest, because the longest one usually saw the whole identifier ("14 Ashby Road, LE12 9BS" is an
    address, not a postcode).
    """
    ordered = sorted(candidates, key=lambda c: (c.start, -c.end))
    merged: list[Candidate] = []
    group: list[Candidate] = []
    group_end = -1
    for cand in ordered:
        if cand.end <= cand.start:
            continue
        if group and cand.start < group_end:
            group.append(cand)
            group_end = max(group_end, cand.end)
            continue
        if group:
            merged.append(_union(group, group_end))
        group, group_end = [cand], cand.end
    if group:
        merged.append(_union(group, group_end))
    return merged


# When spans of different kinds overlap, the more structured reading names the union: a street named after
# a person ("Victoria Road") is an address, and "Abbey Park" found as a name is still the park.
_PRIORITY = {"PERSON": 0, "ORG": 0}


def _union(group: list[Candidate], end: int) -> Candidate:
    best = max(group, key=lambda c: (_PRIORITY.get(c.label, 2), c.end - c.start, c.score))
    return Candidate(
        group[0].start, end, best.label, best.source, best.explanation, max(c.score for c in group)
    )


# What can follow a street in an address written on one line: units, PO boxes, towns, regions, two-letter
# state codes, countries, postal numbers. Stops at a full stop, question mark or a lowercase word.
_TAIL = re.compile(
    r"(?:[ \t,>|/]*(?:(?:Suite|Apt|Apartment|Unit|Flat|P\.?\s?O\.?\s*Box|Box)\.?\s*\d+[A-Z]?"
    r"|\d{3,6}(?:\s\d{2,3})?\b|\([A-Z][^\W\d_]*\)|[A-ZÀ-ÖØ-Þ\u0370-\u03ff\u0400-\u04ff][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?(?!\w)|nan\b))+"
)
# A building or postal number written before the street ("233 Erzsébet tér 19.").
_HEAD = re.compile(r"(?:\b\d{3,6}\s+|\bthe\s+corner\s+of\s+)$", re.IGNORECASE)
_TAIL_WORDS_STOP = frozenset(
    ("I", "He", "She", "They", "We", "It", "The", "This", "That", "Is", "Can", "Please")
)


def extend_addresses(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Widen each address over the town, region, country and numbers written after it, and a number before.

    Recognizers find the street; the rest of a one-line address identifies as much and would survive.
    """
    out: list[Candidate] = []
    for cand in candidates:
        if cand.label != "ADDRESS":
            out.append(cand)
            continue
        start, end = cand.start, cand.end
        tail = _TAIL.match(text, end)
        if tail:
            pieces = re.split(r"([ \t,>|/]+)", tail.group())
            kept = ""
            for piece in pieces:
                if piece.strip() in _TAIL_WORDS_STOP:
                    break
                kept += piece
            end += len(kept.rstrip(" \t,>|/"))
        head = _HEAD.search(text, 0, start)
        if head:
            start = head.start()
        out.append(Candidate(start, end, cand.label, cand.source, cand.explanation, cand.score))
    return out
