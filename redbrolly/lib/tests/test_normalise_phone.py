import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from redbrolly.lib.normalise import IdentifierKind, NotAnIdentifier, normalise_phone
from redbrolly.lib.tests.strategies import uk_mobile_writings


@pytest.mark.parametrize(
    "typed",
    [
        "07700 900123",
        "+44 7700 900123",
        "447700900123",
        "0044 7700 900123",
        "07700.900.123",
        "07700-900-123",
        "(07700) 900123",
        "+44 (0) 7700 900123",
        "  07700900123  ",
        "\u200b07700 900123",
        "\uff10\uff17\uff17\uff10\uff10\uff19\uff10\uff10\uff11\uff12\uff13",  # full-width
    ],
)
def test_it_reads_every_common_way_of_typing_a_uk_mobile(typed: str) -> None:
    assert normalise_phone(typed).value == "+447700900123"


def test_it_returns_a_phone_identifier() -> None:
    identifier = normalise_phone("07911 123456")
    assert identifier.kind is IdentifierKind.PHONE
    assert not identifier.partial


def test_it_keeps_ofcom_drama_numbers_but_marks_them_not_valid() -> None:
    assert normalise_phone("07700 900123").valid is False


def test_it_marks_a_number_in_a_real_mobile_range_valid() -> None:
    assert normalise_phone("07911 123456").valid is True


def test_it_keeps_foreign_numbers_in_e164() -> None:
    assert normalise_phone("+1 415 555 2671").value == "+14155552671"


def test_it_reads_a_number_typed_without_its_plus_from_another_region() -> None:
    assert normalise_phone("447700900123", region="US").value == "+447700900123"


def test_it_uses_the_region_for_national_numbers() -> None:
    assert normalise_phone("(415) 555-2671", region="US").value == "+14155552671"


@pytest.mark.parametrize(
    "typed", ["", "   ", "abc", "+", "0770090", "12345678", "07700 900123 999 999", "x" * 5000]
)
def test_it_rejects_what_is_not_a_complete_phone_number(typed: str) -> None:
    with pytest.raises(NotAnIdentifier):
        normalise_phone(typed)


def test_its_error_message_never_repeats_the_input() -> None:
    with pytest.raises(NotAnIdentifier) as error:
        normalise_phone("0770090")
    assert "0770090" not in str(error.value)


@settings(max_examples=150, deadline=None)
@given(uk_mobile_writings())
def test_every_way_of_writing_a_uk_mobile_gives_the_same_e164(writing: tuple[str, str]) -> None:
    typed, e164 = writing
    assert normalise_phone(typed).value == e164


@settings(max_examples=75, deadline=None)
@given(uk_mobile_writings(), uk_mobile_writings())
def test_two_different_numbers_never_normalise_to_the_same_value(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    assume(first[1] != second[1])
    assert normalise_phone(first[0]).value != normalise_phone(second[0]).value


@settings(max_examples=50, deadline=None)
@given(st.text("0123456789", min_size=10, max_size=10))
def test_a_normalised_number_normalises_to_itself(national: str) -> None:
    try:
        once = normalise_phone(f"0{national}").value
    except NotAnIdentifier:
        return
    assert normalise_phone(once).value == once
