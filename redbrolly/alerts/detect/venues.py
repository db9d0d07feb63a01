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
from redbrolly.alerts.detect.lexicon import COMMON_WORDS, NATIONALITIES
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
    # The kind of venue said after its name ("Diamonds gentlemen's club", "Rouge escort agency").
    "gentlemen's club", "gentlemens club", "gentleman's club", "gents club", "strip club",
    "strip bar", "lap dancing club", "lap dancing bar", "lapdancing club", "lapdance bar",
    "lap dance bar", "table dancing club", "pole dancing club", "nightclub", "night club",
    "massage parlour", "massage parlor", "escort agency", "escorts agency", "brothel",
    "cocktail bar", "wine bar", "karaoke bar", "shisha lounge", "hostess bar", "hostess club",
    "agencia", "agentia", "agencja", "агенция", "ugynokseg",
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
        "чрез",
        "през",
        "към",
        "във",
        "за",
        "на",
        "от",
        "при",
        "prin",
        "pentru",
        "cu",
        "przez",
        "dla",
        "przy",
        "para",
        "pra",
        "por",
        "com",
        "con",
        "em",
        "no",
        "na",
        "en",
        "w",
        "we",
        "в",
    ]
)
# Lowercase before a venue word, what a man did there, not its name ("he book massage").
DOING = frozenset(
    ["book", "books", "get", "gets", "got", "give", "gives", "gave", "want", "wants", "do",
     "does", "did", "need", "needs", "like", "likes", "pay", "pays", "paid", "ask", "asks",
     "offer", "offers", "take", "took", "takes", "make", "made", "have", "has", "had", "go",
     "goes", "went", "come", "came", "say", "says", "said", "tell", "told", "during", "then",
     "quick", "hour", "half", "mins", "minute", "minutes", "hours", "normal", "only", "just",
     "for", "after", "before", "when", "start", "finish", "first", "try", "tried", "call"]
)  # fmt: skip
# Chains whose branch identifies the place ("Travelodge Manchester Piccadilly").
CHAINS = [
    "premier inn", "travelodge", "holiday inn express", "holiday inn", "ibis budget",
    "ibis styles", "ibis", "hilton garden inn", "hampton by hilton", "hilton", "doubletree",
    "novotel", "mercure", "jurys inn", "leonardo", "radisson blu", "radisson", "marriott",
    "best western", "days inn", "britannia", "motel one", "z hotel", "crowne plaza",
    "malmaison", "hotel du vin", "village hotel", "easyhotel", "easy hotel", "yotel", "moxy",
    "park inn", "citizenm", "ramada", "wetherspoons", "wetherspoon", "innkeeper's lodge",
    "innkeepers lodge", "future inn", "point a", "staycity", "premier", "airbnb", "crown plaza",
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
    r"хотел|мотел|салон|сауна|студио|клуб|klub|agencj|agenti|pensiun|pensjonat|studiou)"
    r"[^\W\d_]{0,6}"
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
        # A house the girls give a name to ("the Pink House", "the Blue Cottage").
        "house",
        "cottage",
        "villa",
        "palace",
        "mansion",
        "manor",
        "bungalow",
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
         "saunei", "sauny", "сауната", "agencia", "agentia", "agencja", "agencji", "агенция",
         "agencia de acompanhantes", "agencia de escorts", "agentia de escorte",
         "escort agency", "ugynokseg"]  # fmt: skip
NAME_AFTER = r"(?P<name>[^\W_][\w'&\-]*(?:\s+[^\W_][\w'&\-]*){0,2})"
NAMED_AFTER = re.compile(
    rf"(?:{bounded(AFTER)}|{L}{INFLECTED}{R}){VENUE_OF}\s+{NAME_AFTER}"
    rf"(?:\s+(?:{bounded(VENUE_WORDS)}))?"
)
# "cloud 9 sauna", "Studio 54 massage": a word and its number before a venue word.
NUMBERED_BEFORE = re.compile(rf"{L}(?P<word>[^\W\d_][\w'&\-]*)\s+\d{{1,4}}\s+{VENUE}")
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
    rf"{L}(?:{VENUE}|the|a|an|la|el|le|o|os|na|no|do|da|al|del|az|massage|masaj|thai|old|new|"
    r"former|same|usual|little|"
    rf"масажн[^\W\d_]{{0,4}}|masazu|masszazs)\s+$"
)
# The chains as people misspell them ("priemier in", "travel lodge", "holliday inn").
MISSPELT_CHAINS = (
    r"(?<![^\W_])(?:pr[ei]{1,3}m[ei]{1,3}re?\s+inn?|trav[ae]l+\s?-?lodge|"
    r"hol+[iy]day\s+inn?(?:\s+expres+)?|tr[ae]v[ae]lod?ge|trave?l+odge|ib[iy]s+)(?![^\W_])"
)
CHAIN = re.compile(rf"{bounded(CHAINS)}|{MISSPELT_CHAINS}")
ABOVE = re.compile(
    r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:the\s+|a\s+)?(?:flats?|rooms?|place|apartments?|studio|bedsit|house|"
    r"apartamentul|apartament|garsoniera|apartamento|piso|mieszkani[^\W\d_]{0,3}|"
    r"апартамента|апартамент|lakas)\s+(?:right\s+|de\s+|do\s+|da\s+)?"
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
    rf"|(?:{THAI_VENUES})(?:\s?ชื่อ)?\s?(?!ใน|ที่|แถว|แห่ง|หนึ่ง|ใกล้|ของ|นี้|นั้น)[\u0e00-\u0e7fA-Za-z]{{2,12}}"
)


