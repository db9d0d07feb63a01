"""Her own contacts: every phone, email and handle she gave us (her profile, the report, a
support request), wherever and however it is written; a contact she gives in the first
person ("ring me on ...", "my insta is ..."); and any masked number or address none of the
reports gives for him (it may be hers).

Compared before anything is masked: `sanitise` takes out a contact of hers it knows and
masks his, so what is left for this rule set is her phrase and whatever it points at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redbrolly.alerts.detect.facts import Facts
from redbrolly.alerts.detect.lexicon import COMMON_WORDS
from redbrolly.alerts.detect.text import Span, Text, bounded, fold
from redbrolly.lib.written import identifiers_written

KIND = "contact"
REMOVED = "[…]"

FIRST_PERSON = [
    "ring me", "call me on", "call me at", "call me back on", "phone me", "text me", "txt me",
    "message me", "msg me", "whatsapp me", "whats app me", "email me", "e-mail me", "mail me",
    "dm me", "inbox me", "contact me", "reach me", "find me", "add me", "my number",
    "my no", "my num", "my mobile", "my phone", "my work phone", "my work number", "my cell",
    "my email", "my e-mail", "my mail", "my insta", "my instagram", "my ig", "my snap",
    "my snapchat", "my sc", "my onlyfans", "my of", "my twitter", "my tiktok", "my telegram",
    "my whatsapp", "my ad", "my advert", "my profile", "my page", "my account", "my handle",
    "my username", "my user name", "my site", "my website", "my aw", "my adultwork",
    "my wechat", "my line", "my line id", "my kik", "my signal", "you can ring",
    "you can call", "you can text", "you can reach", "you can contact", "u can ring",
    "u can call", "u can text", "on my number", "from my number", "my other number",
    "my new number", "my work line", "im on", "i'm on", "find me on", "i am on",
    "snap me", "sc me", "insta me", "dm me on", "add me on", "msg me on", "message me on",
    "text me on", "look me up", "look me up on", "search for me", "search me", "i'm", "im",
    "i advertise as", "i advertise on", "i post as", "my ad is", "my ads", "my listing",
    "my fansly", "my viva", "my vivastreet", "my skokka", "my tryst",
    "suna-ma", "suna ma", "sunati-ma", "sunati ma", "scrie-mi", "scrieti-mi", "da-mi mesaj",
    "numarul meu", "nr meu", "telefonul meu", "mailul meu", "emailul meu", "contul meu",
    "instagramul meu", "pagina mea", "profilul meu", "ma gasesti", "ma poti suna",
    "me liga", "liga pra mim", "me chama no", "me manda mensagem", "meu numero", "meu celular",
    "meu telefone", "meu zap", "meu whats", "meu whatsapp", "meu email", "meu e-mail",
    "meu insta", "meu instagram", "meu perfil", "minha conta", "meu anuncio", "pode me ligar",
    "llamame", "escribeme", "mandame mensaje", "mi numero", "mi telefono", "mi movil",
    "mi celular", "mi correo", "mi email", "mi insta", "mi instagram", "mi perfil",
    "mi cuenta", "mi anuncio", "mi whatsapp", "puedes llamarme",
    "zadzwon do mnie", "dzwon do mnie", "napisz do mnie", "pisz do mnie", "moj numer",
    "moj telefon", "moj email", "moj mail", "moj insta", "moj instagram", "moj profil",
    "moje konto", "moje ogloszenie", "moj whatsapp",
    "обади ми се", "звънни ми", "пиши ми", "моят номер", "номерът ми", "номера ми",
    "телефонът ми", "телефона ми", "имейлът ми", "имейла ми", "моят имейл", "профилът ми",
    "инстаграмът ми",
    "hivj fel", "hivjatok", "irj nekem", "a szamom", "szamom", "a telefonszamom",
    "telefonszamom", "az emailem", "az e-mail cimem", "a profilom", "az instam",
    "a hirdetesem",
]  # fmt: skip
HAN_THAI = (
    "我的电话|我的手机|我的号码|我电话|我手机|我号码|我的微信|我微信|加我微信|加我|我的邮箱|打给我|"
    "联系我|我的line|เบอร์ฉัน|เบอร์หนู|เบอร์ของฉัน|เบอร์ของหนู|โทรหาฉัน|โทรหาหนู|ไลน์ฉัน|ไลน์หนู|"
    "ไลน์ของฉัน|ไอดีไลน์ฉัน|อีเมลฉัน|อีเมลของฉัน|ติดต่อฉัน|ติดต่อหนู"
)
CUE = re.compile(rf"{bounded(FIRST_PERSON)}|{HAN_THAI}")
# What a contact phrase points at, once `sanitise` has run: a removed or masked value, digits,
# an address or a handle.
POINTED_AT = re.compile(
    r"\[…\]|[\w+@.\-]*\*{2,}[\w+@.\-*]*(?:\s[\w*]*\*[\w*]*)?|\+?\d[\d\s\-()]{4,}\d"
    r"|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|@?[a-z0-9_.]*[0-9_][a-z0-9_.]*[a-z0-9]",
    re.IGNORECASE,
)
MASKED = re.compile(r"(?<![\w*])[\w+@.\-]*\*{2,}[\w+@.\-*]*(?:\s[A-Z0-9*]*\*[A-Z0-9*]*)?")
REACH = 40
# After a cue, a handle as people write one: with a digit, "_" or "." inside, or in two
# capitalised parts ("AmberSoton", "lilbolton_x", "kayla.xo").
HANDLE = re.compile(
    r"@?(?<![\w@])(?=[A-Za-z0-9_.]*(?:[a-z][A-Z]|[0-9_]|[a-z]\.[a-z]))[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9]"
)
# Where the handle is, not the handle ("my ad is on AdultWork as Bella_B").
PLATFORMS = frozenset(
    ["adultwork", "onlyfans", "whatsapp", "snapchat", "instagram", "tiktok", "vivastreet",
     "fansly", "facebook", "telegram", "twitter", "youtube", "wechat", "linkedin", "aw", "of"]
)  # fmt: skip


ON_PLATFORM = re.compile(
    rf"(?i:{bounded(PLATFORMS | {'insta', 'ig', 'snap', 'sc', 'viva', 'skokka', 'tryst', 'line'})})"
    r"\s*(?:(?:as|is|:|,|-|=|name|id|called|under)\s*)+(?P<handle>@?[A-Za-z0-9_.]{3,}[A-Za-z0-9])"
)


def handle_after(text: Text, start: int) -> re.Match[str] | None:
    """The handle a contact phrase points at: one written as a handle is, or whatever is
    named on the site ("find me on OnlyFans as roxyuk")."""
    for found in HANDLE.finditer(text.original, start, start + REACH):
        if found.group().lstrip("@").casefold() not in PLATFORMS:
            return found
    on = ON_PLATFORM.search(text.original, start, start + REACH)
    if on and fold(on.group("handle")) not in COMMON_WORDS:
        return on
    return None


# "i'm" and "im" point at a contact only when a handle follows at once ("im kayla_xo on OF").
WEAK = frozenset(["i'm", "im"])


# Her ad by its title: "my Vivastreet ad (the one titled Ruby - Hull's Busty Brunette)",
# "my ad is 'Valentina Latina'": what the title says, to its closing quote or bracket.
AD_TITLE = re.compile(
    r"(?<![^\W_])(?:my|her|mine|meu|mi|moj|moje)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:ad|ads|advert|advertisement|listing|profile|page|anuncio|ogloszenie|hirdetes)(?![^\W_])"
    r"[^.!?\n]{0,30}?(?:titled|called|named|headed|headline|title|is|e|es|:)\s*"
    r"(?P<title>['\"“‘(][^'\"”’)\n]{3,60}['\"”’)]|[A-Z][^.!?\n(]{2,50}?(?=\s*[).!?\n]|$))"
)
# The end of her number: "same number as before ending 389".
NUMBER_ENDING = re.compile(
    r"(?<![^\W_])(?:ending|ending in|ending with|ends in|ends with|last (?:3|4|three|four) "
    r"digits)\s+\d{2,4}(?!\d)"
)
# A link to a profile: "tryst.link/poppyoxford", "onlyfans.com/roxyuk".
LINK = re.compile(r"(?<![\w@/])(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/[\w.\-/~%]+[\w/]")
HIS_WORDS = re.compile(r"(?<![^\W_])(?:he|his|him|he's|hes)(?![^\W_])")


def find(text: Text, facts: Facts) -> Iterator[Span]:
    yield from hers(text, facts)
    yield from phrases(text)
    yield from not_his(text, facts)
    yield from titles_and_links(text)
    yield from made_of_her_name(text, facts)


TOKEN = re.compile(r"@?(?<![\w@])[a-z0-9][a-z0-9_.]{3,}[a-z0-9]")


def made_of_her_name(text: Text, facts: Facts) -> Iterator[Span]:
    """A handle made of her name: "im bluebellxo on the site", "@bluebell_after_dark"."""
    names = [name for name in facts.reporter_name_words if len(name) >= 4]
    for match in TOKEN.finditer(text.folded) if names else ():
        token = match.group().lstrip("@")
        if token not in names and any(name in token for name in names):
            yield Span(match.start(), match.end(), KIND, "hers")


def titles_and_links(text: Text) -> Iterator[Span]:
    """Her ad's title, the end of her number, a link to a profile: not said of him."""
    for match in AD_TITLE.finditer(text.original):
        yield Span(match.start("title"), match.end("title"), KIND, "her ad")
    for pattern in (NUMBER_ENDING, LINK):
        for match in pattern.finditer(text.folded):
            start = text.clause_start(match.start())
            if not HIS_WORDS.search(text.folded, start, match.start()):
                yield Span(match.start(), match.end(), KIND, "first person")


def hers(text: Text, facts: Facts) -> Iterator[Span]:
    """A contact she gave us, written whole (before `sanitise`, e.g. in her narrative)."""
    found = identifiers_written(text.original, facts.region, known=facts.known_contacts)
    for written in found:
        if facts.is_hers(written.identifier):
            yield Span(written.start, written.end, KIND, "hers")


def phrases(text: Text) -> Iterator[Span]:
    """ "ring me on ...": from the phrase to the end of what it points at, when it points."""
    for match in CUE.finditer(text.folded):
        if match.group() in WEAK:
            target = HANDLE.match(text.original, match.end() + 1)
        else:
            target = POINTED_AT.search(text.original, match.end(), match.end() + REACH)
            handle = handle_after(text, match.end())
            if handle and (target is None or handle.start() < target.start()):
                target = handle
        if target is not None:
            yield Span(match.start(), target.end(), KIND, "first person")


def not_his(text: Text, facts: Facts) -> Iterator[Span]:
    """A masked value that is none of his identifiers: it may be hers."""
    for match in MASKED.finditer(text.original):
        masked = match.group().rstrip(".,;:!?)")
        if not any(masked in known or known in masked for known in facts.known_masks):
            yield Span(match.start(), match.start() + len(masked), KIND, "not his")
