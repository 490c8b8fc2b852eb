"""Fact extraction on redacted text: tables of phrasing, negation and hedging, with placeholders."""

from __future__ import annotations

import pytest

from knowledge import Advisor
from knowledge.facts import compile_pattern
from knowledge.models import FactValue, KnowledgeError

pytestmark = pytest.mark.model


def fact(advisor: Advisor, text: str, name: str) -> FactValue | None:
    found = advisor.facts(text)
    return found[name].value if name in found else None


SUBJECT = [
    ("[PERSON_1] is 15 and has scratches on her arms.", "child"),
    ("A 12-year-old told me her dad hits her mum.", "child"),
    ("[PERSON_1] (15) said her uncle touched her.", "child"),
    ("she's 14 and sleeping at her boyfriend's", "child"),
    ("A lady in her 80s lives with [PERSON_2].", "adult"),
    ("A client with capacity was hit by her husband. Their 3-year-old was there.", "adult"),
    ("[PERSON_1] is pregnant. Can I refer the unborn baby to children's social care?", "unborn"),
    ("A 30 year old man told me he is struggling.", "adult"),
]


@pytest.mark.parametrize(("text", "expected"), SUBJECT)
def test_subject(advisor: Advisor, text: str, expected: str) -> None:
    assert fact(advisor, text, "subject") == expected


CONSENT = [
    ("She doesn't want me to tell anyone.", "refused"),
    ("he says dont tell anyone", "refused"),
    ("[PERSON_1] refused to let me contact her GP.", "refused"),
    ("She has agreed to a referral.", "given"),
    ("He isn't happy for me to share it.", "refused"),
    ("I haven't asked her yet.", "not_asked"),
    ("She hasn't been asked.", "not_asked"),
    ("Can I share it without asking [PERSON_1] first?", "not_asked"),
    ("Should I get the parents' agreement before contacting social care?", "not_asked"),
    ("A man told me his son takes his money.", None),
]


@pytest.mark.parametrize(("text", "expected"), CONSENT)
def test_consent(advisor: Advisor, text: str, expected: str | None) -> None:
    assert fact(advisor, text, "consent") == expected


CAPACITY = [
    ("A client who has capacity told me.", "has"),
    ("A woman with full capacity said no.", "has"),
    ("He lacks capacity to manage money.", "lacks"),
    ("She doesn't have capacity for this decision.", "lacks"),
    ("She no longer has capacity.", "lacks"),
    ("I'm not sure she has capacity any more.", "in_doubt"),
    ("He might lack capacity.", "in_doubt"),
    ("She may be losing capacity.", "in_doubt"),
    ("He was assessed as having capacity but his capacity may have changed.", "in_doubt"),
    ("A man told me he is struggling.", None),
]


@pytest.mark.parametrize(("text", "expected"), CAPACITY)
def test_capacity(advisor: Advisor, text: str, expected: str | None) -> None:
    assert fact(advisor, text, "capacity") == expected


BOOLEANS = [
    ("immediate_danger", "A man is attacking someone upstairs right now.", True),
    ("immediate_danger", "He's going to kill himself and has a rope.", True),
    ("immediate_danger", "She is not in immediate danger.", False),
    ("immediate_danger", "She was attacked last week.", None),
    ("immediate_danger", "Her partner is being violent at the moment.", True),
    ("harm_concern", "There are no concerns about abuse or neglect.", False),
    ("harm_concern", "She has bruises on her arms.", True),
    ("harm_concern", "She doesn't want a referral but he hits her.", True),
    ("others_at_risk", "Nobody else is at risk.", False),
    ("others_at_risk", "Her two grandchildren live with them.", True),
    ("others_at_risk", "The flat is a fire risk to the neighbours.", True),
    ("crime", "There's no crime involved.", False),
    ("crime", "Her nephew has been stealing from her.", True),
    ("duress", "He threatens to put him in a home if he refuses.", True),
    ("duress", "Her partner controls all her money.", True),
    ("staff_implicated", "One of our support workers took money from a resident's purse.", True),
    ("staff_implicated", "I'm a volunteer and a resident told me her son hits her.", None),
    ("legal_authority", "A solicitor has a court order for the records.", True),
    ("legal_authority", "The police don't have a warrant.", False),
    ("high_risk_marac", "She scored 16 on the DASH.", True),
    ("high_risk_marac", "She scored 8 on the DASH.", False),
    ("high_risk_marac", "She doesn't meet the MARAC threshold.", False),
    ("abuser_care_needs", "A resident with dementia hit another resident.", True),
    ("abuser_care_needs", "A resident with dementia was hit by a visitor.", None),
    ("volunteer", "im a volunteer at the food bank", True),
    ("confidentiality_promise", "She asked me to promise not to tell anyone.", True),
    ("escalation", "My manager hasn't acted on the concern I raised.", True),
    ("anonymous_advice", "Can I get advice without giving his name?", True),
]


