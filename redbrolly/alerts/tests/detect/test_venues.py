"""Named venues: the man knows which door a named sauna or hotel branch is."""

from __future__ import annotations

import pytest

from redbrolly.alerts.detect import Facts, scan
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
            "he booked Thornfield Lodge Leeds City Centre for last night",
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
        ("I pick up at the Ploughman's Arms most nights", "the Ploughman's Arms"),
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


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # A capitalised name where she works or where it happened, with no venue word.
        ("I used to dance at Spearmint Rhino before this", "Spearmint Rhino"),
        ("she works shifts at Honey's on the weekend", "Honey's"),
        ("it all kicked off at the Fox and Hounds", "the Fox and Hounds"),
        ("booked me through Scarlet Belles last month", "Scarlet Belles"),
        ("lucrez la Dolce Vita de un an", "Dolce Vita"),
        ("trabajo para la agencia Noches Doradas", "Noches Doradas"),
        ("работя чрез агенция Black Pearl", "Black Pearl"),
        # A number in the name, after a cue or before a venue word.
        ("I was in Heaven 17 when he came in", "Heaven 17"),
        ("working at studio 21 sauna, he was rough", "studio 21 sauna"),
        # A business's name needs no cue: a word businesses are named with.
        ("Silk Kisses sent me to him and never checked", "Silk Kisses"),
        ("Kings Cross branch of Ruby Temptations", "Ruby Temptations"),
    ],
)
def test_a_business_named_where_she_works_is_flagged(text: str, venue: str) -> None:
    assert flagged(venue, text, "venue", PLACES), found(text, PLACES)


def test_a_venue_named_again_is_flagged_again() -> None:
    text = "booked at Jade Moon on Friday. The manager at Jade Moon did nothing"
    first, second = text.find("Jade Moon"), text.rfind("Jade Moon")
    flags = {(flag.start, flag.end) for flag in scan(text, PLACES) if flag.kind == "venue"}
    assert (first, first + 9) in flags and (second, second + 9) in flags, found(text)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # The kind of venue said after its name.
        ("I dance at Sapphires gentlemen's club in town", "Sapphires gentlemen's club"),
        ("she was at Foxy Ladies lap dancing bar", "Foxy Ladies lap dancing bar"),
        # A chain's branch in lowercase, or said by where it is.
        ("incall at the premier inn wimbledon central", "premier inn wimbledon central"),
        ("he booked the Travelodge off junction 12 for us", "Travelodge off junction 12"),
        ("outcall to the Ibis Budget by the airport", "Ibis Budget by the airport"),
    ],
)
def test_the_kind_and_the_branch_of_a_venue_are_flagged(text: str, venue: str) -> None:
    assert flagged(venue, text, "venue", PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        # Houses and flats the girls name, lowercase too after "we call it" and the like.
        ("we call it the blue door because of, well, the door", "the blue door"),
        ("I work at the green house, that's what the girls call it", "the green house"),
        ("the Yellow House is where three of us work", "the Yellow House"),
        ("it's a flat known as the den, three of us use it", "the den"),
        ("un sitio que se llama Luna Llena", "Luna Llena"),
    ],
)
def test_a_place_the_girls_name_is_flagged(text: str, venue: str) -> None:
    assert flagged(venue, text, "venue", PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("ร้านนวด บัวทอง ใกล้สถานี", "ร้านนวด บัวทอง"),
        ("ก่อนหน้านี้ฉันอยู่ที่ Lotus Garden", "Lotus Garden"),
        ("我们店叫 Pearl Rooms，在市中心", "Pearl Rooms"),
    ],
)
def test_thai_and_chinese_names_of_venues_are_flagged(text: str, venue: str) -> None:
    assert flagged(venue, text, "venue", PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    "text",
    [
        # Where he works, shops or drinks is about him, not a venue of hers.
        "he said he works at Morrisons as a manager",
        "he's a driver for DPD and drives a white van",
        "reckons he shops at Waitrose every week",
        "he'd been drinking in the Red Lion all day",
        "he told me he is a bouncer at Pryzm",
        "a zis ca lucreaza la Lidl la depozit",
        "Mówił, że pracuje w Biedronce",
        "Dijo que trabaja en Mercadona",
        "Каза че работи в Asda",
        "他说他在Costco上班",
        "เขาบอกว่าทำงานที่ Asda",
        # Capitalised after "at" or "in", but no business.
        "I met him at Christmas, he was in the Audi",
        "we stayed in the Peak District for a week",
        "our incall in Wimbledon got robbed",
        "he messaged me on WhatsApp and booked through AdultWork",
        "we spoke in Polish at the Police station",
        "he booked a massage then would not pay",
        "he book massage then force touch",
        "a guy called Mick, he said it's called a favour",
    ],
)
def test_his_places_and_capitalised_words_are_not_venues(text: str) -> None:
    assert "venue" not in kinds(text, PLACES), found(text, PLACES)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("i been working out of the jo's place since summer", "jo's place"),
        ("I work at Marla's flat on weekdays", "Marla's flat"),
        ("outcall to the primier inn by the station", "primier inn"),
        ("he booked a room at the holliday inn express", "holliday inn express"),
        ("we met at the travel lodge last time", "travel lodge"),
    ],
)
def test_someones_place_she_works_in_and_misspelt_chains_are_venues(text: str, venue: str) -> None:
    assert flagged(venue, text, "venue"), found(text)


