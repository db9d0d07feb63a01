"""Exact times and dates: clock times ("11:45pm", "2330", "la ora 23"), times in words ("half
ten", "quarter to midnight", "o wpół do dwunastej", "晚上十一点", "ห้าทุ่ม"), dates ("on the
19th", "19 November", "3/11", "marți 14"), weekdays ("last Tues", "friday night") and days
counted from the report ("yesterday", "last night"). An alert says "early December"; with an
exact time next to it, the man knows whose booking it was.

A time is written in pieces ("Sat 6 of July, around 10 and half in night"): each piece is
found, then widened through the words people put around it ("bang on", "just gone", "pe la",
"de la madrugada", "körül", 左右), and pieces with only joining words between them ("the",
"of", "dia", commas) are one time, one flag. Some pieces ("Thurs", "10 and half") are a time
only next to another piece or a word that says so ("at", "in the night").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from redbrolly.alerts.detect.facts import Facts
from redbrolly.alerts.detect.text import Span, Text, alternatives, bounded

KIND = "time"

L = r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])"  # a word starts here (CJK and Thai: anywhere)
R = r"(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])"  # a word ends here
BEFORE = (
    r"(?:(?<![^\W_])(?:at|around|about|approx\.?|approximately|from|until|till|til|by|just after|"
    r"just before|just gone|after|before|gone|roughly|circa|ca\.?|as|a las|a la|las|pe la|la|ora|"
    r"la ora|o|o godzinie|okolo|kolo|около|към|в|sobre las|hacia las|a eso de las|"
    r"por volta das|pelas|umas|este|kb|hajnali|ejjel|reggel|delutan|negyed|fel|haromnegyed)"
    r"\s+){0,2}"
)
# What may follow a time: "in the morning", "de la noche", "noaptea", "körül".
TAIL = (
    r"(?:\s+(?:at night|in the (?:morning|mornin'?|evening|evenin'?|afternoon|night)|"
    r"in (?:morning|night|evening)|"
    r"tonight|noaptea|seara|dimineata|da (?:noite|manha|madrugada|tarde)|"
    r"de la (?:noche|manana|madrugada|tarde)|w nocy|rano|wieczorem|вечерта|сутринта|"
    r"през нощта|вечер|este|ejjel|reggel|korul|ish|or so|y media|y cuarto|y pico|menos cuarto|"
    r"e meia|e pouco|e um quarto|si jumatate|si un sfert|si ceva|i pol|и половина|и нещо|"
    r"es fel|or thereabouts))?"
)
AM_PM = r"\s?(?:am|pm|a\.m\.?|p\.m\.?|h|hrs|hs|uhr|ish)"
UNITS = (
    r"miles?|quid|pounds?|£|minutes?|mins?|hours?|hrs|times?|people|men|guys|girls|years?|yrs|"
    r"percent|%|mph|weeks?|days?|months?|of|-|pence|p|grand|k|euros?|lei|zl|th|st|nd|rd|"
    r"ft|foot|feet|inch|inches|cm|kg|stone|seconds?|secs?|homens|mulheres|caras|hombres|chicos|"
    r"chicas|fete|barbati|baieti|facet|faceci|dziewczyn|мъже|момичета|ferfi|lany|ani|anos|lat|"
    r"години|eves|kids|children|drinks|bottles|shots|pills|lines|grams?|g"
)
# What a number or a number in words counts when it is not a time ("two and a half hours",
# "a las dos chicas", "около два месеца", "fél óra").
NOT_TIME_AFTER = (
    rf"(?!\s*(?:{UNITS}|\*|x|lbs|ore|zile|saptamani|minute|ori|femei|colege|prietene|"
    r"horas|dias|semanas|meses|minutos|vezes|veces|garotas|meninas|amigas|colegas|filhas|"
    r"mujeres|companeras|ninas|hijas|hermanas|nosotras|ellas|elas|of us|of them|de nosotras|"
    r"de nos|dintre noi|godzin|godziny|minut|dni|razy|kobiety|kolezanki|z nas|жени|колежки|"
    r"дни|седмици|месеца|минути|пъти|лева|паунда|от нас|ora|oraja|orat|oras|orara|perc|"
    r"percet|napot|napig|hetet|evet|evig|evvel|no|nok|kollega|kozulunk|szer|alkalommal|"
    r"ember|pohar|ezer|font|fontot)"
    rf"{R})"
)
CLOCK = re.compile(
    rf"{BEFORE}(?<![\d£$€.,:/*])(?:"
    rf"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:{AM_PM})?"  # 11:45, 23.30, 11.45pm
    rf"|(?:1[0-2]|0?[1-9])\s?(?:am|pm|a\.m\.?|p\.m\.?)"  # 11pm
    r"|(?:[01]?\d|2[0-3])\s?h\s?[0-5]\d"  # 23h30
    rf"|(?:[01]?\d|2[0-3])[\s-]?(?:h|uhr|ч\.?|часа|orakor|kor){R}"
    r"|(?:1[0-2]|0?[1-9])\s?(?:o'?clock|o\s?clock|oclock)"  # 10 o'clock
    r"|(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs|hours|h)"  # 2330hrs
    r"|(?:[0-5]?\d|half|quarter)\s+(?:past|to|after)\s+(?:1[0-2]|0?[1-9])(?!\d|[:.]\d)"  # 10 to 2
    rf"{NOT_TIME_AFTER}"
    rf"|(?:1[0-2]|0?[1-9])\s?-?ish{NOT_TIME_AFTER}"  # 11ish
    rf"){TAIL}(?![\d:.][\d]){R}"
)
# "at 11", "la 23", "around 2330": a bare number is a time after these; 13 to 23 only after
# the ones that name a clock time ("about 20" is an age).
CUED_NUMBER = re.compile(
    rf"{L}(?:(?:at|la|la ora|ora|o|o godzinie|as|a las|a la|в|um)\s+"
    r"(?P<n>(?:[01]\d|2[0-3])[0-5]\d|1\d|2[0-3]|0?[1-9])"
    r"|(?:around|about|round|roughly|approx|approximately|bang on|just after|just before|"
    r"just gone|gone|till|until|by|pe la|umas|uns|por volta das|pelas|a eso de las|"
    r"sobre las|hacia las|como a las|kolo|okolo|около|към|este|reggel|ejjel|hajnali|kb)\s+"
    r"(?P<m>(?:[01]\d|2[0-3])[0-5]\d|1[0-2]|0?[1-9]))"
    rf"(?![:.,]\d|[\d£%*]|\s*(?:{UNITS}){R}){TAIL}{R}"
)
NUMBER_AT_NIGHT = re.compile(
    rf"(?<![^\W_\d£$€.*])(?:1[0-2]|0?[1-9])\s+(?:at night|"
    r"in the (?:morning|evening|afternoon|night)|tonight|noaptea|seara|"
    r"da (?:noite|manha|madrugada|tarde)|"
    rf"de la (?:noche|manana|madrugada|tarde)|w nocy|вечерта|през нощта|сутринта|este){R}"
)
# "10 and half": a time next to another piece, or with "at" or "in the night" around it.
AND_A_HALF = re.compile(
    rf"(?<![\d£$€.,:/*])(?:1[0-2]|0?[1-9])\s+(?:and|&)\s+(?:a\s+)?half{NOT_TIME_AFTER}{R}"
)

HOURS = {
    "en": "one two three four five six seven eight nine ten eleven twelve",
    "ro": "unu una doua doi trei patru cinci sase sapte opt noua zece unsprezece unspe "
    "doisprezece douasprezece doispe",
    "pt": "uma duas tres quatro cinco seis sete oito nove dez onze doze",
    "es": "una dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "pl": "pierwszej drugiej trzeciej czwartej piatej szostej siodmej osmej dziewiatej "
    "dziesiatej jedenastej dwunastej trzynastej czternastej pietnastej szesnastej "
    "siedemnastej osiemnastej dziewietnastej dwudziestej",
    "bg": "един едно два две три четири пет шест седем осем девет десет единайсет единадесет "
    "дванайсет дванадесет",
    "hu": "egy ketto harom negy ot hat het nyolc kilenc tiz tizenegy tizenketto",
}
# Minutes, halves and quarters after an hour in words ("eleven thirty", "două și jumătate",
# "onze e quarenta", "diez y media", "единайсет и половина").
MINUTES = {
    "en": "thirty|fifteen|forty-five|forty five|twenty|forty|fifty|oh five|twenty five|thirty five",
    "ro": "jumatate|un sfert|sfert|zece|cinci|cincisprezece|douazeci|douazeci si cinci|"
    "treizeci|patruzeci|patruzeci si cinci|cincizeci",
    "pt": "meia|quinze|vinte|trinta|quarenta|cinquenta|dez|cinco|vinte e cinco|"
    "quarenta e cinco|trinta e cinco|um quarto|pouco",
    "es": "media|cuarto|diez|cinco|quince|veinte|veinticinco|treinta|cuarenta|"
    "cuarenta y cinco|cincuenta|pico",
    "pl": "trzydziesci|pietnascie|dwadziescia|czterdziesci|czterdziesci piec|piecdziesiat|"
    "dziesiec|piec|dwadziescia piec",
    "bg": "половина|четвърт|десет|пет|петнайсет|петнадесет|двайсет|двадесет|трийсет|"
    "тридесет|четирийсет|четиридесет|петдесет|двайсет и пет",
}


def hours(*languages: str, but: str = "") -> str:
    return alternatives(
        word for code in languages for word in HOURS[code].split() if word not in but.split()
    )


def minutes(code: str) -> str:
    return alternatives(MINUTES[code].split("|"))


EN_HOUR = hours("en")
PEOPLE_AFTER = (
    r"(?!\s+(?:of|or|guys|men|girls|people|times|minutes|hours|days|weeks|months|years|quid|"
    r"pounds|lads|kids|drinks|grand|hundred|thousand)\b)"
)
# Each rule on its own, so that "about ten" does not hide "ten to eleven".
WORD_RULES = [
    # English
    rf"{L}(?:half|quarter|twenty|ten|five|twenty[\s-]five)\s+(?:past|to|after|till|til)\s+"
    rf"(?:{EN_HOUR}|midnight|noon|1[0-2]|0?[1-9])(?!\d|[:.]\d){NOT_TIME_AFTER}{R}",
    rf"{L}(?:half|hauf|haff)\s+(?:{EN_HOUR}|1[0-2]|0?[1-9])(?!\d|[:.]\d)"
    r"(?!\s*(?:an?\s+)?(?:hour|hours|pound|quid|price|bottle|gram|pint|dozen|mile|day|term))"
    rf"{R}",
    rf"{L}(?:{EN_HOUR})\s+(?:o'?clock|o\s?clock|oclock|at night|in the (?:morning|evening|night|"
    rf"afternoon))|{L}(?:{EN_HOUR})\s+(?:{minutes('en')}){NOT_TIME_AFTER}{R}",
    rf"{L}(?:at|around|about|round|just after|just before|gone|past|till|until|by|before|after|"
    r"from|like)\s+(?:midnight|midday|noon)",
    # "midnight he turned up"; his midnight blue car is not
    rf"{L}midnight(?!\s+blue){R}",
    rf"{L}from\s+(?:1[0-2]|0?[1-9])(?=\s+(?:till|til|until)\s)",
    rf"{L}(?:lunch\s?time|dinner\s?time|tea\s?time|home\s?time|school\s?run){R}",
    rf"{L}(?:at|around|about|round|gone|just gone|till|until|by|just after|just before|bout)\s+"
    rf"(?:{hours('en', but='one')}){PEOPLE_AFTER}{NOT_TIME_AFTER}{R}",
    # Romanian
    rf"{L}(?:(?:pe\s+)?la\s+)?(?:ora\s+)?(?:{hours('ro')})\s+(?:si\s+(?:{minutes('ro')})|"
    rf"fara\s+(?:un\s+)?(?:{minutes('ro')})){NOT_TIME_AFTER}{R}",
    rf"{L}(?:(?:cam\s+)?pe\s+la|la\s+ora|ora|in\s+jur\s+de(?:\s+ora)?|spre\s+ora|catre\s+ora)\s+"
    rf"(?:{hours('ro')}){NOT_TIME_AFTER}{R}",
    rf"{L}(?:la\s+)?(?:{hours('ro')})\s+(?:noaptea|seara|dimineata|dupa[\s-]amiaza){R}",
    r"(?:la\s+)?miezul\s+noptii|la\s+ora\s+(?:[^\W\d_]+)",
    # Portuguese
    rf"{L}(?:as|pelas|la\s+pelas|por\s+volta\s+das?|umas|perto\s+das?|depois\s+das?|"
    rf"antes\s+das?|ate\s+as|desde\s+as|cerca\s+das?)\s+(?:{hours('pt')})"
    rf"(?:\s+e\s+(?:{minutes('pt')})|\s+menos\s+(?:{minutes('pt')}))?{NOT_TIME_AFTER}{R}",
    rf"{L}a\s+uma(?:\s+e\s+(?:{minutes('pt')})|\s+menos\s+(?:{minutes('pt')}))?"
    rf"{NOT_TIME_AFTER}(?!\s+(?:[^\W\d_]+a|vez)){R}",
    rf"{L}(?:{hours('pt')})(?:\s+e\s+(?:{minutes('pt')})|\s+menos\s+(?:{minutes('pt')}))?"
    r"\s+d[ae]\s+(?:noite|manha|madrugada|tarde)",
    r"meia[\s-]noite|meio[\s-]dia",
    # Spanish
    r"(?<![^\W_])(?:a|hacia|sobre|como\s+a|(?:a\s+)?eso\s+de|pasadas|pasada|alrededor\s+de|"
    r"despues\s+de|antes\s+de|desde|hasta|por\s+ahi\s+de)\s+(?:las|la)\s+"
    rf"(?:{hours('es')})(?:\s+y\s+(?:{minutes('es')})|\s+menos\s+(?:{minutes('es')}))?"
    rf"{NOT_TIME_AFTER}{R}",
    rf"{L}(?:las|la)\s+(?:{hours('es')})\s+(?:y|menos)\s+(?:{minutes('es')}){NOT_TIME_AFTER}{R}",
    rf"{L}(?:(?:las|la)\s+)?(?:{hours('es')})(?:\s+y\s+(?:{minutes('es')})|"
    rf"\s+menos\s+(?:{minutes('es')}))?\s+de\s+la\s+(?:noche|manana|madrugada|tarde)",
    r"medianoche|mediodia",
    # Polish
    rf"{L}(?:o\s+wpol\s+do|wpol\s+do|o|kolo|okolo|kwadrans\s+po|za\s+kwadrans|przed)\s+"
    rf"(?:{hours('pl')})(?:\s+(?:{minutes('pl')}))?{R}",
    r"o\s+polnocy|o\s+polnoc",
    # Bulgarian
    rf"{L}(?:(?:в|към|около)\s+)?(?:{hours('bg')})\s+(?:и\s+(?:{minutes('bg')})|"
    rf"без\s+(?:{minutes('bg')})){NOT_TIME_AFTER}(?!\s+часа){R}",
    rf"{L}(?:към|около)\s+(?:{hours('bg')}){NOT_TIME_AFTER}{R}",
    rf"(?:в\s+)?(?:{hours('bg')})\s+(?:часа|вечерта|сутринта|през нощта)",
    r"(?:в|около|към|след|преди)\s+полунощ",
    # Hungarian
    rf"{L}(?:(?:fel|negyed|haromnegyed)\s+)?(?:{hours('hu')})(?:kor|orakor|\s+orakor)"
    r"|ejfelkor|ejfel",
    rf"{L}(?:fel|negyed|haromnegyed)\s+(?:{hours('hu')}){NOT_TIME_AFTER}{R}",
    rf"{L}(?:este|reggel|hajnali|hajnalban|hajnal|ejjel|ejszaka|delutan|delelott)\s+"
    rf"(?:(?:fel|negyed|haromnegyed)\s+)?(?:{hours('hu')})(?:kor)?{NOT_TIME_AFTER}{R}",
    rf"{L}(?:{hours('hu', but='egy')})\s+(?:utan|korul|elott|tajban|fele){R}",
]
WORDS = [re.compile(rf"{BEFORE}(?:{rule}){TAIL}{R}") for rule in WORD_RULES]
HAN_NUMERAL = "一二三四五六七八九十两零〇"
HAN_TIME = re.compile(
    rf"(?:早上|上午|中午|下午|晚上|夜里|夜裡|半夜|凌晨|午夜|深夜|傍晚)?"
    rf"(?:[{HAN_NUMERAL}]{{1,3}}|\d{{1,2}})[点點](?:半|一刻|三刻|[{HAN_NUMERAL}]{{1,3}}分?|\d{{1,2}}分?)?"
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
ORDINAL = r"(?:st|nd|rd|th|-?ти|-?ри|-?ви|-?go|-?ego|-?en|-?an|-?jen|-?ei|-a|-o|º|ª)"
NOT_A_DATE_AFTER = (
    r"time|times|floor|booking|visit|call|go|try|attempt|one|place|round|year|night|date|"
    r"week|month|day|person|guy|man|girl|client|punter|text|message|number"
)
MONTH_FIRST = bounded(month for month in MONTHS if month not in {"mai", "may", "mar"})
DATES = re.compile(
    rf"(?:(?:on|since|from|until|till|by|pe|no|dia|el|dnia|на)\s+)?(?:the\s+)?(?:"
    rf"{DAY}{ORDINAL}?(?:\s+(?:of|de|del))?\s+{MONTH}"  # 19 November, 14 de noviembre
    rf"|{MONTH_FIRST}\s+(?:the\s+)?{DAY}{ORDINAL}?(?![\d:*])"  # November 19th, november 14-en
    rf"|(?<![^\W_\d])(?:{DAY})(?:st|nd|rd|th)(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?!\s+(?:{NOT_A_DATE_AFTER})\b)"  # the 19th  # noqa: E501
    rf"|(?<![\d.:/£$€*])(?!24/7)(?:{DAY})(?:/(?:0?[1-9]|1[0-2])|\.(?:0[1-9]|1[0-2]))"  # 3/11, 19.11
    r"(?:[/.](?:\d{4}|\d{2}))?(?![\d:/*])"
    r")"
)
DAY_CUED = re.compile(
    rf"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:pe|no\s+dia|dia|el\s+dia|el|dnia|на|le|(?:on|since)\s+the)\s+{DAY}"
    r"(?:-?(?:ти|ри|ви|go|ego|en|an|jen)|-a|-o|º|ª)?(?![\d:*]|[.,]\d|[^\W_]|\s*(?:de\s+)?(?:anos|ani|lat|"
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
POLISH_WEEKDAYS = r"(?:poniedzial|wtor|srod(?!k)|czwart|piat|sobot|niedziel)[^\W\d_]{0,4}"
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
# Shorter still, in every language: a weekday only right before a date ("Thurs 8th",
# "sâmb. 17", "czw. 5-go").
ABBREVIATED_WEEKDAYS = [
    *SHORT_WEEKDAYS,
    "lun",
    "mar",
    "mie",
    "mier",
    "vin",
    "sam",
    "samb",
    "dum",
    "seg",
    "ter",
    "qua",
    "qui",
    "sex",
    "sab",
    "dom",
    "jue",
    "vie",
    "pon",
    "wt",
    "czw",
    "pt",
    "sob",
    "niedz",
    "пон",
    "вт",
    "ср",
    "чет",
    "пет",
    "съб",
    "нед",
    "hetf",
    "sze",
    "szer",
    "csut",
    "pent",
    "szomb",
    "vas",
]
DAY_CUE = (
    r"(?:last|on|this|next|that|every|past|mult|na|no|nesta|neste|esta|este|el|los|pe|w|we|във|в|"
    r"ultima|passada|pasado|in fiecare|fiecare|luni|todas as|todos los|toda|todo|cada|kazdy|kazda|"
    r"всеки|всяка|minden)"
)
PART_OF_DAY = (
    r"(?:(?:late|early|keso|kora|tarziu|tarde|pozno|pozna|късно|рано|kesoi|korai)\s+)?"
    r"(?:night|nite|nyt|morning|mornin|evening|evenin|afternoon|eve|gone|just gone|before last|"
    r"past|just past|noaptea|seara|dimineata|"
    r"a\s+noite|a\s+noche|noche|wieczorem|w\s+nocy|вечерта|вечер|сутринта|este|ejjel|reggel)"
)
SHORT = alternatives(SHORT_WEEKDAYS)
# "Friday the twenty-sixth": a day of the month in words.
ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|thirtieth"
)
WEEKDAY = re.compile(
    rf"(?:(?:{L}{DAY_CUE}\s+)?(?:{bounded(WEEKDAYS)}|{L}{POLISH_WEEKDAYS}{R})"
    rf"|{L}{DAY_CUE}\s+(?:{SHORT})\.?{R}"
    rf"|{L}(?:{SHORT})(?=\s+{PART_OF_DAY}{R}))"
    rf"(?:\s+{PART_OF_DAY})?(?:,?\s+(?:the\s+|dia\s+|el\s+|pe\s+)?(?:{DAY}(?:st|nd|rd|th|-?(?:en|an|jen|go|ti|ri|vi|ти|ри|ви)|-a|-o)?(?![\d:*])|{ORDINAL_WORD}))?"
    rf"(?:\s+(?:of\s+|de\s+)?{MONTH})?"
)
ABBREVIATED = re.compile(rf"{L}(?:{alternatives(ABBREVIATED_WEEKDAYS)})\.?{R}")
# "Sheffield Wednesday" is a football club.
NOT_WEEKDAYS = re.compile(r"sheffield\s+wednesday")
HAN_WEEKDAY = re.compile(
    r"(?:上个?|这个?|下个?|本)?(?:星期|礼拜|周)[一二三四五六日天]|昨天|昨晚|前天|今晚|今天晚上|昨天晚上"
)
THAI_WEEKDAY = re.compile(
    r"(?:เมื่อ)?(?:วัน)?(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)(?:ที่\s?\d{1,2}|ที่แล้ว|นี้|ก่อน)?|เมื่อวาน(?:นี้)?|เมื่อคืน(?:นี้)?"
)
RELATIVE = re.compile(
    r"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:yesterday|yday|last\s+night|the\s+night\s+before|the\s+day\s+before\s+yesterday|"
    r"tonight|this\s+(?:morning|afternoon|evening)|earlier\s+today|(?:\d|one|two|three|four|five|"
    r"six)\s+days?\s+ago|ieri|aseara|azi[\s-]noapte|alaltaieri|ontem|anteontem|ayer|anoche|"
    r"anteayer|wczoraj|przedwczoraj|вчера|снощи|онзи\s+ден|tegnap|tegnapelott|tegnap\s+este|"
    r"(?:kolo|okolo|o)\s+polnocy|tonight|toni(?:te|ght))"
    r"(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
)
# A day that is a date: "on bonfire night", "new year's eve", "în ajunul Crăciunului", "除夕".
FESTIVALS = [
    "bonfire night", "guy fawkes night", "fireworks night", "new year's eve", "new years eve",
    "new year's day", "new years day", "nye", "christmas eve", "christmas day", "xmas eve",
    "xmas day", "boxing day", "valentine's day", "valentines day", "valentine's night",
    "valentines night", "halloween", "easter sunday", "easter monday", "good friday",
    "mother's day", "mothers day", "father's day", "fathers day", "st patrick's day",
    "st patricks day", "paddy's day", "hogmanay", "pancake day", "black friday", "eid",
    "diwali", "women's day", "womens day", "women day", "international women's day",
    "the bank holiday monday", "bank holiday monday", "bank hol monday",
    "bank holiday friday", "bank hol friday", "remembrance sunday",
    "revelion", "ajunul craciunului", "ajun de craciun", "noaptea de revelion",
    "prima zi de craciun", "reveillon", "vespera de natal", "noite de natal", "dia de natal",
    "ano novo", "nochevieja", "nochebuena", "dia de navidad", "noche de san juan", "sylwester",
    "wigilia", "w wigilie", "w sylwestra", "boze narodzenie", "бъдни вечер", "коледа",
    "нова година", "в новогодишната нощ", "szilveszter", "szilveszterkor", "szenteste",
    "karacsony", "karacsonykor", "除夕", "春节", "圣诞节", "圣诞夜", "平安夜", "元旦", "情人节",
    "中秋节", "สงกรานต์", "วันสงกรานต์", "วันปีใหม่", "วันคริสต์มาส", "วันวาเลนไทน์",
]  # fmt: skip
FESTIVAL = re.compile(bounded(FESTIVALS))

# --- a time grows through the words around it -----------------------------------------------

# Words before a time that say it is one ("at", "bang on", "pe la", "a eso de", "към", 大概).
CUES_BEFORE = [
    "at",
    "about",
    "around",
    "round",
    "roughly",
    "approx",
    "approx.",
    "approximately",
    "circa",
    "bang on",
    "just after",
    "just before",
    "just gone",
    "just past",
    "gone",
    "until",
    "till",
    "til",
    "by",
    "abt",
    "bout",
    "round about",
    "like",
    "pe la",
    "cam pe la",
    "cam la",
    "la ora",
    "in jur de",
    "in jurul orei",
    "spre",
    "lá pelas",
    "pelas",
    "por volta das",
    "por volta da",
    "por volta de",
    "umas",
    "perto das",
    "cerca das",
    "depois das",
    "antes das",
    "às",
    "a eso de",
    "a eso de las",
    "hacia",
    "hacia las",
    "hacia la",
    "sobre",
    "sobre las",
    "pasadas",
    "pasadas las",
    "pasada la",
    "como a",
    "como a las",
    "alrededor de",
    "alrededor de las",
    "koło",
    "około",
    "ok.",
    "към",
    "около",
    "някъде към",
    "някъде около",
    "kb",
    "kb.",
    "körülbelül",
    "valamikor",
    "大概",
    "大约",
    "大約",
    "约",
    "差不多",
    "ประมาณ",
    "ราวๆ",
    "ราว",
    "เวลา",
    "ตอน",
]
# Words before a time that go with it, but alone do not make a number a time.
BEFORE_TOO = [
    "on",
    "the",
    "on the",
    "last",
    "this",
    "this past",
    "that",
    "past",
    "from",
    "after",
    "before",
    "early hours of",
    "in the early hours of",
    "the early hours of",
    "night of",
    "the night of",
    "morning of",
    "the morning of",
    "evening of",
    "the evening of",
    "sometime",
    "some time",
    "la",
    "ora",
    "pe",
    "in",
    "în",
    "no",
    "na",
    "dia",
    "no dia",
    "a",
    "las",
    "el",
    "el día",
    "desde",
    "hasta",
    "después de",
    "antes de",
    "o",
    "w",
    "we",
    "dnia",
    "ostatni",
    "ostatnią",
    "zeszły",
    "zeszłą",
    "в",
    "във",
    "на",
    "миналата",
    "миналия",
    "миналото",
    "след",
    "преди",
    "до",
    "múlt",
    "a múlt",
    "hajnali",
    "hajnalban",
    "este",
    "reggel",
    "éjjel",
    "éjszaka",
    "délután",
    "在",
    "那天",
    "เมื่อ",
]
# Words after a time that say it is one ("in the night", "de la madrugada", "körül", 左右).
CUES_AFTER = [
    "night",
    "at night",
    "in the night",
    "in night",
    "at nite",
    "in the morning",
    "in morning",
    "in the evening",
    "in the afternoon",
    "this morning",
    "this morn",
    "this mornin",
    "this evening",
    "tonight",
    "last night",
    "in the early hours",
    "pm",
    "am",
    "p.m.",
    "a.m.",
    "o'clock",
    "oclock",
    "sharp",
    "on the dot",
    "noaptea",
    "seara",
    "dimineața",
    "noaptea trecută",
    "da noite",
    "da manhã",
    "da madrugada",
    "da tarde",
    "de noite",
    "de madrugada",
    "à noite",
    "em ponto",
    "de la noche",
    "de la mañana",
    "de la madrugada",
    "de la tarde",
    "por la noche",
    "por la mañana",
    "en punto",
    "w nocy",
    "rano",
    "wieczorem",
    "nad ranem",
    "po południu",
    "вечерта",
    "през нощта",
    "сутринта",
    "следобед",
    "часа",
    "körül",
    "után",
    "előtt",
    "tájban",
    "tájékán",
    "felé",
    "órakor",
    "左右",
    "多",
    "钟",
    "鐘",
    "前后",
    "前後",
    "ครึ่ง",
    "กว่า",
    "นิดๆ",
]
# Words after a time that go with it ("just gone", "passado", "ish").
AFTER_TOO = [
    "just gone",
    "gone",
    "ish",
    "or so",
    "or thereabouts",
    "last",
    "before last",
    "morning",
    "mornin",
    "evening",
    "afternoon",
    "eve",
    "nite",
    "late",
    "passado",
    "passada",
    "pasado",
    "pasada",
    "trecut",
    "trecută",
    "ostatni",
    "zeszły",
    "миналата",
    "este",
    "éjjel",
    "hajnalban",
    "reggel",
]


def spaced(words: list[str]) -> list[str]:
    return [word for word in words if re.search(r"[a-zA-Z\u0400-\u04ff\u00c0-\u024f]", word)]


def unspaced(words: list[str]) -> list[str]:
    return [word for word in words if word not in spaced(words)]


def grows(words: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may stand before a time (ending where it starts) and after it (from its end)."""
    before = rf"{L}(?:{alternatives(spaced(words))})\s+\Z|(?:{alternatives(unspaced(words))})\s*\Z"
    after = (
        rf"(?:\s+|-|(?<=[\d.\u3400-\u9fff\u0e00-\u0e7f]))(?:{alternatives(spaced(words))}){R}"
        rf"|\s*(?:{alternatives(unspaced(words))})"
    )
    return re.compile(before), re.compile(after)