@pytest.mark.parametrize(("name", "text", "expected"), BOOLEANS)
def test_boolean_facts(advisor: Advisor, name: str, text: str, expected: bool | None) -> None:
    assert fact(advisor, text, name) is expected


RECIPIENTS = [
    ("Can I raise this with her social worker?", "social_care"),
    ("Can I pass the footage to the police?", "police"),
    ("Can I tell a client's son about her care?", "family"),
    ("Can I discuss a family we work with in supervision with my manager?", "manager"),
    ("Can I tell the hostel manager about his depression?", "other_service"),
    ("The ex-partner of a woman in our refuge is asking which town she moved to. Can I tell him?", "abuser"),
    ("A 12-year-old told me her dad hits her. Can I tell her dad I know?", "abuser"),
    ("Her grandfather is curious about what happened. Can I tell him?", "curious"),
    ("Can I tell my own friend about the case over dinner?", "curious"),
    ("Can I contact anyone about her son taking her money?", None),
]


@pytest.mark.parametrize(("text", "expected"), RECIPIENTS)
def test_recipient(advisor: Advisor, text: str, expected: str | None) -> None:
    assert fact(advisor, text, "recipient") == expected


def test_placeholders_are_single_opaque_tokens(advisor: Advisor) -> None:
    doc = advisor.extractor.parse("[PERSON_1] told [PERSON_2] at [ADDRESS_1] that [ORG_1] knows.")
    assert [t.text for t in doc][:3] == ["[PERSON_1]", "told", "[PERSON_2]"]
    assert "PERSON" not in {t.text for t in doc}


@pytest.mark.parametrize(
    "text",
    [
        bytes(range(256)).decode("latin-1").replace("\xd7", "\xd7[PERSON_1]\xf7[PERSON_2]"),
        "[PERSON_1][PERSON_2]x[ADDRESS_1]",
        "\x00\x01 [ORG_1]",
        "",
        "?" * 500,
    ],
    ids=["binary", "glued", "control", "empty", "punctuation"],
)
def test_junk_and_glued_placeholders_still_get_advice(advisor: Advisor, text: str) -> None:
    advice = advisor.advise(text)
    assert advice.verdict in ("emergency", "share", "ask_consent", "dont_share", "seek_advice")
    assert advice.render_text().endswith("This is guidance, not legal advice.")


def test_facts_carry_the_redacted_snippet_as_evidence(advisor: Advisor) -> None:
    found = advisor.facts("[PERSON_1] lacks capacity. Her son [PERSON_2] takes her pension.")
    assert "[PERSON_1] lacks capacity" in found["capacity"].evidence
    assert found["capacity"].explanation


def test_pattern_language_rejects_unknown_sets() -> None:
    with pytest.raises(KnowledgeError, match="@nosuchset"):
        compile_pattern("a @nosuchset", {})


def test_pattern_language_rejects_a_number_or_set_inside_an_alternative() -> None:
    # "[all|#]" would match the character "#", not a number; "@set" only works first ("@set|a|b")
    for pattern in ("took [all|#] tablets", "took [all|@poss] tablets", "took [all|~tab]"):
        with pytest.raises(KnowledgeError, match="inside an alternative"):
            compile_pattern(pattern.replace("[", "").replace("]", ""), {"poss": ["her"]})
    assert compile_pattern("@poss|his tablets", {"poss": ["her"]})


