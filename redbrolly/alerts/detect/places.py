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
from redbrolly.alerts.detect.text import HAN, WORD, Span, Text, alternatives, bounded

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
    # As people type them in a hurry.
    "raod", "streat", "stret", "sreet", "steet", "strt", "avenu", "avnue", "terace", "cresent",
    "crecent", "crescant",
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
    "flat", "apartment", "apt", "ap", "apto", "dpto", "unit", "room", "suite", "block",
    "house number", "house no",
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
    "on the corner with", "corner with", "the corner with",
    "at the back of", "the bottom of", "the top of", "the end of", "the far end of",
    "the other end of", "bottom of", "top of", "end of", "the back of", "down the side of",
    "round the side of", "the side of", "just past", "just before", "across the road from",
    "al final de", "al fondo de", "detras de", "junto al", "junto a la", "al lado de",
    "atras de", "no fim da", "no fim do", "no final da", "no final do", "ao fundo da",
    "ao fundo do", "in capatul", "la capatul", "langa", "in spatele", "na koncu", "na rogu",
    "za rogiem", "в края на", "на ъгъла на", "на края на",
    "vizavi de", "in spatele", "din spatele", "din fata", "de langa", "de vizavi", "deasupra",
    "peste drum de", "in fata", "colt cu",
    "em frente ao", "em frente a", "em frente da", "em frente do", "ao lado do", "ao lado da",
    "do lado do", "do lado da", "atras do", "atras da", "em cima do", "em cima da",
    "enfrente del", "enfrente de la", "frente al", "frente a la", "al lado del",
    "al lado de la", "detras del", "detras de la", "encima del", "encima de la",
    "naprzeciwko", "naprzeciw", "срещу", "зад", "над", "между",
]  # fmt: skip
# ...these only with a named place ("near the Aldi", "by Greggs").
WEAK_PREPOSITIONS = ["over", "under", "za"]
# ...and these with a brand or a place word ("near the car wash", "by the level crossing").
NEAR_PREPOSITIONS = [
    "near", "nr", "by", "close to", "langa", "perto do", "perto da", "cerca del", "cerca de la",
    "obok", "nad", "kolo", "przy", "близо до", "до", "пред", "przed", "past", "just past",
    "beyond",
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
    "казино", "kasyn", "cazinou", "benzinkut", "gyogyszertar", "patika", "pekseg", "raktar",
    "fodraszat", "fodrasz",
    "megallo", "kocsma", "uzlet", "gyar",
]  # fmt: skip
# The buildings and places of the other languages, which take no article before them and their
# endings after ("на паркинга", "nad pralnią", "spălătoriei"): each places a door alone.
PLACE_NOUNS_ABROAD = [
    # Romanian
    "spalatori", "parcar", "bloc", "scoal", "spital", "chiosc", "pariuri", "cladir", "casa",
    "piata", "hotel", "restaurant", "biseric", "benzinari", "magazin", "apartament", "scara",
    # Portuguese, Spanish
    "lavanderia", "estacionamento", "predio", "edificio", "escola", "colegio", "casa de apostas",
    "casa de apuestas", "aparcamiento", "estanco", "portal", "bloco", "bloque", "hospital",
    "apartamento", "piso", "andar", "porteria", "portaria", "garagem", "garaje", "quiosque",
    "quiosco",
    # Polish
    "pralni", "parking", "szkol", "szpital", "budyn", "kamienic", "blok", "klatk", "przychodni",
    "bukmacher", "zabk", "mieszkani", "kosciol", "stacj", "sklep", "aptek",
    # Bulgarian
    "пералн", "паркинг", "училищ", "болниц", "сград", "блок", "вход", "кръчм", "хотел",
    "ресторант", "супермаркет", "пазар", "мола", "къщ", "апартамент", "магазин", "аптек",
    "бензиностанци", "църкв", "гара", "спирк",
    # Hungarian
    "mosod", "parkolo", "iskol", "korhaz", "tombhaz", "lepcsohaz", "kapualj", "haz", "lakas",
    "uzlet", "bolt", "patik", "templom", "megallo", "kocsm",
]  # fmt: skip
# The doors and floors of the other languages ("el 4A", "blocul", "mieszkanie", "къщата").
ABROAD_DOORS = [
    "casa", "piso", "portal", "puerta", "planta", "edificio", "bloque", "apartamento", "predio",
    "porta", "bloco", "bloc", "scara", "etaj", "apartament", "mieszkani", "blok", "klatk",
    "pietr", "budyn", "kamienic", "dom", "drzwi", "етаж", "блок", "вход", "къщ", "апартамент",
    "сград", "врат", "emelet", "lakas", "ajto", "tombhaz",
]  # fmt: skip
PLACE_NOUNS += PLACE_NOUNS_ABROAD

