"""Venues: a named business she works in or went to (a sauna, parlour, massage studio, club, a
hotel with its branch: "Premier Inn Leeds City Centre", "Kestrel Lodge Bradford North"), a
pub by its name ("the Fiddler's Rest"), and "the flat above the chippy".
Venue words are read with their endings and articles in each language ("la sauna X",
"hotelul X", "масажното студио X", "X masszázsszalonban", "X按摩店", "ร้านนวด X").
"A hotel", "his flat" or "a massage parlour" name nothing and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redbrolly.alerts.detect.facts import Facts
from redbrolly.alerts.detect.lexicon import COMMON_WORDS
from redbrolly.alerts.detect.places import CALENDAR_WORDS, STREET
from redbrolly.alerts.detect.text import SENTENCE_END, WORD, Span, Text, bounded, fold

KIND = "venue"

VENUE_WORDS = [
    "sauna", "saunas", "parlour", "parlor", "massage", "massages", "spa", "studio", "studios",
    "salon", "club", "hotel", "inn", "lodge", "motel", "guest house", "guesthouse", "hostel",
    "aparthotel", "apartments", "suites", "lounge", "health club", "health studio", "rooms",
    "beauty", "nails", "agency", "bar", "pub", "tavern", "b&b", "bnb",
    "sauna", "saună", "hotelul", "salon de masaj", "salonul", "garsoniera",
    "casa de massagem", "clinica", "boate", "hotel", "casa de masajes", "salon de masajes",
    "puticlub", "hostal", "salon masazu", "agencja", "klub", "сауна", "хотел", "хотела",
    "масажно студио", "масажен салон", "клуб", "szauna", "szalloda", "masszazsszalon",
    "massagens", "massagem", "masajes", "masaje", "masaj", "masaze", "masazu", "gabinet",
    "saunie", "sauny", "saunei", "сауната",
]  # fmt: skip
# Words a venue's name often holds that name nothing on their own ("Golden Orchid Thai
# Massage" is a name; "a Thai massage" is not).
STYLE = frozenset(
    [
        "thai",
        "chinese",
        "asian",
        "oriental",
        "japanese",
        "korean",
        "health",
        "beauty",
        "relax",
        "relaxation",
        "body",
        "spa",
        "sauna",
        "massage",
        "club",
        "studio",
        "sensual",
        "erotic",
    ]
)
# Before a venue word these name nothing ("a cheap hotel", "the massage parlour").
GENERIC = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "his",
        "her",
        "my",
        "our",
        "their",
        "your",
        "some",
        "one",
        "another",
        "any",
        "cheap",
        "local",
        "small",
        "big",
        "large",
        "nice",
        "posh",
        "dodgy",
        "budget",
        "new",
        "old",
        "same",
        "other",
        "usual",
        "massage",
        "private",
        "little",
        "shit",
        "crappy",
        "nearby",
        "town",
        "city",
        "centre",
        "center",
        "airport",
        "motorway",
        "roadside",
        "back",
        "front",
        "upstairs",
        "downstairs",
        "sauna",
        "hotel",
        "thai",
        "chinese",
        "asian",
        "oriental",
        "erotic",
        "sensual",
        "full",
        "body",
        "happy",
        "ending",
        "house",
        "legit",
        "illegal",
        "shady",
        "fancy",
        "expensive",
        "random",
        "different",
        "next",
        "first",
        "last",
        "proper",
        "real",
        "shitty",
        "grotty",
        "seedy",
        "busy",
        "quiet",
        "empty",
        "open",
        "closed",
        "indoor",
        "outdoor",
        "private",
        "work",
        "working",
        "an",
        "at",
        "in",
        "of",
        "to",
        "for",
        "from",
        "with",
        "by",
        "on",
        "near",
        "and",
        "or",
        "but",
        "was",
        "is",
        "were",
        "be",
        "nuru",
        "tantric",
        "body",
        "b2b",
        "prostate",
        "strip",
        "night",
        "gentlemens",
        "gentlemen's",
        "lap",
        "dancing",
        "swingers",
        "sex",
        "golf",
        "gay",
        "lesbian",
        "photo",
        "both",
        "two",
        "three",
        "four",
        "five",
        "un",
        "o",
        "una",
        "uma",
        "unei",
        "unui",
        "acel",
        "acea",
        "din",
        "la",
        "de",
        "do",
        "da",
        "del",
        "al",
        "el",
        "los",
        "las",
        "le",
        "les",
        "egy",
        "az",
        "ez",
        "ten",
        "ta",
        "jakis",
        "jakims",
        "един",
        "една",
        "този",
        "тази",
    ]
)
# Chains whose branch identifies the place ("Travelodge Manchester Piccadilly").
CHAINS = [
    "premier inn", "travelodge", "holiday inn express", "holiday inn", "ibis budget",
    "ibis styles", "ibis", "hilton garden inn", "hampton by hilton", "hilton", "doubletree",
    "novotel", "mercure", "jurys inn", "leonardo", "radisson blu", "radisson", "marriott",
    "best western", "days inn", "britannia", "motel one", "z hotel", "crowne plaza",
    "malmaison", "hotel du vin", "village hotel", "easyhotel", "easy hotel", "yotel", "moxy",
    "park inn", "citizenm", "ramada", "wetherspoons", "wetherspoon", "innkeeper's lodge",
    "innkeepers lodge", "future inn", "point a", "staycity", "premier", "airbnb",
]  # fmt: skip
BRANCH_WORDS = frozenset(
    [
        "city",
        "centre",
        "center",
        "central",
        "airport",
        "station",
        "north",
        "south",
        "east",
        "west",
        "street",
        "road",
        "park",
        "junction",
        "m1",
        "m6",
        "m62",
        "m25",
        "m4",
        "m5",
        "retail",
        "docks",
        "quay",
        "quays",
        "royal",
        "victoria",
        "piccadilly",
        "hotel",
        "express",
        "budget",
        "styles",
        "old",
        "town",
        "new",
        "on",
        "in",
        "at",
        "by",
        "the",
        "near",
        "de",
        "din",
        "do",
        "da",
        "del",
        "na",
        "w",
        "в",
        "centru",
        "centro",
        "centrum",
        "център",
        "kozpont",
    ]
)
HAN_VENUES = "酒店|宾馆|旅馆|按摩店|按摩院|桑拿|水疗|足浴店|会所|公寓|保健按摩店|养生馆|休闲会所"
THAI_VENUES = "โรงแรม|ร้านนวด|สปา|ซาวน่า|อาบอบนวด"
L = r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
R = r"(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
# Venue words take their endings and articles in the other languages: "hotelul", "hotelu",
# "hotelem", "хотела", "салона", "masszázsszalonban", "szállodába", "studioului".
INFLECTED = (
    r"(?:hotel|motel|hostel|salon|szalon|masszazsszalon|masszazsstudio|szauna|szalloda|"
    r"хотел|мотел|салон|сауна|студио|клуб|klub|agencj|pensiun|pensjonat|studiou)[^\W\d_]{0,6}"
)
# What a venue word is of ("salonul de masaj", "масажното студио", "massage studio").
VENUE_OF = r"(?:\s+(?:de\s+)?(?:masaj|masaje|masajes|massagem|massagens|masazu|relaxare))?"
VENUE = rf"(?:{bounded(VENUE_WORDS)}|{L}{INFLECTED}{R}){VENUE_OF}"
# Words a pub, bar or café is named with, capitalised after its name ("the Fiddler's Rest",
# "the Kings Arms", "the Saracen's Head").
PUB_WORDS = frozenset(
    [
        "rest",
        "arms",
        "head",
        "heads",
        "tap",
        "taps",
        "vaults",
        "alehouse",
        "taproom",
        "brewery",
        "cafe",
        "bistro",
        "grill",
        "diner",
        "cellar",
        "social",
        "tavern",
        "inn",
        "bar",
        "lounge",
        "escorts",
        "retreat",
        "wellness",
    ]
)
PUB = re.compile(
    rf"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?P<name>(?:[^\W\d_][\w'’&.\-]*\s+){{1,3}})"
    rf"(?:{bounded(PUB_WORDS)})"
)
# After a venue's name, which branch ("Kestrel Lodge Bradford North", "hotel Riverbank
# Colchester Centru"): a town, a part of one, or a capitalised word before either.
BRANCH_PARTS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "centre",
        "center",
        "city",
        "harbour",
        "harbor",
        "waterfront",
        "seafront",
        "riverside",
        "quay",
        "quays",
        "docks",
        "marina",
        "airport",
        "station",
        "beach",
        "pier",
        "bay",
        "port",
        "norte",
        "sul",
        "sur",
        "nord",
        "sud",
        "oeste",
        "centru",
        "centro",
        "centrum",
        "център",
        "север",
        "юг",
        "изток",
        "запад",
        "kozpont",
        "eszak",
        "polnoc",
        "aeroport",
        "aeroporto",
        "aeropuerto",
        "lotnisko",
        "летище",
        "m1",
        "m6",
        "m62",
        "m25",
        "m4",
        "m5",
    ]
)
# Capitalised, but a day or a month after a venue ("Kestrel Lodge Friday"), not its branch.
CALENDAR = frozenset(
    [*CALENDAR_WORDS, "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)  # fmt: skip

NAMED_BEFORE = re.compile(
    rf"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?P<name>(?:[^\W\d_][\w'&.\-]*\s+){{1,3}}){VENUE}"
)
AFTER = ["sauna", "studio", "hotel", "club", "salon", "spa", "hotelul", "salonul", "klub",
         "salon de masaj", "casa de massagem", "casa de masajes", "salon de masajes", "хотел",
         "хотела", "сауна", "клуб", "студио", "lodge", "motel", "parlour", "agency",
         "agencja", "massage studio", "massage parlour", "masszazsszalon", "szalon",
         "szalloda", "szauna", "apartments", "aparthotel", "hostel", "guest house",
         "guesthouse", "bar", "pub", "gabinet", "studio masazu", "salon masazu", "saunie",
         "saunei", "sauny", "сауната"]  # fmt: skip
NAME_AFTER = r"(?P<name>[^\W_][\w'&\-]*(?:\s+[^\W_][\w'&\-]*){0,2})"
NAMED_AFTER = re.compile(
    rf"(?:{bounded(AFTER)}|{L}{INFLECTED}{R}){VENUE_OF}\s+{NAME_AFTER}"
    rf"(?:\s+(?:{bounded(VENUE_WORDS)}))?"
)
STREET_WORD = re.compile(STREET)
VENUE_WORD_AFTER = re.compile(rf"\s+{VENUE}")
# "I work at Velvet Touch": a capitalised name where she works is a venue.
WORKS_AT = re.compile(
    r"(?i:\b(?:work|works|working|worked|job|shift|shifts)\s+(?:at|in|for|from)"
    r"|(?<!\w)(?:lucrez|lucram|lucreaza|trabalho|trabalha|trabajo|trabaja|pracuj[eę]|pracuje|"
    r"работя|работи|dolgozom)\s+(?:la|in|în|na|no|em|en|w|we|в|a|az))\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'&\-]*(?:\s+[A-Z0-9][\w'&\-]*){0,3})"
)
# Before a venue's name: its venue word, what kind it is and an article ("la sauna
# Cairnview", "the massage studio", "масажното студио", "a Cedarwood masszázsszalonban").
VENUE_BEFORE = re.compile(
    rf"{L}(?:{VENUE}|the|a|an|la|el|le|o|os|na|no|do|da|al|del|az|massage|masaj|thai|"
    rf"масажн[^\W\d_]{{0,4}}|masazu|masszazs)\s+$"
)
CHAIN = re.compile(rf"{bounded(CHAINS)}")
ABOVE = re.compile(
    r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:the\s+|a\s+)?(?:flats?|rooms?|place|apartments?|studio|bedsit|house|"
    r"apartamentul|apartamento|piso|mieszkani[^\W\d_]{0,3}|апартамента|lakas)\s+(?:right\s+|de\s+|do\s+|da\s+)?"
    r"(?:above|over|below|under|upstairs from|next to|behind|opposite|deasupra|em cima|"
    r"encima|nad|над|felett|folott)\s+"
)
# A Latin name before or after a Han or Thai venue word, with or without a space
# ("Kelvinbrook保健按摩店", "ร้านนวด Coral Bay Thai").
LATIN_NAME = r"(?<![A-Za-z])[A-Z][A-Za-z0-9'&\-]*(?:\s[A-Z0-9][A-Za-z0-9'&\-]*){0,3}"
HAN_STYLE = "保健|泰式|中式|养生|休闲|推拿|足疗"
HAN_NAMED = re.compile(
    rf"(?P<latin>{LATIN_NAME})\s?(?:{HAN_STYLE})?(?:{HAN_VENUES})"
    rf"|(?P<name>[\u3400-\u9fffA-Za-z]{{2,6}}?)(?:{HAN_VENUES})"
)
HAN_NAMED_AFTER = re.compile(rf"(?:{HAN_VENUES})\s?(?P<latin>{LATIN_NAME})")
HAN_GENERIC = set("一家个的在去到那这间里个他我她住们是了和跟")
THAI_NAMED = re.compile(
    rf"(?:{THAI_VENUES})\s?(?P<after>{LATIN_NAME})|(?P<before>{LATIN_NAME})\s?(?:{THAI_VENUES})"
    rf"|(?:{THAI_VENUES})(?!ใน|ที่|แถว|แห่ง|หนึ่ง)[\u0e00-\u0e7fA-Za-z]{{2,12}}"
)


def find(text: Text, facts: Facts) -> Iterator[Span]:
    # The street a venue is on is an address of its own ("places"), flagged beside it, so a
    # moderator who keeps the venue still takes the street out.
    yield from spans(text, facts)


def spans(text: Text, facts: Facts) -> Iterator[Span]:
    yield from named(text, facts)
    yield from pubs(text, facts)
    yield from chains(text, facts)
    yield from above(text)
    yield from in_han_or_thai(text, facts)


def naming(text: Text, word: re.Match[str]) -> bool:
    """Whether a word before a venue word is part of its name ("Pink" in "Pink Lady Sauna")."""
    folded = word.group()
    if folded in GENERIC or folded in COMMON_WORDS:
        return False
    if text.is_capitalised(word.start()):
        return True
    return not folded.endswith(("ed", "ing")) and len(folded) > 2


def name_before(text: Text, words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The venue's name: the words before the venue word that name something, with the style
    words among them ("Golden Orchid Thai"), never style words alone unless in title case."""
    kept: list[re.Match[str]] = []
    for word in reversed(words):
        if kept and SENTENCE_END.search(text.folded, word.end(), kept[0].start()):
            break  # "… Cobbold Street. Tayview Health Spa": the name starts its sentence
        if word.group() in STYLE or naming(text, word):
            kept.insert(0, word)
        else:
            break
    titled = len(kept) >= 2 and all(text.is_capitalised(word.start()) for word in kept)
    while kept and kept[0].group() in STYLE and not titled:
        kept.pop(0)
    return kept


