"""Her name: the reporter's working or account name, a name she gives in the first person in
any of the community languages ("I'm Jade", "mă numesc Ioana", "我叫小美"), a signed-off name,
and the names of colleagues. Never his: the names he used (the report's perpetrator names, or
"his name was Dave") are left alone, since flagging them teaches moderators to click through.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redbrolly.alerts.detect.facts import Facts
from redbrolly.alerts.detect.lexicon import (
    COMMON_WORDS,
    NATIONALITIES,
    first_names,
    is_first_name,
    may_be_a_womans_name,
)
from redbrolly.alerts.detect.text import HAN, WORD, Span, Text, bounded, fold

KIND = "name"

# After these, the next word is a name ("my name is Jade", "call me Roxy").
STRONG = [
    "my name is", "my names", "my name's", "my name", "my working name is", "my working name",
    "my work name is", "my name on the site is", "call me", "they call me", "people call me",
    "everyone calls me", "clients call me", "i go by", "i work under the name",
    "i'm called", "im called", "i am called", "i'm known as", "im known as", "it's me", "its me",
    "ma numesc", "numele meu e", "numele meu este", "numele meu", "ma cheama", "imi zice",
    "imi zicem", "imi ziceti", "imi spune", "imi spun",
    "meu nome e", "meu nome", "me chamo", "me chamam de", "me chamam", "pode me chamar de",
    "podem me chamar de", "me chama de", "me llamo", "mi nombre es", "me dicen", "me llaman",
    "mam na imie", "nazywam sie", "z tej strony", "mowia na mnie", "mow mi", "mowcie mi",
    "казвам се", "името ми е", "името ми", "викат ми", "наричат ме", "аз се казвам",
    "a nevem", "nevem", "szolits", "hivj",
    # What they know her as: "at the sauna they know me as Kati".
    "know me as", "knows me as", "they know me as", "known to them as", "ma stiu ca",
    "ma stiu drept", "ma cunosc ca", "me conhecem como", "me conhecem por", "me conocen como",
    "znaja mnie jako", "znaja mnie jako", "ме знаят като", "знаят ме като", "ме познават като",
    "познават ме като", "ismernek mint", "ugy ismernek",
]  # fmt: skip
# After these the next word is a name only when it looks like one ("I'm Jade", not "I'm new").
WEAK = [
    "i'm", "im", "i am", "iam", "this is", "i work as", "i work under", "sunt", "eu sunt",
    "aici e", "sou", "eu sou", "sou a", "eu sou a", "aqui e", "aqui e a", "soy", "yo soy",
    "soy la", "yo soy la", "aqui", "aqui es", "jestem", "tu", "аз съм", "съм", "its", "it's",
    "it is", "hi its", "hi it's", "hey its", "hello its",
    # What he called her, and who he asked for: her working name.
    "calling me", "called me", "call me by", "kept calling me", "he asked for", "asked for",
    "asking for", "ask for", "booked", "known as", "i advertise as", "advertise as",
    "i use the name", "i use", "under the name", "as in", "ma striga", "m-a strigat",
    "me chamava de", "me chamou de", "me llamaba", "me llamo", "wolal na mnie", "nazywal mnie",
    "ме наричаше", "викаше ми",
]  # fmt: skip
# Someone she works with ("my mate Lucy", "prietena mea Andreea").
COLLEAGUE = [
    "my friend", "my mate", "my colleague", "my workmate", "my flatmate", "my maid",
    "my receptionist", "my sister", "my cousin", "my girlfriend", "my partner", "my best friend",
    "my bestie", "my bff", "the other girl", "another girl", "the new girl", "other girl",
    "a girl called", "a girl named", "girl called", "girl named", "a woman called",
    "a lady called", "her name is", "her names", "her name's", "her name was", "she's called",
    "she is called", "the maid", "the receptionist", "me and", "my roommate", "my housemate",
    "prietena mea", "colega mea", "o colega", "fata pe nume", "o fata pe nume", "sora mea",
    "minha amiga", "minha colega", "uma menina chamada", "uma amiga", "a outra menina",
    "mi amiga", "mi companera", "una chica llamada", "otra chica", "mi hermana",
    "moja kolezanka", "moja przyjaciolka", "kolezanka", "przyjaciolka", "druga dziewczyna",
    "приятелката ми", "колежката ми", "приятелка ми", "другото момиче",
    "a baratnom", "a kolleganom", "baratnom", "a masik lany",
]  # fmt: skip
# After these, the name is his (left alone, and left alone elsewhere in the text).
HIS = [
    "his name is", "his name was", "his names", "his name's", "he said he was",
    "he said his name was", "he called himself", "called himself", "calls himself", "goes by",
    "a guy called", "a man called", "a bloke called", "a man named", "a guy named",
    "he's called", "he is called", "said he's", "said he is", "said hes", "says hes",
    "says he is", "known to us as", "he goes by", "names used", "il cheama", "numele lui e",
    "numele lui este", "numele lui", "zice ca il cheama", "un tip pe nume", "un barbat pe nume",
    "o nome dele e", "ele se chama", "se chamava", "disse que se chamava", "um cara chamado",
    "se llama", "se llamaba", "dijo que se llamaba", "un tipo llamado", "nazywa sie",
    "ma na imie", "przedstawil sie jako", "jego imie", "se hace llamar", "se hacia llamar",
    "dice llamarse", "dijo llamarse", "se apresentou como", "se diz", "isi zice", "isi spune",
    "si-a zis", "mowi na siebie", "нарича се", "представя се като", "magat", "mondta, hogy",
    "казва се", "каза че се казва",
    "името му е", "представи се като", "a neve", "hivjak", "ugy hivjak",
]  # fmt: skip
# Words after a cue that are not names.
# Words of the community languages that are also names in the list ("Ela" is "she").
_ALSO = "ela ele elas eles marca manda mira cara casa linda gata nina para pero como todo nada "
ALSO_WORDS = frozenset(
    f"{_ALSO}toda tiene tem viu disse mas mais man ama dana ina iza lia ada este esta se suna zice "
    "spune vine cere pleaca".split()
)
NOT_NAMES = (
    COMMON_WORDS
    | ALSO_WORDS
    | {
        fold(word)
        for word in [
            "back",
            "later",
            "tomorrow",
            "asap",
            "anytime",
            "babe",
            "baby",
            "hun",
            "darling",
            "sweetie",
            "please",
            "whenever",
            "din",
            "de",
            "la",
            "in",
            "o",
            "un",
            "una",
            "uma",
            "foarte",
            "aici",
            "acasa",
            "singura",
            "singur",
            "sigura",
            "speriata",
            "bine",
            "femeie",
            "fata",
            "eu",
            "nu",
            "si",
            "ca",
            "cu",
            "pe",
            "da",
            "mai",
            "tot",
            "deja",
            "doar",
            "de",
            "da",
            "do",
            "na",
            "no",
            "em",
            "um",
            "uma",
            "muito",
            "aqui",
            "sozinha",
            "gravida",
            "nova",
            "brasileira",
            "so",
            "mas",
            "del",
            "el",
            "en",
            "muy",
            "sola",
            "nueva",
            "embarazada",
            "aqui",
            "ya",
            "no",
            "que",
            "z",
            "w",
            "na",
            "nie",
            "tu",
            "sama",
            "nowa",
            "bardzo",
            "juz",
            "tylko",
            "от",
            "в",
            "на",
            "не",
            "тук",
            "сама",
            "нова",
            "много",
            "бременна",
            "egy",
            "nem",
            "itt",
            "most",
            "is",
        ]
    }
    | {fold(word) for word in NATIONALITIES}
)

HAN_STRONG = (
    "我的中文名是|我的中文名叫|我的中文名|中文名字叫|中文名字是|中文名叫|中文名是|中文名|英文名叫|英文名是|英文名|我的艺名是|艺名叫|"
    "艺名是|艺名|花名是|花名|我叫|叫我|我的名字是|我的名字叫|我名字叫|我名叫|本人叫|我的名字|我是"
)
HAN_COLLEAGUE = (
    "我的朋友|我朋友|我的姐妹|我姐妹|我同事|我的同事|另一个女孩|我的好朋友|她的朋友|她朋友|她的姐妹|"
    "她同事|我和同事|我跟同事|同事|我和|我跟|朋友|姐妹"
)
HAN_HIS = "他叫|他说他叫|他的名字是|他的名字叫|他自称|他说他是"
HAN_STOP = set(
    "的在和是住从来今昨了被他她我你中个女人，。！？、 ,.!?在做也都就说一起还跟又才去那这哪里家边们"
    "遇碰见看知听有没要会让给打"
)
# Thai often leaves out "I": a bare "ชื่อ" ("name") is hers unless he is who it is said of.
THAI_STRONG = "ดิฉันชื่อ|ฉันชื่อ|หนูชื่อ|ผมชื่อ|เราชื่อ|ชื่อของฉันคือ|ชื่อเล่น|เรียกฉันว่า|เรียกหนูว่า|ฉันคือ|หนูคือ|ชื่อ"
THAI_HIS_BEFORE = re.compile(r"(?:เขา|เค้า|มัน|ลูกค้า|ผู้ชาย|คนนั้น|แขก)[^\s.,!?]{0,6}$")
THAI_COLLEAGUE = "เพื่อนของฉันชื่อ|เพื่อนฉันชื่อ|เพื่อนหนูชื่อ|เพื่อนชื่อ|เพื่อนร่วมงานชื่อ"
THAI_HIS = "เขาชื่อ|มันชื่อ|ผู้ชายชื่อ|ลูกค้าชื่อ|เค้าชื่อ"
THAI_PARTICLES = "ค่ะ|คะ|ครับ|นะ|จ้ะ|จ้า|เอง|และ|ทำงาน|อยู่|เป็น|มา|ที่|ได้|แล้ว|กับ|จาก"
THANKS = (
    "thanks|thank you|thanx|thx|ty|cheers|love|luv|lots of love|regards|from|sincerely|"
    "multumesc|mersi|pupici|obrigada|beijos|bjs|gracias|besos|saludos|dziekuje|pozdrawiam|"
    "buziaki|благодаря|поздрави|целувки|koszonom|koszi|puszi|udv"
)


def cue(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(rf"{bounded(phrases)}\s*[,:\-–]?\s*")


STRONG_CUE, WEAK_CUE, COLLEAGUE_CUE, HIS_CUE = map(cue, (STRONG, WEAK, COLLEAGUE, HIS))
HAN_NAME = re.compile(
    rf"(?P<cue>{HAN_STRONG}|{HAN_COLLEAGUE}|{HAN_HIS})\s*(?P<name>[A-Za-z]+|[\u3400-\u9fff]{{1,3}})"
)
# "มิวเองค่ะ": "it's Mew", at the start of the text.
THAI_ITS_ME = re.compile(r"^\s*(?P<name>[\u0e00-\u0e7f]{2,8}?)เอง(?:ค่ะ|คะ|นะ|จ้า|ครับ)?")
THAI_NAME = re.compile(
    rf"(?P<cue>{THAI_STRONG}|{THAI_COLLEAGUE}|{THAI_HIS})\s*"
    rf"(?P<name>[A-Za-z]+|[\u0e00-\u0e7f]+?)(?={THAI_PARTICLES}|[\s.,!?]|$|[A-Za-z0-9])"
)
# Hungarian puts the name first: "Eszter vagyok", "Nórának hívnak".
HU_NAME_FIRST = re.compile(
    r"(?<![^\W\d_])(?P<name>[^\W\d_]{2,}?)(?P<suffix>(?:-?n[ae]k)?)\s+(?:hivnak|hivjanak|vagyok)\b"
)
# "names Bella", "Kayla here," at the start of the text or of a sentence.
OPENING = re.compile(
    r"(?:^|[.!?\n]\s*)(?:(?:hi|hey|hello|hiya|hii+)[,!\s]+)?(?:names?|name's|name is)\s+"
    r"(?P<name>[^\W\d_]{2,})|(?:^|[.!?\n]\s*)(?:(?:hi|hey|hello|hiya|hii+)[,!\s]+)?"
    r"(?:(?:it's|its|it is)\s+)?(?P<here>[^\W\d_]{2,})\s+here\b"
    r"|(?<![^\W_])(?:it's|its|it is)\s+(?P<its>[^\W\d_]{2,})\s+here\b"
)
# Another name of hers in brackets after one: "shell here (shelley on the forms)".
ALSO_KNOWN = re.compile(r"(?:\s+here)?,?\s*\((?:aka\s+|or\s+)?(?P<name>[^\W\d_]{2,})(?=[\s)])")
# A Thai colleague by her name with "พี่"/"น้อง": "พี่แหม่มเพื่อนร่วมงาน".
THAI_HONORIFIC = re.compile(
    r"(?:พี่|น้อง)(?P<name>[\u0e00-\u0e7f]{2,6}?)(?=\s?(?:เพื่อน|ก็|ได้|ที่ทำงาน|ไป|มา))"
)
# "สวัสดีค่ะ นกนะคะ": a greeting, then her name with a polite particle.
THAI_GREETING_NAME = re.compile(
    r"สวัสดี(?:ค่ะ|คะ|จ้า|ครับ)?\s*(?:ชื่อ\s?)?(?P<name>[\u0e00-\u0e7f]{1,6}?)(?:เอง)?(?:นะคะ|นะค่ะ|ค่ะ|คะ|จ้า)(?=\s|$)"
)
SIGN_OFF = re.compile(
    rf"(?:^|\n|[.!?]\s*|\s)(?P<lead>(?:{THANKS})[,!.\s]+|[-–—~]+\s*)?"
    r"(?P<name>[^\W\d_]{2,}(?:['’][^\W\d_]+)?)(?:\s*x+)?[\s.!,x~]*$"
)
DASH_NAME = re.compile(r"(?:^|\s)[-–—~]+\s*(?P<name>[^\W\d_]{2,})(?:\s*x+)?\s*(?:\n|$)")
AND_ME = re.compile(
    r"(?P<name>[^\W\d_]{2,})\s+(?:and|&)\s+(?:me|i|myself)\b"
    r"|(?<![^\W_])(?:ja\s+i|eu\s+e\s+a|eu\s+e|yo\s+y|eu\s+si|eu\s+cu|аз\s+и|en\s+es)\s+"
    r"(?P<after>[^\W\d_]{2,})"
)


def bare(word: str) -> str:
    """ "jade's" -> "jade" (possessives and clitics off)."""
    return re.sub(r"['’](?:s|ll|d|re|ve|m)$", "", word)


def find(text: Text, facts: Facts) -> Iterator[Span]:
    his = his_names(text, facts)
    found = [
        *known(text, facts),
        *cued(text, his, facts),
        *signed_off(text, his),
        *written_names(text, his, facts),
        *in_han_or_thai(text, his),
    ]
    found += [*also_known(text, found), *thai_colleagues(text, his)]
    yield from found
    yield from said_again(text, found)


def also_known(text: Text, found: list[Span]) -> Iterator[Span]:
    """ "shell here (shelley on the forms)": a name in brackets right after one of hers."""
    for span in found:
        after = ALSO_KNOWN.match(text.folded, span.end)
        if after and bare(after.group("name")) not in NOT_NAMES:
            yield Span(after.start("name"), after.end("name"), KIND, span.rule)


THAI_NOT_NAMES = frozenset(["ขอบคุณ", "ทุกคน", "เพื่อนๆ", "ทุกท่าน", "พี่ๆ", "น้องๆ", "ขอโทษ"])


def thai_colleagues(text: Text, his: set[str]) -> Iterator[Span]:
    for match in THAI_GREETING_NAME.finditer(text.original):
        if fold(match.group("name")) not in his and match.group("name") not in THAI_NOT_NAMES:
            yield Span(match.start("name"), match.end("name"), KIND, "first person")
    for match in THAI_HONORIFIC.finditer(text.original):
        if fold(match.group("name")) not in his:
            yield Span(match.start(), match.end("name"), KIND, "colleague")


def said_again(text: Text, found: list[Span]) -> Iterator[Span]:
    """A name found once is hers or a colleague's wherever else it is written ("my mate
    Chelle … he followed Chelle home")."""
    words = {text.folded[span.start : span.end] for span in found}
    for word in words:
        if len(word) < 2:
            continue
        if HAN.search(word) or re.search(r"[\u0e00-\u0e7f]", word):
            pattern = re.escape(word)
        else:
            pattern = rf"(?<![^\W_]){re.escape(word)}(?![^\W_])"
        for match in re.finditer(pattern, text.folded):
            yield Span(match.start(), match.end(), KIND, "said again")


