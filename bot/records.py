"""Decision records (golden rule 7): what was decided, why, what is shared with whom, on what lawful basis.

Records hold redacted text only. Once signed off a record never changes: a correction is a new version
that points at the one it corrects.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.storage.models import AdviceGiven, Case, DecisionRecord

VERDICT_DECISIONS = {
    "emergency": "Emergency: call 999 and share with the emergency services now",
    "share": "Share the information",
    "ask_consent": "Share only if the person agrees",
    "dont_share": "Do not share",
    "seek_advice": "Seek advice first without naming the person",
}
INFORM_TEXT = {
    "yes": "Yes: tell the person (and family where appropriate) what is shared, with whom and why.",
    "unless_unsafe": "Tell the person first only if that does not increase the risk to them or others; "
    "if not told, record why.",
    "no": "No: telling the person would increase the risk or is not appropriate; the reason is recorded.",
}


class RecordLocked(Exception):
    """A signed-off record cannot change; make a correction instead."""


def build_content(
    *,
    advice: AdviceGiven | None,
    case: Case | None,
    decided_by_role: str,
    outcome: str | None = None,
    shared_what: str | None = None,
    purpose: str | None = None,
    person_told: str | None = None,
) -> dict[str, Any]:
    """Assemble the record's fields from the latest advice and, when there is one, the case."""
    detail = advice.detail if advice else {}
    verdict = (case.verdict if case else None) or (advice.verdict if advice else "seek_advice")
    inform = (case.inform if case else None) or (advice.inform if advice else "unless_unsafe")
    facts = (case.facts if case else None) or (advice.facts if advice else [])
    rules = detail.get("citations") or [
        {"id": r} for r in ((case.rules if case else None) or (advice.rules if advice else []))
    ]
    recipients = list(detail.get("recipients") or [])
    return {
        "decision": VERDICT_DECISIONS.get(verdict, verdict),
        "verdict": verdict,
        "outcome": outcome,
        "reasons": {
            "facts": [f"{f.get('name')}: {f.get('value')}" for f in facts if isinstance(f, dict)],
            "rules": [{"id": r.get("id"), "title": r.get("title", "")} for r in rules],
        },
        "shared_what": shared_what
        or "Only the information relevant to the concern, accurate and up to date, nothing more.",
        "shared_with": recipients or ["(none recorded)"],
        "purpose": purpose
        or ("Safeguarding" if verdict in ("share", "emergency") else "Advice on whether to share"),
        "lawful_basis": list(detail.get("lawful_basis") or []),
        "person_told": person_told or INFORM_TEXT.get(inform, inform),
        "date": datetime.now(UTC).date().isoformat(),
        "decided_by_role": decided_by_role,
        "case": case.ref if case else None,
    }


def save_draft(session: Session, conversation_id: str, content: dict[str, Any]) -> DecisionRecord:
    """The asker's own record: replaces an unsigned draft for the conversation, never a signed record."""
    draft = session.scalars(
        select(DecisionRecord)
        .where(DecisionRecord.conversation_id == conversation_id, DecisionRecord.signed_at.is_(None))
        .order_by(DecisionRecord.id.desc())
        .limit(1)
    ).first()
    if draft is None:
        draft = DecisionRecord(conversation_id=conversation_id, version=1)
        session.add(draft)
    draft.content = content
    session.flush()
    return draft


def sign(session: Session, record: DecisionRecord, lead: str) -> DecisionRecord:
    if record.signed_at is not None:
        raise RecordLocked("this record is signed off; record a correction instead")
    record.signed_off_by = lead
    record.signed_at = datetime.now(UTC)
    session.flush()
    return record


def correct(session: Session, record: DecisionRecord, changes: dict[str, Any], lead: str) -> DecisionRecord:
    """A new signed version pointing at the old one; the old one is left exactly as it was."""
    content = {**record.content, **changes}
    new = DecisionRecord(
        conversation_id=record.conversation_id,
        case_id=record.case_id,
        version=record.version + 1,
        supersedes_id=record.id,
        content=content,
    )
    session.add(new)
    session.flush()
    return sign(session, new, lead)


def as_json(record: DecisionRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "version": record.version,
        "supersedes": record.supersedes_id,
        **record.content,
        "signed_off_by": record.signed_off_by,
        "signed_at": record.signed_at.isoformat() if record.signed_at else None,
    }


def as_markdown(record: DecisionRecord) -> str:
    return markdown_of(as_json(record))


def markdown_of(data: dict[str, Any]) -> str:
    for_case = f" for case {data['case']}" if data.get("case") else ""
    signed = (
        f"{data['signed_off_by']} at {data['signed_at']}" if data["signed_off_by"] else "not yet signed off"
    )
    lines = [
        f"# Decision record{for_case} (version {data['version']})",
        "",
    ]
    lines += [f"- **Decision:** {data['decision']}"]
    if data.get("outcome"):
        lines += [f"- **Outcome:** {data['outcome']}"]
    lines += [
        f"- **What is shared:** {data['shared_what']}",
        f"- **With whom:** {', '.join(data['shared_with'])}",
        f"- **Purpose:** {data['purpose']}",
        f"- **Lawful basis:** {', '.join(data['lawful_basis']) or 'to be confirmed by the lead'}",
        f"- **Was the person told:** {data['person_told']}",
        f"- **Date:** {data['date']}",
        f"- **Decided by (role):** {data['decided_by_role']}",
        f"- **Signed off:** {signed}",
    ]
    if data.get("supersedes"):
        lines += [f"- **Corrects record:** {data['supersedes']}"]
    lines += ["", "## Reasons", ""]
    lines += [f"- {fact}" for fact in data["reasons"]["facts"]] or ["- (no facts recorded)"]
    lines += ["", "## Based on", ""]
    lines += [f"- `{r['id']}` {r.get('title') or ''}".rstrip() for r in data["reasons"]["rules"]]
    return "\n".join(lines) + "\n"


def dumps(record: DecisionRecord) -> str:
    return json.dumps(as_json(record), indent=2, ensure_ascii=False)
