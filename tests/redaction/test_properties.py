"""Property tests: identifiers planted in generated messages never survive; redaction is idempotent."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redaction import Redactor
from redaction.lexicon import word_set
from redaction.recognizers.nhs_number import nhs_checksum_ok

FILLER = st.sampled_from(
    sorted(
        word_set(
            """
        can I tell the social worker school GP police about her his mum dad bruises today she he is
        worried scared said told me volunteer carer and or with at home it OK consent share
        """
        )
    )
)
FIRST = st.sampled_from(
    ["Jessie", "Kofi", "Agata", "Tunde", "Siobhan", "Dilnoza", "Wayne", "Precious", "Reece"]
)
SURNAME = st.sampled_from(
    ["Carter", "Okoro", "Kowalska", "Mensah", "Nowicki", "Appiah", "Hewitt", "Oyelaran"]
)


@st.composite
def nhs_numbers(draw: st.DrawFn) -> str:
    while True:
        digits = "".join(str(draw(st.integers(0, 9))) for _ in range(9))
        for check in range(10):
            if nhs_checksum_ok(digits + str(check)):
                spacing = draw(st.sampled_from(["{0} {1} {2}", "{0}{1}{2}", "{0}-{1}-{2}"]))
                return spacing.format(digits[:3], digits[3:6], digits[6:] + str(check))


@st.composite
def identifiers(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["name", "phone", "email", "postcode", "nhs", "ni"]))
    if kind == "name":
        first, last = draw(FIRST), draw(SURNAME)
        shape = draw(st.sampled_from(["{f} {l}", "{f}", "Mrs {l}", "{F} {L}", "{f}'s"]))
        return shape.format(f=first, l=last, F=first.upper(), L=last.upper())
    if kind == "phone":
        return "07700 9" + "".join(str(draw(st.integers(0, 9))) for _ in range(5))
    if kind == "email":
        local = draw(st.from_regex(r"[a-z]{2,8}\.[a-z]{2,8}[0-9]{0,2}", fullmatch=True))
        return f"{local}@{draw(st.sampled_from(['gmail.com', 'yahoo.co.uk', 'leics.gov.uk']))}"
    if kind == "postcode":
        return draw(st.sampled_from(["LE12 9BS", "B15 2TT", "le3 1le", "SW1A1AA", "NN3 8PQ"]))
    if kind == "nhs":
        return draw(nhs_numbers())
    return draw(st.sampled_from(["AB 12 34 56 C", "CE456789A", "JK-48-21-07-D"]))


@st.composite
def messages(draw: st.DrawFn) -> tuple[str, list[str]]:
    planted = draw(st.lists(identifiers(), min_size=1, max_size=3))
    parts: list[str] = []
    for ident in planted:
        parts += draw(st.lists(FILLER, min_size=1, max_size=6))
        parts.append(ident)
    parts += draw(st.lists(FILLER, max_size=4))
    text = " ".join(parts)
    return (text[0].upper() + text[1:] + draw(st.sampled_from([".", "?", ""]))), planted


def _distinctive(identifier: str) -> list[str]:
    """What must not survive: the name words, or the whole code with spacing removed."""
    if re.search(r"\d", identifier) or "@" in identifier:
        return [re.sub(r"[\s-]", "", identifier).lower()]
    return [w.lower() for w in re.findall(r"[A-Za-z]+", identifier.replace("'s", "")) if w.lower() != "mrs"]


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(messages())
def test_planted_identifiers_never_survive(blank_redactor: Redactor, message: tuple[str, list[str]]) -> None:
    text, planted = message
    out = blank_redactor.redact(text).text
    squashed = re.sub(r"[\s-]", "", out).lower()
    words = set(re.findall(r"[a-z]+", out.lower()))
    for identifier in planted:
        for part in _distinctive(identifier):
            assert (part not in squashed) if re.search(r"\d|@", part) else (part not in words), (text, out)


@FAST
@given(messages())
def test_redaction_is_idempotent(blank_redactor: Redactor, message: tuple[str, list[str]]) -> None:
    once = blank_redactor.redact(message[0]).text
    assert blank_redactor.redact(once).text == once


@FAST
@given(st.text(max_size=200))
def test_any_text_redacts_without_error_and_idempotently(blank_redactor: Redactor, text: str) -> None:
    once = blank_redactor.redact(text).text
    assert blank_redactor.redact(once).text == once