# Cues added while scoring unseen batches: general word classes and scope, each with a near miss.
GENERAL = [
    ("immediate_danger", "she's standing on the multi storey car park roof", True),
    ("immediate_danger", "her boyfriend is kicking the door in and she's screaming", True),
    ("immediate_danger", "a 6 year old is wandering alone by the canal", True),
    ("immediate_danger", "he swallowed a packet of paracetamol ten mins ago", True),
    ("immediate_danger", "he swallowed a packet of paracetamol two years ago", None),
    ("immediate_danger", "her grandson is hitting her right now", True),
    ("immediate_danger", "her husband is hitting her most weekends", None),
    ("immediate_danger", "[PERSON_1] is strangling [PERSON_2]", True),
    ("unsure_if_safeguarding", "not sure if this is a safeguarding thing", True),
    ("unsure_if_safeguarding", "I don't know whether it counts as neglect", True),
    ("unsure_if_safeguarding", "I dont really know what counts as abuse", True),
    ("unsure_if_safeguarding", "I've got a gut feeling something isn't right", True),
    ("unsure_if_safeguarding", "It is abuse and I want to report it", None),
    ("anonymous_advice", "I don't want to name her yet", True),
    ("others_at_risk", "the same carer looks after two other elderly clients", True),
    ("escalation", "Nobody else is at risk. What now?", None),
    ("escalation", "My manager has not acted on it.", True),
    ("child_self_harm", "[PERSON_1] is 15 and has cuts on her arms", True),
    ("child_self_harm", "[PERSON_1] is 45 and has cuts on her arms", None),
    ("crime", "A child told me she's pregnant and she's 12.", True),
    ("crime", "She's 15 and sleeping with a 24 year old.", True),
    ("crime", "She's 15 and pregnant by her 16 year old boyfriend.", None),
    ("immediate_danger", "He's having a seizure and isn't responding", True),
    ("immediate_danger", "I found him on the floor barely conscious", True),
    ("immediate_danger", "there's a strong smell of gas in the corridor", True),
    ("immediate_danger", "she rang to say her ex has got in through the kitchen window", True),
    ("immediate_danger", "she sent a photo of pills and the words 'goodbye everyone'", True),
    ("immediate_danger", "she took an overdose of pills years ago and said goodbye to us last week", None),
    ("immediate_danger", "the men there won't let her leave", True),
    ("immediate_danger", "her husband won't let her leave the house or see her family", None),
    ("immediate_danger", "a toddler on his own in a car in the car park", True),
    ("unsure_if_safeguarding", "Not sure if what I've seen is neglect", True),
    ("unsure_if_safeguarding", "i dont know if i'm overreacting", True),
    ("unsure_if_safeguarding", "She says she doesn't want any fuss.", None),
    ("anonymous_advice", "Can I have a no-names chat with the team?", True),
    ("escalation", "My manager said it's fine and not to bother, can I go above her?", True),
    ("immediate_danger", "there's blood pouring out of his head", True),
    ("immediate_danger", "the baby has gone limp and won't wake", True),
    ("immediate_danger", "a girl is being dragged into a car by two men", True),
    ("immediate_danger", "he says he's on the train tracks near [ADDRESS_1]", True),
    ("immediate_danger", "she's taken all her mum's sleeping pills", True),
    ("unsure_if_safeguarding", "Is that emotional abuse or just a stressed parent?", True),
    ("unsure_if_safeguarding", "I'm in two minds whether it's a welfare issue", True),
    ("unsure_if_safeguarding", "It is financial abuse and her son is involved", None),
    ("abuser_care_needs", "Two residents, both with dementia, had a fight", True),
    ("harm_concern", "mum is 24 weeks, heavy heroin use, previous children removed", True),
]


@pytest.mark.parametrize(("name", "text", "expected"), GENERAL)
def test_general_cues(advisor: Advisor, name: str, text: str, expected: bool | None) -> None:
    assert fact(advisor, text, name) == expected


GENERAL_VALUES = [
    ("consent", "She asked me to.", "given"),
    ("consent", "My client has asked me to let her housing officer know.", "given"),
    ("consent", "He asked me to keep it between us.", "refused"),
    ("consent", "I don't want to name her yet.", None),
    ("capacity", "An adult with learning disabilities who has capacity for this decision.", "has"),
    ("capacity", "A man with dementia is being scammed.", "in_doubt"),
    ("recipient", "Can I share her support plan with the day centre manager?", "other_service"),
    ("recipient", "Can I share it with our centre manager?", "manager"),
    ("recipient", "The mum of another child in the class wants to know why she was taken away.", "curious"),
    ("recipient", "My neighbour knows I work there and keeps asking about [PERSON_1]. Can I?", "curious"),
    ("recipient", "Can I put a photo of [PERSON_1] in our newsletter?", "publicity"),
    (
        "recipient",
        "My mate's kid goes to the school where I work and he wants to know who. Can I?",
        "curious",
    ),
    ("recipient", "Her son hits her. She asks me not to say anything. Can I share?", None),
    ("recipient", "A man who says he's her boyfriend is asking to see her. She's scared of him.", "abuser"),
    ("recipient", "A councillor emailed asking for the names of the families we support.", "curious"),
    ("subject", "Year 9 lad turned up with a black eye.", "child"),
    ("recipient", "She doesn't want her sister told she's in hospital.", "family"),
    ("recipient", "A mum told me her ex follows her. Should I tell our safeguarding lead?", "manager"),
    ("recipient", "I think her mum should know.", "family"),
    ("recipient", "Can I bring it up with a young carer at our staff safeguarding huddle?", "colleague"),
    ("recipient", "Can I show my partner the photos from the case?", "curious"),
    ("recipient", "My book club friend is worried about him. She's asked me how he's doing.", "curious"),
    ("consent", "She has asked us not to tell her GP about it.", "refused"),
]


@pytest.mark.parametrize(("name", "text", "expected"), GENERAL_VALUES)
def test_general_values(advisor: Advisor, name: str, text: str, expected: str | None) -> None:
    assert fact(advisor, text, name) == expected
