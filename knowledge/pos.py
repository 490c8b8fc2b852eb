"""Coarse part-of-speech tags from the tagger's fine tags, without the attribute ruler's matcher.

The English pipelines set ``Token.pos_`` in an ``attribute_ruler`` that runs a spaCy ``Matcher`` over some 180
patterns (tag maps plus word and dependency exceptions) and also writes morphology the engine never reads; it
cost about 0.6 ms a message. The engine only reads ``pos_``, so ``compile_pos_rules`` turns the ruler's POS
patterns into lookups keyed by tag, and ``PosMapper`` applies them in the ruler's order (a later pattern
overrides an earlier one, as in the ruler). A test checks that the two agree on every question we have.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PosRule:
    order: int
    pos: str
    tag: frozenset[str] | None  # None: any tag
    tag_not: frozenset[str] | None
    lower: frozenset[str] | None
    dep: frozenset[str] | None
    dep_not: frozenset[str] | None
    prev_dep: str | None  # two-token rules: the previous token's dependency ("there is")
    space: bool | None


def _values(spec: Any) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    if spec is None:
        return None, None
    if isinstance(spec, str):
        return frozenset({spec}), None
    if "IN" in spec:
        return frozenset(spec["IN"]), None
    return None, frozenset(spec["NOT_IN"])


def compile_pos_rules(patterns: list[dict[str, Any]]) -> list[PosRule] | None:
    """The ruler's POS patterns as rules; None if a pattern uses something this module does not handle."""
    rules: list[PosRule] = []
    for order, p in enumerate(patterns):
        if "POS" not in p["attrs"]:
            continue
        for pattern in p["patterns"]:
            index = p.get("index", 0)
            if len(pattern) == 2 and index == 1 and set(pattern[0]) == {"DEP"}:
                prev_dep: str | None = pattern[0]["DEP"]
            elif len(pattern) == 1 and index == 0:
                prev_dep = None
            else:
                return None
            tok = pattern[-1]
            if set(tok) - {"TAG", "LOWER", "DEP", "IS_SPACE"}:
                return None
            tag, tag_not = _values(tok.get("TAG"))
            lower, lower_not = _values(tok.get("LOWER"))
            dep, dep_not = _values(tok.get("DEP"))
            if lower_not is not None:
                return None
            space = tok.get("IS_SPACE")
            rules.append(
                PosRule(order, p["attrs"]["POS"], tag, tag_not, lower, dep, dep_not, prev_dep, space)
            )
    return rules


class PosMapper:
    """Applies compiled POS rules: per token, only the rules for its tag plus the few tag-free ones."""

    def __init__(self, rules: list[PosRule]) -> None:
        self.by_tag: dict[str, list[PosRule]] = {}
        self.generic: list[PosRule] = []
        for rule in rules:
            if rule.tag is None:
                self.generic.append(rule)
            else:
                for tag in rule.tag:
                    self.by_tag.setdefault(tag, []).append(rule)
        self._cache: dict[str, list[PosRule]] = {}

    def _rules(self, tag: str) -> list[PosRule]:
        rules = self._cache.get(tag)
        if rules is None:
            rules = sorted([*self.by_tag.get(tag, []), *self.generic], key=lambda r: r.order)
            self._cache[tag] = rules
        return rules

    def __call__(self, doc: Any) -> Any:
        for tok in doc:
            tag = tok.tag_
            pos = None
            for rule in self._rules(tag):
                if rule.tag_not is not None and tag in rule.tag_not:
                    continue
                if rule.lower is not None and tok.lower_ not in rule.lower:
                    continue
                if rule.dep is not None and tok.dep_ not in rule.dep:
                    continue
                if rule.dep_not is not None and tok.dep_ in rule.dep_not:
                    continue
                if rule.space is not None and tok.is_space != rule.space:
                    continue
                if rule.prev_dep is not None and (tok.i == 0 or doc[tok.i - 1].dep_ != rule.prev_dep):
                    continue
                pos = rule.pos
            if pos is not None:
                tok.pos_ = pos
        return doc


def take_over_attribute_ruler(nlp: Any) -> PosMapper | None:
    """Disable the pipeline's attribute ruler and return a mapper that sets the same POS tags, if its POS
    patterns can be compiled (else leave the ruler running and return None)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return None
    rules = compile_pos_rules(list(nlp.get_pipe("attribute_ruler").patterns))
    if rules is None:
        return None
    nlp.disable_pipe("attribute_ruler")
    return PosMapper(rules)