HOUSE_NUMBER = r"\d{1,4}[a-z]?(?:\s*[-/]\s*(?:\d{1,4}[a-z]?|[a-z](?![^\W\d_])))?(?:-[^\W\d_]{1,4})?"
STREET = bounded(STREET_WORDS)
NAME_WORD = r"[^\W\d_][\w'’\-]*"
NUMBERED_STREET = re.compile(
    rf"(?<![\d£$€.,:])(?<!\d\s){HOUSE_NUMBER},?\s+(?P<name>(?:{NAME_WORD}\s+){{1,3}}){STREET}"
)
# Hungarian writes the number as an ordinal, with "szám" and where: "Coldridge Street 18.
# szám alá", "… 18. sz. alatt".
SZAM = (
    r"\.?\s*sz(?:am|\.)[^\W\d_]{0,4}(?:\s+(?:alatt|alol|ala|ban|ben))?"
    r"|\.\s*(?:alatt|alatti|alol|ala)(?![^\W_])"
)
STREET_THEN_NUMBER = re.compile(
    rf"(?P<name>(?:{NAME_WORD}\s+){{1,3}}){STREET}\.?,?\s*(?:nr\.?|no\.?|numarul|numero|numer|"
    rf"номер|la\s+nr\.?|la)?\s*{HOUSE_NUMBER}(?:{SZAM}|(?![\d:.a-z]))"
)
STREET_NAMED = re.compile(rf"(?P<name>(?:{NAME_WORD}\s+){{1,3}}){STREET}\.?")
# A flat's or a unit's number is often a code: "flat 2F1", "apt 21b", "flat 0/2", "unit B12".
FLAT_CODE = r"\d{1,3}\s?/\s?\d{1,3}|\d{1,4}[a-z]{1,2}\d{1,3}|\d{1,4}[a-z]?|[a-z]{1,2}\d{1,3}|[a-z]"
NUMBERED = re.compile(
    rf"{bounded(NUMBERED_PLACE)}\.?\s*(?:no\.?\s*)?(?P<n>{FLAT_CODE})(?![\w:]|\.\d)"
)
L = r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
R = r"(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
POSTCODE = re.compile(rf"{L}(?P<area>[a-z]{{1,2}})\d[a-z\d]?\s?\d[a-z]{{2}}{R}")
# The UK's postcode areas: "LS11", "ng7" and "EH6 5" are postcodes, "YK17" (a plate) is not.
POSTCODE_AREA_CODES = [
    "ab", "al", "b", "ba", "bb", "bd", "bh", "bl", "bn", "br", "bs", "bt", "ca", "cb", "cf", "ch",
    "cm", "co", "cr", "ct", "cv", "cw", "da", "dd", "de", "dg", "dh", "dl", "dn", "dt", "dy", "e",
    "ec", "eh", "en", "ex", "fk", "fy", "g", "gl", "gu", "gy", "ha", "hd", "hg", "hp", "hr", "hs",
    "hu", "hx", "ig", "im", "ip", "iv", "je", "ka", "kt", "kw", "ky", "l", "la", "ld", "le", "ll",
    "ln", "ls", "lu", "m", "me", "mk", "ml", "n", "ne", "ng", "nn", "np", "nr", "nw", "ol", "ox",
    "pa", "pe", "ph", "pl", "po", "pr", "rg", "rh", "rm", "s", "sa", "se", "sg", "sk", "sl", "sm",
    "sn", "so", "sp", "sr", "ss", "st", "sw", "sy", "ta", "td", "tf", "tn", "tq", "tr", "ts", "tw",
    "ub", "w", "wa", "wc", "wd", "wf", "wn", "wr", "ws", "wv", "yo", "ze",
]  # fmt: skip
POSTCODE_AREAS = frozenset(POSTCODE_AREA_CODES)
# An outward code, and the sector's digit when she gives it ("M14 5", "ls11 6"), not the whole.
OUTWARD = re.compile(
    rf"{L}(?P<code>(?P<area>[a-z]{{1,2}})\d(?:\d|[a-z](?=\s|$))?)(?:\s(?P<sector>\d)(?![\d:.,]\d))?{R}"
)
# What says an outward code is a place: "in ls11", "postcode M14", "LS11 area".
OUTWARD_BEFORE = re.compile(
    rf"{L}(?:in|at|near|nr|around|round|from|postcode|post code|area|the area of|pe|la|din|em|en|"
    rf"no|na|w|we|z|ze|в|от|cerca de|perto de|kolo|okolice|okolicy)[\s:,]+$"
)
OUTWARD_AFTER = re.compile(r"\s+(?:area|postcode|post code|district|side|way|zona|okolice)\b")
# Capital letter areas that are also motorways, roads and shorthand ("the M6", "A6", "w8").
MOTORWAY_LIKE = re.compile(r"m(?:[1-6]|1[18]|2[0-7]|4[0-9]|5[0-9]|6[0-9]|[7-9]\d)")
# A distance or a road after a number: "M6 5 miles", "the M1 2 junctions".
MILES = re.compile(r"\s*(?:miles?|mi|km|kms|kilomet\w*|junctions?|exits?|lanes?)(?![^\W\d_])")
# Text-speak that looks like an outward code ("ne1" is "anyone").
TEXT_SPEAK = frozenset(["ne1", "sum1", "no1", "cr7", "wd40"])
ARTICLE = r"(?:the\s+|a\s+|an\s+|that\s+|some\s+|o\s+|um\s+|uma\s+|el\s+|la\s+|un\s+|una\s+|al\s+)?"
WHAT = r"(?P<what>[\w'’&\-]+(?:\s+[\w'’&\-]+){0,3})"
# Doors counted from a landmark: "2 doors from the launderette", "next door but one to".
DOORS_FROM = (
    r"(?:\d{1,2}|a|one|two|three|four|five|six|a\s+few|few|a\s+couple(?:\s+of)?|couple(?:\s+of)?)"
    r"\s+doors?\s+(?:(?:down|up|along|away)\s+)?(?:from|to|past|after)"
    r"|next\s+door\s+but\s+(?:one|two)(?:\s+(?:to|from))?"
)
STRONG_LANDMARK = re.compile(
    rf"(?:{bounded(STRONG_PREPOSITIONS)}|{L}(?:{DOORS_FROM}))\s+{ARTICLE}{WHAT}"
)
NEAR_LANDMARK = re.compile(rf"(?<!-){bounded(NEAR_PREPOSITIONS)}\s+{ARTICLE}{WHAT}")
WEAK_LANDMARK = re.compile(rf"{bounded(WEAK_PREPOSITIONS)}\s+{ARTICLE}{WHAT}")
NAMED_PLACE = re.compile(bounded(NAMED_PLACES))
# Place words take their endings in the other languages ("magazinului", "sklepem").
PLACE_NOUN = re.compile(rf"{L}(?:{alternatives(PLACE_NOUNS)})[^\W\d_]{{0,5}}{R}")
# Hungarian, Chinese and Thai put the place before the word for "opposite".
AFTER_THE_PLACE = re.compile(
    r"(?:az?\s+)?(?P<what>[^\s,.]{2,20})\s?(?:-?val szemben|-?vel szemben|szemben|mellett|"
    r"mogott|felett|folott|sarkan)(?:i\s+[^\W\d_]{3,20})?"
    r"|(?P<han>(?:[a-z0-9][\w'&\- ]{0,30}?\s?的\s?)?"
    r"(?:[a-z][\w'&\-]*(?:\s[a-z][\w'&\-]*){0,3}|[\u3400-\u9fffa-z]{2,10}?))"
    r"\s?(?:对面|对过|旁边|边上|后面|后边|楼上|楼下|隔壁|附近|门口)"
    r"(?:[一二三四五六七八九十\d]{1,3}楼)?"
)
# "หลังมือ" is the back of a hand, "หลังจาก" is "after": no landmark.
THAI_LANDMARK = re.compile(
    r"(?:ตึก|อาคาร|บ้าน|คอนโด|หอพัก)?(?:ฝั่งตรงข้าม|ตรงข้าม|ติดกับ|ข้างๆ|ข้าง|ด้านหลัง|หลัง(?!มือ|เท้า|คอ|หู|จาก|เลิก|ตี|เที่ยง)|ชั้นบน|ใกล้|เหนือ)\s?[\u0e00-\u0e7fa-z]{2,15}"
)
# A Chinese address: the street and number, the block (座, 栋), the unit (单元), room (室).
HAN_UNIT = r"(?:\s?[a-z\d一二三四五六七八九十]{1,4}\s?(?:座|栋|幢|单元|室|号楼|号房|楼|层))"
HAN_ADDRESS = re.compile(
    rf"[\u3400-\u9fffa-z]{{1,8}}(?:路|街|道)\d{{1,4}}号?{HAN_UNIT}*|\d{{1,4}}号{HAN_UNIT}+|{HAN_UNIT}+"
    r"|顶楼|地下室"
)
# What continues an address in Chinese after its number: "Cherry Lane 45号B座".
HAN_AFTER = re.compile(rf"\s?号?{HAN_UNIT}*")
THAI_ADDRESS = re.compile(
    r"(?:ถนน|ซอย|บ้านเลขที่)\s?[\u0e00-\u0e7fa-z0-9/]{1,15}"
    r"|(?:ชั้น|ห้อง|ตึก|อาคาร|คอนโด|หอพัก)\s?(?:\d{1,4}[a-z]?|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|บนสุด|ล่าง)"
)
# Which floor, in each language: "2nd floor", "top floor flat", "segundo piso", "etajul 3",
# "drugie piętro", "втори етаж", "második emelet". Not "the floor" (he pushed me to the floor).
FLOORS = [
    # English
    r"(?:ground|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|bottom|"
    r"upper|lower|middle|\d{1,2}(?:st|nd|rd|th)?)\s*-?\s*(?:floor|flr|fl)(?![^\W\d_])"
    r"(?:\s+(?:flat|apartment|room|bedsit|studio|unit|front|back))?",
    r"(?:basement|attic|loft|top|ground)\s+(?:flat|apartment|bedsit|studio)(?![^\W\d_])",
    r"floor\s+(?:\d{1,2}|one|two|three|four|five|six)(?![\d:])",
    # Spanish, Portuguese
    r"(?:primer|primero|segundo|tercer|tercero|cuarto|quinto|sexto|septimo|octavo|ultimo|"
    r"\d{1,2}\s?(?:o|°|er|do|nd|a)?)\s+(?:piso|planta|andar)(?![^\W\d_])",
    r"(?:primera|segunda|tercera|cuarta|quinta|ultima)\s+planta",
    r"(?:primeiro|terceiro|ultimo)\s+andar",
    r"(?:planta|piso)\s+(?:baja|\d{1,2}(?:o|°)?(?:\s?[a-z])?)(?![^\W\d_])",
    r"res[\s-]do[\s-]chao",
    # Romanian
    r"etaj(?:ul)?\s+(?:\d{1,2}|unu|doi|trei|patru|cinci|sase|sapte|opt|noua|zece)(?![^\W\d_])",
    r"(?:primul|ultimul|al\s+(?:doilea|treilea|patrulea|cincilea|saselea|saptelea))\s+etaj\w{0,2}",
    # Polish
    r"(?:pierwsz|drug|trzec|czwart|piat|szost|ostatn|najwyzsz)[a-z]{1,3}\s+pietr[a-z]{1,3}",
    r"pietr(?:o|ze)\s+\d{1,2}",
    # Bulgarian
    r"(?:първи|втори|трети|четвърти|пети|шести|последни|горни|приземни)[а-я]{0,3}\s+етаж[а-я]{0,3}",
    r"етаж\s+\d{1,2}",
    # Hungarian
    r"(?:elso|masodik|harmadik|negyedik|otodik|hatodik|legfelso|felso|\d{1,2}\.)\s*emelet[a-z]{0,4}",
    r"foldszint[a-z]{0,4}",
    # Romanian, Polish: the ground floor
    r"parter(?:ul|ze|u)?(?![^\W\d_])",
]
FLOOR = re.compile(rf"{L}(?:{'|'.join(FLOORS)})")
# A door told by what it has: "the house with the blue door", "the one with the caravan on
# the drive", "the flat with the broken gate". What a neighbour would know the door by.
DOOR_FEATURES = [
    "door", "front door", "gate", "fence", "hedge", "garden", "drive", "driveway", "porch",
    "window", "windows", "shutters", "caravan", "boat", "trampoline", "flag", "flags",
    "satellite dish", "scaffolding", "balcony", "railings", "conservatory", "extension", "tree",
    "bins", "sign", "shed", "roof", "steps", "ramp", "garage", "hanging baskets", "gnomes",
    "skip", "solar panels", "wheelchair ramp", "bars", "grille", "cladding", "awning",
]  # fmt: skip
DESCRIBED_DOOR = re.compile(
    r"(?<![^\W\d_])(?:the|a|an)\s+(?:one|house|home|flat|place|building|bungalow|cottage|"
    r"terrace|semi|end house|end terrace|block|door|maisonette)\s+(?:with|that\s+has)\s+"
    r"(?:the|a|an|its|some|two|three)?\s*(?:[^\W\d_]+\s+){0,2}?"
    rf"(?:{alternatives(DOOR_FEATURES)})(?![^\W\d_])"
    r"(?:\s+(?:on|in|at|outside|by)\s+(?:the|its)\s+(?:drive|driveway|front|garden|yard|"
    r"window|roof|porch|side|back))?"
)
# Before an address: where the door is said to be ("near", "pe", "at the back of").
LOCATIVE = (
    r"(?:near|by|at|in|on|off|opposite|outside|next to|behind|above|below|from|to|pe|la|na|em|"
    r"en|no|do|da|w|we|przy|в|на|de pe|din|de)"
)
BEFORE_ADDRESS = re.compile(
    rf"{L}(?:(?:just|right|directly|straight|immediately)\s+)?"
    rf"(?:{LOCATIVE}|(?:the|a|an|az)(?:\s+[^\W\d_]+){{0,2}}|just|right|directly|straight)\s+$"
)
AFTER_ADDRESS = re.compile(rf"\s+(?:{LOCATIVE}|with(?=\s+the\s)|wi(?=\s+the\s))\s+")
# "the door between the nail bar and the Chinese takeaway": a door between two places.
BETWEEN_PLACES = re.compile(
    r"(?<![^\W_])(?:between|intre|entre|miedzy|между)\s+(?:the\s+|a\s+)?(?P<one>[\w'’&\-]+(?:\s+[\w'’&\-]+){0,3}?)"
    r"\s+(?:and|&|si|e|y|i|и)\s+(?:the\s+|a\s+)?(?P<two>[\w'’&\-]+(?:\s+[\w'’&\-]+){0,3})"
)
STREET_AFTER = re.compile(rf"\s+{STREET}\.?")
# What an address is part of, after it ("12 Pennant Brook caravan park").
SITE_WORDS = [
    "caravan park", "caravan site", "holiday park", "mobile home park", "park homes",
    "industrial estate", "trading estate", "business park", "retail park", "estate", "flats",
    "apartments", "tower", "towers", "house", "court", "buildings", "mansions", "marina",
    "point", "halls", "chambers", "residence", "heights", "block",
]  # fmt: skip
# With its name between ("unit 4 brunswick business park", "flat 12, Carlton House").
SITE_AFTER = re.compile(
    rf",?(?P<name>(?:\s+{NAME_WORD}){{0,3}}?)\s+(?:{alternatives(SITE_WORDS)}){R}"
)
# A postcode's outward code (or the whole) right after an address, or after a comma
# following one: "14 wimbrel close SS2", "112 Lyndhurst Road, PE1", "Kestrel Row PE21".
# (A town may stand between: "8 Crescent Villas, Luton LU2 7ZZ".)
POSTCODE_AFTER = re.compile(
    rf",?\s+(?:[a-z][a-z'\-]+(?:\s+[a-z][a-z'\-]+)?,?\s+)?(?P<code>(?P<area>[a-z]{{1,2}})\d{{1,2}}[a-z]?(?:\s?\d(?:[a-z]{{2}})?)?){R}"
)
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
    spans = sorted((widened(text, span) for span in details(text, facts)), key=start_first)
    yield from joined(text, spans)


