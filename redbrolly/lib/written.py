"""Where phone numbers, emails, handles and plates are written in free text, however written.

People write a number "07700 900123", "O77OO 9OO123" (a letter O for zero), "oh seven seven
double oh nine...", an email "steve dot m at example dot com", a handle "snap: stevo_88" or a
plate "kx65abc". Alerts mask every one of them before anyone reads the text (alerts.detect);
each is found here with its span and its canonical form (`redbrolly.lib.normalise`).
Nothing here imports Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from redbrolly.lib.normalise import (
    Identifier,
    IdentifierKind,
    NotAnIdentifier,
    find_identifier_spans,
    normalise_email,
    normalise_handle,
    normalise_phone,
    normalise_plate,
)


@dataclass(frozen=True)
class Written:
    """One identifier in a text: where it is and what it is."""

    start: int
    end: int
    identifier: Identifier


def lower_same_length(text: str) -> str:
    """Lower case, one character for one, so spans found here are spans of `text`."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# --- emails, also written "at ... dot ..." ------------------------------------------------------

_AT_WORDS = r"at|arroba|malpa|małpa|kukac|маймунка|кльомба|собачка"
_DOT_WORDS = r"dot|punto|ponto|kropka|pont|точка|точка"
_AT = rf"(?:\s*@\s*|\s*[(\[{{<]\s*(?:{_AT_WORDS}|@)\s*[)\]}}>]\s*|\s+(?:{_AT_WORDS})\s+)"
_DOT = rf"(?:\s*\.\s*|\s*[(\[{{<]\s*(?:{_DOT_WORDS})\s*[)\]}}>]\s*|\s+(?:{_DOT_WORDS})\s+)"
_PART = r"[a-z0-9_%+\-]+"
_LABEL = r"[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?"
_TLDS = (
    "com|net|org|uk|ro|pl|br|es|hu|bg|cn|th|de|fr|it|pt|io|me|info|biz|eu|ie|us|ca|au|ru|ua|"
    "online|xyz|live|email|co"
)
# Providers people name without ".com" ("stevem at gmail").
_PROVIDERS = {
    "gmail": "gmail.com",
    "googlemail": "gmail.com",
    "hotmail": "hotmail.com",
    "outlook": "outlook.com",
    "yahoo": "yahoo.com",
    "icloud": "icloud.com",
    "protonmail": "protonmail.com",
    "proton": "proton.me",
    "aol": "aol.com",
    "yandex": "yandex.com",
    "qq": "qq.com",
}
_EMAIL = re.compile(
    rf"(?<![a-z0-9_%+\-.@])(?P<local>{_PART}(?:{_DOT}{_PART}){{0,3}}){_AT}"
    rf"(?P<domain>{_LABEL}(?:{_DOT}{_LABEL}){{0,3}}{_DOT}(?:{_TLDS})(?![a-z0-9])"
    rf"|(?:{'|'.join(_PROVIDERS)})(?![a-z0-9.]))"
)
_DOT_ANY = re.compile(_DOT)


def _email(local: str, domain: str) -> Identifier | None:
    local, domain = _DOT_ANY.sub(".", local), _DOT_ANY.sub(".", domain)
    domain = _PROVIDERS.get(domain, domain)
    try:
        return normalise_email(f"{local}@{domain}")
    except NotAnIdentifier:
        return None


def emails_in(lower: str) -> Iterator[Written]:
    for match in _EMAIL.finditer(lower):
        if found := _email(match.group("local"), match.group("domain")):
            yield Written(match.start(), match.end(), found)


# --- handles and links ----------------------------------------------------------------------

