"""Fact extraction from redacted text with spaCy.

The cue lexicon (``data/cues.yaml``) is compiled into a spaCy ``Matcher``. Each match is then checked for
negation ("no concerns about abuse"), hedging ("not sure she has capacity"), past time and urgency, using the
dependency parse where the pipeline has one and a bounded window of tokens otherwise. A few facts need more
than a cue: the subject (child, unborn or adult, from ages and first mentions), who would receive the
information (roles linked to verbs like "tell", "share with", "pass to", or to requests like "is asking"),
staff implication, and the alleged abuser's care needs. Placeholders such as ``[PERSON_1]`` are merged into
single opaque tokens before anything else runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.danger import FUTURE, FUTURE_PHRASES, HABIT, RECENT, find_danger, forms
from knowledge.loader import _read_yaml, package_data
from knowledge.matching import SequenceMatcher, to_specs
from knowledge.models import Fact, FactValue, KnowledgeError
from knowledge.pos import take_over_attribute_ruler

PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_]*_\d+\]|<[A-Z][A-Z_]*_\d+>")  # [PERSON_1] or <PERSON_1>
NEGATIONS = {
    "not",
    "n't",
    "nt",
    "n’t",
    "never",
    "no",
    "nobody",
    "noone",
    "none",
    "nothing",
    "neither",
    "nor",
    "without",
    "deny",
    "denies",
    "denied",
}
HEDGES = {
    "might",
    "may",
    "maybe",
    "possibly",
    "perhaps",
    "unsure",
    "unclear",
    "uncertain",
    "wonder",
    "wondering",
    "doubt",
    "doubtful",
    "questionable",
    "whether",
    "if",
    "probably",
    "suspect",
}
BOUNDARIES = {
    ",",
    ";",
    ":",
    ".",
    "but",
    "although",
    "though",
    "however",
    "except",
    "because",
    "so",
    "and",
    "-",
    "?",
    "!",
    "who",
    "which",
    "that",
}
URGENCY = {
    "now",
    "tonight",
    "currently",
    "immediately",
    "urgent",
    "urgently",
    "outside",
    "happening",
    "ongoing",
    "phone",
    "minute",
    "moment",
    "speak",
    "line",
    "still",
}
STRONG_URGENCY = (
    "right now",
    "as we speak",
    "at the moment",
    "tonight",
    "currently",
    "happening now",
    "this minute",
    "immediately",
    "help!",
    "still there",
    "still here",
)
PAST = {"yesterday", "ago", "last", "previously", "earlier", "used", "past", "once", "before", "history"}
# A pattern of behaviour, not something happening as the message is written ("he hits her most weekends").
# Cues are also blocked by words that only make a statement conditional or historic ("when", "if",
# "used to", "has been"); those must not cancel a danger, so they extend the danger detector's list here.
HABITUAL = HABIT | {"keeps", "times", "been", "when", "if", "used"}
NOW_NOW = {"now", "tonight", "currently"}
QUESTION_OPENERS = {"do", "does", "did", "have", "has", "had", "should", "must", "need", "is", "are", "can"}
REPORTING = {"told", "tells", "said", "disclosed", "mentioned", "explained", "reported", "admitted"}
SERVICE_BLIND = {"crime", "serious_crime", "harm_concern"}
SERVICE_NOUNS = {
    "charity",
    "charities",
    "service",
    "services",
    "helpline",
    "team",
    "worker",
    "workers",
    "advocate",
    "advocates",
    "organisation",
    "organization",
    "project",
    "refuge",
    "course",
    "training",
    "policy",
    "clinic",
    "clinics",
    "group",
    "unit",
    "coordinator",
    "champion",
    "forum",
    "awareness",
    "programme",
    "program",
}
MISSED_ACTIVITIES = {
    "lectures",
    "lessons",
    "classes",
    "appointments",
    "sessions",
    "work",
    "shifts",
    "deadlines",
    "meals",
    "meetings",
    "college",
    "university",
    "training",
    "the",
}
FIRST_PERSON = {"i", "we", "i'd", "we'd", "i'm", "we're"}


def in_past(sent: Any) -> bool:
    """A past-time marker in the sentence, except a recent 'ago' ('ten minutes ago')."""
    for tok in sent:
        word = tok.lower_
        if word not in PAST:
            continue
        if {sent.doc[j].lower_ for j in range(max(sent.start, tok.i - 6), tok.i)} & NEGATIONS:
            continue  # "this isn't something that happened last week", "not a past incident"
        if word == "used" and not (
            tok.i + 1 < sent.end
            and sent.doc[tok.i + 1].lower_ == "to"
            and sent.doc[tok.i - 1].lower_ not in {"being", "been", "is", "was", "get", "getting", "got"}
        ):
            continue  # "being used by a gang" is not "used to"
        if word == "ago":
            before = {sent.doc[j].lower_ for j in range(max(sent.start, tok.i - 3), tok.i)}
            if before & RECENT:
                continue
        if word == "last":
            after = {sent.doc[j].lower_ for j in range(tok.i + 1, min(sent.end, tok.i + 3))}
            if after & RECENT:
                continue  # "in the last hour" is still now
        if tok.i > sent.start and sent.doc[tok.i - 1].lower_ == "since":
            continue  # "since last night": still going on
        return True
    return False


# verbs whose object is the receiver ("tell her son") and verbs that take it after "to"/"with"
DIRECT_VERBS = {
    "updating",
    "tell",
    "telling",
    "told",
    "inform",
    "informing",
    "contact",
    "contacting",
    "call",
    "calling",
    "phone",
    "phoning",
    "ring",
    "ringing",
    "notify",
    "notifying",
    "alert",
    "alerting",
    "email",
    "emailing",
    "warn",
    "update",
    "involve",
    "involving",
    "approach",
    "let",
    "ask",
    "message",
    "text",
    "show",
    "showing",
}
PREP_VERBS = {
    "share",
    "sharing",
    "discuss",
    "discussing",
    "raise",
    "raising",
    "talk",
    "talking",
    "speak",
    "speaking",
    "pass",
    "passing",
    "send",
    "sending",
    "give",
    "giving",
    "mention",
    "mentioning",
    "disclose",
    "disclosing",
    "forward",
    "show",
    "hand",
    "escalate",
    "go",
    "check",
    "liaise",
    "consult",
    "flag",
    "post",
    "put",
    "write",
    "refer",
    "referring",
    "report",
    "reporting",
    "tell",
    "telling",
    "told",
    "bring",
    "take",
    "present",
    "chat",
    "chatting",
    "gossip",
    "vent",
    "explain",
    "reveal",
    "say",
}
PREPOSITIONS = {"to", "with", "in", "at", "on"}
# a receiver after these words is what the message is about, not who hears it ("contact anyone about her son")
ABOUT = {"about", "regarding", "concerning", "that", "whether", "what", "if", "how"}
COMM_VERBS = DIRECT_VERBS | PREP_VERBS
REQUEST_WORDS = {
    "ask",
    "enquire",
    "enquires",
    "enquired",
    "inquiring",
    "approached",
    "cornered",
    "collared",
    "asking",
    "asked",
    "asks",
    "wants",
    "wanted",
    "requested",
    "requesting",
    "request",
    "demanding",
    "demands",
    "demanded",
    "enquiring",
    "rang",
    "called",
    "phoned",
    "emailed",
    "keeps",
    "order",
    "turned",
    "visited",
    "messaged",
    "texted",
    "contacted",
    "insisting",
    "insists",
    "calling",
    "ringing",
    "phoning",
    "texting",
    "messaging",
    "emailing",
    "contacting",
}
HARM_VERBS = {
    "hit",
    "hits",
    "hitting",
    "hurt",
    "hurts",
    "hurting",
    "abuse",
    "abuses",
    "abused",
    "abusing",
    "attacked",
    "attacks",
    "attacking",
    "beat",
    "beats",
    "beating",
    "kicked",
    "kicks",
    "punched",
    "punches",
    "slapped",
    "slaps",
    "takes",
    "took",
    "taking",
    "stole",
    "steals",
    "stealing",
    "threatens",
    "threatened",
    "controls",
    "shouts",
    "pushed",
    "pushes",
    "assaulted",
    "touched",
    "neglects",
    "neglected",
    "harmed",
    "harms",
    "raped",
    "exploits",
    "exploited",
    "grabbed",
    "grabs",
    "kissed",
    "swears",
    "locked",
    "bit",
}
HARM_VERBS |= forms(
    "lash",
    "hit",
    "hurt",
    "abuse",
    "attack",
    "beat",
    "kick",
    "punch",
    "slap",
    "steal",
    "threaten",
    "control",
    "shout",
    "push",
    "assault",
    "touch",
    "neglect",
    "harm",
    "rape",
    "exploit",
    "grab",
    "grope",
    "kiss",
    "swear",
    "lock",
    "bite",
    "strangle",
    "choke",
    "shove",
    "pinch",
    "scratch",
    "spit",
    "punish",
    "starve",
    "rob",
    "scam",
)
CARE_NEED_WORDS = {
    "learning",
    "disabled",
    "dementia",
    "alzheimer",
    "alzheimers",
    "disability",
    "disabilities",
    "resident",
    "residents",
    "patient",
    "needs",
    "autism",
    "autistic",
    "injury",
    "confused",
    "user",
}
STRONG_CARE_NEED_WORDS = CARE_NEED_WORDS - {"resident", "residents", "patient", "user", "needs", "injury"}
AGENCY_ROLES = {"social_care", "police", "health", "fire", "dbs", "lado", "school", "legal", "marac"}
PRONOUNS = {"him", "her", "them", "it", "this", "that"}
INFO_WORDS = {
    "know",
    "about",
    "where",
    "which",
    "what",
    "who",
    "why",
    "how",
    "whether",
    "if",
    "details",
    "address",
    "number",
}
ACTIVE_OBJECTS = {"me", "us", "him", "her", "them", "you", "the", "a", "an", "my", "our", "his", "their"}
CLAUSE_STOPS = {"where", "and", "but", "because", "while", "whereas", ";"}
PEOPLE_ROLES = {"family", "curious", "abuser"}
CONTACTED = {
    "rang",
    "called",
    "phoned",
    "emailed",
    "contacted",
    "messaged",
    "texted",
    "wrote",
    "rings",
    "calls",
}


def sent_of(doc: Any, i: int) -> Any:
    """The sentence of token ``i``, from an index built once per doc (``Token.sent`` rescans each time)."""
    index = doc.user_data.get("canishare_sents")
    if index is None:
        index = [None] * len(doc)
        for sent in doc.sents:
            for j in range(sent.start, sent.end):
                index[j] = sent
        doc.user_data["canishare_sents"] = index
    return index[i]


class Cue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fact: str
    value: FactValue
    negated: FactValue | None = None
    hedged: FactValue | None = None
    urgent: bool = False
    past_blocks: bool = False
    habitual_blocks: bool = False
    weak: bool = False
    explain: str
    patterns: list[str] = Field(min_length=1)


class CueFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: dict[str, list[str]] = {}
    cues: list[Cue]


def load_cues(path: Path | None = None) -> CueFile:
    """Load the cue lexicon, reject ambiguous patterns (naming file and cue) and expand phrase groups."""
    target = path or package_data() / "cues.yaml"
    raw = _read_yaml(target)
    try:
        lexicon = CueFile.model_validate(raw)
    except ValidationError as exc:
        raise KnowledgeError(f"{target}: cues: {exc}") from exc
    cues: list[Cue] = []
    for number, cue in enumerate(lexicon.cues, start=1):
        expanded: list[str] = []
        for pattern in cue.patterns:
            try:
                expanded += expand_pattern(pattern)
            except KnowledgeError as exc:
                raise KnowledgeError(
                    f"{target}: cue {number} ({cue.fact} = {cue.value}): pattern {pattern!r}: {exc}"
                ) from None
        cues.append(cue.model_copy(update={"patterns": expanded}))
    return lexicon.model_copy(update={"cues": cues})


def split_pattern(text: str) -> list[str]:
    """Split a pattern on spaces, except inside a ``(phrase one|phrase two)`` group."""
    tokens: list[str] = []
    current = ""
    depth = 0
    for ch in text.strip():
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise KnowledgeError("a ')' without its '('")
        if ch.isspace() and depth == 0:
            if current:
                tokens.append(current)
            current = ""
        else:
            current += ch
    if depth:
        raise KnowledgeError("a '(' without its ')'")
    if current:
        tokens.append(current)
    return tokens


def expand_pattern(text: str) -> list[str]:
    """Check one pattern of the cue language and return the plain patterns it stands for.

    A space always starts a new token, so a multi-word alternative written as ``seizure|heart attack`` would
    silently become two tokens (``seizure|heart`` then ``attack``). To make that mistake impossible, a pattern
    of more than one token must write every alternative explicitly: ``[a|b]`` for one word out of several,
    ``(heart attack|seizure)`` for phrases (expanded here into one plain pattern per phrase). A bare ``a|b``
    is only allowed when it is the whole pattern. Empty alternatives (``a||b``, ``a|``) are errors too.
    """
    tokens = split_pattern(text)
    variants: list[list[str]] = [[]]
    for token in tokens:
        optional = token.endswith("?") and len(token) > 1
        body = token[:-1] if optional else token
        if body.startswith("~"):  # a prefix, which may be a placeholder's opening ("~[person")
            variants = [v + [token] for v in variants]
            continue
        if body.startswith("(") and body.endswith(")"):
            phrases = [p.strip() for p in body[1:-1].split("|")]
            if any(not p for p in phrases):
                raise KnowledgeError("an empty phrase in a (...) group")
            for p in phrases:
                if any("|" in w or "(" in w or "[" in w for w in p.split()):
                    raise KnowledgeError(f"phrase {p!r}: write plain words inside a (...) group")
            choices = [p.split() for p in phrases] + ([[]] if optional else [])
            variants = [v + c for v in variants for c in choices]
            continue
        if body.startswith("[") and body.endswith("]"):
            inner = body[1:-1]
            if "|" not in inner or " " in inner:
                raise KnowledgeError(f"{token!r}: [a|b] holds one-word alternatives")
            body = inner
        elif "|" in body and len(tokens) > 1:
            raise KnowledgeError(
                f"bare alternatives {token!r} next to other words: write [{body}] for one word out of "
                f"several, or (word one|two words) for phrases - a space inside an alternative starts a "
                f"new token"
            )
        if "|" in body and any(not a for a in body.split("|")):
            raise KnowledgeError(f"{token!r}: an empty alternative")
        if any(ch in body for ch in "()[]"):
            raise KnowledgeError(f"{token!r}: unbalanced brackets")
        variants = [v + [body + ("?" if optional else "")] for v in variants]
    out = [" ".join(v) for v in variants if v]
    if not out:
        raise KnowledgeError("the pattern is empty")
    return out


def compile_pattern(text: str, sets: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Turn the lexicon's small pattern language into a spaCy ``Matcher`` token pattern."""
    tokens: list[dict[str, Any]] = []
    for raw in text.lower().split():
        optional = len(raw) > 1 and raw.endswith("?")
        word = raw[:-1] if optional else raw
        spec: dict[str, Any]
        if word.startswith("*") and word[1:].isdigit():
            tokens.append({"TEXT": {"NOT_IN": [".", "?", "!", ";", ":"]}, "OP": f"{{0,{word[1:]}}}"})
            continue
        if word == "#":
            spec = {"LIKE_NUM": True}
        elif word.startswith("@"):
            # "@set" or "@set|word|word": a word set, optionally with extra words
            name, *extra = word[1:].split("|")
            if name not in sets:
                raise KnowledgeError(f"cues.yaml: pattern {text!r}: unknown set @{name}")
            spec = {"LOWER": {"IN": [*sets[name], *extra]}}
        elif word.startswith("~"):
            spec = {"LOWER": {"REGEX": "^" + re.escape(word[1:])}}
        elif "|" in word:
            special = [w for w in word.split("|") if w == "#" or w[:1] in ("@", "~")]
            if special:
                # "[all|#]" would look for the character "#": a set, prefix or number must come first, alone
                raise KnowledgeError(
                    f"cues.yaml: pattern {text!r}: {special[0]!r} inside an alternative is literal"
                )
            spec = {"LOWER": {"IN": word.split("|")}}
        else:
            spec = {"LOWER": word}
        if optional:
            spec["OP"] = "?"
        tokens.append(spec)
    if not tokens or all(t.get("OP") in ("?",) or "IS_PUNCT" in t for t in tokens):
        raise KnowledgeError(f"cues.yaml: pattern {text!r} can match nothing")
    return tokens


