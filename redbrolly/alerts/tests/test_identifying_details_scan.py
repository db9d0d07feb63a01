"""The scan flags what could identify a reporter, and never crashes on anything typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redbrolly.alerts.scan import scan


def flagged(text: str, **options: object) -> dict[str, str]:
    return {text[f.start : f.end]: f.kind for f in scan(text, **options)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("He called himself Dave Smith.", "Dave Smith", "name"),
        ("His name is Tom.", "Tom", "name"),
        ("She saw Mrs Patel at the door.", "Mrs Patel", "name"),
        ("We met at 12 Acacia Avenue last week.", "12 Acacia Avenue", "address"),
        ("Somewhere on High Street in town.", "High Street", "street"),
        ("Near M1 2AB by the station.", "M1 2AB", "postcode"),
        ("He arrived at 11:45pm and left.", "at 11:45pm", "time"),
        ("It was around 9pm.", "around 9pm", "time"),
        ("A room at the Grand Hotel.", "the Grand Hotel", "venue"),
        ("She works in flat 4 upstairs.", "flat 4", "venue"),
        ("Call 07700 900123 now.", "07700 900123", "phone"),
        ("Mail dave@example.com today.", "dave@example.com", "email"),
    ],
)
def test_it_flags_each_kind_of_identifying_detail(text: str, expected: str, kind: str) -> None:
    assert flagged(text).get(expected) == kind


def test_it_flags_the_reporters_own_details_wherever_they_appear() -> None:
    found = flagged(
        "Roxy told us; text roxy on +44 7700 900456.",
        reporter_details=["Roxy", "+447700900456"],
    )
    assert found["Roxy"] == "reporter"
    assert found["+44 7700 900456"] == "reporter"


def test_masked_identifiers_and_plain_words_are_not_flagged() -> None:
    text = (
        "Uses 07*******23 and d***@e***.com, drives a silver car, paid £50.00. The hotel was busy."
    )
    assert flagged(text) == {}


def test_excerpts_are_masked_so_a_flag_never_carries_the_detail() -> None:
    (flag,) = scan("His name is Tom.")
    assert flag.text_excerpt_masked == "T**"
    assert flag.reason == "A person's name"


@given(st.text(max_size=400))
def test_any_text_scans_without_error_and_flags_stay_inside_it(text: str) -> None:
    for flag in scan(text, reporter_details=["Roxy", "07700900456"]):
        assert 0 <= flag.start < flag.end <= len(text)
