"""Something only she has, said of herself: her nationality (with where she works), a
disability, a pregnancy, her children, being trans, her own tattoos or marks, her height or
age, being "the only ... in ...". Said of him ("his tattoo", "he was Polish") it is his
description, not hers, and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redbrolly.alerts.detect.facts import Facts
from redbrolly.alerts.detect.lexicon import COMMON_WORDS, I_AM, NATIONALITIES
from redbrolly.alerts.detect.text import Span, Text, alternatives, bounded, fold, trim_end

KIND = "personal"
BOUND = r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
BOUND_END = r"(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])"

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
    "church", "mosque", "temple", "chapel", "gurdwara", "congregation", "college", "uni",
    "university", "course", "degree", "dog", "puppy", "carer", "dogs", "staffy", "staffies",
    "cat", "cats", "fella", "boyfriend", "husband", "hubby", "partner", "wee boy", "wee girl",
    "wean", "weans", "bairn", "bairns", "pram", "buggy", "pushchair",
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
    "copiii mei", "copiilor mei", "copilul meu", "copilului meu", "fiul meu",
    "fiica mea", "baiatul meu", "fetita mea", "bebelusul meu", "tatuajul meu", "am un tatuaj",
    "cicatricea mea", "nu aud", "nu vad bine",
    "meus filhos", "minhas filhas", "meu filho", "minha filha", "meu bebe", "minhas criancas",
    "minha tatuagem", "tenho uma tatuagem", "minha cicatriz", "nao ouco",
    "mis hijos", "mis hijas", "mi hijo", "mi hija", "mi bebe", "mis ninos", "mi tatuaje",
    "tengo un tatuaje", "mi cicatriz", "no oigo",
    "moje dzieci", "moich dzieci", "moim dzieciom", "moj syn", "mojego syna", "moja corka",
    "mojej corki", "moje dziecko", "moj tatuaz", "mam tatuaz", "moja blizna",
    "nie slysze", "децата ми", "детето ми", "синът ми", "сина ми", "дъщеря ми",
    "бебето ми", "татуировката ми", "имам татуировка", "белегът ми",
    "не чувам", "a gyerekeim", "a gyerekem", "gyerekeim", "gyerekem", "a fiam",
    "a lanyom", "a babam", "tetovalasom", "nem hallok",
    "我的孩子", "我孩子", "我儿子", "我女儿", "我的宝宝", "我的纹身", "我有纹身", "我身上有纹身",
    "ลูกของฉัน", "ลูกฉัน", "ลูกหนู", "ลูกสาวฉัน", "ลูกชายฉัน", "รอยสักของฉัน",
    "ฉันมีรอยสัก", "ฉันท้อง", "หนูท้อง",
    "i cannot hear", "i can't hear", "i cant hear", "i can not hear",
    "i cannot see", "i can't see", "cannot hear good",
]  # fmt: skip
# Hers unless his words own the clause ("he said his wife is pregnant", "El tiene dos hijos").
HERS_UNLESS_HIS = [
    "copiii", "scaun cu rotile", "cadeira de rodas", "silla de ruedas", "na wozku", "w ciazy",
    "инвалидна количка", "не чува", "kerekesszek", "轮椅", "怀孕", "มีลูก", "รถเข็น",
    "ตั้งครรภ์", "ท้องอยู่", "ท้องได้", "pregnant", "single mum", "single mother", "gravida",
    "embarazada", "insarcinata", "бременна", "terhes", "varandos", "hard of hearing",
    "deaf in one ear", "the one with the", "the girl with the", "mum of", "mother of",
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
SHE = [
    "she's", "she is", "shes", "she was", "as a", "as an", "being a", "being", "ella es",
    "ella era", "ela e", "ela era", "ea e", "ea este", "ea era", "ona jest", "ona byla", "тя е",
    "тя беше",
]  # fmt: skip
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
            rf"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:my|our|her|ma|mah)(?:\s+{NOT_HIM}[^\W_]+){{0,3}}?\s+"
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
    (re.compile(alternatives(HERS_UNLESS_HIS)), "what she has, unless his"),
    (CHILDREN, "what she has, unless his"),
    (HAIR, "what she has, unless his"),
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
    r"ma\s+recunoaste|ma\s+stie|ma\s+cunoaste|ma\s+stia|me\s+reconhece|me\s+reconheceria|me\s+reconoce|"
    r"me\s+reconoceria|rozpozna\s+mnie|rozpoznaje\s+mnie|pozna\s+mnie|ме\s+познава|"
    r"ще\s+ме\s+познае|felismer|megismer)(?:\s+[^\W\d_]+){0,2}?\s+"
    r"(?:by|from|because of|dupa|de la|din|pelo|pela|por|da|do|de|po|z|по|от|a|az)\s+\S"
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
    # What she wears and what she has: glasses, braces, a condition people know her by.
    "glasses", "specs", "ochelari", "aparat dentar", "gafas", "oculos", "okulary", "очила",
    "szemuveg", "headscarf", "hijab", "niqab", "burka", "ms", "multiple sclerosis",
    "epilepsy", "epileptic", "diabetic", "diabetes", "cerebral palsy", "arthritis", "chemo",
    # Her children's school or nursery finds her at the gate.
    "primary", "primary school", "nursery", "playgroup", "creche", "school gate", "school run",
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
    # Hungarian says "my" with an ending: "a csípőmön", "a karomon", "a nyakamon".
    r"|(?<![^\W_])(?:csipomon|csipomen|karomon|nyakamon|hatamon|labamon|hasamon|mellemen|"
    r"arcomon|kezemen|vallamon|derekamon|bokamon|csuklomon|fenekemen)(?![^\W_])"
)
HIS = (
    r"(?<![^\W_])(?:he|his|him|he's|hes|lui|dele|ele|jego|jemu|той|неговата|tiene|tem|su|sus|"
    r"seu|sua|има|"
    r"неговия|негов|му|ő|neki|övé)(?![^\W_])|他|เขา"
)
# Hungarian writes a tattoo into one word with what it is of ("sárkánytetoválás").
MARK = re.compile(
    rf"{bounded(MARKS)}|(?<![^\W_])[^\W\d_]*tetovalas[^\W\d_]*"
    # Where she worships, with its endings: "parafii", "bisericii", "igreja", "църквата".
    r"|(?<![^\W_])(?:parafi|biseric|igrej|iglesi|църкв|templom|kosciel|kosciol|meczet|"
    r"mosque|chapel|church|congregation|gurdwara|mesquita|mezquita)[^\W\d_]{0,5}(?![^\W_])"
    r"|教堂|寺庙|วัด"
)
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
    r"cea mai in varsta|cea mai mica|a mais experiente|la mas mayor|"
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
# "Brazilian girl working in Luton", "black girls advertising in hull", "brasileira que trabalha
# em Leeds": a woman by her nationality and where she works, with or without "the". Being
# white or English is no one's distinction here.
COMMON_HERE = {"white", "english", "british", "european"}
NATIONAL_WHERE = re.compile(
    rf"{BOUND}(?:{alternatives(n for n in NATIONALITIES if n not in COMMON_HERE)})"
    r"(?:\s+(?:girl|girls|woman|women|lady|ladies|lass|lasses|lassie|escort|escorts|worker|"
    r"workers|trans|ts|chick|mum|fata|fete|menina|meninas|mulher|chica|chicas|mujer|"
    r"dziewczyna|dziewczyny|kobieta|момиче|момичета|жена|lany))?\s+"
    r"(?:working|advertising|based|living|doing|who\s+works|that\s+works|que\s+trabaja|"
    r"que\s+trabalha|care\s+lucreaza|ktora\s+pracuje|която\s+работи|aki\s+dolgozik)"
    rf"{BOUND_END}"
    rf"|{BOUND}(?:{alternatives(n for n in NATIONALITIES if n not in COMMON_HERE)})\s+"
    r"(?:girl|girls|woman|women|lady|ladies|lass|lasses|lassie|escort|escorts|worker|workers|"
    r"chick)\s+(?:in|at|on|from|round|around)\s+(?=[^\W\d_])"
)
# An outreach worker's note of who she is: "SW (F, 30s, Romanian)", "client: female, 20s,
# Thai, deaf": her sex with her age, nationality or more, in a bracket or after a colon.
DEMOGRAPHIC = re.compile(
    r"\((?:f|female|woman|sw|tw|ts|trans)\s*[,/;]\s*[^)\n]{2,60}\)"
    r"|(?<![^\W_])(?:client|sw|she|survivor|victim|woman|her)\s*(?:is|:|-)?\s*(?:f|female)\s*,\s*"
    r"[^.;\n]{2,60}?(?=[.;\n]|$)"
)
# What she does, with the words that say which ("I'm a second year nursing student at …",
# "she's a trainee hairdresser in …").
HER_OCCUPATION = re.compile(
    rf"(?:{SHE_CUE})\s+(?:a|an|o|um|uma|una|un)\s+(?:[^\W\d_]+\s+){{0,3}}"
    r"(?:student|studentka|studenta|estudante|estudiante|студентка|nurse|nursing|carer|"
    r"teacher|trainee|apprentice|hairdresser|beautician|dancer|model|midwife|paramedic|"
    r"care worker|support worker|cleaner|waitress|barmaid|receptionist|egyetemista)"
    r"(?![^\W_])"
)
# Thai: "ฉันเป็นคนเดียวที่ทำงาน…" (I am the only one who works …), to the next space.
THAI_ONLY = re.compile(r"(?:ฉัน|หนู|เธอ)(?:เป็น)?คนเดียวที่[\u0e00-\u0e7f]{0,60}")
# How others would know her: "I'm the older lass wi the grey bob", "im the one who walks with
# the stick", "I'm the receptionist with the terrier"; and the feminine "the one with" of the
# other languages ("cea cu părul albastru", "ta z aparatem", "aquela com", "тази с").
THE_ONE_WITH = re.compile(
    rf"(?:{SHE_CUE})\s+(?:the|that)\s+(?:[^\W\d_]+\s+){{0,3}}?(?:one|girl|woman|lady|lass|lassie|"
    r"quine|hen|bird|receptionist|maid|blonde|brunette|redhead|ginger|mum|granny|nan|wan)"
    r"(?:\s+(?:on|in|at|round)\s+the\s+[^\W\d_]+)?\s+"
    r"(?:with|wi|who|that|wearing|in\s+the)(?![^\W_])"
    r"|(?<![^\W_])(?:cea|aceea|ta|tamta|aquela|тази|онази)\s+(?:cu|care|z|ktora|com|que|с|която)"
    r"\s+[^\W\d_]"
)
# Her age in her language: "am 52 de ani", "tenho 48 anos", "mam 50 lat", "52 éves vagyok".
HER_AGE = re.compile(
    r"(?<![^\W_])(?:am|tenho|tengo|mam|имам)\s+\d{2}\s+(?:de\s+)?(?:ani|anos|anos|lat|lata|години)"
    r"(?![^\W_])|(?<![^\W_])\d{2}\s+eves\s+vagyok|我(?:今年)?\d{2}岁|(?:ฉัน|หนู)อายุ\s?\d{2}"
)
# Where she comes from: a home town finds her among the few from it ("sunt din Craiova",
# "Debrecenből jöttem", "从福建来的", "Brazilian, from Goiânia", "I'm originally from Cork").
ORIGIN = re.compile(
    rf"(?:(?:{I_AM_CUE})(?:\s+originally)?|i come|i came|originally|"
    rf"(?:{alternatives(NATIONALITIES)}),?)"
    r"\s+from\s+(?=[^\W\d_])"
    r"|(?<![^\W_])(?:eu\s+)?(?:sunt|vin|venim)\s+din\s+(?=[^\W\d_])"
    r"|(?<![^\W_])(?:sou|venho|vim)\s+d[eoa]\s+(?=[^\W\d_])|(?<![^\W_])(?:soy|vengo)\s+de\s+(?=[^\W\d_])"
    r"|(?<![^\W_])(?:jestem|pochodze|przyjechalam)\s+z\s+(?=[^\W\d_])"
    r"|(?<![^\W_])(?:аз\s+)?(?:съм|идвам)\s+от\s+(?=[^\W\d_])"
    r"|(?<![^\W_])[^\W\d_]{3,}(?:bol|bol|rol|rol)\s+(?:jottem|jottunk|szarmazom|vagyok)(?![^\W_])"
    r"|(?:从|来自)[\u3400-\u9fff]{2,6}(?:来的|来)?|我是[\u3400-\u9fff]{2,4}人|老家(?:是|在)[\u3400-\u9fff]{2,6}"
    r"|(?:ฉัน|หนู)?มาจาก[\u0e00-\u0e7f]{2,20}"
)
# "only Chinese lady work there", "only two Hungarian there": the few of her kind.
ONLY_OF_HER_KIND = re.compile(
    rf"(?<![^\W_])only\s+(?:(?:one|two|three|\d)\s+)?(?:{alternatives(NATIONALITIES)})(?![^\W_])"
)
THAI_ONLY_IN = re.compile(r"(?:เป็น)?คนเดียวใน[\u0e00-\u0e7f]{0,20}?ที่[\u0e00-\u0e7f]{0,40}")
# "a wee girl from Donegal", "the Cork girl", "a Romanian-speaking woman".
GIRL_FROM = re.compile(
    r"(?<![^\W_])(?:girl|lass|lassie|woman|lady|chica|menina|fata|dziewczyna|момиче)\s+"
    r"(?:from|din|z|от)\s+(?!pe\b|la\b|strada\b|street\b|the\b)(?=[^\W\d_])|(?<![^\W_])[^\W\d_]+-speaking\s+(?:woman|girl|lady)"
)
THE_PLACE_GIRL = re.compile(r"\bthe\s+(?P<place>[A-Z][a-z]{2,})\s+(?:girl|lass|woman|lady)\b")
# What she always wears, her size, her days, where she works by day or what she studies.
HER_WAYS = re.compile(
    r"(?<![^\W_])size\s+\d{1,2}(?![\d:])"
    r"|(?<![^\W_])(?:i|she)\s+(?:do|work|'m in|am in|'m there|am there)\s+(?:on\s+)?"
    r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends|days|nights)"
    r"(?:\s+(?:and|&)\s+[^\W\d_]+days)?"
    r"|(?<![^\W_])where\s+i\s+work(?![^\W_])|(?<![^\W_])(?:onde|donde|unde|gdzie|където|ahol)\s+"
    r"(?:trabalho|trabajo|lucrez|pracuje|работя|dolgozom)(?![^\W_])"
    r"|(?<![^\W_])(?:estudio|estudo|studiuje|studiez|уча|tanulok)\s+[^\W\d_]{4,}"
    r"|(?<![^\W_])(?:hetkoznap|hetvegen)\s+(?:pedig\s+)?egy\s+[^\W\d_]+b[ae]n"
    r"(?:\s+az?\s+(?:[^\W\d_]+\s+){0,2}[^\W\d_]+(?:on|en|an))?"
)
# What she always wears: "she wears a headscarf at all times", "винаги носи дълга пола".
WEARS = re.compile(
    r"(?<![^\W_])(?:always\s+wears?|wears?\s+[^.,;!?\n]{2,30}?\s+at\s+all\s+times|"
    r"винаги\s+нос[^\W\d_]*|zawsze\s+nosi|sempre\s+usa|siempre\s+lleva|mereu\s+poarta|"
    r"mindig\s+[^\W\d_]+\s+hord)"
)
# Where she goes to worship or otherwise, said after the place: "z parafii św. Kazimierza,
# gdzie chodzę co niedzielę".
WHERE_I_GO = re.compile(
    r"(?<![^\W_])(?:where\s+i\s+go|gdzie\s+chodze|unde\s+merg|onde\s+vou|donde\s+voy|"
    r"където\s+ходя|ahova\s+jarok)(?![^\W_])"
)
PATTERNS += [
    (GIRL_FROM, "how others would know her"),
    (WEARS, "how others would know her"),
    (HER_WAYS, "what she does"),
    (ORIGIN, "where she is from"),
    (ONLY_OF_HER_KIND, "the only one"),
    (THAI_ONLY_IN, "the only one"),
    (THE_ONE_WITH, "how others would know her"),
    (HER_AGE, "her height or age"),
    (DEMOGRAPHIC, "who she is"),
    (HER_OCCUPATION, "what she does"),
    (THAI_ONLY, "the only one"),
    (NATIONAL_WHERE, "a woman by her nationality"),
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


# A man saying what he is ("sou brasileiro também", "jestem Polakiem", "sunt român"): the
# masculine form is his, whoever reports it.
MASCULINE = re.compile(rf"{bounded(['brasileiro', 'polakiem', 'roman'])}$")


def find(text: Text, facts: Facts) -> Iterator[Span]:
    for match in WHERE_I_GO.finditer(text.folded):
        # The place is named before it, often with a point in it ("św. Kazimierza").
        start = text.folded.find(" ", max(0, match.start() - 40), match.start()) + 1
        yield Span(start, text.sentence_end(match.end()), KIND, "where she goes")
    for match in THE_PLACE_GIRL.finditer(text.original):
        if fold(match.group("place")) not in COMMON_WORDS:
            yield clause_around(text, match.start(), match.end(), "where she is from")
    for pattern, rule in PATTERNS:
        for match in pattern.finditer(text.folded):
            if rule == "what she is" and MASCULINE.search(match.group()):
                continue
            if rule == "what she has, unless his" and is_his(text, match):
                continue
            if rule == "how others would know her" and not (
                FEMININE_ONE.match(match.group()) or said_of_her(text, match.end())
            ):
                continue  # "he always wears a cap", "Guy, always wearing a leather jacket"
            if rule != "the only one" or not is_about_him(text, match.start()):
                yield clause_around(text, match.start(), match.end(), rule)
    for match in MARK.finditer(text.folded):
        start, end = text.clause_start(match.start()), text.clause_end(match.end())
        if whose(text.folded, start, end, match.start()) == "hers" and not is_his(text, match):
            yield Span(start, end, KIND, "her mark")
    for match in SAID_OF_HERSELF.finditer(text.folded):
        if match.start() > 0:
            yield Span(text.clause_start(match.start()), match.end(), KIND, "that is me")
    yield from heads_of_hers(text)


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


NEXT_STOP = re.compile(r"[,.;!?\n]|$")


def clause_around(text: Text, start: int, end: int, rule: str) -> Span:
    """From the start of the clause to the end of the sentence: what she says of herself
    runs on ("i am Thai and i work in Luton"), and all of it is hers."""
    end = max(end, text.sentence_end(end))
    if rule == "how others would know her":  # "… wi the grey bob and glasses, Moira"
        stop = NEXT_STOP.search(text.folded, end, end + 80)
        end = trim_end(text.original, start, stop.start()) if stop else end
    for after in (HEIGHT_AFTER, THAT_IS_ME):
        if found := after.match(text.folded, end):
            end = found.end()
    return Span(text.clause_start(start), end, KIND, rule)


# "cea cu", "ta z", "aquela com": a woman, whoever writes it.
FEMININE_ONE = re.compile(r"(?:cea|aceea|ta|tamta|aquela|тази|онази)\s")
SHE_SAID = re.compile(
    r"(?<![^\W_])(?:i|i'm|im|me|my|she|she's|shes|her|ella|ela|ea|ona|тя|ми|eu|sunt|sou|soy|"
    r"jestem|estoy|sestra|sister|сестра|we|our|client|woman)(?![^\W_])"
)


def said_of_her(text: Text, start: int) -> bool:
    """Whether what follows is said of her: her word, not his, last before it in its sentence."""
    window = max(0, start - 80)
    stops = [stop.end() for stop in re.finditer(r"[.!?\n](?=\s)", text.folded[window:start])]
    before = text.folded[window + (stops[-1] if stops else 0) : start]
    hers = [m.end() for m in SHE_SAID.finditer(before)]
    his = [m.end() for m in re.finditer(HIS, before)]
    return bool(hers) and (not his or max(hers) > max(his))


HIM = re.compile(
    r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:he|him|his|he's|hes|el|ele|on|jego|той|ő|他|เขา)\s*$"
)


def is_about_him(text: Text, start: int) -> bool:
    """ "he was the only one" is about him (and not distinctive of her)."""
    before = text.folded[max(0, start - 14) : start]
    return bool(HIM.search(re.sub(r"\s+(?:was|is|were|the|a)\s*$", " ", before)))


# --- A word about her, anywhere in a clause that is hers -------------------------------------
# A head: a word for her body, her health, her children or who she is. In a clause whose
# owner is her ("deaf, she lip-reads", "She has a little boy of 4", "I've only got one arm",
# "am gemeni de doi ani") the whole clause is what identifies her; in his ("he had a sleeve
# tattoo", "his kids' car seats") it is his description. Adjectives are listed in their
# feminine forms only: "sou surdo" is a man speaking.
HEADS = [
    # disability
    r"wheel\s?chairs?(?:\s+users?)?", "deaf",
    r"blind(?!\s+(?:drunk|spot|date|side|eye|fold|to))", r"lip[-\s]?read(?:s|ing|er)?",
    r"reads?\s+lips", r"reading\s+lips", "sign language", "bsl", r"hearing\s+aids?",
    "cochlear implant", r"crutch(?:es)?", "walking stick",
    r"(?:walks?|walking|walked|uses?|using)\s+(?:with\s+)?a\s+stick",
    r"(?:walking|zimmer)\s+frame", "mobility scooter", "autistic", "autism", "aspergers?",
    r"one\s+(?:arm|leg|eye|hand|foot|ear)", r"prosthe(?:tic|sis)",
    r"(?:false|artificial)\s+(?:leg|arm|eye)",
    "amputee", "amputated", "partially sighted", "visually impaired", "hard of hearing",
    "guide dog", r"learning\s+disabilit(?:y|ies)", "disabled", "disability", "epilepsy",
    "epileptic", "cerebral palsy", "stammer", "stutter", "glass eye", "eye patch",
    r"missing\s+(?:an?\s+|two\s+|some\s+|my\s+|her\s+)?(?:arm|leg|hand|eye|fingers?|teeth|tooth)",
    # pregnancy
    "pregnant", "preggers", "preggo", "preggy", "pregnancy", "baby bump",
    r"expecting\s+(?:a\s+baby|twins|again|my\s+first|a\s+boy|a\s+girl)", r"months?\s+gone",
    "up the duff",
    # children
    "kids", "kid", "kiddies", "kiddos", "children", "child", r"little\s+(?:boy|girl|lad|one)s?",
    "daughters?", r"step(?:son|daughter|kid)s?", "grandkids", "grandchildren", "babies",
    "twins", "toddlers?", "newborn", "school run",
    # body
    r"tattoo(?:s|ed)?", r"tatt?s", "inked", r"(?:full|half)\s+sleeve", r"sleeve\s+tattoos?",
    r"scar(?:s|red)?", r"birth\s?marks?", "port wine stain", "piercings?", "pierced",
    r"nose\s+(?:ring|stud)", "septum", r"tongue\s+(?:bar|stud|ring)",
    r"(?:pink|blue|green|purple|lilac|lavender|turquoise|teal|rainbow|orange|silver|neon)\s+hair",
    r"shaved\s+head", "braces", r"gold\s+(?:tooth|teeth)", "freckles", "vitiligo", "albino",
    "alopecia", r"dread(?:lock)?s",
    # who she is
    "trans", "transgender", "transsexual", r"ts\s+(?:girl|escort|lady|woman)", r"t-?girl",
    "ladyboy", r"non-?binary", "intersex",
    # her age and height
    r"\d+\s?(?:years?|yrs?)\s?old", r"\d+\s?y/?o",
    r"\d\s?(?:ft|foot|feet)(?:\s?\d{1,2}(?:\s?(?:in|inches))?)?",
    r"1[.,]\d{2}\s?m", r"1\d\d\s?cm",
    # Romanian
    r"copii(?:i|lor)?", r"copil(?:ul|ului|as|asi)?", r"fetit(?:a|e|ele)", r"baietel(?:ul|i)?",
    r"fii(?:ca|cele|cei)", "fiul", r"gemen(?:i|ii|e|ele)", r"bebelus(?:ul|i)?", "insarcinata",
    "gravida", "surda", "oarba", r"scaun(?:ul)?\s+cu\s+rotile", r"carj[ie]", r"tatuaj(?:e|ul|ele)?",
    r"cicatric(?:e|ea|i)", r"aparat(?:ul)?\s+auditiv", "transsexuala", "proteza",
    r"un\s+singur\s+(?:brat|picior|ochi)", r"o\s+singura\s+mana",
    # Polish
    r"dzieci(?:ak|aki|akow|ach|om|mi)?", r"dzieck(?:o|a|iem|u)",
    r"cor(?:ka|ki|ke|ce|ek|eczka|eczki|eczke|eczek)",
    r"syn(?:a|ek|ka|kiem|em|owie|ow)?", r"blizni(?:aki|aczki|eta|ak)", r"niemowl(?:e|ak|aka|ecia)",
    r"ciaz(?:a|y|e)", r"wozku(?:\s+inwalidzkim)?", r"wozek\s+inwalidzki", "glucha", "niewidoma",
    "niedowidzaca", "niedoslyszaca", r"niepelnosprawn[ae]", r"tatuaz(?:e|u|em|y)?", r"blizn[aey]",
    r"transplciow[ae]", r"jedn[ae]\s+(?:reka|noga|reke|noge)", r"bez\s+(?:reki|nogi)",
    # Portuguese and Spanish
    r"filh(?:o|a|os|as|inho|inha|inhos|inhas)", r"crianc(?:a|as)", r"geme(?:os|as|los|las|lo|la)",
    r"melliz(?:o|a|os|as)", r"hij(?:o|a|os|as|ito|ita|itos|itas)", "gestante", "embarazada",
    "surda", "sorda", "cega", "ciega", "cadeirante", r"cadeira\s+de\s+rodas",
    r"silla\s+de\s+ruedas",
    r"muletas?", r"tatuage(?:m|ns)", r"tatuajes?", "tatuada", r"cicatriz(?:es)?", "transexual",
    "discapacitada", "deficiente",
    # Bulgarian
    r"дец(?:а|ата)", r"дет(?:е|ето)", r"дъщер(?:я|и|ите|ята)", r"близнаци(?:те)?", "бременна",
    "глуха", "сляпа", r"инвалидна\s+количка", r"патериц(?:а|и|ите)", r"татуировк(?:а|и|ата|ите)",
    r"белег(?:а|ът)?",
    # Hungarian
    r"gyerek(?:ek|em|eim|eimet|emet|ekkel)?", r"gyermek(?:em|eim|ek)?", r"kislany(?:om|aim)?",
    r"kisfi(?:am|u)", r"ikr(?:ek|eim)", "terhes", "varandos", "suket", r"kerekesszek(?:es|ben|em)?",
    r"tetovalas(?:om|a|aim|ok)?", "transz", "transznemu",
]  # fmt: skip
# Heads with no spaces around them (Chinese, Thai). ลูก (child) is not ลูกค้า (customer).
UNSPACED_HEADS = [
    "孩子", "儿子", "女儿", "宝宝", "小孩", "双胞胎", "怀孕", "怀着", "聋", "失明", "瞎", "轮椅",
    "拐杖", "助听器", "纹身", "刺青", "疤", "胎记", "变性", "跨性别", "残疾", "唯一",
    "ลูก(?!ค้า)", "ฝาแฝด", "ตั้งครรภ์", "หูหนวก", "ตาบอด", "รถเข็น", "ไม้ค้ำ", "รอยสัก",
    "แผลเป็น", "สาวประเภทสอง", "กะเทย", "ข้ามเพศ", "พิการ",
    # the only one of her kind: "คนไทยคนเดียว" (the only Thai), not "อยู่คนเดียว" (alone)
    "(?:คน|สาว|ผู้หญิง)[^\\s]{1,15}คนเดียว",
]  # fmt: skip
# Heads too common to go on a clause alone ("he called me baby", "son of a", "el bebe"):
# hers only with her possessive or a verb of having just before or after.
WEAK_HEADS = [
    "son", "sons", "baby", "bump", "boys", "girls", "little one", "nino", "nina", "ninos", "ninas",
    "bebe", "baba", "babam", "син", "сина", "синът", "синче", "бебе", "бебето", "vak",
]  # fmt: skip


def head_pattern(heads: list[str], *, spaced: bool = True) -> re.Pattern[str]:
    """One pattern of regex fragments, longest first; as whole words where words are spaced."""
    joined = "|".join(sorted(heads, key=len, reverse=True))
    return re.compile(rf"{BOUND}(?:{joined}){BOUND_END}" if spaced else joined)


HEAD = head_pattern([re.sub(r"(?<!\\) ", r"\\s+", head) for head in HEADS])
UNSPACED_HEAD = head_pattern(UNSPACED_HEADS, spaced=False)
WEAK_HEAD = head_pattern([re.escape(head).replace(r"\ ", r"\s+") for head in WEAK_HEADS])
# "acting like a kid", "cried like a baby", "kids' car seats": a head that is no one's.
NOT_HERS_BEFORE = re.compile(
    r"(?<![^\W_])(?:like|as|acting|act|called\s+me|call\s+me|calls\s+me|fotelik\s+dla|"
    r"fotelik|scaun(?:ul)?\s+(?:de|pentru)|cadeirinha(?:\s+de)?|silla\s+(?:de|para)|"
    r"seats?\s+for|toys?\s+for|don'?t\s+have|do\s+not\s+have|dont\s+got|never\s+had|"
    r"have\s+no|got\s+no|no)\s+(?:any\s+)?(?:a\s+|an\s+|the\s+|some\s+)?"
    r"(?:little\s+|spoilt\s+|spoiled\s+|big\s+)?$"
)
NOT_HERS_AFTER = re.compile(
    r"(?:'?s?'?\s+(?:car\s+)?seats?|\s+locks?|\s+of\s+a\b|\s+lock|\s+(?:sex\s+)?abuse|\s+porn|"
    r"\s+protection|\s+services|\s+minder)"
)

# Whose a clause is. Possessives decide first ("my 2 kids", "copiii mei", "scar down her
# arm"), then the nearest subject before the head ("she has", "Mam", "a guy with"), then the
# nearest subject earlier in the sentence ("She works ... and is in a wheelchair").
HER_OWN = [
    "my", "her", "mine", "hers", "meu", "minha", "meus", "minhas", "mi", "mis", "moja", "moje",
    "moj", "moich", "mojej", "moim", "mea", "mei", "mele", "моя", "моята", "моят",
    "моите", "нейния", "нейната", "нейните", "dela", "de ella",
]  # fmt: skip
HIS_OWN = ["his", "lui", "dele", "jego", "негов", "неговия", "неговата", "неговите", "de el"]
AFTER_OWN = {"mei": "hers", "mea": "hers", "meu": "hers", "mele": "hers", "ei": "hers",
             "lui": "his", "ми": "hers", "му": "his", "dela": "hers", "dele": "his",
             "de ella": "hers", "de el": "his"}  # fmt: skip
HER_SUBJECT = [
    "i", "i'm", "im", "i've", "ive", "i'd", "i'll", "she", "she's", "shes", "she'd", "she'll",
    "eu", "yo", "ja", "аз", "ea", "ela", "ella", "ona", "тя", "am", "sunt", "tenho", "sou",
    "estou", "tengo", "soy", "estoy", "llevo", "mam", "jestem", "bylam", "mialam", "имам", "съм",
    "vagyok", "nekem", "girl", "lass", "lassie", "woman", "lady", "chick", "o fata", "femeia",
    "menina", "mulher", "chica", "mujer", "dziewczyna", "kobieta", "момиче", "жена",
]  # fmt: skip
HIS_SUBJECT = [
    "he", "he's", "hes", "he'd", "he'll", "ele", "той", "man", "men", "guy", "bloke", "fella",
    "fellow", "punter", "geezer", "dude", "gent", "lad", "un tip", "el tiene", "el tenia",
    "el es", "el dijo", "el era", "ele tem", "ele tinha", "ele e", "ele disse", "el are", "el a",
    "el e", "el zice", "omul", "tipul", "barbatul",
    "clientul", "homem", "cara", "hombre", "tipo", "facet", "gosc", "mezczyzna", "klient",
    "typ", "mial", "byl", "мъж", "мъжът", "клиентът", "ferfi",
]  # fmt: skip
UNSPACED_HER = ["我", "她", "ฉัน", "หนู", "ดิฉัน", "เธอ", "女孩", "ผู้หญิง"]
UNSPACED_HIS = ["他", "男的", "男人", "客人", "เขา", "ผู้ชาย", "ลูกค้า"]
HAVING_VERBS = (
    r"(?:have|has|had|got|with|tengo|tiene|tenho|tem|am|are|mam|ma|miala|mialam|имам|има|van)"
)
PREPOSITIONS = r"(?:on|down|across|over|along|up|under|behind|in|of|round|around|near|above|below)"


def owner_words(
    spaced: list[str], unspaced: list[str], owner: str
) -> list[tuple[re.Pattern[str], str]]:
    words = rf"{BOUND}(?:{alternatives(spaced)}){BOUND_END}"
    return [(re.compile(words), owner), (re.compile(alternatives(unspaced)), owner)]


SUBJECTS = [
    *owner_words(HER_SUBJECT, UNSPACED_HER, "hers"),
    *owner_words(HIS_SUBJECT, UNSPACED_HIS, "his"),
]
# In Polish "i" is "and": "miał obrączkę i fotelik dla dziecka" is all his.
SUBJECTS_IN_POLISH = [
    *owner_words([word for word in HER_SUBJECT if word != "i"], UNSPACED_HER, "hers"),
    *owner_words(HIS_SUBJECT, UNSPACED_HIS, "his"),
]
POLISH_LETTERS = re.compile(r"[ąęłśćźżń]", re.IGNORECASE)
POLISH_WORDS = re.compile(
    r"(?<![^\W_])(?:sie|nie|jest|jestem|mnie|tylko|bardzo|bylo|mial|byl|jego|przez|kiedy|"
    r"dziewczyny|ze|po|do|na|mam)(?![^\W_])"
)
POSSESSIVES = [
    *owner_words(HER_OWN, ["我的", "她的"], "hers"),
    *owner_words(HIS_OWN, ["他的"], "his"),
]
POSSESSIVE_AFTER = re.compile(
    rf"(?:\s+[^\W_]+){{0,3}}?\s+{PREPOSITIONS}\s+(?:(?P<her>my|her)|(?P<his>his)){BOUND_END}"
    rf"|\s+(?P<after>{alternatives(AFTER_OWN)}){BOUND_END}|(?P<her_u>ของฉัน|ของหนู)|(?P<his_u>ของเขา)"
)
HAVING_BEFORE = re.compile(rf"{BOUND}{HAVING_VERBS}(?:\s+[^\W_]+){{0,3}}?\s+$")
# At most three words between a possessive and its head ("her two little girls").
CLOSE = re.compile(r"(?:\s*[^\W_]+(?:['-][^\W_]+)*){0,3}\s*")


def possessor(folded: str, start: int, end: int, head: re.Match[str]) -> str | None:
    """Whose the head is by a possessive next to it: "my 2 kids", "copiii mei", "the scar
    down her arm", "his kids' car seats"."""
    found: list[tuple[int, str]] = []
    for pattern, owner in POSSESSIVES:
        for word in pattern.finditer(folded, start, head.start()):
            if CLOSE.fullmatch(folded, word.end(), head.start()):
                found.append((head.start() - word.start(), owner))
    if after := POSSESSIVE_AFTER.match(folded, head.end(), end):
        if after.group("after"):
            owner = AFTER_OWN[re.sub(r"\s+", " ", after.group("after"))]
        else:
            owner = "hers" if after.group("her") or after.group("her_u") else "his"
        found.append((after.end() - head.end(), owner))
    return min(found)[1] if found else None


