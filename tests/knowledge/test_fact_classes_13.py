"""Verdict tables for the classes broadened after blind batches 13-16, each with near-misses.

Written from the class (a child's secret about a worry, grooming signs, adult 'partners' of children, ...),
not copied from the batches: the lines test the class and not a question.
"""

from __future__ import annotations

import pytest

from knowledge import Advisor

pytestmark = pytest.mark.model


def verdict(advisor: Advisor, text: str) -> str:
    return advisor.advise(text).verdict


# a child asks for secrecy about a worry the asker wants to pass on: never dont_share
CHILD_SECRET_WORRY = [
    "A 12-year-old in my choir says her uncle's friend keeps giving her vapes and asking to meet her alone. "
    "She begged me not to tell anyone. Can I pass it on?",
    "A boy of 15 at our youth group says an older lad pays him to carry bags across town. He made me promise "
    "to keep it between us. Should I tell our lead?",
    "A 14-year-old told me a man she met online keeps asking for selfies. She doesn't want her mum to know. "
    "Can I report it?",
    "One of my 13-year-old tutees says her dad shuts her out of the house when he's angry. She asked me not "
    "to say anything. Can I share this with the safeguarding lead?",
    "A 15-year-old mentioned her 'boyfriend' is 24 and picks her up from school. She doesn't want her "
    "parents told. Can this go further?",
    "A 13-year-old in our club told me something about home that worried me but asked me not to tell. "
    "Can I pass this on to our welfare officer?",
]
CHILD_SECRET_NOT_A_WORRY = [
    # telling the parents themselves is the question, nothing suggests harm
    "A 16-year-old told me she's bisexual and asked me not to tell her parents. Her mum keeps asking me. "
    "Can I tell her mum?",
    # harm ruled out
    "A 15-year-old is pregnant by her 16-year-old boyfriend and doesn't want her parents told. There are no "
    "concerns about abuse. Can I tell her parents?",
]


@pytest.mark.parametrize("text", CHILD_SECRET_WORRY)
def test_a_childs_secret_about_a_worry_is_shared(advisor: Advisor, text: str) -> None:
    advice = advisor.advise(text)
    assert advice.verdict == "share"
    assert "child.consent_not_needed" in advice.rules


@pytest.mark.parametrize("text", CHILD_SECRET_NOT_A_WORRY)
def test_a_childs_private_life_told_to_parents_is_not_shared(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) == "dont_share"


GROOMING = [
    "A 14-year-old says her netball coach messages her at midnight asking for pictures.",
    "A 13-year-old boy says a man in his forties has been buying him trainers and asking to meet him on his "
    "own.",
    "A 15-year-old's 'boyfriend' is 22.",
    "A girl of 12 says someone she met online wants her to keep their chats our little secret.",
]
NOT_GROOMING = [
    "A 14-year-old says her mum asks her for photos of her homework.",
    "A 15-year-old's boyfriend is 16 and they go to the same school.",
    "A 40-year-old woman met her new partner online.",
]


@pytest.mark.parametrize("text", GROOMING)
def test_grooming_signs_are_a_harm_concern(advisor: Advisor, text: str) -> None:
    assert advisor.facts(text)["harm_concern"].value is True


@pytest.mark.parametrize("text", NOT_GROOMING)
def test_ordinary_contact_is_not_grooming(advisor: Advisor, text: str) -> None:
    found = advisor.facts(text)
    assert "harm_concern" not in found or found["harm_concern"].value is False


