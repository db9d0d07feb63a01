"""How the details each rule set finds become the flags a moderator resolves."""

from __future__ import annotations

from redbrolly.alerts.detect import Facts, scan


def test_two_details_with_a_joining_word_between_leave_nothing_of_the_place_behind() -> None:
    text = "I work at Bliss Sauna on Carlton Street in Leeds"
    flags = scan(text, Facts())
    assert [f.kind for f in flags] == ["venue", "address"]
    left = "".join(
        char for i, char in enumerate(text) if not any(f.start <= i < f.end for f in flags)
    )
    assert left.split() == ["I", "work", "at"]


def test_details_further_apart_keep_the_words_between() -> None:
    text = "I work at Bliss Sauna and he came to Carlton Street"
    flags = scan(text, Facts())
    between = text[flags[0].end : flags[1].start]
    assert "and he came" in between
