"""Per-conversation placeholder state that is safe to store.

It holds keyed digests (HMAC-SHA256 with the caller's key) of normalised identifiers and of name parts,
never the identifiers: so "[PERSON_1]" can stay the same person across turns, including when a later turn
says only "Jodie" or only "Okoro", while the stored state reveals nothing without the key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from redaction.errors import RedactionError
from redaction.lexicon import word_set

PLACEHOLDER = re.compile(r"\[([A-Z][A-Z_]*?)_(\d+)\]")
# Another tool's placeholders, pasted in: "<PERSON_1>", "<PHONE_NUMBER>". Already anonymous, so kept as
# they are (and their numbers are not reused), never read as a name.
FOREIGN_PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*?)(?:_(\d+))?>")
_KEY_CHECK = b"canishare placeholder map v1"
_TITLES = word_set(
    """
    mr mrs ms miss mx dr prof sir dame lord lady rev revd fr grandad granddad grandpa grandma granny
    nan nana nanna nanny gran auntie aunty aunt uncle
    """
)


def name_parts(mention: str) -> list[str]:
    """The parts of a name that identify: lowercase words without titles or possessives."""
    words = re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", mention.lower())
    return [w for w in words if w not in _TITLES and len(w) > 1]


def normalise_identifier(label: str, value: str) -> str:
    if label == "PERSON":
        return " ".join(name_parts(value))
    if label in ("EMAIL", "URL", "HANDLE"):
        return value.strip().lower().lstrip("@")
    # Numbers and codes: the same whatever the spacing, punctuation or case ("AB 12 34 56 C" = "ab123456c").
    return re.sub(r"[\W_]", "", value).upper()


@dataclass
class _Entry:
    label: str
    number: int
    ids: set[str] = field(default_factory=set)
    parts: set[str] = field(default_factory=set)


class PlaceholderMap:
    """Which placeholder each identifier got in one conversation, as keyed digests only."""

    def __init__(self, key: bytes) -> None:
        if not isinstance(key, bytes) or len(key) < 16:
            raise RedactionError("the placeholder key must be at least 16 bytes")
        self._key = key
        self._entries: list[_Entry] = []
        self._reserved: dict[str, set[int]] = {}

    def _digest(self, value: str) -> str:
        return hmac.new(self._key, value.encode("utf-8"), hashlib.sha256).hexdigest()

    def placeholder_for(self, label: str, value: str, avoid: Collection[int] = ()) -> str:
        """The placeholder for this identifier: the one it had before, or a new one.

        A new one skips the numbers in ``avoid``: the caller passes the small numbers that stood alone inside
        identifiers removed from the same message ("DOB 1 March 2008" -> not ``[PERSON_1]``), so that no
        digit of a removed identifier seems to survive in the placeholders. Earlier placeholders keep theirs.
        """
        entry = self._find(label, value) or self._add(label, value, avoid)
        return f"[{label}_{entry.number}]"

    def knows_name_part(self, word: str) -> bool:
        """Was this word part of a name seen earlier in the conversation? (Later first-name-only mentions.)"""
        digest = self._digest(word.lower())
        return any(digest in e.parts for e in self._entries if e.label == "PERSON")

    def reserve(self, label: str, number: int) -> None:
        """A placeholder already in the text (typed by the user, or from an earlier redaction): never reuse it
        for someone new."""
        self._reserved.setdefault(label, set()).add(number)

    def _find(self, label: str, value: str) -> _Entry | None:
        key = self._digest(normalise_identifier(label, value))
        for entry in self._entries:
            if entry.label == label and key in entry.ids:
                return entry
        if label != "PERSON":
            return None
        parts = {self._digest(p) for p in name_parts(value)}
        if not parts:
            return None
        for entry in self._entries:
            # The same person if one mention's parts contain the other's: "Annie" then "Annie Smith", or
            # "Jessie Carter" then "Carter". "Jessie Carter" and "Jessie Smith" are two people.
            if entry.label == "PERSON" and (parts <= entry.parts or entry.parts <= parts):
                entry.ids.add(key)
                entry.parts |= parts
                return entry
        return None

    def _add(self, label: str, value: str, avoid: Collection[int] = ()) -> _Entry:
        used = {e.number for e in self._entries if e.label == label} | self._reserved.get(label, set())
        number = max(used, default=0) + 1
        while number in avoid:
            number += 1
        entry = _Entry(label, number, {self._digest(normalise_identifier(label, value))})
        if label == "PERSON":
            entry.parts = {self._digest(p) for p in name_parts(value)}
        self._entries.append(entry)
        return entry

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": 1,
                "key_check": self._digest(_KEY_CHECK.decode()),
                "entries": [
                    {"label": e.label, "number": e.number, "ids": sorted(e.ids), "parts": sorted(e.parts)}
                    for e in self._entries
                ],
                "reserved": {label: sorted(numbers) for label, numbers in self._reserved.items()},
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, data: str, key: bytes) -> PlaceholderMap:
        state = cls(key)
        try:
            raw = json.loads(data)
            if raw.get("version") != 1:
                raise RedactionError("unknown placeholder state version")
            if not hmac.compare_digest(raw["key_check"], state._digest(_KEY_CHECK.decode())):
                raise RedactionError("placeholder state was written with a different key")
            for item in raw["entries"]:
                state._entries.append(
                    _Entry(str(item["label"]), int(item["number"]), set(item["ids"]), set(item["parts"]))
                )
            for label, numbers in raw.get("reserved", {}).items():
                state._reserved[str(label)] = {int(n) for n in numbers}
        except RedactionError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise RedactionError("placeholder state is not valid") from None
        return state