def find(text: Text, facts: Facts) -> Iterator[Span]:
    # The street a venue is on is an address of its own ("places"), flagged beside it, so a
    # moderator who keeps the venue still takes the street out.
    found = [
        where_it_is(text, span)
        for span in (*spans(text, facts), *quoted(text))
        if not about_him(text, span.start, span.end)
    ]
    yield from found
    yield from again(text, found)


# Where a venue is, after its name: "Velvet Orchid Sauna on the quayside", "… by the airport".
WHERE_AFTER = re.compile(
    r"\s+(?:on|by|near|off|at|down)\s+the\s+(?:quayside|quay|seafront|sea front|front|harbour|"
    r"harbourside|waterfront|promenade|prom|ring road|bypass|retail park|industrial estate|"
    r"high street|docks|marina|canal|riverside|airport|station|motorway|beach|pier)(?![^\W_])"
    r"|\s+(?:on|by|near|off|at|przy|langa|perto da|cerca de la|до)\s+(?:the\s+)?"
    r"(?:j(?:unction)?\s?\d{1,2}(?:\s+(?:of|on)\s+the\s+)?\s?)?(?:m|a)\d{1,4}(?![^\W_])"
)


def where_it_is(text: Text, span: Span) -> Span:
    after = WHERE_AFTER.match(text.folded, span.end)
    return Span(span.start, after.end(), span.kind, span.rule) if after else span


# A name in quotes with a venue word before it or inside it, or where she works: "работя в
# масажното студио „Синя лагуна“", "在曼城的“金莲花按摩”上班", "the 'Pink Lady' parlour".
QUOTED = re.compile(r"[“\"„«「『'‘](?P<name>[^”\"“»」』'’\n]{2,30})[”\"“»」』'’]")
QUOTE_CUE = re.compile(
    rf"(?:{VENUE}|work|works|working|worked|在|ที่|работя в|lucrez la|trabalho n[oa]|"
    r"trabajo en|pracuje w|dolgozom)\s*(?:[^\W\d_]+\s+){0,1}$"
)
HAN_VENUE_WORD = re.compile(rf"{HAN_VENUES}|按摩|{THAI_VENUES}")


def quoted(text: Text) -> Iterator[Span]:
    for match in QUOTED.finditer(text.original):
        name = match.group("name")
        before = text.folded[max(0, match.start() - 30) : match.start()]
        inside = VENUE_WORD_AFTER.search(" " + fold(name)) or HAN_VENUE_WORD.search(name)
        after = VENUE_WORD_AFTER.match(text.folded, match.end())
        short = not re.search(r"\s{2}|[.!?]", name) and len(name.split()) <= 5
        if short and (inside or after or QUOTE_CUE.search(before)):
            end = after.end() if after else match.end()
            yield Span(match.start(), end, KIND, "named")


# "I work at the annie's place", "working out of Kim's flat": someone's place she works in.
SOMEONES_PLACE = re.compile(
    r"(?<![^\W_])(?:work|works|working|worked|shifts?|incalls?)\s+(?:at|in|from|out\s+of|outta)\s+"
    r"(?:the\s+)?(?P<place>[^\W\d_]{2,}'s\s+(?:place|house|flat|parlour|studio|salon|massage|"
    r"spa|sauna|club|bar|rooms|apartment|gaff))"
)


def spans(text: Text, facts: Facts) -> Iterator[Span]:
    yield from someones_place(text)
    yield from named(text, facts)
    yield from pubs_by_name(text)
    yield from pubs(text, facts)
    yield from chains(text, facts)
    yield from above(text)
    yield from in_han_or_thai(text, facts)
    yield from cued(text, facts)
    yield from called(text, facts)
    yield from business_names(text, facts)
    yield from cued_in_han_or_thai(text, facts)


