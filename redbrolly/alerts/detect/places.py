"""Addresses and landmarks: a house number with its street (in any case, "14 albert rd"), a
street named where it happened ("on Anlaby Road"), a flat, unit or room number, a postcode,
and a landmark that places a door ("opposite the Tesco Express", "above the bookies",
"the bottom of Carrick Wynd", "зад бензиностанцията"). Pieces of one address are one flag
("flat 7, 112 Lyndhurst Road, PE1"). A town or region is coarse enough and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redbrolly.alerts.detect.facts import Facts
from redbrolly.alerts.detect.lexicon import COMMON_WORDS
from redbrolly.alerts.detect.text import WORD, Span, Text, alternatives, bounded

KIND = "address"

STREET_WORDS = [
    "street", "st", "road", "rd", "lane", "ln", "avenue", "ave", "close", "cl", "drive", "dr",
    "way", "place", "pl", "court", "ct", "crescent", "cres", "terrace", "tce", "grove", "gardens",
    "gdns", "square", "sq", "hill", "row", "mews", "walk", "parade", "boulevard", "blvd",
    "estate", "park road", "green", "rise", "view", "wharf", "quay", "yard", "circus", "gate",
    "broadway", "bank", "brow", "fold", "croft", "vale", "passage", "alley", "wynd", "chase",
    "mount", "meadow", "meadows", "field", "fields", "brook", "side", "heights", "garth", "loke",
    "lea", "dale", "approach", "esplanade", "causeway", "grange", "ridge", "nook", "hollow",
    "vennel", "close", "cottages", "villas", "buildings", "mansions", "grn", "wlk", "mt",
    "strada", "str", "calea", "bulevardul", "rua", "avenida", "calle", "ulica", "ul", "aleja",
    "улица", "ул", "булевард", "utca", "ut", "korut",
]  # fmt: skip
# Before a street word these are no street's name ("the main road", "a busy street").
GENERIC = frozenset(
    [
        "the",
        "a",
        "an",
        "main",
        "big",
        "busy",
        "same",
        "that",
        "this",
        "his",
        "her",
        "my",
        "their",
        "back",
        "side",
        "quiet",
        "dark",
        "long",
        "small",
        "one",
        "other",
        "next",
        "first",
        "last",
        "ring",
        "high",
        "low",
        "old",
        "new",
        "little",
        "dead",
        "end",
        "dual",
        "carriageway",
        "private",
        "public",
        "residential",
        "industrial",
        "country",
        "open",
        "narrow",
        "wide",
        "nearby",
        "local",
        "which",
        "on",
        "off",
        "in",
        "at",
        "near",
        "along",
        "down",
        "up",
        "from",
        "of",
        "to",
        "by",
        "round",
        "around",
        "across",
        "past",
        "into",
        "onto",
        "and",
        "or",
        "but",
        "was",
        "is",
        "were",
        "me",
        "him",
        "her",
        "it",
        "go",
        "went",
        "walked",
        "drove",
        "took",
        "met",
        "fata",
        "de",
        "pe",
        "din",
        "la",
        "cu",
        "un",
        "o",
        "a",
        "e",
        "em",
        "no",
        "na",
        "do",
        "da",
        "del",
        "el",
        "en",
        "w",
        "z",
        "ze",
        "po",
    ]
)
NUMBERED_PLACE = [
    "flat", "apartment", "apt", "unit", "room", "suite", "block", "house number", "house no",
    "number", "no", "nr", "numarul", "numar", "numero", "numer", "номер", "apartamentul",
    "apartament", "apartamento", "piso", "mieszkanie", "lokal", "апартамент", "lakas",
    "flatul", "camera", "quarto", "habitacion", "pokoj", "стая", "szoba", "plot", "house",
    "pitch", "caravan", "chalet", "cabin", "berth", "mooring", "stall", "bay", "door",
    "building", "casa", "numer domu", "dom", "къща", "haz", "lote", "parcela",
]  # fmt: skip
# Before a landmark: these place a door on their own ("opposite the church")...
STRONG_PREPOSITIONS = [
    "opposite", "opp", "across from", "across the road from", "across the street from",
    "next to", "next door to", "beside", "behind", "above", "below", "underneath",
    "round the corner from", "around the corner from", "facing", "in front of", "at the back of",
    "just off", "on the corner of", "on the corner by", "on the corner near", "on the corner",
    "at the corner of", "corner of", "upstairs from", "outside", "round the back of",
    "at the back of", "the bottom of", "the top of", "the end of", "the far end of",
    "the other end of", "bottom of", "top of", "end of", "the back of", "down the side of",
    "round the side of", "the side of", "just past", "just before", "across the road from",
    "al final de", "al fondo de", "detras de", "junto al", "junto a la", "al lado de",
    "atras de", "no fim da", "no fim do", "no final da", "no final do", "ao fundo da",
    "ao fundo do", "in capatul", "la capatul", "langa", "in spatele", "na koncu", "na rogu",
    "za rogiem", "в края на", "на ъгъла на", "на края на",
    "vizavi de", "in spatele", "deasupra", "peste drum de", "in fata", "colt cu",
    "em frente ao", "em frente a", "em frente da", "em frente do", "ao lado do", "ao lado da",
    "do lado do", "do lado da", "atras do", "atras da", "em cima do", "em cima da",
    "enfrente del", "enfrente de la", "frente al", "frente a la", "al lado del",
    "al lado de la", "detras del", "detras de la", "encima del", "encima de la",
    "naprzeciwko", "naprzeciw", "срещу", "зад",
]  # fmt: skip
# ...these only with a named place ("near the Aldi", "by Greggs").
WEAK_PREPOSITIONS = ["over", "under", "za", "над"]
# ...and these with a brand or a place word ("near the car wash", "by the level crossing").
NEAR_PREPOSITIONS = [
    "near", "nr", "by", "close to", "langa", "perto do", "perto da", "cerca del", "cerca de la",
    "obok", "nad", "kolo", "przy", "близо до", "до", "пред", "przed",
]  # fmt: skip
# Places named by a brand: a door near one is easy to find.
NAMED_PLACES = [
    "mcdonalds", "mcdonald's", "kfc", "subway", "greggs", "costa", "starbucks", "tesco",
    "tesco express", "tesco extra", "aldi", "lidl", "asda", "sainsburys", "sainsbury's",
    "sainsbury's local", "morrisons", "co-op", "coop", "iceland", "spar", "londis", "boots",
    "primark", "poundland", "b&m", "halfords", "wetherspoons", "nandos", "nando's",
    "burger king", "domino's", "dominos", "pizza hut", "argos", "superdrug", "ladbrokes",
    "william hill", "paddy power", "betfred", "coral", "premier inn", "travelodge",
]  # fmt: skip
PLACE_NOUNS = [
    "station", "train station", "bus station", "bus stop", "church", "mosque", "temple",
    "gurdwara", "synagogue", "school", "hospital", "park", "library", "pub", "chippy",
    "chip shop", "bookies", "bookmakers", "offy", "off licence", "offie", "takeaway",
    "kebab shop", "kebab house", "shop", "corner shop", "garage", "petrol station",
    "car park", "shopping centre", "retail park", "market", "cinema", "bingo", "casino",
    "roundabout", "bridge", "canal", "university", "college", "police station",
    "fire station", "post office", "bank", "pharmacy", "chemist", "launderette", "laundrette",
    "barbers", "nail bar", "cafe", "restaurant", "supermarket", "gym", "leisure centre",
    "community centre", "job centre", "jobcentre", "health centre", "clinic", "town hall",
    "arcade", "stadium", "tower", "towers", "flats", "dentist", "vets", "pizza place",
    "level crossing", "car wash", "bingo hall", "seafront", "sea front", "pier", "promenade",
    "industrial estate", "business park", "trading estate", "retail estate", "car park",
    "multi storey", "taxi rank", "underpass", "subway", "alley", "alleyway", "marina",
    "harbour", "docks", "precinct", "parade of shops", "playground", "cemetery", "graveyard",
    "allotments", "lorry park", "truck stop", "services", "service station", "lay-by", "layby",
    "hall", "centre",
    "chinese", "indian", "polish shop", "turkish shop", "barber", "hairdressers", "salon",
    "biserica", "gara", "magazin", "igreja", "estacao", "loja", "mercado", "iglesia",
    "estacion", "tienda", "kosciol", "dworzec", "sklep", "църква", "гара", "магазин",
    "templom", "allomas", "bolt",
    "bakery", "bakers", "butchers", "warehouse", "factory", "depot", "showroom", "dealership",
    "tyres", "tyre place", "carpets", "carpet shop", "furniture shop", "scrapyard",
    "scrap yard", "builders yard", "timber yard", "yard", "works", "newsagents",
    "newsagent", "florist", "charity shop", "phone shop", "vape shop", "tattoo shop",
    "tattoo parlour", "nail salon", "hairdresser", "barbershop", "bus shelter", "tram stop",
    "tube station", "metro station", "railway station", "railway arches", "arches",
    "railway bridge", "viaduct", "flyover", "footbridge", "recycling centre", "nightclub",
    "takeaway", "mosque", "laundrette", "car dealers",
    "car lot", "petrol garage", "garden centre", "superstore", "caravan park", "holiday park",
    "playing fields", "recreation ground", "skate park", "pub car park",
    "almacen", "gasolinera", "farmacia", "panaderia", "peluqueria", "fabrica",
    "supermercado", "parada", "bodega", "discoteca", "armazem", "padaria", "posto",
    "oficina", "barbearia", "lanchonete", "boate", "benzinarie", "farmacie", "brutarie",
    "depozit", "frizerie", "coafor", "statie", "fabrica", "stacja", "apteka", "piekarnia",
    "magazyn", "fryzjer", "przystanek", "warsztat", "fabryka", "бензиностанци", "аптека",
    "пекарна", "склад", "фризьор", "спирка", "кафене", "фабрика", "сервиз",
    "benzinkut", "gyogyszertar", "patika", "pekseg", "raktar", "fodraszat", "fodrasz",
    "megallo", "kocsma", "uzlet", "gyar",
]  # fmt: skip

HOUSE_NUMBER = r"\d{1,4}[a-z]?(?:\s*[-/]\s*\d{1,4}[a-z]?)?(?:-[^\W\d_]{1,4})?"
STREET = bounded(STREET_WORDS)
NAME_WORD = r"[^\W\d_][\w'’\-]*"
NUMBERED_STREET = re.compile(
    rf"(?<![\d£$€.,:])(?<!\d\s){HOUSE_NUMBER},?\s+(?P<name>(?:{NAME_WORD}\s+){{1,3}}){STREET}"
)
# Hungarian writes the number as an ordinal, with "szám" and where: "Coldridge Street 18.
# szám alá", "… 18. sz. alatt".
SZAM = r"\.?\s*sz(?:am|\.)[^\W\d_]{0,4}(?:\s+(?:alatt|alol|ala|ban|ben))?"
STREET_THEN_NUMBER = re.compile(
    rf"(?P<name>(?:{NAME_WORD}\s+){{1,3}}){STREET}\.?,?\s*(?:nr\.?|no\.?|numarul|numero|numer|"
    rf"номер|la\s+nr\.?|la)?\s*{HOUSE_NUMBER}(?:{SZAM}|(?![\d:.]))"
)
STREET_NAMED = re.compile(rf"(?P<name>(?:{NAME_WORD}\s+){{1,3}}){STREET}\.?")
NUMBERED = re.compile(
    rf"{bounded(NUMBERED_PLACE)}\.?\s*(?:no\.?\s*)?(?P<n>\d{{1,4}}[a-z]?|[a-z]\d{{0,3}})(?![\w:]|\.\d)"
)
L = r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
R = r"(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
POSTCODE = re.compile(rf"{L}[a-z]{{1,2}}\d[a-z\d]?\s?\d[a-z]{{2}}{R}")
OUTWARD = re.compile(
    rf"(?:{L}(?:in|postcode|post code|area|near|around)\s+(?P<a>[a-z]{{1,2}}\d{{1,2}}[a-z]?){R})"
    rf"|{L}(?P<b>[a-z]{{1,2}}\d{{1,2}}[a-z]?)\s+(?:area|postcode|district)\b"
)
ARTICLE = r"(?:the\s+|a\s+|an\s+|that\s+|some\s+|o\s+|um\s+|uma\s+|el\s+|la\s+|un\s+|una\s+|al\s+)?"
WHAT = r"(?P<what>[\w'’&\-]+(?:\s+[\w'’&\-]+){0,3})"
STRONG_LANDMARK = re.compile(rf"{bounded(STRONG_PREPOSITIONS)}\s+{ARTICLE}{WHAT}")
NEAR_LANDMARK = re.compile(rf"{bounded(NEAR_PREPOSITIONS)}\s+{ARTICLE}{WHAT}")
WEAK_LANDMARK = re.compile(rf"{bounded(WEAK_PREPOSITIONS)}\s+{ARTICLE}{WHAT}")
NAMED_PLACE = re.compile(bounded(NAMED_PLACES))
# Place words take their endings in the other languages ("magazinului", "sklepem").
PLACE_NOUN = re.compile(rf"{L}(?:{alternatives(PLACE_NOUNS)})[^\W\d_]{{0,5}}{R}")
# Hungarian, Chinese and Thai put the place before the word for "opposite".
AFTER_THE_PLACE = re.compile(
    r"(?:az?\s+)?(?P<what>[^\s,.]{2,20})\s?(?:-?val szemben|-?vel szemben|szemben|mellett|"
    r"mogott|felett|folott|sarkan)(?:i\s+[^\W\d_]{3,20})?"
    r"|(?P<han>[\u3400-\u9fffA-Za-z]{2,10}?)(?:对面|旁边|后面|楼上|楼下|隔壁|附近)"
    r"(?:[一二三四五六七八九十\d]{1,3}楼)?"
)
THAI_LANDMARK = re.compile(r"(?:ตรงข้าม|ข้างๆ|ข้าง|หลัง|ชั้นบน|ใกล้)[\u0e00-\u0e7fA-Za-z]{2,15}")
HAN_ADDRESS = re.compile(
    r"[\u3400-\u9fffA-Za-z]{1,8}(?:路|街|道)\d{1,4}号?|\d{1,4}号(?:楼|房)|[一二三四五六七八九十\d]{1,3}楼"
)
THAI_ADDRESS = re.compile(r"(?:ถนน|ซอย|บ้านเลขที่)\s?[\u0e00-\u0e7fA-Za-z0-9/]{1,15}")
# Before an address: where the door is said to be ("near", "pe", "at the back of").
LOCATIVE = (
    r"(?:near|by|at|in|on|off|opposite|outside|next to|behind|above|below|from|to|pe|la|na|em|"
    r"en|no|do|da|w|we|przy|в|на|de pe|din|de)"
)
BEFORE_ADDRESS = re.compile(rf"{L}(?:{LOCATIVE}|(?:the|a|an|az)(?:\s+[^\W\d_]+){{0,2}})\s+$")
AFTER_ADDRESS = re.compile(rf"\s+{LOCATIVE}\s+")
STREET_AFTER = re.compile(rf"\s+{STREET}\.?")
# What an address is part of, after it ("12 Pennant Brook caravan park").
SITE_WORDS = [
    "caravan park", "caravan site", "holiday park", "mobile home park", "park homes",
    "industrial estate", "trading estate", "business park", "retail park", "estate", "flats",
    "apartments", "tower", "towers", "house", "court", "buildings", "mansions", "marina",
]  # fmt: skip
SITE_AFTER = re.compile(rf"\s+(?:{alternatives(SITE_WORDS)}){R}")
# A postcode's outward code (or the whole) right after an address, or after a comma
# following one: "14 wimbrel close SS2", "112 Lyndhurst Road, PE1", "Kestrel Row PE21".
POSTCODE_AFTER = re.compile(rf",?\s+(?P<code>[a-z]{{1,2}}\d{{1,2}}[a-z]?(?:\s?\d[a-z]{{2}})?){R}")
# Numbers that count (times, hours, money), not a door: "his house 3 times".
COUNTED = re.compile(
    r"\s*(?:x\b|times|time|hours?|hrs?|mins?|minutes?|days?|nights?|weeks?|months?|years?|yrs?|"
    r"quid|pounds?|am\b|pm\b|o'?clock|of\b|or\b|girls?|men\b|guys?|people|ori\b|vezes|veces|"
    r"razy|пъти|alkalommal|ore\b|horas?|godzin|часа)(?![^\W\d_])"
)
# Capitalised but a day or a month ("the end of March"), not a place.
CALENDAR_WORDS = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "christmas", "easter", "ramadan",
]  # fmt: skip
CALENDAR = frozenset(CALENDAR_WORDS)
# Street words of the other languages mean "street" alone ("fata de pe strada"): a street only
# with a name written as a name, or a number.
NAMED_ONLY = frozenset(
    [
        "strada",
        "str",
        "calea",
        "bulevardul",
        "rua",
        "avenida",
        "calle",
        "ulica",
        "ul",
        "aleja",
        "улица",
        "ул",
        "utca",
        "ut",
        "korut",
    ]
)


def find(text: Text, facts: Facts) -> Iterator[Span]:
    for span in details(text, facts):
        yield widened(text, span)


def details(text: Text, facts: Facts) -> Iterator[Span]:
    yield from numbered_streets(text)
    yield from streets_named_after(text)
    for match in POSTCODE.finditer(text.folded):
        yield Span(match.start(), match.end(), KIND, "postcode")
    for match in NUMBERED.finditer(text.folded):
        if not is_a_quantity(text, match):
            yield Span(match.start(), match.end(), KIND, "flat or unit")
    yield from streets(text, facts)
    yield from outward_codes(text)
    yield from landmarks(text, facts)
    for pattern in (AFTER_THE_PLACE, THAI_LANDMARK, HAN_ADDRESS, THAI_ADDRESS):
        for match in pattern.finditer(text.folded):
            yield Span(match.start(), match.end(), KIND, "landmark")


def widened(text: Text, span: Span) -> Span:
    """The address as a person says it: with "near" or "the alley" before it, and with what
    places it further after it ("unit 4 on the industrial estate")."""
    start, end = span.start, span.end
    before = BEFORE_ADDRESS.search(text.folded[max(0, start - 25) : start])
    if before:
        start -= len(before.group())
    if street := STREET_AFTER.match(text.folded, end):
        end = street.end()
    if site := SITE_AFTER.match(text.folded, end):
        end = site.end()
    if code := postcode_after(text, end):
        end = code
    while (after := AFTER_ADDRESS.match(text.folded, end)) and end - span.end < 40:
        if text.folded[after.end() : after.end() + 1].isdigit():
            break  # "… Mill Lane at 11:45pm": a time, not more of the address
        if text.original[end - 1 : end] == "." or text.is_capitalised(after.start() + 1):
            break  # "… Station Road. No sábado": the next sentence
        clause = text.clause_end(after.end(), limit=30)
        if clause <= after.end():
            break
        end = clause
    return Span(start, end, span.kind, span.rule)


def postcode_after(text: Text, end: int) -> int | None:
    """The end of a postcode or its outward code written right after an address."""
    after = POSTCODE_AFTER.match(text.folded, end)
    if after is None:
        return None
    code = text.original[after.start("code") : after.end("code")]
    if not (code.isupper() or POSTCODE.fullmatch(after.group("code"))):
        return None  # "… road at 2am" never gets here; "… road ok2" is no postcode
    return after.end()


def name_words(text: Text, match: re.Match[str]) -> list[re.Match[str]]:
    """The words before a street word that name it, nearest first kept ("a Market Street")."""
    words = list(WORD.finditer(text.folded, match.start("name"), match.end("name")))
    named: list[re.Match[str]] = []
    for word in reversed(words):
        if word.group() in GENERIC or word.group() in COMMON_WORDS:
            break
        named.insert(0, word)
    return named


# Romanian, Portuguese, Spanish, Polish and Bulgarian say "street" first: "strada Victoriei
# nr 12", "rua Augusta 120", "calle Mayor", "ulica Długa 7", "улица Раковски".
STREET_FIRST_WORDS = [
    "strada", "str", "calea", "bulevardul", "bd", "soseaua", "aleea", "piata", "rua", "avenida",
    "av", "travessa", "largo", "praca", "calle", "c/", "paseo", "plaza", "ulica", "ul", "aleja",
    "al", "plac", "osiedle", "ulicy", "ulice", "alei", "placu", "osiedlu", "strazii", "ruas",
    "улица", "ул", "булевард", "бул", "площад",
]  # fmt: skip
STREET_FIRST = re.compile(
    rf"{bounded(STREET_FIRST_WORDS)}\.?\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}?)"
    rf"(?:,?\s*(?:nr\.?|no\.?|n[º°]\.?|numarul|numero|numer|номер)?\s*(?P<n>{HOUSE_NUMBER})(?![\d:.]))?"
)


def streets_named_after(text: Text) -> Iterator[Span]:
    """The street word first: a street when a number follows or its name is written as one."""
    for match in STREET_FIRST.finditer(text.folded):
        first = WORD.match(text.folded, match.start("name"))
        if first is None or first.group() in GENERIC or first.group() in COMMON_WORDS:
            continue
        if match.group("n") or text.is_capitalised(match.start("name")):
            yield Span(match.start(), match.end(), KIND, "street")


def numbered_streets(text: Text) -> Iterator[Span]:
    for match in NUMBERED_STREET.finditer(text.folded):
        words = list(WORD.finditer(text.folded, match.start("name"), match.end("name")))
        if COUNTED.match(text.folded, match.start("name") - 1):
            continue  # "20 quid each way", "10 mins walk"
        if words and not any(word.group() in GENERIC for word in words):
            yield Span(match.start(), match.end(), KIND, "house number and street")
    for match in STREET_THEN_NUMBER.finditer(text.folded):
        named = name_words(text, match)
        if named:
            yield Span(named[0].start(), match.end(), KIND, "house number and street")


LETTERED = frozenset(
    ["flat", "block", "unit", "apartment", "apt", "suite", "apartament", "apartamentul"]
)


def is_a_quantity(text: Text, match: re.Match[str]) -> bool:
    """ "no 1 fan", "number 2": "number" and "no" need a house or a street near them;
    "flat b" is a flat, "no a" is not."""
    cue = match.group().split()[0].rstrip(".")
    if match.group("n").isalpha() and cue not in LETTERED:
        return True
    if match.group("n").isdigit() and COUNTED.match(text.folded, match.end()):
        return True  # "his house 3 times", "room 2 nights"
    if cue not in {"number", "no", "nr", "numer", "numero", "номер", "numar", "numarul"}:
        return False
    around = text.folded[max(0, match.start() - 30) : match.end() + 40]
    return not re.search(rf"house|door|flat|{STREET}", around)


# Street words that are also everyday words ("came close", "in a row"): a street only when
# its name is written as a name ("Rose Hill", "Church St").
EVERYDAY = (
    frozenset(
        [
            "way",
            "place",
            "close",
            "bank",
            "green",
            "view",
            "yard",
            "rise",
            "gate",
            "fold",
            "walk",
            "row",
            "hill",
            "park",
            "court",
            "drive",
            "square",
            "grove",
            "vale",
            "passage",
            "alley",
            "circus",
            "estate",
            "wharf",
            "quay",
            "croft",
            "brow",
            "gardens",
            "terrace",
            "st",
            "dr",
            "pl",
            "ct",
            "cl",
            "ln",
            "bank",
            "chase",
            "mount",
            "meadow",
            "meadows",
            "field",
            "fields",
            "brook",
            "side",
            "lea",
            "dale",
            "approach",
            "ridge",
            "nook",
            "hollow",
            "heights",
            "grange",
            "buildings",
            "villas",
            "cottages",
            "mansions",
            "causeway",
            "esplanade",
            "garth",
            "mt",
            "grn",
            "wlk",
        ]
    )
    | NAMED_ONLY
)


def streets(text: Text, facts: Facts) -> Iterator[Span]:
    """A street by its name ("Anlaby Road", "on oxford rd"), not "the main road"."""
    for match in STREET_NAMED.finditer(text.folded):
        named = name_words(text, match)
        street = match.group().split()[-1].rstrip(".")
        if not named or (street in EVERYDAY and not is_title(text, named)):
            continue
        yield Span(named[0].start(), match.end(), KIND, "street")


def is_title(text: Text, words: list[re.Match[str]]) -> bool:
    return all(text.is_capitalised(word.start()) for word in words)


def outward_codes(text: Text) -> Iterator[Span]:
    for match in OUTWARD.finditer(text.folded):
        group = "a" if match.group("a") else "b"
        code = match.group(group)
        if re.search(r"\d", code) and not re.fullmatch(r"[ma]\d{1,2}", code):
            yield Span(match.start(group), match.end(group), KIND, "postcode")


def landmarks(text: Text, facts: Facts) -> Iterator[Span]:
    """ "opposite the Tesco Express": the preposition and what it names, when it names."""
    for pattern, places, capitalised in (
        (STRONG_LANDMARK, (NAMED_PLACE, PLACE_NOUN), True),
        (NEAR_LANDMARK, (NAMED_PLACE, PLACE_NOUN), False),
        (WEAK_LANDMARK, (NAMED_PLACE, PLACE_NOUN), False),
    ):
        for match in pattern.finditer(text.folded):
            end = landmark_end(text, match, places, facts, capitalised=capitalised)
            if end is not None:
                yield Span(match.start(), end, KIND, "landmark")


def landmark_end(
    text: Text,
    match: re.Match[str],
    places: tuple[re.Pattern[str], ...],
    facts: Facts,
    *,
    capitalised: bool,
) -> int | None:
    """Where the named place ends: its last brand or place word, or its capitalised name."""
    start = match.start("what")
    what = match.group("what")
    found = [m.end() for pattern in places for m in pattern.finditer(what)]
    named = []
    for word in WORD.finditer(what):
        if (
            not text.is_capitalised(start + word.start())
            or word.group() in facts.place_words
            or word.group() in CALENDAR
        ):
            break
        named.append(word)
    if named and (capitalised or PLACE_NOUN.search(what)):
        found.append(named[-1].end())
    if not found:
        return None
    end = start + max(found)
    of = OF_WHAT.match(text.folded, end)
    if of and not text.is_capitalised(of.start("of")):
        end = of.end()  # "el almacén de muebles", "o posto de gasolina"
    return end


# What a place noun is of, in the languages that say it after: "almacén de muebles".
OF_WHAT = re.compile(r"\s+(?:de|do|da|dos|das)\s+(?!la\b|el\b|los\b|las\b)(?P<of>[^\W\d_]{3,})")