EMERGENCY_NOW = [
    # suicide with a place or a means, now
    "A woman on the phone says she's going to jump in front of a train and she's on the platform now.",
    "My client texted that he's at the top of the multi-storey and is going to throw himself off.",
    "He's sat in the garage with a tube from the exhaust through the window and the engine running.",
    # a sign that is absent does not cancel the others
    "The flat is filling with smoke and the smoke alarm hasn't gone off; her kids are still inside.",
    # forced into a vehicle just now
    "A girl from our hostel has just been pushed into a van by two men outside and they drove off.",
    # a young child on the move towards a road, someone struggling in water, an intruder with a weapon
    "A 2-year-old has slipped out of the playground gate and is toddling towards the main road.",
    "A man is in the canal by the lock and he's struggling to stay afloat.",
    "Her ex has broken into the house and is in the kitchen with a knife.",
    # stroke and hypo signs, carbon monoxide, exposure, self-harm and abduction in progress, heard violence
    "Dad's face has drooped on one side and he can't raise his arm.",
    "Our client with diabetes is clammy and shaking and now seems confused.",
    "Everyone in the flat has a headache and feels sick, and the old gas heater is on.",
    "A woman with dementia is out in the sleet in her nightie at the bus stop.",
    "She's locked in the bathroom slashing her wrists, I can hear her crying.",
    "A man has snatched a toddler from the pushchair and is running to a van.",
    "I can hear a child shouting for help from the flat above.",
    # an overdose of any medicine, in amounts
    "He says he's just injected all his insulin and he's slurring.",
    "She swallowed a full strip of her antidepressants half an hour ago.",
    "He says he's taken 40 paracetamol this morning and now feels really ill.",
    "The young man on the phone is at the top of the car park and has written letters to his family.",
    "He's bleeding from his head and it won't stop.",
    "A man fainted in the queue and hasn't come round.",
]
NOT_EMERGENCY = [
    "Last year he threw himself off a bridge and survived; he's doing well now. Can I tell his GP he's low?",
    "He once said he'd throw himself in front of a train if she left him. Can I tell her IDVA?",
    "She was pushed into the pool by friends at a party last month and was upset about it.",
    "She says she's moving away so the police can't find her. Can I tell probation?",
    "She's not in immediate danger, but her partner shouts at her. Can I tell someone?",
    "The fire alarm went off in a drill today and a resident got upset. Can I tell her son?",
    "She took her tablets this morning as usual and seems well. Can I tell her daughter?",
    "He has taken his medication and is settled for the night. Can I tell the nurse?",
    "She fainted in assembly, came round straight away and went home with mum. Can I tell the nurse?",
    "He has a knife and fork at dinner like everyone else. Can I share his care plan?",
    "He is on the roof fixing the gutter; he's a builder. Can I share his rota with his wife?",
    "The resident was bleeding a little after a blood test. Can I tell her son?",
    # ordinary sentences that share words with the new emergency classes
    "Mum was carrying her to the car after nursery and she was crying. Can I tell dad?",
    "The kids were playing in the snow in their pyjamas this morning. Can I put a photo in the newsletter?",
    "I could hear the children shouting for help in their game of tag. Can I tell the parents?",
    "Grandad's face dropped when he heard the news. Can I tell his daughter?",
    "He has written letters to his family about his time in the army. Can I share them with the group?",
    "She is bleeding from a small cut on her finger. Can I tell her mum?",
    "He grabbed the child's hand to stop her running into the road, and she's fine. Can I tell her parents?",
    "The man had a knife to cut the cake at the party. Can I share the photos?",
    "She can't lift her arm above her shoulder since her operation. Can I tell the physio?",
    "Last month his face drooped and he had a mini stroke; he's recovered. Can I tell his daughter?",
    "His hoarding is blocking the fire exits of the flats above. He refuses help. Fire service?",
    "The boiler was checked yesterday and is fine; the tenant gets headaches from stress. Can I tell the GP?",
    "A man with dementia can't tell us where he lives, he's safe in our cafe with a cup of tea. Police?",
    "A 4-year-old ran out of the gate last week and was found by the road; he was fine. Can I tell his mum?",
]


@pytest.mark.parametrize("text", EMERGENCY_NOW)
def test_emergencies_in_new_words(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) == "emergency"


@pytest.mark.parametrize("text", NOT_EMERGENCY)
def test_emergency_near_misses(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) != "emergency"


NO_ROLE_OR_ACCUSED = [
    # no role: parents of other children, claims firms, prayer groups, tracing on behalf of a client
    "One of the dads at football asked me if the new lad in goal is adopted. Can I tell him?",
    "A mum at the school gate asked whether the girl who pushed her son has a social worker. Can I say?",
    "A no win no fee firm keeps calling about a resident's fall. Can I give them the details?",
    "Can I mention a client's cancer diagnosis to my prayer group so they can pray for her?",
    "A man said he was a private investigator acting for a family and asked where our tenant works now. "
    "Can I tell him?",
    # the person the concern is about
    "The uncle, who is the subject of our referral about the children, has asked me what the children said. "
    "Can I tell him?",
    "A woman we reported for neglecting her mother came in asking who reported her. What do I tell her?",
]
WITH_A_ROLE = [
    "Our safeguarding lead asked me what the girl said. Can I tell her?",
    "The child's social worker rang asking whether he attended today. Can I tell her?",
]


