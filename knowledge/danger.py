"""Immediate danger as a structure, not a list of phrases.

Danger = (a harm or hazard) x (happening now) x (not negated, not past, not a habit).

The cue lexicon catches set phrases ("not breathing", "on the bridge"). This module catches the open space
of new wordings by class: each class is a lexicon of words (verbs in every inflection, nouns, short
phrases) and a rule for when the class counts as happening now:

- ``inherent``: the words describe a state that is itself an emergency whenever it is not in the past or
  negated ("unconscious", "chest pains", "can't breathe", "anaphylactic");
- ``now``: the words describe harm or a hazard that is an emergency only when it is happening or imminent:
  a present progressive ("is kicking the door", "the flat is flooding"), an attempt or threat in progress
  ("trying to get in", "about to jump"), "has just", or an immediacy marker in the sentence ("right now",
  "tonight", "as we speak", "outside", "in the next hour").

A sentence about the past ("last week", "in the past") or a habit ("most weekends", "whenever he drinks")
never counts, nor does a plan for another day ("this weekend", "on Friday"): that is crime prevention.
Each hit carries its class's explanation and the sentence as evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Verbs the rule in ``forms`` gets wrong: irregular pasts, doubled consonants, and verbs whose past is
# left out on purpose. Regular verbs need no entry.
IRREGULAR: dict[str, tuple[str, ...]] = {
    "beat": ("beat", "beats", "beating", "beaten"),
    "hit": ("hit", "hits", "hitting"),
    "cut": ("cut", "cuts", "cutting"),
    "shoot": ("shoot", "shoots", "shooting", "shot"),
    "stab": ("stab", "stabs", "stabbed", "stabbing"),
    "bite": ("bite", "bites", "biting", "bit", "bitten"),
    "break": ("break", "breaks", "breaking", "broke", "broken"),
    "hold": ("hold", "holds", "holding", "held"),
    "swing": ("swing", "swings", "swinging", "swung"),
    "throw": ("throw", "throws", "throwing", "threw", "thrown"),
    "fall": ("fall", "falls", "falling", "fell", "fallen"),
    "burn": ("burn", "burns", "burning", "burnt", "burned"),
    "bleed": ("bleed", "bleeds", "bleeding", "bled"),
    "drag": ("drag", "drags", "dragged", "dragging"),
    "grab": ("grab", "grabs", "grabbed", "grabbing"),
    "set": ("set", "sets", "setting"),
    "hang": ("hang", "hangs", "hanging", "hung"),
    "leap": ("leap", "leaps", "leaping", "leapt", "leaped"),
    "slap": ("slap", "slaps", "slapped", "slapping"),
    "pin": ("pin", "pins", "pinned", "pinning"),
    "kidnap": ("kidnap", "kidnaps", "kidnapped", "kidnapping"),
    "spread": ("spread", "spreads", "spreading"),
    "rise": ("rise", "rises", "rising", "rose", "risen"),
    "trap": ("trap", "traps", "trapped", "trapping"),
    "hurt": ("hurt", "hurts", "hurting"),
    "stand": ("stand", "stands", "standing", "stood"),
    "sit": ("sit", "sits", "sitting", "sat"),
    "lean": ("lean", "leans", "leaning", "leaned", "leant"),
    "run": ("run", "runs", "running", "ran"),
}


def forms(*bases: str) -> frozenset[str]:
    """Every inflection of the verbs (irregular ones from the table, regular ones by rule)."""
    out: set[str] = set()
    for base in bases:
        if base in IRREGULAR:
            out.update(IRREGULAR[base])
            continue
        out.add(base)
        if base.endswith("e"):
            out.update({base + "s", base + "d", base[:-1] + "ing"})
        elif base.endswith(("s", "sh", "ch", "x")):
            out.update({base + "es", base + "ed", base + "ing"})
        else:
            out.update({base + "s", base + "ed", base + "ing"})
    return frozenset(out)


# ---- lexicons by class ------------------------------------------------------------------------------------

VIOLENCE = forms(
    "attack",
    "hit",
    "punch",
    "stab",
    "strangle",
    "throttle",
    "choke",
    "beat",
    "kick",
    "assault",
    "batter",
    "smash",
    "shoot",
    "drag",
    "rape",
    "bash",
    "hurt",
    "slap",
    "stamp",
    "grab",
    "pin",
    "kill",
    "murder",
    "chase",
    "bang",
    "pound",
    "hammer",
    "trash",
    "abduct",
    "snatch",
    "kidnap",
    "bundle",
    "maul",
    "bite",
    "break",
    "torch",
)
WEAPONS = frozenset(
    {
        "knife",
        "knives",
        "gun",
        "guns",
        "machete",
        "machetes",
        "bat",
        "acid",
        "blade",
        "blades",
        "axe",
        "hammer",
        "crowbar",
        "screwdriver",
        "scissors",
        "firearm",
        "pistol",
        "rifle",
        "shotgun",
        "weapon",
        "weapons",
        "sword",
        "cleaver",
        "meat",
        "razor",
        "bottle",
        "brick",
        "petrol",
        "lighter",
    }
)
WEAPON_VERBS = forms("wave", "brandish", "hold", "point", "wield", "swing", "threaten", "carry", "chase") | {
    "got",
    "has",
    "have",
    "with",
    "armed",
    "pulled",
    "pulling",
}
# states that are an emergency whenever they are present (not past, not negated)
MEDICAL_INHERENT: tuple[str, ...] = (
    "unconscious",
    "unresponsive",
    "not breathing",
    "isn't breathing",
    "stopped breathing",
    "can't breathe",
    "cannot breathe",
    "can not breathe",
    "cant breathe",
    "struggling to breathe",
    "struggling for breath",
    "fighting for breath",
    "gasping for breath",
    "gasping for air",
    "chest pain",
    "chest pains",
    "crushing pain",
    "heart attack",
    "having a stroke",
    "face drooping",
    "face is drooping",
    "anaphylaxis",
    "anaphylactic",
    "allergic reaction",
    "throat swelling",
    "throat is swelling",
    "lips blue",
    "lips are blue",
    "lips going blue",
    "lips turning blue",
    "blue lips",
    "turning blue",
    "going blue",
    "gone blue",
    "passed out",
    "fainted",
    "won't wake",
    "wont wake",
    "can't wake",
    "cant wake",
    "won't stop bleeding",
    "wont stop bleeding",
    "losing a lot of blood",
    "lost a lot of blood",
    "head injury",
    "hit his head",
    "hit her head",
    "hit their head",
    "banged his head",
    "banged her head",
    "fitting",
    "seizure",
    "convulsing",
    "diabetic coma",
    "hypo",
    "hypoglycaemic",
    "hypoglycemic",
    "overdosed",
    "taken an overdose",
    "took an overdose",
    "swallowed bleach",
    "drunk bleach",
    "swallowed a battery",
    "hypothermic",
    "hypothermia",
    "heatstroke",
    "heat stroke",
    "electrocuted",
    "choking on",
    "can't stay awake",
    "cannot stay awake",
    "cant stay awake",
    "drifting in and out",
    "in and out of consciousness",
    "slumped",
    "not making sense",
    "foaming at the mouth",
    "eyes rolling",
    "floppy",
    "limp",
    "not moving",
    "isn't moving",
    "hasn't moved",
    "cold and blue",
    "won't respond",
    "not responding",
    "isn't responding",
    "pale and clammy",
    "grey and clammy",
    "struggling to breathe",
    "can't get up",
    "cannot get up",
    "unable to get up",
    "been on the floor",
    "lying on the floor",
    "breathing is shallow",
    "shallow breathing",
    "rattly breathing",
    "barely breathing",
    "can barely breathe",
    "barely conscious",
    "barely responsive",
    "can barely speak",
    "can't speak properly",
    "shivering uncontrollably",
    "shaking uncontrollably",
    "throat is closing",
    "throat's closing",
    "throat closing",
    "throat is swelling",
    "tongue is swelling",
    "tongue swelling",
    "lips are swelling",
    "face is swelling",
    "swelling up and",
    "coughing up blood",
    "vomiting blood",
    "being sick and drowsy",
    "drowsy and being sick",
    "won't come round",
    "not come round",
    "hasn't come round",
    "can't be woken",
    "cannot be woken",
    "turned blue",
    "blood everywhere",
    "found hanging",
    "been hanging",
    "ligature round",
    "ligature around",
    "tied a ligature",
)
# someone who has fallen or collapsed and cannot move or get up (the sentence must say they are down)
DOWN = frozenset({"lying", "fallen", "fell", "collapsed", "floor", "ground", "stairs", "pavement", "bath"})
CANNOT_MOVE = ("can't move", "cannot move", "unable to move", "can not move", "cant move", "can't get up")
# a threat of violence spelled as an idiom: "finish her off", "sort him out", "do her in"
_WHO = r"(her|him|them|me|us|you|it|the (\w+ )?\w+)"
THREAT_IDIOMS = re.compile(
    rf" (finish {_WHO} off|sort {_WHO} out|do {_WHO} in(?! the| a| an| his| her| their| my)|teach {_WHO} "
    rf"a lesson|get rid of {_WHO}|make {_WHO} pay|make {_WHO} sorry|burn {_WHO} down|burn down {_WHO}|"
    rf"set fire to {_WHO}|smash {_WHO} up|do {_WHO} over|"
    r"kill|murder|stab|shoot|hurt|batter|attack|strangle|torch|rape) "
)
# a time later today: a threat for then is imminent ("when he gets back", "in an hour", "on his way")
TODAY = (
    " tonight ",
    " this evening ",
    " this afternoon ",
    " later today ",
    " later on ",
    " in an hour ",
    " in half an hour ",
    " within the hour ",
    " in a few hours ",
    " on his way ",
    " on her way ",
    " on their way ",
    " on the way ",
    " when he gets back ",
    " when he gets home ",
    " when he gets in ",
    " when he gets there ",
    " when she gets back ",
    " when she gets home ",
    " when they get back ",
    " when he comes back ",
    " when he's back ",
    " be back ",
    " coming round ",
    " coming over ",
    " coming back ",
    " coming for ",
    " heading over ",
    " heading round ",
)
# a future form or a threat: what someone says they will do
WILL = frozenset(
    {
        "will",
        "'ll",
        "ll",
        "going",
        "gonna",
        "coming",
        "threatening",
        "threatened",
        "threatens",
        "promised",
        "vowed",
        "plans",
        "planning",
    }
)
# a person at high risk outside or missing: a young child, someone with dementia or confused
HIGH_RISK_PERSON = frozenset(
    {
        "dementia",
        "alzheimer",
        "alzheimer's",
        "alzheimers",
        "confused",
        "disorientated",
        "disoriented",
        "wandering",
        "toddler",
        "baby",
    }
)
GONE = (
    "missing",
    "gone missing",
    "wandered off",
    "wandered out",
    "left the house",
    "left the home",
    "walked out",
    "got out",
    "gone out",
    "can't find",
    "cannot find",
    "cant find",
    "not come back",
    "hasn't come back",
    "hasn't come home",
    "not come home",
    "don't know where",
    "no idea where",
)
EXPOSED = frozenset(
    {
        "dark",
        "night",
        "freezing",
        "cold",
        "snow",
        "snowing",
        "icy",
        "minus",
        "sub-zero",
        "zero",
        "nightie",
        "nightdress",
        "pyjamas",
        "slippers",
        "tonight",
        "rain",
        "pouring",
        "frost",
    }
)
# a hazard noun with a progressive verb: "water is pouring through the ceiling", "the ceiling is caving in"
HAZARD_NOUNS = frozenset(
    {
        "water",
        "ceiling",
        "roof",
        "wall",
        "walls",
        "electrics",
        "wires",
        "wiring",
        "socket",
        "sockets",
        "floor",
        "building",
        "river",
        "tide",
        "flames",
        "smoke",
    }
)
HAZARD_MOVES = frozenset(
    {
        "pouring",
        "gushing",
        "rising",
        "caving",
        "collapsing",
        "sparking",
        "spreading",
        "flooding",
        "coming",
        "burning",
        "giving",
        "crumbling",
    }
)
# taken away by someone: abduction of a child, whatever the time marker
TAKEN = re.compile(
    r" (been|was|got|being) (taken|snatched|abducted|grabbed|bundled|dragged|lured|picked up) "
    r"(away |off )?(by|into) (?!care|custody|hospital|a&e|account|consideration|police)"
)
# forced into a vehicle ("has just been pushed into a car by two men"; not "pushed into the pool")
TAKEN_VEHICLE = re.compile(
    r" (been|was|got|being) (pushed|shoved|forced|thrown|pulled|put) into (a|the|their|his|her|an) "
    r"(\w+ )?(car|van|vehicle|taxi|boot|lorry|truck|motor)\b"
)
# someone pulling a person into a vehicle just now ("a man has just pulled a screaming girl into his car"; not
# "I've just put the shopping into the car", not a habit or the past: "has pulled her into his car before")
TAKEN_ACTIVE = re.compile(
    r" (just|has|have|is|are|'s) (just )?(pulled|pushed|dragged|bundled|forced|shoved|snatched|grabbed|"
    r"thrown|pulling|pushing|dragging|bundling|forcing|shoving|grabbing) (\w+ ){0,2}(girl|boy|child|kid|"
    r"woman|teenager|toddler|baby|daughter|son|pupil|student|lad|someone|somebody|her|him|them|"
    r"\[person_\d+\]) into (a|the|their|his|her|an) (\w+ )?(car|van|vehicle|taxi|boot|lorry|truck|motor)\b"
    r"(?!.* before\b)"
)
# fuel poured or splashed about: a fire about to be set
ACCELERANT = frozenset({"petrol", "paraffin", "accelerant", "diesel", "fuel", "kerosene", "white", "spirit"})
POURING = forms("pour", "douse", "soak", "splash", "spill", "spray", "light", "threaten") | {
    "lit",
    "spilt",
    "over",
}
# a time ahead that is not today: a plan, not an emergency ("this weekend", "on Friday")
FUTURE = frozenset(
    {
        "weekend",
        "tomorrow",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "month",
        "summer",
        "holiday",
        "holidays",
        "christmas",
        "easter",
        "half-term",
        "bonfire",
        "eventually",
        "someday",
    }
)
INFANT = frozenset({"baby", "babies", "toddler", "toddlers", "infant", "infants", "newborn", "tot"})
ABANDONED = (
    "hasn't come back",
    "has not come back",
    "hasn't returned",
    "not come back",
    "not returned",
    "no one else",
    "nobody else",
    "no adult",
    "no adults",
    "nobody home",
    "nobody in",
    "no one home",
    "no one in",
    "gone out",
    "went out",
    "been gone",
    "gone for hours",
    "out for hours",
    "left alone",
    "on her own",
    "on his own",
    "on their own",
    "by herself",
    "by himself",
    "by themselves",
    "alone in",
    "abandoned",
    "left the baby",
    "left the toddler",
)
# hazards that need a sign that they are happening now
ENVIRONMENT = frozenset(
    {
        "fire",
        "flames",
        "smoke",
        "ablaze",
        "burning",
        "gas",
        "fumes",
        "monoxide",
        "flood",
        "flooding",
        "flooded",
        "sparking",
        "explosion",
        "exploded",
        "collapsing",
    }
)
ENVIRONMENT_NOT_NOW = frozenset(
    {
        "alarm",
        "alarms",
        "exits",
        "escapes",
        "extinguishers",
        "drills",
        "doors",
        "services",
        "stations",
        "blankets",
        "precautions",
        "regulations",
        "assessment",
        "assessments",
        "risk",
        "hazard",
        "hazards",
        "safety",
        "door",
        "service",
        "brigade",
        "officer",
        "officers",
        "station",
        "drill",
        "check",
        "checks",
        "test",
        "bill",
        "bills",
        "meter",
        "cooker",
        "heater",
        "heating",
        "extinguisher",
        "blanket",
        "exit",
        "escape",
        "plan",
        "worker",
        "works",
        "setting",
        "settings",
    }
)
YOUNG_CHILD = frozenset(
    {
        "baby",
        "babies",
        "toddler",
        "toddlers",
        "infant",
        "newborn",
        "child",
        "children",
        "kid",
        "kids",
        "boy",
        "girl",
        "little",
        "tot",
    }
)
ALONE = frozenset({"alone", "unattended", "unsupervised", "left", "abandoned", "own", "nobody", "locked"})
CHILD_HAZARD = frozenset(
    {
        "car",
        "van",
        "vehicle",
        "road",
        "roads",
        "river",
        "canal",
        "pond",
        "lake",
        "pool",
        "water",
        "sea",
        "bath",
        "balcony",
        "window",
        "windowsill",
        "ledge",
        "roof",
        "railway",
        "tracks",
        "motorway",
        "quarry",
        "reservoir",
        "beach",
        "street",
        "traffic",
        "dual",
        "carriageway",
        "junction",
    }
)
HEAT = frozenset(
    {
        "hot",
        "boiling",
        "baking",
        "roasting",
        "heat",
        "sweating",
        "sweat",
        "sweltering",
        "scorching",
        "overheating",
        "overheated",
        "freezing",
    }
)
HELD = (
    "locked in",
    "locked inside",
    "locked up",
    "trapped in",
    "trapped inside",
    "being held",
    "held captive",
    "held hostage",
    "kept prisoner",
    "won't let her leave",
    "won't let him leave",
    "won't let them leave",
    "won't let me leave",
    "wont let her leave",
    "wont let him leave",
    "won't let her out",
    "won't let him out",
    "can't get out",
    "cant get out",
    "barricaded",
    "locked the door",
    "locked the front door",
    "making her go",
    "making him go",
    "making them go",
    "forcing her to go",
    "forcing him to go",
    "forcing her into",
    "forcing him into",
    "taking her away",
    "taking him away",
    "against her will",
    "against his will",
    "against their will",
    "won't let anyone in",
    "won't let us in",
    "won't let her go",
    "won't let him go",
    "won't let go of her",
    "won't let go of him",
)
HOSTAGE = re.compile(
    r" (hold|holds|holding|held|keep|keeps|keeping|kept) (her|him|them|me|us|the \w+|his \w+|her \w+) "
    r"(hostage|captive|prisoner|against)"
)
ANIMAL = (("dog", "dogs", "animal", "pitbull", "bull", "xl"), forms("attack", "maul", "bite"))
MISSING = (
    "missing",
    "can't find",
    "cant find",
    "cannot find",
    "can not find",
    "wandered off",
    "run off",
    "ran off",
    "gone off with",
    "got into a car",
    "got in a car",
    "into a stranger's car",
    "taken by",
)

# ---- when is it now ---------------------------------------------------------------------------------------

NOW_WORDS = frozenset(
    {
        "now",
        "tonight",
        "currently",
        "immediately",
        "outside",
        "happening",
        "minute",
        "minutes",
        "moment",
        "speak",
        "still",
        "urgent",
        "urgently",
        "help",
        "quick",
        "quickly",
        "asap",
        "today",
        "mins",
        "hurry",
    }
)
NOW_PHRASES = (
    "right now",
    "as we speak",
    "at the moment",
    "this minute",
    "this second",
    "in the next hour",
    "any minute",
    "any second",
    "on the phone",
    "on the line",
    "has just",
    "have just",
    "'s just",
    "'ve just",
    "just now",
    "just seen",
    "just found",
    "just heard",
    "just saw",
    "just got",
    "just come",
    "just been",
    "just walked",
    "just turned",
    "just rang",
    "just called",
)
BE_NOW = frozenset({"is", "are", "'s", "'re", "am", "'m", "s", "re", "m", "being"})
ATTEMPT = frozenset(
    {
        "trying",
        "about",
        "going",
        "gonna",
        "threatening",
        "starting",
        "attempting",
        "tries",
        "threatens",
        "starts",
        "keeps",
    }
)
PAST_MARKERS = frozenset(
    {
        "yesterday",
        "last",
        "previously",
        "earlier",
        "used",
        "past",
        "history",
        "weeks",
        "months",
        "years",
        "ago",
        "once",
        "before",
        "previous",
        "historic",
        "historical",
    }
)
# "ten minutes ago", "in the last hour": recent enough to still be now
RECENT = frozenset(
    {"min", "mins", "minute", "minutes", "sec", "secs", "seconds", "moments", "hour", "hr", "an"}
)
HABIT = frozenset(
    {
        "always",
        "often",
        "every",
        "most",
        "sometimes",
        "regularly",
        "usually",
        "whenever",
        "weekends",
        "constantly",
        "repeatedly",
        "tends",
        "occasionally",
        "frequently",
        "ever",
    }
)
REPORTING = frozenset(
    {"told", "tells", "said", "disclosed", "mentioned", "explained", "reported", "admitted"}
)
NEGATORS = frozenset({"not", "n't", "no", "never", "nobody", "without", "nothing", "none", "neither"})
HYPOTHETICAL = frozenset(
    {
        "if",
        "would",
        "could",
        "might",
        "should",
        "in case",
        "what",
        "worried",
        "afraid",
        "scared",
        "fear",
        "fears",
        "worry",
        "risk",
    }
)


@dataclass(frozen=True)
class DangerHit:
    start: int
    end: int
    evidence: str
    explanation: str


def _past(sent: Any) -> bool:
    words = [t.lower_ for t in sent]
    for k, w in enumerate(words):
        if w not in PAST_MARKERS:
            continue
        if set(words[max(0, k - 6) : k]) & NEGATORS:
            continue  # "this isn't something that happened last week", "not a past incident": it is now
        if w == "ago" and set(words[max(0, k - 3) : k]) & RECENT:
            continue  # "ten minutes ago" is still now
        if w == "last" and set(words[k + 1 : k + 3]) & RECENT:
            continue  # "in the last hour", "the last few minutes"
        if w in {"last", "yesterday", "earlier"} and k > 0 and words[k - 1] == "since":
            continue  # "on the floor since last night": still going on
        if w == "before" and k + 1 < len(words) and words[k + 1] in {"he", "she", "they", "it", "i", "we"}:
            continue  # "before he gets home" is a time ahead
        if w in {"weeks", "months", "years"} and not (set(words[k + 1 : k + 3]) & {"ago"}):
            continue  # "for years" is how long, "two weeks ago" is when
        if w == "once" and k + 1 < len(words) and words[k + 1] in {"he", "she", "they"}:
            continue
        return True
    return False


GLUE = ("n't", "'s", "'re", "'m", "'ve", "'ll", "'d")


def _glued(sent: Any) -> tuple[str, list[int]]:
    """The sentence as lower-case words (contractions glued back: "ca n't" -> "can't") and their tokens."""
    words: list[str] = []
    index: list[int] = []
    for t in sent:
        w = t.lower_
        if words and w in GLUE:
            words[-1] += w  # "ca" + "n't" is "can't", "wo" + "n't" is "won't"
            continue
        words.append(w)
        index.append(t.i)
    return " " + " ".join(words) + " ", index


def _joined(sent: Any) -> str:
    return _glued(sent)[0]


def _now(sent: Any, joined: str) -> bool:
    if any(t.lower_ in NOW_WORDS for t in sent):
        return True
    for t in sent:
        # "has just poured", "the carer just arrived": "just" before a past form is a moment ago
        if t.lower_ == "just" and t.i + 1 < sent.end:
            nxt = t.doc[t.i + 1]
            if nxt.tag_ in ("VBD", "VBN") or (not nxt.tag_ and nxt.lower_.endswith("ed")):
                return True
    return any(f" {p} " in joined for p in NOW_PHRASES) or "'s just " in joined or "'ve just " in joined


def _verb_now(doc: Any, tok: Any) -> bool:
    """A verb happening as the message is written: 'is kicking', 'trying to kick', 'about to jump'."""
    back = [doc[j].lower_ for j in range(max(0, tok.i - 4), tok.i)]
    wider = {doc[j].lower_ for j in range(max(0, tok.i - 7), tok.i)}
    if (tok.lower_.endswith("ing") or (back and back[-1] == "being")) and wider & PERCEIVING:
        return True  # "I can hear the man next door hitting her", "I can hear things being smashed"
    if tok.lower_.endswith("ing"):
        # "is kicking", "'s kicking the door", "are fighting"; "keeps kicking" is a habit
        return bool(back) and (
            back[-1] in BE_NOW or (len(back) > 1 and back[-2] in BE_NOW and back[-1] in {"still", "now"})
        )
    if "to" in back[-2:] and set(back) & ATTEMPT:
        return True
    if "gonna" in back[-2:]:
        return True
    return "just" in back[-2:]


# a young child who has got away from the adults looking after them
# a child on the move towards a hazard is happening now ("is heading for the main road")
MOVING_TOWARDS = frozenset({"heading", "toddling", "wandering", "crawling", "making", "running", "walking"})
LOOSE = frozenset(
    {"out", "escaped", "wandered", "loose", "traffic", "slipped", "ran", "run", "running", "off"}
)
# seeing or hearing someone doing something is witnessing it as it happens
PERCEIVING = frozenset({"hear", "hearing", "see", "seeing", "watch", "watching"})


def _negated(doc: Any, start: int, sent: Any) -> bool:
    return any(doc[j].lower_ in NEGATORS for j in range(max(sent.start, start - 4), start))


def _phrase_at(doc: Any, sent: Any, phrases: tuple[str, ...]) -> tuple[int, str] | None:
    text, index = _glued(sent)
    for p in phrases:
        at = text.find(f" {p} ")
        if at >= 0:
            return index[text[:at].count(" ")], p
    return None


def _hypothetical(doc: Any, start: int, sent: Any) -> bool:
    """'worried he might hurt her', 'if he turns up': a fear, not an event."""
    back = {doc[j].lower_ for j in range(max(sent.start, start - 6), start)}
    return bool(back & HYPOTHETICAL)


FUTURE_PHRASES = (" next week", " next month", " next term", " next year", " in a week", " in a fortnight")


def _future(sent: Any) -> bool:
    words = {t.lower_ for t in sent}
    if words & {"now", "tonight", "currently"}:
        return False
    return bool(words & FUTURE) or any(p in _joined(sent) for p in FUTURE_PHRASES)


def find_danger(doc: Any, sents: list[Any]) -> DangerHit | None:
    """The first sentence that describes danger happening now, by class."""
    infant = _infant_alone(doc, sents)
    if infant is not None:
        return infant
    for sent in sents:
        if len(sent) < 2 or _past(sent) or _future(sent) or any(t.lower_ in HABIT for t in sent):
            continue
        found = _sentence_danger(doc, sent)
        if found is not None:
            index, why = found
            return DangerHit(index, index + 1, sent.text.strip(), why)
    return None


Found = tuple[int, str] | None
WEAPON_PREFIX = {"meat", "bottle", "brick", "petrol", "lighter"}


def _sentence_danger(doc: Any, sent: Any) -> Found:
    now = _now(sent, _joined(sent))
    wordset = {t.lower_ for t in sent}
    for check in (
        _medical,
        _weapon,
        _violence,
        _threat_today,
        _accelerant,
        _environment,
        _hazard_moving,
        _child_hazard,
        _taken,
        _high_risk_out,
        _fallen,
        _held,
        _followed,
        _animal,
    ):
        found = check(doc, sent, now, wordset)
        if found is not None:
            return found
    return None


# the state has passed ("came round straight away", "is fine now")
RECOVERED = (
    " she's fine ",
    " he's fine ",
    " they're fine ",
    " she's safe ",
    " he's safe ",
    " they're safe ",
    " 's fine ",
    " s fine ",
    " are fine ",
    " safe now ",
    " is safe ",
    " 's safe ",
    " came round ",
    " came to ",
    " come round ",
    " recovered ",
    " fine now ",
    " okay now ",
    " ok now ",
    " back to normal ",
    " went home ",
    " gone home ",
    " sitting up ",
    " is fine ",
    " was fine ",
    " all fine ",
)


def _medical(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """States that are emergencies in themselves."""
    found = _phrase_at(doc, sent, MEDICAL_INHERENT)
    if found is None or _negated(doc, found[0], sent) or _hypothetical(doc, found[0], sent):
        return None
    joined = " " + _joined(sent) + " "
    for p in RECOVERED:
        at = joined.find(p)
        if at >= 0 and not set(joined[:at].split()[-2:]) & {"n't", "not", "never", "hasn't", "hasnt", "yet"}:
            return None  # "fainted, came round straight away and went home": over, not an emergency now
    return found[0], f"a medical emergency ('{found[1]}')"


def _fallen(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """Someone down on the floor or at the foot of the stairs who cannot move or get up."""
    if not wordset & DOWN:
        return None
    found = _phrase_at(doc, sent, CANNOT_MOVE)
    if found is None or _hypothetical(doc, found[0], sent):
        return None
    return found[0], "someone has fallen or collapsed and cannot move"


def _threat_today(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """A threat of violence for later today: 'coming round tonight to finish her off', 'back in an hour'."""
    joined = _joined(sent)
    if not wordset & WILL and " 'll " not in joined and "'ll " not in joined:
        return None
    m = THREAT_IDIOMS.search(joined)
    heard = bool(wordset & PERCEIVING) and any(
        t.lower_ in {"shouting", "screaming", "yelling", "saying"} for t in sent
    )
    threatening = heard or any(
        f" {b} threatening " in joined or f"{b} threatening " in joined for b in BE_NOW
    )
    if m is None or not (now or threatening or any(p in joined for p in TODAY)):
        return None
    i = _glued(sent)[1][joined[: m.start()].count(" ")]
    if _negated(doc, i, sent) or any(doc[j].lower_ == "if" for j in range(sent.start, i)):
        return None
    return i, "a threat of violence for later today"


def _hazard_moving(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """A hazard in progress: 'water is pouring through the ceiling', 'the ceiling is caving in'."""
    if not wordset & HAZARD_NOUNS:
        return None
    for tok in sent:
        if tok.lower_ not in HAZARD_MOVES or tok.i == sent.start:
            continue
        prev = doc[tok.i - 1].lower_
        progressive = prev in BE_NOW | {"still"} and not _hypothetical(doc, tok.i, sent)
        if (progressive or prev in HAZARD_NOUNS) and not _negated(doc, tok.i, sent):
            return tok.i, "a hazard (water, a collapse, live wiring) happening now"
    return None


def _taken(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """A child or adult taken away by someone ('has been taken by a man she met online')."""
    joined = _joined(sent)
    m = TAKEN.search(joined) or TAKEN_VEHICLE.search(joined) or TAKEN_ACTIVE.search(joined)
    if m is None or " from school by " in joined or " to hospital " in joined:
        return None
    i = _glued(sent)[1][joined[: m.start()].count(" ")]
    if (
        _negated(doc, i, sent)
        or _hypothetical(doc, i, sent)
        or wordset & {"into", "care"} >= {"into", "care"}
    ):
        return None
    return i, "someone has been taken away by another person"


def _high_risk_out(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """A young child or a person with dementia missing or out, now, in the dark or the cold."""
    whole = {t.lower_ for t in doc}
    if not (whole & HIGH_RISK_PERSON or _young_age([t.lower_ for t in doc])):
        return None
    found = _phrase_at(doc, sent, GONE)
    if found is None or _hypothetical(doc, found[0], sent):
        return None
    if _negated(doc, found[0], sent) and found[1] not in {
        "don't know where",
        "not come back",
        "not come home",
    }:
        return None
    if not (now or wordset & EXPOSED):
        return None
    return found[0], "a person at high risk (a young child, someone with dementia) is missing or out now"


def _weapon(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """A weapon being held, waved or pointed now ('waving a kitchen knife at her')."""
    for tok in sent:
        word = tok.lower_
        named = word in WEAPONS and word not in WEAPON_PREFIX
        compound = (
            word in WEAPON_PREFIX and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ in {"cleaver", "knife"}
        )
        if not (named or compound):
            continue
        around = {doc[j].lower_ for j in range(max(sent.start, tok.i - 5), tok.i)}
        if not around & WEAPON_VERBS or not (now or _progressive_near(doc, tok, sent)):
            continue
        if not _negated(doc, tok.i, sent) and not _hypothetical(doc, tok.i, sent):
            return tok.i, "someone has a weapon out now"
    return None


def _violence(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """Violence happening or about to happen ('is kicking the door in', 'trying to get at her right now')."""
    for tok in sent:
        if tok.lower_ not in VIOLENCE:
            continue
        if _negated(doc, tok.i, sent) or _hypothetical(doc, tok.i, sent) or not _verb_now(doc, tok):
            continue
        # "is kicking the door" alone is now; "she told me he is hitting her mum" is a disclosure of abuse
        progressive = tok.lower_.endswith("ing") and _has_object(doc, tok, sent) and not wordset & REPORTING
        back = [doc[j].lower_ for j in range(max(sent.start, tok.i - 3), tok.i)]
        attempting = len(back) == 3 and back[0] in BE_NOW and back[1] in ATTEMPT and back[2] == "to"
        heard = bool(back) and back[-1] == "being" and bool(wordset & PERCEIVING)
        if now or progressive or attempting or heard:
            return tok.i, "violence is happening or about to happen now"
    return None


def _accelerant(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """Fuel poured about, or a threat to light it."""
    if not (wordset & ACCELERANT and wordset & POURING):
        return None
    i = next(t.i for t in sent if t.lower_ in ACCELERANT)
    return None if _negated(doc, i, sent) else (i, "fuel poured or a threat to set a fire")


def _environment(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """Fire, smoke, gas or flood happening now (not 'a fire risk', 'the fire service')."""
    joined = _joined(sent)
    for tok in sent:
        if tok.lower_ not in ENVIRONMENT:
            continue
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        prev = doc[tok.i - 1].lower_ if tok.i > sent.start else ""
        if nxt in ENVIRONMENT_NOT_NOW or prev in ENVIRONMENT_NOT_NOW:
            continue
        if tok.lower_ == "burning" and nxt in {"herself", "himself", "themselves", "her", "his"}:
            continue  # self-harm by burning is the self-harm class
        if _negated(doc, tok.i, sent) or _hypothetical(doc, tok.i, sent):
            continue
        if now or " on fire " in joined or _progressive_near(doc, tok, sent):
            return tok.i, "a fire, gas or flood hazard happening now"
    return None


def _child_hazard(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """A young child alone near water, a road, a height or in a car; shut in a hot car; missing now."""
    if not (wordset & YOUNG_CHILD or _young_age([t.lower_ for t in sent])):
        return None
    if wordset & ALONE and wordset & CHILD_HAZARD and not wordset & {"overnight", "evening", "evenings"}:
        i = next(t.i for t in sent if t.lower_ in CHILD_HAZARD)
        if not _negated(doc, i, sent):
            return i, "a young child alone near a danger (water, a road, a car, a height)"
    if any(p in " " + _joined(sent) + " " for p in RECOVERED):
        return None  # "she ran into the road but he grabbed her hand and she's fine": over
    if (now or wordset & MOVING_TOWARDS) and wordset & CHILD_HAZARD and wordset & LOOSE:
        # "a toddler has just got out of the gate and is on the main road in the traffic"
        i = next(t.i for t in sent if t.lower_ in CHILD_HAZARD)
        if not _negated(doc, i, sent):
            return i, "a young child has got out and is near a danger (water, a road, a height)"
    if wordset & {"car", "van", "vehicle"} and wordset & HEAT:
        i = next(t.i for t in sent if t.lower_ in {"car", "van", "vehicle"})
        return i, "a child shut in a vehicle in dangerous heat or cold"
    found = _phrase_at(doc, sent, MISSING)
    if found is not None and now and not _negated(doc, found[0], sent):
        return found[0], "a young child is missing now"
    return None


def _held(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """Someone held or locked in against their will, now."""
    found = _phrase_at(doc, sent, HELD)
    if found is None:
        m = HOSTAGE.search(_joined(sent))
        if m is not None:
            found = _glued(sent)[1][_joined(sent)[: m.start()].count(" ")], m.group(0).strip()
            now = now or _progressive_near(doc, doc[found[0]], sent)
    now = now or _progressive_near(doc, doc[found[0]], sent) if found is not None else now
    if found is None or not (
        now or wordset & {"stuck", "trapped", "knife", "screaming", "scared", "hostage"}
    ):
        return None
    return (
        None
        if _negated(doc, found[0], sent)
        else (found[0], "someone is held or locked in against their will")
    )


FOLLOW = forms("follow", "stalk", "pursue")
ONLINE = frozenset(
    {"online", "instagram", "tiktok", "twitter", "facebook", "snapchat", "social", "account", "app"}
)


def _followed(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """Someone being followed or stalked in person right now ('a man is following her home right now')."""
    if not now or wordset & ONLINE:
        return None
    for tok in sent:
        if tok.lower_ in FOLLOW and _verb_now(doc, tok) and not _negated(doc, tok.i, sent):
            return tok.i, "someone is being followed or stalked right now"
    return None


def _animal(doc: Any, sent: Any, now: bool, wordset: set[str]) -> Found:
    """A dog or other animal attacking someone now."""
    if not wordset & set(ANIMAL[0]):
        return None
    for tok in sent:
        if tok.lower_ in ANIMAL[1] and (now or _verb_now(doc, tok)):
            return tok.i, "an animal is attacking someone now"
    return None


def _progressive_near(doc: Any, tok: Any, sent: Any) -> bool:
    for j in range(max(sent.start, tok.i - 4), min(sent.end, tok.i + 4)):
        t = doc[j]
        if t.lower_.endswith("ing") and j > sent.start and doc[j - 1].lower_ in BE_NOW:
            return True
    return False


def _has_object(doc: Any, tok: Any, sent: Any) -> bool:
    """'is kicking the door', 'is hitting her': a present progressive with someone or something on the end."""
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
    return nxt not in {"", ".", "?", "!", ",", "off", "out"}


def _young_age(words: list[str]) -> bool:
    for k, w in enumerate(words):
        m = re.fullmatch(r"(\d{1,2})(yo)?", w)
        if m and int(m.group(1)) <= 10 and k + 1 < len(words) and words[k + 1] in {"-", "year", "yr", "yo"}:
            return True
    return False


def _infant_alone(doc: Any, sents: list[Any]) -> DangerHit | None:
    """A baby or toddler left with no adult (anywhere in the message, not in the past)."""
    words = {t.lower_ for t in doc}
    young = bool(words & INFANT) or any(_young_age([t.lower_ for t in s]) for s in sents)
    if not young:
        return None
    for sent in sents:
        if _past(sent) or any(t.lower_ in HABIT for t in sent):
            continue
        found = _phrase_at(doc, sent, ABANDONED)
        if found is not None and not _hypothetical(doc, found[0], sent):
            if {t.lower_ for t in sent} & {
                "overnight",
                "evening",
                "evenings",
                "weekend",
                "weekends",
                "nights",
            }:
                continue  # an older child's nights alone are a child-at-risk share, not a 999 call
            return DangerHit(
                found[0], found[0] + 1, sent.text.strip(), "a baby or toddler left with no adult"
            )
    return None