_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+|(?<![\w.@])(?:instagram|onlyfans|tiktok|twitter|x|facebook|"
    r"fb|snapchat|t|wa|linktr|adultwork|vivastreet|telegram|fansly)\.(?:com|me|ee|co\.uk|tv)"
    r"/[^\s<>\"]+"
)
_AT_HANDLE = re.compile(r"(?<![\w.@])@(?P<h>[a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?)")
_PLATFORMS = (
    r"snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|twitter|onlyfans|only\s?fans|telegram|tg|kik|"
    r"we\s?chat|weixin|line(?:\s?id)?|whats\s?app|signal|fb|facebook|messenger|adultwork|tinder|"
    r"grindr|badoo|skype|twitch|fansly"
)
_PLATFORMS_UNSPACED = r"微信号?|ไลน์|ไอดีไลน์|ไอจี|เฟส"
_LINKING = (
    r"id|name|handle|username|user|account|acc|page|profile|is|was|it's|its|e|é|es|era|jest|"
    r"to|е|és|volt|as|under|called|是|叫|คือ|ชื่อ"
)
_CUED_HANDLE = re.compile(
    rf"(?:(?<![^\W_])(?:{_PLATFORMS})(?![^\W_])|{_PLATFORMS_UNSPACED})"
    rf"(?:\s*(?:[:=\-@(\[]|(?:{_LINKING})(?![^\W_])))*\s*@?"
    r"(?P<h>[a-z0-9_](?:[a-z0-9_.\-]{1,28}[a-z0-9_]))(?![\w@])"
)
# Words that follow "his insta is ..." and are not a handle.
_NOT_HANDLES = frozenset(
    [
        "private",
        "public",
        "blocked",
        "deleted",
        "hacked",
        "banned",
        "closed",
        "gone",
        "changed",
        "different",
        "another",
        "blank",
        "empty",
        "fake",
        "new",
        "old",
        "down",
        "off",
        "the",
        "and",
        "but",
        "his",
        "her",
        "my",
        "your",
        "their",
        "account",
        "profile",
        "message",
        "messages",
        "number",
        "called",
        "same",
        "also",
        "only",
        "just",
        "still",
        "then",
        "there",
        "here",
        "where",
        "because",
    ]
)


def handles_in(lower: str) -> Iterator[Written]:
    for match in _URL.finditer(lower):
        url = match.group().rstrip(".,;:!?)")
        if found := _or_none(normalise_handle, url):
            yield Written(match.start(), match.start() + len(url), found)
    for match in _AT_HANDLE.finditer(lower):
        if found := _or_none(normalise_handle, match.group("h")):
            yield Written(match.start(), match.end(), found)
    for match in _CUED_HANDLE.finditer(lower):
        handle = match.group("h")
        looks_made_up = bool(re.search(r"[0-9_.]", handle)) or len(handle) >= 6
        found = _or_none(normalise_handle, handle) if handle not in _NOT_HANDLES else None
        if looks_made_up and found:
            yield Written(match.start("h"), match.end("h"), found)


# --- phones: plain, with letters for digits, and in words ------------------------------------

_LOOKALIKE_RUN = re.compile(r"(?<![^\W\d_])[+0-9oO][0-9oOIl|\s\-.()/]{7,}[0-9oOIl|](?![^\W\d_])")
_LOOKALIKES = str.maketrans({"o": "0", "O": "0", "I": "1", "l": "1", "|": "1"})
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def digits_for_lookalikes(text: str) -> str:
    """`text` with O for 0 and l for 1 read as digits inside runs that are mostly digits."""
    out = list(text.translate(_THAI_DIGITS))
    for match in _LOOKALIKE_RUN.finditer(text):
        run = match.group()
        digits = sum(char.isdigit() for char in run)
        if digits >= 4 and digits >= sum(char.isalpha() for char in run):
            out[match.start() : match.end()] = run.translate(_LOOKALIKES)
    return "".join(out)


DIGIT_WORDS = {
    # English
    **dict.fromkeys(["zero", "oh", "o", "nought", "nil"], "0"),
    **{
        w: str(n)
        for n, w in enumerate(
            ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"], 1
        )
    },
    # Romanian, Portuguese, Spanish, Polish, Hungarian (folded: no accents)
    **dict.fromkeys(["unu", "una", "um", "uma", "uno", "jeden", "jedna", "egy"], "1"),
    **dict.fromkeys(["doi", "doua", "dois", "duas", "dos", "dwa", "dwie", "ketto", "keto"], "2"),
    **dict.fromkeys(["trei", "tres", "trzy", "harom"], "3"),
    **dict.fromkeys(["patru", "quatro", "cuatro", "cztery", "negy"], "4"),
    **dict.fromkeys(["cinci", "cinco", "piec", "ot"], "5"),
    **dict.fromkeys(["sase", "seis", "meia", "szesc", "hat"], "6"),
    **dict.fromkeys(["sapte", "sete", "siete", "siedem", "het"], "7"),
    **dict.fromkeys(["opt", "oito", "ocho", "osiem", "nyolc"], "8"),
    **dict.fromkeys(["noua", "nove", "nueve", "dziewiec", "kilenc"], "9"),
    **dict.fromkeys(["cero", "nulla"], "0"),
    # Bulgarian
    **dict.fromkeys(["нула"], "0"),
    **dict.fromkeys(["едно", "един", "една"], "1"),
    **dict.fromkeys(["две", "два"], "2"),
    "три": "3",
    "четири": "4",
    "пет": "5",
    "шест": "6",
    "седем": "7",
    "осем": "8",
    "девет": "9",
}
REPEATS = {"double": 2, "triple": 3, "treble": 3, "dublu": 2, "duplo": 2, "doble": 2, "podwójne": 2}
HAN_DIGITS = dict(zip("零〇一二三四五六七八九幺两", "0012345678912", strict=True))
THAI_DIGIT_WORDS = {
    "ศูนย์": "0",
    "หนึ่ง": "1",
    "สอง": "2",
    "สาม": "3",
    "สี่": "4",
    "ห้า": "5",
    "หก": "6",
    "เจ็ด": "7",
    "แปด": "8",
    "เก้า": "9",
}
_SPOKEN_TOKEN = re.compile(
    "[" + "".join(HAN_DIGITS) + "]|" + "|".join(THAI_DIGIT_WORDS) + r"|\d+|[^\W\d_]+"
)
_BETWEEN_SPOKEN = re.compile(r"[\s,\-./()]*")
MIN_SPOKEN_DIGITS = 9


