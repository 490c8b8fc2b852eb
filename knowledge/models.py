"""Pydantic models: knowledge-base entries, local contacts, the decision table, facts and advice.

Every model that is read from a data file forbids extra fields, so a typo in YAML fails loudly instead of
being silently ignored.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Verdict = Literal["emergency", "share", "ask_consent", "dont_share", "seek_advice"]
Inform = Literal["yes", "unless_unsafe", "no"]
FactValue = str | bool

ID_PATTERN = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"


class KnowledgeError(Exception):
    """A data file could not be loaded or validated; the message names the file and the entry id."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- knowledge base --------------------------------------------------------------------------------------


class SourceRef(Strict):
    """Where an entry comes from: a source file, its section heading, and the source's own numbering."""

    file: str = Field(pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")
    section: str = Field(min_length=3)
    numbering: str | None = None


class Entry(Strict):
    """One knowledge-base entry, written in the project's own words."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=3)
    summary: str = Field(min_length=20)
    sources: list[SourceRef] = Field(min_length=1)
    reviewed: dt.date
    review_due: dt.date
    related: list[str] = []
    steps: list[str] = []
    # worked examples (case.*) carry the verdict and inform value of the source's model answer
    verdict: Verdict | None = None
    inform: Inform | None = None
    scenario: str | None = None

    @field_validator("review_due")
    @classmethod
    def _due_after_reviewed(cls, value: dt.date, info: object) -> dt.date:
        data = getattr(info, "data", {})
        reviewed = data.get("reviewed") if isinstance(data, dict) else None
        if isinstance(reviewed, dt.date) and value < reviewed:
            raise ValueError("review_due is before reviewed")
        return value

    def is_stale(self, today: dt.date | None = None) -> bool:
        return self.review_due < (today or dt.date.today())

    @property
    def source_label(self) -> str:
        parts = []
        for ref in self.sources:
            number = f" ({ref.numbering})" if ref.numbering else ""
            parts.append(f"{ref.file} \u00a7 {ref.section}{number}")
        return "; ".join(parts)


class EntryFile(Strict):
    entries: list[Entry]


class Problem(Strict):
    level: Literal["error", "warning"]
    file: str
    id: str
    message: str


# --- local contacts --------------------------------------------------------------------------------------


class Contact(Strict):
    name: str
    phone: str | None = None
    email: str | None = None
    url: str | None = None
    hours: str | None = None


class LocalContacts(Strict):
    """A deployment's signposting: who to call, with national defaults for what is not configured."""

    area: str = "United Kingdom (national defaults)"
    emergency: Contact = Contact(name="Emergency services", phone="999")
    police_non_emergency: Contact = Contact(name="Police (non-emergency)", phone="101")
    safeguarding_leads: list[Contact] = []
    children_front_door: Contact | None = None
    adults_front_door: Contact | None = None
    out_of_hours: Contact | None = None
    extra: list[Contact] = []


# --- decision table --------------------------------------------------------------------------------------

Condition = FactValue | list[FactValue]


class ChoiceSpec(Strict):
    value: str
    label: str
    fact_value: FactValue


class FollowUpSpec(Strict):
    id: str = Field(pattern=r"^[a-z_]+$")
    fact: str
    question: str
    choices: list[ChoiceSpec] = Field(min_length=2)


class Rule(Strict):
    """One row of the decision table: when every condition holds, this verdict applies."""

    id: str = Field(pattern=r"^[a-z_]+$")
    description: str
    when: dict[str, Condition] = {}
    any_of: list[dict[str, Condition]] = []
    verdict: Verdict
    inform: Inform
    cite: list[str] = Field(min_length=1)
    cite_child: list[str] = []
    cite_adult: list[str] = []
    cite_facts: bool = False
    lawful_basis: list[str] = []
    recipients: list[str] = []
    steps: list[str] = Field(min_length=1)
    ask: list[str] = []
    handoff: bool = False
    explain: str


class FactCitation(Strict):
    fact: str
    value: FactValue
    cite: list[str]
    # cited by every row, not only rows with ``cite_facts`` (e.g. "no proof is needed", a disclosure scheme)
    always: bool = False


class VerdictCitation(Strict):
    """Ids that every row with this verdict cites when the conditions hold (the rule a lead would quote)."""

    verdict: Verdict
    when: dict[str, Condition] = {}
    cite: list[str] = []
    # also cite the entries of the override circumstances that hold (``override_facts``)
    cite_overrides: bool = False


class InformRule(Strict):
    """Whether to tell the person, derived from the situation; the first matching line wins over the row."""

    verdict: Verdict
    when: dict[str, Condition] = {}
    inform: Inform


class DecisionTable(Strict):
    rules: list[Rule] = Field(min_length=1)
    verdict_citations: list[VerdictCitation] = []
    inform_rules: list[InformRule] = []
    follow_ups: list[FollowUpSpec] = []
    fact_citations: list[FactCitation] = []
    override_facts: list[FactCitation] = []
    recipient_labels: dict[str, str] = {}


# --- advice ----------------------------------------------------------------------------------------------


class Fact(BaseModel):
    name: str
    value: FactValue
    evidence: str
    explanation: str


class Choice(BaseModel):
    value: str
    label: str


class FollowUp(BaseModel):
    id: str
    question: str
    choices: list[Choice]


class Citation(BaseModel):
    id: str
    title: str
    source: str
    section: str
    reviewed: dt.date
    stale: bool


class AdviceState(BaseModel):
    """Per-conversation state the bot stores: earlier redacted turns and answers to follow-up questions."""

    turns: list[str] = []
    answers: dict[str, str] = {}


class Advice(BaseModel):
    """The engine's answer: verdict, the facts it rests on, steps, cited entries, and what it still needs."""

    verdict: Verdict
    inform: Inform
    facts: list[Fact] = []
    steps: list[str] = []
    rules: list[str] = []
    citations: list[Citation] = []
    follow_up: list[FollowUp] = []
    handoff_recommended: bool = False
    summary: str = ""
    lawful_basis: list[str] = []
    recipients: list[str] = []
    explanation: str = ""
    decision: str = ""
    signposting: list[str] = []

    def to_contract(self) -> dict[str, object]:
        """The JSON object of ``canishare ask --json`` (the caller adds ``redacted``)."""
        data = self.model_dump(mode="json")
        keys = (
            "verdict",
            "inform",
            "rules",
            "facts",
            "follow_up",
            "handoff_recommended",
            "summary",
            "citations",
            "steps",
            "recipients",
            "lawful_basis",
            "explanation",
            "decision",
        )
        return {key: data[key] for key in keys}

    def render_text(self) -> str:
        from knowledge.render import render_text

        return render_text(self)