def his_names(text: Text, facts: Facts) -> set[str]:
    """The names he used: the report's perpetrator names, and "his name was ..." here."""
    found = {fold(word) for name in facts.perpetrator_names for word in WORD.findall(name)}
    for match in HIS_CUE.finditer(text.folded):
        word = text.word_after(match.end())
        if word is not None and first_names().get(bare(word.group())) != "f":
            found.add(bare(word.group()))
    for match in HAN_NAME.finditer(text.original):
        if re.fullmatch(HAN_HIS, match.group("cue")):
            found.add(han_name(match.group("name"), text.original[match.end("name") :]))
    for match in THAI_NAME.finditer(text.original):
        if re.fullmatch(THAI_HIS, match.group("cue")):
            found.add(fold(match.group("name")))
    return found - facts.reporter_name_words


def known(text: Text, facts: Facts) -> Iterator[Span]:
    for word in facts.reporter_name_words:
        for match in re.finditer(
            rf"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f]){re.escape(word)}(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])",
            text.folded,
        ):
            yield Span(match.start(), match.end(), KIND, "known")


def name_span(text: Text, word: re.Match[str]) -> tuple[int, int]:
    """The name, with a surname after it ("Jade Smith") when one is written."""
    start, end = word.span()
    end = start + len(bare(word.group()))
    following = text.word_after(word.end())
    if (
        following is not None
        and text.is_capitalised(following.start())
        and bare(following.group()) not in NOT_NAMES
        and text.original[end : following.start()] == " "
    ):
        end = following.start() + len(bare(following.group()))
    return start, end