@dataclass(frozen=True)
class Hit:
    fact: str
    value: FactValue
    start: int
    end: int
    weak: bool
    evidence: str
    explain: str


def _placeholder_merger(doc: Any) -> Any:
    spans = []
    for m in PLACEHOLDER.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    if spans:
        from spacy.util import filter_spans

        spans = filter_spans(spans)  # placeholders glued to other text can expand into the same token
        with doc.retokenize() as retok:
            for span in spans:
                retok.merge(span, attrs={"TAG": "NNP", "POS": "PROPN"})
    return doc


def add_placeholder_component(nlp: Any) -> None:
    """Keep ``[PERSON_1]``-style placeholders as one opaque proper-noun token."""
    from spacy.language import Language

    name = "canishare_placeholders"
    if name not in Language.factories:
        Language.component(name, func=_placeholder_merger)
    if name not in nlp.pipe_names:
        nlp.add_pipe(name, first=True)


# chat shorthand spelled out, so the parser and the cues see ordinary words ("what i know abt her at our
# team meeting" was split into two sentences at "abt")
SHORTHAND = {
    "abt": "about",
    "bc": "because",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "ppl": "people",
    "pls": "please",
    "plz": "please",
    "thru": "through",
    "w/": "with",
    "w": "with",
    "u": "you",
    "ur": "your",
    "r": "are",
    "b4": "before",
    "tmrw": "tomorrow",
    "tmw": "tomorrow",
    "2day": "today",
    "2nite": "tonight",
    "tonite": "tonight",
    "rn": "right now",
    "atm": "at the moment",
    "asap": "as soon as possible",
    "yr": "year",
    "yrs": "years",
    "wk": "week",
    "wks": "weeks",
    "mins": "minutes",
    "sw": "social worker",
}
SHORTHAND_RE = re.compile(r"(?<![\w\[/])(" + "|".join(re.escape(k) for k in SHORTHAND) + r")(?![\w\]])", re.I)


def normalise(text: str) -> str:
    text = (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2013", "-")
        .replace("\u2014", "-")
    )
    return SHORTHAND_RE.sub(lambda m: SHORTHAND[m.group(1).lower()], text)


Subject = Literal["child", "unborn", "adult"]


class FactExtractor:
    """Compiled cue lexicon plus the spaCy pipeline; ``extract`` turns redacted text into facts."""

    def __init__(self, nlp: Any, cues: CueFile) -> None:
        from spacy.matcher import Matcher

        self.nlp = nlp
        self.cues = cues
        self.has_parser = "parser" in nlp.pipe_names
        if not self.has_parser and "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
        add_placeholder_component(nlp)
        # the engine reads only coarse POS tags: set them from the tagger's tags without the ruler's matcher
        self.pos = take_over_attribute_ruler(nlp)
        # plain word sequences go to the indexed SequenceMatcher, patterns with gaps to spaCy's Matcher
        self.matcher = Matcher(nlp.vocab)
        self.sequences = SequenceMatcher()
        for index, cue in enumerate(cues.cues):
            gapped = []
            for p in cue.patterns:
                tokens = compile_pattern(p, cues.sets)
                specs = to_specs(tokens)
                if specs is None:
                    gapped.append(tokens)
                else:
                    self.sequences.add(index, specs)
            if gapped:
                self.matcher.add(f"cue{index}", gapped)
        self._keys = {nlp.vocab.strings[f"cue{i}"]: i for i in range(len(cues.cues))}

    def matches(self, doc: Any) -> list[tuple[int, int, int]]:
        """(cue index, start, end) for every cue pattern found, in text order."""
        found = {(self._keys[key], start, end) for key, start, end in self.matcher(doc)}
        found.update(self.sequences(doc))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    # --- scope checks ----------------------------------------------------------------------------------

    def _sentence(self, doc: Any, i: int) -> Any:
        return sent_of(doc, i)

    def _window_back(self, doc: Any, start: int, limit: int) -> list[Any]:
        sent = sent_of(doc, start)
        out: list[Any] = []
        j = start - 1
        while j >= sent.start and len(out) < limit:
            tok = doc[j]
            if tok.lower_ in BOUNDARIES:
                break
            out.append(tok)
            # a lexical verb of its own starts another scope ("she doesn't want a MARAC referral")
            if self.has_parser and tok.pos_ == "VERB" and tok.lower_ not in {"been", "got", "having"}:
                break
            j -= 1
        return out

    def _negated(self, doc: Any, start: int, end: int) -> bool:
        back = self._window_back(doc, start, 6)
        for t in back:
            if t.lower_ not in NEGATIONS:
                continue
            if self.has_parser and t.lower_ == "no" and t.dep_ == "det":
                # "no" scopes over its own noun phrase ("no concerns about abuse"), not a later verb ("a boy
                # with no safeguarding concerns asked me not to tell")
                # a negative subject ("no one is pressuring him") still negates its verb
                phrase = {w.i for w in t.head.subtree}
                after_prep = t.i > 0 and doc[t.i - 1].lower_ in {"with", "of", "about", "for"}
                if start not in phrase and (after_prep or t.head.dep_ not in ("nsubj", "nsubjpass")):
                    continue
            return True
        if start >= 2 and doc[start - 1].lower_ == "one" and doc[start - 2].lower_ == "no":
            return True
        if self.has_parser:
            # "don't have a warrant": the negation sits on the verb that governs the cue's noun
            for tok in doc[start:end]:
                head = tok.head
                if (
                    not start <= head.i < end
                    and tok.dep_ in ("dobj", "attr", "oprd")
                    and any(c.dep_ == "neg" for c in head.children)
                ):
                    return True
            for tok in doc[start:end]:
                for c in tok.children:
                    if c.dep_ == "neg" and not start <= c.i < end and tok.pos_ in ("VERB", "AUX", "ADJ"):
                        return True
        return False

    def _first_person(self, doc: Any, start: int) -> bool:
        """Is the cue's clause said by the asker about themselves ('I don't want', 'we really don't want')?"""
        sent = sent_of(doc, start)
        j = start - 1
        if j >= sent.start and doc[j].lower_ in {"really", "just", "also", "still", "so"}:
            j -= 1
        return j >= sent.start and doc[j].lower_ in FIRST_PERSON

    def _asker_or_question(self, doc: Any, start: int) -> bool:
        """'I'm happy with it' (the asker's view) or 'do we have her consent?' (a question, not a fact)."""
        if doc[start].lower_ in {"'m", "am", "m", "'re", "are", "re"} and self._first_person(doc, start):
            return True
        sent = sent_of(doc, start)
        return sent.text.rstrip().endswith("?") and doc[sent.start].lower_ in QUESTION_OPENERS

    def _open_question(self, doc: Any, start: int) -> bool:
        """Is the cue inside 'whether ...' or 'if ...' in its clause (a question or condition, not a fact)?"""
        return any(t.lower_ in OPEN_QUESTION for t in self._window_back(doc, start, 5))

    def _hedged(self, doc: Any, start: int) -> bool:
        back = self._window_back(doc, start, 8)
        words = [t.lower_ for t in back]
        if any(w in HEDGES for w in words):
            return True
        for k, w in enumerate(words[:-1]):
            if w in {"sure", "know", "certain", "convinced"} and words[k + 1] in NEGATIONS:
                return True
        return False

    def _snippet(self, doc: Any, start: int, end: int) -> str:
        sent = sent_of(doc, start)
        text: str = sent.text.strip()
        if len(text) <= 160:
            return text
        left = max(sent.start, start - 12)
        right = min(sent.end, end + 12)
        middle: str = doc[left:right].text
        return ("… " if left > sent.start else "") + middle + (" …" if right < sent.end else "")

    # --- main ------------------------------------------------------------------------------------------

    def parse(self, text: str) -> Any:
        doc = self.nlp(normalise(text))
        return self.pos(doc) if self.pos is not None else doc

    def hits(self, doc: Any) -> list[Hit]:
        found: list[Hit] = []
        seen: set[tuple[int, int, int]] = set()
        for index, start, end in self.matches(doc):
            cue = self.cues.cues[index]
            if (index, start, end) in seen:
                continue
            seen.add((index, start, end))
            sent = sent_of(doc, start)
            words = {t.lower_ for t in sent}
            if cue.past_blocks and words & PAST and in_past(sent):
                continue
            planned = words & FUTURE or any(p in " " + sent.text.lower() for p in FUTURE_PHRASES)
            if cue.past_blocks and cue.fact == "immediate_danger" and planned and not words & NOW_NOW:
                continue  # "this weekend", "on Friday": a plan to prevent, not an emergency now
            if cue.habitual_blocks and words & HABITUAL:
                continue
            if cue.habitual_blocks and words & REPORTING and not words & URGENCY:
                continue  # "she told me her stepdad is hitting her mum": a disclosure of ongoing abuse
            if (
                cue.fact == "location_request"
                and doc[start].lower_ == "who"
                and start > 0
                and doc[start - 1].pos_ in ("NOUN", "PROPN")
            ):
                continue  # "a brother who rang asking about him": a relative clause, not "who rang?"
            if cue.fact == "consent" and cue.value == "refused" and self._first_person(doc, start):
                continue  # "I don't want to name her": the asker's wish, not the person's refusal
            if cue.fact == "consent" and cue.value == "given" and self._asker_or_question(doc, start):
                continue  # "I'm fine with it", "do we have her consent?": not the person agreeing
            if (
                cue.fact == "consent"
                and end + 1 < len(doc)
                and doc[end].lower_ == "or"
                and doc[end + 1].lower_
                in {
                    "no",
                    "not",
                    "yes",
                }
            ):
                continue  # "she hasn't said yes or no": neither agreed nor refused
            if cue.fact == "consent" and cue.value == "given" and self._open_question(doc, start):
                continue  # "asked whether she's happy for me to", "if he agrees": not known yet
            if cue.urgent and not (words & URGENCY):
                continue
            if cue.fact == "location_request" and re.search(
                r"\b(ca n't|can't|cant|cannot|can not|does n't|doesn't|doesnt|do n't|don't|dont|not) "
                r"(tell|say|remember|know|recall)( us| me| you)?$",
                " ".join(t.lower_ for t in doc[max(sent.start, start - 4) : start]),
            ):
                continue  # "he can't tell us where he lives": the person's confusion, not a request
            if cue.fact == "location_request" and "without" in {
                t.lower_ for t in doc[max(sent.start, start - 3) : start]
            }:
                continue  # "advice without giving the address": the asker keeping it anonymous
            if cue.fact == "immediate_danger" and words & AT_WORK and not words & URGENCY:
                continue  # "he's on the roof fixing the gutter, he's a builder": at work, not in peril
            if (
                cue.fact == "immediate_danger"
                and "knife" in {t.lower_ for t in doc[start:end]}
                and {t.lower_ for t in doc[end : min(len(doc), end + 4)]} & KITCHEN_USE
            ):
                continue  # "a knife and fork", "a knife to cut the cake": cutlery, not a weapon
            if (
                cue.fact == "immediate_danger"
                and "help" in {t.lower_ for t in doc[start:end]}
                and words & PLAY
                and not words & URGENCY
            ):
                continue  # "shouting for help in their game of tag": play
            if (
                cue.fact == "legal_authority"
                and words & {"contact", "away"}
                and not words
                & {"produce", "disclose", "records", "notes", "provide", "hand", "send", "share"}
            ):
                continue  # "no contact because of a court order": an order that protects, not one to disclose
            if cue.fact == "unsure_if_safeguarding" and words & URGENCY_DOUBT:
                continue  # "not sure if this counts as urgent / is a 999 thing": how fast, not whether
            if (
                cue.fact == "escalation"
                and doc[start].lower_ in {"has", "have", "had", "hasn't", "haven't"}
                and start > 0
                and doc[start - 1].lower_ in {"she", "he", "they", "it", "i"}
                and not {t.lower_ for t in doc[sent.start : start]} & BOSS_WORDS
            ):
                continue  # "she hasn't said anything about sharing": the person, not a manager doing nothing
            if (
                cue.fact == "escalation"
                and doc[start].lower_ in ESCALATION_NEEDS_BOSS
                and not {t.lower_ for t in doc[sent.start : start]} & BOSS_WORDS
            ):
                continue  # "she asked me not to pass it on", "laughed it off": the person, not a manager
            if (
                cue.fact == "capacity"
                and cue.value == "lacks"
                and end < len(doc)
                and doc[end].lower_ in CAPACITY_DOUBT_NOUNS
            ):
                continue  # "no capacity issues": doubts ruled out, not a lack of capacity
            if (
                cue.fact == "immediate_danger"
                and "find" in {t.lower_ for t in doc[start:end]}
                and {t.lower_ for t in doc[max(sent.start, start - 4) : start]} & HIDING_FROM
            ):
                continue  # "moving away so social services can't find me": hiding from services, not missing
            if end - start == 1 and doc[start].lower_ == "bit" and _quantity_bit(doc, start):
                continue  # "struggling a bit", "seems a bit odd", "a bit of a mess": a quantity, not a bite
            if cue.fact in SERVICE_BLIND and end < len(doc) and doc[end].lower_ in SERVICE_NOUNS:
                continue  # "a domestic abuse charity", "the sexual health clinic": a service, not an event
            missed = (
                end < len(doc) and doc[end - 1].lower_ == "missing" and doc[end].lower_ in MISSED_ACTIVITIES
            )
            if cue.fact == "harm_concern" and missed:
                continue  # "missing lectures": absence from an activity, not a missing person
            value: FactValue = cue.value
            if cue.fact in UNNEGATED:
                pass  # who or what is mentioned does not change with negation ("not to tell her daughter")
            elif cue.hedged is not None and self._hedged(doc, start):
                value = cue.hedged
            elif self._negated(doc, start, end):
                if cue.negated is None:
                    continue
                value = cue.negated
            found.append(
                Hit(cue.fact, value, start, end, cue.weak, self._snippet(doc, start, end), cue.explain)
            )
        # longest match first, then by position, so overlapping shorter matches can be dropped by callers
        found.sort(key=lambda h: (h.start, -(h.end - h.start)))
        return found

    def extract(self, text: str) -> list[Fact]:
        doc = self.parse(text)
        return build_facts(doc, self.hits(doc), self.has_parser)