@pytest.mark.parametrize("text", NO_ROLE_OR_ACCUSED)
def test_no_role_askers_and_the_accused_get_nothing(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) == "dont_share"


@pytest.mark.parametrize("text", WITH_A_ROLE)
def test_askers_with_a_role_are_not_refused(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) != "dont_share"


def test_capacity_doubts_ruled_out_are_not_a_lack_of_capacity(advisor: Advisor) -> None:
    text = "Her husband wants her results. She's 50, no capacity issues, and she hasn't said either way."
    assert advisor.facts(text)["capacity"].value == "has"
    assert "legal_authority" not in advisor.facts("She's 45 and her son wants her letters.")


def test_sexual_activity_without_capacity_to_consent_is_a_crime(advisor: Advisor) -> None:
    text = (
        "A man with a learning disability lacks capacity to consent to sex, and a woman from his day centre "
        "takes him back to her flat. Can I share this?"
    )
    assert advisor.advise(text).verdict == "share"
    near_miss = advisor.facts("A woman who has capacity is in a relationship with a man from her day centre.")
    assert "crime" not in near_miss or near_miss["crime"].value is False


LEGAL_REQUESTS = [
    "The family court has made an order for our after-school club's attendance records on a boy. His dad "
    "says we mustn't. Do we have to send them?",
    "We've received an order from the county court to produce a tenant's support notes. Can we?",
    "The safeguarding adults board has requested our notes on a man who died, for a safeguarding adults "
    "review. Must we give them?",
]
NOT_LEGAL = [
    "Her daughter wants to see her care plan. She's 45, no concerns. She hasn't said either way.",
    "A court case about his neighbour is coming up; his sister wants to know what he told us. Can I?",
]


@pytest.mark.parametrize("text", LEGAL_REQUESTS)
def test_court_orders_and_board_requests_are_legal_authority(advisor: Advisor, text: str) -> None:
    advice = advisor.advise(text)
    assert advice.verdict == "share" and "override.legal_authority" in advice.rules


@pytest.mark.parametrize("text", NOT_LEGAL)
def test_no_legal_power_without_an_order(advisor: Advisor, text: str) -> None:
    assert "override.legal_authority" not in advisor.advise(text).rules


SAME_ORGANISATION = [
    "A neighbour seems lonely, a caller says. Can I pass her details to our befriending team?",
    "I work in the council's benefits team. Can I pass my worry about a tenant's falls to the council's own "
    "adult social care team?",
    "Our trust's mental health team want to know about a patient's falls. Same trust. Can I tell them?",
    "Can I tell the other coaches in our club about a 9-year-old's epilepsy before the tournament?",
]
OTHER_ORGANISATION = [
    "Can I pass my worry about a tenant's falls to adult social care? I work for a housing association.",
]


@pytest.mark.parametrize("text", SAME_ORGANISATION)
def test_another_team_of_the_same_organisation_is_internal(advisor: Advisor, text: str) -> None:
    advice = advisor.advise(text)
    assert advice.verdict == "share" and "key.within_organisation" in advice.rules


@pytest.mark.parametrize("text", OTHER_ORGANISATION)
def test_another_organisation_is_not_internal(advisor: Advisor, text: str) -> None:
    assert advisor.facts(text)["recipient"].value != "colleague"


OVERRIDDEN_REFUSALS = [
    # coercion by the carer who is also exploiting her
    "A man with capacity told me his home help keeps his cash card and says she'll stop visiting if he "
    "complains. He asked me to keep it to myself. Can I share this?",
    # strangulation in other words, with a child in the home
    "A woman with capacity says her boyfriend put his hands around her throat last week. Her two children "
    "live with them. She begged me not to say anything. Can I share it?",
    # a fraudster doing the same to others
    "An older man with capacity paid a roofer for work that never got done, and the roofer is doing the same "
    "to other neighbours. He doesn't want it reported. Can I share this?",
    # staff hurting residents
    "Two residents told me the same night carer pinches them when she turns them. One has capacity and says "
    "leave it. Can I report it?",
    "I saw a support worker take money from a tenant's purse. The tenant has capacity but wants no fuss. "
    "Can I report it?",
]
RESPECTED_REFUSALS = [
    "A woman with capacity told me she's been struggling with debt. There's no abuse, no children and nobody "
    "else involved, and she asked me not to pass it on. Can I tell the debt adviser anyway?",
    "I'm a support worker with a man who has capacity. He told me he feels lonely and doesn't want anyone "
    "told. Can I tell his GP?",
]