def start_first(span: Span) -> tuple[int, int]:
    return span.start, -span.end


# Only spaces or a comma between two pieces of an address: one address ("Flat 3, 14 Tannery
# Row", "27 de Hollin Street, segundo piso", "the blue door on Ash Terrace, 2 doors from …").
BETWEEN_PIECES = re.compile(r"\s*,?\s*")


def joined(text: Text, spans: list[Span]) -> list[Span]:
    """Pieces of one address as one span: no comma of it is left between two flags, and no
    flag of another kind ("an Airbnb, Flat") takes half of it."""
    found: list[Span] = []
    for span in spans:
        last = found[-1] if found else None
        if last and (
            span.start <= last.end or BETWEEN_PIECES.fullmatch(text.original[last.end : span.start])
        ):
            found[-1] = Span(last.start, max(last.end, span.end), KIND, last.rule)
        else:
            found.append(span)
    return found


def details(text: Text, facts: Facts) -> Iterator[Span]:
    yield from numbered_streets(text)
    yield from streets_named_after(text)
    for match in POSTCODE.finditer(text.folded):
        if match.group("area") in POSTCODE_AREAS:  # "O77OO 9OO" is his number, "O" no area
            yield Span(match.start(), match.end(), KIND, "postcode")
    for match in NUMBERED.finditer(text.folded):
        if not is_a_quantity(text, match):
            yield Span(match.start(), match.end(), KIND, "flat or unit")
    yield from streets(text, facts)
    yield from one_word_streets(text, facts)
    yield from buildings(text, facts)
    yield from flats_and_estates(text, facts)
    yield from outward_codes(text)
    yield from landmarks(text, facts)
    for match in FLOOR.finditer(text.folded):
        yield Span(match.start(), match.end(), KIND, "floor")
    for match in DESCRIBED_DOOR.finditer(text.folded):
        yield Span(match.start(), match.end(), KIND, "door")
    for pattern in (AFTER_THE_PLACE, THAI_LANDMARK, HAN_ADDRESS, THAI_ADDRESS):
        for match in pattern.finditer(text.folded):
            yield Span(match.start(), match.end(), KIND, "landmark")


