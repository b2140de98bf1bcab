"""Alert identifiers in the shape of GB/T 35965.1: 12-digit area code, 3-character unit,
14-digit Beijing time, 2-digit sequence; 31 characters in all."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from govops.warnings.model.identifiers import (
    BEIJING,
    IDENTIFIER_LENGTH,
    AlertIdentifier,
    IdentifierError,
    alert_identifier,
    division_code_12,
)

AT = datetime(2024, 7, 21, 14, 30, 5, 987654, tzinfo=BEIJING)


def test_a_street_identifier_has_the_four_parts_in_31_characters() -> None:
    identifier = alert_identifier("110102003", "001", AT, 1)
    assert identifier == "110102003000" + "001" + "20240721143005" + "01"
    assert len(identifier) == IDENTIFIER_LENGTH == 31


@pytest.mark.parametrize(
    ("code", "padded"),
    [("110102", "110102000000"), ("110102003", "110102003000"), ("110102003001", "110102003001")],
)
def test_county_and_street_codes_are_padded_to_12_digits(code: str, padded: str) -> None:
    assert division_code_12(code) == padded


@pytest.mark.parametrize("code", ["11010", "1101020", "11010200a", "１１０１０２", ""])
def test_codes_that_are_not_division_codes_are_refused(code: str) -> None:
    with pytest.raises(IdentifierError, match="administrative division code"):
        alert_identifier(code, "001", AT)


def test_the_time_is_beijing_time_to_the_second() -> None:
    utc = datetime(2024, 7, 21, 6, 30, 5, tzinfo=UTC)  # 14:30:05 in Beijing
    assert alert_identifier("110102", "001", utc)[15:29] == "20240721143005"


def test_a_time_without_a_zone_is_refused() -> None:
    with pytest.raises(IdentifierError, match="no time zone"):
        alert_identifier("110102", "001", datetime(2024, 7, 21, 14, 30))


@pytest.mark.parametrize("unit", ["01", "0001", "ab1", "0 1"])
def test_a_unit_code_must_be_three_digits_or_capitals(unit: str) -> None:
    with pytest.raises(IdentifierError, match="unit code"):
        alert_identifier("110102", unit, AT)


@pytest.mark.parametrize("sequence", [0, 100])
def test_a_sequence_outside_01_to_99_is_refused_never_wrapped(sequence: int) -> None:
    with pytest.raises(IdentifierError, match=r"outside 1\.\.99"):
        alert_identifier("110102", "001", AT, sequence)


def test_the_99th_alert_of_a_second_still_has_two_digits() -> None:
    assert alert_identifier("110102", "A01", AT, 99).endswith("2024072114300599")


def test_an_identifier_parses_back_to_its_parts() -> None:
    parsed = AlertIdentifier.parse("1101020030000012024072114300507")
    assert (parsed.area_code, parsed.unit, parsed.sequence) == ("110102003000", "001", 7)
    assert parsed.issued == datetime(2024, 7, 21, 14, 30, 5, tzinfo=BEIJING)
    assert str(parsed) == "1101020030000012024072114300507"


@pytest.mark.parametrize(
    "text",
    [
        "110102003000001202407211430050",  # 30 characters
        "1101020030000012024132114300501",  # month 13
        "11010200300000120240721143005xx",
        "1101020030000012024072114300500",  # sequence 00
    ],
)
def test_malformed_identifiers_are_refused(text: str) -> None:
    with pytest.raises(IdentifierError):
        AlertIdentifier.parse(text)