def looks_like_a_name(text: Text, word: re.Match[str], *, strong: bool) -> bool:
    folded = bare(word.group())
    if folded in NOT_NAMES or len(folded) < 2:
        return False
    if strong:
        return True
    capitalised = text.is_capitalised(word.start()) and len(folded) >= 3
    return is_first_name(folded) or capitalised


def cued(text: Text, his: set[str], facts: Facts) -> Iterator[Span]:
    skip = his | facts.place_words
    for pattern, strong, rule in (
        (STRONG_CUE, True, "first person"),
        (WEAK_CUE, False, "first person"),
        (COLLEAGUE_CUE, False, "colleague"),
    ):
        for match in pattern.finditer(text.folded):
            word = text.word_after(match.end())
            if word is None or bare(word.group()) in skip:
                continue
            if looks_like_a_name(text, word, strong=strong):
                yield Span(*name_span(text, word), KIND, rule)
    for match in HU_NAME_FIRST.finditer(text.folded):
        word = WORD.fullmatch(text.folded, match.start("name"), match.end("name"))
        wanted = word is not None and bare(word.group()) not in skip
        if wanted and word is not None and looks_like_a_name(text, word, strong=False):
            yield Span(match.start("name"), match.end("suffix"), KIND, "first person")
    for match in OPENING.finditer(text.folded):
        group = next(g for g in ("name", "here", "its") if match.group(g))
        word = WORD.fullmatch(text.folded, match.start(group), match.end(group))
        wanted = word is not None and bare(word.group()) not in skip
        if wanted and word is not None and looks_like_a_name(text, word, strong=group != "here"):
            yield Span(*name_span(text, word), KIND, "first person")
    for match in AND_ME.finditer(text.folded):
        group = "name" if match.group("name") else "after"
        name = bare(match.group(group))
        likely = may_be_a_womans_name(name) or (
            group == "after" and text.is_capitalised(match.start(group))
        )
        if name not in skip and name not in NOT_NAMES and likely:
            yield Span(match.start(group), match.start(group) + len(name), KIND, "colleague")


