import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redbrolly.lib.masking import (
    Keep,
    MaskingRules,
    mask,
    mask_email,
    mask_handle,
    mask_phone,
    mask_plate,
)
from redbrolly.lib.normalise import Identifier, IdentifierKind
from redbrolly.lib.tests.strategies import current_uk_plates, uk_mobiles

HANDLES = st.text("abcdefghijklmnopqrstuvwxyz0123456789_.-/", min_size=1, max_size=40)
KEEPS = st.builds(Keep, st.integers(0, 50), st.integers(0, 50))


def _visible(masked: str) -> int:
    return sum(char not in "* " for char in masked)


@pytest.mark.parametrize(
    ("masked", "expected"),
    [
        (mask_phone("+447700900123"), "07*******23"),
        (mask_phone("+14155552671"), "+1********71"),
        (mask_email("dave@example.com"), "d***@e***.com"),
        (mask_email("dave@mail.example.co.uk"), "d***@m***.co.uk"),
        (mask_plate("AB12CDE"), "AB** C*E"),
        (mask_plate("A123BCD"), "A1** **D"),
        (mask_handle("some_handle"), "so*******le"),
    ],
)
def test_it_masks_each_kind_as_alerts_show_it(masked: str, expected: str) -> None:
    assert masked == expected


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        (IdentifierKind.PHONE, "+447700900123", "07*******23"),
        (IdentifierKind.EMAIL, "dave@example.com", "d***@e***.com"),
        (IdentifierKind.PLATE, "AB12CDE", "AB** C*E"),
        (IdentifierKind.HANDLE, "some_handle", "so*******le"),
    ],
)
def test_mask_dispatches_on_the_kind(kind: IdentifierKind, value: str, expected: str) -> None:
    assert mask(Identifier(kind, value)) == expected


@pytest.mark.parametrize(
    ("masked", "expected"),
    [
        (mask_handle("abc"), "***"),
        (mask_handle("ab"), "**"),
        (mask_handle("abcd"), "a**d"),
        (mask_plate("A1"), "* *"),
        (mask_email("bo@x.com"), "***@***.com"),
    ],
)
def test_short_values_show_at_most_half_and_nothing_up_to_three(masked: str, expected: str) -> None:
    assert masked == expected


def test_a_partial_plate_is_masked_without_a_space() -> None:
    assert mask_plate("AB12C??") == "AB****?"


def test_rules_change_how_much_each_kind_shows() -> None:
    rules = MaskingRules(phone=Keep(3, 1), plate=Keep(0, 0), plate_last_group=Keep(0, 0))
    assert mask_phone("+447700900123", rules) == "077*******3"
    assert mask_plate("AB12CDE", rules) == "**** ***"
    assert mask_handle("some_handle", rules) == "so*******le"


def test_the_home_region_decides_which_numbers_show_national_digits() -> None:
    assert mask_phone("+14155552671", MaskingRules(home_region="US")) == "41******71"
    assert mask_phone("+447700900123", MaskingRules(home_region="US")) == "+44********23"


def test_keep_refuses_negative_counts() -> None:
    with pytest.raises(ValueError):
        Keep(-1, 0)


@settings(max_examples=100, deadline=None)
@given(HANDLES, KEEPS)
def test_a_handle_is_never_shown_whole_whatever_the_rules(handle: str, keep: Keep) -> None:
    masked = mask_handle(handle, MaskingRules(handle=keep))
    assert len(masked) == len(handle)
    assert "*" in masked
    assert all(m in ("*", h) for m, h in zip(masked, handle, strict=True))
    assert _visible(masked) <= (0 if len(handle) <= 3 else (len(handle) + 1) // 2)


@settings(max_examples=50, deadline=None)
@given(uk_mobiles())
def test_a_uk_mobile_shows_its_first_two_and_last_two_national_digits(e164: str) -> None:
    national = "0" + e164.removeprefix("+44")
    assert mask_phone(e164) == national[:2] + "*" * 7 + national[-2:]


@settings(max_examples=75, deadline=None)
@given(current_uk_plates(), KEEPS, KEEPS)
def test_a_plate_keeps_its_shape_and_is_never_shown_whole(plate: str, a: Keep, b: Keep) -> None:
    masked = mask_plate(plate, MaskingRules(plate=a, plate_last_group=b))
    assert masked[4] == " " and masked.replace(" ", "") != plate
    assert all(m in ("*", p) for m, p in zip(masked.replace(" ", ""), plate, strict=True))
    assert _visible(masked) <= 4


@settings(max_examples=75, deadline=None)
@given(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789.+_", min_size=1, max_size=30),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=20),
    st.sampled_from(["com", "org", "uk", "co.uk"]),
)
def test_an_email_hides_its_lengths_and_keeps_only_its_public_suffix(
    local: str, label: str, suffix: str
) -> None:
    masked = mask_email(f"{local}@{label}.{suffix}")
    assert re.fullmatch(rf"[^@*]?\*\*\*@[^@*]?\*\*\*\.{re.escape(suffix)}", masked)