def someones_place(text: Text) -> Iterator[Span]:
    for match in SOMEONES_PLACE.finditer(text.folded):
        start = with_venue_word_before(text, match.start("place"))
        yield Span(start, match.end(), KIND, "named")


def pubs_by_name(text: Text) -> Iterator[Span]:
    for match in PUB_NAME.finditer(text.original):
        start = with_venue_word_before(text, match.start("name"))
        yield Span(start, match.end("name"), KIND, "pub")


def naming(text: Text, word: re.Match[str]) -> bool:
    """Whether a word before a venue word is part of its name ("Pink" in "Pink Lady Sauna")."""
    folded = word.group()
    if folded in GENERIC or folded in COMMON_WORDS:
        return False
    if text.is_capitalised(word.start()):
        return True
    if folded in DOING:
        return False  # "he book massage then …": what was done, not a name
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
    return located(text, found)


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
    for match in NUMBERED_BEFORE.finditer(text.folded):
        if match.group("word") not in GENERIC | COMMON_WORDS | NOT_VENUE:
            yield Span(match.start(), with_branch(text, match.end(), facts), KIND, "named")
    for match in WORKS_AT.finditer(text.original):
        named_words = {fold(word) for word in WORD.findall(match.group("name"))}
        if named_words <= facts.place_words | GENERIC:
            continue  # "I work in Leeds": a town, coarse enough
        if match.group("name").casefold() not in GENERIC:
            yield Span(match.start("name"), match.end(), KIND, "named")


# A pub by its old name, no pub word needed: "at the Lord Nelson", "outside the Red Lion".
PUB_NAME = re.compile(
    r"(?i:(?<![^\W_])(?:at|in|outside|from|near|behind|by|opposite|round|of|to)\s+the\s+)"
    r"(?P<name>(?:Lord|King|Queen|Duke|Prince|Princess|Red|White|Black|Royal|Golden|Old|Rose|"
    r"Rising|George|Crown|Plough|Bell|Swan|Star|Ship|Anchor|Globe|Feathers|Wheatsheaf|Green|"
    r"Blue|Grey|Kings|Queens|Coach|Fox|Hare|Bull|Boar|Stag|Three|Cross)(?:\s+[A-Z][\w'’]+){1,2})"
)


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
    """The chain with its branch: the words after it that say which one ("Travelodge
    Manchester Piccadilly", "travelodge croydon central") or where it is ("on the ring road")."""
    for match in CHAIN.finditer(text.folded):
        end = located(text, branch_end(text, match.end(), facts))
        yield Span(with_venue_word_before(text, match.start()), end, KIND, "chain")


# Words of a branch that say nothing until a word after them does ("by the airport").
LINKING = frozenset(
    ["on", "in", "at", "by", "the", "near", "de", "din", "do", "da", "del", "na", "w", "в"]
)  # fmt: skip


def branch_end(text: Text, end: int, facts: Facts) -> int:
    """Where a chain's branch ends: its words, a town we know, a capitalised word, and a town
    we do not know written in lowercase before a part of one ("croydon central")."""
    words = list(WORD.finditer(text.folded, end, min(len(text.folded), end + 40)))
    found = end
    for i, word in enumerate(words):
        if text.folded[end : word.start()].strip(" ,-"):
            break
        folded = word.group()
        then = words[i + 1].group() if i + 1 < len(words) else ""
        if folded in LINKING:
            end = word.end()
        elif (
            folded in BRANCH_WORDS
            or folded in BRANCH_PARTS
            or folded in facts.place_words
            or (text.is_capitalised(word.start()) and folded not in CALENDAR | COMMON_WORDS)
        ):
            found = end = word.end()
        elif then in BRANCH_PARTS and folded not in COMMON_WORDS | GENERIC | CALENDAR:
            end = word.end()
        else:
            break
    return found


# Where a branch is, said after its name: "on the ring road", "by the airport", "off junction
# 25", "near the station".
LOCATED = re.compile(
    r",?\s+(?:on|off|by|near|next\s+to|opposite|just\s+off|at)\s+(?:the\s+)?(?:ring\s+road|"
    r"by-?pass|airport|(?:train\s+|bus\s+|railway\s+|coach\s+)?station|motorway|retail\s+park|"
    r"business\s+park|industrial\s+estate|high\s+street|sea\s*front|docks|marina|harbour|quay|"
    r"waterfront|roundabout|services|arena|stadium|hospital|a\d{1,4}|m\d{1,2}|j\d{1,2}|"
    r"junction\s+\d{1,2}(?:\s+of\s+the\s+m\d{1,2})?|exit\s+\d{1,2}|city\s+centre|town\s+centre)"
    r"(?![^\W_])"
)


def located(text: Text, end: int) -> int:
    where = LOCATED.match(text.folded, end)
    return where.end() if where else end


