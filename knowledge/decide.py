"""Evaluating the decision table (``data/decisions.yaml``) over facts.

The table is data; this module only knows how to test a row's conditions, derive the three summary facts the
rows are written against (``override``, ``group``, ``receiver``), and collect what the chosen row cites.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.models import Condition, DecisionTable, Fact, FactValue, FollowUpSpec, Inform, Rule

AGENCIES = {"social_care", "police", "health", "fire", "dbs", "lado", "school", "legal", "marac"}


@dataclass
class Decision:
    rule: Rule
    facts: dict[str, Fact]
    cited: list[str]
    follow_up: FollowUpSpec | None
    overrides: list[str] = field(default_factory=list)
    inform: Inform | None = None


def derive(facts: dict[str, Fact], table: DecisionTable) -> dict[str, Fact]:
    """Add the derived facts ``override``, ``group`` and ``receiver`` (each with its reasons)."""
    out = dict(facts)
    hits = [f for f in table.override_facts if _equal(facts.get(f.fact), f.value)]
    if hits:
        names = ", ".join(facts[h.fact].explanation for h in hits)
        out["override"] = Fact(
            name="override",
            value=True,
            evidence=facts[hits[0].fact].evidence,
            explanation=f"a refusal can be overridden because: {names}",
        )
    subject = facts.get("subject")
    group = "unknown"
    if subject is not None:
        group = "child" if subject.value in ("child", "unborn") else "adult"
    out["group"] = Fact(
        name="group",
        value=group,
        evidence=subject.evidence if subject else "",
        explanation=f"the {'children' if group == 'child' else 'adults'}' rules apply"
        if group != "unknown"
        else "it is not clear whether this is a child or an adult",
    )
    recipient = facts.get("recipient")
    receiver = "unknown"
    if recipient is not None:
        value = str(recipient.value)
        if value in ("manager", "colleague"):
            receiver = "internal"
        elif value in AGENCIES:
            receiver = "agency"
        elif value in ("family", "curious", "abuser", "publicity"):
            receiver = value
        else:
            receiver = "other"
    out["receiver"] = Fact(
        name="receiver",
        value=receiver,
        evidence=recipient.evidence if recipient else "",
        explanation=recipient.explanation if recipient else "no receiver named",
    )
    return out


def _equal(fact: Fact | None, value: FactValue) -> bool:
    if fact is None:
        return False
    if isinstance(value, bool) or isinstance(fact.value, bool):
        return fact.value is value
    return str(fact.value) == str(value)


def holds(facts: dict[str, Fact], name: str, condition: Condition) -> bool:
    """Does one condition of a row hold?"""
    fact = facts.get(name)
    options = condition if isinstance(condition, list) else [condition]
    for option in options:
        if option is True and fact is not None and fact.value is True:
            return True
        if option is False and (fact is None or fact.value is False):
            return True
        if isinstance(option, str):
            if option == "unknown" and fact is None:
                return True
            if option == "known" and fact is not None:
                return True
            if option.startswith("!"):
                if fact is None or str(fact.value) != option[1:]:
                    return True
                continue
            if fact is not None and not isinstance(fact.value, bool) and str(fact.value) == option:
                return True
    return False


def matches(rule: Rule, facts: dict[str, Fact]) -> bool:
    if not all(holds(facts, name, cond) for name, cond in rule.when.items()):
        return False
    return not rule.any_of or any(all(holds(facts, n, c) for n, c in group.items()) for group in rule.any_of)


def decide(facts: dict[str, Fact], table: DecisionTable, answered: set[str] | None = None) -> Decision:
    """Apply the first matching row; every table ends with rows that always match something."""
    full = derive(facts, table)
    answered = answered or set()
    for rule in table.rules:
        if matches(rule, full):
            return Decision(
                rule,
                full,
                citations(rule, full, table),
                _follow_up(rule, full, table, answered),
                inform=inform_for(rule, full, table),
            )
    raise LookupError("no decision rule matched")  # pragma: no cover - the table's last rows are catch-alls


def citations(rule: Rule, facts: dict[str, Fact], table: DecisionTable) -> list[str]:
    """The row's citations, with the entries for the facts that decided it first (most specific first)."""
    specific: list[str] = []
    if rule.cite_facts:
        for entry in [*table.override_facts, *table.fact_citations]:
            if _equal(facts.get(entry.fact), entry.value):
                specific += entry.cite
    for entry in table.fact_citations:
        if entry.always and _equal(facts.get(entry.fact), entry.value):
            specific += entry.cite
    ids: list[str] = [*specific, *rule.cite]
    group = facts["group"].value
    if group == "child":
        ids += rule.cite_child
    elif group == "adult":
        ids += rule.cite_adult
    else:
        ids += rule.cite_adult + rule.cite_child
    ids += rule.lawful_basis
    for extra in table.verdict_citations:
        if extra.verdict != rule.verdict or not all(holds(facts, n, c) for n, c in extra.when.items()):
            continue
        ids += extra.cite
        if extra.cite_overrides:
            for entry in table.override_facts:
                if _equal(facts.get(entry.fact), entry.value):
                    ids += entry.cite
    return list(dict.fromkeys(ids))


def inform_for(rule: Rule, facts: dict[str, Fact], table: DecisionTable) -> Inform:
    """Whether to tell the person: the first ``inform_rules`` line for the verdict that holds, or the row."""
    for line in table.inform_rules:
        if line.verdict == rule.verdict and all(holds(facts, n, c) for n, c in line.when.items()):
            return line.inform
    return rule.inform


def _follow_up(
    rule: Rule, facts: dict[str, Fact], table: DecisionTable, answered: set[str]
) -> FollowUpSpec | None:
    specs = {f.id: f for f in table.follow_ups}
    for ask in rule.ask:
        spec = specs.get(ask)
        if spec is None or spec.id in answered:
            continue
        if spec.fact not in facts:
            return spec
    return None