@pytest.mark.parametrize("text", OVERRIDDEN_REFUSALS)
def test_refusals_that_can_be_overridden(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) == "share"


@pytest.mark.parametrize("text", RESPECTED_REFUSALS)
def test_refusals_that_stand(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) == "dont_share"


DURESS = [
    "Her son says he'll stop doing her shopping if she tells anyone about the money.",
    "The old man says his lodger will wreck the place if he ever complains to anyone.",
    "Her carer keeps her debit card and won't give it back.",
]
NOT_DURESS = [
    "What happens if I tell someone and she finds out it was me?",
    "She asked me not to pass it on; she is embarrassed about the debt.",
    "Her daughter holds her bus pass for her because she keeps losing it.",
]


@pytest.mark.parametrize("text", DURESS)
def test_threats_tied_to_telling_and_control_of_money_are_duress(advisor: Advisor, text: str) -> None:
    found = advisor.facts(text)
    assert found["duress"].value is True or found["crime"].value is True


@pytest.mark.parametrize("text", NOT_DURESS)
def test_no_duress_without_a_threat(advisor: Advisor, text: str) -> None:
    found = advisor.facts(text)
    assert "duress" not in found or found["duress"].value is False
    assert "escalation" not in found


def test_the_persons_own_refusal_or_laughing_it_off_is_not_a_manager_blocking(advisor: Advisor) -> None:
    assert "escalation" not in advisor.facts("She laughed it off and said it was nothing.")
    assert advisor.facts("I told my manager and he laughed it off.")["escalation"].value is True
    assert (
        advisor.facts("The nurse in charge says it's not our business to report.")["escalation"].value is True
    )


HEDGED_WORRIES = [
    "A neighbour's new partner seems to choose who she sees, but she says she's fine and nothing specific "
    "has happened. I can't tell whether it's control or just him being protective. Can I get advice without "
    "naming her?",
    "A student says her housemate is probably depressed, but I'm not sure if she's actually unwell. Not sure "
    "if I should do anything. Who do I ask?",
]
CONCRETE_BUT_UNSURE_HOW_URGENT = [
    "Not sure if this is urgent. Yesterday a resident punched a carer and broke her nose. Can we give the "
    "police our incident log?",
    "I'm not sure if this is a 999 thing. Last night a 14-year-old in our care came back with bruises and "
    "said older men gave her vodka. Can I tell her social worker?",
]


@pytest.mark.parametrize("text", HEDGED_WORRIES)
def test_hedged_worries_with_nothing_specific_get_advice(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) == "seek_advice"


@pytest.mark.parametrize("text", CONCRETE_BUT_UNSURE_HOW_URGENT)
def test_doubt_about_urgency_is_not_doubt_about_safeguarding(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) == "share"


def test_a_service_run_by_a_charity_is_not_running_it_past_someone(advisor: Advisor) -> None:
    text = "Can I refer her to a lunch club run by a charity? No concerns, just company. I haven't asked her."
    assert verdict(advisor, text) == "ask_consent"
    assert advisor.facts("Can I run this past someone first?")["unsure_if_safeguarding"].value is True


def test_dash_counts_anywhere_in_the_sentence(advisor: Advisor) -> None:
    assert (
        advisor.facts("We did a DASH with her today and it came out at 16 yes answers.")[
            "high_risk_marac"
        ].value
        is True
    )
    assert advisor.facts("She ticked 9 of the boxes on the DASH.")["high_risk_marac"].value is False


def test_clares_law_is_cited_for_a_partners_past_violence(advisor: Advisor) -> None:
    text = "Her new boyfriend was jailed for beating his ex-wife. Can we ask the police to tell her?"
    assert "scheme.clares_law" in advisor.advise(text).rules
    assert (
        "scheme.clares_law"
        not in advisor.advise("Her new boyfriend is a lovely man. Can I tell her mum?").rules
    )


