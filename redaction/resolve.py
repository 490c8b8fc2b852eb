"""Turn overlapping candidates from many recognizers into one set of non-overlapping spans."""

from __future__ import annotations

from redaction.spans import Candidate


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Merge overlapping candidates into their union, so that no part of any candidate survives.

    A union takes the label and explanation of its longest member (ties: the most confident), because the
    longest one usually saw the whole identifier ("14 Ashby Road, LE12 9BS" is an address, not a postcode).
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


def _union(group: list[Candidate], end: int) -> Candidate:
    best = max(group, key=lambda c: (c.end - c.start, c.score))
    return Candidate(group[0].start, end, best.label, best.source, best.explanation, max(c.score for c in group))
