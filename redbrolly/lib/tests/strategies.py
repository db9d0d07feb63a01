"""Hypothesis strategies shared by the normalise and masking tests.

Layouts, case flips and dot positions are each drawn as one integer: far fewer draws per example
keeps these files inside their time budget, and the integers still shrink towards plain input.
"""

from __future__ import annotations

import random

from hypothesis import strategies as st

SEPARATORS = ("", " ", "  ", ".", "-", " - ")
UK_PREFIXES = ("0", "+44", "44", "0044", "+44 (0)")
PLATE_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


def uk_mobiles() -> st.SearchStrategy[str]:
    """A UK mobile in E.164, e.g. "+447700900123"."""
    return st.integers(0, 10**9 - 1).map(lambda rest: f"+447{rest:09d}")


def write_like_a_person(e164: str, layout: int) -> str:
    """`e164` (a +447... number) as someone might type it: prefix, separators, brackets."""
    choose = random.Random(layout)
    significant = e164.removeprefix("+44")
    cuts = sorted(choose.sample(range(1, len(significant)), k=choose.randint(0, 4)))
    groups = [significant[a:b] for a, b in zip([0, *cuts], [*cuts, len(significant)], strict=True)]
    prefix = UK_PREFIXES[layout % len(UK_PREFIXES)]
    if prefix == "0" and choose.random() < 0.5:
        groups[0], prefix = f"(0{groups[0]})", ""
    pieces = [prefix, *groups] if prefix else groups
    return "".join(piece + choose.choice(SEPARATORS) for piece in pieces).strip(" -.")


def uk_mobile_writings() -> st.SearchStrategy[tuple[str, str]]:
    """(how it was typed, the E.164 it must normalise to)."""
    layouts = st.integers(0, 2**32)
    return st.tuples(uk_mobiles(), layouts).map(lambda p: (write_like_a_person(*p), p[0]))


def current_uk_plates() -> st.SearchStrategy[str]:
    letters = len(PLATE_LETTERS)

    def plate(n: int) -> str:
        digits, rest = n % 100, n // 100
        picks = [PLATE_LETTERS[rest // letters**i % letters] for i in range(5)]
        return f"{picks[0]}{picks[1]}{digits:02d}{picks[2]}{picks[3]}{picks[4]}"

    return st.integers(0, letters**5 * 100 - 1).map(plate)


def with_case_flipped(text: str, flips: int) -> str:
    """Upper-cases the characters whose bit is set in `flips`."""
    return "".join(c.upper() if flips >> i & 1 else c for i, c in enumerate(text))
