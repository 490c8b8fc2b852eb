"""The decision table over hand-made facts: one test per override circumstance and per verdict.

These do not need spaCy: they check the rules as data, in priority order.
"""

from __future__ import annotations

import pytest

from knowledge.decide import decide, holds
from knowledge.models import DecisionTable, Fact, FactValue


def facts(**values: FactValue) -> dict[str, Fact]:
    return {
        name: Fact(name=name, value=value, evidence="test", explanation=name)
        for name, value in values.items()
    }


ADULT_REFUSES = {
    "subject": "adult",
    "consent": "refused",
    "capacity": "has",
    "purpose": "safeguarding",
    "harm_concern": True,
}


def test_an_adult_with_capacity_who_refuses_is_respected_when_nothing_overrides(table: DecisionTable) -> None:
    d = decide(facts(**ADULT_REFUSES, others_at_risk=False), table)
    assert (d.rule.verdict, d.rule.id) == ("dont_share", "adult_refused")
    assert "not_sharing.conditions" in d.cited and "refusal.support_steps" in d.cited
    assert d.follow_up is None


OVERRIDES = [
    ({"capacity": "lacks"}, "override.lacks_capacity"),
    ({"others_at_risk": True}, "override.others_at_risk"),
    ({"crime": True}, "override.prevent_crime"),
    ({"abuser_care_needs": True}, "override.abuser_care_needs"),
    ({"serious_crime": True}, "override.serious_crime"),
    ({"staff_implicated": True}, "override.staff_implicated"),
    ({"duress": True}, "override.duress"),
    ({"high_risk_marac": True}, "override.high_risk_marac"),
    ({"legal_authority": True}, "override.legal_authority"),
    ({"serious_harm": True}, "override.serious_harm"),
]


@pytest.mark.parametrize(("extra", "cite"), OVERRIDES, ids=[c for _, c in OVERRIDES])
def test_each_override_circumstance_turns_a_refusal_into_share(
    table: DecisionTable, extra: dict[str, FactValue], cite: str
) -> None:
    d = decide(facts(**{**ADULT_REFUSES, **extra}), table)
    assert d.rule.verdict == "share"
    assert cite in d.cited
    assert d.rule.inform == "unless_unsafe"


def test_capacity_in_doubt_with_refusal_still_shares_the_worry(table: DecisionTable) -> None:
    # source 001's Godavari answer: if she says no and you still fear neglect, you can still share
    d = decide(facts(**{**ADULT_REFUSES, "capacity": "in_doubt"}), table)
    assert d.rule.verdict == "share" and d.rule.handoff
    assert {"law.mental_capacity_act", "case.godavari"} <= set(d.cited)


def test_unknown_capacity_presumes_capacity_and_asks(table: DecisionTable) -> None:
    base = {k: v for k, v in ADULT_REFUSES.items() if k != "capacity"}
    d = decide(facts(**base), table)
    assert d.rule.verdict == "dont_share"
    assert d.follow_up is not None and d.follow_up.id == "capacity"
    answered = decide(facts(**base), table, answered={"capacity"})
    assert answered.follow_up is not None and answered.follow_up.id == "others_at_risk"


def test_emergency_beats_everything(table: DecisionTable) -> None:
    d = decide(facts(immediate_danger=True, recipient="curious", subject="child", consent="refused"), table)
    assert d.rule.verdict == "emergency"
    assert d.cited[0] == "key.emergency"


def test_requests_from_the_alleged_abuser_are_refused(table: DecisionTable) -> None:
    d = decide(facts(subject="adult", recipient="abuser", consent="given", purpose="support"), table)
    assert d.rule.verdict == "dont_share" and d.rule.inform == "no"
    assert "child.protect_identities" in d.cited


def test_curious_third_party_gets_nothing_even_about_a_child(table: DecisionTable) -> None:
    d = decide(facts(subject="child", recipient="curious", purpose="safeguarding", harm_concern=True), table)
    assert d.rule.verdict == "dont_share"
    assert "child.relevant_accurate" in d.cited


def test_child_at_risk_is_shared_without_consent(table: DecisionTable) -> None:
    d = decide(
        facts(subject="child", consent="refused", purpose="safeguarding", recipient="social_care"), table
    )
    assert (d.rule.verdict, d.rule.inform) == ("share", "unless_unsafe")
    assert {"child.consent_not_needed", "basis.public_task"} <= set(d.cited)


def test_unborn_baby_follows_the_childrens_rules(table: DecisionTable) -> None:
    d = decide(facts(subject="unborn", purpose="safeguarding"), table)
    assert d.rule.id == "child_at_risk"


def test_family_needs_the_adults_consent(table: DecisionTable) -> None:
    ask = decide(facts(subject="adult", recipient="family", capacity="has", consent="not_asked"), table)
    assert ask.rule.verdict == "ask_consent" and "family.consent" in ask.cited
    refused = decide(facts(subject="adult", recipient="family", capacity="has", consent="refused"), table)
    assert refused.rule.verdict == "dont_share"
    lacks = decide(facts(subject="adult", recipient="family", capacity="lacks"), table)
    assert lacks.rule.verdict == "share" and "law.mental_capacity_act" in lacks.cited