# A word alone after the last sentence, with a kiss: a name, whatever else it means ("shell x").
KISSED = re.compile(r"(?:^|[.!?\n]\s*)(?P<name>[^\W\d_]{2,})\s*x+[\s.!]*$")
CLOSINGS = frozenset(f"{THANKS}|hun|babe|bye|soon|ok|okay|pls|please|help|sorry".split("|"))


def signed_off(text: Text, his: set[str]) -> Iterator[Span]:
    """A name at the end ("thanks, Amber x", "- Jade"), or after a dash on a line's end."""
    for kissed in KISSED.finditer(text.folded, max(0, len(text.folded) - 40)):
        name = bare(kissed.group("name"))
        if name not in his and name not in CLOSINGS:
            yield Span(kissed.start("name"), kissed.start("name") + len(name), KIND, "signed")
    tail = max(0, len(text.folded) - 60)
    found = [m for m in SIGN_OFF.finditer(text.folded, tail)]
    found += [m for m in DASH_NAME.finditer(text.folded)]
    for match in found:
        name = bare(match.group("name"))
        if name in his or name in NOT_NAMES:
            continue
        led = "lead" not in match.groupdict() or bool(match.group("lead"))
        capitalised = text.is_capitalised(match.start("name"))
        if (is_first_name(name) and (led or capitalised)) or (led and capitalised):
            yield Span(match.start("name"), match.start("name") + len(name), KIND, "signed")


