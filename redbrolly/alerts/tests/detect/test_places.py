"""Addresses and landmarks in any case and language; a town is coarse enough."""

from __future__ import annotations

import pytest

from redbrolly.alerts.tests.detect.helpers import flagged, found, kinds


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("I work from 14 Albert Road, flat 2", "14 Albert Road"),
        ("i work from 14 albert rd flat 2", "14 albert rd"),
        ("he came to flat 2b twice", "flat 2b"),
        ("left her on the industrial estate near unit 7. He was white", "near unit 7"),
        ("my postcode is LS6 2AB", "LS6 2AB"),
        ("its in the ls6 area", "ls6"),
        ("opposite the Tesco Express on the corner", "opposite the Tesco Express"),
        ("above the bookies on Church St", "above the bookies on Church St"),
        ("round the corner from Greggs", "round the corner from Greggs"),
        ("Lucrez pe strada Victoriei nr 12", "Victoriei nr 12"),
        ("A Market Street 18-ban fogadok", "Market Street 18-ban"),
        ("em cima da barbearia na Station Road", "em cima da barbearia"),
        ("我住在超市对面的楼上", "超市对面"),
    ],
)
def test_addresses_and_landmarks_are_flagged(text: str, address: str) -> None:
    assert flagged(address, text, "address"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "it happened in Leeds city centre",
        "he drove down the main road",
        "we came close to calling the police",
        "he paid 2 hours",
    ],
)
def test_a_town_or_a_road_without_a_name_is_left(text: str) -> None:
    assert "address" not in kinds(text), found(text)