# --- turning hits into facts -------------------------------------------------------------------------------

UNNEGATED = {
    "role",
    "person",
    "staff_mention",
    "location_request",
    "protective_order",
    "asks_who",
    "volunteer",
    "unsure_if_safeguarding",  # carries its own doubt ("not sure if this is abuse")
}
PRECEDENCE: dict[str, list[FactValue]] = {
    "consent": ["refused", "given", "not_asked"],
    "capacity": ["lacks", "in_doubt", "has"],
}
HELPERS = {
    "role",
    "person",
    "curious_marker",
    "staff_mention",
    "dismissal",
    "location_request",
    "protective_order",
    "sexual_activity",
    "suicide_intent",
    "suicide_means",
    "marriage_arranged",
    "grooming_sign",
    "prisoner_mention",
    "money_given",
}


# an adult outside the family in a grooming sign's sentence ("her coach ... asking her for photos", "a man he
# met online who sends him money"); a parent in the sentence makes it family life instead
GROOMER_WORDS = {
    "man",
    "men",
    "guy",
    "bloke",
    "adult",
    "adults",
    "older",
    "stranger",
    "coach",
    "leader",
    "instructor",
    "tutor",
    "teacher",
    "volunteer",
    "someone",
    "somebody",
    "boyfriend",
    "girlfriend",
    "lad",
    "lads",
    "neighbour",
    "friend",
    "friends",
    "mate",
    "mates",
}
PARENT_WORDS = {
    "mum",
    "mom",
    "dad",
    "mother",
    "father",
    "parent",
    "parents",
    "mummy",
    "daddy",
    "grandma",
    "grandad",
}
VAGUE_SEXUAL = {"doing", "fooling", "messing"}
PARTNER_WORDS = {"boyfriend", "girlfriend", "partner", "bf", "gf", "fella", "seeing"}
# words inside a sexual-activity cue that name an adult party ("staying at a man's flat", "an older man")
ADULT_PARTY = {"man", "man's", "mans", "men", "guy's", "guys", "bloke's", "blokes", "woman's", "womans"}
# a consent cue inside an embedded question or a condition is not consent ("I haven't asked whether she's
# happy for me to", "if she agrees")
OPEN_QUESTION = {"whether", "if", "wether"}


TALK_OVER_VERBS = {"chat", "talk", "think", "go", "talking", "chatting", "thinking"}
COMPULSION_WORDS = {
    "makes",
    "made",
    "making",
    "forces",
    "forced",
    "forcing",
    "threatens",
    "threatened",
    "threatening",
    "scared",
    "frightened",
    "afraid",
    "terrified",
}
QUANTITY_BEFORE_BIT = {"a", "little", "tiny", "wee", "quite", "the", "one", "every", "each", "this", "that"}


def _quantity_bit(doc: Any, i: int) -> bool:
    """'bit' as a quantity ('a bit', 'a little bit', 'bit of') rather than the past of 'bite'."""
    before = doc[i - 1].lower_ if i > 0 else ""
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return before in QUANTITY_BEFORE_BIT or after in {"of", "more", "less", "better", "worse", "too"}


def _resolve(name: str, hits: list[Hit]) -> Hit | None:
    strong = [h for h in hits if not h.weak] or hits
    order = PRECEDENCE.get(name, [True, False])
    for value in order:
        for hit in strong:
            if hit.value == value:
                return hit
    return strong[0] if strong else None


def _fact(name: str, value: FactValue, evidence: str, explanation: str) -> Fact:
    return Fact(name=name, value=value, evidence=evidence, explanation=explanation)


AGE_UNITS = {"year", "years", "yr", "yrs", "yo", "y", "y/o"}
NOT_AGE_NEXT = {
    "weeks",
    "week",
    "months",
    "month",
    "days",
    "day",
    "minutes",
    "hours",
    "times",
    "%",
    "percent",
    "on",
    "out",
    "points",
    "pm",
    "am",
    "miles",
    "pounds",
    "£",
}