# Capitalised for another reason than being her name: months, feasts, his car.
CAPITALISED_NOT_NAMES = frozenset(
    [
        "april",
        "may",
        "june",
        "july",
        "august",
        "eve",
        "paris",
        "christmas",
        "god",
        "jesus",
        "mum",
        "mom",
        "dad",
        "sir",
        "miss",
        "mrs",
        "ms",
        "police",
        "uber",
        "english",
        "lexus",
        "mercedes",
        "porsche",
        "audi",
        "bmw",
        "ford",
        "toyota",
        "honda",
        "nissan",
        "kia",
        "skoda",
        "seat",
        "mini",
        "jaguar",
        "volvo",
        "tesla",
        "vauxhall",
        "peugeot",
        "renault",
        "citroen",
        "fiat",
        "mazda",
        "suzuki",
        "hyundai",
        "dacia",
        "lancia",
        "alfa",
        "romeo",
        "rover",
        "land",
        "range",
        "jeep",
        "chevrolet",
        "opel",
        "corsa",
        "astra",
        "fiesta",
        "focus",
        "golf",
        "polo",
        "clio",
        "megane",
        "civic",
        "yaris",
        "prius",
        "octavia",
        "qashqai",
        "juke",
        "insignia",
        "zafira",
        "mondeo",
        "kuga",
        "cayenne",
    ]
)
# Lower case, these are words first ("honey", "amber light").
WORDS_FIRST = frozenset(
    [
        "blonde",
        "brunette",
        "auburn",
        "curly",
        "dawn",
        "eve",
        "summer",
        "autumn",
        "april",
        "june",
        "july",
        "august",
        "rose",
        "violet",
        "amber",
        "crystal",
        "precious",
        "honey",
        "candy",
        "angel",
        "baby",
        "star",
        "sugar",
        "misty",
        "paris",
        "brandy",
        "ginger",
        "ruby",
        "jade",
        "pearl",
        "holly",
        "ivy",
        "iris",
        "lily",
        "daisy",
        "poppy",
        "heather",
        "hazel",
        "olive",
        "scarlett",
        "scarlet",
        "sky",
        "skye",
        "sunny",
        "joy",
        "bunny",
        "kitty",
        "kitten",
        "peaches",
        "cherry",
        "diamond",
        "destiny",
        "chanel",
        "porsche",
        "raven",
        "velvet",
        "vixen",
        "foxy",
        "coco",
        "sasha",
        "lola",
        "mia",
        "maya",
        "tia",
        "gem",
        "mercedes",
        "rosa",
        "luz",
        "paz",
        "mar",
        "sol",
        "dolores",
        "soledad",
        "pilar",
        "angeles",
        "gloria",
        "victoria",
        "esperanza",
        "alegria",
        "maria",
        "ana",
        "nina",
        "lina",
        "mona",
        "sara",
        "clara",
        "bella",
    ]
)


