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


def test_the_town_she_works_in_is_coarse_enough() -> None:
    facts = Facts(places=("Leeds", "West Yorkshire"))
    assert kinds("I work in Leeds most weekends", facts) == set()