def test_ordinary_support_needs_consent(table: DecisionTable) -> None:
    d = decide(
        facts(subject="adult", purpose="support", harm_concern=False, recipient="other_service"), table
    )
    assert d.rule.verdict == "ask_consent" and "basis.consent" in d.cited
    given = decide(facts(subject="adult", purpose="support", consent="given"), table)
    assert given.rule.verdict == "share"


def test_advice_without_naming_is_seek_advice(table: DecisionTable) -> None:
    d = decide(facts(subject="adult", anonymous_advice=True, purpose="safeguarding"), table)
    assert d.rule.verdict == "seek_advice" and "adult.seek_advice" in d.cited


def test_duties_that_settle_the_question(table: DecisionTable) -> None:
    assert decide(facts(confidentiality_promise=True), table).rule.id == "confidentiality_promise"
    assert decide(facts(escalation=True), table).rule.id == "escalation"
    assert decide(facts(dbs_referral=True), table).rule.id == "dbs_referral"
    assert decide(facts(recipient="manager", purpose="safeguarding"), table).rule.id == "within_organisation"


def test_consent_given_is_inform_yes(table: DecisionTable) -> None:
    d = decide(facts(subject="adult", purpose="safeguarding", consent="given", crime=True), table)
    assert (d.rule.verdict, d.rule.inform) == ("share", "yes")


@pytest.mark.parametrize(
    ("value", "condition", "expected"),
    [
        (True, True, True),
        (None, True, False),
        (False, False, True),
        (None, False, True),
        ("has", ["has", "unknown"], True),
        (None, ["has", "unknown"], True),
        ("lacks", "!lacks", False),
        (None, "!lacks", True),
        ("has", "known", True),
        (None, "known", False),
    ],
)
def test_condition_semantics(value: FactValue | None, condition: object, expected: bool) -> None:
    given = facts(x=value) if value is not None else {}
    assert holds(given, "x", condition) is expected  # type: ignore[arg-type]


def test_every_verdict_is_reachable(table: DecisionTable) -> None:
    assert {r.verdict for r in table.rules} == {
        "emergency",
        "share",
        "ask_consent",
        "dont_share",
        "seek_advice",
    }


def test_honour_based_abuse_of_a_child_is_shared_without_telling_the_family(table: DecisionTable) -> None:
    d = decide(facts(subject="child", honour_based=True, harm_concern=True, purpose="safeguarding"), table)
    assert (d.rule.id, d.rule.verdict, d.rule.inform) == ("child_honour_based", "share", "no")
    assert "child.consent_not_needed" in d.cited


def test_honour_based_abuse_of_an_adult_goes_through_the_duress_override(table: DecisionTable) -> None:
    d = decide(facts(**ADULT_REFUSES, honour_based=True, duress=True), table)
    assert (d.rule.id, d.rule.inform) == ("adult_override", "unless_unsafe")
    assert "override.duress" in d.cited


def test_a_relative_prying_into_an_adults_private_affairs_is_refused(table: DecisionTable) -> None:
    base = {"subject": "adult", "recipient": "family", "capacity": "has", "purpose": "support"}
    d = decide(facts(**base, family_enquiry=True), table)
    assert (d.rule.id, d.rule.verdict) == ("family_enquiry", "dont_share")
    # an ordinary enquiry ("how is he getting on?") is the person's to agree to
    assert decide(facts(**base), table).rule.verdict == "ask_consent"
    # and the person's agreement settles it
    assert decide(facts(**base, family_enquiry=True, consent="given"), table).rule.verdict == "share"


def test_a_promise_asked_for_after_harm_is_described_means_inform_unless_unsafe(table: DecisionTable) -> None:
    d = decide(facts(confidentiality_promise=True, purpose="safeguarding", harm_concern=True), table)
    assert (d.rule.id, d.rule.inform) == ("confidentiality_promise_harm", "unless_unsafe")
    assert decide(facts(confidentiality_promise=True), table).rule.inform == "yes"


def test_always_citations_apply_on_any_row(table: DecisionTable) -> None:
    d = decide(facts(subject="child", harm_concern=True, purpose="safeguarding", no_proof=True), table)
    assert d.rule.id == "child_at_risk" and "key.risk_of_not_sharing" in d.cited
    d = decide(facts(recipient="curious", offender_query=True), table)
    assert d.rule.verdict == "dont_share" and "scheme.sarahs_law" in d.cited


def test_escalation_cites_the_facts_that_make_it_urgent(table: DecisionTable) -> None:
    d = decide(facts(escalation=True, staff_implicated=True, harm_concern=True), table)
    assert d.rule.id == "escalation" and "override.staff_implicated" in d.cited