GROWS_BEFORE, _ = grows([*CUES_BEFORE, *BEFORE_TOO])
CUED_BEFORE, _ = grows(CUES_BEFORE)
_, GROWS_AFTER = grows([*CUES_AFTER, *AFTER_TOO])
_, CUED_AFTER = grows(CUES_AFTER)
# What may stand between two pieces of one time: "Sâmbătă pe 17, pe la ...", "The 26 of
# February, around the 23h", "Domingo passado, dia 14".
BETWEEN = re.compile(
    r"(?:[\s,.;/()–—-]|，|、|(?<![^\W_])(?:the|of|on|at|de|del|do|da|pe|dia|el|la|a|in|y|e|i|"
    r"и|на|в|and|to|from|until|till|um|no|na|w|o|between|about|around|das|as|às|ás|des|"
    r"must've been|must have been|musta been|it was|was|it were|about|ตอน|เวลา|около|към|"
    r"koło|około|pe la|por volta das|sobre las|a las|exactly|dead on|dead|bang on|bang|spot on|"
    r"roon aboot|"
    r"aboot|roond|round about|precisely|sharp)(?![^\W_]))*"
)
# Between a short weekday and the date after it ("Thurs 8th", "sâmb. pe 17").
NEXT_TO = re.compile(r"\.?,?\s*(?:(?:the|pe|dia|el|de|на)\s+)?")