def widened(text: Text, span: Span) -> Span:
    """The address as a person says it: with "near" or "the alley" before it, and with what
    places it further after it ("unit 4 on the industrial estate")."""
    start, end = noun_phrase_start(text, span), span.end
    before = (BEFORE_ADDRESS if start == span.start else LOCATIVE_BEFORE).search(
        text.folded[max(0, start - 25) : start]
    )
    if before:
        start -= len(before.group())
    if street := STREET_AFTER.match(text.folded, end):
        end = street.end()
    end = site_after(text, end)
    if code := postcode_after(text, end):
        end = code
    if HAN.search(text.folded[end : end + 1]) and (han := HAN_AFTER.match(text.folded, end)):
        end = han.end()
    end = junction_after(text, end)
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


JUNCTION = re.compile(r"\s+(?:and|&|/|x|with|si|e|y|i|и|es)\s+")


def junction_after(text: Text, end: int) -> int:
    """A corner is two streets: "the corner of Stafford street and hope lane"."""
    joined = JUNCTION.match(text.folded, end)
    if joined is None:
        return end
    street = STREET_NAMED.match(text.folded, joined.end())
    if street is None:
        return end
    words = WORD.findall(street.group("name"))
    if not words or any(word in GENERIC for word in words):
        return end  # "… and the main road": not a second street's name
    return street.end()


