import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redbrolly.lib.normalise import (
    Identifier,
    IdentifierKind,
    NotAnIdentifier,
    detect_kind,
    normalise_any,
)

PHONE, EMAIL, HANDLE, PLATE = (
    IdentifierKind.PHONE,
    IdentifierKind.EMAIL,
    IdentifierKind.HANDLE,
    IdentifierKind.PLATE,
)
# Characters that steer the detector down each branch, so fuzzing reaches all of them.
TRICKY = "0123456789+ ().-_/:?*@#%&=abcxyzABCXYZ\u200b\t\uff10é"


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("07700 900123", PHONE),
        ("+44 (0) 7700 900123", PHONE),
        ("1234567", PHONE),
        ("dave@example.com", EMAIL),
        ("  Dave@Example.com ", EMAIL),
        ("@davex", HANDLE),
        ("@dave.smith@example.com", HANDLE),
        ("https://medium.com/@dave.smith", HANDLE),
        ("www.adsite.example/dave", HANDLE),
        ("adsite.example/profile/dave", HANDLE),
        ("dave_smith", HANDLE),
        ("dave.smith", HANDLE),
        ("AB12 CDE", PLATE),
        ("ab12cde", PLATE),
        ("AB12 C??", PLATE),
        ("123456", HANDLE),
        ("davesmith", HANDLE),
        ("hello world", None),
        ("a", None),
        ("", None),
        ("!!!", None),
    ],
)
def test_it_tells_what_a_single_input_is(typed: str, kind: IdentifierKind | None) -> None:
    assert detect_kind(typed) == kind


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("07700 900123", "+447700900123"),
        ("J.Smith+x@GMAIL.com", "jsmith@gmail.com"),
        ("@DaveX", "davex"),
        ("ab12 cde", "AB12CDE"),
    ],
)
def test_normalise_any_gives_the_canonical_value_of_what_it_detects(typed: str, value: str) -> None:
    assert normalise_any(typed).value == value


def test_normalise_any_uses_the_region_for_national_numbers() -> None:
    assert normalise_any("(415) 555-2671", region="US").value == "+14155552671"


def test_normalise_any_accepts_a_partial_plate_only_when_asked() -> None:
    assert normalise_any("AB12 C??", allow_partial_plate=True).partial is True
    with pytest.raises(NotAnIdentifier):
        normalise_any("AB12 C??")


@pytest.mark.parametrize("typed", ["", "hello world", "!!!", "12345678"])
def test_normalise_any_refuses_what_it_cannot_check(typed: str) -> None:
    with pytest.raises(NotAnIdentifier):
        normalise_any(typed)


@pytest.mark.parametrize("typed", ["Jane Doe lives here", "0770090", "secret@", "SECRET!!"])
def test_its_error_messages_never_repeat_the_input(typed: str) -> None:
    with pytest.raises(NotAnIdentifier) as error:
        normalise_any(typed)
    assert typed.lower() not in str(error.value).lower()


def _normalises_or_refuses(typed: str) -> None:
    try:
        identifier = normalise_any(typed, allow_partial_plate=True)
    except NotAnIdentifier:
        return
    assert isinstance(identifier, Identifier)
    assert identifier.kind == detect_kind(typed)
    assert identifier.value


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_normalise_any_only_ever_raises_not_an_identifier_on_any_text(typed: str) -> None:
    _normalises_or_refuses(typed)


@settings(max_examples=100, deadline=None)
@given(st.text(TRICKY, max_size=40))
def test_normalise_any_only_ever_raises_not_an_identifier_on_identifier_like_text(
    typed: str,
) -> None:
    _normalises_or_refuses(typed)
