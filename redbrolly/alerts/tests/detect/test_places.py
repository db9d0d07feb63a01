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


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # The noun phrase that pins the door, read back from its street or landmark.
        (
            "i rent the bottom flat of the big house on Maple Grove",
            "the bottom flat of the big house on Maple Grove",
        ),
        (
            "she stays in the back bedroom of the terrace on Cobden Street",
            "the back bedroom of the terrace on Cobden Street",
        ),
        ("outcall to the last bungalow in Heather Close", "the last bungalow in Heather Close"),
        (
            "he found me at the end terrace with the green door on Ash Lane",
            "the end terrace with the green door on Ash Lane",
        ),
        (
            "she sleeps in the doorway of the old cinema on Bridge Street",
            "the doorway of the old cinema on Bridge Street",
        ),
        (
            "left at the turning circle of the cul-de-sac off Poplar Way",
            "the cul-de-sac off Poplar Way",
        ),
        ("at no. 14 on Westgate near the bus stop", "no. 14 on Westgate near the bus stop"),
        ("en el 3B de Larch Street número 7", "el 3B de Larch Street número 7"),
        (
            "he waited outside, mine is the house with the trampoline in the garden",
            "the house with the trampoline in the garden",
        ),
    ],
)
def test_the_phrase_that_pins_the_door_is_flagged_with_its_street(text: str, address: str) -> None:
    assert flagged(address, text, "address", PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Floors, and doors counted from a landmark.
        ("my flat is 3rd floor, 22 Orchard Rise", "3rd floor, 22 Orchard Rise"),
        ("he lives on the ground floor flat", "ground floor flat"),
        (
            "top floor flat above the vape shop on Mill Road",
            "top floor flat above the vape shop on Mill Road",
        ),
        ("3 doors down from the chippy", "3 doors down from the chippy"),
        (
            "next door but one to the Spar on Dock Street",
            "next door but one to the Spar on Dock Street",
        ),
        ("pracuje na drugim piętrze przy Bridge Street", "drugim piętrze przy Bridge Street"),
        ("lucrez la etajul 3, blocul de langa Lidl", "etajul 3, blocul de langa Lidl"),
        ("moro no segundo andar em cima da padaria", "segundo andar em cima da padaria"),
        ("vivo en Alder Road 9, tercer piso", "Alder Road 9, tercer piso"),
        ("живея на третия етаж над аптеката", "третия етаж над аптеката"),
        ("a harmadik emeleten lakom", "harmadik emeleten"),
        ("ฉันอยู่ชั้น 3 ตรงข้ามเซเว่น", "ชั้น 3 ตรงข้ามเซเว่น"),
    ],
)
def test_floors_and_doors_are_flagged(text: str, address: str) -> None:
    assert flagged(address, text, "address", PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Outward codes of a real postcode area, with the sector's digit when given.
        ("i work in ls11, wont say more", "ls11"),
        ("its Leith, EH7 4 something", "EH7 4"),
        ("postcode is NG7 2 and then letters", "NG7 2"),
        ("Beeston LS11 is where i am", "LS11"),
        ("flat 9, 3 Fir Grove, B12 9 and some", "flat 9, 3 Fir Grove, B12 9"),
        ("near M14, by the uni", "M14"),
    ],
)
def test_partial_postcodes_are_flagged(text: str, address: str) -> None:
    assert flagged(address, text, "address", PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Flats and units with codes, buildings by name, pieces of one address as one flag.
        ("flat 0/2, 41 Dumbarton Road", "flat 0/2, 41 Dumbarton Road"),
        ("i work at flat 1F2 in Marchmont", "flat 1F2"),
        ("unit 12b Riverside Trading Estate", "unit 12b Riverside Trading Estate"),
        ("unit 3 oakwood business park where we do shifts", "unit 3 oakwood business park"),
        ("apt 21b at Kestrel Point", "apt 21b at Kestrel Point"),
        ("I'm in flat 7, Beaumont House now", "flat 7, Beaumont House"),
        ("Outcall to a holiday let, Flat 2, 9 Quarry Row", "Flat 2, 9 Quarry Row"),
        ("he said he knows I'm in Milton Tower", "Milton Tower"),
        # Streets written as one word, and street words typed in a hurry.
        ("no 56 on Friargate, behind the londis", "no 56 on Friargate, behind the londis"),
        ("im at number 8 off Kingsway", "number 8 off Kingsway"),
        ("he came to 56 northgate twice", "56 northgate"),
        ("i work from 42 holloway raod", "42 holloway raod"),
    ],
)
def test_flats_buildings_and_one_word_streets_are_flagged(text: str, address: str) -> None:
    assert flagged(address, text, "address", PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Landmarks of the other languages, with their place words' endings.
        ("стоя на паркинга зад пералнята", "на паркинга зад пералнята"),
        (
            "mieszkanie 4C nad pralnią przy Bank Street",
            "mieszkanie 4C nad pralnią przy Bank Street",
        ),
        (
            "lucrez deasupra spălătoriei de pe Queen Street",
            "deasupra spălătoriei de pe Queen Street",
        ),
        ("trabajo detrás de la lavandería", "detrás de la lavandería"),
        (
            "stau la parterul blocului din spatele Kaufland",
            "parterul blocului din spatele Kaufland",
        ),
        ("mieszkam na parterze obok Żabki na Long Street", "parterze obok Żabki na Long Street"),
        ("ห้อง 305 ตึกหลังเซเว่น ถนน London Road", "ห้อง 305 ตึกหลังเซเว่น ถนน London Road"),
        ("我住在 King Street 的 Tesco 旁边", "King Street 的 Tesco 旁边"),
        ("在 Oak Lane 12号3栋1202室", "Oak Lane 12号3栋1202室"),
    ],
)
def test_landmarks_in_other_languages_are_flagged(text: str, address: str) -> None:
    assert flagged(address, text, "address", PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    "text",
    [
        # His car, his shirt, his plate, text-speak, motorways, a town, a floor of no door.
        "he drove a silver Audi S3 and wore a CR7 shirt",
        "his reg was LS11 XYZ and he came off the M6 5 miles away",
        "if ne1 knows him tell me, w8 4 me b4 u go",
        "he rings off O77OO 9OO 873 every night",
        "he pushed me to the floor and kicked me",
        "he took me to the house of his mate and then the car park",
        "he came in a white van",
        "anyway he left via the motorway, down the highway",
        "I was in Huddersfield last week, then on Merseyside",
        "he left me at the top of the stairs",
        "In the end he paid",
        "the back door was open",
        "El 27 de mayo vino un hombre",
        "he was 2 doors away when I saw him",
        "a partial plate YK17 was all she got",
    ],
)
def test_his_things_text_speak_and_roads_are_not_addresses(text: str) -> None:
    assert "address" not in kinds(text, PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("she rents the 1st floor at 27 High Street now", "27 High Street"),
        ("we work from 3 back lane, top flat", "3 back lane"),
        (
            "he waits on the corner of Priory Road and elm grove",
            "the corner of Priory Road and elm grove",
        ),
        ("we stand where Canal St meets the ring road", "Canal St"),
        ("my place is on moor st near the park", "moor st"),
    ],
)
def test_numbered_generic_streets_corners_and_lowercase_st_are_addresses(
    text: str, address: str
) -> None:
    assert flagged(address, text, "address"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "he wanted to pay by bank transfer",
        "he paid by card",
        "on the corner of Mill Road and the main road he stopped",
    ],
)
def test_payment_and_generic_roads_are_not_more_of_an_address(text: str) -> None:
    flags = found(text)
    assert not any("transfer" in detail or "main road" in detail for detail in flags), flags


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "i wait by the phone box at the top of Quarry Hill",
            "the phone box at the top of Quarry Hill",
        ),
        (
            "he dropped me at the lay-by past the Oakwood allotments",
            "the lay-by past the Oakwood allotments",
        ),
        ("my flat is in Rowan Court 12/C", "Rowan Court 12/C"),
        ("he came to Primrose Close (no. 4) twice", "Primrose Close (no. 4)"),
        ("vivo en el 3B del edificio Coral House, en Hull", "el 3B del edificio Coral House"),
        ("i live on the bramblewood estate", "the bramblewood estate"),
    ],
)
def test_places_by_the_road_flats_in_named_buildings_and_named_estates(
    text: str, address: str
) -> None:
    assert flagged(address, text, "address"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "after the chippy closed he came",
        "he lives on the council estate",
        "มีรอยสักที่หลังมือ",
        "he dropped it by the lay-by",
    ],
)
def test_times_his_estate_and_the_back_of_a_hand_are_no_address(text: str) -> None:
    flags = found(text)
    assert "address" not in flags.values() or "lay-by" in text, flags


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("stau în Belmont House, etajul 2, ap. 9", "etajul 2, ap. 9"),
        ("I'm in Larch Heights, 7 floor", "Larch Heights, 7 floor"),
        ("живея над казиното", "над казиното"),
        ("我住在超市楼上 5 楼", "5 楼"),
        (
            "my flat is above the bakery with the green awning",
            "above the bakery with the green awning",
        ),
        (
            "the door between the launderette and the kebab shop",
            "between the launderette and the kebab shop",
        ),
        ("number 3 on Ash Close, corner with Fir Road", "corner with Fir Road"),
    ],
)
def test_floors_flats_and_doors_written_in_pieces_are_one_address(text: str, address: str) -> None:
    assert flagged(address, text, "address"), found(text)


def test_between_two_people_is_no_place() -> None:
    assert "address" not in kinds("between you and me he was drunk")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("a Granby Street 12. alatti lakásban", "Granby Street 12. alatti"),
        ("he came to 4 Mulberry Mews, Derby DE1 3AB", "4 Mulberry Mews, Derby DE1 3AB"),
        ("I'm just behind the Tesco on the corner", "just behind the Tesco"),
    ],
)
def test_hungarian_numbers_a_town_before_the_postcode_and_just_behind(
    text: str, address: str
) -> None:
    assert flagged(address, text, "address"), found(text)