DECADE_WORDS = {
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
PERSON_OF_AGE = {
    "girl",
    "boy",
    "child",
    "lad",
    "lass",
    "son",
    "daughter",
    "kid",
    "man",
    "woman",
    "pupil",
    "teen",
}
DECADE_BEFORE = {"his", "her", "their", "early", "late", "mid", "mid-"}


def _ages(doc: Any) -> list[tuple[int, int, str]]:
    """(token index, age, evidence) for ages like '15', 'a 12-year-old', '(15)', 'she's 14', 'aged 9'."""
    out: list[tuple[int, int, str]] = []
    for tok in doc:
        text = tok.lower_
        # "(8)" can come out of the tokenizer as "(", "8)" (it looks like an emoticon)
        m = re.fullmatch(r"(\d{1,3})(yo|yrs?|y/o)?(\))?", text)
        if not m and text in DECADE_WORDS and tok.i > 0 and doc[tok.i - 1].lower_ in DECADE_BEFORE:
            # "a man in his thirties", "in her early twenties"
            out.append((tok.i, DECADE_WORDS[text], sent_of(doc, tok.i).text.strip()))
            continue
        if not m:
            m2 = re.fullmatch(r"(\d)0s", text)
            if (
                m2
                and tok.i > 0
                and doc[tok.i - 1].lower_ in {"her", "his", "their", "in", "early", "late", "mid"}
            ):
                out.append((tok.i, int(m2.group(1)) * 10, sent_of(doc, tok.i).text.strip()))
            continue
        age = int(m.group(1))
        if age > 110:
            continue
        nxt = [doc[j].lower_ for j in range(tok.i + 1, min(len(doc), tok.i + 4))]
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        prev2 = doc[tok.i - 2].lower_ if tok.i > 1 else ""
        if nxt and nxt[0] in NOT_AGE_NEXT:
            continue
        is_age = bool(m.group(2))
        if not is_age and nxt:
            rest = [w for w in nxt if w != "-"]
            is_age = bool(rest) and rest[0] in AGE_UNITS
        if not is_age and prev in {"aged", "age", "ages"}:
            is_age = True
        if not is_age and prev == "of" and prev2 in PERSON_OF_AGE and age < 100:
            is_age = True  # "a girl of 11"
        if not is_age and prev == "(" and m.group(3) and age < 100:
            is_age = True
        if not is_age and prev in ("(", ",") and nxt and nxt[0] in (")", ",") and age < 100:
            is_age = True
        if (
            not is_age
            and prev in {"is", "'s", "s", "turned", "turns", "just"}
            and prev2 not in {"score", "it"}
        ):
            is_age = not nxt or nxt[0] in {",", ".", "and", "?", "!", ")", "but", "now", "-", "years", "so"}
        if is_age:
            out.append((tok.i, age, sent_of(doc, tok.i).text.strip()))
    return out


RECIPIENT_EXCLUDE = {"social_care", "manager", "colleague", "police", "health", "school", "lado", "fire"}


def _subject(
    doc: Any, hits: list[Hit], role_spans: list[Hit]
) -> tuple[Subject | None, str, str, list[tuple[int, str, str]]]:
    """Return (subject, evidence, explanation, all person mentions)."""
    inside_role: set[int] = set()
    for r in role_spans:
        if r.value in RECIPIENT_EXCLUDE:
            inside_role.update(range(r.start, r.end))
    mentions: list[tuple[int, str, str]] = []
    for i, age, ev in _ages(doc):
        mentions.append((i, "child" if age < 18 else "adult", ev))
    for h in hits:
        if h.fact != "person" or h.start in inside_role:
            continue
        before = " ".join(t.lower_ for t in doc[max(0, h.start - 4) : h.start])
        if re.search(r"\b(i 'm|i'm|im|i am|as) (a|an)( \w+)?$", before):
            continue  # "I'm a dinner lady", "as a support worker": the asker, not the person asked about
        prev = doc[h.start - 1].lower_ if h.start > 0 else ""
        if h.value == "child" and prev in {"grown", "adult", "grown-up", "older"}:
            continue
        mentions.append((h.start, str(h.value), h.evidence))
    mentions.sort()
    if not mentions:
        return None, "", "", []
    # the person asked about: first mention inside a question, else the first mention overall
    chosen = None
    for i, kind, ev in mentions:
        sent = sent_of(doc, i)
        if sent.text.strip().endswith("?") and kind in ("child", "unborn"):
            chosen = (i, kind, ev)
            break
    if chosen is None:
        chosen = mentions[0]
    kind = chosen[1]
    value: Subject = "child" if kind == "child" else "unborn" if kind == "unborn" else "adult"
    if (
        value == "adult"
        and any(k == "unborn" for _, k, _ in mentions)
        and any(sent_of(doc, i).text.strip().endswith("?") for i, k, _ in mentions if k == "unborn")
    ):
        value = "unborn"
    explanation = {
        "child": "the person discussed is a child (under 18): the children's rules apply",
        "unborn": "the person discussed is an unborn baby: the children's rules apply",
        "adult": "the person discussed is an adult: the adults' rules apply",
    }[value]
    return value, chosen[2], explanation, mentions


OWN_SCHOOL = re.compile(r"\b(our|my) (school|college|academy|nursery|primary|secondary)\b")
SCHOOL_STAFF = {"senco", "teacher", "teachers", "headteacher", "head"}


def _misparsed_verb(doc: Any, tok: Any) -> bool:
    """'Can our school's pastoral lead share what she knows': a verb the tagger read as a noun."""
    sent = sent_of(doc, tok.i)
    nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
    return (
        tok.lower_ in {"share", "pass", "tell", "report", "discuss", "mention"}
        and doc[sent.start].tag_ == "MD"
        and nxt is not None
        and nxt.tag_ in {"WP", "PRP", "DT", "PRP$", "RP"}
    )


PARENT_WORDS = {"mum", "dad", "parent", "mother", "father", "mom", "grandparent", "grandma", "grandad", "nan"}
GROUP_PLACES = {
    "playgroup",
    "nursery",
    "preschool",
    "pre-school",
    "school",
    "toddler",
    "football",
    "swimming",
    "cubs",
    "brownies",
    "scouts",
    "rugby",
    "dance",
    "gymnastics",
    "ballet",
    "karate",
    "church",
    "baby",
    "stay",
}
EMPLOYER_WORDS = {"employer", "employers", "boss", "workplace"}
RETURN_TO_WORK = re.compile(
    r"\b(back to work|return(ing)? to work|phased return|fit (for|to) (work|return)|fit note"
    r"|occupational health|reasonable adjustments|well enough to (come back|return|go back|start|work))\b"
)
OWN_CHILD_WORDS = {"son", "daughter", "child", "kid", "kids", "boy", "girl", "baby", "little", "children"}


def _about_own_child(doc: Any, r: Hit) -> bool:
    """'a mum at nursery asked me how her daughter is settling in': the parent of the child asked about."""
    sent = sent_of(doc, r.start)
    return any(
        doc[j].lower_ in {"her", "his", "their"} and doc[j + 1].lower_ in OWN_CHILD_WORDS
        for j in range(r.end, sent.end - 1)
    )


CONSENT_GATE_VERBS = {"ask", "asking", "check", "checking", "clear", "run"}


def _gate_before_telling(doc: Any, tok: Any, sent: Any) -> bool:
    """'ask his mum before I tell the lead': an agreement sought, not a share."""
    for j in range(tok.i + 1, min(sent.end, tok.i + 8)):
        if doc[j].lower_ == "before":
            return any(doc[k].lower_ in COMM_VERBS for k in range(j + 1, min(sent.end, j + 6)))
    return False


def _recipients(doc: Any, roles: list[Hit], has_parser: bool) -> list[tuple[str, Hit]]:
    """Roles that would receive the information: objects of 'tell/share with/pass to', or requesters."""
    # keep the longest role match at each position
    best: dict[int, Hit] = {}
    for r in roles:
        if r.start not in best or (r.end - r.start) > (best[r.start].end - best[r.start].start):
            best[r.start] = r
    spans = sorted(best.values(), key=lambda h: h.start)
    covered: set[int] = set()
    clean: list[Hit] = []
    for r in spans:
        if r.start in covered:
            continue
        covered.update(range(r.start, r.end))
        clean.append(r)
    clean = [_external_manager(doc, r) for r in clean]
    # "a mum at playgroup", "another dad from football": a parent met through a group, not the person's family
    clean = [
        Hit(r.fact, "curious", r.start, r.end, r.weak, r.evidence, "a parent from a group, with no role")
        if r.value == "family"
        and r.end - r.start == 1
        and doc[r.start].lower_ in PARENT_WORDS
        and r.start > 0
        and doc[r.start - 1].lower_ in {"a", "another"}
        and r.end + 1 < len(doc)
        and doc[r.end].lower_ in {"at", "from"}
        and (doc[r.end + 1].pos_ == "PROPN" or doc[r.end + 1].lower_ in GROUP_PLACES)
        and not _about_own_child(doc, r)
        else r
        for r in clean
    ]
    # "our school's pastoral lead ... with the SENCo": staff of the asker's own school are colleagues
    if OWN_SCHOOL.search(doc.text.lower()):
        clean = [
            Hit(r.fact, "colleague", r.start, r.end, r.weak, r.evidence, "a colleague in your own school")
            if r.value == "school" and doc[r.start].lower_ in SCHOOL_STAFF
            else r
            for r in clean
        ]
    # "a young carer" is a child who cares for someone, not the person's carer
    clean = [
        r for r in clean if not (r.value == "family" and r.start > 0 and doc[r.start - 1].lower_ == "young")
    ]
    # "the carers' support service", "a parents' group": a service named after people is the service
    clean = [
        Hit(r.fact, "other_service", r.start, r.end, r.weak, r.evidence, "another service")
        if r.value == "family"
        and any(doc[j].lower_ in SERVICE_NOUNS for j in range(r.end, min(len(doc), r.end + 3)))
        and r.end < len(doc)
        and doc[r.end].lower_ in {"'", "'s", "support", "service", "services", "centre", "group", "network"}
        else r
        for r in clean
    ]
    # "our charity's instagram": the thing possessed is the receiver, not the owner
    clean = [
        r
        for r in clean
        if not (
            r.end < len(doc) and doc[r.end].lower_ in {"'s", "'"} and any(o.start == r.end + 1 for o in clean)
        )
    ]
    slots: list[tuple[str, Hit]] = []
    pronoun_slot = False
    person_asked = False  # "can I tell him?": a person is the receiver
    # "her sister told", "her mum should know", "her son knowing": the role is who would be told
    for r in clean:
        following = [doc[j].lower_ for j in range(r.end, min(len(doc), r.end + 3))]
        if following and (
            following[0] in {"told", "informed", "knowing", "involved", "contacted"}
            and (
                len(following) < 2 or following[1] not in ACTIVE_OBJECTS
            )  # "a mum told me": she is the teller
            or ("know" in following and {"should", "ought", "needs", "need", "deserves"} & set(following))
        ):
            slots.append((str(r.value), r))
    for tok in doc:
        if tok.lower_ not in COMM_VERBS:
            continue
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        if tok.lower_ == "let" and "know" not in {t.lower_ for t in doc[tok.i + 1 : tok.i + 8]}:
            continue
        if nxt in {"me", "us"}:  # "she told me ...": the asker is the one being told
            continue
        if has_parser and _someone_else_contacts_us(doc, tok):
            continue  # "keeps ringing our hostel": the asker's organisation is contacted, not told
        if (
            has_parser
            and tok.tag_ in ("NN", "NNS")
            and tok.dep_ in ("dobj", "pobj", "nsubj", "attr")
            and not _misparsed_verb(doc, tok)
        ):
            continue  # "doesn't have contact because of a court order": the noun, not someone contacting
        if has_parser and tok.dep_ == "relcl" and not _is_question(sent_of(doc, tok.i)):
            continue  # "the girl we take to school": a verb describing someone, not the proposed share
        if has_parser and tok.lower_ in {"involving", "involved"} and tok.dep_ == "acl":
            continue  # "an incident involving a well-known family": what it was, not who is involved
        if tok.lower_ in CONTACTED and any(r.end == tok.i and r.value in PEOPLE_ROLES for r in clean):
            continue  # "her ex rang the nursery": a person named just before called the organisation
        if has_parser and _reported_by_other(tok):
            continue  # "a woman told our clinic", "what she told the police": a past event, not the question
        sent = sent_of(doc, tok.i)
        if tok.lower_ in CONSENT_GATE_VERBS and _gate_before_telling(doc, tok, sent):
            continue  # "ask his mum before I tell our welfare officer": whose agreement, not who is told
        limit = min(sent.end, tok.i + 24)
        for r in clean:
            if r.start <= tok.i or r.start >= limit:
                continue
            between = {doc[j].lower_ for j in range(tok.i + 1, r.start)}
            if between & {"who", "which", "whose", "whom"}:
                continue  # "refer a woman, who has told me her husband": a relative clause, not the receiver
            if between & {"whether", "why"}:
                continue  # "ask whether she's been in hospital": the hospital is what is asked about
            marker = next(
                (
                    doc[j].lower_
                    for j in range(r.start if doc[r.start].lower_ in PREPOSITIONS else r.start - 1, tok.i, -1)
                    if doc[j].lower_ in PREPOSITIONS | ABOUT
                ),
                None,
            )
            if (
                marker in PREPOSITIONS
                and r.value == "publicity"
                and not sent.text.rstrip().endswith("?")
                and not {t.lower_ for t in doc[max(sent.start, tok.i - 3) : tok.i]} & PROPOSAL_WORDS
            ):
                break  # "he was messaging kids on snapchat": where something happened, not where it would go
            if marker in PREPOSITIONS:
                nxt_r = next((o for o in clean if o.start > r.end), None)
                if (
                    nxt_r is not None
                    and nxt_r.start < limit
                    and any(doc[j].lower_ in {"and", "or", "&"} for j in range(r.end, nxt_r.start))
                    and nxt_r.start - r.end <= 3
                ):
                    slots.append((str(nxt_r.value), nxt_r))  # "to our lead and the police": both receive
                if has_parser and r.value in ("manager", "colleague") and _external_sender(doc, tok, clean):
                    r = Hit(
                        r.fact,
                        "other_service",
                        r.start,
                        r.end,
                        r.weak,
                        r.evidence,
                        "a service outside the organisation that would be sharing",
                    )
                slots.append((str(r.value), r))
                break
            if marker in ABOUT:
                continue
            if tok.lower_ in DIRECT_VERBS and r.start <= tok.i + 6 + sum(
                1 for j in range(tok.i + 1, r.start) if doc[j].lower_ in {"-", "'s", "year", "old"}
            ):
                slots.append((str(r.value), r))
                break
        else:
            nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
            if nxt in PRONOUNS:
                pronoun_slot = True
            if nxt in {"him", "her", "them"} and sent.text.rstrip().endswith("?"):
                person_asked = True
    requesters: list[tuple[str, Hit]] = []
    for r in clean:
        after: list[Any] = []
        role_starts = {o.start for o in clean if o.start >= r.end}
        for j in range(r.end, min(r.start + 11, r.end + 8, len(doc))):
            if doc[j].lower_ in CLAUSE_STOPS:
                break  # "the school where I work and he wants to know": the request is not the school's
            if j in role_starts and "of" not in {doc[k].lower_ for k in range(max(0, j - 2), j)}:
                break  # "GP reception - a patient's husband wants": the nearer person is the one asking
            after.append(doc[j])
        if r.value in ORG_ROLES and r.start > 0 and doc[r.start - 1].lower_ in {"our", "my"}:
            continue  # "rang our charity asking": the asker's own organisation is asked, it does not ask
        if r.value == "publicity":
            continue  # "a man she met online keeps asking": a website or 'online' does not ask for anything
        last = doc[r.end - 1]
        if (
            has_parser
            and last.dep_ in ("compound", "amod")
            and last.head.lower_ in CONCERN_NOUNS | {"check", "record"}
        ):
            continue  # "the dad under a police investigation wants ...": the investigation is not asking
        top = next((t for t in doc[r.start : r.end] if not r.start <= t.head.i < r.end or t.head is t), last)
        if has_parser and (
            (top.dep_ == "pobj" and top.head.lower_ in OF_WHOM)
            or (top.dep_ == "dobj" and top.head.lower_ in INVOLVING)
        ):
            continue  # "a neighbour of a family we work with asked", "an incident involving a family"
        if any(_is_request(doc, t) for t in after if sent_of(doc, t.i) == sent_of(doc, r.start)):
            requesters.append((str(r.value), r))
        elif has_parser:
            subj = next((t for t in doc[r.start : r.end] if t.dep_ in ("nsubj", "nsubjpass")), doc[r.end - 1])
            head = subj.head
            if subj.dep_ in ("nsubj", "nsubjpass"):
                # "my neighbour knows I work there and keeps asking": the request can sit on a later verb
                verbs = [head] + [
                    v
                    for v in head.subtree
                    if v.pos_ == "VERB"
                    and v.dep_ in ("conj", "xcomp", "advcl")
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
                ]
                if any(_is_request(doc, v) for v in verbs):
                    requesters.append((str(r.value), r))
    # "my mate's kid goes there and he wants to know": a pronoun asking points back to the last person named
    if not requesters and has_parser:
        for tok in doc:
            verb = tok.head
            asks_for_info = any(
                t.lower_ in INFO_WORDS
                for t in doc[verb.i + 1 : min(len(doc), verb.i + 4)]
                if t.lower_ != "me"
            )
            if (
                tok.lower_ in {"he", "she", "they"}
                and tok.dep_ in ("nsubj", "nsubjpass")
                and verb.lower_ in REQUEST_WORDS
                and asks_for_info
            ):
                people = [r for r in clean if r.end <= tok.i and r.value in PEOPLE_ROLES]
                if people:
                    requesters.append((str(people[-1].value), people[-1]))
                break
    # "make a referral", "raise a safeguarding concern": the role phrase carries its own verb
    for r in clean:
        before = {doc[j].lower_ for j in range(max(0, r.start - 2), r.start)}
        if not {t.lower_ for t in doc[r.start : r.end]} & {"referral", "alert"}:
            before = set()
        if (doc[r.start].lower_ in MAKE_REFERRAL or before & MAKE_REFERRAL) and (
            str(r.value),
            r,
        ) not in slots:
            slots.append((str(r.value), r))
    out = list(slots)
    if pronoun_slot or not out:
        out.extend(q for q in requesters if q not in out)
    if person_asked and not out:
        # "a private investigator ... asked whether she still lives here. Can I tell him?": the person the
        # pronoun points back to is the last no-role or accused person named who asked for something
        named = [
            r
            for r in clean
            if (
                r.value in ("curious", "abuser")
                or (r.value == "family" and (_subject_of_concern(doc, r) or _disclosed_about(doc, r)))
            )
            and any(
                t.lower_ in REQUEST_WORDS
                for t in doc[r.end : sent_of(doc, r.start).end]
                if t.lower_ != "keeps"
            )
        ]
        if named:
            out.append((str(named[-1].value), named[-1]))
    return out


# a person named as whom something is of or about is not the one asking ("a neighbour of a family we work with
# asked", "details of an incident involving a well-known family")
OF_WHOM = {"of", "about", "concerning", "regarding"}
INVOLVING = {"involving", "involves", "involved", "concerning", "regarding", "about"}


# what a groomer or exploiter asks for is not information about the person ("keeps asking to meet her alone",
# "asking him for pictures"): the asker is not a requester of information
NOT_INFO_ASKED = {
    "meet",
    "photos",
    "photo",
    "pictures",
    "picture",
    "pics",
    "pic",
    "selfies",
    "nudes",
    "money",
    "cash",
    "lift",
    "favours",
    "favour",
    "sex",
}
# "keeps giving her vapes" is not a request; "keeps ringing", "keeps asking", "keeps on at me" are
KEEPS_ASKING = {
    "ringing",
    "calling",
    "phoning",
    "texting",
    "emailing",
    "messaging",
    "pestering",
    "badgering",
    "on",
    "nagging",
    "pushing",
    "coming",
    "turning",
    "popping",
    "dropping",
    "chasing",
}


# words before a verb that make it a proposed share ("we'd like to post", "can I put"), not a past event
PROPOSAL_WORDS = {
    "to",
    "can",
    "could",
    "should",
    "may",
    "might",
    "shall",
    "will",
    "would",
    "'d",
    "'ll",
    "want",
    "like",
    "wanted",
    "i",
    "we",
    "planning",
    "thinking",
    "about",
}
# "make a referral", "do a pre-birth referral", "send the referral": the role phrase carries its own verb
MAKE_REFERRAL = {
    "make",
    "making",
    "raise",
    "raising",
    "do",
    "doing",
    "send",
    "sending",
    "submit",
    "submitting",
}


def _is_request(doc: Any, tok: Any) -> bool:
    if tok.lower_ in REQUEST_WORDS:
        asked_for = {t.lower_ for t in doc[tok.i + 1 : min(len(doc), tok.i + 5)]}
        if tok.lower_ == "keeps" and tok.i + 1 < len(doc):
            nxt = doc[tok.i + 1].lower_
            if nxt not in REQUEST_WORDS | KEEPS_ASKING:
                return False  # "keeps giving her vapes", "keeps her bank card": not asking for anything
        # only what is asked of the person themselves ("asking her for photos", "asks him to meet"); "asked
        # our nursery for photos of her" is a request for information about her
        nxt_word = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        ahead3 = [t.lower_ for t in doc[tok.i + 1 : min(len(doc), tok.i + 4)]]
        wish = ahead3[1:3] in (["not", "to"], ["to", "keep"])
        if ahead3[:1] in (["us"], ["me"], ["you"], ["staff"]) and wish:
            return False  # "his wife has asked us not to make it official": a wish, not a request
        return not (
            asked_for & NOT_INFO_ASKED and nxt_word in {"him", "her", "them", "to", "for", "me", "you"}
        )
    # "the other parents want to know why": a plain 'want' asks only for information, and not when negated
    if tok.lower_ == "want" and not (tok.i > 0 and doc[tok.i - 1].lower_ in NEGATIONS):
        ahead = [t.lower_ for t in doc[tok.i + 1 : tok.i + 4]]
        return ahead[:2] in (["to", "know"], ["to", "find"], ["to", "hear"]) or bool(
            set(ahead[:2]) & {"details", "information", "info", "updates", "news"}
        )
    # "stopped me in the street to ask", "came up to us asking"
    if (
        tok.lower_ in {"stopped", "stops", "collars"}
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].lower_ in {"me", "us"}
    ):
        return True
    # "would like updates", "'d like to know"
    return tok.lower_ == "like" and tok.i > 0 and doc[tok.i - 1].lower_ in {"would", "'d"}