# Case endings a name takes in Hungarian, Polish, Romanian and Bulgarian ("Zsófit", "Kasię",
# "Ioanei", "Мария" -> "Марийка" is not one: only endings).
ENDINGS = (
    "nak", "nek", "val", "vel", "rol", "tol", "nal", "nel", "hoz", "hez", "ert", "ot", "et",
    "at", "t", "ei", "ą", "e", "i", "y", "u", "ie", "om", "ой", "та",
)  # fmt: skip


# Hungarian case endings no ordinary word of the other languages ends a name with: a name
# with one is a name even first in its sentence ("Zsófival együtt hívtuk").
HUNGARIAN_CASES = ("nak", "nek", "val", "vel", "rol", "tol", "nal", "nel", "hoz", "hez", "ert")


def womans_name_inflected(word: str) -> bool:
    if word in first_names():
        return False  # a name of its own ("Andrei" is not "Andrea" inflected)
    for ending in ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            for guess in (stem, f"{stem}a", f"{stem}ia"):
                ordinary = guess in COMMON_WORDS or guess in CAPITALISED_NOT_NAMES
                if first_names().get(guess) == "f" and not ordinary:
                    return True
    return False


FROM_A_PLACE = re.compile(r"(?<![^\W_])(?:de|din|da|do|z|ze|от|из)\s+$")