ABOVE_WHAT = re.compile(
    r"(?:the\s+|a\s+|an\s+|o\s+|um\s+|uma\s+|el\s+|la\s+)?(?:[\w'’&\-]+\s*){1,3}"
)


def above(text: Text) -> Iterator[Span]:
    """ "the flat above the chippy": what it is above, at most three words of it."""
    for match in ABOVE.finditer(text.folded):
        what = ABOVE_WHAT.match(text.folded, match.end())
        end = min(what.end() if what else match.end(), text.clause_end(match.end(), limit=40))
        yield Span(match.start(), max(end, match.end()), KIND, "above")


# Where the venue is, before it: "Canary Wharf的Harbour Crest酒店".
LATIN_WHERE = re.compile(r"[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2}\s?的\s?$")


def in_han_or_thai(text: Text, facts: Facts) -> Iterator[Span]:
    for match in (*HAN_NAMED.finditer(text.original), *HAN_NAMED_AFTER.finditer(text.original)):
        latin = match.group("latin")
        if latin is not None:
            if not {fold(word) for word in WORD.findall(latin)} <= facts.place_words | GENERIC:
                where = LATIN_WHERE.search(
                    text.original[max(0, match.start() - 30) : match.start()]
                )
                start = match.start() - (len(where.group()) if where else 0)
                yield Span(start, match.end(), KIND, "named")
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


# --- his, not hers ---------------------------------------------------------------------------

# Who a clause is about: he, or "he said that …" where the language drops the pronoun …
HE = (
    r"(?<![^\W_])(?:he|hes|he's|he'd|hed|his|a\s+zis|zice|zicea|spune|spunea|ele|disse|diz|"
    r"dizia|dijo|decia|mowil|mowi|powiedzial|той|каза|казва|mondta|mondja)(?![^\W_])|他|เขา|เค้า"
)
# … or she, I or we: what follows is hers again.
NOT_HE = (
    r"(?<![^\W_])(?:i|im|i'm|me|my|we|our|she|shes|she's|her|eu|ea|ela|ella|yo|ja|аз|тя|"
    r"mine)(?![^\W_])|我|她|ฉัน|หนู|เธอ"
)
SUBJECT = re.compile(rf"(?P<he>{HE})|{NOT_HE}")
# What a man does at a business of his own life: works, drives, shops, drinks there ("he
# works at Tesco", "he's a driver for Amazon", "a zis ca lucreaza la", "pracuje w").
HIS_OWN = re.compile(
    r"(?<![^\W_])(?:work|works|worked|working|job|employed|manager|boss|owner|owns|runs|driver|"
    r"drives|drive|driving|delivers|delivering|deliveries|shop|shops|shopped|shopping|drink|"
    r"drinks|drinking|drank|been|regular|lucr[^\W\d_]*|trabalh[^\W\d_]*|trabaj[^\W\d_]*|"
    r"pracuj[^\W\d_]*|работ[^\W\d_]*|dolgoz[^\W\d_]*|bea|bebe|bebia|pije|pil|"
    r"an?\s+(?:bouncer|doorman|manager|driver|chef|cook|barman|bartender|barber|security|guard|"
    r"cleaner|mechanic|porter|waiter|nurse|doctor|teacher|regular|member|supervisor|"
    r"delivery driver|taxi driver|cabbie))"
    r"(?:\s+[^\W\d_]+){0,2}\s+(?:at|in|for|from|with|la|no|na|em|en|w|we|в|dla|para|pentru)"
    r"\s+(?:the\s+|o\s+|a\s+)?$"
    rf"|(?:工作|上班|打工|{fold('ทำงาน')})(?:在|ที่)\s?$"  # folded: "ทำ" loses its vowel
)
HIS_OWN_AFTER = re.compile(r"\s?(?:上班|工作|打工|买东西|喝酒)")


def about_him(text: Text, start: int, end: int) -> bool:
    """Whether the business is where he works, shops or drinks ("said he works at Tesco",
    "he'd been in Wetherspoons all afternoon"): his, for the alert, not a venue of hers."""
    begin = max(0, start - 80)
    for stop in SENTENCE_END.finditer(text.folded, begin, start):
        begin = stop.end()
    window = text.folded[begin:start]
    subjects = list(SUBJECT.finditer(window))
    last = subjects[-1] if subjects else None
    if last is None or last.group("he") is None:
        return False
    rest = window[last.end() :]
    return bool(HIS_OWN.search(rest)) or bool(
        last.group() in {"他", "เขา", "เค้า"} and HIS_OWN_AFTER.match(text.folded, end)
    )


# --- a name said again -----------------------------------------------------------------------

# Said before or after a venue's name, but no part of it when the name is said again.
ARTICLES = frozenset(["the", "a", "an", "la", "el", "le", "o", "os", "na", "no", "do", "da", "az"])


