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
    "A man I support says his benefits were stopped. Can I tell the DWP welfare officer about his illness?",
    "A boy in our squad has a bruise on his face and says his dad did it. Can I tell a police officer?",
]


@pytest.mark.parametrize("text", OWN_LEADS)
def test_the_organisations_welfare_officer_is_internal(advisor: Advisor, text: str) -> None:
    found = facts(advisor, text)
    assert found.get("within_organisation") is True
    assert found.get("recipient") in ("manager", "colleague")


@pytest.mark.parametrize("text", NOT_OWN_LEADS)
def test_an_outside_officer_is_not_internal(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("within_organisation") is not True


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


# someone the person fled or escaped from is the alleged abuser, however the person is named
FLED_FROM = [
    "The man our client fled from keeps ringing reception asking for her new address. Can we give it to him?",
    "The woman she escaped from has asked the hostel whether she is staying there. Can we say?",
    "The partner my tenant ran away from wants to know which flat she is in now. Can I tell him?",
]
NOT_FLED_FROM = [
    # someone who fled from a war or a country is the person, not an abuser
    "A man who fled from the war in Syria wants help with housing. Can I pass his details to the council's "
    "housing team?",
]


@pytest.mark.parametrize("text", FLED_FROM)
def test_someone_the_person_fled_from_is_the_abuser(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("recipient") == "abuser"
    assert advisor.advise(text).verdict == "dont_share"


@pytest.mark.parametrize("text", NOT_FLED_FROM)
def test_fleeing_a_war_is_not_an_abuser(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("recipient") != "abuser"


# a parent known from a group who asks about another family has no role
PARENT_FROM_A_GROUP = [
    "a mum at playgroup asked me if it's true another child's dad is in prison. should i tell her?",
    "Another dad from football asked me whether one of the boys is in foster care. Can I tell him?",
]
PARENT_OF_THE_CHILD = [
    # the child's own mum asking about her own child
    "A 7-year-old's mum asked me how he is settling in at breakfast club. Can I tell her?",
    "A mum at nursery asked me how her daughter is settling in. Can I tell her?",
    "a dad at football asked me whether his son has been behaving. can i tell him?",
]


@pytest.mark.parametrize("text", PARENT_FROM_A_GROUP)
def test_a_parent_from_a_group_has_no_role(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "dont_share"


@pytest.mark.parametrize("text", PARENT_OF_THE_CHILD)
def test_the_childs_own_parent_is_family(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("recipient") == "family"


# the asker's own "I haven't said anything yet" is not a manager failing to act
def test_the_askers_own_silence_is_not_escalation(advisor: Advisor) -> None:
    text = (
        "a woman at our food bank said her partner threw a mug at her in front of the kids. she doesn't want "
        "anyone knowing. i haven't said anything yet - can i share it?"
    )
    found = facts(advisor, text)
    assert found.get("escalation") is not True
    assert found.get("others_at_risk") is True
    assert advisor.advise(text).verdict == "share"


def test_a_manager_who_has_not_acted_is_still_escalation(advisor: Advisor) -> None:
    text = "I told my manager a resident has bruises from her son and she hasn't done anything. What now?"
    assert facts(advisor, text).get("escalation") is True


# throwing hard things at someone is violence; a ball in a game is not
THROWN = [
    "Her husband threw a plate at her during an argument. She asked me not to tell anyone. Can I?",
    "Her son threw her against the wall again when she refused him money. Can I report it?",
]
NOT_THROWN = [
    "He threw the ball at his brother in the garden. Can I tell his mum he's doing well at football?",
]


@pytest.mark.parametrize("text", THROWN)
def test_things_thrown_at_someone_are_violence(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("crime") is True


@pytest.mark.parametrize("text", NOT_THROWN)
def test_a_ball_in_a_game_is_not_violence(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("crime") is not True


# callers calling themselves a friend or relative whom nobody can verify get nothing, and the answer cites
# the rule on family and friends
UNVERIFIED_CALLERS = [
    "Someone calling herself a friend of one of our residents rang asking whether he has been moved to a "
    "hospice. We can't verify who she is. Can I confirm it?",
    "A man rang saying he's her nephew and asked which ward she is on. We have no way of checking who he is. "
    "Can I tell him?",
]


@pytest.mark.parametrize("text", UNVERIFIED_CALLERS)
def test_unverified_callers_claiming_a_relation_get_nothing(advisor: Advisor, text: str) -> None:
    advice = advisor.advise(text)
    assert advice.verdict == "dont_share"
    assert "family.consent" in advice.rules


# doubt whether it is anyone's business, or asking in general terms, is a request for advice
ADVICE_FIRST = [
    "A retired teacher at our bowls club keeps sending money to a man he met online. He has capacity. I "
    "can't tell if it's a scam or just his choice. Can I ask the council about it in general terms first?",
    "A neighbour says a family on our estate seems a bit odd, but the children look well. I'm not sure "
    "whether this is worth passing on. What should I do?",
    "Generally speaking, if a client of ours gives away most of her pension to her church, is it even worth "
    "reporting?",
]


@pytest.mark.parametrize("text", ADVICE_FIRST)
def test_doubt_whether_it_is_worth_passing_on_gets_advice(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "seek_advice"


# coercion in concrete terms outweighs "not sure if this even counts"; anonymity still asks for advice
CONCRETE_DURESS_HEDGED = [
    "not sure if this even counts, but a man at our lunch club says his son-in-law makes him hand over his "
    "bank cards and he's scared to say anything. he has capacity and asked me not to tell. can i pass it on?",
    "This might be nothing, but a woman I visit says her grandson takes her pension card and threatens to "
    "stop visiting if she complains. She asked me to keep quiet. Can I report it?",
]
HEDGED_DURESS_ANONYMOUS = [
    "not sure if this even counts, but a man at our lunch club says his son-in-law makes him hand over his "
    "bank cards. can i talk to someone about it without naming him?",
]


@pytest.mark.parametrize("text", CONCRETE_DURESS_HEDGED)
def test_concrete_duress_outweighs_a_hedge(advisor: Advisor, text: str) -> None:
    advice = advisor.advise(text)
    assert advice.verdict == "share"
    assert "override.duress" in advice.rules


@pytest.mark.parametrize("text", HEDGED_DURESS_ANONYMOUS)
def test_asking_anonymously_about_duress_is_advice(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "seek_advice"


# a vague control sign or "getting anyone in trouble" does not outweigh the hedge
@pytest.mark.parametrize(
    "text",
    [
        "a mum at toddler group said her partner is always checking her phone. unsure if its dv or im "
        "overthinking. who do i ask",
        "a lady at lunch club said something odd about her carer and i dont know if i'm overreacting. who "
        "can i talk it over with without getting anyone in trouble?",
    ],
)
def test_vague_control_with_a_hedge_gets_advice(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "seek_advice"


# a relative who asks us not to report is voicing a wish, not asking to be told
def test_a_relative_asking_us_not_to_report_is_not_the_receiver(advisor: Advisor) -> None:
    text = (
        "I think one of the night carers slapped a resident with dementia. His daughter has asked us "
        "not to make it official. Can I still report it?"
    )
    found = facts(advisor, text)
    assert found.get("recipient") != "family"
    advice = advisor.advise(text)
    assert advice.verdict == "share"
    assert "override.staff_implicated" in advice.rules


def test_a_relative_asking_for_news_is_still_the_receiver(advisor: Advisor) -> None:
    text = "His daughter has asked us how he is getting on. Can I tell her?"
    assert facts(advisor, text).get("recipient") == "family"


# fear of reprisal for raising a concern about one's own workplace is whistleblowing
WHISTLEBLOWING = [
    "I'm worried that if I report how my manager treats residents I'll lose my job. Is there a protected way "
    "to raise it?",
    "The deputy manager shouts at the children and I'm scared of speaking up about my manager's friend. I "
    "don't want to be sacked for reporting it. What can I do?",
]
NOT_WHISTLEBLOWING = [
    "I lost my job last year and I'm struggling with money. Can the food bank tell my landlord?",
    # the fear is about time off, not about raising a concern
    "I'm worried I'll lose my job if I take more time off to look after my mum. Can I tell my manager about "
    "her illness?",
]


@pytest.mark.parametrize("text", WHISTLEBLOWING)
def test_fear_of_reprisal_is_whistleblowing(advisor: Advisor, text: str) -> None:
    advice = advisor.advise(text)
    assert advice.verdict == "share"
    assert "key.whistleblowing" in advice.rules


@pytest.mark.parametrize("text", NOT_WHISTLEBLOWING)
def test_losing_a_job_in_the_past_is_not_whistleblowing(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("whistleblowing") is not True


# "he has dementia and has started hitting her": care needs said of the doer in his own clause
def test_care_needs_in_the_doers_own_clause(advisor: Advisor) -> None:
    text = (
        "A couple both get home care from us. He has dementia and has started hitting her when she helps him "
        "wash; she has capacity and asks us not to tell anyone. Can we raise it?"
    )
    assert facts(advisor, text).get("abuser_care_needs") is True


def test_no_care_needs_in_the_doers_clause(advisor: Advisor) -> None:
    text = "He has a new job and has started hitting her when he drinks. She asks us not to tell. Can we?"
    assert facts(advisor, text).get("abuser_care_needs") is not True


# rough handling in other verbs is harm; "dragging her feet" is not
@pytest.mark.parametrize(
    "text",
    [
        "A carer manhandled a resident into bed again last night. Can I report it?",
        "Her son keeps yanking her arm when she is slow. Can I tell someone?",
    ],
)
def test_rough_handling_is_harm(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("crime") is True


def test_dragging_feet_is_not_harm(advisor: Advisor) -> None:
    text = "She has been dragging her feet about the forms. Can I tell her manager?"
    assert facts(advisor, text).get("crime") is not True


# an employer asking about the person's own return to work has a role with his agreement; an employer prying
# into his health, or anyone else asking, has none
RETURN_TO_WORK_ASK_FIRST = [
    "The employer of a man we support with his mental health rang to ask whether he is well enough to come "
    "back to work. We haven't discussed it with him yet. Can I answer?",
    "Her boss has asked us whether she needs reasonable adjustments when she returns to work. We haven't "
    "asked her yet. Can we tell him?",
]
EMPLOYER_NO_ROLE = [
    "A man's employer rang our GP practice asking whether he's been off sick because of his drinking. Can we "
    "tell them?",
    "His boss rang asking if he is fit to return to work. He has told us he doesn't want his boss to know "
    "anything about his treatment. Can I answer?",
    "A neighbour asked me whether he is well enough to go back to work yet. We haven't asked him. Can I say?",
]


@pytest.mark.parametrize("text", RETURN_TO_WORK_ASK_FIRST)
def test_an_employer_asking_about_return_to_work_is_asked_first(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "ask_consent"


@pytest.mark.parametrize("text", EMPLOYER_NO_ROLE)
def test_prying_employers_refusals_and_neighbours_get_nothing(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "dont_share"
