import pytest

from redaction.recognizers.ip_address import IpAddressRecognizer

MATCH = [("from 192.168.0.12 at", "192.168.0.12"), ("ip 2001:db8::ff00:42:8329", "2001:db8::ff00:42:8329")]
NO_MATCH = ["version 1.2.3", "999.1.1.1", "at 10:30"]


@pytest.mark.parametrize(("text", "expected"), MATCH)
def test_finds_ip_addresses(find, text: str, expected: str) -> None:
    assert find(IpAddressRecognizer(), text) == [expected]


@pytest.mark.parametrize("text", NO_MATCH)
def test_ignores_non_addresses(find, text: str) -> None:
    assert find(IpAddressRecognizer(), text) == []