def site_after(text: Text, end: int) -> int:
    """The end of the building or site named right after an address ("unit 4 brunswick
    business park", "flat 12, Carlton House"), when its name is a name."""
    site = SITE_AFTER.match(text.folded, end)
    if site is None:
        return end
    words = WORD.findall(site.group("name"))
    if any(word in GENERIC or word in COMMON_WORDS or word in NOT_IN_A_NAME for word in words):
        return end
    return site.end()


LOCATIVE_BEFORE = re.compile(rf"{L}{LOCATIVE}\s+$")
# Any word or number, for reading a noun phrase back from an address.
TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# What begins the noun phrase of a door: "the end house", "my flat", "no 56", "el 4A".
DETERMINER_WORDS = [
    "the", "a", "an", "my", "our", "her", "this", "that", "no", "number", "nr", "el", "la", "los",
    "las", "lo", "o", "os", "um", "uma", "un", "una", "al", "tha", "da",
]  # fmt: skip
DETERMINERS = frozenset(DETERMINER_WORDS)
# Hers: nothing of the phrase comes before ("her flat", "my room").
OWNERS = frozenset(["my", "our", "her"])
# Inside a noun phrase ("the top floor of the block", "the house with the blue door").
WITHIN = frozenset(["of", "with", "de", "del", "do", "da"])
# Where, as one word, in each language: what stands between a door and its street.
LOCATIVE_WORDS = [
    "near", "nr", "by", "at", "in", "on", "off", "opposite", "outside", "behind", "above", "below",
    "from", "to", "along", "into", "onto", "past", "round", "around", "beside", "under", "over",
    "pe", "la", "na", "em", "en", "no", "do", "da", "w", "we", "przy", "obok", "kolo", "nad", "pod",
    "za", "z", "ze", "в", "на", "до", "при", "зад", "над", "под", "срещу", "din", "de", "langa",
    "sub",
]  # fmt: skip
LOCATIVES = frozenset(LOCATIVE_WORDS)
# Words that end the phrase going back: people, what they did, joining words.
NOT_IN_A_NAME_WORDS = [
    "i", "me", "he", "him", "his", "she", "it", "its", "we", "us", "they", "them", "their", "you",
    "your", "mine", "yours", "hers", "ours", "theirs", "who", "which", "where", "when", "what",
    "is", "was", "were", "are", "be", "been", "am", "has", "had", "have", "did", "does", "got",
    "get", "gets", "take", "took", "taken", "came", "come", "comes", "went", "go", "goes", "drove",
    "walked", "walk", "met", "meet", "said", "say", "says", "told", "tell", "lives",
    "live", "lived", "living", "work", "works", "worked", "working", "stay", "stays", "stayed",
    "staying", "sleep", "sleeps", "slept", "left", "leave", "picked", "pick", "dropped", "drop",
    "pushed", "hit", "kicked", "punched", "grabbed", "waited", "wait", "waits", "stood", "stand",
    "stands", "sat", "sit", "saw", "see", "seen", "knows", "know", "knew", "found", "find",
    "followed", "follow", "brought", "bring", "asked", "ask", "paid", "pay", "booked", "book",
    "parked", "rang", "called", "call", "and", "but", "or", "so", "then", "because", "cos", "if",
    "while", "after", "before", "until", "to", "into", "onto", "from", "for", "about", "at", "on",
    "in", "by", "near", "off", "up", "down", "over", "under", "along", "past", "around", "round",
    "behind", "above", "below", "outside", "inside", "opposite", "beside", "through", "towards",
    "toward", "via", "per",
]  # fmt: skip
NOT_IN_A_NAME = frozenset(NOT_IN_A_NAME_WORDS)
# What a door is, in English: it needs "the", "a" or "my" before it ("the end house").
DOOR_HEADS = [
    "house", "home", "door", "doorway", "floor", "block", "flat", "end", "top", "bottom",
    "corner", "building", "cul de sac", "cul-de-sac", "sac", "hall", "shop", "room", "bedsit",
    "basement", "garage", "yard", "entrance", "stairs", "stairwell", "staircase", "estate",
    "unit", "bungalow", "cottage", "maisonette", "studio", "apartment", "annex", "annexe",
    "porch", "gate", "alley", "alleyway", "back", "rear", "terrace", "semi", "tower", "lodge",
    "hostel", "refuge", "caravan", "houseboat", "mobile home", "chalet", "cabin", "attic",
    "loft", "cellar", "landing", "ginnel", "snicket", "passage", "courtyard", "car park",
    "carpark", "parking", "drive", "driveway", "lock-up", "lockup", "bench", "shelter",
    "box", "phone box", "phonebox", "telephone box", "lay-by", "layby", "post box", "postbox",
    "lamp post", "bins", "garages", "steps", "underpass", "wall", "fence", "bus shelter",
]  # fmt: skip
DOOR_HEAD = re.compile(rf"(?:{alternatives(DOOR_HEADS + PLACE_NOUNS)})(?:s|es)?")
# In the other languages a place word begins the phrase itself ("на паркинга зад …").
ABROAD_HEAD = re.compile(rf"(?:{alternatives(PLACE_NOUNS_ABROAD + ABROAD_DOORS)})[^\W\d_]{{0,5}}")
# An address or landmark that begins with where: "behind the Co-op", "the end of Kirby St".
BEGINS_WITH_WHERE = re.compile(
    rf"(?:{bounded(STRONG_PREPOSITIONS + NEAR_PREPOSITIONS + WEAK_PREPOSITIONS)}|{L}{LOCATIVE}"
    rf"|{L}(?:{DOORS_FROM}))(?![^\W\d_])"
)