@dataclass
class Piece:
    start: int
    end: int
    rule: str
    sure: bool = True  # a time alone ("11pm"), or only next to another piece ("Thurs")
    core: int = -1  # where it started before it grew


def grown(piece: Piece, folded: str) -> Piece:
    """The piece with the words around it that go with a time, and sure if one of them says
    it is a time ("at 10 and half", "10 and half in the night")."""
    start, end, sure = piece.start, piece.end, piece.sure
    for _ in range(6):
        before = GROWS_BEFORE.search(folded, max(0, start - 30), start)
        if before is None:
            break
        sure = sure or bool(CUED_BEFORE.search(folded, before.start(), start))
        start = before.start()
    for _ in range(6):
        after = GROWS_AFTER.match(folded, end)
        if after is None or after.end() <= end:
            break
        sure = sure or bool(CUED_AFTER.match(folded, end))
        end = after.end()
    return Piece(start, end, piece.rule, sure, piece.start)


def pieces_in(text: Text) -> Iterator[Piece]:
    folded, original = text.folded, text.original
    for pattern, rule in (
        (CLOCK, "clock time"),
        (CUED_NUMBER, "clock time"),
        (NUMBER_AT_NIGHT, "clock time"),
        *((rule, "time in words") for rule in WORDS),
        (DATES, "date"),
        (DAY_CUED, "date"),
        (WEEKDAY, "weekday"),
        (RELATIVE, "day"),
        (FESTIVAL, "day"),
    ):
        for match in pattern.finditer(folded):
            yield Piece(match.start(), match.end(), rule)
    for match in AND_A_HALF.finditer(folded):
        yield Piece(match.start(), match.end(), "clock time", sure=False)
    for match in ABBREVIATED.finditer(folded):
        yield Piece(match.start(), match.end(), "weekday", sure=False)
    for pattern in (HAN_TIME, THAI_TIME, HAN_DATE, THAI_DATE, HAN_WEEKDAY, THAI_WEEKDAY):
        for match in pattern.finditer(original):
            if match.group() not in {"一点", "一點"}:  # "a little", not one o'clock
                yield Piece(match.start(), match.end(), "date or time")