def test_his_mates_place_is_not_a_venue_of_hers() -> None:
    assert "venue" not in kinds("he took me back to his mate's place")


@pytest.mark.parametrize(
    "text",
    [
        "he booked a room at the Holiday Inn Express on the ring road",
        "he took me to a room at the premier inn",
        "he's been staying at Kestrel Lodge Bradford North",
    ],
)
def test_the_hotel_where_it_happened_is_a_venue_even_when_he_booked_it(text: str) -> None:
    assert "venue" in kinds(text), found(text)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("работя в салона „Бяла роза“ в Нотингам", "„Бяла роза“"),
        ("我在“红玫瑰按摩”上班", "“红玫瑰按摩”"),
        ("I work at the 'Blue Moon' parlour", "'Blue Moon' parlour"),
        ("been at Silk Lotus Spa on the seafront for years", "Silk Lotus Spa on the seafront"),
        ("去了Kings Cross的Oakfield酒店", "Kings Cross的Oakfield酒店"),
        ("in apartamentul de deasupra florariei Rosa", "apartamentul de deasupra florariei Rosa"),
    ],
)
def test_quoted_names_where_a_venue_is_and_flats_above_in_other_languages(
    text: str, venue: str
) -> None:
    assert flagged(venue, text, "venue"), found(text)


@pytest.mark.parametrize("text", ["he texted 'u free tonite' at 2am", "客人说他叫James，很凶"])
def test_what_he_said_in_quotes_and_his_name_are_not_venues(text: str) -> None:
    assert "venue" not in kinds(text), found(text)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("lucrez prin agenției Velvet Nights", "agenției Velvet Nights"),
        ("I used to work at the old Bunnies sauna", "the old Bunnies sauna"),
        ("we meet punters at the Red Lion most nights", "the Red Lion"),
        ("the girls wait in the Duke William", "the Duke William"),
    ],
)
def test_inflected_agencies_old_names_and_pubs_by_their_names(text: str, venue: str) -> None:
    assert flagged(venue, text, "venue"), found(text)


def test_his_car_in_capitals_is_no_pub() -> None:
    assert "venue" not in kinds("he drives a Red Ford Focus")


def test_a_hotel_by_the_motorway_keeps_its_junction() -> None:
    text = "do hotelu Premier Inn przy M62 po pracy"
    assert flagged("Premier Inn przy M62", text, "venue"), found(text)