QUESTION_WORDS = {"whether", "if", "how", "what", "who", "about", "why", "which"}
# private affairs outside anyone's care: relationships, sexuality, money and wills ("how he's getting on" and
# "how the assessment went" are ordinary enquiries that the person can agree to)
PRIVATE_AFFAIRS = {
    "seeing",
    "anyone",
    "someone",
    "affair",
    "relationship",
    "boyfriend",
    "girlfriend",
    "gay",
    "lesbian",
    "sexuality",
    "bisexual",
    "trans",
    "dating",
    "will",
    "bank",
    "account",
    "accounts",
    "money",
    "savings",
    "inheritance",
    "finances",
    "estate",
    "mentioned",
    "pregnant",
    "termination",
    "abortion",
    "contraception",
    "pin",
    "password",
    "salary",
    "benefits",
    "debts",
}


def _enquiry(doc: Any, hit: Hit) -> str | None:
    """The role is the one asking, with a question about the person: 'has rung asking whether she ...'."""
    sent = sent_of(doc, hit.start)
    for j in range(hit.end, min(sent.end, hit.end + 14)):
        if _is_request(doc, doc[j]) and doc[j].lower_ != "like":
            ahead = {doc[k].lower_ for k in range(j + 1, min(sent.end, j + 5))}
            rest = {doc[k].lower_ for k in range(j + 1, sent.end)}
            if ahead & QUESTION_WORDS and rest & PRIVATE_AFFAIRS:
                return str(sent.text.strip())
    # "she had an abortion ... her husband doesn't know. He's asked me if anything happened": the relative is
    # asking about a private matter kept from them
    words = {t.lower_ for t in doc}
    kept_from = re.search(
        r"\b(does ?n[o']?t know|doesnt know|is ?n[o']?t aware|isnt aware|not aware|no idea|has ?n[o']?t been "
        r"told)\b",
        doc[hit.start : min(len(doc), hit.end + 8)].text.lower(),
    )
    if kept_from and words & PRIVATE_AFFAIRS and any(_is_request(doc, t) for t in doc[hit.end :]):
        return str(sent.text.strip())
    # "she told me about something very personal from years ago ... her husband asked me if she's been through
    # anything": a relative asking after what the person confided
    if CONFIDED.search(doc[: hit.start].text.lower()):
        for j in range(hit.end, min(sent.end, hit.end + 8)):
            if _is_request(doc, doc[j]) and {doc[k].lower_ for k in range(j + 1, min(sent.end, j + 5))} & {
                "whether",
                "if",
                "what",
            }:
                return str(sent.text.strip())
    return None


# the person confided something private to the asker (said before the relative's question)
CONFIDED = re.compile(
    r"\b(told|tell|telling|confided( in)?|shared with|disclosed to) (me|us) (in confidence )?(about )?"
    r"(something|things|a few things|some things)? ?(very |really |quite |deeply )?(personal|private)\b"
    r"|\b(confided in (me|us)|told (me|us) in confidence)\b"
)


INTERNAL_OWNERS = {
    "my",
    "our",
    "line",
    "the",
    "a",
    "team",
    "registered",
    "deputy",
    "duty",
    "shift",
    "your",
    "own",
}


ASKER_WORDS = {"i", "we", "you", "us"}
ORG_ROLES = {
    "social_care",
    "police",
    "health",
    "fire",
    "school",
    "legal",
    "other_service",
    "lado",
    "dbs",
    "marac",
}


def _reported_by_other(verb: Any) -> bool:
    """A past-tense telling whose subject is someone other than the asker ('she told the police')."""
    if verb.tag_ != "VBD":
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.lower_ not in ASKER_WORDS for s in subjects)


def _someone_else_contacts_us(doc: Any, verb: Any) -> bool:
    """'her ex keeps ringing our hostel': a third person's call to the asker's own organisation."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("xcomp", "conj"):
        # "I only want to tell our own lead": the subject sits on the governing verb
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and all(s.lower_ in ASKER_WORDS for s in subjects):
            return False
        subjects = []
    if subjects and all(s.lower_ in ASKER_WORDS for s in subjects):
        return False
    nxt = doc[verb.i + 1].lower_ if verb.i + 1 < len(doc) else ""
    if (
        verb.lower_.endswith("ing")
        and verb.head.lower_ in {"keeps", "kept", "keep", "been"}
        and verb.head != verb
    ):
        # "a neighbour keeps ringing the housing office": someone else's repeated calls, not the asker telling
        head_subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return not head_subjects or all(s.lower_ not in ASKER_WORDS for s in head_subjects)
    return nxt in {"our", "my"} and bool(subjects or verb.dep_ in ("xcomp", "conj"))


def _external_sender(doc: Any, verb: Any, roles: list[Hit]) -> bool:
    """'Can the hospital OT send ... to our coordinator?': another organisation is the one sharing."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for subj in subjects:
        span = {t.i for t in subj.subtree}
        if any(r.value in ORG_ROLES and r.start in span for r in roles):
            return True
    return False


def _external_manager(doc: Any, hit: Hit) -> Hit:
    """'The day centre manager' or '[ORG_1]'s manager' runs another service: not inside the asker's own."""
    if hit.value != "manager":
        return hit
    first = doc[hit.start]
    if first.lower_ in INTERNAL_OWNERS or hit.start == 0:
        return hit
    before = doc[hit.start - 1]
    external = (
        first.lower_ in {"centre", "center", "club", "project"}
        and before.pos_ in ("NOUN", "PROPN")
        and before.lower_ not in INTERNAL_OWNERS
    ) or (
        before.lower_ == "'s"
        and hit.start >= 2
        and doc[hit.start - 2].lower_ not in {"i", "we"}
        and doc[hit.start - 2].pos_ == "PROPN"
    )
    if not external:
        return hit
    return Hit(
        hit.fact,
        "other_service",
        hit.start,
        hit.end,
        hit.weak,
        hit.evidence,
        "a manager of another service, outside your organisation",
    )


def _is_agent_of_harm(doc: Any, hit: Hit) -> bool:
    """Does the role word appear as the doer of harm somewhere ('her dad hits her mum')?"""
    word = doc[hit.end - 1].lower_
    for tok in doc:
        if tok.lower_ != word:
            continue
        following = " ".join(t.lower_ for t in doc[tok.i + 1 : min(len(doc), tok.i + 5)])
        if re.match(
            r"(was|were|is|'s|has been) (part of|involved in|in) (the|that|a) (gang|group|ring)", following
        ):
            return True
        for j in range(tok.i + 1, min(len(doc), tok.i + 5)):
            if doc[j].lower_ in HARM_VERBS and sent_of(doc, j) == sent_of(doc, tok.i):
                return True
            if doc[j].lower_ in BOUNDARIES:
                break
    return False


