"""Reports that describe the same man without sharing a number: the rules, as pure functions.

A repeat offender changes numbers; what reporters say about him changes less: the name he
gives, his car, how he looks, where he goes. Two reports are suggested as alike when their
descriptions agree on at least three of name, car, car colour, looks and region, and on the
man himself: his car with his name or his looks, or his name and his looks when the two
happened within NEAR_DAYS of each other. A common first name, a popular car, a region or a
colour never suggests anything alone, nor a car seen in one region. Each suggestion says
why, in words a moderator checks against the reports.
Nothing here touches the database.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

NAME_SIMILARITY = 85  # rapidfuzz's ratio, 0-100 (as difflib's, from the edit distance)
LOOKS_OVERLAP = 0.5
TRAITS_NEEDED = 3
TRAITS = ("name", "car", "colour", "looks", "region")
NEAR_DAYS = 90
NOT_NAMES = frozenset({"aka", "or", "and", "calls", "called", "himself", "said", "mr", "the"})
NOT_LOOKS = frozenset({"and", "the", "with", "about", "his", "was", "had", "has", "very"})
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Traits:
    """What one report says about its perpetrators, normalised for comparing."""

    report_id: int
    region_id: int
    occurred_on: datetime.date
    names: frozenset[str] = frozenset()
    cars: frozenset[tuple[str, str]] = frozenset()
    colours: frozenset[str] = frozenset()
    looks: frozenset[str] = frozenset()

    @property
    def describes_anyone(self) -> bool:
        return bool(self.names or self.cars or self.looks)


@dataclass(frozen=True)
class Person:
    """One perpetrator as the report describes him (decrypted text, as typed)."""

    names: str = ""
    description: str = ""
    vehicle_make: str = ""
    vehicle_model: str = ""
    vehicle_colour: str = ""


def words(text: str) -> list[str]:
    return [word.casefold() for word in WORD.findall(text)]


def squashed(text: str) -> str:
    """`C-Class` and `c class` alike: letters and digits only, case folded."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def traits_of(
    report_id: int, region_id: int, occurred_on: datetime.date, people: Iterable[Person]
) -> Traits:
    names: set[str] = set()
    cars: set[tuple[str, str]] = set()
    colours: set[str] = set()
    looks: set[str] = set()
    for person in people:
        names |= {word for word in words(person.names) if len(word) > 1} - NOT_NAMES
        make, model = squashed(person.vehicle_make), squashed(person.vehicle_model)
        if make and model:
            cars.add((make, model))
        if colour := squashed(person.vehicle_colour):
            colours.add(colour)
        looks |= {word for word in words(person.description) if len(word) > 2} - NOT_LOOKS
    return Traits(
        report_id,
        region_id,
        occurred_on,
        frozenset(names),
        frozenset(cars),
        frozenset(colours),
        frozenset(looks),
    )


def similar_name(a: str, b: str) -> bool:
    """`dave` and `davey`; never two short names that merely share letters."""
    if a == b:
        return True
    # Names alike start alike; the cheap checks spare most pairs the slow ratio.
    if min(len(a), len(b)) < 4 or a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    return fuzz.ratio(a, b, score_cutoff=NAME_SIMILARITY) > 0


@dataclass(frozen=True)
class Resemblance:
    """Why two reports may be about one man: the traits they share, and the names said."""

    first: int
    second: int
    name: str = ""
    car: tuple[str, str] | None = None
    colour: str = ""
    looks: frozenset[str] = frozenset()
    region: bool = False

    @property
    def traits(self) -> list[str]:
        """The traits the two share, in TRAITS order."""
        shared = (self.name, self.car, self.colour, self.looks, self.region)
        return [trait for trait, value in zip(TRAITS, shared, strict=True) if value]

    @property
    def score(self) -> int:
        return len(self.traits)


def resemblance(a: Traits, b: Traits) -> Resemblance | None:
    """What a and b share, when it is enough to ask a person; None otherwise."""
    if a.report_id == b.report_id:
        return None
    car = min(a.cars & b.cars, default=None)
    common = a.looks & b.looks
    looks = common if common and len(common) >= LOOKS_OVERLAP * len(a.looks | b.looks) else None
    if car is None and looks is None:
        return None  # every anchor needs the car or the looks: the names need not be read
    name = next(
        (x for x in sorted(a.names) for y in sorted(b.names) if similar_name(x, y)),
        "",
    )
    near = abs((a.occurred_on - b.occurred_on).days) <= NEAR_DAYS
    anchored = (car is not None and bool(name or looks)) or bool(name and looks and near)
    if not anchored:
        return None
    found = Resemblance(
        min(a.report_id, b.report_id),
        max(a.report_id, b.report_id),
        name=name,
        car=car,
        colour=min(a.colours & b.colours, default="") if car else "",
        looks=looks or frozenset(),
        region=a.region_id == b.region_id,
    )
    return found if found.score >= TRAITS_NEEDED else None


def resemblances(all_traits: Iterable[Traits]) -> list[Resemblance]:
    """Every alike pair, comparing only reports that could be (blocking): a pair anchored on
    the car and the name shares the car and the name's first letter (names alike start
    alike); on the car and the looks, the car and one of the rarer half of either report's
    looks words plus one (two sets overlapping by half or more always do: prefix filtering,
    as set-similarity joins do); on name and looks alone, the region (the third trait) and
    the name's first letter."""
    described = [traits for traits in all_traits if traits.describes_anyone]
    seen_words = Counter(word for traits in described for word in traits.looks)
    blocks: dict[tuple[object, ...], list[Traits]] = defaultdict(list)
    for traits in described:
        initials = {name[0] for name in traits.names}
        rarest = sorted(traits.looks, key=lambda word: (seen_words[word], word))
        prefix = rarest[: int(len(rarest) * (1 - LOOKS_OVERLAP)) + 1]
        keys: set[tuple[object, ...]] = {("name", traits.region_id, i) for i in initials}
        for car in traits.cars:
            keys |= {("car-name", car, initial) for initial in initials}
            keys |= {("car-looks", car, word) for word in prefix}
        for key in keys:
            blocks[key].append(traits)
    compared: set[tuple[int, int]] = set()
    found: list[Resemblance] = []
    for block in blocks.values():
        for position, a in enumerate(block):
            for b in block[position + 1 :]:
                pair = (min(a.report_id, b.report_id), max(a.report_id, b.report_id))
                if pair in compared:
                    continue
                compared.add(pair)
                if (alike := resemblance(a, b)) is not None:
                    found.append(alike)
    return found