def again(text: Text, found: list[Span]) -> Iterator[Span]:
    """A venue once flagged is flagged wherever it is named again ("Manager at Cloud 9 did
    nothing", "when I complained to Elite Companions"): one occurrence left gives it away."""
    seen: set[str] = set()
    for span in found:
        if span.rule == "above":
            continue
        words = list(WORD_OR_NUMBER.finditer(text.folded, span.start, span.end))
        while words and (words[0].group() in ARTICLES or words[0].group() in GENERIC):
            words.pop(0)
        while len(words) > 1 and VENUE_WORD_ONLY.fullmatch(words[-1].group()):
            words.pop()
        if not words:
            continue
        core = text.folded[words[0].start() : words[-1].end()]
        if core in seen or len(core) < 3 or core in COMMON_WORDS or core in GENERIC:
            continue
        seen.add(core)
        capitalised = text.is_capitalised(words[0].start())
        written = r"\s+".join(re.escape(word) for word in core.split())
        pattern = re.compile(rf"(?<![^\W_]){written}(?![^\W_])(?:\s+{VENUE})?")
        for match in pattern.finditer(text.folded):
            if capitalised and not text.is_capitalised(match.start()):
                continue
            yield Span(match.start(), match.end(), KIND, "again")


WORD_OR_NUMBER = re.compile(r"[^\W_][\w'’&\-]*")
VENUE_WORD_ONLY = re.compile(VENUE)


# --- a capitalised name where she works or where it happened ---------------------------------