ALLEGATION_WORDS = {"allegation", "allegations", "complaint", "complaints", "concern", "concerns", "accused"}


def _staff_is_agent(doc: Any, staff: Hit, harms: list[Hit]) -> bool:
    """Is the member of staff the one doing the harm, not a witness, a receiver or a bystander?

    Yes for 'an allegation against a carer', 'slapped by a nurse', and when the staff noun (or the phrase it
    sits in: 'one of our night staff') is the subject of a verb whose clause holds the harm ('a night nurse
    was seen slapping a resident'); no for 'I told the staff nurse her dad hits her'.
    """
    words = {t.lower_ for t in doc[max(0, staff.start - 4) : staff.end]}
    if words & ALLEGATION_WORDS:
        return True
    if staff.start > 0 and doc[staff.start - 1].lower_ == "by":
        return True
    after = {t.lower_ for t in doc[staff.end : staff.end + 3]}
    if after & ALLEGATION_WORDS or after & {"suspected", "alleged", "reported", "seen", "caught"}:
        return True  # "a teaching assistant accused of hitting a pupil", "a carer seen slapping"
    tok = doc[staff.end - 1]
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            if tok.head.lower_ in SAYING_VERBS:
                break  # "our manager told me a resident's son is taking her pension": the one who tells
            clause = {t.i for t in tok.head.subtree}
            if any(h.start in clause for h in harms):
                return True
            break
        if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.dep_ in ("agent", "prep"):
            # the doer of a passive ("handled roughly and shouted at by one of our night care workers")
            by = tok.head
            verb = by.head.head if by.head.dep_ == "conj" else by.head
            if verb.pos_ in ("VERB", "AUX"):
                start = min(t.i for t in verb.subtree)
                # the harm is this passive's own, not an earlier one ("hit by her son, comforted by a carer")
                if not any(t.lower_ == "by" for t in doc[start : by.i]) and any(
                    start <= h.start < by.i for h in harms
                ):
                    return True
        if tok.head is tok or tok.dep_ not in ("pobj", "prep", "compound", "appos", "amod", "poss", "nmod"):
            break
        tok = tok.head
    # in word order: the staff member comes first and nobody else is the subject before the harm ("saw staff
    # at the home leaving residents in soiled beds"), and the staff member is not the one being told
    if staff.start > 0 and doc[staff.start - 1].lower_ in RECEIVING_WORDS:
        return False
    before = doc[max(0, staff.start - 2) : staff.start]
    if len(before) == 2 and before[0].lower_ in RECEIVING_WORDS and before[1].pos_ == "DET":
        return False
    for h in harms:
        if h.start < staff.end:
            continue
        between = doc[staff.end : h.start]
        subjects = [t for t in between if t.dep_ in ("nsubj", "nsubjpass")]
        if not any(t.lower_ not in {"who", "that", "which"} for t in subjects):
            return True
    return False


# verbs whose subject passes something on rather than doing the harm inside their clause
SAYING_VERBS = {
    "told",
    "tells",
    "said",
    "says",
    "mentioned",
    "explained",
    "reported",
    "warned",
    "thinks",
    "thought",
}


# words before a staff member who is being told or asked, not doing anything
RECEIVING_WORDS = {"to", "told", "tell", "telling", "with", "asked", "informed", "ask", "inform"}


def _abuser_care_needs(doc: Any, hits: list[Hit]) -> Hit | None:
    """A harm verb whose doer has care needs ('a resident with dementia hit another resident')."""
    for tok in doc:
        if tok.lower_ not in HARM_VERBS:
            continue
        doers: list[Any] = []
        verb = tok
        for _ in range(3):
            for child in verb.children:
                if child.dep_ in ("nsubj", "agent"):
                    doers.extend(child.subtree)
            if doers or verb.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or verb.head is verb:
                break
            verb = verb.head
        sent = sent_of(doc, tok.i)
        if not doers:
            # a harm word the parser did not take as a verb ("a tenant with autism ... bit another tenant"):
            # the words before it in the clause
            start = tok.i
            while start > sent.start and doc[start - 1].lower_ not in {",", ";", ".", "and", "but"}:
                start -= 1
            doers = list(doc[start : tok.i]) if tok.pos_ != "VERB" else []
        elif (len(doers) == 1 and doers[0].lower_ in {"he", "she"}) or (
            len(doers) == 2
            and doers[0].lower_ in {"her", "his", "their"}
            and doers[1].lower_ in RELATIVE_DOERS
        ):
            # "He has dementia and has started hitting her", "her dad has dementia and ...": what the doer's
            # own verb says of him
            own = [
                t
                for c in doers[-1].head.children
                if c.dep_ in ("dobj", "attr", "acomp", "prep") and c.i != tok.i
                for t in c.subtree
                if t.i < tok.i
            ]
            if any(t.lower_ in STRONG_CARE_NEED_WORDS for t in own):
                doers = own
            elif sent.start > 0:
                # "One of our residents has dementia. He hit his wife": the pronoun points back one sentence
                doers = [t for t in sent_of(doc, sent.start - 1) if t.lower_ in STRONG_CARE_NEED_WORDS]
        if any(t.lower_ in CARE_NEED_WORDS for t in doers):
            return Hit(
                "abuser_care_needs",
                True,
                tok.i,
                tok.i + 1,
                False,
                sent_of(doc, tok.i).text.strip(),
                "the person said to be causing harm has care and support needs of their own",
            )
    return None


# a relative named by a possessive who can be the doer with care needs of his own ("her dad has dementia and")
RELATIVE_DOERS = {
    "dad",
    "father",
    "mum",
    "mother",
    "husband",
    "wife",
    "partner",
    "son",
    "daughter",
    "brother",
    "sister",
    "grandad",
    "grandfather",
    "grandma",
    "grandmother",
    "uncle",
    "aunt",
}


# signs that a crime may happen again or is still going on
CONTINUING = {
    "again",
    "keeps",
    "keep",
    "still",
    "every",
    "ongoing",
    "continues",
    "continuing",
    "regularly",
    "often",
    "always",
    "will",
    "'ll",
    "going",
    "planning",
    "plans",
    "threatening",
    "threatened",
    "since",
}


def _past_minor_crime(doc: Any, by_fact: dict[str, list[Hit]]) -> bool:
    """Only a one-off, minor crime dated in the past ('he shoplifted last year'): nothing to prevent.

    Preventing crime is an override when a crime may happen (again) or was serious; a past minor offence on
    its own is neither. Serious crimes, and anything with a sign it continues ('again', 'keeps', 'still', 'is
    going to'), still count.
    """
    crimes = [h for h in by_fact.get("crime", []) if h.value is True]
    if not crimes or any(h.value is True for h in by_fact.get("serious_crime", [])):
        return False
    if not all(in_past(sent_of(doc, h.start)) for h in crimes):
        return False
    # "there's been nothing since", "hasn't happened again": continuity negated
    continuing = [
        t
        for t in doc
        if t.lower_ in CONTINUING
        and not {w.lower_ for w in doc[max(0, t.i - 4) : t.i]} & {"nothing", "not", "n't", "never", "no"}
    ]
    return not continuing


KITCHEN_USE = {
    "fork",
    "cut",
    "cutting",
    "slice",
    "chop",
    "cake",
    "bread",
    "food",
    "cooking",
    "dinner",
    "butter",
}
PLAY = {"game", "games", "playing", "tag", "pretend", "pretending", "joking", "jokingly"}
AT_WORK = {
    "fixing",
    "repairing",
    "mending",
    "builder",
    "roofer",
    "scaffolding",
    "painting",
    "decorating",
    "gutter",
}
URGENCY_DOUBT = {"urgent", "999", "emergency", "ambulance", "urgently"}
# escalation cues that only say a manager is blocking when a manager, lead or organisation is the one speaking
ESCALATION_NEEDS_BOSS = {
    "told",
    "asked",
    "instructed",
    "laughed",
    "laughs",
    "shrugged",
    "shrugs",
    "waved",
    "brushed",
    "fobbed",
    "dismissed",
    "ignored",
    "she",
    "he",
    "they",
}
BOSS_WORDS = {
    "manager",
    "managers",
    "lead",
    "leads",
    "boss",
    "supervisor",
    "head",
    "headteacher",
    "head's",
    "dsl",
    "owner",
    "owners",
    "director",
    "trustee",
    "trustees",
    "they",
    "management",
    "school",
    "council",
    "police",
    "coordinator",
    "charge",
    "matron",
    "principal",
    "officer",
    "team",
    "services",
    "social",
    "chair",
    "senior",
    "deputy",
    "safeguarding",
}
CAPACITY_DOUBT_NOUNS = {"issues", "issue", "concerns", "concern", "problems", "problem", "worries", "doubts"}
# "so (that) social services / the police / nobody can't find me": someone keeping out of the way of services
HIDING_FROM = {"so", "services", "police", "council", "nobody", "noone", "social"}
# who a worry goes to: the lead or a colleague inside, or a safeguarding agency (not a school, GP or college
# asked for ordinary help)
SAFEGUARDING_ROUTES = {"manager", "colleague", "social_care", "police", "lado", "marac"}
PASS_ON = {
    "tell",
    "share",
    "pass",
    "report",
    "refer",
    "inform",
    "raise",
    "mention",
    "contact",
    "further",
    "escalate",
    "flag",
    "anyone",
    "anybody",
    "someone",
    "somebody",
    "referral",
}


CONCERN_NOUNS = {
    "concern",
    "concerns",
    "investigation",
    "investigations",
    "allegation",
    "allegations",
    "enquiry",
    "enquiries",
    "referral",
    "complaint",
    "complaints",
    "inquiry",
}


def _subject_of_concern(doc: Any, hit: Hit) -> bool:
    """'a father who is the subject of a child protection investigation': the person the concern is about."""
    sent = sent_of(doc, hit.start)
    words = [t.lower_ for t in doc[hit.end : min(sent.end, hit.end + 10)]]
    for j in range(len(words)):
        # "the dad who is under a police investigation", "being investigated for"
        if words[j] == "under" and any(w in CONCERN_NOUNS for w in words[j + 1 : j + 5]):
            return True
        if words[j] in {"investigated", "accused", "suspected", "arrested", "charged"} and j < 5:
            return True
    for j in range(len(words) - 1):
        if words[j] == "subject" and words[j + 1] == "of":
            return any(w in CONCERN_NOUNS for w in words[j + 2 : j + 8]) or any(
                t.lower_ in CONCERN_NOUNS for t in doc[hit.end + j + 2 : min(len(doc), hit.end + j + 8)]
            )
    return False


# a colleague said to have no part in the person's care or the case has no need to know
NO_PART_IN_CARE = re.compile(
    r"\b(has|have|with) no (contact|involvement|dealings|role|part) (with|in) (the |our |any )?"
    r"(clients?|service users?|patients?|residents?|pupils?|famil(y|ies)|case|cases|children|tenants?|"
    r"frontline|her|his|their|care)\b"
    r"|\b(isn't|aren't|isnt|arent|not) involved (in|with) (the |her |his |their )?(case|care|family|"
    r"support|work)\b|\bno need to know\b|\bjust (curious|nosy|nosey)\b|\bout of (curiosity|interest)\b"
)


# "he's the one she disclosed about", "he is who the allegation is about": the one asking is the one accused
DISCLOSED_ABOUT = re.compile(
    r"\b(he|she|they)( i|'|)s (the (one|person|man|woman)|who) (that )?(she|he|they|the (child|girl|boy))? ?"
    r"(disclosed|told (us|me|you)|made (the|an) allegations?|complained|reported)( it)? about\b"
    r"|\b(he|she|they)( i|'|)s (the (one|person|man|woman)|who) (the )?(disclosure|allegation|referral) "
    r"(is|was) about\b"
)


def _disclosed_about(doc: Any, hit: Hit) -> bool:
    """A pronoun after the person, in a later sentence, saying they are the one the disclosure is about."""
    return bool(DISCLOSED_ABOUT.search(doc[hit.end :].text.lower()))


ESTRANGED = re.compile(
    r"\b(estranged|no contact|lost touch|not in touch|cut (him|her|them) off|(has|have|had) ?n[o']?t "
    r"(spoken|talked|seen) (to |with )?(him|her|them|each other)? ?(for|in) "
    r"(years|ages|months|a long time))\b"
)
SOCIAL_LANDLORD = re.compile(
    r"\b(housing association|housing provider|supported housing|housing trust|allocations|housing register|"
    r"tenancy team|housing officer)\b"
)
SAME_ORG = re.compile(
    r"\b((council|trust|organisation|organization|charity|university|college|school|hospital|company|"
    r"authority)('s|s)? own|same (council|trust|organisation|organization|charity|university|college|school|"
    r"hospital|company|authority|employer)|in-?house)\b"
)
# "demanding to know who reported him": a person asking who reported them is the one reported
WHO_REPORTED = re.compile(
    r"\bwho (has |had )?(reported|referred|shopped|grassed( on)?|complained about|rang|called|phoned) "
    r"(him|her|them|me)\b"
)