def subjects_for(text: Text) -> list[tuple[re.Pattern[str], str]]:
    """The subject words to read `text` with: in Polish, "i" is "and", not her."""
    polish = POLISH_LETTERS.search(text.original) or len(POLISH_WORDS.findall(text.folded)) >= 3
    return SUBJECTS_IN_POLISH if polish else SUBJECTS


def subject_of(
    folded: str, start: int, end: int, subjects: list[tuple[re.Pattern[str], str]]
) -> str | None:
    """The owner word nearest before `end` in folded[start:end]: the subject of what follows."""
    nearest: tuple[int, str] | None = None
    for pattern, owner in subjects:
        for found in pattern.finditer(folded, start, end):
            if nearest is None or found.start() >= nearest[0]:
                nearest = (found.start(), owner)
    return nearest[1] if nearest else None


THAI = re.compile(r"[\u0e00-\u0e7f]")
# "who looks after my two children": "after" here is no clause end.
PHRASAL_AFTER = re.compile(
    r"(?<![^\W_])(?:look|looks|looked|looking|take care|takes care)\s+after\s+$"
)


def head_clause(text: Text, head: re.Match[str]) -> tuple[int, int]:
    """The clause a head is in; Thai writes a space where a clause ends."""
    folded = text.folded
    if THAI.search(head.group()):
        start = max(folded.rfind(" ", 0, head.start()), folded.rfind("\n", 0, head.start()))
        ends = [i for i in (folded.find(" ", head.end()), folded.find("\n", head.end())) if i >= 0]
        return start + 1, min(ends, default=len(text))
    start = text.clause_start(head.start(), limit=60)
    while start > 0 and (phrasal := PHRASAL_AFTER.search(folded, 0, start)):
        start = text.clause_start(phrasal.start(), limit=60)
    return start, text.clause_end(head.end())


