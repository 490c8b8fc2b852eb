"""The knowledge base as data: contract ids, sources, numbering, review dates, and loud failures."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from knowledge import KnowledgeBase, KnowledgeError, load_local
from knowledge.loader import package_data, read_lines

from .conftest import SHARED

CONTRACT_MD = SHARED / "knowledge-ids.md"


def test_every_contract_id_exists(kb: KnowledgeBase) -> None:
    missing = [cid for cid in kb.contract_ids if cid not in kb.entries]
    assert missing == []
    assert len(kb.contract_ids) >= 85


@pytest.mark.skipif(not CONTRACT_MD.exists(), reason="shared folder not present")
def test_packaged_contract_list_matches_shared_document() -> None:
    text = CONTRACT_MD.read_text(encoding="utf-8")
    ids = set(re.findall(r"`([a-z_0-9]+\.[a-z_0-9]+)`", text))
    # "caldicott.1 … caldicott.8" is written as a range in the document
    ids |= {f"caldicott.{n}" for n in range(1, 9)}
    packaged = set(read_lines(package_data() / "contract_ids.txt"))
    assert ids - packaged == set()


def test_shipped_knowledge_base_has_no_errors(kb: KnowledgeBase) -> None:
    errors = [p for p in kb.check() if p.level == "error"]
    assert errors == []


@pytest.mark.skipif(not (SHARED / "sources").is_dir(), reason="shared sources not present")
def test_cited_source_files_exist_in_the_real_folder(kb: KnowledgeBase) -> None:
    assert [p for p in kb.check(sources_dir=SHARED / "sources") if p.level == "error"] == []


def test_adults_rules_four_and_five_record_both_numberings(kb: KnowledgeBase) -> None:
    consent = {ref.file[:3]: ref.numbering for ref in kb.get("adult.consent").sources}
    safety = {ref.file[:3]: ref.numbering for ref in kb.get("adult.safety_wellbeing").sources}
    assert consent == {"000": "4", "001": "5"}
    assert safety == {"000": "5", "001": "4"}


def test_guidance_only_from_source_004_is_stale_and_says_when_last_reviewed(kb: KnowledgeBase) -> None:
    for cid in ("scheme.clares_law", "scheme.sarahs_law", "caldicott.guardian", "caldicott.3"):
        entry = kb.get(cid)
        assert entry.reviewed == dt.date(2021, 9, 1)
        assert entry.is_stale(dt.date(2026, 1, 1))
    warnings = {p.id for p in kb.check(today=dt.date(2026, 1, 1)) if p.level == "warning"}
    assert "scheme.clares_law" in warnings
    assert "adult.consent" not in warnings


def test_every_entry_cites_a_section_and_has_a_summary(kb: KnowledgeBase) -> None:
    for entry in kb.entries.values():
        assert entry.sources and all(ref.section for ref in entry.sources), entry.id
        assert len(entry.summary) >= 20, entry.id


@pytest.mark.skipif(not (SHARED / "sources").is_dir(), reason="shared sources not present")
def test_summaries_are_paraphrased_not_pasted(kb: KnowledgeBase) -> None:
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower())

    source = " ".join(
        " ".join(words(p.read_text(encoding="utf-8"))) for p in (SHARED / "sources").glob("*.txt")
    )
    copied = []
    for entry in kb.entries.values():
        w = words(entry.summary)
        for i in range(len(w) - 11):
            if " ".join(w[i : i + 12]) in source:
                copied.append(entry.id)
                break
    assert copied == []


def test_case_studies_carry_their_model_answer(kb: KnowledgeBase) -> None:
    for name in ("jessie", "molly", "godavari", "trevor"):
        entry = kb.get(f"case.{name}")
        assert entry.verdict == "share"
        assert entry.steps and entry.scenario


def test_get_unknown_id_raises_key_error(kb: KnowledgeBase) -> None:
    with pytest.raises(KeyError, match="nope.nothing"):
        kb.get("nope.nothing")


# --- broken files ----------------------------------------------------------------------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _errors(folder: Path) -> list[tuple[str, str, str]]:
    kb = KnowledgeBase.load(folder, strict=False)
    return [(p.file, p.id, p.message) for p in kb.check() if p.level == "error"]


def test_missing_contract_id_is_an_error(entries_copy: Path) -> None:
    _edit(entries_copy / "entries/key.yaml", "id: key.whistleblowing", "id: key.whistleblowing_policy")
    errors = _errors(entries_copy)
    assert ("contract_ids.txt", "key.whistleblowing", "contract id missing") in errors


def test_dangling_related_id_is_an_error(entries_copy: Path) -> None:
    _edit(
        entries_copy / "entries/key.yaml",
        "related: [key.escalation, override.staff_implicated]",
        "related: [key.escalation, key.no_such_thing]",
    )
    errors = _errors(entries_copy)
    assert any(e[1] == "key.whistleblowing" and "key.no_such_thing" in e[2] for e in errors)


def test_extra_field_is_an_error_naming_file_and_id(entries_copy: Path) -> None:
    _edit(
        entries_copy / "entries/children.yaml",
        "  - id: child.seek_advice\n",
        "  - id: child.seek_advice\n    colour: blue\n",
    )
    with pytest.raises(KnowledgeError, match=r"children\.yaml: child\.seek_advice: colour"):
        KnowledgeBase.load(entries_copy)
    assert any(e[:2] == ("children.yaml", "child.seek_advice") for e in _errors(entries_copy))


def test_bad_date_is_an_error(entries_copy: Path) -> None:
    path = entries_copy / "entries/principles.yaml"
    text = path.read_text(encoding="utf-8").replace("review_due: 2027-11-21", "review_due: 2027-13-45", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"principles\.yaml: principle\.empowerment: review_due"):
        KnowledgeBase.load(entries_copy)


def test_review_due_before_reviewed_is_an_error(entries_copy: Path) -> None:
    path = entries_copy / "entries/principles.yaml"
    text = path.read_text(encoding="utf-8").replace("review_due: 2027-11-21", "review_due: 2020-01-01", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeError, match="review_due is before reviewed"):
        KnowledgeBase.load(entries_copy)


def test_unknown_source_file_is_an_error(entries_copy: Path) -> None:
    _edit(
        entries_copy / "entries/key.yaml",
        '000_2fddb9e2b976e17c.txt, section: "Key messages"}',
        '009_0000000000000000.txt, section: "Key messages"}',
    )
    assert any("unknown source file 009_0000000000000000.txt" in e[2] for e in _errors(entries_copy))


def test_duplicate_id_is_an_error(entries_copy: Path) -> None:
    _edit(entries_copy / "entries/principles.yaml", "id: principle.prevention", "id: principle.empowerment")
    with pytest.raises(KnowledgeError, match="duplicate id"):
        KnowledgeBase.load(entries_copy)


def test_invalid_yaml_is_an_error_naming_the_file(entries_copy: Path) -> None:
    (entries_copy / "entries/zz_broken.yaml").write_text("entries: [ {id: oops", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="zz_broken.yaml"):
        KnowledgeBase.load(entries_copy)


# --- local contacts ---------------------------------------------------------------------------------------


def test_local_defaults_are_national_numbers() -> None:
    local = load_local()
    assert local.emergency.phone == "999"
    assert local.police_non_emergency.phone == "101"


def test_local_file_overrides_defaults(tmp_path: Path) -> None:
    path = tmp_path / "local.yaml"
    path.write_text(
        "area: Testshire\n"
        "children_front_door: {name: Testshire children's front door, phone: '0100 000 0001'}\n"
        "safeguarding_leads: [{name: Alice Lead, phone: '0100 000 0002'}]\n",
        encoding="utf-8",
    )
    local = load_local(path)
    assert local.area == "Testshire"
    assert local.children_front_door is not None and local.children_front_door.phone == "0100 000 0001"
    assert local.police_non_emergency.phone == "101"


def test_local_file_with_unknown_field_fails_loudly(tmp_path: Path) -> None:
    path = tmp_path / "local.yaml"
    path.write_text("pager: 123\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="pager"):
        load_local(path)