# Before the name of a business: where she works ("I work at", "on shift at", "dancing at",
# "lucrez la", "trabajo para", "pracuję w", "работя в"), how she was booked ("booked through",
# "via"), and where it happened ("at", "in the"). Only "at"-like words: "to", "from" lead to
# towns as often as to businesses.
CUE = re.compile(
    r"(?<![^\W_])(?:"
    r"(?P<work>(?:work|works|working|worked|job|jobs|shift|shifts|dance|dancing|danced|"
    r"incalls?|outcalls?|based|employed|started|lucrez|lucram|lucrat|lucrasem|trabalho|"
    r"trabalhava|trabalhei|trabajo|trabajaba|trabaje|pracuje|pracowalam|работя|работех|"
    r"работих|работила|работех)\s+(?:(?:at|in|for|from|out\s+of|outta|outa|with|through|via|"
    r"la|pentru|cu|prin|no|na|em|para|pra|en|con|w|we|dla|u|в|във|за|към|чрез|като\s+"
    r"[^\W\d_]+\s+в)\s+)+)"
    r"|(?P<via>(?:booked|booking|book|bookings|books|sent|send)\s+(?:me\s+|us\s+|her\s+)?"
    r"(?:through|via|by|from|with)\s+)"
    r"|(?P<through>(?:through|via|thru|prin|przez|чрез|atraves\s+de)\s+)"
    r"|(?P<at>(?:at|@|in\s+the|at\s+the|inside|outside)\s+)"
    r"|(?P<in>(?:in|into)\s+)"
    r")(?:(?:the|la|el|a|o|na|no|al|del)\s+)?"
)
# "in" before a name, with no article: a town or a part of one as often as a business.
IN_BEFORE = re.compile(r"(?<![^\W_])(?:in|into|w|we|в|във|en|em)\s+$")
# Capitalised after "at", but not a business ("at Christmas", "at A&E", "in the Audi").
NOT_VENUE = frozenset(
    ["christmas", "xmas", "easter", "eid", "ramadan", "diwali", "halloween", "covid", "uni",
     "university", "college", "school", "police", "hospital", "a&e", "station", "airport",
     "court", "home", "work", "mum", "mums", "mum's", "mom", "dad", "dad's", "nan", "nans",
     "church", "mosque", "temple", "gym", "tesco's", "uk", "gb", "usa", "us", "eu", "england",
     "scotland", "wales", "ireland", "britain", "romania", "bulgaria", "hungary", "poland",
     "brazil", "portugal", "spain", "thailand", "china", "colombia", "venezuela", "moldova",
     "ukraine", "albania", "lithuania", "latvia", "nigeria", "vietnam", "philippines",
     "europe", "africa", "asia", "london", "flat", "room", "unit", "block", "junction",
     "platform", "bus", "number", "no", "floor", "level", "gate", "terminal", "ward", "exit",
     "page", "year", "age", "size", "week", "day", "night", "area", "zone", "district",
     "route", "apartment", "house", "i", "im", "i'm", "ok", "okay", "omg", "lol", "pm", "am",
     "whatsapp", "facebook", "instagram", "insta", "snapchat", "snap", "telegram", "twitter",
     "tiktok", "onlyfans", "adultwork", "vivastreet", "viva", "craigslist", "backpage",
     "tryst", "google", "gumtree", "uber", "bolt", "signal", "messenger", "skype", "zoom",
     "audi", "bmw", "merc", "mercedes", "ford", "vauxhall", "toyota", "nissan", "honda",
     "kia", "skoda", "vw", "volkswagen", "volvo", "peugeot", "renault", "fiat", "seat",
     "mini", "jeep", "tesla", "range", "rover", "lexus", "prius", "transit", "corsa",
     "astra", "focus", "fiesta", "golf", "polo", "qashqai", "land", "jaguar", "porsche",
     "mr", "mrs", "ms", "miss", "dr", "sir", "god", "allah", "jesus", "english", "polish",
     "spanish", "portuguese", "romanian", "bulgarian", "hungarian", "thai", "chinese"]
)  # fmt: skip
# The last word of the name of a part of a town or country, not of a business.
AREA_WORDS = frozenset(
    ["district", "valley", "hills", "forest", "lake", "lakes", "moors", "dales", "peak",
     "peaks", "coast", "city", "town", "village", "estate", "county", "shire", "borough",
     "centre", "center", "midlands", "highlands", "cross", "common", "heath", "green",
     "island", "islands", "wharf", "park", "bridge", "market", "end", "quarter"]
)  # fmt: skip
NATIONAL = frozenset(word for phrase in NATIONALITIES for word in phrase.split())
# Words a business is named with more than a person or a town ("Elite Companions", "Velvet
# Dreams", "Oriental Touch", "Siam Orchid", "Dulce Compañía"): two capitalised words with one
# of these are a venue wherever they are written.
NAME_WORDS = frozenset(
    ["touch", "dreams", "dream", "companions", "companion", "company", "compania", "companhia",
     "companie", "escorts", "escort", "models", "angels", "angel", "babes", "dolls", "beauties",
     "temptation", "temptations", "desire", "desires", "fantasy", "fantasies", "secrets",
     "secret", "elite", "vip", "platinum", "diamond", "diamonds", "pearl", "pearls", "orchid",
     "orchids", "lotus", "jasmine", "sakura", "bamboo", "zen", "bliss", "serenity", "harmony",
     "oasis", "paradise", "heaven", "eden", "palace", "kisses", "pleasure", "pleasures",
     "passion", "silk", "velvet", "satin", "rouge", "amour", "cherry", "kittens", "pussycat",
     "foxy", "vixen", "vixens", "venus", "cupid", "eros", "aphrodite", "tantra", "siam",
     "orient", "jade", "ruby", "sapphire", "crystal", "emerald", "lounge", "rooms",
     "dulce", "placer", "deseo", "suenos", "secreto", "prazer", "desejo", "sonho", "sonhos",
     "placere", "dorinta", "rozkosz", "pokusa", "nirvana", "utopia", "exotic", "exotica",
     "sensations", "sensation", "seduction", "allure", "indulgence", "elegance", "luxury",
     "massage", "spa", "sauna", "studio", "club", "agency", "retreat", "wellness", "relax"]
)  # fmt: skip
# A capitalised word of a name, its number ("Cloud 9") or what joins two ("Rose & Crown").
NAME_TOKEN = re.compile(
    r"[^\W_\u3400-\u9fff\u0e00-\u0e7f](?:[^\W_\u3400-\u9fff\u0e00-\u0e7f]|['’&\-])*|&"
)
JOINS = frozenset(["&", "and", "of", "de", "la", "del", "da", "do", "n", "'n'"])


def name_at(text: Text, position: int, *, limit: int = 4) -> tuple[int, int, list[str]]:
    """The capitalised words of a name starting at `position` (with a number or a joining
    word inside it: "Cloud 9", "Rose & Crown"): where it ends and its folded words."""
    end = last = position
    words: list[str] = []
    joining = False
    for token in NAME_TOKEN.finditer(text.original, position):
        if text.original[last : token.start()] not in ("", " ") or len(words) >= limit:
            break
        last = token.end()
        word, folded = token.group(), fold(token.group())
        if word[0].isupper() or (words and word.isdigit() and len(word) <= 4):
            words.append(folded.removesuffix("'s"))
            end, joining = token.end(), False
        elif words and folded in JOINS and not joining:
            joining = True
            continue
        else:
            break
        if text.original[end : end + 1] in tuple(",.;:!?()"):
            break
    return position, end, words


def his_words(facts: Facts) -> frozenset[str]:
    return frozenset(fold(word) for name in facts.perpetrator_names for word in WORD.findall(name))


