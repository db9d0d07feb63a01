from hypothesis import given, settings
from hypothesis import strategies as st

from redbrolly.lib.normalise import Identifier, IdentifierKind, find_identifiers_in_text
from redbrolly.lib.tests.strategies import uk_mobile_writings

WORDS = st.sampled_from(["", "he rang from", "number:", "call", "ask for Dave on", "(deleted)"])


def _values(text: str) -> list[str]:
    return [identifier.value for identifier in find_identifiers_in_text(text)]


def test_it_finds_numbers_and_emails_written_in_a_story() -> None:
    story = "He texted from 07700 900123 and said to email him at Dave.X@Example.com later."
    assert find_identifiers_in_text(story) == [
        Identifier(IdentifierKind.PHONE, "+447700900123", valid=False),
        Identifier(IdentifierKind.EMAIL, "dave.x@example.com"),
    ]


def test_it_finds_numbers_split_by_separators_phonenumbers_does_not_join() -> None:
    assert _values("his number was 07700_900_123, or so he said") == ["+447700900123"]
    assert _values("call 07700 / 900 / 124 after six") == ["+447700900124"]


def test_it_lists_each_identifier_once_in_order_of_appearance() -> None:
    story = "07700 900124 first, then 07700900123, then +44 7700 900124 again, j.smith@gmail.com"
    assert _values(story) == ["+447700900124", "+447700900123", "jsmith@gmail.com"]


def test_it_does_not_offer_the_digits_inside_an_email_as_a_phone() -> None:
    assert _values("write to dave07700900123@example.com") == ["dave07700900123@example.com"]


def test_it_ignores_dates_times_prices_and_short_references() -> None:
    story = "On 2024-01-02 at 12:30 he paid £150, booking ref 12345678, room 204."
    assert _values(story) == []


def test_it_uses_the_region_for_national_numbers() -> None:
    found = find_identifiers_in_text("he called from (415) 555-2671", region="US")
    assert [identifier.value for identifier in found] == ["+14155552671"]


def test_it_finds_nothing_in_a_story_without_identifiers() -> None:
    assert find_identifiers_in_text("He was rude and left without paying.") == []


@settings(max_examples=50, deadline=None)
@given(WORDS, uk_mobile_writings(), WORDS)
def test_a_mobile_written_any_way_inside_words_is_found(
    before: str, writing: tuple[str, str], after: str
) -> None:
    typed, e164 = writing
    story = f"{before} {typed} {after}"
    assert _values(story) == [e164]