def written_names(text: Text, his: set[str], facts: Facts) -> Iterator[Span]:
    """A woman's name anywhere: hers or a colleague's (his names and places left alone)."""
    for word in text.words:
        name = bare(word.group())
        if name in his or name in NOT_NAMES or name in facts.place_words or len(name) < 3:
            continue
        if not may_be_a_womans_name(name):
            capitalised = text.is_capitalised(word.start())
            inflected = capitalised and (
                not text.starts_sentence(word.start()) or name.endswith(HUNGARIAN_CASES)
            )
            if inflected and womans_name_inflected(name) and name not in his:
                yield Span(word.start(), word.end(), KIND, "a woman's name")
            continue
        if FROM_A_PLACE.search(text.folded, max(0, word.start() - 8), word.start()):
            continue  # "español de Valencia", "din Florența": a place he is from
        if text.is_capitalised(word.start()):
            first_word = text.starts_sentence(word.start())
            if name not in CAPITALISED_NOT_NAMES and not (first_word and name in WORDS_FIRST):
                yield Span(word.start(), word.start() + len(name), KIND, "a woman's name")
        # Lower case, a name without a cue is too often a word of another language
        # ("masina", "barba", "manda"): cued names are found in any case above.


def han_name(raw: str, following: str = "") -> str:
    """The name after a cue: up to a particle or punctuation; "" when it runs on into more
    characters than a name has ("我是外展社工" is a job, not a name). A name in Latin letters
    is the name ("我叫Candy")."""
    if re.fullmatch(r"[A-Za-z]{2,}", raw):
        return raw if fold(raw) not in COMMON_WORDS else ""
    kept = ""
    for char in raw + following[:1]:
        if char in HAN_STOP or not HAN.match(char):
            return kept if len(kept) >= 2 else ""
        kept += char
        if len(kept) > 3:
            return ""
    return kept if len(kept) >= 2 else ""


def in_han_or_thai(text: Text, his: set[str]) -> Iterator[Span]:
    for match in HAN_NAME.finditer(text.original):
        if re.fullmatch(HAN_HIS, match.group("cue")):
            continue
        name = han_name(match.group("name"), text.original[match.end("name") :])
        nationality = any(text.original.startswith(n, match.start("name")) for n in NATIONALITIES)
        if name and name not in his and not nationality and fold(name) not in NOT_NAMES:
            yield Span(match.start("name"), match.start("name") + len(name), KIND, "first person")
    for match in THAI_ITS_ME.finditer(text.original):
        yield Span(match.start("name"), match.end("name"), KIND, "first person")
    for match in THAI_NAME.finditer(text.original):
        if re.fullmatch(THAI_HIS, match.group("cue")) or fold(match.group("name")) in his:
            continue
        if match.group("cue") == "ชื่อ" and THAI_HIS_BEFORE.search(
            text.original[max(0, match.start() - 12) : match.start()]
        ):
            continue  # "ผู้ชายคนนั้นชื่อ Tom": his name
        if not match.group("name").startswith("คน"):  # "ฉันเป็นคนไทย": her nationality
            yield Span(match.start("name"), match.end("name"), KIND, "first person")
