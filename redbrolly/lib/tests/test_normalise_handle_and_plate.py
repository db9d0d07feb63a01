import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redbrolly.lib.normalise import (
    IdentifierKind,
    NotAnIdentifier,
    normalise_handle,
    normalise_plate,
    plate_space_at,
)
from redbrolly.lib.tests.strategies import current_uk_plates, with_case_flipped


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("@DaveX", "davex"),
        ("  dave_x  ", "dave_x"),
        ("@@dave.x", "dave.x"),
        ("Dave-X", "dave-x"),
    ],
)
def test_it_strips_the_at_sign_and_case_from_handles(typed: str, value: str) -> None:
    handle = normalise_handle(typed)
    assert handle.kind is IdentifierKind.HANDLE
    assert handle.value == value


@pytest.mark.parametrize(
    "typed",
    [
        "https://www.adsite.example/profile/dave-123",
        "http://adsite.example/profile/dave-123/",
        "HTTPS://WWW.ADSITE.EXAMPLE/profile/dave-123#photos",
        "www.adsite.example/profile/dave-123?utm_source=x&utm_medium=y",
        "adsite.example/profile/dave-123?fbclid=abc&ref=home",
    ],
)
def test_links_to_the_same_page_reduce_to_host_and_path(typed: str) -> None:
    assert normalise_handle(typed).value == "adsite.example/profile/dave-123"


def test_a_link_keeps_the_query_parameters_that_identify_the_page() -> None:
    typed = "https://adsite.example/ad.php?utm_campaign=x&id=42&cat=7"
    assert normalise_handle(typed).value == "adsite.example/ad.php?cat=7&id=42"


def test_a_link_to_a_site_root_is_just_the_host() -> None:
    assert normalise_handle("https://www.adsite.example/").value == "adsite.example"


@pytest.mark.parametrize("typed", ["", "@", "a", "@ a", "https://", "http://[broken/"])
def test_it_rejects_handles_that_are_empty_too_short_or_unreadable(typed: str) -> None:
    with pytest.raises(NotAnIdentifier):
        normalise_handle(typed)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("ab12 cde", "AB12CDE"),
        ("AB-12-CDE", "AB12CDE"),
        ("a.b.1.2.c.d.e", "AB12CDE"),
        ("A123 BCD", "A123BCD"),
        ("ABC 123D", "ABC123D"),
        ("1 ABC", "1ABC"),
        ("ABZ 1234", "ABZ1234"),
    ],
)
def test_uk_plates_lose_spaces_and_case_and_are_valid(typed: str, value: str) -> None:
    plate = normalise_plate(typed)
    assert (plate.kind, plate.value, plate.partial, plate.valid) == (
        IdentifierKind.PLATE,
        value,
        False,
        True,
    )


def test_a_plate_in_no_uk_format_is_kept_but_not_valid() -> None:
    plate = normalise_plate("HELLO1X")
    assert (plate.value, plate.valid) == ("HELLO1X", False)


@pytest.mark.parametrize("typed", ["AB12 C??", "ab12c**", "AB12 C__", "ab12c?*"])
def test_wildcards_make_a_partial_plate_when_partials_are_allowed(typed: str) -> None:
    plate = normalise_plate(typed, allow_partial=True)
    assert (plate.value, plate.partial, plate.valid) == ("AB12C??", True, False)


def test_a_plate_with_wildcards_is_refused_when_partials_are_not_allowed() -> None:
    with pytest.raises(NotAnIdentifier):
        normalise_plate("AB12 C??")


def test_a_short_plate_is_partial_only_when_partials_are_allowed() -> None:
    assert normalise_plate("AB12", allow_partial=True).partial is True
    assert normalise_plate("AB12").partial is False


@pytest.mark.parametrize("typed", ["", "A", "AB12CDEFG", "AB!2CDE", "ÄB12CDE", "??", "A???"])
def test_it_rejects_what_cannot_be_a_plate(typed: str) -> None:
    with pytest.raises(NotAnIdentifier):
        normalise_plate(typed, allow_partial=True)


def test_it_knows_where_a_uk_plate_shows_its_space() -> None:
    assert [plate_space_at(p) for p in ("AB12CDE", "A123BCD", "ABC123D", "HELLO1X")] == [
        4,
        4,
        3,
        None,
    ]


@settings(max_examples=75, deadline=None)
@given(current_uk_plates(), st.integers(0, 4**7), st.integers(0, 2**7))
def test_any_case_and_separators_give_the_same_plate(plate: str, layout: int, flips: int) -> None:
    separators = ["", " ", "-", "."]
    typed = "".join(c + separators[layout >> 2 * i & 3] for i, c in enumerate(plate.lower()))
    assert normalise_plate(with_case_flipped(typed, flips)).value == plate


@settings(max_examples=75, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_a_normalised_handle_normalises_to_itself(typed: str) -> None:
    try:
        once = normalise_handle(typed).value
    except NotAnIdentifier:
        return
    assert normalise_handle(once).value == once
