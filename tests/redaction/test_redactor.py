"""The Redactor API: placeholders in text, idempotence, fail-closed errors, summaries, conversations."""

from __future__ import annotations

from typing import Any

import pytest

from redaction import PipelineUnavailable, PlaceholderMap, Redacted, RedactionError, Redactor, Span

KEY = b"conversation-key-0123456789abcdef"


def test_spans_point_into_the_original_text(blank_redactor: Redactor) -> None:
    text = "Call Jes\u200bsie on 07700 900321 or paula.grant@gmail.com"
    result = blank_redactor.redact(text)
    found = {text[s.start : s.end] for s in result.spans}
    assert {"Jes\u200bsie", "07700 900321", "paula.grant@gmail.com"} <= found
    assert result.text == "Call [PERSON_1] on [PHONE_1] or [EMAIL_1]"


def test_every_span_explains_itself(blank_redactor: Redactor) -> None:
    for span in blank_redactor.redact(
        "Mrs Okoro, NHS 943 476 5919, lives at 3 Mulberry Close, LE12 9BS"
    ).spans:
        assert isinstance(span, Span)
        assert span.explanation and span.source and span.placeholder.startswith(f"[{span.label}_")
        assert 0 < span.score <= 1


def test_redacting_twice_changes_nothing(blank_redactor: Redactor) -> None:
    once = blank_redactor.redact("Molly's mum Stacey Hewitt lives at 14 Ashby Road, LE12 9BS").text
    assert blank_redactor.redact(once).text == once


def test_placeholders_typed_by_the_user_are_kept_and_never_reused(blank_redactor: Redactor) -> None:
    result = blank_redactor.redact("[PERSON_1] said Jessie Carter was there")
    assert result.text == "[PERSON_1] said [PERSON_2] was there"


def test_a_later_first_name_only_mention_keeps_the_placeholder(blank_redactor: Redactor) -> None:
    state = PlaceholderMap(KEY)
    blank_redactor.redact("Kofi told me his foster carer Mrs Sandra Okoro locks the fridge.", state)
    stored = PlaceholderMap.from_json(state.to_json(), KEY)
    later = blank_redactor.redact("Should I tell Okoro's social worker? And Kofi is 11.", stored)
    assert later.text == "Should I tell [PERSON_2]'s social worker? And [PERSON_1] is 11."


def test_name_that_is_a_word_recognised_later_only_when_capitalised(blank_redactor: Redactor) -> None:
    state = PlaceholderMap(KEY)
    blank_redactor.redact("Her daughter Grace Appiah is 9.", state)
    later = blank_redactor.redact("Grace said he will hit her. By grace of God she is ok.", state)
    assert later.text == "[PERSON_1] said he will hit her. By grace of God she is ok."


def test_repeated_name_in_one_message(blank_redactor: Redactor) -> None:
    result = blank_redactor.redact("Annie's carer asked for her plan. Annie has dementia.")
    assert result.text == "[PERSON_1]'s carer asked for her plan. [PERSON_1] has dementia."


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("Jessie and Stacey live at 14 Ashby Road.", "2 names and an address were removed before saving."),
        ("Call 07700 900321.", "A phone number was removed before saving."),
        (
            "Can I share a risk assessment?",
            "Nothing identifying was found, so the message was saved as written.",
        ),
    ],
)
def test_summary(blank_redactor: Redactor, text: str, summary: str) -> None:
    assert blank_redactor.redact(text).removed_summary() == summary


def test_counts() -> None:
    spans = [
        Span(0, 1, "PERSON", "s", "e", "[PERSON_1]", 1.0),
        Span(2, 3, "PERSON", "s", "e", "[PERSON_2]", 1.0),
    ]
    assert Redacted("x", spans).counts() == {"PERSON": 2}


def test_unknown_model_fails_closed() -> None:
    with pytest.raises(PipelineUnavailable):
        Redactor.load("no_such_model")


