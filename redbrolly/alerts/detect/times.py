"""Exact times and dates: clock times ("11:45pm", "2330", "la ora 23"), times in words ("half
ten", "quarter to midnight", "o wpół do dwunastej", "晚上十一点", "ห้าทุ่ม"), dates ("on the
19th", "19 November", "3/11", "marți 14"), weekdays ("last Tues", "friday night") and days
counted from the report ("yesterday", "last night"). An alert says "early December"; with an
exact time next to it, the man knows whose booking it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redbrolly.alerts.detect.facts import Facts
from redbrolly.alerts.detect.text import Span, Text, alternatives, bounded

KIND = "time"

L = r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])"  # a word starts here (CJK and Thai: anywhere)
R = r"(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])"  # a word ends here
BEFORE = (
    r"(?:(?:at|around|about|approx\.?|approximately|from|until|till|til|by|just after|"
    r"just before|after|before|gone|roughly|circa|ca\.?|as|a las|a la|las|pe la|la|ora|"
    r"la ora|o|o godzinie|okolo|kolo|около|към|в|sobre las|hacia las|a eso de las|"
    r"por volta das|pelas|umas|este|kb)\s+)?"
)
# What may follow a time: "in the morning", "de la noche", "noaptea", "körül".
TAIL = (
    r"(?:\s+(?:at night|in the (?:morning|evening|afternoon|night)|in (?:morning|night|evening)|"
    r"tonight|noaptea|seara|dimineata|da (?:noite|manha|madrugada|tarde)|"
    r"de la (?:noche|manana|madrugada|tarde)|w nocy|rano|wieczorem|вечерта|сутринта|"
    r"през нощта|вечер|este|ejjel|reggel|korul|ish|or so))?"
)
AM_PM = r"\s?(?:am|pm|a\.m\.?|p\.m\.?|h|hrs|hs|uhr|ish)"
CLOCK = re.compile(
    rf"{BEFORE}(?<![\d£$€.,:/])(?:"
    rf"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:{AM_PM})?"  # 11:45, 23.30, 11.45pm
    rf"|(?:1[0-2]|0?[1-9])\s?(?:am|pm|a\.m\.?|p\.m\.?)"  # 11pm
    r"|(?:[01]?\d|2[0-3])\s?h\s?[0-5]\d"  # 23h30
    rf"|(?:[01]?\d|2[0-3])[\s-]?(?:h|uhr|ч\.?|часа|orakor|kor){R}"
    r"|(?:1[0-2]|0?[1-9])\s?(?:o'?clock|o\s?clock|oclock)"  # 10 o'clock
    r"|(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs|hours|h)"  # 2330hrs
    r"|(?:\d{1,2}|half|quarter)\s+(?:past|to|after)\s+\d{1,2}"  # 10 past 2, 20 to 1
    rf"){TAIL}(?![\d:.][\d]){R}"
)
UNITS = (
    r"miles?|quid|pounds?|£|minutes?|mins?|hours?|hrs|times?|people|men|guys|girls|years?|yrs|"
    r"percent|%|mph|weeks?|days?|months?|of|-|pence|p|grand|k|euros?|lei|zl|th|st|nd|rd|"
    r"ft|foot|feet|inch|inches|cm|kg|stone|seconds?|secs?|homens|mulheres|caras|hombres|chicos|"
    r"chicas|fete|barbati|baieti|facet|faceci|dziewczyn|мъже|момичета|ferfi|lany|ani|anos|lat|"
    r"години|eves|kids|children|drinks|bottles|shots|pills|lines|grams?|g"
)
# "at 11", "la 23", "around 2330": a bare number is a time after these; 13 to 23 only after
# the ones that name a clock time ("about 20" is an age).
CUED_NUMBER = re.compile(
    rf"{L}(?:(?:at|la|la ora|ora|o|o godzinie|as|a las|a la|в|um)\s+"
    r"(?P<n>(?:[01]\d|2[0-3])[0-5]\d|1\d|2[0-3]|0?[1-9])"
    r"|(?:around|about|gone|till|until|by|pe la|umas|uns|por volta das|pelas|a eso de las|"
    r"sobre las|hacia las|como a las|kolo|okolo|около|към|este|reggel|ejjel|kb)\s+"
    r"(?P<m>(?:[01]\d|2[0-3])[0-5]\d|1[0-2]|0?[1-9]))"
    rf"(?![:.,]\d|[\d£%]|\s*(?:{UNITS}){R}){TAIL}{R}"
)
NUMBER_AT_NIGHT = re.compile(
    rf"(?<![^\W_\d£$€.])(?:1[0-2]|0?[1-9])\s+(?:at night|in the (?:morning|evening|afternoon)|"
    rf"tonight|noaptea|seara|da noite|da manha|de la noche|de la manana|w nocy|вечерта|este){R}"
)

HOURS = {
    "en": "one two three four five six seven eight nine ten eleven twelve",
    "ro": "unu una doua trei patru cinci sase sapte opt noua zece unsprezece doisprezece",
    "pt": "uma duas tres quatro cinco seis sete oito nove dez onze doze",
    "es": "una dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "pl": "pierwszej drugiej trzeciej czwartej piatej szostej siodmej osmej dziewiatej "
    "dziesiatej jedenastej dwunastej trzynastej czternastej pietnastej szesnastej "
    "siedemnastej osiemnastej dziewietnastej dwudziestej",
    "bg": "един два три четири пет шест седем осем девет десет единайсет единадесет "
    "дванайсет дванадесет",
    "hu": "egy ketto harom negy ot hat het nyolc kilenc tiz tizenegy tizenketto",
}
EN_HOUR = alternatives(HOURS["en"].split())
ANY_HOUR = alternatives(" ".join(HOURS.values()).split())
WORDS = re.compile(
    rf"{BEFORE}(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:"
    rf"(?:half|quarter|twenty|ten|five|twenty five)\s+(?:past|to|after)\s+(?:{EN_HOUR}|\d{{1,2}}|midnight|noon)"  # noqa: E501
    rf"|half\s+(?:{EN_HOUR}|\d{{1,2}})(?!\s*(?:an?\s+)?(?:hour|hours|pound|quid|price|bottle|gram))"
    rf"|(?:{EN_HOUR})\s+(?:o'?clock|o\s?clock|oclock|thirty|fifteen|forty[\s-]?five|at night|in the (?:morning|evening|night))"  # noqa: E501
    r"|(?:at|around|about|just after|just before|gone|past)\s+(?:midnight|midday|noon)"
    rf"|(?:at|around|about|gone)\s+(?:{alternatives(HOURS['en'].split()[1:])})(?!\s+(?:of|or|guys|men|girls|people|times|minutes|hours|days|weeks|months|years|quid|pounds))"
    r"|(?:la\s+)?(?:ora\s+)?(?:unsprezece|doisprezece|zece|noua|opt)\s+(?:si\s+jumatate|noaptea|seara)"
    r"|(?:la\s+)?miezul\s+noptii|la\s+ora\s+(?:[^\W\d_]+)"
    rf"|(?:as|às|a\s+las?|pelas|por\s+volta\s+das)\s+(?:{alternatives(HOURS['pt'].split() + HOURS['es'].split())})(?:\s+(?:e|y)\s+(?:meia|media|cuarto))?"  # noqa: E501
    r"|meia[\s-]noite|meio[\s-]dia|medianoche|mediodia"
    rf"|(?:o\s+wpol\s+do|wpol\s+do|o)\s+(?:{alternatives(HOURS['pl'].split())})(?:\s+(?:pierwszej|drugiej|trzeciej|czwartej))?"
    r"|o\s+polnocy|o\s+polnoc"
    rf"|(?:в\s+)?(?:{alternatives(HOURS['bg'].split())})\s+(?:часа|вечерта|сутринта|през нощта)|в\s+полунощ"  # noqa: E501
    rf"|(?:fel\s+)?(?:{alternatives(HOURS['hu'].split())})(?:kor|orakor|\s+orakor)|ejfelkor|ejfel"
    rf"){TAIL}{R}"
)
HAN_NUMERAL = "一二三四五六七八九十两零〇"
HAN_TIME = re.compile(
    rf"(?:早上|上午|中午|下午|晚上|夜里|半夜|凌晨|午夜)?(?:[{HAN_NUMERAL}]{{1,3}}|\d{{1,2}})[点點](?:半|[{HAN_NUMERAL}]{{1,3}}分?|\d{{1,2}}分?)?"
)
THAI_TIME = re.compile(
    r"(?:ตอน)?(?:ตี|บ่าย)?(?:หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|สิบเอ็ด|\d{1,2})(?:ทุ่ม|โมง(?:เช้า|เย็น)?)"
    r"|ตอนตี(?:หนึ่ง|สอง|สาม|สี่|ห้า|\d)|ตี(?:หนึ่ง|สอง|สาม|สี่|ห้า|\d)(?!ที|ครั้ง|หน)|เที่ยงคืน"
    r"|\d{1,2}[.:]\d{2}\s?น\."
)

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "ianuarie",
    "februarie",
    "martie",
    "aprilie",
    "mai",
    "iunie",
    "iulie",
    "septembrie",
    "octombrie",
    "noiembrie",
    "decembrie",
    "janeiro",
    "fevereiro",
    "marco",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "enero",
    "febrero",
    "marzo",
    "mayo",
    "junio",
    "julio",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "styczen",
    "stycznia",
    "luty",
    "lutego",
    "marzec",
    "marca",
    "kwiecien",
    "kwietnia",
    "maj",
    "maja",
    "czerwiec",
    "czerwca",
    "lipiec",
    "lipca",
    "sierpien",
    "sierpnia",
    "wrzesien",
    "wrzesnia",
    "pazdziernik",
    "pazdziernika",
    "listopad",
    "listopada",
    "grudzien",
    "grudnia",
    "януари",
    "февруари",
    "март",
    "април",
    "май",
    "юни",
    "юли",
    "август",
    "септември",
    "октомври",
    "ноември",
    "декември",
    "januar",
    "februar",
    "marcius",
    "aprilis",
    "majus",
    "junius",
    "julius",
    "augusztus",
    "szeptember",
    "oktober",
    "november",
    "december",
]
MONTH = bounded(MONTHS)
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
ORDINAL = r"(?:st|nd|rd|th|-?ти|-?ри|-?ви|-?go|-?ego|-?en|-?an|-?jen|-?ei|-?a|-?o|º|ª)"
NOT_A_DATE_AFTER = (
    r"time|times|floor|booking|visit|call|go|try|attempt|one|place|round|year|night|date|"
    r"week|month|day|person|guy|man|girl|client|punter|text|message|number"
)
MONTH_FIRST = bounded(month for month in MONTHS if month not in {"mai", "may", "mar"})
DATES = re.compile(
    rf"(?:(?:on|since|from|until|till|by|pe|no|dia|el|dnia|на)\s+)?(?:the\s+)?(?:"
    rf"{DAY}{ORDINAL}?(?:\s+(?:of|de|del))?\s+{MONTH}"  # 19 November, 14 de noviembre
    rf"|{MONTH_FIRST}\s+(?:the\s+)?{DAY}{ORDINAL}?(?![\d:])"  # November 19th, november 14-en
    rf"|(?<![^\W_\d])(?:{DAY})(?:st|nd|rd|th)(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?!\s+(?:{NOT_A_DATE_AFTER})\b)"  # the 19th  # noqa: E501
    rf"|(?<![\d.:/£$€])(?!24/7)(?:{DAY})(?:/(?:0?[1-9]|1[0-2])|\.(?:0[1-9]|1[0-2]))"  # 3/11, 19.11
    r"(?:[/.](?:\d{4}|\d{2}))?(?![\d:/])"
    r")"
)
DAY_CUED = re.compile(
    rf"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:pe|no\s+dia|dia|el\s+dia|el|dnia|на|le|(?:on|since)\s+the)\s+{DAY}"
    r"(?:-?(?:ти|ри|ви|go|ego|en|an|jen|a|o))?(?![\d:.,]|[^\W_]|\s*(?:de\s+)?(?:anos|ani|lat|"
    r"fete|girls|euros?|lei|libras|pounds|zl|minutos|minute|minuty|dias|zile|dni|horas|ore|"
    r"godzin|часа|ora|veces|vezes|ori|razy|пъти))"
)
HAN_DATE = re.compile(
    rf"(?:(?:\d{{1,2}}|[{HAN_NUMERAL}]{{1,3}})月)?(?:\d{{1,2}}|[{HAN_NUMERAL}]{{1,3}})[日号號]"
)
THAI_DATE = re.compile(
    r"วันที่\s?\d{1,2}|\d{1,2}\s?(?:ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)"
)

WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "marti",
    "miercuri",
    "joi",
    "vineri",
    "sambata",
    "duminica",
    "segunda-feira",
    "terca-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "segunda",
    "feira",
    "terca",
    "feira",
    "quarta",
    "feira",
    "quinta",
    "feira",
    "sexta",
    "feira",
    "sabado",
    "sabados",
    "domingo",
    "domingos",
    "terca",
    "tercas",
    "lunes",
    "martes",
    "miercoles",
    "jueves",
    "viernes",
    "понеделник",
    "вторник",
    "сряда",
    "четвъртък",
    "петък",
    "събота",
    "неделя",
    "hetfo",
    "hetfon",
    "kedd",
    "kedden",
    "szerda",
    "szerdan",
    "csutortok",
    "csutortokon",
    "pentek",
    "penteken",
    "szombat",
    "szombaton",
    "vasarnap",
]
# Polish weekdays change their ending ("we wtorki", "w środę", "w sobotę").
POLISH_WEEKDAYS = r"(?:poniedzial|wtor|srod|czwart|piat|sobot|niedziel)[^\W\d_]{0,4}"
# Short forms and words that are also other words: a weekday only with a cue before or after.
SHORT_WEEKDAYS = [
    "mon",
    "tue",
    "tues",
    "wed",
    "weds",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "luni",
    "segunda",
    "quarta",
    "quinta",
    "sexta",
]
DAY_CUE = (
    r"(?:last|on|this|next|that|every|past|na|no|nesta|neste|esta|este|el|los|pe|w|we|във|в|"
    r"ultima|passada|pasado|in fiecare|fiecare|luni|todas as|todos los|cada|kazdy|kazda|"
    r"всеки|всяка|minden)"
)
PART_OF_DAY = (
    r"(?:night|nite|nyt|morning|evening|afternoon|eve|gone|just gone|noaptea|seara|dimineata|"
    r"a\s+noite|a\s+noche|noche|wieczorem|w\s+nocy|вечерта|вечер|сутринта|este|ejjel|reggel)"
)
SHORT = alternatives(SHORT_WEEKDAYS)
WEEKDAY = re.compile(
    rf"(?:(?:{L}{DAY_CUE}\s+)?(?:{bounded(WEEKDAYS)}|{L}{POLISH_WEEKDAYS}{R})"
    rf"|{L}{DAY_CUE}\s+(?:{SHORT})\.?{R}"
    rf"|{L}(?:{SHORT})(?=\s+{PART_OF_DAY}{R}))"
    rf"(?:\s+{PART_OF_DAY})?(?:,?\s+(?:the\s+|dia\s+|el\s+|pe\s+)?{DAY}(?:st|nd|rd|th|-?(?:en|an|jen|a|o|go|ti|ri|vi|ти|ри|ви))?(?![\d:]))?"
    rf"(?:\s+(?:of\s+|de\s+)?{MONTH})?"
)
# "Sheffield Wednesday" is a football club.
NOT_WEEKDAYS = re.compile(r"sheffield\s+wednesday")
HAN_WEEKDAY = re.compile(
    r"(?:上个?|这个?|下个?|本)?(?:星期|礼拜|周)[一二三四五六日天]|昨天|昨晚|前天|今晚|今天晚上|昨天晚上"
)
THAI_WEEKDAY = re.compile(
    r"(?:วัน)?(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)(?:ที่\s?\d{1,2})?|เมื่อวาน(?:นี้)?|เมื่อคืน(?:นี้)?"
)
RELATIVE = re.compile(
    r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:yesterday|yday|last\s+night|the\s+night\s+before|the\s+day\s+before\s+yesterday|"
    r"tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today|(?:\d|one|two|three|four|five|"
    r"six)\s+days?\s+ago|ieri|aseara|azi[\s-]noapte|alaltaieri|ontem|anteontem|ayer|anoche|"
    r"anteayer|wczoraj|przedwczoraj|вчера|снощи|онзи\s+ден|tegnap|tegnapelott|tegnap\s+este|"
    r"(?:kolo|okolo|o)\s+polnocy|tonight|toni(?:te|ght))"
    r"(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
)


def inside(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(start <= match.start() and match.end() <= end for start, end in spans)


def find(text: Text, facts: Facts) -> Iterator[Span]:
    not_weekdays = [match.span() for match in NOT_WEEKDAYS.finditer(text.folded)]
    for pattern, rule in (
        (CLOCK, "clock time"),
        (CUED_NUMBER, "clock time"),
        (NUMBER_AT_NIGHT, "clock time"),
        (WORDS, "time in words"),
        (DATES, "date"),
        (DAY_CUED, "date"),
        (WEEKDAY, "weekday"),
        (RELATIVE, "day"),
    ):
        for match in pattern.finditer(text.folded):
            if match.end() > match.start() and not inside(match, not_weekdays):
                yield Span(match.start(), match.end(), KIND, rule)
    for pattern in (HAN_TIME, THAI_TIME, HAN_DATE, THAI_DATE, HAN_WEEKDAY, THAI_WEEKDAY):
        for match in pattern.finditer(text.original):
            if match.group() not in {"一点", "一點"}:  # "a little", not one o'clock
                yield Span(match.start(), match.end(), KIND, "date or time")