def spoken_value(token: str) -> str | None:
    folded = _strip_marks(token)
    if token.isdigit():
        return token
    return DIGIT_WORDS.get(folded) or HAN_DIGITS.get(token) or THAI_DIGIT_WORDS.get(token)


def _strip_marks(word: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def spoken_runs(lower: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits) of runs of digit words and digits ("oh seven seven double oh")."""
    run: list[tuple[int, int, str, bool]] = []
    repeat, previous_end = 1, -1
    for token in _SPOKEN_TOKEN.finditer(lower):
        joined = previous_end < 0 or _BETWEEN_SPOKEN.fullmatch(lower[previous_end : token.start()])
        word = _strip_marks(token.group())
        value = spoken_value(token.group())
        if not joined or (value is None and word not in REPEATS):
            yield from _digits_of(run)
            run, repeat = [], 1
        if word in REPEATS:
            repeat = REPEATS[word]
        elif value is not None:
            run.append((token.start(), token.end(), value * repeat, not token.group().isdigit()))
            repeat = 1
        previous_end = token.end()
    yield from _digits_of(run)


def _digits_of(run: list[tuple[int, int, str, bool]]) -> Iterator[tuple[int, int, str]]:
    """Runs with at least two words in them (digits alone are phonenumbers' job)."""
    digits = "".join(value for _, _, value, _ in run)
    if len(digits) >= MIN_SPOKEN_DIGITS and sum(spoken for *_, spoken in run) >= 2:
        yield run[0][0], run[-1][1], digits


def phones_in(text: str, region: str) -> Iterator[Written]:
    for candidate in dict.fromkeys([text, digits_for_lookalikes(text)]):
        for start, end, found in find_identifier_spans(candidate, region, emails=False):
            yield Written(start, end, found)
    for start, end, digits in spoken_runs(lower_same_length(text.translate(_THAI_DIGITS))):
        for attempt in (digits, f"0{digits}"):
            phone = _or_none(lambda raw: normalise_phone(raw, region), attempt)
            if phone is not None:
                yield Written(start, end, phone)
                break


# --- plates ---------------------------------------------------------------------------------

_CURRENT_PLATE = re.compile(r"(?<![^\W_])[a-z]{2}\d{2}(?:\s?|-)[a-z]{3}(?![^\W_])")
_OLD_PLATES = re.compile(
    r"(?<![^\W_])(?:[a-z]\d{1,3}\s?[a-z]{3}|[a-z]{3}\s?\d{1,3}[a-z])(?![^\W_])", re.IGNORECASE
)
_PLATE_CUE = re.compile(
    r"(?<![^\W_])(?:reg(?:istration)?(?:\s+(?:number|no\.?|plate))?|(?:number\s?)?plates?|placa|"
    r"matr[ií]cula|tablic[aey]|rejestracj[aię]|rendsz[aá]m(?:a|mal)?|номер(?:ът)?|номера|"
    r"车牌(?:号)?|ทะเบียน(?:รถ)?)"
    r"(?:\s*(?:no\.?|number|was|is|:|-|started|starting|begins?|began|with|like|something|"
    r"e|é|era|es|jest|by[łl]a?|е|volt|是|คือ|da|do|de)(?![^\W_]))*\s*"
    r"(?P<p>[a-z0-9]{2,4}(?:\s?[a-z0-9]{1,4})?)(?![^\W_])",
    re.IGNORECASE,
)


# A plate spelt out a character at a time ("K X 6 5 A B C"), or spaced in capitals
# ("KX 65 ABC"); "in 19 the" in lower case is words.
_SPACED_PLATE = re.compile(r"(?<![^\W_])[a-z]\s?[a-z]\s?\d\s?\d\s?[a-z]\s?[a-z]\s?[a-z](?![^\W_])")


def plates_in(text: str, lower: str) -> Iterator[Written]:
    for match in _CURRENT_PLATE.finditer(lower):
        if found := _or_none(normalise_plate, match.group()):
            yield Written(match.start(), match.end(), found)
    for match in _SPACED_PLATE.finditer(lower):
        written = text[match.start() : match.end()]
        spelt = re.fullmatch(r"\S(?: \S)+", written) is not None
        as_plate = " " in written and (spelt or written.isupper())
        if as_plate and (found := _or_none(normalise_plate, written)):
            yield Written(match.start(), match.end(), found)
    for match in _OLD_PLATES.finditer(text):
        written = match.group()
        # "m62 was" is a motorway: the older shapes count when written as a plate is.
        as_plate = " " not in written or written.isupper()
        if as_plate and (found := _or_none(normalise_plate, written)):
            yield Written(match.start(), match.end(), found)
    for match in _PLATE_CUE.finditer(text):
        written = match.group("p")
        if re.search(r"\d", written) and re.search(r"[^\W\d_]", written):
            plate = _or_none(lambda raw: normalise_plate(raw, allow_partial=True), written)
            if plate is not None:
                yield Written(match.start("p"), match.end("p"), plate)


# --- the identifiers we already know, however they are written --------------------------------


def known_pattern(identifier: Identifier) -> re.Pattern[str] | None:
    """A pattern for one known identifier in any spacing (phones: also O for 0)."""
    gap = r"[\s\-.()/]{0,3}"
    if identifier.kind == IdentifierKind.PHONE and identifier.value.startswith("+44"):
        national = "0" + identifier.value[3:]
        digits = [r"[0oO]" if d == "0" else d for d in national[1:]]
        body = gap.join(digits)
        return re.compile(rf"(?<![0-9])(?:(?:\+|00){gap}44{gap}(?:\(0\){gap})?|[0oO]{gap}){body}")
    if identifier.kind == IdentifierKind.PLATE and is_distinctive(identifier.value):
        # A partial plate she gave us ("YK17") is his too, wherever it is written.
        between = r"[\s\-.]{0,2}"
        return re.compile(
            rf"(?<![^\W_]){between.join(map(re.escape, identifier.value))}(?![^\W_])",
            re.IGNORECASE,
        )
    if identifier.kind == IdentifierKind.HANDLE and len(identifier.value) >= 4:
        return re.compile(rf"(?<![\w.]){re.escape(identifier.value)}(?![\w])", re.IGNORECASE)
    return None


def is_distinctive(plate: str) -> bool:
    """A plate, or a start of one, that is no ordinary word or number: letters and digits."""
    return len(plate) >= 3 and bool(re.search(r"\d", plate)) and bool(re.search(r"[^\W\d_]", plate))


def known_in(text: str, known: Iterable[Identifier]) -> Iterator[Written]:
    for identifier in known:
        pattern = known_pattern(identifier)
        for match in pattern.finditer(text) if pattern else ():
            yield Written(match.start(), match.end(), identifier)


# --- all of them ----------------------------------------------------------------------------


def _or_none(normalise: object, raw: str) -> Identifier | None:
    try:
        return normalise(raw)  # type: ignore[operator,no-any-return]
    except NotAnIdentifier:
        return None


def without_overlaps(candidates: Iterable[Written]) -> list[Written]:
    """The first claim wins (the callers order them: known, emails, links, phones, plates)."""
    kept: list[Written] = []
    for candidate in candidates:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda found: found.start)


def identifiers_written(
    text: str, region: str = "GB", *, known: Iterable[Identifier] = ()
) -> list[Written]:
    """Every identifier written in `text`, in reading order, each once."""
    lower = lower_same_length(text)
    return without_overlaps(
        [
            *known_in(text, known),
            *emails_in(lower),
            *handles_in(lower),
            *phones_in(text, region),
            *plates_in(text, lower),
        ]
    )
