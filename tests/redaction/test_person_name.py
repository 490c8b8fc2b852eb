import pytest

from redaction.recognizers.person_name import PersonNameRecognizer

# (message, names that must be found exactly)
MATCH = [
    ("Can I tell them that Jessie Carter (15) has", ["Jessie Carter"]),
    ("Molly's mum Stacey Hewitt is", ["Molly", "Stacey Hewitt"]),
    ("Mr Trevor Bailey, 2 Orchard Way", ["Mr Trevor Bailey"]),
    ("tasha told me her dad wayne hits her mum", ["tasha", "wayne"]),
    ("the lady mrs appiah has no food", ["mrs appiah"]),
    ("MARGARET OYELARAN fell at home", ["MARGARET OYELARAN"]),
    ("MRS JESSIE CARTER RANG ABOUT HER SON KYLE", ["MRS JESSIE CARTER", "KYLE"]),
    ("JORDAN SAID HIS STEPDAD DARREN LOCKS HIM IN", ["JORDAN", "DARREN"]),
    ("Marie-Claire Dubois rang", ["Marie-Claire Dubois"]),
    ("Mrs Smith-Jones rang", ["Mrs Smith-Jones"]),
    ("smith-jones rang me back", ["smith-jones"]),
    ("Liam O'Connor was found", ["Liam O'Connor"]),
    ("Can I discuss Grandad Ted's memory", ["Grandad Ted"]),
    ("my neighbour big dave shouts", ["dave"]),
    ("Can I add Precious Mensah's details", ["Precious Mensah"]),
    ("her son Will is scared", ["Will"]),
    ("told me Hope was crying", ["Hope"]),
    ("she said Jade and Rose were there", ["Jade", "Rose"]),
    ("Agata Kowalska has bruises", ["Agata Kowalska"]),
    ("Maika van de Noort is here", ["Maika van de Noort"]),
    ("What's your last name? Magnusson", ["Magnusson"]),
    ("follow up with eva nowakowska soon", ["eva nowakowska"]),
    ("guðgeir bergsveinsson called", ["guðgeir bergsveinsson"]),
    # modern UK names from first_names_more.txt, in any case
    ("my client jaxon okonkwo rang", ["jaxon okonkwo"]),
    ("NNEKA is being asked for money", ["NNEKA"]),
    ("NNEKA AND HER SISTER CHIOMA ARE LEFT ALONE", ["NNEKA", "CHIOMA"]),
    ("isla and mustafe were at the park with abdullahi", ["isla", "mustafe", "abdullahi"]),
]
NO_MATCH = [
    "Will you tell the GP?",
    # lowercase hyphenated words made of surnames, read as what they are
    "my client told me she self-harms most nights",
    "he self-isolates when he is low",
    "they white-wash everything",
    "I hope she is safe and will rise above it",
    "the price rose and grace was shown",
    "her mum and stepdad told the social worker",
    "Adult Social Care and the Home Office",
    "she lives in Leicester with her nan",
    "her uncle says the police came",
    "She has dementia and ADHD.",
    "SHE HAS MS AND LIVES ALONE",
    "she bought a poppy and a sienna jumper",
]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_names_in_every_form(find, text: str, expected: list[str]) -> None:
    assert find(PersonNameRecognizer(), text) == expected


@pytest.mark.parametrize("text", NO_MATCH)
def test_keeps_words_roles_and_places(find, text: str) -> None:
    assert find(PersonNameRecognizer(), text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is there a better song? Murphy and Marrero were engineers.", ["Murphy", "Marrero"]),
        # in a message typed in capitals the tagger calls every word a proper noun: not evidence
        ("SHE HAS BRUISES ON HER ARMS AND HER LEGS", []),
    ],
)
def test_model_tags_help_with_surnames_that_are_words(
    find_with_model, text: str, expected: list[str]
) -> None:
    assert find_with_model(PersonNameRecognizer(), text) == expected
