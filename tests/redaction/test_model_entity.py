import pytest

from redaction.recognizers.model_entity import ModelEntityRecognizer

pytestmark = pytest.mark.model


def test_uses_the_model_entities(find_with_model) -> None:
    found = find_with_model(ModelEntityRecognizer(), "Yesterday Barack Obama visited Microsoft in Seattle.")
    assert "Barack Obama" in found
    assert "Seattle" not in found


def test_trims_roles_and_agencies(find_with_model) -> None:
    found = find_with_model(ModelEntityRecognizer(), "Should I tell the manager or CQC? Ask the GP.")
    assert all(f not in ("CQC", "GP") for f in found)


def test_finds_nothing_without_a_model(find) -> None:
    assert find(ModelEntityRecognizer(), "Barack Obama visited Microsoft.") == []