NUMBER_CUE_BEFORE = re.compile(r"(?<![^\W\d_])(?:no|nr|num|n)\.\s*$")


def noun_phrase_start(text: Text, span: Span) -> int:
    """Where the phrase that pins the door begins, read back from an address: "the top floor
    of the block on Tenyson Road", "the end house in Bassett Close", "no 56 on Friargate",
    "на паркинга зад пералнята". A street alone is a whole street; with "the end house" before
    it, it is a door. The phrase holds a word for a door or a place, begins with "the", "a",
    "my" or "no." (or, in the languages without articles, with the place word), and stops at a
    person, a verb or the clause's end."""
    start = span.start
    clause = text.clause_start(start, limit=80)
    if number := NUMBER_CUE_BEFORE.search(text.folded, max(0, clause - 8), clause):
        clause = number.start()  # "no. 14 on Westgate": that point ends no clause
    tokens = list(TOKEN.finditer(text.folded, clause, start))
    if tokens and text.folded[tokens[-1].end() : start].strip():
        return start
    where = bool(BEGINS_WITH_WHERE.match(text.folded, start))
    if tokens and (tokens[-1].group() in LOCATIVES):
        tokens = tokens[:-1]
    elif not where:
        return start
    best, head = start, False
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 10), -1):
        word = tokens[i].group()
        if word in DETERMINERS:
            if head:
                best = tokens[i].start()
            if word in OWNERS:
                break
            continue
        if word in NOT_IN_A_NAME or (word in LOCATIVES and word not in WITHIN):
            break
        if word in WITHIN:
            continue
        if DOOR_HEAD.fullmatch(word) or (
            any(c.isdigit() for c in word) and i > 0 and tokens[i - 1].group() in DETERMINERS
        ):
            head = True
        elif ABROAD_HEAD.fullmatch(word):
            head, best = True, tokens[i].start()
    return best