SENTENCE = re.compile(r"[.!?](?=\s|$)|[\n。！？;]")
# "u cant miss me, got a full sleeve n purple hair lol": with no subject anywhere before it, a
# clause that starts with a verb of having has dropped "I".
DROPPED_I = re.compile(r"(?:got|have got|have|use|walk)\s")


def owner_of_clause(
    text: Text, start: int, end: int, head: re.Match[str], *, within: bool = False
) -> str | None:
    """Hers or his: the possessive next to the head, else the nearest subject before it in
    the clause, else the subject carried over from earlier in the sentence ("She works the
    managed area and is in a wheelchair"). `within`: a word of the head's own phrase counts
    ("ฉันท้อง", "El tiene dos hijos")."""
    folded, subjects = text.folded, subjects_for(text)
    if owner := possessor(folded, start, end, head):
        return owner
    if THAT_I_HAVE.match(folded, head.start()):
        return "hers"
    if owner := subject_of(folded, start, head.end() if within else head.start(), subjects):
        return owner
    sentence = max((found.end() for found in SENTENCE.finditer(folded, 0, start)), default=0)
    if owner := subject_of(folded, sentence, start, subjects):
        return owner
    return "hers" if DROPPED_I.match(folded, start) else None


def heads_of_hers(text: Text) -> Iterator[Span]:
    """Each clause with a head in it whose owner is her, from its start to its end."""
    folded = text.folded
    for pattern, weak in ((HEAD, False), (UNSPACED_HEAD, False), (WEAK_HEAD, True)):
        for head in pattern.finditer(folded):
            if NOT_HERS_BEFORE.search(folded, max(0, head.start() - 30), head.start()):
                continue
            if NOT_HERS_AFTER.match(folded, head.end()):
                continue
            start, end = head_clause(text, head)
            if weak and not near_having(folded, start, end, head):
                continue
            if owner_of_clause(text, start, end, head) == "hers":
                yield Span(start, max(end, head.end()), KIND, "a head of hers")


def near_having(folded: str, start: int, end: int, head: re.Match[str]) -> bool:
    """A weak head counts with a possessive or a verb of having next to it ("my son",
    "she's got a baby", "имам син", "синът ми")."""
    return possessor(folded, start, end, head) is not None or bool(
        HAVING_BEFORE.search(folded, max(start, head.start() - 40), head.start())
    )


def is_his(text: Text, match: re.Match[str]) -> bool:
    """A phrase of having or being that his words own ("he said his wife is pregnant", "El
    tiene dos hijos"): his, not hers."""
    start, end = head_clause(text, match)
    return owner_of_clause(text, start, end, match, within=True) == "his"
