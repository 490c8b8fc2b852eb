import pytest

from redaction.lexicon import Lexicon
from redaction.recognizers.name_position import NamePositionRecognizer

# Names below are in no name list on purpose: the recognizer must find them by position alone.
UNLISTED = ["zyrah", "tayvion", "kyzer", "dariel", "ezrah", "zubeida", "kaylan"]

# (message, names that must be found exactly)
MATCH = [
    # after a role or relationship noun, in any case
    ("my client zyrah ofori rang from 07700 900123", ["zyrah ofori"]),
    ("her carer tayvion keeps taking her bank card", ["tayvion"]),
    ("a boy called kyzer (12) was left alone", ["kyzer"]),
    ("stepdad dariel picks her up drunk", ["dariel"]),
    ("pupil Zyrah Ofori came in with a bruise", ["Zyrah Ofori"]),
    ("my neighbour, tayvion, hasnt been seen", ["tayvion"]),
    ("her bf kaylan (19) picks her up", ["kaylan"]),
    ("my client is zyrah, she's 17", ["zyrah"]),
    # the subject of a clause
    ("ZYRAH is being asked for money", ["ZYRAH"]),
    ("ZYRAH OFORI (15) says his stepdad hits him", ["ZYRAH OFORI"]),
    ("i think ezrah is being groomed online", ["ezrah"]),
    ("ok so, tayvion told me his dad locks him in", ["tayvion"]),
    ("me and zyrah found her crying", ["zyrah"]),
    ("kyzer and zyrah are being bullied", ["kyzer", "zyrah"]),
    ("the true gender of zyrah has been debated", ["zyrah"]),
    ("a regular RR commenter ZYRAH said so", ["ZYRAH"]),  # a name grows only over words in its own case
    # before an age
    ("zyrah ofori (15) has bruises", ["zyrah ofori"]),
    ("we saw tayvion, 16, at the park", ["tayvion"]),
    ("worried about kyzer aged 14", ["kyzer"]),
    # possessives, with or without the apostrophe
    ("zubeida's mum is drinking every day", ["zubeida"]),
    ("went round to zubeidas house, no food", ["zubeidas"]),
    ("can i share tayvions care plan", ["tayvions"]),
]
NO_MATCH = [
    # ordinary, chat and advice words in the same positions
    "my client is scared to go home, can i tell adult social care?",
    "tbh idk what to do, the sw is off sick and the dsl isnt answering",
    "the pcso said the asb team came round last nite",
    "her bf is 19 and she is 14, do i ring police",
    "CPN SAID THE ASB TEAM CAME",
    "her ehcp review is next wk and the sendco is off",
    "my client (67) has capacity but his son takes his pension",
    "the lads (15) were seen with knives",
    "the famly is known to social care",  # a typo after a determiner is not a name
    "her freind said she is scared",
    "everybody thought so and nobody came",
    "ngl the placement is breaking down, cos the gp wont help",
    "the wifi at the hostel is down so she cant call",
    "ppl are saying she sells vapes",
]


def test_test_names_are_in_no_list() -> None:
    lex = Lexicon.load()
    assert not [n for n in UNLISTED if lex.is_name(n) or lex.is_word(n)]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_unknown_words_where_names_stand(find, text: str, expected: list[str]) -> None:
    assert find(NamePositionRecognizer(), text) == expected


@pytest.mark.parametrize("text", NO_MATCH)
def test_keeps_chat_roles_and_ordinary_words(find, text: str) -> None:
    assert find(NamePositionRecognizer(), text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # WordNet lists some names; the tagger's proper-noun reading between a role and a verb decides.
        ("resident brunhild says the night staff shout", ["brunhild"]),
        ("my client jaxon okonkwo rang from 07700 900123", ["jaxon okonkwo"]),
        ("and then kyzer fell off his bike", ["kyzer"]),  # a verb the tagger knows
    ],
)
def test_with_the_model(find_with_model, text: str, expected: list[str]) -> None:
    assert find_with_model(NamePositionRecognizer(), text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", ["my client defo needs help", "my client really needs help"])
def test_with_the_model_keeps(find_with_model, text: str) -> None:
    assert find_with_model(NamePositionRecognizer(), text) == []
