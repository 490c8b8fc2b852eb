"""A small, predictable advisor for the transport tests: the transport is what is under test here, so
the answers are shaped by cue words rather than by the knowledge base (tested in its own package).

It echoes the redacted question in its summary, as a real answer may quote the asker, so the tests see
whether redacted text is escaped and whether anything unredacted could reach Slack.
"""

from __future__ import annotations

import datetime as dt

from knowledge import Advice, AdviceState, Choice, Citation, FollowUp

CITATION = Citation(
    id="golden-rules",
    title="Seven golden rules <for> sharing & more",
    source="HM Government",
    section="Golden rules",
    reviewed=dt.date(2026, 1, 1),
    stale=False,
)
FOLLOW_UP = FollowUp(
    id="age",
    question="Is the person under 18?",
    choices=[Choice(value="child", label="Under 18"), Choice(value="adult", label="18 or over")],
)


class StubAdvice(Advice):
    def render_text(self) -> str:  # the real renderer belongs to the knowledge package
        return f"{self.verdict}: {self.summary}\n" + "\n".join(self.steps)


class StubAdvisor:
    def advise(self, text: str, state: AdviceState) -> Advice:
        if "LONG" in text:
            steps = [f"Step {n:04d}: " + "check the policy and write it down. " * 5 for n in range(1000)]
            return StubAdvice(
                verdict="share",
                inform="yes",
                steps=steps,
                rules=["golden-rules"],
                citations=[CITATION],
                summary="A very long answer.",
            )
        if "ask me" in text and "age" not in state.answers:
            return StubAdvice(
                verdict="seek_advice",
                inform="unless_unsafe",
                follow_up=[FOLLOW_UP],
                rules=["golden-rules"],
                citations=[CITATION],
                summary="Need to know more.",
            )
        verdict = "emergency" if "danger" in text else "share"
        return StubAdvice(
            verdict=verdict,
            inform="yes",
            steps=["Tell children's social care today."],
            rules=["golden-rules"],
            citations=[CITATION],
            summary=f"You asked: {text}",
            facts=[],
            explanation="Stub explanation.",
        )
