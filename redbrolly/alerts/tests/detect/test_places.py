"""Addresses and landmarks in any case and language; a town is coarse enough."""

from __future__ import annotations

import pytest

from redbrolly.alerts.detect import Facts
from redbrolly.alerts.tests.detect.helpers import flagged, found, kinds

PLACES = Facts(places=("Leeds", "Bristol", "Oxford", "Nottingham", "West Yorkshire"))


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


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # More street types, lower case after a house number, with a partial postcode.
        ("he comes to 7 heron chase LS6 every week", "7 heron chase LS6"),
        ("i live at 31 orchard meadows, NG7 so be careful", "31 orchard meadows, NG7"),
        ("drop off at 5 bramble wynd", "5 bramble wynd"),
        ("it was 22 Kingfisher Mount BS3", "22 Kingfisher Mount BS3"),
        ("my place, 9 Foxglove Fields", "9 Foxglove Fields"),
        # House, plot and flat numbers with what follows, pieces joined by commas.
        ("he came to house 12 Elm Side BS16 twice", "house 12 Elm Side BS16"),
        (
            "outcall at plot 4 Sunny Dale holiday park, LL18 5AB",
            "plot 4 Sunny Dale holiday park, LL18 5AB",
        ),
        ("I rent flat 2, 18 Birch Approach, M14 now", "flat 2, 18 Birch Approach, M14"),
        # Landmarks with more prepositions and place nouns.
        (
            "he waits behind the tyre place at unit 9 Brook Lane",
            "behind the tyre place at unit 9 Brook Lane",
        ),
        (
            "he parks at the top of Fern Brow near the chippy",
            "the top of Fern Brow near the chippy",
        ),
        (
            "we stand round the back of the Polish shop on King Street",
            "round the back of the Polish shop on King Street",
        ),
        ("he stops at the end of Cowgate Wynd", "the end of Cowgate Wynd"),
        ("next to the Turkish bakery on Dale Row", "next to the Turkish bakery on Dale Row"),
        # Spanish, Portuguese, Romanian, Polish, Bulgarian, Hungarian, Thai.
        ("trabajo detrás de la gasolinera en Mill Lane", "detrás de la gasolinera en Mill Lane"),
        (
            "ele espera atrás do posto de gasolina na Church Street",
            "atrás do posto de gasolina na Church Street",
        ),
        (
            "stau in spatele benzinariei de pe Victoria Street",
            "in spatele benzinariei de pe Victoria Street",
        ),
        ("czeka za sklepem na Mill Lane", "za sklepem na Mill Lane"),
        ("чака зад аптеката на Mill Road", "зад аптеката на Mill Road"),
        ("a Rose Street 5. szám alatt lakom", "a Rose Street 5. szám alatt"),
        ("a pékség melletti házban lakom", "a pékség melletti házban"),
        ("อยู่บ้านเลขที่ 12 ถนน Mill Road NG7 คนเดียว", "บ้านเลขที่ 12 ถนน Mill Road NG7"),
    ],
)
def test_more_addresses_and_landmarks_are_flagged(text: str, address: str) -> None:
    assert flagged(address, text, "address", PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    "text",
    [
        "I work in Leeds",
        "he went to my house 3 times",
        "he was in the room 2 nights ago",
        "paid 20 quid each way",
        "it was a 10 mins walk",
        "at the end of March he came back",
        "just before Christmas he turned up",
        "the top of my head hurt",
        "the end of the night was bad",
        "he hid behind the car",
        "he stood to one side",
        "he came back the next day",
        "he was at the top of Oxford",
        "éjfél előtt jött",
        "egy óra alatt végeztünk",
        "he said the field was dark",
        "he gave me 50 x2",
    ],
)
def test_amounts_times_and_his_things_are_not_addresses(text: str) -> None:
    assert "address" not in kinds(text, PLACES), found(text, PLACES)