def with_venue_word_before(text: Text, start: int) -> int:
    """ "hotel Seaview Lodge", "the Silk Rooms", "la sauna Cairnview": the venue word, what
    kind it is and the article before belong with the name."""
    for _ in range(3):
        before = VENUE_BEFORE.search(text.folded[max(0, start - 30) : start])
        if not before:
            break
        start -= len(before.group())
    return start


def with_branch(text: Text, end: int, facts: Facts) -> int:
    """The branch after a venue's name ("… Lodge Bradford North", "… Inn Milton Keynes
    Norte"): towns and parts of towns, and capitalised words before one of them."""
    found = end
    for word in WORD.finditer(text.folded, end, min(len(text.folded), end + 50)):
        if text.folded[end : word.start()].strip(" -"):
            break
        folded = word.group()
        if folded in BRANCH_PARTS or folded in facts.place_words:
            found = end = word.end()
        elif (
            text.is_capitalised(word.start())
            and folded not in COMMON_WORDS
            and folded not in CALENDAR
            and folded not in GENERIC
        ):
            end = word.end()
        else:
            break
    return found


def capitalised_name(text: Text, match: re.Match[str]) -> list[re.Match[str]]:
    """The words of a name after a venue word that are written as a name ("hotel Riverbank
    Lodge", "Sauna 54"), up to the first that is not."""
    kept = []
    for word in re.finditer(r"[^\W_][\w'&\-]*", text.folded[: match.end("name")]):
        if word.start() < match.start("name"):
            continue
        if not (text.is_capitalised(word.start()) or word.group()[0].isdigit()):
            break
        kept.append(word)
    return kept