def masked(piece: Piece, folded: str) -> bool:
    """Digits next to a star are what is left of a masked number ("07*******12")."""
    return "*" in folded[max(0, piece.start - 1) : piece.end + 1]


def find(text: Text, facts: Facts) -> Iterator[Span]:
    folded = text.folded
    not_weekdays = [match.span() for match in NOT_WEEKDAYS.finditer(folded)]
    pieces = sorted(
        (
            grown(piece, folded) if piece.rule != "weekday" or piece.sure else piece
            for piece in pieces_in(text)
            if piece.end > piece.start
            and not masked(piece, folded)
            and not any(a <= piece.start and piece.end <= b for a, b in not_weekdays)
        ),
        key=lambda piece: (piece.start, -piece.end),
    )
    joined: list[Piece] = []
    for piece in pieces:
        if joined and one_time(joined[-1], piece, folded):
            last = joined[-1]
            joined[-1] = Piece(
                last.start, max(last.end, piece.end), last.rule, last.sure or piece.sure, last.core
            )
        else:
            joined.append(piece)
    for piece in joined:
        if piece.sure:
            yield Span(piece.start, piece.end, KIND, piece.rule)


def one_time(first: Piece, then: Piece, folded: str) -> bool:
    """Whether two pieces are one time: overlapping, or only joining words between."""
    if then.start < first.end:
        return True
    gap = folded[first.end : then.start]
    if first.rule == "weekday" and not first.sure:
        # "Thurs 8th", "sâmb. pe 17": a short weekday only right before a date.
        core = then.core if then.core >= 0 else then.start
        return (
            then.sure
            and then.rule == "date"
            and core >= first.end
            and bool(NEXT_TO.fullmatch(folded[first.end : core]))
        )
    if then.rule == "weekday" and not then.sure:
        return False
    # Two times, or a time and "10 and half" next to it.
    return (first.sure or then.sure) and len(gap) <= 16 and bool(BETWEEN.fullmatch(gap))
