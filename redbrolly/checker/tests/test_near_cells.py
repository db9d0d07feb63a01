"""The adjacency labels behind sequential-sweep detection (no number is stored to compare)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from redbrolly.checker.rules import near_cells

NUMBERS = st.integers(10**9, 8 * 10**9)


def shares_a_cell(a: int, b: int) -> bool:
    first, second = near_cells(f"+44{a}"), near_cells(f"+44{b}")
    return first[0] == second[0] or first[1] == second[1]


@settings(max_examples=300)
@given(number=NUMBERS, gap=st.integers(0, 10))
def test_numbers_at_most_ten_apart_always_share_a_cell(number: int, gap: int) -> None:
    assert shares_a_cell(number, number + gap)


@settings(max_examples=300)
@given(number=NUMBERS, gap=st.integers(31, 10**6))
def test_numbers_far_apart_never_share_a_cell(number: int, gap: int) -> None:
    assert not shares_a_cell(number, number + gap)


def test_the_labels_are_short_keyed_hashes_not_digits_of_the_number() -> None:
    labels = near_cells("+447911400100")
    assert all(len(label) == 16 and int(label, 16) >= 0 for label in labels)
    assert near_cells("+447911400100") != near_cells("+447911400100".replace("79", "97"))
