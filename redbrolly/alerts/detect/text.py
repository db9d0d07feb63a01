"""The text every rule set reads: the original, a folded copy of the same length, and spans.

Rules match on the folded copy (lower case, accents taken off one character at a time), so
"ma numesc", "mă numesc" and "MĂ NUMESC" are one pattern, and a span found there is the same
span of what the moderator wrote.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character for one: lower case, without its accent ("Ă" -> "a", "ł" -> "l")."""
    lowered = char.lower()
    if len(lowered) != 1:
        lowered = char
    base = unicodedata.normalize("NFKD", lowered)[:1] or lowered
    # Letters NFKD leaves whole but people write without their mark.
    return {"ł": "l", "ø": "o", "đ": "d", "ß": "s", "ı": "i", "’": "'", "ʼ": "'"}.get(base, base)


def fold(text: str) -> str:
    return "".join(fold_char(char) for char in text)


# A word: letters (any script) with inner apostrophes or hyphens ("o'clock", "co-worker").
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Where a clause ends: what a person would cut out with a detail stops here.
CLAUSE_END = re.compile(
    r"[.!?;](?=\s|$)|[\n。！？，、]|,\s|\s(?:and|but|so|cos|because|when|then|after|before|while|if|"
    r"si|dar|apoi|mas|depois|pero|luego|ale|potem|и|но|после|а|aztan)\s"
)
SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[\n。！？;]")
HAN = re.compile(r"[\u3400-\u9fff]")
THAI = re.compile(r"[\u0e00-\u0e7f]")


@dataclass(frozen=True)
class Span:
    """A detail found by one rule: where it is, its kind, and which rule found it (tests)."""

    start: int
    end: int
    kind: str
    rule: str = ""

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Text:
    """What a moderator wrote, folded once for every rule set."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.folded = fold(original)

    def __len__(self) -> int:
        return len(self.original)

    @cached_property
    def words(self) -> list[re.Match[str]]:
        return list(WORD.finditer(self.folded))

    def clause_end(self, start: int, *, limit: int = 80) -> int:
        """Where the clause that `start` is in ends (at most `limit` characters on)."""
        found = CLAUSE_END.search(self.folded, start, min(len(self.folded), start + limit))
        end = found.start() if found else min(len(self.folded), start + limit)
        if not found and end < len(self.folded):
            # Do not stop inside a word.
            space = self.folded.rfind(" ", start, end)
            end = space if space > start else end
        return trim_end(self.original, start, end)

    def sentence_end(self, start: int, *, limit: int = 100) -> int:
        """Where the sentence `start` is in ends (at most `limit` characters on)."""
        found = SENTENCE_END.search(self.folded, start, min(len(self.folded), start + limit))
        if found:
            return trim_end(self.original, start, found.start())
        return self.clause_end(start, limit=limit)

    def clause_start(self, position: int, *, limit: int = 40) -> int:
        """Where the clause `position` is in starts (at most `limit` characters back)."""
        window = max(0, position - limit)
        start = window
        for found in CLAUSE_END.finditer(self.folded, window, position):
            start = found.end()
        if start == window and window > 0:
            space = self.folded.find(" ", window, position)
            start = space + 1 if space >= 0 else position
        while start < position and self.original[start].isspace():
            start += 1
        return start

    def word_after(self, position: int) -> re.Match[str] | None:
        match = WORD.search(self.folded, position)
        if match is None or self.folded[position : match.start()].strip(" ,:-'\"“”"):
            return None
        return match

    def is_capitalised(self, start: int) -> bool:
        return self.original[start : start + 1].isupper()

    def starts_sentence(self, start: int) -> bool:
        before = self.original[:start].rstrip(" \t\"'“(-–—")
        return not before or before[-1] in ".!?\n:"


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—"):
        end -= 1
    return end


def finditer(
    pattern: re.Pattern[str], text: Text, group: str | int = 0
) -> Iterator[tuple[int, int]]:
    for match in pattern.finditer(text.folded):
        start, end = match.span(group)
        if start < end:
            yield start, end


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of folded phrases, longest first, spaces matching any spacing."""
    folded = sorted({fold(word) for word in words if word}, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in folded)


def bounded(words: Iterable[str]) -> str:
    """Alternatives as whole words (CJK and Thai have no spaces, so no boundary there)."""
    words = list(words)
    spaced = [word for word in words if not HAN.search(word) and not THAI.search(word)]
    unspaced = [word for word in words if word not in spaced]
    found = (
        rf"(?<![^\W_\u3400-\u9fff\u0e00-\u0e7f])(?:{alternatives(spaced)})(?![^\W_\u3400-\u9fff\u0e00-\u0e7f])"
        if spaced
        else ""
    )
    if unspaced:
        found = f"{found}|{alternatives(unspaced)}" if found else alternatives(unspaced)
    return f"(?:{found})"
