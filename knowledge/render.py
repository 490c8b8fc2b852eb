"""Plain-text rendering of advice, and signposting from the local contacts file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.models import Contact, Fact, LocalContacts

if TYPE_CHECKING:
    from knowledge.models import Advice

HEADLINES = {
    "emergency": "Call 999 now: someone is in immediate danger.",
    "share": "Yes, share it.",
    "ask_consent": "Ask first: share only if the person agrees.",
    "dont_share": "No, don't share this.",
    "seek_advice": "Get advice first, without naming the person.",
}
INFORM = {
    "yes": "Tell the person (and their family where appropriate) what you are sharing, with whom and why.",
    "unless_unsafe": "Tell the person (or the child's family) what you are sharing and why, unless that "
    "would increase the risk to them or anyone else.",
    "no": "",
}
DISCLAIMER = "This is guidance, not legal advice."
# facts that restate others in the "Why" list (they stay in Advice.facts and the JSON contract)
QUIET = {"harm_concern", "within_organisation", "other_recipients", "override", "child_involved"}


def headline(verdict: str) -> str:
    return HEADLINES[verdict]


def _contact(c: Contact) -> str:
    bits = [c.name]
    if c.phone:
        bits.append(c.phone)
    if c.email:
        bits.append(c.email)
    if c.url:
        bits.append(c.url)
    if c.hours:
        bits.append(f"({c.hours})")
    return ": ".join([bits[0], ", ".join(bits[1:])]) if len(bits) > 1 else bits[0]


def signposting(advice: Advice, local: LocalContacts, facts: dict[str, Fact]) -> list[str]:
    """The local contacts that fit this advice."""
    lines: list[str] = []
    if advice.verdict == "emergency":
        lines.append(_contact(local.emergency))
    lines += [_contact(lead) for lead in local.safeguarding_leads]
    group = facts.get("group")
    child = group is not None and group.value == "child"
    adult = group is not None and group.value == "adult"
    if advice.verdict in ("share", "seek_advice", "emergency"):
        if (child or not adult or facts.get("child_involved")) and local.children_front_door:
            lines.append(_contact(local.children_front_door))
        if (adult or not child) and local.adults_front_door:
            lines.append(_contact(local.adults_front_door))
        if local.out_of_hours:
            lines.append(_contact(local.out_of_hours))
    lines.append(_contact(local.police_non_emergency))
    if advice.verdict != "emergency":
        lines.append(f"{_contact(local.emergency)} if anyone is in immediate danger")
    lines += [_contact(c) for c in local.extra]
    return list(dict.fromkeys(lines))


def render_text(advice: Advice) -> str:
    """Verdict first, numbered steps, the reasons, 'Based on', one disclaimer line, and contacts."""
    out: list[str] = [advice.summary]
    if advice.follow_up:
        q = advice.follow_up[0]
        out += ["", f"To be sure: {q.question} ({' / '.join(c.label for c in q.choices)})"]
    out += ["", "What to do:"]
    out += [f"{n}. {step}" for n, step in enumerate(advice.steps, 1)]
    if INFORM[advice.inform]:
        out += ["", INFORM[advice.inform]]
    answered = [f for f in advice.facts if f.evidence.startswith("you answered")]
    reasons = [
        f
        for f in advice.facts
        if f.evidence and f not in answered and f.name not in QUIET and f.value is not False
    ]
    seen: set[str] = set()
    shown = []
    for fact in [*answered, *reasons]:
        if fact.explanation not in seen:
            seen.add(fact.explanation)
            shown.append(fact)
    if shown:
        out += ["", "Why:"]
        for fact in shown[:7]:
            snippet = fact.evidence if len(fact.evidence) <= 90 else fact.evidence[:87] + "..."
            out.append(f"- {fact.explanation} (\u201c{snippet}\u201d)")
    if advice.citations:
        out += ["", "Based on:"]
        for c in advice.citations:
            stale = (
                f" - last reviewed {c.reviewed.strftime('%B %Y')}, past its review date" if c.stale else ""
            )
            out.append(f"- {c.title} ({c.source}, {c.section}){stale}")
    if advice.signposting:
        out += ["", "Contacts:"]
        out += [f"- {line}" for line in advice.signposting]
    out += ["", DISCLAIMER]
    return "\n".join(out)