DBS_DISMISSALS = [
    "We let a youth worker go after he sent pupils rude messages. He wasn't charged. Must we tell the DBS?",
    "A volunteer quit before the investigation into him hitting a child finished. Do we still refer him?",
]


@pytest.mark.parametrize("text", DBS_DISMISSALS)
def test_removal_over_harm_in_other_words_is_a_dbs_referral(advisor: Advisor, text: str) -> None:
    advice = advisor.advise(text)
    assert advice.verdict == "share" and "dbs.referral_duty" in advice.rules


def test_where_something_happened_online_is_not_a_receiver(advisor: Advisor) -> None:
    assert advisor.facts("He was messaging girls on Instagram late at night.").get("recipient") is None
    assert advisor.facts("Can I post her photo on Instagram?")["recipient"].value == "publicity"


def test_the_doer_with_care_needs_in_a_pronoun_or_a_misparse(advisor: Advisor) -> None:
    text = "One of our residents has advanced dementia. He hit another resident yesterday. Can I report it?"
    assert advisor.facts(text)["abuser_care_needs"].value is True
    assert "abuser_care_needs" not in advisor.facts("Her husband hit her yesterday. She has dementia.")


def test_a_single_past_incident_with_nothing_since_is_not_a_crime_to_prevent(advisor: Advisor) -> None:
    text = "He slapped her once two years ago and there's been nothing since. She has capacity and says no."
    assert "crime" not in advisor.facts(text)
    again = "He slapped her two years ago and he's started again. She has capacity and says no."
    assert advisor.facts(again)["crime"].value is True


def test_a_housing_association_landlord_has_a_role(advisor: Advisor) -> None:
    social = "Her new landlord, a housing association, asked about her support needs. No concerns. Can I say?"
    assert advisor.advise(social).verdict == "ask_consent"
    private = "Her landlord rang asking how long she has left so he can re-let the flat. Can I tell him?"
    assert advisor.advise(private).verdict == "dont_share"


def test_asking_the_police_to_consider_a_clares_law_disclosure(advisor: Advisor) -> None:
    ask = "Her new partner served time for hurting a previous girlfriend. Can we ask the police to tell her?"
    advice = advisor.advise(ask)
    assert advice.verdict == "share" and advice.explanation.startswith("Rule domestic_violence_disclosure")
    yourself = (
        "Her new partner served time for hurting a previous girlfriend. Should I tell her about it myself?"
    )
    assert not advisor.advise(yourself).explanation.startswith("Rule domestic_violence_disclosure")


NEGLECT_AND_STAFF_HARM = [
    # medical and dental neglect of a child
    "A 5-year-old at our nursery has rotten teeth and has missed every dental appointment; mum says she "
    "can't be bothered. Can I tell the health visitor and children's services without asking first?",
    # staff restraining as punishment, staff covering up a medication error
    "I saw three carers pin a resident face down as a punishment. Can I report this outside the home?",
    "A senior carer gave a resident the wrong dose of insulin and told us not to record it. Can I report it "
    "to the council?",
]


@pytest.mark.parametrize("text", NEGLECT_AND_STAFF_HARM)
def test_neglect_and_harm_by_staff_in_new_words_are_shared(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) == "share"


def test_a_second_receiver_in_a_conjunction_counts(advisor: Advisor) -> None:
    text = (
        "A 14-year-old says someone online threatens to send her pictures to her friends unless she pays. "
        "Can I pass this to our safeguarding lead and the police?"
    )
    assert verdict(advisor, text) == "share"


MORE_NO_ROLE = [
    "A cab driver who takes one of our clients to hospital asked me what's wrong with her. Can I tell him?",
    "A school governor asked me for the names of the children on child protection plans. Can I give them?",
    "A student writing a dissertation wants a named client's case file. Can I share it?",
    "A man in the queue at the shop asked if the lad we support is the one who got arrested. Can I say?",
    "Someone from a dating app company asked us to confirm a client's identity. Can I?",
    "The PTA chair asked which families get free school meals so she can invite them to a fundraiser. Can I?",
    "A customer asked me whether the man next door gets his prescriptions from us. Can I tell her?",
    "A student's housemate asked me what's wrong with her. She has capacity, no one else is at risk. Can I?",
    "Can I tell my book club about a family we support, with their names?",
]


