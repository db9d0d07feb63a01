"""Venues: a named business she works in or went to (a sauna, parlour, massage studio, club, a
hotel with its branch: "Premier Inn Leeds City Centre"), and "the flat above the chippy".
"A hotel", "his flat" or "a massage parlour" name nothing and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redbrolly.alerts.detect.facts import Facts
from redbrolly.alerts.detect.lexicon import COMMON_WORDS
from redbrolly.alerts.detect.text import WORD, Span, Text, bounded, fold

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
HAN_VENUES = "酒店|宾馆|旅馆|按摩店|按摩院|桑拿|水疗|足浴店|会所|公寓"
THAI_VENUES = "โรงแรม|ร้านนวด|สปา|ซาวน่า|อาบอบนวด"

NAMED_BEFORE = re.compile(
    rf"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?P<name>(?:[^\W\d_][\w'&.\-]*\s+){{1,3}}){bounded(VENUE_WORDS)}"
)
AFTER = ["sauna", "studio", "hotel", "club", "salon", "spa", "hotelul", "salonul", "klub",
         "salon de masaj", "casa de massagem", "casa de masajes", "salon de masajes", "хотел",
         "хотела", "сауна", "клуб", "студио"]  # fmt: skip
NAMED_AFTER = re.compile(
    rf"(?i:{bounded(AFTER)})\s+(?P<name>(?:[A-Z0-9][\w'&\-]*)(?:\s+[A-Z0-9][\w'&\-]*){{0,2}})"
    rf"(?:\s+(?i:{bounded(VENUE_WORDS)}))?"
)
# "I work at Velvet Touch": a capitalised name where she works is a venue.
WORKS_AT = re.compile(
    r"(?i:\b(?:work|works|working|worked|job|shift|shifts)\s+(?:at|in|for|from)"
    r"|(?<!\w)(?:lucrez|lucram|lucreaza|trabalho|trabalha|trabajo|trabaja|pracuj[eę]|pracuje|"
    r"работя|работи|dolgozom)\s+(?:la|in|în|na|no|em|en|w|we|в|a|az))\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'&\-]*(?:\s+[A-Z0-9][\w'&\-]*){0,3})"
)
VENUE_BEFORE = re.compile(rf"(?:{bounded(VENUE_WORDS)}|the|a)\s+$")
CHAIN = re.compile(rf"{bounded(CHAINS)}")
ABOVE = re.compile(
    r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:the\s+|a\s+)?(?:flats?|rooms?|place|apartments?|studio|bedsit|house|"
    r"apartamentul|apartamento|piso|mieszkani[^\W\d_]{0,3}|апартамента|lakas)\s+(?:right\s+|de\s+|do\s+|da\s+)?"
    r"(?:above|over|below|under|upstairs from|next to|behind|opposite|deasupra|em cima|"
    r"encima|nad|над|felett|folott)\s+"
)
HAN_NAMED = re.compile(rf"(?P<name>[\u3400-\u9fffA-Za-z]{{2,6}}?)(?:{HAN_VENUES})")
HAN_GENERIC = set("一家个的在去到那这间里个他我她住")
THAI_NAMED = re.compile(rf"(?:{THAI_VENUES})[\u0e00-\u0e7fA-Za-z]{{2,12}}")


def find(text: Text, facts: Facts) -> Iterator[Span]:
    yield from named(text, facts)
    yield from chains(text, facts)
    yield from above(text)
    yield from in_han_or_thai(text)


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
        if word.group() in STYLE or naming(text, word):
            kept.insert(0, word)
        else:
            break
    titled = len(kept) >= 2 and all(text.is_capitalised(word.start()) for word in kept)
    while kept and kept[0].group() in STYLE and not titled:
        kept.pop(0)
    return kept


def with_venue_word_before(text: Text, start: int) -> int:
    """ "hotel Seaview Lodge", "the Silk Rooms": the word before belongs with the name."""
    before = VENUE_BEFORE.search(text.folded[max(0, start - 20) : start])
    return start - len(before.group()) if before else start


def named(text: Text, facts: Facts) -> Iterator[Span]:
    for match in NAMED_BEFORE.finditer(text.folded):
        words = list(WORD.finditer(text.folded, match.start("name"), match.end("name")))
        kept = name_before(text, words)
        if kept:
            yield Span(with_venue_word_before(text, kept[0].start()), match.end(), KIND, "named")
    for pattern in (NAMED_AFTER, WORKS_AT):
        for match in pattern.finditer(text.original):
            named_words = {fold(word) for word in WORD.findall(match.group("name"))}
            if pattern is WORKS_AT and named_words <= facts.place_words | GENERIC:
                continue  # "I work in Leeds": a town, coarse enough
            if match.group("name").casefold() not in GENERIC:
                start = match.start() if pattern is NAMED_AFTER else match.start("name")
                yield Span(start, match.end(), KIND, "named")


def chains(text: Text, facts: Facts) -> Iterator[Span]:
    """The chain with its branch: the words after it that say which one."""
    for match in CHAIN.finditer(text.folded):
        end = match.end()
        for word in WORD.finditer(text.folded, end, min(len(text.folded), end + 40)):
            branch = word.group() in BRANCH_WORDS or word.group() in facts.place_words
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


def in_han_or_thai(text: Text) -> Iterator[Span]:
    for match in HAN_NAMED.finditer(text.original):
        name = match.group("name")
        start = match.start("name")
        while name and name[0] in HAN_GENERIC:
            name, start = name[1:], start + 1
        if len(name) >= 2:
            yield Span(start, match.end(), KIND, "named")
    for match in THAI_NAMED.finditer(text.original):
        yield Span(match.start(), match.end(), KIND, "named")