def names_nothing(words: list[str], facts: Facts) -> bool:
    """Capitalised, but a town, a day, a language, a common word, a platform or his name."""
    ignored = (
        facts.place_words
        | CALENDAR
        | COMMON_WORDS
        | GENERIC
        | NOT_VENUE
        | NATIONAL
        | BRANCH_PARTS
        | his_words(facts)
        | facts.reporter_name_words
    )
    named = [word for word in words if not word.isdigit() and word not in JOINS]
    if not named or all(word in ignored for word in named):
        return True
    # "at Church Street": an address; "in the Lake District", "at Kings Cross": a part of town
    return bool(STREET_WORD.fullmatch(named[-1])) or named[-1] in AREA_WORDS


def business_like(words: list[str]) -> bool:
    """A name a business would have: a number in it ("Cloud 9") or a word of NAME_WORDS."""
    return any(word.isdigit() or word in NAME_WORDS for word in words)


def cued(text: Text, facts: Facts) -> Iterator[Span]:
    """ "I work at Lush", "at the Crown", "booked through Elite Companions": a capitalised name
    after where she works or where it happened; after a bare "in" only a name a business has
    ("in Cloud 9", not "in Croydon")."""
    for match in CUE.finditer(text.folded):
        start, end, words = name_at(text, match.end())
        if not words or names_nothing(words, facts):
            continue
        bare_in = match.group("in") is not None or IN_BEFORE.search(match.group())
        if bare_in and not business_like(words) and (len(words) < 2 or match.group("work")):
            continue  # "our incall in Tottenham", "I work in Soho": a part of town
        if match.group("through") is not None and len(words) < 2 and not business_like(words):
            continue
        yield Span(with_venue_word_before(text, start), with_branch(text, end, facts), KIND, "cued")


def business_names(text: Text, facts: Facts) -> Iterator[Span]:
    """ "Elite Companions sent me", "Velvet Dreams": two capitalised words or more, one of them
    a word businesses are named with, are a venue even with nothing said before them."""
    position = 0
    while (found := CAPITALISED.search(text.original, position)) is not None:
        start, end, words = name_at(text, found.start())
        position = max(end, found.end())
        names = [word for word in words if word not in JOINS]
        if text.starts_sentence(start) and names and names[0] not in NAME_WORDS | STYLE:
            names.pop(0)  # "Lucrează la Sauna Paradis": a sentence starts capitalised
        while names and names[0] in ARTICLES | GENERIC | CALENDAR | COMMON_WORDS:
            names.pop(0)
        if len(names) < 2 or not any(word in NAME_WORDS for word in names):
            continue
        if names_nothing(names, facts) or all(word in STYLE | KIND_WORDS for word in names):
            continue  # "Thai Massage", "Health Spa": the kind of a venue, not its name
        start = with_venue_word_before(text, text.folded.index(names[0], start))
        yield Span(start, with_branch(text, end, facts), KIND, "named")


