"""Named venues: the man knows which door a named sauna or hotel branch is."""

from __future__ import annotations

import pytest

from redbrolly.alerts.detect import Facts
from redbrolly.alerts.tests.detect.helpers import flagged, found, kinds


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("I work at Velvet Touch Sauna on weekends", "Velvet Touch Sauna"),
        ("i work at velvet touch sauna on weekends", "velvet touch sauna"),
        ("he came to the Premier Inn Leeds City Centre", "Premier Inn Leeds City Centre"),
        ("booked me at the Holiday Inn Express by the airport", "Holiday Inn Express"),
        ("I rent the flat above Tony's Kebabs", "the flat above Tony's Kebabs"),
        ("Pracuję w Salon Róża od roku", "Salon Róża"),
        ("the massage studio called Orchid Rooms", "Orchid Rooms"),
        ("Lucrez la Sauna Paradis de doi ani", "Sauna Paradis"),
        ("trabalho na Casa Rosa Massagens", "Casa Rosa Massagens"),
    ],
)
def test_named_venues_are_flagged(text: str, venue: str) -> None:
    assert flagged(venue, text, "venue"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "he booked a hotel in town",
        "it was at a sauna in the city",
        "he took me back to his flat",
    ],
)
def test_a_venue_without_a_name_is_left(text: str) -> None:
    assert "venue" not in kinds(text), found(text)


PLACES = Facts(places=("Leeds", "Bristol", "Cardiff", "Manchester", "Glasgow", "Milton Keynes"))


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # A branch after the name: towns, parts of towns, capitalised words before them.
        (
            "outcall to Thornfield Lodge Leeds City Centre last night",
            "Thornfield Lodge Leeds City Centre",
        ),
        (
            "he booked Harbourlight Hotel Bristol Waterfront for us",
            "Harbourlight Hotel Bristol Waterfront",
        ),
        ("met him at the Oakridge Inn Milton Keynes South", "the Oakridge Inn Milton Keynes South"),
        # English pubs and bars named with "Rest", "Arms", "Head" and the street they are on.
        (
            "I pick punters up in the Mariner's Rest on Tidewell Street",
            "the Mariner's Rest",
        ),
        ("he drinks at the Ploughman's Arms most nights", "the Ploughman's Arms"),
        ("we met in the Saracens Head", "the Saracens Head"),
        # Romanian: the venue word with its article, the name and the branch after it.
        ("lucrez la salonul de masaj Perla Neagră din Leeds", "salonul de masaj Perla Neagră"),
        ("m-a chemat la hotelul Ambasador Cardiff Nord", "hotelul Ambasador Cardiff Nord"),
        # Portuguese and Spanish: the article before the venue word.
        ("trabalho na sauna Boa Vista em Manchester", "na sauna Boa Vista"),
        ("fui ao hotel Solar Glasgow Centro", "hotel Solar Glasgow Centro"),
        ("trabaja en la sauna Brisamar desde enero", "la sauna Brisamar"),
        ("me citó en el hotel Miramar Cardiff Centro", "el hotel Miramar Cardiff Centro"),
        # Polish: the venue word inflected.
        ("spotkałam go w hotelu Bursztyn Manchester Airport", "hotelu Bursztyn Manchester Airport"),
        ("pracuję w saunie Różany Ogród", "saunie Różany Ogród"),
        # Bulgarian: the definite article on the adjective and the venue word.
        ("работя в масажното студио Лотос Център", "масажното студио Лотос Център"),
        ("извика ме в хотела Северна Звезда", "хотела Северна Звезда"),
        # Hungarian: the name before the venue word with its case ending.
        ("a Rózsakert masszázsszalonban dolgozom", "a Rózsakert masszázsszalonban"),
        ("kihívott a Dunapart Hotel Glasgow szállodába", "Dunapart Hotel Glasgow"),
        # Chinese and Thai: a Latin name before or after, with or without a space.
        ("我在Lotus保健按摩店上班", "Lotus保健按摩店"),
        ("我在 Golden Lotus 按摩店上班", "Golden Lotus 按摩店"),
        ("他在按摩店 Jade Garden 找我", "按摩店 Jade Garden"),
        ("ทำงานที่ร้านนวด Sabai Touch ในลีดส์", "ร้านนวด Sabai Touch"),
        ("เขามาที่ Baan Thai สปา ตอนดึก", "Baan Thai สปา"),
    ],
)
def test_venues_with_their_branch_and_in_their_forms_are_flagged(text: str, venue: str) -> None:
    assert flagged(venue, text, "venue", PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    "text",
    [
        "stayed at a Leeds hotel for the night",
        "we went to a pub in Manchester",
        "he said he was at the hotel Friday",
        "I need Rest after that week",
        "My Head still hurts",
        "hotelul era scump si murdar",
        "w hotelu było zimno",
        "в хотела беше студено",
        "egy szállodában voltunk",
        "la sauna estaba llena",
        "na sauna tinha muita gente",
        "我们在酒店里见面",
        "ทำงานที่ร้านนวดในลอนดอน",
        "Lodge Road was quiet that night",
    ],
)
def test_a_venue_word_without_a_name_is_left(text: str) -> None:
    assert "venue" not in kinds(text, PLACES), found(text, PLACES)


def test_the_town_she_works_in_is_coarse_enough() -> None:
    facts = Facts(places=("Leeds", "West Yorkshire"))
    assert kinds("I work in Leeds most weekends", facts) == set()


def test_the_street_a_venue_is_on_is_an_address_of_its_own() -> None:
    """Keeping the venue with a reason must not keep the street it is on."""
    text = "came to the Pink Lady sauna on Church Street. Tayview Health Spa on Annfield Row"
    assert found(text) == {
        "the Pink Lady sauna": "venue",
        "on Church Street": "address",
        "Tayview Health Spa": "venue",
        "on Annfield Row": "address",
    }