QUESTION_START = {
    "can",
    "could",
    "should",
    "shall",
    "may",
    "do",
    "does",
    "am",
    "is",
    "must",
    "would",
    "what",
    "who",
}


def _is_question(sent: Any) -> bool:
    """A question, with or without its question mark ("can i pass it on" in chat)."""
    if sent.text.rstrip().endswith("?"):
        return True
    words = [t.lower_ for t in sent if not t.is_punct]
    return (
        bool(words)
        and words[0] in QUESTION_START
        and len(words) > 2
        and words[1] in {"i", "we", "this", "it"}
    )


def _in_question(doc: Any, i: int) -> bool:
    return _is_question(sent_of(doc, i))


def _asks_to_pass_on(doc: Any) -> bool:
    """The question is about passing something on ("can I pass this on?", "can it go any further?")."""
    return any(_is_question(sent) and any(t.lower_ in PASS_ON for t in sent) for sent in doc.sents)


# "it came out at 14 yes answers", "she ticked 15 of the boxes": a number counted in the DASH's sentence
DASH_COUNT_AFTER = {"yes", "yeses", "ticks", "boxes", "answers", "questions", "out", "/", "of", "points"}
DASH_COUNT_BEFORE = {"scored", "score", "ticked", "ticks", "at", "of"}
# Clare's law: a partner's past violence to a former partner, and the police asked to tell the person at risk
PAST_VIOLENCE = {
    "convicted",
    "conviction",
    "convictions",
    "prison",
    "jail",
    "jailed",
    "record",
    "history",
    "sentenced",
    "served",
    "inside",
}
FORMER_PARTNER = {
    "former",
    "previous",
    "ex",
    "ex-partner",
    "ex-wife",
    "ex-girlfriend",
    "past",
    "last",
    "exes",
}


