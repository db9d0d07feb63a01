"""Something only she has, said of herself: her nationality (with where she works), a
disability, a pregnancy, her children, being trans, her own tattoos or marks, her height or
age, being "the only ... in ...". Said of him ("his tattoo", "he was Polish") it is his
description, not hers, and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redbrolly.alerts.detect.facts import Facts
from redbrolly.alerts.detect.lexicon import I_AM, NATIONALITIES
from redbrolly.alerts.detect.text import Span, Text, alternatives, bounded

KIND = "personal"

COUNTRIES = [
    "romania", "bulgaria", "hungary", "poland", "brazil", "spain", "portugal", "thailand",
    "china", "vietnam", "albania", "lithuania", "latvia", "slovakia", "czech republic",
    "ukraine", "russia", "moldova", "nigeria", "ghana", "jamaica", "colombia", "venezuela",
    "mexico", "dominican republic", "philippines", "malaysia", "korea", "turkey", "italy",
    "brasil", "polski", "polska", "ungaria", "bulgaria", "tailandia", "magyarorszag",
    "magyarorszagrol", "romaniabol", "българия", "румъния", "中国", "泰国", "越南", "ประเทศไทย",
]  # fmt: skip
# What she is ("I'm deaf", "sunt însărcinată"): after "I am", with a few filler words between.
BEING = [
    *NATIONALITIES, *COUNTRIES,
    "deaf", "blind", "disabled", "in a wheelchair", "wheelchair user", "autistic", "dyslexic",
    "epileptic", "an amputee", "amputee", "partially sighted", "hard of hearing", "mute",
    "pregnant", "expecting", "trans", "transgender", "transsexual", "ts", "ts girl", "tgirl",
    "t-girl", "ladyboy", "shemale", "pre-op", "post-op", "non-binary", "nonbinary", "intersex",
    "mum", "mother", "single mum", "single mother", "mum of", "mother of", "albino", "redhead",
    "ginger", "tall", "short", "tiny", "petite", "plus size", "bbw", "curvy", "older", "mature",
    "granny", "grandmother", "grandma", "student", "nurse", "carer", "teacher",
    "surda", "oarba", "insarcinata", "gravida", "transsexuala", "mama", "studenta",
    "cega", "cadeirante", "travesti", "mae", "estudante", "embarazada", "sorda", "ciega",
    "madre", "estudiante", "w ciazy", "glucha", "niewidoma", "matka", "studentka", "na wozku",
    "бременна", "глуха", "сляпа", "майка", "студентка", "транс", "terhes", "varandos", "suket",
    "anya", "egyetemista", "transz", "怀孕", "聋", "妈妈", "变性人", "跨性别", "人妖", "学生",
    "ตั้งครรภ์", "หูหนวก", "ตาบอด", "แม่", "สาวประเภทสอง", "กะเทย", "ข้ามเพศ", "นักศึกษา",
]  # fmt: skip
FILLERS = (
    "the|a|an|only|very|really|so|also|still|just|now|like|originally|half|both|quite|"
    "currently|from|one|two|three|four|five|six|seven|eight|nine|months?|weeks?|din|de|do|da|"
    "z|ze|от|o|um|uma|una|un|la|foarte|muito|muy|bardzo|много|nagyon|in|cu|com|con|z|w|с|"
    "singura|unica|jedyna|единствената|egyetlen|luni|meses|miesiacu|miesiecy|месеца|honapos|"
    "\\d+"
)
BETWEEN = rf"(?:\s+(?:{FILLERS}|[^\W\d_]+ly|[^\W\d_]+mente)){{0,4}}\s*"
# What she has ("my butterfly tattoo", "my 2 kids"): after "my" within a few words.
HAVING = [
    "tattoo", "tattoos", "tat", "tats", "scar", "scars", "birthmark", "piercing", "piercings",
    "braces", "wheelchair", "crutches", "walking stick", "stick", "hearing aid", "guide dog",
    "prosthetic", "kids", "kid", "children", "child", "son", "sons", "daughter", "daughters",
    "baby", "babies", "little boy", "little girl", "twins", "boys", "girls", "bump",
    "pregnancy", "disability", "condition", "surgery", "transition", "implants", "accent",
    "pink hair", "blue hair", "green hair", "purple hair", "red hair", "shaved head",
]  # fmt: skip
HAVE = [
    "i have", "i've got", "ive got", "i got", "i have got", "i had", "i've had", "i have a",
    "she has", "she's got", "shes got", "she had", "i use", "i need", "she uses", "i walk with",
    "she walks with", "i'm on", "im on", "she's on",
]  # fmt: skip
HAVE_WHAT = [
    "tattoo", "tattoos", "scar", "scars", "kids", "kid", "children", "child", "son", "sons",
    "daughter", "daughters", "baby", "twins", "birthmark", "piercing", "piercings",
    "disability", "wheelchair", "stick", "crutches", "prosthetic", "hearing aid", "limp",
    "one leg", "one arm", "one eye", "guide dog", "walking frame",
]  # fmt: skip
# Her own, in any language (the possessive or the verb is part of the phrase).
HERS = [
    "copiii mei", "copiilor mei", "copilul meu", "copilului meu", "copiii", "fiul meu",
    "fiica mea", "baiatul meu", "fetita mea", "bebelusul meu", "tatuajul meu", "am un tatuaj",
    "cicatricea mea", "scaun cu rotile", "nu aud", "nu vad bine",
    "meus filhos", "minhas filhas", "meu filho", "minha filha", "meu bebe", "minhas criancas",
    "minha tatuagem", "tenho uma tatuagem", "minha cicatriz", "cadeira de rodas", "nao ouco",
    "mis hijos", "mis hijas", "mi hijo", "mi hija", "mi bebe", "mis ninos", "mi tatuaje",
    "tengo un tatuaje", "mi cicatriz", "silla de ruedas", "no oigo",
    "moje dzieci", "moich dzieci", "moim dzieciom", "moj syn", "mojego syna", "moja corka",
    "mojej corki", "moje dziecko", "moj tatuaz", "mam tatuaz", "moja blizna", "na wozku",
    "w ciazy", "nie slysze", "децата ми", "детето ми", "синът ми", "сина ми", "дъщеря ми",
    "бебето ми", "татуировката ми", "имам татуировка", "белегът ми", "инвалидна количка",
    "не чува", "не чувам", "a gyerekeim", "a gyerekem", "gyerekeim", "gyerekem", "a fiam",
    "a lanyom", "a babam", "tetovalasom", "kerekesszek", "nem hallok",
    "我的孩子", "我孩子", "我儿子", "我女儿", "我的宝宝", "我的纹身", "我有纹身", "我身上有纹身",
    "轮椅",
    "怀孕", "ลูกของฉัน", "ลูกฉัน", "ลูกหนู", "ลูกสาวฉัน", "ลูกชายฉัน", "มีลูก", "รอยสักของฉัน",
    "ฉันมีรอยสัก", "รถเข็น", "ตั้งครรภ์", "ฉันท้อง", "หนูท้อง", "ท้องอยู่", "ท้องได้",
    "pregnant", "single mum", "single mother", "gravida", "embarazada", "insarcinata", "бременна",
    "terhes", "varandos", "i cannot hear", "i can't hear", "i cant hear", "i can not hear",
    "i cannot see", "i can't see", "hard of hearing", "deaf in one ear", "cannot hear good",
    "the one with the", "the girl with the", "mum of", "mother of",
]  # fmt: skip
# "she has two children", "am doi copii": a verb of having, a few words, children.
CHILDREN = re.compile(
    r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:tengo|tiene|tenho|tem|am|are|mam|ma|имам|има|van)"
    r"(?:\s+[^\W\d_]+|\s+\d+){0,2}\s+(?:hij[oa]s?|ninos|filh[oa]s?|criancas|copii|copil|"
    r"baieti|dzieci|dziecko|syna|corke|деца|дете|син|дъщеря|gyerekem|gyerekeim|fiam|lanyom)"
    r"(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])|有(?:一个|两个|三个|个|一|两)?(?:孩子|女儿|儿子|小孩)"
)
HAIR = re.compile(
    r"(?:cabelo|pelo|parul|par)\s+(?:rosa|azul|verde|roxo|morado|roz|albastru|mov)"
    r"|(?:rozowe|niebieskie|zielone|fioletowe)\s+wlosy|(?:розова|синя|зелена|лилава)\s+коса"
    r"|(?:rozsaszin|kek|zold|lila)\s+haj|(?:粉色|蓝色|绿色|紫色|粉)头发|ผมสี(?:ชมพู|ฟ้า|เขียว|ม่วง)"
)
MEASURED = re.compile(
    r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:mido|meco|tenho|am|mam|mierze|vagyok|съм)\s+"
    r"(?:1[.,]\d{2}\s?m?|1\d\d\s?cm)(?![\d])"
)
# Hungarian says what she is first: "transz nő vagyok".
BEING_FIRST = re.compile(
    r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:transz|terhes|suket|vak|magyar|roman|lengyel|bolgar|"
    r"brazil|spanyol|kinai|thai|cigany|anya|egyetemista)(?:\s+(?:no|lany))?\s+vagyok"
)
# Being the only one of her kind somewhere.
ONLY = [
    "the only", "only one", "one of the only", "singura", "singurul", "a unica", "o unico",
    "la unica", "el unico", "jedyna", "jedyną", "jedynym", "единствената", "единственото",
    "az egyetlen", "唯一的", "唯一一个", "คนเดียวที่",
]  # fmt: skip
PERSON = [
    *NATIONALITIES, "girl", "girls", "woman", "women", "lady", "one", "worker", "escort",
    "person", "mum", "mother", "trans", "ts", "redhead", "blonde", "fata", "femeie", "menina",
    "mulher", "chica", "mujer", "dziewczyna", "kobieta", "момиче", "жена", "lany",
    "女孩", "女人", "女的", "คน", "ผู้หญิง",
]  # fmt: skip

# "She is", "as a": a practitioner writes of the woman she reports for; a reporter of a colleague.
SHE = ["she's", "she is", "shes", "she was", "as a", "as an", "being a", "being"]
I_AM_CUE = bounded(I_AM)
SHE_CUE = bounded([*I_AM, *SHE])
NOT_HIM = r"(?!(?:his|he|him|he's|hes|their|the guy's|that)\b)"
PATTERNS = [
    (
        re.compile(rf"(?:{SHE_CUE}){BETWEEN}{bounded(BEING)}"),
        "what she is",
    ),
    (
        re.compile(
            rf"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:my|our|her)(?:\s+{NOT_HIM}[^\W_]+){{0,3}}?\s+"
            rf"{bounded(HAVING)}"
        ),
        "what she has",
    ),
    (
        re.compile(
            rf"{bounded(HAVE)}(?:\s+{NOT_HIM}[^\W_]+){{0,4}}?\s+"
            rf"{bounded(HAVE_WHAT)}"
        ),
        "what she has",
    ),
    (re.compile(alternatives(HERS)), "what she has"),
    (CHILDREN, "what she has"),
    (HAIR, "what she has"),
    (MEASURED, "her height or age"),
    (BEING_FIRST, "what she is"),
    (
        # "I'm 6ft", "i am 1.50", "im 19", "i'm only 18 years old"
        re.compile(
            rf"(?:{SHE_CUE})\s+(?:only\s+|just\s+|about\s+|nearly\s+|over\s+|under\s+)?"
            r"(?:\d\s?(?:ft|foot|feet|'|’)\s?\d{0,2}(?:\s?(?:in|inch|inches|\"))?|1[.,]\d{2}\s?m?|"
            r"1\d\d\s?cm|(?:1[6-9]|[2-9]\d)(?:\s?(?:years?|yrs?|y/?o)(?:\s?old)?)?(?![\d:.]))"
            r"(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
        ),
        "her height or age",
    ),
    (
        # "the Romanian girl", "a Thai lady": a woman by her nationality, hers or a colleague's
        re.compile(
            rf"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:the|a|an|only|one|\d+|two|three|four|several|some|other)\s+(?:{alternatives(NATIONALITIES)})\s+"
            r"(?:girl|girls|woman|women|lady|ladies|worker|escort|trans|ts|chick|one|mum)\b"
        ),
        "a woman by her nationality",
    ),
    (
        re.compile(rf"{bounded(ONLY)}(?:\s+[^\W_]+){{0,3}}?\s*{bounded(PERSON)}"),
        "the only one",
    ),
]


# How he would know her again: "he'd know me anywhere by the rose tattoo on my neck".
RECOGNISE = re.compile(
    r"(?<![^\W_])(?:recogni[sz]es?\s+me|recogni[sz]e\s+me|know\s+me|knows\s+me|spot\s+me|"
    r"ma\s+recunoaste|ma\s+stie|me\s+reconhece|me\s+reconheceria|me\s+reconoce|"
    r"me\s+reconoceria|rozpozna\s+mnie|rozpoznaje\s+mnie|pozna\s+mnie|ме\s+познава|"
    r"ще\s+ме\s+познае|felismer|megismer)(?:\s+[^\W\d_]+){0,2}?\s+"
    r"(?:by|from|because of|dupa|pelo|pela|por|po|по|a|az)\s+\S"
)
# "im the youngest on the beat": the one of her kind.
SUPERLATIVE = re.compile(
    rf"(?:{SHE_CUE})\s+(?:the\s+|a\s+)?(?:youngest|oldest|tallest|shortest|smallest|newest|"
    r"cea mai tanara|a mais nova|la mas joven|najmlodsza|най-младата|a legfiatalabb)"
    r"(?![^\W_])"
)
PATTERNS += [(RECOGNISE, "how he would know her"), (SUPERLATIVE, "the only one")]

# Marks and aids: said in a clause that is hers ("the koi tattoo down my left side", "a
# tatuagem que eu tenho no pescoço", "I wear hearing aids"), not his ("his tattoo").
MARKS = [
    "tattoo", "tattoos", "tat", "tats", "ink", "scar", "scars", "birthmark", "birth mark",
    "burn mark", "burn", "mole", "piercing", "piercings", "brace", "braces", "hearing aid",
    "hearing aids", "crutches", "crutch", "walking stick", "wheelchair", "prosthetic",
    "guide dog", "limp", "stammer", "stutter", "lisp", "eye patch", "glass eye", "cochlear",
    "tatuaj", "tatuajul", "tatuaje", "cicatrice", "cicatricea", "aparat auditiv", "carje",
    "tatuagem", "cicatriz", "muletas", "muleta", "aparelho auditivo", "cadeira de rodas",
    "tatuaje", "tatuajes", "audifono", "audifonos", "silla de ruedas",
    "tatuaz", "tatuaze", "tatuazu", "blizna", "blizne", "aparat sluchowy", "kule", "wozek",
    "татуировка", "татуировката", "белег", "белега", "патерици", "слухов апарат",
    "tetovalas", "tetovalasom", "tetovalasa", "heg", "hegem", "mankok", "hallokeszulek",
    "纹身", "刺青", "疤", "伤疤", "助听器", "拐杖", "轮椅", "รอยสัก", "แผลเป็น", "ไม้ค้ำ",
]  # fmt: skip
MINE = (
    r"(?<![^\W_])(?:i|i'm|im|i've|ive|i'd|my|me|mine|myself|eu|meu|minha|mim|comigo|yo|mi|mis|"
    r"me|tengo|llevo|ja|moj|moja|moje|mam|mnie|mi|аз|моя|моят|моята|ми|имам|nekem|am|"
    r"mea|meu|mele|al meu|a mea)(?![^\W_])|我|ฉัน|หนู"
)
HIS = (
    r"(?<![^\W_])(?:he|his|him|he's|hes|lui|dele|ele|jego|jemu|той|неговата|tiene|tem|su|sus|"
    r"seu|sua|има|"
    r"неговия|негов|му|ő|neki|övé)(?![^\W_])|他|เขา"
)
MARK = re.compile(bounded(MARKS))
# "im 6 months gone", "7 months along": pregnant.
MONTHS_GONE = re.compile(
    r"(?<![^\W_])(?:\d|one|two|three|four|five|six|seven|eight|nine)\s+months?\s+"
    r"(?:gone|along|pregnant|preggers|preggo|up the duff)(?![^\W_])"
)
# Her own car: a man who knows the car knows her ("my yellow Fiat 500").
MY_CAR = re.compile(
    r"(?<![^\W_])(?:my|masina mea|meu carro|mi coche|moj samochod|моята кола|az autom)"
    r"(?:\s+[^\W_]+){0,3}?\s+(?:car|motor|van|fiat|ford|vauxhall|toyota|nissan|honda|"
    r"peugeot|renault|citroen|kia|hyundai|mini|vw|volkswagen|audi|bmw|mercedes|skoda|seat|"
    r"suzuki|mazda|dacia)(?![^\W_])"
)
# Her nationality with where she is from or works ("българка от Сливен", "a Romanian from
# Constanta"): with a capitalised place after it.
NATIONAL_FROM = re.compile(
    rf"(?<![^\W_])(?:{alternatives(NATIONALITIES)})\s+(?:from|din|de|da|do|z|ze|от|из|in|en|em|w|в)\s+"
    r"(?=[^\W\d_])"
)
# "the only lassie on the drag", "la única que trabaja": the only one of her kind somewhere.
ONLY_WHERE = re.compile(
    rf"{bounded(ONLY)}(?:\s+[^\W_]+){{0,4}}?\s+(?:on|in|at|round|around|who|that|with|doing|"
    r"working|que|care|cu|com|con|en|na|no|do|która|ktora|w|we|която|в|на|aki|akinek)(?![^\W_])"
)
OTHER_SUPERLATIVES = re.compile(
    r"(?<![^\W_])(?:la mayor|la mas joven|la mas vieja|la mas alta|cea mai tanara|cea mai batrana|"
    r"cea mai mare|cea mai inalta|a mais velha|a mais nova|a mais alta|najstarsza|najmlodsza|"
    r"najwyzsza|най-възрастната|най-младата|най-високата|a legidosebb|a legfiatalabb|"
    r"a legmagasabb)(?![^\W_])|最高的|最矮的|最年轻的|最小的|最老的|唯一的|唯一一个"
)
HAN_HEIGHT = re.compile(
    r"我(?:身高)?(?:一米[一二三四五六七八九十零〇]{1,2}|1[.]?\d{2}|一百[一二三四五六七八九十]{1,3})"
)
HU_CHILDREN = re.compile(
    r"(?<![^\W_])(?:(?:ket|harom|egy)\s+)?(?:kislanyom|kisfiam|lanyom|lanyaim|fiaim|fiam|"
    r"gyerekeim|gyerekem|gyermekem|gyermekeim|babam|unokam)(?![^\W_])"
)
# "and the oldest one doing outcalls round Wrexham"
THE_MOST = re.compile(
    r"(?<![^\W_])the\s+(?:youngest|oldest|tallest|shortest|smallest|biggest|newest)\s+"
    r"(?:one|girl|woman|lady|worker|escort|trans|on|in|at|doing|working|round|around|here|there)"
    r"(?![^\W_])"
)
PATTERNS += [
    (THE_MOST, "the only one"),
    (MONTHS_GONE, "what she is"),
    (MY_CAR, "what she has"),
    (NATIONAL_FROM, "a woman by her nationality"),
    (ONLY_WHERE, "the only one"),
    (OTHER_SUPERLATIVES, "the only one"),
    (HAN_HEIGHT, "her height or age"),
    (HU_CHILDREN, "what she has"),
]
# "..., that is me": what came before was about her.
THAT_IS_ME = re.compile(
    r",?\s*(?:that|this|it)(?:'s|s|\s+is|\s+was|\s+will be)\s+me(?![^\W_])"
    r"|,?\s*(?:adica eu|sou eu|soy yo|to ja|това съм аз|az en vagyok)(?![^\W_])"
)
# "..., that's me": the clause before describes her, whatever it says.
SAID_OF_HERSELF = re.compile(
    r",?\s*(?:that|this)(?:'s|s|\s+is|\s+was)\s+me(?![^\W_])(?!\s+(?:done|off|out|gone|finished))"
)
# "i am very short, 1.50": her height after what she says of herself.
HEIGHT_AFTER = re.compile(
    r",?\s*(?:1[.,]\d{2}\s?m?|1\d\d\s?cm|\d\s?(?:ft|foot|'|’)\s?\d{0,2})(?![\d])"
)


def find(text: Text, facts: Facts) -> Iterator[Span]:
    for pattern, rule in PATTERNS:
        for match in pattern.finditer(text.folded):
            if rule != "the only one" or not is_about_him(text, match.start()):
                yield clause_around(text, match.start(), match.end(), rule)
    for match in MARK.finditer(text.folded):
        start, end = text.clause_start(match.start()), text.clause_end(match.end())
        if whose(text.folded, start, end, match.start()) == "hers":
            yield Span(start, end, KIND, "her mark")
    for match in SAID_OF_HERSELF.finditer(text.folded):
        if match.start() > 0:
            yield Span(text.clause_start(match.start()), match.end(), KIND, "that is me")


# "the tattoo that I have", "a tatuagem que eu tenho": hers, whoever else is in the clause.
THAT_I_HAVE = re.compile(
    r"[^.!?\n]{0,30}?(?<![^\W_])(?:that|which|que|care|ktora|ktory|ktore|която|който|amit|"
    r"amelyet)\s+(?:eu\s+|i\s+|yo\s+|o\s+|ja\s+|аз\s+)?(?:tenho|have|got|tengo|llevo|am|mam|"
    r"имам|nekem van)(?![^\W_])"
)


def whose(folded: str, start: int, end: int, at: int) -> str | None:
    """Whose a mark is: the nearer of her words and his in the clause ("he's seen the tattoo
    down my side" is hers; "a tattoo on his chest" is his)."""
    if THAT_I_HAVE.match(folded, at):
        return "hers"
    nearest: tuple[int, str] | None = None
    for pattern, owner in ((MINE, "hers"), (HIS, "his")):
        for found in re.finditer(pattern, folded[start:end]):
            distance = abs(start + found.start() - at)
            if nearest is None or distance < nearest[0]:
                nearest = (distance, owner)
    return nearest[1] if nearest else None


def clause_around(text: Text, start: int, end: int, rule: str) -> Span:
    """From the start of the clause to the end of the sentence: what she says of herself
    runs on ("i am Thai and i work in Luton"), and all of it is hers."""
    end = max(end, text.sentence_end(end))
    for after in (HEIGHT_AFTER, THAT_IS_ME):
        if found := after.match(text.folded, end):
            end = found.end()
    return Span(text.clause_start(start), end, KIND, rule)


HIM = re.compile(
    r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:he|him|his|he's|hes|el|ele|on|jego|той|ő|他|เขา)\s*$"
)


def is_about_him(text: Text, start: int) -> bool:
    """ "he was the only one" is about him (and not distinctive of her)."""
    before = text.folded[max(0, start - 14) : start]
    return bool(HIM.search(re.sub(r"\s+(?:was|is|were|the|a)\s*$", " ", before)))
