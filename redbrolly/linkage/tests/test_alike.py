"""Reports about a man who changed his number: alike descriptions are suggested, with why."""

from __future__ import annotations

import datetime
from itertools import combinations
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from redbrolly.linkage import selectors
from redbrolly.linkage.alike import Person, Traits, resemblance, resemblances, traits_of
from redbrolly.linkage.models import Link

DAY = datetime.date(2026, 6, 1)
DAVE = Person("Dave", "white, about 40, shaved head", "Mercedes", "C-Class", "black")


def traits(pk: int, *people: Person, region: int = 1, on: datetime.date = DAY) -> Traits:
    return traits_of(pk, region, on, people)


def test_the_same_man_with_a_new_number_is_alike_in_everything() -> None:
    again = Person("dave", "Shaved head, white, about 40", "mercedes", "c class", "Black")
    found = resemblance(traits(1, DAVE), traits(2, again))
    assert found is not None
    assert (found.name, found.car, found.colour, found.region) == (
        "dave",
        ("mercedes", "cclass"),
        "black",
        True,
    )
    assert found.looks == {"white", "shaved", "head"}
    assert found.score == 5


def test_a_name_written_slightly_differently_still_matches() -> None:
    davey = Person("Davey", "white, about 40, shaved head")
    assert resemblance(traits(1, DAVE), traits(2, davey)) is not None
    assert resemblance(traits(1, Person("Mo", "tall")), traits(2, Person("Jo", "tall"))) is None


@pytest.mark.parametrize(
    "other",
    [
        Person("Dave"),  # a common name in the same region
        Person("", "", "Mercedes", "C-Class", "black"),  # a popular car in the same region
        Person("Steve", "young, tracksuit, neck tattoo", "", "", "black"),  # a colour
    ],
)
def test_nothing_about_the_man_himself_suggests_nothing(other: Person) -> None:
    assert resemblance(traits(1, DAVE), traits(2, other)) is None


def test_name_and_looks_without_a_car_must_be_near_in_time() -> None:
    walking = Person("Dave", "white, about 40, shaved head")
    near = traits(2, walking, on=DAY + datetime.timedelta(days=30))
    far = traits(3, walking, on=DAY + datetime.timedelta(days=200))
    assert resemblance(traits(1, walking), near) is not None
    assert resemblance(traits(1, walking), far) is None


def test_the_car_and_his_looks_match_across_regions() -> None:
    elsewhere = Person("", "shaved head, white, about 40", "Mercedes", "C Class", "black")
    found = resemblances([traits(1, DAVE), traits(2, elsewhere, region=9), traits(3)])
    assert [(pair.first, pair.second, pair.region) for pair in found] == [(1, 2, False)]


WORDS = ["tall", "bald", "beard", "scar", "glasses", "tattoo"]
DESCRIBED = st.builds(
    lambda names, car, colour, looks, region, days: (names, car, colour, looks, region, days),
    st.frozensets(st.sampled_from(["dave", "davey", "davie", "mike", "mikey", "mo"]), max_size=2),
    st.sampled_from([None, ("ford", "focus"), ("bmw", "3series")]),
    st.sampled_from(["", "black", "grey"]),
    st.frozensets(st.sampled_from(WORDS), max_size=4),
    st.sampled_from([1, 2]),
    st.integers(0, 200),
)


@given(st.lists(DESCRIBED, max_size=24))
def test_blocking_finds_every_pair_that_comparing_all_pairs_finds(described: list) -> None:
    everyone = [
        Traits(
            pk,
            region,
            DAY + datetime.timedelta(days=days),
            names,
            frozenset({car}) if car else frozenset(),
            frozenset({colour}) if colour and car else frozenset(),
            looks,
        )
        for pk, (names, car, colour, looks, region, days) in enumerate(described, start=1)
    ]
    every_pair = {
        (found.first, found.second)
        for a, b in combinations(everyone, 2)
        if (found := resemblance(a, b)) is not None
    }
    assert {(found.first, found.second) for found in resemblances(everyone)} == every_pair


# --- on the page --------------------------------------------------------------------------------

pytestmark = pytest.mark.django_db


def staff(people: Any, who: str = "moderator") -> Client:
    client = Client()
    client.force_login(people(who))
    return client


def alike_references() -> list[set[str]]:
    shown, _count = selectors.alike_pairs()
    return [{pair.first.reference, pair.second.reference} for pair in shown]


def test_two_reports_with_different_numbers_and_one_description_wait_as_alike(
    report_about: Any, people: Any
) -> None:
    first = report_about(phone="07700 900411")
    second = report_about(phone="07700 900422")
    report_about(phone="07700 900433", region="scotland-greater-glasgow")  # name, looks: not enough
    assert alike_references() == [{first.reference, second.reference}]
    page = staff(people).get("/staff/linkage/alike/")
    text = page.content.decode()
    assert f"{first.reference} and {second.reference}: alike in name, looks, region" in text
    assert "Corvin" in text  # the name each reporter gave, to compare


def test_a_decision_either_way_ends_the_suggestion(report_about: Any, people: Any) -> None:
    first = report_about(phone="07700 900411")
    second = report_about(phone="07700 900422")
    client = staff(people)
    data = {"first": first.pk, "second": second.pk, "decision": "same", "back": "alike"}
    assert client.post("/staff/linkage/decide/", data)["Location"] == "/staff/linkage/alike/"
    assert Link.objects.get().decision == Link.Decision.SAME
    assert alike_references() == []
    third = report_about(phone="07700 900433")
    # A profile counts once: the new report is asked about against the profile, once.
    assert alike_references() in (
        [{first.reference, third.reference}],
        [{second.reference, third.reference}],
    )
    data = {"first": first.pk, "second": third.pk, "decision": "different"}
    client.post("/staff/linkage/decide/", data)
    assert alike_references() == []


def test_reports_sharing_a_number_are_left_to_the_suggestion_that_shares_it(
    report_about: Any,
) -> None:
    report_about(phone="07700 900411")
    report_about(phone="07700 900411")
    assert alike_references() == []


def test_withdrawn_and_old_reports_are_never_suggested(report_about: Any) -> None:
    first = report_about(phone="07700 900411")
    second = report_about(phone="07700 900422")
    second.withdrawn_at = timezone.now()
    second.save(update_fields=["withdrawn_at"])
    old = report_about(phone="07700 900433", occurred_on="2024-01-10")
    assert old.pk and first.pk
    assert alike_references() == []