def test_unexpected_failure_is_a_redaction_error_without_user_text(
    monkeypatch, blank_redactor: Redactor
) -> None:
    secret = "Jessie Carter 07700 900321"

    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError(f"broken on {secret}")

    monkeypatch.setattr("redaction.redactor._repeat_mentions", boom)
    with pytest.raises(RedactionError) as info:
        blank_redactor.redact(secret)
    assert "Jessie" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_non_text_is_refused(blank_redactor: Redactor) -> None:
    with pytest.raises(RedactionError):
        blank_redactor.redact(b"bytes")  # type: ignore[arg-type]


def test_redact_many_matches_redact(blank_redactor: Redactor) -> None:
    texts = ["Jessie is 15", "Call 07700 900321", "", "Mr Nowicki's GP"]
    assert [r.text for r in blank_redactor.redact_many(texts)] == [
        blank_redactor.redact(t).text for t in texts
    ]


@pytest.mark.model
def test_model_pipeline_has_the_component_and_spans(model_redactor: Redactor) -> None:
    result = model_redactor.redact(
        "Rahul Mehta, DOB 12/09/1988, NI AB 12 34 56 C, lives at 7 Elm Grove, B15 2TT."
    )
    assert result.counts() == {"PERSON": 1, "DOB": 1, "NI_NUMBER": 1, "ADDRESS": 1}
    assert "Rahul" not in result.text and "Elm" not in result.text


@pytest.mark.model
def test_prefetched_analyses_give_the_same_redaction_and_are_used_once(model_redactor: Redactor) -> None:
    texts = [
        "Jessie Carter (15) told me her stepdad hits her; she lives at 4 Mill Lane, LS6 2AB.",
        "Mr Nowicki's daughter rang from 07700 900321 asking about his care plan.",
        "Can I tell the GP?",
    ]
    alone = [model_redactor.redact(t) for t in texts]
    calls = 0
    real = model_redactor._nlp

    class Counting:
        def __call__(self, text: str) -> Any:
            nonlocal calls
            calls += 1
            return real(text)

        def pipe(self, batch: Any, **kwargs: Any) -> Any:
            return real.pipe(batch, **kwargs)

    model_redactor._nlp = Counting()  # type: ignore[assignment]
    try:
        model_redactor.prefetch(texts)
        together = [model_redactor.redact(t) for t in texts]
        assert calls == 0  # every message used its batched analysis
        assert [r.text for r in together] == [r.text for r in alone]
        assert [r.spans for r in together] == [r.spans for r in alone]
        model_redactor.redact(texts[0])
        assert calls == 1  # an analysis is taken once, then analysed afresh
        model_redactor.prefetch(texts[1:])
        model_redactor.forget()
        model_redactor.redact(texts[1])
        assert calls == 2  # forget drops what was not taken
    finally:
        model_redactor._nlp = real
        model_redactor.forget()


def test_a_failed_prefetch_keeps_nothing_and_redaction_still_reports_its_own_error(
    monkeypatch, blank_redactor: Redactor
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("pipeline broke on Jessie Carter")

    monkeypatch.setattr(blank_redactor._nlp, "pipe", broken)
    blank_redactor.prefetch(["Jessie Carter is 15", "Call 07700 900321"])  # no exception escapes
    assert blank_redactor._ready == {}
    assert "07700" not in blank_redactor.redact("Call 07700 900321").text


@pytest.mark.model
def test_another_tools_placeholders_are_kept_and_their_numbers_not_reused(model_redactor: Redactor) -> None:
    text = (
        "<PERSON_1> told me her carer <PERSON_2> keeps her bank card; "
        "Jessie Carter rang from <PHONE_NUMBER>."
    )
    result = model_redactor.redact(text)
    assert result.text.startswith("<PERSON_1> told me her carer <PERSON_2> keeps")
    assert result.text.endswith("rang from <PHONE_NUMBER>.")
    assert "Jessie" not in result.text and "[PERSON_3]" in result.text
    assert "[PERSON_1]" not in result.text and "[PERSON_2]" not in result.text


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "a mum at playgroup asked me if it's true",
        "our childminder said he had bruises",
        "the foodbank volunteer says she is scared",
        "the befriender says he has not eaten",
    ],
)
def test_care_settings_missing_from_the_dictionary_are_not_names(model_redactor: Redactor, text: str) -> None:
    assert model_redactor.redact(text).text == text
