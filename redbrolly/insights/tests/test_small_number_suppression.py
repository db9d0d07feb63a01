"""Counts under five are never shown, nor percentages that would give them back."""

from redbrolly.insights.suppression import percentage, suppress


def test_counts_under_five_read_as_fewer_than_five():
    assert [suppress(n) for n in (0, 1, 4, 5, 1234)] == ["<5", "<5", "<5", "5", "1,234"]
    assert suppress(9, threshold=10) == "<10"


def test_a_percentage_of_a_suppressed_count_is_withheld():
    assert percentage(3, 100) == "\u2013"
    assert percentage(20, 3) == "\u2013"
    assert percentage(25, 200) == "12.5%"
    assert percentage(None, 10) == "\u2013"