@pytest.mark.parametrize("text", MORE_NO_ROLE)
def test_more_people_with_no_role(advisor: Advisor, text: str) -> None:
    assert verdict(advisor, text) == "dont_share"


def test_a_threat_for_a_later_day_is_a_crime_to_prevent(advisor: Advisor) -> None:
    text = "Some lads spat at him and said they'll get him next Friday. He has capacity. Police?"
    assert advisor.facts(text)["crime"].value is True
    assert verdict(advisor, text) != "emergency"


def test_a_prisoner_with_care_needs_is_shared_with_prison_and_probation(advisor: Advisor) -> None:
    text = (
        "A prisoner with care and support needs is being released to our area. Can we share with probation?"
    )
    assert "prisoners.sharing" in advisor.advise(text).rules
    assert (
        "prisoners.sharing" not in advisor.advise("A prisoner's mum asked how he is. Can I tell her?").rules
    )


def test_the_secrecy_prior_is_for_safeguarding_routes_only(advisor: Advisor) -> None:
    ordinary = (
        "A 15-year-old wants help with a college application and asked me not to tell her parents yet, "
        "it's a surprise. Can I send her grades to the college?"
    )
    assert advisor.facts(ordinary)["purpose"].value == "support"


def test_someone_under_investigation_asking_is_the_alleged_abuser(advisor: Advisor) -> None:
    text = "The dad under a police investigation for hitting his son wants our notes. Can I give him them?"
    advice = advisor.advise(text)
    assert advice.verdict == "dont_share"
    assert advisor.facts(text)["recipient"].value == "abuser"


def test_money_handed_over_by_someone_who_lacks_capacity_is_a_worry(advisor: Advisor) -> None:
    text = "A man who lacks capacity over money gave a new 'friend' £2,000. Can I report it to safeguarding?"
    assert advisor.advise(text).verdict == "share"
    has = "A woman with capacity gave her grandson £50 for his birthday. Can I tell her daughter?"
    assert advisor.facts(has)["purpose"].value == "support"


def test_no_scopes_over_its_own_noun_phrase(advisor: Advisor) -> None:
    # a "no" inside "with no concerns" does not negate the refusal that follows
    text = "A 17-year-old with no safeguarding concerns asked me not to tell his parents about the clinic."
    assert advisor.facts(text)["consent"].value == "refused"
    # it still negates inside its phrase, and a negative subject still negates its verb
    assert advisor.facts("There are no concerns about abuse.")["harm_concern"].value is False
    found = advisor.facts("There's no crime and no one is pressuring him.")
    assert "duress" not in found or found["duress"].value is False


def test_asking_whether_someone_uses_the_service_is_a_location_request(advisor: Advisor) -> None:
    text = "A man keeps ringing our refuge asking whether his partner has been staying here. Can I tell him?"
    assert verdict(advisor, text) == "dont_share"
    assert "location_request" not in advisor.facts("Can I tell her GP whether she has been eating?")


def test_a_personal_social_media_account_is_never_the_place(advisor: Advisor) -> None:
    personal = (
        "Can I put photos of the kids from our club on my personal Instagram? Parents haven't been asked."
    )
    assert verdict(advisor, personal) == "dont_share"
    work = "Can I put photos of the kids from our club on the club's website? Parents haven't been asked."
    assert verdict(advisor, work) == "ask_consent"


def test_angle_bracket_placeholders_are_single_names(advisor: Advisor) -> None:
    text = (
        "<PERSON_1>'s ex rang the nursery demanding to know what time she collects the kids. Can I tell him?"
    )
    assert verdict(advisor, text) == "dont_share"
    assert len(advisor.extractor.parse("<PERSON_1> is 14.")) == 4


def test_chat_questions_without_a_question_mark(advisor: Advisor) -> None:
    text = (
        "<PERSON_1> is 13 and says her step-brother (19) keeps asking her to come to his room at night. "
        "she doesnt want her mum told. can i pass it on"
    )
    assert verdict(advisor, text) == "share"