def build_facts(doc: Any, hits: list[Hit], has_parser: bool) -> list[Fact]:
    by_fact: dict[str, list[Hit]] = {}
    for h in hits:
        by_fact.setdefault(h.fact, []).append(h)
    if _past_minor_crime(doc, by_fact):
        by_fact.pop("crime")
    facts: dict[str, Fact] = {}

    def put(name: str, hit: Hit | None, explanation: str | None = None) -> None:
        if hit is not None:
            facts[name] = _fact(name, hit.value, hit.evidence, explanation or hit.explain)

    for name, group in by_fact.items():
        if name in HELPERS:
            continue
        put(name, _resolve(name, group))

    roles = by_fact.get("role", [])
    subject, ev, expl, mentions = _subject(doc, hits, roles)
    if subject:
        facts["subject"] = _fact("subject", subject, ev, expl)

    # DASH scores: 14 or more ticks is the usual MARAC threshold
    for tok in doc:
        if tok.lower_ == "dash":
            sent_d = sent_of(doc, tok.i)
            near = range(max(0, tok.i - 6), min(len(doc), tok.i + 8))
            counted = [
                t.i
                for t in sent_d
                if t.text.isdigit()
                and t.i not in near
                and (
                    (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in DASH_COUNT_AFTER)
                    or (t.i > 0 and doc[t.i - 1].lower_ in DASH_COUNT_BEFORE)
                )
            ]
            for j in [*near, *counted]:
                if doc[j].like_num and doc[j].text.isdigit():
                    score = int(doc[j].text)
                    facts["high_risk_marac"] = _fact(
                        "high_risk_marac",
                        score >= 14,
                        sent_of(doc, tok.i).text.strip(),
                        f"a DASH score of {score} is {'at or above' if score >= 14 else 'below'} the usual "
                        "MARAC threshold of 14",
                    )
                    break

    # Clare's law: a new partner's violence to a former partner ("convicted of assaulting a former partner",
    # "went to prison for hurting a previous girlfriend"), and the asker thinks of the police telling her
    for sent in doc.sents:
        cwords = {t.lower_ for t in sent}
        if (
            cwords & PAST_VIOLENCE
            and cwords & FORMER_PARTNER
            and any(
                t.lower_
                in {"partner", "girlfriend", "girlfriends", "wife", "boyfriend", "partners", "husband"}
                for t in sent
            )
        ):
            facts["dv_disclosure"] = _fact(
                "dv_disclosure",
                True,
                sent.text.strip(),
                "a partner's past violence to a former partner: the police can be asked to disclose it",
            )
            break

    # a prisoner with care and support needs: the council shares with the prison and probation (Care Act
    # statutory guidance on prisoners)
    if by_fact.get("prisoner_mention") and re.search(r"\bcare (and support )?needs\b", doc.text.lower()):
        p0 = by_fact["prisoner_mention"][0]
        facts["prisoner_care"] = _fact(
            "prisoner_care",
            True,
            p0.evidence,
            "a prisoner, or someone leaving custody, with care and support needs",
        )

    # sexual activity of a young child is an offence whatever the child says (Sexual Offences Act 2003):
    # under 13 always; under 16 with someone aged 18 or more
    # vague words ("doing stuff", "fooling around") are sexual only with a partner in the sentence
    sexual = [
        h
        for h in by_fact.get("sexual_activity", [])
        if not {t.lower_ for t in doc[h.start : h.end]} & VAGUE_SEXUAL
        or {t.lower_ for t in sent_of(doc, h.start)} & PARTNER_WORDS
    ]
    if sexual:
        ages = [age for _, age, _ in _ages(doc)]
        young = min((a for a in ages if a < 18), default=None)
        adult_party = any(a >= 18 for a in ages) or any(
            t.lower_ in ADULT_PARTY for h in sexual for t in doc[h.start : h.end]
        )
        if young is not None and (young < 13 or (young < 16 and adult_party)):
            why = (
                f"a child of {young} cannot consent to sexual activity in law"
                if young < 13
                else f"sexual activity between a child of {young} and an adult is an offence"
            )
            facts["crime"] = _fact("crime", True, sexual[0].evidence, why)
            if young < 13:
                facts["serious_crime"] = _fact("serious_crime", True, sexual[0].evidence, why)
            if "harm_concern" not in facts or facts["harm_concern"].value is False:
                facts["harm_concern"] = _fact("harm_concern", True, sexual[0].evidence, why)

    # sexual activity with someone who lacks capacity to consent to it is an offence (Sexual Offences Act
    # 2003, s30): "assessed as lacking capacity to consent to sex" and a boyfriend who takes her to his flat
    capacity_fact = facts.get("capacity")
    if sexual and capacity_fact is not None and capacity_fact.value == "lacks" and subject != "child":
        why = "sexual activity with someone who lacks capacity to consent to it is an offence"
        facts["crime"] = _fact("crime", True, sexual[0].evidence, why)
        if "harm_concern" not in facts or facts["harm_concern"].value is False:
            facts["harm_concern"] = _fact("harm_concern", True, sexual[0].evidence, why)

    # money given or signed over by someone who lacks capacity (over money): a worry of financial abuse
    money = [h for h in by_fact.get("money_given", []) if h.value is True]
    lacks_capacity = capacity_fact is not None and capacity_fact.value == "lacks"
    if money and lacks_capacity and subject != "child" and facts.get("harm_concern") is None:
        facts["harm_concern"] = _fact(
            "harm_concern",
            True,
            money[0].evidence,
            "money handed over by someone who lacks capacity to decide about it: possible financial abuse",
        )

    # grooming: an adult outside the family courting a child (asking for pictures, sending money or gifts,
    # asking to meet alone, secrecy, met online), or an adult 'boyfriend' of a child under 16
    ages_all = _ages(doc)
    child_ages = [a for _, a, _ in ages_all if a < 18]
    if subject in ("child", "unborn") or child_ages:
        why = ""
        evidence_g = ""
        for g in by_fact.get("grooming_sign", []):
            if g.value is not True:
                continue
            sent = sent_of(doc, g.start)
            gwords = {t.lower_ for t in sent}
            adult_here = bool(gwords & GROOMER_WORDS) or any(
                a >= 18 and sent_of(doc, i) == sent for i, a, _ in ages_all
            )
            parents = {
                t.lower_ for t in sent if t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "'s"
            } & PARENT_WORDS
            if adult_here and not parents:
                why, evidence_g = (
                    "an adult outside the family is courting a child: signs of grooming",
                    g.evidence,
                )
                break
        young16 = [a for a in child_ages if a < 16]
        if not why and young16:
            for tok in doc:
                if tok.lower_ not in PARTNER_WORDS:
                    continue
                sent = sent_of(doc, tok.i)
                if any(a >= 18 and sent_of(doc, i) == sent for i, a, _ in ages_all):
                    why = f"a child of {min(young16)} with an adult 'partner': a crime and a sign of grooming"
                    evidence_g = sent.text.strip()
                    facts["crime"] = _fact("crime", True, evidence_g, why)
                    break
        if why and ("harm_concern" not in facts or facts["harm_concern"].value is not True):
            facts["harm_concern"] = _fact("harm_concern", True, evidence_g, why)

    # FGM and forced marriage are offences and a form of coercion, whatever the person says (FGM Act 2003,
    # Anti-social Behaviour, Crime and Policing Act 2014)
    # a marriage arranged for a child is a forced marriage in law (no marriage under 18 since February 2023);
    # for an adult it is one when there is pressure or threat
    arranged = by_fact.get("marriage_arranged")
    if arranged and "honour_based" not in facts:
        pressured = any(h.value is True for h in by_fact.get("duress", []))
        if subject == "child" or pressured:
            facts["honour_based"] = _fact(
                "honour_based",
                True,
                arranged[0].evidence,
                "a marriage arranged for a child, or under pressure, is a forced marriage",
            )
    honour = facts.get("honour_based")
    if honour is not None and honour.value is True:
        why = "FGM and forced marriage are crimes and a form of control by others"
        for name in ("serious_crime", "crime", "duress", "harm_concern"):
            if name not in facts or facts[name].value is not True:
                facts[name] = _fact(name, True, honour.evidence, why)

    # others said to be at risk (not just a child in the picture): someone may be harmed, a safeguarding worry
    others_said = facts.get("others_at_risk")
    others_said_true = others_said is not None and others_said.value is True
    # a child in the picture when the person discussed is an adult: a child may be at risk too
    if subject == "adult":
        risk = facts.get("others_at_risk")
        children = [ev for i, kind, ev in mentions if kind in ("child", "unborn") and i > 0]
        said_none = risk is not None and risk.value is False and "no children" in risk.evidence.lower()
        if children and not said_none and (risk is None or risk.value is False):
            facts["others_at_risk"] = _fact(
                "others_at_risk",
                True,
                children[0],
                "a child or unborn baby is also in the picture and may be at risk",
            )
            facts["child_involved"] = _fact("child_involved", True, children[0], "a child is affected")
        elif children and risk is not None and risk.value is True:
            facts["child_involved"] = _fact("child_involved", True, risk.evidence, "a child is affected")

    # a child who is self-harming: the Jessie worked example
    if subject == "child" and facts.get("self_harm") and facts["self_harm"].value is True:
        facts["child_self_harm"] = _fact(
            "child_self_harm",
            True,
            facts["self_harm"].evidence,
            "a child showing signs of self-harm (like the Jessie worked example)",
        )

    # staff implicated: a staff role in the same sentence as harm, not the asker describing themselves
    harmful = [
        h
        for h in hits
        if h.fact in ("harm_concern", "crime", "serious_crime") and h.value is True and not h.weak
    ]
    if "staff_implicated" not in facts:
        for s in by_fact.get("staff_mention", []):
            prev = " ".join(t.lower_ for t in doc[max(0, s.start - 3) : s.start])
            if re.search(r"\b(i'm|im|am|as|was)\b|\bi 'm\b|^i$|\bi (a|an|the)$", prev):
                continue  # "I'm a carer", "as a nurse": the asker, not "I saw a carer take ..."
            sent = sent_of(doc, s.start)
            same = [h for h in harmful if sent_of(doc, h.start) == sent]
            if same and (not has_parser or _staff_is_agent(doc, s, same)):
                facts["staff_implicated"] = _fact(
                    "staff_implicated",
                    True,
                    s.evidence,
                    "a member of staff or volunteer is said to be involved",
                )
                break

    if has_parser and "abuser_care_needs" not in facts:
        put("abuser_care_needs", _abuser_care_needs(doc, hits))
    if "abuser_care_needs" not in facts:
        for r in roles:
            if r.value not in ("family", "abuser") or not _is_agent_of_harm(doc, r):
                continue
            word = doc[r.end - 1].lower_
            for tok in doc:
                if tok.lower_ == word and tok.i != r.end - 1:
                    later = {t.lower_ for t in doc[tok.i + 1 : min(len(doc), tok.i + 8)]}
                    if later & CARE_NEED_WORDS - {"resident", "residents", "patient", "user"}:
                        facts["abuser_care_needs"] = _fact(
                            "abuser_care_needs",
                            True,
                            sent_of(doc, tok.i).text.strip(),
                            "the person said to be causing harm has care and support needs of their own",
                        )
                        break
            if "abuser_care_needs" in facts:
                break

    # recipients
    recipients = _recipients(doc, roles, has_parser)
    curious = by_fact.get("curious_marker")
    location = by_fact.get("location_request")
    names: list[str] = []
    evidence = ""
    primary_hit: Hit | None = None
    demoted: set[int] = set()  # colleagues asking with no part in the person's care
    for role, hit in recipients:
        if role in ("family", "curious", "other") and _subject_of_concern(doc, hit):
            role = "abuser"  # "the son, who is the subject of our safeguarding concern, has asked ..."
        if role == "family" and (_is_agent_of_harm(doc, hit) or _disclosed_about(doc, hit)):
            role = "abuser"
        elif role == "family" and hit.start > 0 and doc[hit.start - 1].lower_ == "my":
            role = "curious"  # the asker's own relative has no role in the person's care
        elif role == "family" and by_fact.get("protective_order"):
            role = "abuser"  # a relative a court or the police keep away from the family
        elif (
            role == "colleague"
            and not sent_of(doc, hit.start).text.rstrip().endswith("?")
            and NO_PART_IN_CARE.search(doc.text.lower())
        ):
            role = "curious"  # "a colleague in finance, with no contact with clients, asked": no need to know
            demoted.add(hit.start)
        if role not in names:
            names.append(role)
            evidence = evidence or hit.evidence
            primary_hit = primary_hit or hit
    family_named = any(r.value == "family" for r in roles)
    # "her husband isn't involved in her care, but he'd like to know": for an adult who can decide, a
    # relative asking is a family enquiry the person can agree to; signs of curiosity or gossip, or a
    # relative with no contact, still make them a no-role asker
    if (
        curious
        and subject == "adult"
        and family_named
        and (not names or names[0] == "family")
        and "no contact" not in doc.text.lower()
    ):
        curious = [h for h in curious if "involved" not in doc[h.start : h.end].text.lower()] or None
        if curious is None and not names:
            fam = next(r for r in roles if r.value == "family")
            names.append("family")
            evidence = fam.evidence
            primary_hit = fam
    asked = [
        (role, hit)
        for role, hit in recipients
        if (role in AGENCY_ROLES or (role in ("manager", "colleague") and names and names[0] == "curious"))
        and hit.start not in demoted
        and sent_of(doc, hit.start).text.rstrip().endswith("?")
    ]
    if asked and names and names[0] != asked[-1][0]:
        # "... someone online who claims to be 16 ... Can I tell the police?": the question names the receiver
        names.remove(asked[-1][0])
        names.insert(0, asked[-1][0])
        evidence, primary_hit = asked[-1][1].evidence, asked[-1][1]
    if asked:
        curious = None
    if curious and (
        not names or names[0] in ("family", "curious", "other_service", "colleague", "publicity")
    ):
        names.insert(0, "curious")
        evidence = curious[0].evidence
    agencies = [n for n in names if n in AGENCY_ROLES]
    if names and names[0] == "family" and agencies and by_fact.get("harm_concern"):
        names.remove(agencies[0])
        names.insert(0, agencies[0])  # "tell his mum before I phone social services": the agency decides
    if names and names[0] == "curious" and SOCIAL_LANDLORD.search(doc.text.lower()):
        # a housing association or supported housing provider has a role in the tenant's support; a private
        # landlord asking for his own business has none
        hit_c = next(
            (h for _, h in recipients if h.start == (primary_hit.start if primary_hit else -1)), None
        )
        if hit_c is None or "landlord" in doc[hit_c.start : hit_c.end].text.lower():
            names[0] = "other_service"
    if names and names[0] == "curious" and RETURN_TO_WORK.search(doc.text.lower()):
        # an employer asking about the person's own return to work (fit to come back, adjustments, a phased
        # return) has a role in it, with the person's agreement; an employer prying into his health has none
        hit_e = next(
            (h for _, h in recipients if h.start == (primary_hit.start if primary_hit else -1)), None
        )
        if hit_e is not None and EMPLOYER_WORDS & {t.lower_ for t in doc[hit_e.start : hit_e.end]}:
            names[0] = "other_service"
    if names and names[0] in AGENCY_ROLES | {"other_service"} and SAME_ORG.search(doc.text.lower()):
        # "the council's own adult social care team", "our council's housing team ... same council": another
        # team of the asker's own organisation
        names[0] = "colleague"
    if names and names[0] == "family" and ESTRANGED.search(doc.text.lower()):
        names[0] = "curious"  # a relative the person has no contact with has no role in their life now
    if location and any(WHO_REPORTED.search(h.evidence.lower()) for h in location):
        # the reported person asking who reported them, and the asker asks what to tell him or her
        names = ["abuser"] + [n for n in names if n != "abuser"]
        evidence = evidence or location[0].evidence
    if names:
        primary = names[0]
        labels = {
            "abuser": "the alleged abuser, or someone the person may need protecting from",
            "curious": "someone with no role in the person's care or safety",
            "publicity": "publicity or social media, where anyone could see it",
            "family": "a family member, carer or friend of the person",
            "manager": "a manager or safeguarding lead in your own organisation",
            "colleague": "a colleague in your own organisation",
        }
        facts["recipient"] = _fact(
            "recipient", primary, evidence, labels.get(primary, f"the information would go to: {primary}")
        )
        facts["within_organisation"] = _fact(
            "within_organisation",
            primary in ("manager", "colleague"),
            evidence,
            "sharing would stay inside your organisation"
            if primary in ("manager", "colleague")
            else "sharing would go outside your organisation",
        )
        if len(names) > 1:
            facts["other_recipients"] = _fact(
                "other_recipients",
                ", ".join(names[1:]),
                evidence,
                "other people or agencies mentioned as receivers",
            )
    # a relative who asks a question about the person ("asked me whether he's seeing anyone")
    if names and names[0] == "family" and primary_hit is not None:
        enquiry = _enquiry(doc, primary_hit)
        if enquiry:
            facts["family_enquiry"] = _fact(
                "family_enquiry",
                True,
                enquiry,
                "a relative is asking about the person's private affairs (relationships, money, a will)",
            )
    harm_ruled_out = "harm_concern" in facts and facts["harm_concern"].value is False
    if location and not (names and names[0] == "family" and harm_ruled_out):
        # a relative asking when someone has physio, with no concern at all, is an ordinary enquiry
        facts["location_request"] = _fact("location_request", True, location[0].evidence, location[0].explain)

    # DBS referral duty: dismissal or removal linked to harm, or the DBS named as receiver
    if by_fact.get("dismissal") and (harmful or "dbs" in names):
        d = by_fact["dismissal"][0]
        facts["dbs_referral"] = _fact(
            "dbs_referral",
            True,
            d.evidence,
            "someone was dismissed or removed from their role over harm or risk of harm",
        )

    # words about ending one's life together with a means to hand, said now: a threat to life
    intent = [h for h in by_fact.get("suicide_intent", []) if not in_past(sent_of(doc, h.start))]
    if intent and by_fact.get("suicide_means") and "immediate_danger" not in facts:
        facts["immediate_danger"] = _fact(
            "immediate_danger",
            True,
            intent[0].evidence,
            "talk of ending their life with the means to hand",
        )

    # harm described as happening right now, in the same sentence as a strong urgency phrase
    if "immediate_danger" not in facts:
        for h in hits:
            if h.fact not in ("harm_concern", "serious_crime", "serious_harm") or h.weak:
                continue
            if h.value is not True:
                continue
            sent = sent_of(doc, h.start)
            words = [t.lower_ for t in sent]
            joined = " ".join(words)
            if set(words) & PAST:
                continue
            if any(u in joined for u in STRONG_URGENCY):
                facts["immediate_danger"] = _fact(
                    "immediate_danger", True, h.evidence, "harm is described as happening right now"
                )
                break

    # danger by class (violence, weapons, medical, fire/gas/flood, a young child alone near a hazard, being
    # held, animals) combined with a sign that it is happening now; see knowledge/danger.py
    if "immediate_danger" not in facts:
        danger = find_danger(doc, list(doc.sents))
        if danger is not None:
            facts["immediate_danger"] = _fact("immediate_danger", True, danger.evidence, danger.explanation)

    # harm concern also follows from the stronger facts
    if "harm_concern" not in facts or facts["harm_concern"].value is False:
        for name in (
            "immediate_danger",
            "serious_crime",
            "crime",
            "duress",
            "high_risk_marac",
            "staff_implicated",
            "serious_harm",
            "domestic_abuse",
            "others_at_risk",
        ):
            if (
                name in facts
                and facts[name].value is True
                and (name != "others_at_risk" or (others_said_true and "harm_concern" not in facts))
            ):
                facts["harm_concern"] = _fact(
                    "harm_concern", True, facts[name].evidence, f"follows from: {facts[name].explanation}"
                )
                break
    # the scope of a child's refusal: "don't tell my mum" does not refuse the teacher the question is about
    consent_now = facts.get("consent")
    recipient_now = facts.get("recipient")
    if (
        subject == "child"
        and consent_now is not None
        and consent_now.value == "refused"
        and recipient_now is not None
        and recipient_now.value not in {"family", "curious", "abuser", "publicity"} | SAFEGUARDING_ROUTES
        and primary_hit is not None
        and sent_of(doc, primary_hit.start).text.strip() != consent_now.evidence
        and any(
            r.value == "family" and sent_of(doc, r.start).text.strip() == consent_now.evidence for r in roles
        )
    ):
        facts["consent"] = _fact(
            "consent",
            "not_asked",
            consent_now.evidence,
            "the refusal was about telling the family, not about the receiver you ask about",
        )
    # a child who asks for secrecy about something the asker wants to pass on: a child's refusal is never a
    # reason to sit on a worry (consent is not needed to protect a child), so unless the text rules harm out,
    # passing it on (to the lead, an agency, "anyone") is treated as a safeguarding worry; not when the
    # question is whether to tell the family, or the receiver has no role
    consent_fact = facts.get("consent")
    if (
        "harm_concern" not in facts
        and subject in ("child", "unborn")
        and consent_fact is not None
        and consent_fact.value == "refused"
        and (not names or names[0] in SAFEGUARDING_ROUTES | {"family"})
        and not any(r.value == "family" and _in_question(doc, r.start) for r in roles)
        and _asks_to_pass_on(doc)
    ):
        facts["harm_concern"] = _fact(
            "harm_concern",
            True,
            consent_fact.evidence,
            "a child asked for secrecy about something you want to pass on: treat it as a safeguarding worry",
        )
    # asking to tell a safeguarding agency is itself a safeguarding purpose, unless harm was ruled out
    agency = next((n for n in names if n in ("social_care", "police", "lado", "marac")), None)
    if "harm_concern" not in facts and agency is not None:
        facts["harm_concern"] = _fact(
            "harm_concern",
            True,
            evidence,
            f"you want to raise it with {agency.replace('_', ' ')}, a safeguarding route",
        )
    if "harm_concern" in facts:
        safeguarding = facts["harm_concern"].value is True
        facts["purpose"] = _fact(
            "purpose",
            "safeguarding" if safeguarding else "support",
            facts["harm_concern"].evidence,
            "sharing would be to protect someone from harm"
            if safeguarding
            else "no abuse, neglect or risk of harm is described: this is ordinary support",
        )
    else:
        facts["purpose"] = _fact("purpose", "support", "", "no abuse, neglect or risk of harm is described")
    # "talk it over with the tenancy team in the same department": discussing a worry inside the organisation
    # is sharing within it, not a request for advice, unless doubt or anonymity is said in other words too
    unsure_hits = [h for h in by_fact.get("unsure_if_safeguarding", []) if h.value is True]
    inside = facts.get("within_organisation")
    if (
        unsure_hits
        and inside is not None
        and inside.value is True
        and "anonymous_advice" not in facts
        and all(doc[h.start].lower_ in TALK_OVER_VERBS for h in unsure_hits)
    ):
        facts.pop("unsure_if_safeguarding", None)
    # "not sure if this even counts, but he makes him hand over his bank cards and he's scared to say":
    # coercion described in concrete terms outweighs the asker's hedge (asking anonymously is still advice)
    duress_now = facts.get("duress")
    if (
        "unsure_if_safeguarding" in facts
        and "anonymous_advice" not in facts
        and duress_now is not None
        and duress_now.value is True
        and any(
            h.value is True
            and not h.weak
            and {t.lower_ for t in doc[max(0, h.start - 3) : h.end]} & COMPULSION_WORDS
            for h in by_fact.get("duress", [])
        )
    ):
        facts.pop("unsure_if_safeguarding", None)
    return list(facts.values())