# The kind of business a name says, naming none on its own.
KIND_WORDS = frozenset(
    ["massage", "spa", "sauna", "studio", "club", "agency", "retreat", "wellness", "relax",
     "lounge", "rooms", "escorts", "escort", "models", "company", "parlour", "salon"]
)  # fmt: skip
CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_a-z][\w'’&\-]*")


# --- what the girls call it ------------------------------------------------------------------

# A place noun a name is given to ("a place called …", "un sitio que se llama …").
PLACE_NOUN = (
    r"(?:place|shop|club|bar|pub|sauna|parlou?r|salon|agency|studio|spa|house|flat|brothel|"
    r"hotel|business|venue|premises|gaff|spot|joint|site|loc|locul|local|casa|sitio|lugar|piso|"
    r"apartament[^\W\d_]{0,3}|garsoniera|mieszkani[^\W\d_]{0,2}|lokal|miejsce|dom|agenc[^\W\d_]{1,3}|"
    r"място|апартамент[^\W\d_]{0,2}|къща|заведение|hely|lakas|haz|massage|masaj|masaz)"
)
# "what we call the pink house", "we call it Heaven", "a place called Cloud Nine", "it's
# known as the Pink House", "un sitio que se llama Luna": a name she gives, in any case.
CALLED = re.compile(
    r"(?<![^\W_])(?:"
    r"(?:what|which)\s+(?:we|the\s+girls|they|everyone|people|us\s+girls)\s+call(?:ed)?"
    r"|(?:we|the\s+girls|they|everyone|people|girls)\s+call(?:ed|s)?\s+(?:it|the\s+place|this\s+place|"
    r"the\s+house|the\s+flat|that\s+place)"
    r"|(?:it's|its|it\s+is|it\s+was|which\s+is|that's|thats)\s+(?:called|known\s+as|named)"
    rf"|{PLACE_NOUN}\s+(?:called|named|known\s+as|nicknamed|aka|que\s+se\s+llama|llamad[oa]|"
    r"que\s+se\s+chama|chamad[oa]|care\s+se\s+(?:numeste|cheama)|numit[a]?|o\s+nazwie|"
    r"nazywan[ey]|(?:който|която|което)\s+се\s+казва|наречен[аоа]?)"
    r"|(?:ii\s+zicem|ii\s+spunem|chamamos\s+de|llamamos|nazywamy|наричаме|hivjuk)"
    r")\s+(?:(?:it|lo|la)\s+)?"
)
# Where a lowercase name stops ("we call it the pink house because …").
NAME_STOPS = frozenset(
    ["on", "in", "at", "by", "near", "and", "but", "so", "because", "cos", "coz", "cause",
     "where", "which", "that", "who", "with", "for", "from", "to", "of", "off", "is", "was",
     "it", "its", "it's", "he", "she", "i", "we", "they", "now", "then", "when", "there",
     "here", "a", "an", "de", "din", "la", "em", "na", "no", "en", "w", "в", "si", "e", "y",
     "are", "were", "cuz", "coz", "lol", "as", "cause", "bc", "if", "or", "not", "has", "had"]
)  # fmt: skip
BACK_CALLED = re.compile(
    r"(?<![^\W_])(?P<name>(?:the|a)\s+(?:[^\W\d_][\w'\-]*\s+){0,2}[^\W\d_][\w'\-]*)\s*,?\s*"
    r"(?:(?:that's|thats|that\s+is|which\s+is|it's|its)\s+)?(?:what|which)\s+(?:we|the\s+girls|"
    r"everyone|they|people|us\s+girls|all\s+the\s+girls)\s+call"
)


def called(text: Text, facts: Facts) -> Iterator[Span]:
    """The name she or the girls give a place, after "we call it", "a place called", "known
    as" and before ", that's what we call …": lowercase too, up to where the name stops."""
    for match in CALLED.finditer(text.folded):
        start, end, words = name_at(text, match.end())
        if not words:
            start, end = match.end(), lowercase_name_end(text, match.end())
            words = [word.group() for word in WORD.finditer(text.folded, start, end)]
        if words and not names_nothing(words, facts):
            yield Span(start, end, KIND, "called")
    for match in BACK_CALLED.finditer(text.folded):
        words = match.group("name").split()[1:]
        if not names_nothing(words, facts) and not set(words) & NAME_STOPS:
            yield Span(match.start("name"), match.end("name"), KIND, "called")


def lowercase_name_end(text: Text, start: int) -> int:
    """Up to three words of a name not capitalised, with an article before them."""
    end, count = start, 0
    for word in WORD_OR_NUMBER.finditer(text.folded, start, text.clause_end(start, limit=50)):
        if text.folded[end : word.start()].strip() or count >= 3:
            break
        folded = word.group()
        if folded == "the" and count == 0 and end == start:
            end = word.end()
            continue
        if folded in NAME_STOPS or (folded in COMMON_WORDS and folded not in NAME_WORDS):
            break
        end, count = word.end(), count + 1
    return end if count else start


# --- Chinese and Thai: a Latin name after where ---------------------------------------------

# "叫 Oriental Touch" after a shop, "在 Golden Lotus", "อยู่ที่ Siam Orchid", "ทำงานที่ Lush".
HAN_CUE = re.compile(
    rf"(?P<called>叫做|名叫|名字叫|叫|店名叫|店名是|名字是)\s?(?P<latin>{LATIN_NAME})"
    rf"|(?:在|去|到|于)\s?(?P<at>{LATIN_NAME})"
)
HAN_SHOP_BEFORE = re.compile(
    r"(?:店|会所|按摩|场所|地方|桑拿|酒店|公司|中介|工作室)[^。！？\n]{0,6}$"
)
THAI_CUE = re.compile(
    rf"(?:ทำงานที่|ทำงานอยู่ที่|อยู่ที่|ที่ร้าน|ไปที่|มาที่|ชื่อร้าน|ร้านชื่อ|เรียกว่า|ที่)\s?(?P<latin>{LATIN_NAME})"
)


def cued_in_han_or_thai(text: Text, facts: Facts) -> Iterator[Span]:
    for match in (*HAN_CUE.finditer(text.original), *THAI_CUE.finditer(text.original)):
        group = next(name for name in ("latin", "at") if match.group(name) is not None)
        before = text.original[max(0, match.start() - 12) : match.start()]
        if match.groupdict().get("called") and (
            not HAN_SHOP_BEFORE.search(before)
            or re.search(r"(?:他|她|我|客人|男的)(?:说他)?$", before)
        ):
            continue  # "他叫 Martin", "客人说他叫James": a person is called so too
        start, end, words = name_at(text, match.start(group))
        if words and not names_nothing(words, facts):
            yield Span(start, end, KIND, "named")