def test_under_13_and_doing_stuff_is_sexual_activity(advisor: Advisor) -> None:
    text = (
        "a girl of 11 says she and her 'boyfriend' have been 'doing stuff'. she doesnt want her parents told."
    )
    assert advisor.facts(text)["serious_crime"].value is True
    assert "serious_crime" not in advisor.facts(
        "a boy of 11 says he's been doing stuff with his mates at the park."
    )


def test_a_relative_asking_about_a_private_matter_kept_from_them(advisor: Advisor) -> None:
    text = (
        "A client with capacity told me she had an abortion. No concerns. Her husband doesn't know, and he "
        "has asked me if anything happened. Can I tell him?"
    )
    assert verdict(advisor, text) == "dont_share"
    ordinary = (
        "A client's husband asked me how her physio is going. She has capacity, no concerns. Can I tell him?"
    )
    assert verdict(advisor, ordinary) == "ask_consent"


def test_a_member_of_a_social_group_has_no_role(advisor: Advisor) -> None:
    assert verdict(
        advisor, "A lady from the WI asked me if the man we visit is losing his marbles. Can I say?"
    ) == ("dont_share")


def test_staff_neglecting_residents_in_bed_are_implicated(advisor: Advisor) -> None:
    text = "Residents have sores and staff have been leaving them in bed without turning them for days."
    assert advisor.facts(text)["staff_implicated"].value is True
    assert "staff_implicated" not in advisor.facts(
        "Staff have been brilliant with her. Can I tell her son she's well?"
    )


def test_a_ward_round_or_mdt_is_inside_the_organisation(advisor: Advisor) -> None:
    text = (
        "Can I bring up a patient's disclosure that her son hits her at our ward round with the consultant?"
    )
    advice = advisor.advise(text)
    assert advice.verdict == "share" and "key.within_organisation" in advice.rules


def test_the_askers_own_job_is_not_the_person_asked_about(advisor: Advisor) -> None:
    text = "I'm a dinner lady. A 6-year-old said a family friend takes photos of her in the bath. Tell mum?"
    assert advisor.facts(text)["subject"].value == "child"
    assert verdict(advisor, text) == "share"


def test_a_parents_friend_is_not_the_parent(advisor: Advisor) -> None:
    text = "A 7-year-old says her dad's friend tells her their chats are their little secret. Tell our DSL?"
    assert verdict(advisor, text) == "share"
    parent = "A 7-year-old says her dad tells her birthday plans are their little secret. Can I tell our DSL?"
    assert "harm_concern" not in advisor.facts(parent)


def test_removal_after_late_night_messages_to_children(advisor: Advisor) -> None:
    text = "Our youth leader was removed after he was found messaging teenagers at 2am. Must we tell?"
    assert "dbs.referral_duty" in advisor.advise(text).rules


def test_the_nearer_person_is_the_one_asking(advisor: Advisor) -> None:
    text = "GP reception - a patient's wife wants his results over the phone. No concerns. Can I?"
    assert advisor.facts(text)["recipient"].value == "family"


def test_selling_drugs_to_children_is_serious(advisor: Advisor) -> None:
    text = "Last night two men were selling what looks like weed to kids outside our youth club."
    assert advisor.facts(text)["serious_crime"].value is True
    assert "serious_crime" not in advisor.facts("A man was selling cheap tobacco outside the pub last night.")


def test_a_service_the_person_uses_is_not_a_no_role_asker(advisor: Advisor) -> None:
    text = "Can I tell the taxi firm that takes a client to our day centre about her chair? No concerns."
    assert verdict(advisor, text) == "ask_consent"


def test_keeping_an_address_back_is_not_asking_for_one(advisor: Advisor) -> None:
    text = "A teen near us is out late a lot. Neglect or just a teen? Advice without giving the address?"
    assert "location_request" not in advisor.facts(text)
    assert verdict(advisor, text) == "seek_advice"
    assert advisor.facts("Her ex wants her new address. Can I give it?")["location_request"].value is True


def test_blocked_escape_routes_put_others_at_risk(advisor: Advisor) -> None:
    text = (
        "A man with capacity refuses help; his hoarding is blocking the stairwell of the flats. Fire service?"
    )
    assert advisor.facts(text)["others_at_risk"].value is True


