"""Structural rules: the cue language fails loudly on ambiguous alternatives, every verdict cites what a lead
would cite, `inform` follows from the situation, and the fact classes added with them (each with near-misses).

The sentences are written from the classes, not copied from any question set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import Advisor
from knowledge.facts import expand_pattern, load_cues
from knowledge.models import FactValue, KnowledgeError

# --- the pattern language -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [
        "having a seizure|fit|heart attack",  # the trap: "heart" and "attack" become two tokens
        "before naming|giving names",
        "@not a crime|an offence",
        "a||b c",
        "[a|] c",
        "(heart attack|) now",
        "(heart [attack|arrest]) now",
        "[a b] c",
        "(unclosed c",
    ],
)
def test_ambiguous_or_broken_patterns_are_rejected(pattern: str) -> None:
    with pytest.raises(KnowledgeError):
        expand_pattern(pattern)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("collapsed|unconscious", ["collapsed|unconscious"]),  # one bare token is unambiguous
        ("having a [seizure|fit]", ["having a seizure|fit"]),
        ("having a (seizure|heart attack)", ["having a seizure", "having a heart attack"]),
        ("@not (a crime|an offence)", ["@not a crime", "@not an offence"]),
        ("go (-? ahead)?", ["go -? ahead", "go"]),
        ("@be_now @harm_now ~[person", ["@be_now @harm_now ~[person"]),
    ],
)
def test_explicit_alternatives_expand(pattern: str, expected: list[str]) -> None:
    assert expand_pattern(pattern) == expected


def test_the_loader_names_the_file_and_the_cue(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text(
        "cues:\n"
        "  - fact: immediate_danger\n"
        "    value: true\n"
        "    explain: test\n"
        "    patterns:\n"
        '      - "having a seizure|heart attack"\n',
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        load_cues(bad)
    message = str(err.value)
    assert str(bad) in message and "immediate_danger" in message and "seizure|heart" in message


def test_the_shipped_lexicon_loads() -> None:
    cues = load_cues()
    assert all("(" not in p and "[" not in p.replace("~[", "") for c in cues.cues for p in c.patterns)


# --- citations and inform by verdict ----------------------------------------------------------------------

CITES = [
    # (question, verdict, ids every such answer must carry)
    (
        "A 14-year-old told me her stepdad hits her. Can I tell children's social care?",
        "share",
        ["child.consent_not_needed", "child.protection_priority"],
    ),
    (
        "A woman with capacity refuses help but her husband is also abusing their two children at home. "
        "Can I share with adult social care?",
        "share",
        ["adult.consent", "override.others_at_risk"],
    ),
    (
        "A man from the local paper rang asking about one of our residents. Can I tell him anything?",
        "dont_share",
        ["adult.necessary_proportionate", "child.relevant_accurate", "child.protect_identities"],
    ),
    (
        "Can I ring the council safeguarding team for advice without giving the family's names?",
        "seek_advice",
        ["adult.seek_advice", "child.seek_advice", "refusal.anonymous_consultation"],
    ),
    (
        "Someone has collapsed in our reception and isn't breathing.",
        "emergency",
        ["key.emergency", "basis.vital_interests"],
    ),
    (
        "Can I tell a client's daughter that he has been moved to a new ward? He has capacity and I haven't "
        "asked him.",
        "ask_consent",
        ["basis.consent", "family.consent"],
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "verdict", "ids"), CITES)
def test_each_verdict_cites_its_defining_rules(
    advisor: Advisor, text: str, verdict: str, ids: list[str]
) -> None:
    advice = advisor.advise(text)
    assert advice.verdict == verdict
    assert set(ids) <= set(advice.rules)


INFORM = [
    ("A woman with capacity has agreed I can tell her GP about her falls. Can I send a note?", "yes"),
    ("A 12-year-old told me her dad hits her. Can I tell social care?", "unless_unsafe"),
    (
        "A 10-year-old girl says she will be cut to become a woman on holiday. Should I ask her parents?",
        "no",
    ),
    # an adult facing forced marriage: told unless unsafe, not 'no' (that is for children)
    (
        "A 24-year-old with capacity says her family are forcing her to marry and doesn't want anyone told. "
        "Can we share?",
        "unless_unsafe",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "inform"), INFORM)
def test_inform_follows_the_situation(advisor: Advisor, text: str, inform: str) -> None:
    assert advisor.advise(text).inform == inform


# --- the fact classes added with these rules (each with near-misses) --------------------------------------


def fact(advisor: Advisor, text: str, name: str) -> FactValue | None:
    found = advisor.facts(text)
    return found[name].value if name in found else None


CLASSES = [
    # consent: a question or condition is not consent, "yes or no" is neither
    ("consent", "I haven't asked him whether he's happy for me to ring his brother.", "not_asked"),
    ("consent", "If she agrees, can I pass it on?", None),
    ("consent", "She hasn't said yes or no yet.", None),
    ("consent", "She said yes to me telling her GP.", "given"),  # near-miss: plain agreement still counts
    # capacity: "can decide" is capacity, "can't decide" is not
    ("capacity", "He can decide things for himself.", None),
    ("capacity", "He can't decide things for himself any more.", "lacks"),
    # crime: a past one-off minor offence is nothing to prevent; repeated, planned or serious ones are
    ("crime", "He told me he shoplifted a sandwich last year.", None),
    ("crime", "He shoplifted last week and says he'll do it again.", True),
    ("crime", "She's been selling weed to younger kids at the park.", True),
    ("crime", "A gang is using his flat to deal drugs.", True),  # "being used" is not "used to"
    ("serious_crime", "He beat a man so badly last month that he ended up in intensive care.", True),
    ("serious_crime", "He was in intensive care after a fall.", None),  # no crime at all
    # staff implicated only as the doer of harm
    ("staff_implicated", "A night carer was seen slapping a resident.", True),
    ("staff_implicated", "A teaching assistant accused of hitting a pupil has been suspended.", True),
    ("staff_implicated", "The inspector saw agency staff leaving residents in soiled beds all night.", True),
    ("staff_implicated", "I told the staff nurse that her dad hits her.", None),
    ("staff_implicated", "A pupil told her teacher that her uncle hit her.", None),
    # others at risk: children who live in the home
    ("others_at_risk", "Her partner hit her on Saturday; her two toddlers live there too.", True),
    ("others_at_risk", "Her grown-up son lives in Spain.", None),
    # the alleged abuser's own care needs
    ("abuser_care_needs", "Her son has learning disabilities himself and keeps shoving her.", True),
    ("abuser_care_needs", "She has learning disabilities and her son shoves her.", None),
    # escalation: silence from management, taking it further, reputation first
    ("escalation", "Nobody in management has got back to me since I raised it a month ago.", True),
    ("escalation", "Can I take it further than my manager?", True),
    ("escalation", "The director says reporting it isn't worth the bad press.", True),
    ("escalation", "My manager got back to me the same day and made the referral.", None),
    # high risk
    ("high_risk_marac", "Her IDVA says her risk couldn't be any higher.", True),
    ("high_risk_marac", "He has access to a shotgun and has threatened to kill her.", True),
    # a child staying nights with an adult man
    ("crime", "She's 14 and stays at a 25-year-old man's flat most nights.", True),
    ("crime", "She's 14 and stays at her nan's house most nights.", None),
]


@pytest.mark.model
@pytest.mark.parametrize(("name", "text", "expected"), CLASSES)
def test_new_fact_classes(advisor: Advisor, name: str, text: str, expected: FactValue | None) -> None:
    assert fact(advisor, text, name) == expected


EMERGENCIES = [
    "A resident has her hands round another resident's neck and staff can't pull her off.",
    "He's locked himself in the bathroom saying he's cutting himself and there's blood under the door.",
    "I just saw someone pushed into the river and they haven't come back up.",
    "A toddler has just got out of the nursery gate and is on the main road.",
    "Her ex has broken into the house and is coming up the stairs.",
    "It's not a past incident, I can hear the man next door hitting her right now.",
    "This isn't something from last week: I can hear him hitting her through the wall.",
]
NOT_EMERGENCIES = [
    "He says he's going to set fire to the shed on bonfire night next week.",  # a plan: prevent, not 999
    "She used to cut herself when she was at school.",
    "Last year he broke into her house while she was away.",
    "A toddler got out of the nursery gate last month but was found straight away.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", EMERGENCIES)
def test_new_emergencies(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "emergency"


@pytest.mark.model
@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_new_emergency_near_misses(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict != "emergency"


RECEIVERS = [
    (
        "The other parents in the playgroup WhatsApp want to know why her kids were taken into care.",
        "curious",
    ),
    ("A neighbour stopped me in the street to ask whether she's been in hospital.", "curious"),
    ("Can I tell the other dog walkers about the case at number 12?", "curious"),
    ("Can I post a funny story about a resident in our staff WhatsApp group?", "curious"),
    ("A client's close friend wants to know about his discharge plan.", "family"),
    ("Can I pass her details to the carers' support service?", "other_service"),
    ("I only want to tell our own safeguarding lead what a pupil said to me.", "manager"),
    ("can i bring up what i know abt her at our team meeting?", "colleague"),
    # the question's receiver wins over people mentioned before it
    (
        "A 13-year-old says someone online who claims to be 16 wants to meet her. Can I tell the police?",
        "police",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "receiver"), RECEIVERS)
def test_receivers(advisor: Advisor, text: str, receiver: str) -> None:
    assert fact(advisor, text, "recipient") == receiver
