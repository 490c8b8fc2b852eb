"""Verdict and fact tables for the classes broadened after blind batches 19 and 20, each with near-misses.

Written from the class (staff as the doer of a passive, a resident's money taken, a home taken over by
dealers, ...), not copied from the batches.
"""

from __future__ import annotations

import pytest

from knowledge import Advisor

pytestmark = pytest.mark.model


def facts(advisor: Advisor, text: str) -> dict[str, object]:
    return {f.name: f.value for f in advisor.advise(text).facts}


# staff as the doer of a passive with a gap before the staff noun, or named by a graded role
STAFF_DOERS = [
    "A patient was pushed and sworn at by one of our agency nurses last night. Can I tell the ward manager?",
    "A tenant was slapped by one of the weekend support workers. He says leave it. Can I report it?",
    "I think our deputy manager is stealing residents' cash. Can I tell the council?",
    "Our assistant manager has been taking a client's money from her purse. Who do I tell?",
]
STAFF_NOT_DOERS = [
    # staff who help, who are told, or who are the asker
    "A resident was hit by her son and was comforted by one of our night care workers. Can I tell the "
    "council?",
    "Our deputy manager told me a resident's son is taking her pension. Can I report it?",
]


@pytest.mark.parametrize("text", STAFF_DOERS)
def test_staff_doer_in_new_words(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("staff_implicated") is True


@pytest.mark.parametrize("text", STAFF_NOT_DOERS)
def test_staff_who_help_or_are_told_are_not_doers(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("staff_implicated") is not True


# a home taken over by dealers (cuckooing) and drug dealing are crimes to prevent
DEALING = [
    "A young man's flat has been taken over by a gang who deal drugs from it. He says don't. Can I tell the "
    "police?",
    "I think an older tenant is being cuckooed. Can I tell the police?",
    "People are selling drugs from a vulnerable woman's flat. Can I report it?",
]
NOT_DEALING = [
    "His flat was taken over by the council's repairs team for a week. Can I tell his sister?",
    "She is taking drugs for her arthritis. Can I tell her daughter?",
]


@pytest.mark.parametrize("text", DEALING)
def test_dealing_is_crime(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("crime") is True


@pytest.mark.parametrize("text", NOT_DEALING)
def test_repairs_and_medicines_are_not_crime(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("crime") is not True


# the family something is of or about, or that an incident involved, is not the one asking or being told
NOT_ASKING = [
    "A reporter asked us for details of an incident involving a local family. Can we say anything?",
    "A neighbour of a family we support asked me whether the children are on a plan. Can I tell her?",
    "The landlord of a family we work with asked me why social workers keep visiting. Can I say?",
]
STILL_FAMILY = [
    # the family is the one asked to be involved, or the relative of someone is the one asking
    "Can we start involving her family in the care plan?",
    "The sister of a man we support asked me how he is getting on. Can I tell her?",
]


@pytest.mark.parametrize("text", NOT_ASKING)
def test_whom_it_is_about_is_not_the_receiver(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("recipient") == "curious"


@pytest.mark.parametrize("text", STILL_FAMILY)
def test_family_involved_or_asking_is_family(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("recipient") == "family"


# the person a concern, enquiry or disclosure is about is the alleged abuser, however he asks
ACCUSED_ASKING = [
    "A mum who is the subject of a section 47 enquiry rang asking who made the referral. Can I tell her?",
    "Her uncle keeps ringing asking what she said to the nurse. He's the one she disclosed about. Can I tell "
    "him anything?",
]
RELATIVE_ASKING = [
    # a relative who is not accused: the ordinary family rows
    "Her uncle keeps ringing asking how she is. She's the one who looks after him. Can I tell him anything?",
    "A father rang asking how his daughter is getting on at school. Can I tell him?",
]


@pytest.mark.parametrize("text", ACCUSED_ASKING)
def test_the_accused_asking_is_the_abuser(advisor: Advisor, text: str) -> None:
    result = advisor.advise(text)
    assert {f.name: f.value for f in result.facts}.get("recipient") == "abuser"
    assert result.verdict == "dont_share"


@pytest.mark.parametrize("text", RELATIVE_ASKING)
def test_a_relative_not_accused_is_not_the_abuser(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("recipient") != "abuser"


# someone pulled or bundled into a vehicle just now is an emergency
SNATCHED_NOW = [
    "Outside the leisure centre a man has just dragged a crying boy into his van. What do I do?",
    "Two men are pushing a woman into the boot of a car in our car park right now!",
]
NOT_SNATCHED = [
    "I've just put the shopping into the car. Can I tell her mum she's home?",
    "He has pulled her into his car before when they argued. Can I tell her sister?",
    "A dad has just helped his son into the car after practice. Can I tell the coach?",
]


@pytest.mark.parametrize("text", SNATCHED_NOW)
def test_pulled_into_a_vehicle_now_is_an_emergency(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "emergency"


@pytest.mark.parametrize("text", NOT_SNATCHED)
def test_loading_a_car_or_the_past_is_not_an_emergency(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict != "emergency"


# lashing out is harm, and a doer with care needs of his own (said before the harm) is an override
CARE_NEEDS_DOER = [
    "A man with Alzheimer's keeps lashing out at his wife, who has capacity and says leave it. Can I "
    "tell adult social care?",
    "Her dad has dementia and has started hitting her. She has capacity and doesn't want a fuss. Can I tell "
    "adult social care?",
]
NO_CARE_NEEDS_DOER = [
    "Her dad has a new job and has started hitting her mum. Can I tell social care?",
    "A man keeps lashing out at his wife, who has dementia. Can I tell adult social care?",
]


@pytest.mark.parametrize("text", CARE_NEEDS_DOER)
def test_doer_with_care_needs(advisor: Advisor, text: str) -> None:
    found = facts(advisor, text)
    assert found.get("abuser_care_needs") is True
    assert found.get("harm_concern") is True


@pytest.mark.parametrize("text", NO_CARE_NEEDS_DOER)
def test_doer_without_care_needs(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("abuser_care_needs") is not True


# a caller "saying he's" a relative cannot be verified: no role, the claimed relation cited
CLAIMED = [
    "A man saying he is her dad rang asking how she is. Can I tell him?",
    "Someone saying she's [PERSON_1]'s sister rang the hostel asking if he's staying with us. Should we say?",
]
NOT_CLAIMED = [
    # a known relative who reports something, or the person saying who a visitor is
    "Her brother rang and says she's doing better at home. Can I tell her key worker?",
]


@pytest.mark.parametrize("text", CLAIMED)
def test_someone_saying_they_are_a_relative_has_no_role(advisor: Advisor, text: str) -> None:
    result = advisor.advise(text)
    assert {f.name: f.value for f in result.facts}.get("claimed_relation") is True
    assert result.verdict == "dont_share"


@pytest.mark.parametrize("text", NOT_CLAIMED)
def test_a_known_relative_is_family(advisor: Advisor, text: str) -> None:
    found = facts(advisor, text)
    assert found.get("claimed_relation") is not True
    assert found.get("recipient") != "curious"


# a colleague with no part in the person's care or the case asking has no need to know
NO_NEED_COLLEAGUE = [
    "A colleague in HR, who has no contact with service users, asked me what happened with the family. Can I "
    "tell her?",
    "A colleague who isn't involved in the case asked me why the police came. Can I tell him?",
]
NEEDS_TO_KNOW_COLLEAGUE = [
    "My colleague is involved in her care and asked for an update. Can I tell her?",
    "Can I tell my manager? She has no involvement with the family yet.",
]


@pytest.mark.parametrize("text", NO_NEED_COLLEAGUE)
def test_colleague_with_no_part_has_no_role(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "dont_share"


@pytest.mark.parametrize("text", NEEDS_TO_KNOW_COLLEAGUE)
def test_colleague_or_manager_involved_is_within_organisation(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("within_organisation") is True


# a relative asking after what the person confided is a family enquiry
CONFIDED_ENQUIRY = [
    "A tenant with capacity confided in me about her past. Her son asked me what she told me. Can I say?",
    "He told me something very private last week, no risk to anyone. His wife asked me whether he'd said "
    "anything. Do I tell her?",
]
ORDINARY_ENQUIRY = [
    "A resident told me something private. Her daughter asked me how she is getting on. Can I tell her?",
    "Her daughter asked me whether she has settled in. Can I tell her?",
]


@pytest.mark.parametrize("text", CONFIDED_ENQUIRY)
def test_relative_asking_what_was_confided(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("family_enquiry") is True


@pytest.mark.parametrize("text", ORDINARY_ENQUIRY)
def test_relative_asking_how_she_is(advisor: Advisor, text: str) -> None:
    assert facts(advisor, text).get("family_enquiry") is not True