def postcode_after(text: Text, end: int) -> int | None:
    """The end of a postcode or its outward code written right after an address."""
    after = POSTCODE_AFTER.match(text.folded, end)
    if after is None:
        return None
    code = text.original[after.start("code") : after.end("code")]
    if not (code.isupper() or POSTCODE.fullmatch(after.group("code"))):
        return None
    if after.group("area") not in POSTCODE_AREAS:
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


# Generic before a street word, but with a house number a street's name ("114 High St",
# "2 Back Lane", "37 Old Road").
NAMES_A_STREET = frozenset(
    ["high", "main", "old", "new", "little", "back", "low", "long", "side", "ring", "first"]
)


def numbered_streets(text: Text) -> Iterator[Span]:
    for match in NUMBERED_STREET.finditer(text.folded):
        words = list(WORD.finditer(text.folded, match.start("name"), match.end("name")))
        if COUNTED.match(text.folded, match.start("name") - 1):
            continue  # "20 quid each way", "10 mins walk"
        if words and not any(
            word.group() in GENERIC and word.group() not in NAMES_A_STREET for word in words
        ):
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
    """A postcode's outward code, with its sector's digit when given ("M14 5", "ls11 6"): of
    a real postcode area, and said to be a place ("in LS11", "ng7 area") unless the sector
    digit shows it. A one-letter area ("M14") needs its capital, and "M6" is the motorway."""
    for match in OUTWARD.finditer(text.folded):
        code, area, sector = match.group("code"), match.group("area"), match.group("sector")
        written = text.original[match.start() : match.end("code")]
        if area not in POSTCODE_AREAS or (code in TEXT_SPEAK and written.islower()):
            continue
        end = match.end()
        if sector and (COUNTED.match(text.folded, end) or MILES.match(text.folded, end)):
            sector, end = None, match.end("code")  # "M6 5 miles", "ls11 2 times"
        before = text.folded[max(0, match.start() - 20) : match.start()]
        said = OUTWARD_BEFORE.search(before) or OUTWARD_AFTER.match(text.folded, end)
        after_a_name = re.search(r"[A-Z][a-z]+,?\s+$", text.original[: match.start()][-25:])
        if len(area) == 1:
            named = re.search(r"(?:postcode|post code|area)[\s:,]+$", before)
            if not written[:1].isupper() or (MOTORWAY_LIKE.fullmatch(code) and not named):
                continue
            if re.search(r"(?:the|junction|j)\s+$", before) or not (said or sector):
                continue
        elif not (said or sector or (after_a_name and written.isupper())):
            continue
        yield Span(match.start(), end, KIND, "postcode")


# One-word streets: "on Friargate", "off Kirkgate", "56 Eastway", "up Highfield".
ONE_WORD_STREET = re.compile(
    rf"{L}(?:(?:on|off|along|down|up|onto|via|past|into)\s+|(?P<n>{HOUSE_NUMBER})\s+)"
    r"(?P<name>[^\W\d_]{3,}(?:gate|way|field|fields|side|bank|hill|croft|dale|brow|garth|wynd|"
    r"green))(?![^\W\d_])"
)
# Words with a street's ending that are no street ("anyway", "the railway", "outside").
NOT_STREET_WORDS = [
    "anyway", "someway", "highway", "motorway", "doorway", "gateway", "railway", "subway",
    "hallway", "stairway", "walkway", "driveway", "alleyway", "pathway", "runway", "freeway",
    "halfway", "midway", "underway", "carriageway", "expressway", "throughway", "everyway", "noway",
    "faraway", "getaway", "giveaway", "takeaway", "breakaway", "runaway", "stowaway", "outside",
    "inside", "beside", "seaside", "roadside", "bedside", "kerbside", "curbside", "upside",
    "downside", "riverside", "countryside", "backside", "topside", "offside", "aside", "poolside",
    "fireside", "wayside", "lakeside", "nearside", "ringside", "trackside", "flipside", "broadside",
    "tyneside", "teesside", "wearside", "deeside", "merseyside", "humberside", "battlefield",
    "minefield", "airfield", "oilfield", "outfield", "infield", "cornfield", "tailgate",
    "floodgate", "investigate", "navigate", "aggregate", "delegate", "irrigate", "mitigate",
    "segregate", "congregate", "instigate", "propagate", "interrogate", "litigate", "surrogate",
    "negate", "frigate", "riverbank", "sandbank", "foodbank", "databank", "piggybank", "anthill",
    "downhill", "uphill", "molehill", "foothill", "evergreen", "sheffield", "huddersfield",
    "wakefield", "mansfield", "chesterfield", "macclesfield", "lichfield", "harrogate", "margate",
    "ramsgate", "rochdale",
]  # fmt: skip
NOT_ONE_WORD_STREETS = frozenset(NOT_STREET_WORDS)


