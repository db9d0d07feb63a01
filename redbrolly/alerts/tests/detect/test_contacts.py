"""Her own contacts: compared with every contact she gave before anything is masked."""

from __future__ import annotations

import pytest

from redbrolly.alerts.detect import REMOVED, Facts, sanitise
from redbrolly.alerts.tests.detect.helpers import flagged, found, his, kinds


@pytest.mark.parametrize(
    "written",
    [
        "07700 900932",
        "07700900932",
        "+44 7700 900932",
        "O77OO 9OO 932",
        "oh seven seven double oh nine oh oh nine three two",
        "zero seven seven zero zero nine zero zero nine three two",
    ],
)
def test_her_number_is_taken_out_however_she_writes_it(written: str) -> None:
    facts = Facts(reporter_contacts=("+447700900932",))
    text = f"if you need me ring {written} any time"
    clean = sanitise(text, facts)
    assert REMOVED in clean and "932" not in clean and "three two" not in clean


def test_her_email_written_in_words_is_taken_out() -> None:
    facts = Facts(reporter_contacts=("jadeleeds@example.net",))
    clean = sanitise("email me at jadeleeds at example dot net", facts)
    assert "jadeleeds" not in clean


def test_a_contact_she_gave_for_support_counts_as_hers() -> None:
    facts = Facts(reporter_contacts=("text me on 07700 900411 after 6",))
    assert "900411" not in sanitise("my number is 07700900411", facts)


@pytest.mark.parametrize(
    "text",
    [
        "you can ring me on 07*******32 if you need more",
        "mă puteți suna la 07*******19",
        "pode me ligar no 07*******55",
        "我的电话是07*******66",
    ],
)
def test_a_first_person_contact_phrase_is_flagged(text: str) -> None:
    assert "contact" in kinds(text), found(text)


def test_a_masked_value_that_is_not_his_is_flagged_as_maybe_hers() -> None:
    facts = his("07700 900123")
    text = "he rang from 07700 900123, my snap is (sexy_sophie_x)"
    flags = found(text, facts)
    assert "contact" in flags.values()
    assert not [detail for detail in flags if detail.startswith("07")]  # his, masked, not flagged


def test_his_number_is_masked_not_flagged() -> None:
    facts = his("07700 900123")
    clean = sanitise("he rang from O77OO 9OO 123 twice", facts)
    assert "9OO 123" not in clean and "07*******23" in clean
    assert kinds("he rang from O77OO 9OO 123 twice", facts) == set()


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("my advert's on there as RubyRoseLdn if you want to check", "RubyRoseLdn"),
        ("if he messages you, snap me honey_bee22", "honey_bee22"),
        ("find me on OnlyFans as peachyjen", "peachyjen"),
        ("look me up on AW, ID: misty.b", "misty.b"),
        ("im tasha_xo on insta, message me", "tasha_xo"),
    ],
)
def test_her_handle_after_a_contact_phrase_is_flagged_even_without_an_at(
    text: str, handle: str
) -> None:
    if handle in sanitise(text, Facts()):
        assert flagged(handle, text, "contact"), found(text)
    else:  # masked as a handle, and flagged as one that is not his
        assert "contact" in kinds(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "im going home now, im so tired",
        "find me on OnlyFans as the best",
        "my ad is on AdultWork and he found it",
    ],
)
def test_words_after_a_contact_phrase_are_not_taken_for_a_handle(text: str) -> None:
    assert "contact" not in kinds(text), found(text)


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        (
            "he replied to my ad (titled Sweet Sophie - Leeds Curvy Treat) and booked",
            "Sweet Sophie - Leeds Curvy Treat",
        ),
        ("my listing is called 'Misty Blue Incalls' on there", "'Misty Blue Incalls'"),
        ("text me, same phone as last time ending 771", "ending 771"),
    ],
)
def test_her_ad_title_the_end_of_her_number_and_her_profile_link_are_hers(
    text: str, contact: str
) -> None:
    assert flagged(contact, text, "contact"), found(text)


def test_his_number_ending_is_not_hers() -> None:
    assert "contact" not in kinds("he rang from a number ending 412")


def test_her_link_masked_as_a_handle_is_still_flagged_as_maybe_hers() -> None:
    text = "my page is fansly.com/missy_b if you need proof"
    assert "missy_b" not in sanitise(text, Facts()) and "contact" in kinds(text), found(text)


def test_a_handle_made_of_her_working_name_is_hers() -> None:
    facts = Facts(reporter_names=("Marigold",))
    text = "he found me, im marigoldxx on the site"
    assert flagged("marigoldxx", text, "contact", facts), found(text, facts)
