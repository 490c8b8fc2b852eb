"""Verdict and fact tables for the classes broadened after blind batches 17 and 18, each with near-misses.

Written from the class (a quantity 'a bit' is not a bite, the organisation's own welfare officer, whose
agreement is asked before telling someone, ...), not copied from the batches.
"""

from __future__ import annotations

import pytest

from knowledge import Advisor

pytestmark = pytest.mark.model


def facts(advisor: Advisor, text: str) -> dict[str, object]:
    return {f.name: f.value for f in advisor.advise(text).facts}


# "a bit" is a quantity, never the past of "bite"
A_BIT = [
    "A widow at our lunch club is struggling a bit since her husband died. Can I tell the befriending "
    "charity?",
    "A dad at toddler group seems a bit odd but nothing has happened. Can I mention it to someone?",
    "He's been a bit of a loner lately. Can I tell his sister?",
    "She's a little bit low at the moment. Can I let her GP know?",
]
BITES = [
    "A resident with dementia bit a carer on the arm this morning. Does this need reporting?",
    "My son's childminder says another child bit him hard and broke the skin. Can I tell the other parents?",
]


@pytest.mark.parametrize("text", A_BIT)
def test_a_bit_is_a_quantity_not_a_bite(advisor: Advisor, text: str) -> None:
    found = facts(advisor, text)
    assert found.get("crime") is not True
    assert found.get("staff_implicated") is not True


@pytest.mark.parametrize("text", BITES)
def test_a_bite_is_still_harm(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("crime") is True


# "talk it over with" a team inside the organisation is sharing within it, not asking for advice
TALK_OVER_INSIDE = [
    "I'm worried about a tenant whose flat is getting very cluttered. Can I talk it over with the tenancy "
    "support team in the same council department?",
    "One of our residents seems low and is eating less. Can I talk it through with my manager?",
]
TALK_OVER_ADVICE = [
    # anonymity, or doubt in other words, keeps it a consultation
    "One of our residents seems low and is eating less. Can I talk it through with my manager without naming "
    "her?",
    "I'm not sure if this is neglect at all. Can I talk it over with someone?",
]


@pytest.mark.parametrize("text", TALK_OVER_INSIDE)
def test_talking_it_over_inside_the_organisation_is_sharing(advisor: Advisor, text: str) -> None:
    advice = advisor.advise(text)
    assert advice.verdict == "share"
    assert "key.within_organisation" in advice.rules


@pytest.mark.parametrize("text", TALK_OVER_ADVICE)
def test_talking_it_over_anonymously_or_in_doubt_is_advice(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "seek_advice"


# a group chat owned by parents, a class or a club is an audience with no role
GROUP_CHATS = [
    "A volunteer wants to post in the club's parents' group chat that a player's family has social workers. "
    "Is that ok?",
    "Can I put in the mums' whatsapp group that one of the children is in foster care?",
]
NOT_GROUP_CHATS = [
    # a group named after people that is a service stays a service
    "Can I refer a dad to the parents' support group run by the council? He has asked me to.",
]


@pytest.mark.parametrize("text", GROUP_CHATS)
def test_a_parents_group_chat_is_no_role(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "dont_share"


@pytest.mark.parametrize("text", NOT_GROUP_CHATS)
def test_a_service_named_after_parents_is_a_service(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict != "dont_share"


# the organisation's own welfare officer, designated safeguarding officer or pastoral lead is internal
OWN_LEADS = [
    "A boy in our squad has a bruise on his face and says his dad did it. Can I tell our club welfare "
    "officer?",
    "A girl at our dance school has been very withdrawn. Should I talk to our designated safeguarding "
    "officer?",
    "Can I share a pupil's worries about home with our pastoral lead?",
]
NOT_OWN_LEADS = [
    "A boy in our squad has a bruise on his face and says his dad did it. Can I tell a police officer?",
]


@pytest.mark.parametrize("text", OWN_LEADS)
def test_the_organisations_welfare_officer_is_internal(advisor: Advisor, text: str) -> None:
    found = facts(advisor, text)
    assert found.get("within_organisation") is True
    assert found.get("recipient") in ("manager", "colleague")


@pytest.mark.parametrize("text", NOT_OWN_LEADS)
def test_a_police_officer_is_still_police(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("recipient") == "police"


# "ask his mum before I tell the lead": whose agreement is sought, not who is told
CONSENT_GATES = [
    "A 10-year-old in my class said her stepdad hit her. Do I need to ask her mum before I tell our "
    "safeguarding lead?",
    "A lad in my under 12s team turned up with a black eye and says his dad lost it. Should I check with his "
    "parents before I report it to the welfare officer?",
]
TELL_THE_FAMILY = [
    # telling the family is itself the question
    "A 10-year-old in my class seems tired. Can I ask her mum about it?",
]


@pytest.mark.parametrize("text", CONSENT_GATES)
def test_asking_the_family_first_is_not_telling_them(advisor: Advisor, text: str) -> None:
    advice = advisor.advise(text)
    assert advice.verdict == "share"
    assert "child.consent_not_needed" in advice.rules


@pytest.mark.parametrize("text", TELL_THE_FAMILY)
def test_asking_the_family_is_a_family_receiver(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("recipient") == "family"


# age-banded teams ("under 12s", "U14s") are children
@pytest.mark.parametrize(
    "text",
    [
        "A lad in my under 12s team has been turning up hungry. Can I mention it to our coach lead?",
        "One of our U14s players keeps missing training. Can I ask his mum why?",
    ],
)
def test_age_banded_teams_are_children(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("subject") == "child"


# staff of the asker's own school are colleagues; another school's staff are not
OWN_SCHOOL = [
    "Can our school's pastoral lead share what she knows about a pupil's home life with the SENCo so "
    "they can plan his support?",
    "I'm a teaching assistant at our primary. Can I tell the class teacher about a pupil's worries at home?",
]
OTHER_SCHOOL = [
    "I'm a youth worker. Can I tell the SENCo at his school about his home situation?",
]


@pytest.mark.parametrize("text", OWN_SCHOOL)
def test_own_school_staff_are_colleagues(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("within_organisation") is True


@pytest.mark.parametrize("text", OTHER_SCHOOL)
def test_another_schools_staff_are_outside(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("within_organisation") is not True