def named(text: Text, facts: Facts) -> Iterator[Span]:
    for match in NAMED_BEFORE.finditer(text.folded):
        words = list(WORD.finditer(text.folded, match.start("name"), match.end("name")))
        kept = name_before(text, words)
        if kept and not {word.group() for word in kept} <= facts.place_words | STYLE:
            start = with_venue_word_before(text, kept[0].start())
            yield Span(start, with_branch(text, match.end(), facts), KIND, "named")
    for match in NAMED_AFTER.finditer(text.folded):
        kept = capitalised_name(text, match)
        folded = {word.group() for word in kept}
        if not kept or folded <= facts.place_words | GENERIC | CALENDAR | COMMON_WORDS:
            continue  # "a hotel in Leeds", "the sauna Friday"
        if STREET_WORD.fullmatch(kept[0].group()):
            continue  # "Lodge Road": a street, for `places`
        end = kept[-1].end()
        if then := VENUE_WORD_AFTER.match(text.folded, end):
            end = then.end()  # "Studio 54 massage"
        start = with_venue_word_before(text, match.start())
        yield Span(start, with_branch(text, end, facts), KIND, "named")
    for match in WORKS_AT.finditer(text.original):
        named_words = {fold(word) for word in WORD.findall(match.group("name"))}
        if named_words <= facts.place_words | GENERIC:
            continue  # "I work in Leeds": a town, coarse enough
        if match.group("name").casefold() not in GENERIC:
            yield Span(match.start("name"), match.end(), KIND, "named")