def one_word_streets(text: Text, facts: Facts) -> Iterator[Span]:
    """A street written as one word: capitalised after "on", "off" or "along", or after a
    house number in any case ("no 56 on Friargate", "12 eastway"). A town is not a street."""
    for match in ONE_WORD_STREET.finditer(text.folded):
        name = match.group("name")
        if name in NOT_ONE_WORD_STREETS or name in facts.place_words or name in COMMON_WORDS:
            continue
        if match.group("n") and COUNTED.match(text.folded, match.end("n")):
            continue
        if match.group("n") or text.is_capitalised(match.start("name")):
            start = match.start("n") if match.group("n") else match.start("name")
            yield Span(start, match.end(), KIND, "street")


# Named buildings: "Tennyson Tower", "Hollybank Court", "Kestrel Point" (as a name). A named
# "House" alone is as often the flat the girls work from (a venue); after a flat's number it
# is the building ("flat 12, Carlton House", `SITE_AFTER`).
BUILDING_WORDS = [
    "tower", "towers", "point", "apartments", "flats", "chambers",
    "halls", "residence", "court", "heights", "mansions", "buildings", "block",
]  # fmt: skip
# A flat in a named building, in the languages that say the building after: "el 5C del
# edificio Marlin House", "o 3B do prédio Atlântico", "apartamentul 4 din blocul Rapsodia".
FLAT_IN_BUILDING = re.compile(
    r"(?<![^\W_])(?:(?:el|la|o|a|nr\.?|no\.?|apartamentul|apartamento|piso|mieszkanie)\s+)?"
    r"\d{1,4}[a-z]?\s+(?:del?|do|da|din|w|в)\s+(?:edificio|bloque|portal|predio|bloco|blocul|"
    r"cladirea|budynku|bloku|блок|сграда)\s+[^\W\d_][\w'\-]*(?:\s+[^\W\d_][\w'\-]*){0,2}"
)
# A named estate in any case: "i live on the larkspur estate" (not "the council estate").
NAMED_ESTATE = re.compile(
    r"(?<![^\W_])(?:on|off|near|from|in|at|round)\s+the\s+(?P<name>[^\W\d_]{3,}(?:\s+[^\W\d_]{3,})?)"
    r"\s+estate(?![^\W_])"
)
GENERIC_ESTATES = frozenset(
    ["council", "housing", "industrial", "trading", "business", "retail", "new", "old", "big",
     "same", "whole", "local", "rough", "posh", "private", "other", "next", "caravan"]
)  # fmt: skip
BUILDING = re.compile(
    rf"(?P<name>(?:{NAME_WORD}\s+){{1,3}})(?:{alternatives(BUILDING_WORDS)})(?![^\W\d_])"
)


def between_places(text: Text) -> Iterator[Span]:
    for match in BETWEEN_PLACES.finditer(text.folded):
        two = match.group("two")
        places = [m.end() for p in (NAMED_PLACE, PLACE_NOUN) for m in p.finditer(two)]
        if places and (
            PLACE_NOUN.search(match.group("one")) or NAMED_PLACE.search(match.group("one"))
        ):
            yield Span(match.start(), match.start("two") + max(places), KIND, "landmark")


def flats_and_estates(text: Text, facts: Facts) -> Iterator[Span]:
    yield from between_places(text)
    for match in FLAT_IN_BUILDING.finditer(text.folded):
        yield Span(match.start(), match.end(), KIND, "flat or unit")
    for match in NAMED_ESTATE.finditer(text.folded):
        words = match.group("name").split()
        if not any(
            w in GENERIC_ESTATES or w in COMMON_WORDS or w in facts.place_words for w in words
        ):
            yield Span(match.start(), match.end(), KIND, "street")


def buildings(text: Text, facts: Facts) -> Iterator[Span]:
    """A building by its name, written as a name ("Carlton House", not "his house")."""
    for match in BUILDING.finditer(text.folded):
        named = name_words(text, match)
        last = match.end() - len(match.group().split()[-1])
        if not named or not is_title(text, named) or not text.is_capitalised(last):
            continue
        if any(word.group() in NOT_IN_A_NAME or word.group() in CALENDAR for word in named):
            continue
        if any(word.group() in facts.place_words for word in named):
            continue  # "Blackpool Tower": coarse
        yield Span(named[0].start(), match.end(), KIND, "building")


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


# After a place word, what makes it no place: "bank transfer", "card", "holiday".
NOT_A_PLACE_AFTER = re.compile(
    r"\s+(?:transfer|card|account|details|app|holiday|statement|loan|and ride|ticket|fare)"
    r"(?![^\W_])"
)


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
    if NOT_A_PLACE_AFTER.match(text.folded, end):
        return None  # "pay by bank transfer", "by park and ride"
    of = OF_WHAT.match(text.folded, end)
    if of and not text.is_capitalised(of.start("of")):
        end = of.end()  # "el almacén de muebles", "o posto de gasolina"
    return end


# What a place noun is of, in the languages that say it after: "almacén de muebles".
OF_WHAT = re.compile(r"\s+(?:de|do|da|dos|das)\s+(?!la\b|el\b|los\b|las\b)(?P<of>[^\W\d_]{3,})")
