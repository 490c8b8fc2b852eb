"""Messages with planted identifiers, generated, so the leak tests are not tied to particular lines."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

FIRST = [
    "Tyler",
    "Keeley",
    "Oluwaseun",
    "Siobhan",
    "Przemek",
    "Aaliyah",
    "Dmitri",
    "Mehmet",
    "Grace",
    "Rhiannon",
    "Callum",
    "Leticia",
    "Bartosz",
    "Nneka",
    "Eilidh",
    "Harpreet",
    "Zainab",
    "Jaxon",
    "Precious",
    "Tomasz",
]
LAST = [
    "Brennan",
    "Okonkwo",
    "Wiśniewska",
    "McAllister",
    "Fairweather",
    "Haddad",
    "Kowalczyk",
    "Nwachukwu",
    "Pemberton",
    "Szymańska",
    "Abernethy",
    "Oyelaran",
    "Gallacher",
    "Thistlethwaite",
    "Mensah",
    "Dunleavy",
]
STREETS = [
    "Gipsy Lane",
    "Beaumont Leys Road",
    "Heol y Felin",
    "Kingfisher Court",
    "Pingle Street",
    "Wharf Close",
]
TOWNS = ["Loughborough", "Hinckley", "Oakham", "Melton Mowbray"]
ROLES = ["stepdad", "mum", "foster carer", "support worker", "neighbour", "teacher", "grandad", "carer"]
ASKS = [
    "Can I tell children's social care?",
    "Should I ring adult social care?",
    "Do I need consent to tell the GP?",
    "Can I pass this to the police?",
    "Can I tell my safeguarding lead?",
]
CONCERNS = [
    "has bruises on her arms",
    "says he is hit at home",
    "has no food in the house",
    "is being asked for money",
    "is scared to go home",
    "was left alone overnight",
]


def nhs_number(seed: int) -> str:
    digits = [(seed // 10**i) % 10 for i in range(9)]
    while True:
        total = sum(d * (10 - i) for i, d in enumerate(digits))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)
        digits[0] = (digits[0] + 1) % 10


@dataclass(frozen=True)
class Planted:
    text: str
    secrets: tuple[str, ...]  # words or digit runs that must never appear anywhere


@st.composite
def planted_messages(draw: st.DrawFn) -> Planted:
    first, last = draw(st.sampled_from(FIRST)), draw(st.sampled_from(LAST))
    other = draw(st.sampled_from([f for f in FIRST if f != first]))
    number = draw(st.integers(100, 999))
    street = draw(st.sampled_from(STREETS))
    town = draw(st.sampled_from(TOWNS))
    phone = f"07700 900{draw(st.integers(100, 999))}"
    postcode = draw(st.sampled_from(["LE1 5WW", "LE11 3TU", "NG7 2RD", "B15 2TT", "CF10 1AA", "le3 1le"]))
    nhs = nhs_number(draw(st.integers(100_000_000, 999_999_999)))
    email = f"{first.lower()}.{number}@example.org"
    age = draw(st.integers(2, 95))
    role = draw(st.sampled_from(ROLES))
    concern = draw(st.sampled_from(CONCERNS))
    ask = draw(st.sampled_from(ASKS))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        text = (
            f"{first} {last} ({age}) {concern}. Her {role} {other} lives at {number} {street}, {town} "
            f"{postcode}. {ask}"
        )
    elif shape == 1:
        spaced_nhs = f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"
        text = (
            f"my client {first.lower()} {last.lower()} rang from {phone}, NHS {spaced_nhs}. {concern}. {ask}"
        )
    elif shape == 2:
        text = f"{first.upper()} {concern}; {role} {other} emailed {email}. {ask}"
    else:
        text = (
            f"Is it ok? {first}'s {role} said {concern}. Address {number} {street}, {postcode}. "
            f"Tel {phone}. {ask}"
        )
    secrets = [
        first,
        last,
        other,
        street.split()[0],
        phone.replace(" ", ""),
        nhs,
        email.split("@")[0],
        postcode.replace(" ", "").upper(),
    ]
    return Planted(text, tuple(s for s in secrets if s in text or s.lower() in text.lower() or s.isdigit()))


def leaked(secrets: tuple[str, ...], haystack: str) -> list[str]:
    """Secrets found in the haystack: digit runs ignoring spacing, everything else as a whole word."""
    import re

    squashed = re.sub(r"\s", "", haystack)
    found = []
    for secret in secrets:
        if secret.isdigit():
            if secret in squashed:
                found.append(secret)
        elif " " not in secret and any(c.isdigit() for c in secret) and secret.upper() in squashed.upper():
            # postcodes and references, however they were spaced
            if re.search(rf"(?<![A-Za-z0-9]){re.escape(secret)}(?![A-Za-z0-9])", squashed, re.IGNORECASE):
                found.append(secret)
        elif re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", haystack, re.IGNORECASE):
            found.append(secret)
    return found