def pubs(text: Text, facts: Facts) -> Iterator[Span]:
    """ "the Fiddler's Rest", "the Kings Arms": a capitalised name with the word a pub, bar
    or café is named with, itself capitalised."""
    for match in PUB.finditer(text.folded):
        last = match.end() - len(match.group().split()[-1])
        if not text.is_capitalised(last):
            continue
        words = list(WORD.finditer(text.folded, match.start("name"), match.end("name")))
        kept = name_before(text, words)
        kept = kept[next((i for i, w in enumerate(kept) if text.is_capitalised(w.start())), 0) :]
        if not kept or not all(text.is_capitalised(word.start()) for word in kept):
            continue
        if {word.group() for word in kept} <= facts.place_words | CALENDAR:
            continue
        start = with_venue_word_before(text, kept[0].start())
        yield Span(start, with_branch(text, match.end(), facts), KIND, "pub")


def chains(text: Text, facts: Facts) -> Iterator[Span]:
    """The chain with its branch: the words after it that say which one."""
    for match in CHAIN.finditer(text.folded):
        end = match.end()
        for word in WORD.finditer(text.folded, end, min(len(text.folded), end + 40)):
            branch = (
                word.group() in BRANCH_WORDS
                or word.group() in BRANCH_PARTS
                or word.group() in facts.place_words
            )
            if text.folded[end : word.start()].strip(" ,-") or not (
                branch or text.is_capitalised(word.start())
            ):
                break
            end = word.end()
        yield Span(with_venue_word_before(text, match.start()), end, KIND, "chain")