def test_an_estranged_relative_has_no_role(advisor: Advisor) -> None:
    text = "A man's estranged brother, who he hasn't spoken to in years, rang asking for his number. Can I?"
    assert verdict(advisor, text) == "dont_share"
    close = "A man's brother, who visits him every week, asked how his physio is going. No concerns. Can I?"
    assert verdict(advisor, close) == "ask_consent"


def test_a_carer_out_of_it_on_drink_or_drugs_is_a_worry(advisor: Advisor) -> None:
    text = "A 5-year-old is collected by her 10-year-old brother because dad is 'sleeping it off'. Raise it?"
    assert verdict(advisor, text) == "share"
    assert "harm_concern" not in advisor.facts(
        "The baby was sleeping when mum picked her up. Can I tell dad?"
    )


def test_fgm_described_as_a_ceremony(advisor: Advisor) -> None:
    text = "A 10-year-old says she's going abroad this summer for a ceremony to 'become a woman'. Tell?"
    assert advisor.facts(text)["honour_based"].value is True
    assert "honour_based" not in advisor.facts("She's going abroad for a wedding ceremony this summer.")


def test_being_locked_in_by_staff_is_harm(advisor: Advisor) -> None:
    text = "A resident says the night staff lock her bedroom door from the outside. Can I report it?"
    assert verdict(advisor, text) == "share"


def test_a_refusal_about_the_family_does_not_cover_another_receiver(advisor: Advisor) -> None:
    text = (
        "A 14-year-old wants to join the orchestra and asked me not to tell her mum yet, it's a surprise. "
        "Can I pass her name to the music teacher?"
    )
    assert verdict(advisor, text) == "ask_consent"
    mum = "A 14-year-old asked me not to tell her mum she's joined the orchestra. Can I tell mum?"
    assert verdict(advisor, mum) == "dont_share"
    worry = (
        "A 13-year-old told me something that worried me and doesn't want her mum told. Can I tell our DSL?"
    )
    assert verdict(advisor, worry) == "share"


def test_more_phrasings_from_the_audit(advisor: Advisor) -> None:
    staff = (
        "A resident with dementia keeps saying a male carer 'does things' to her at night. The manager says "
        "she's confused and to ignore it. What should I do?"
    )
    assert verdict(advisor, staff) == "share"
    hedge = "A cadet seems hungry but says he's fine. Maybe its nothing. Can I ask someone for advice first?"
    assert verdict(advisor, hedge) == "seek_advice"
    transfer = (
        "I'm a housing officer. Can I send a tenant's GP letter to the allocations team at another landlord "
        "for her transfer? No concerns; she hasn't said I can."
    )
    assert verdict(advisor, transfer) == "ask_consent"


def test_a_relatives_timetable_question_with_no_concern_is_ordinary(advisor: Advisor) -> None:
    text = (
        "A resident's granddaughter asked which days she has physio so she can visit. She has capacity, "
        "no concerns. I haven't asked her. Can I tell her?"
    )
    assert verdict(advisor, text) == "ask_consent"
    ex = "A resident's ex-husband, who she is frightened of, asked which days she has physio. Can I tell him?"
    assert verdict(advisor, ex) == "dont_share"


def test_keeping_someone_elses_cash_is_a_crime(advisor: Advisor) -> None:
    assert advisor.facts("Her nephew takes her to the bank and keeps the cash.")["crime"].value is True
    assert "crime" not in advisor.facts("She keeps her money in a tin and spends her pension on bingo.")


def test_a_parent_kept_away_by_a_court_order_is_not_a_legal_request(advisor: Advisor) -> None:
    text = (
        "<PERSON_2>'s dad, who doesn't have contact because of a court order, has asked our nursery for "
        "photos of her. Can we send some?"
    )
    found = advisor.facts(text)
    assert "legal_authority" not in found
    assert verdict(advisor, text) == "dont_share"
    order = "The family court has ordered us to produce a child's attendance records. Dad objects. Must we?"
    assert advisor.facts(order)["legal_authority"].value is True


def test_asking_the_nursery_for_photos_is_a_request_for_information(advisor: Advisor) -> None:
    text = "A girl's uncle asked our nursery for photos of her. Her mum hasn't said he can. Can we send them?"
    assert advisor.facts(text)["recipient"].value == "family"