ABOVE_WHAT = re.compile(
    r"(?:the\s+|a\s+|an\s+|o\s+|um\s+|uma\s+|el\s+|la\s+)?(?:[\w'’&\-]+\s*){1,3}"
)


def above(text: Text) -> Iterator[Span]:
    """ "the flat above the chippy": what it is above, at most three words of it."""
    for match in ABOVE.finditer(text.folded):
        what = ABOVE_WHAT.match(text.folded, match.end())
        end = min(what.end() if what else match.end(), text.clause_end(match.end(), limit=40))
        yield Span(match.start(), max(end, match.end()), KIND, "above")


def in_han_or_thai(text: Text, facts: Facts) -> Iterator[Span]:
    for match in (*HAN_NAMED.finditer(text.original), *HAN_NAMED_AFTER.finditer(text.original)):
        latin = match.group("latin")
        if latin is not None:
            if not {fold(word) for word in WORD.findall(latin)} <= facts.place_words | GENERIC:
                yield Span(match.start(), match.end(), KIND, "named")
            continue
        name = match.group("name")
        start = match.start("name")
        while name and name[0] in HAN_GENERIC:
            name, start = name[1:], start + 1
        if len(name) >= 2:
            yield Span(start, match.end(), KIND, "named")
    for match in THAI_NAMED.finditer(text.original):
        latin = match.group("after") or match.group("before")
        if latin and {fold(word) for word in WORD.findall(latin)} <= facts.place_words | GENERIC:
            continue
        yield Span(match.start(), match.end(), KIND, "named")
