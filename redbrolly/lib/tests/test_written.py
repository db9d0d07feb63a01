"""Identifiers found in free text however a person writes them (lib.written)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redbrolly.lib.normalise import normalise_plate
from redbrolly.lib.tests.strategies import current_uk_plates, uk_mobiles, write_like_a_person
from redbrolly.lib.written import identifiers_written

WORDS = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "ro": ["zero", "unu", "doi", "trei", "patru", "cinci", "sase", "sapte", "opt", "noua"],
    "pt": ["zero", "um", "dois", "tres", "quatro", "cinco", "seis", "sete", "oito", "nove"],
    "es": ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
    "pl": [
        "zero",
        "jeden",
        "dwa",
        "trzy",
        "cztery",
        "piec",
        "szesc",
        "siedem",
        "osiem",
        "dziewiec",
    ],
}


def found(text: str) -> dict[str, str]:
    return {text[w.start : w.end]: w.identifier.value for w in identifiers_written(text)}


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("ring 07700 900123 now", "07700 900123", "+447700900123"),
        ("ring O77OO 9OO123 now", "O77OO 9OO123", "+447700900123"),
        ("ring +44 (0)7700 900 123", "+44 (0)7700 900 123", "+447700900123"),
        (
            "ring oh seven seven double oh nine oh oh one two three",
            "oh seven seven double oh nine oh oh one two three",
            "+447700900123",
        ),
        ("email steve.m at example dot com", "steve.m at example dot com", "steve.m@example.com"),
        (
            "email steve.m arroba example ponto com",
            "steve.m arroba example ponto com",
            "steve.m@example.com",
        ),
        (
            "email steve.m (at) example (dot) com",
            "steve.m (at) example (dot) com",
            "steve.m@example.com",
        ),
        ("his snap: stevo_88 ok", "stevo_88", "stevo_88"),
        ("no insta (carla_notts_vip).", "carla_notts_vip", "carla_notts_vip"),
        ("plate kx65abc", "kx65abc", "KX65ABC"),
        ("a white Ford Ranger ce66-wta.", "ce66-wta", "CE66WTA"),
        ("plate K X 6 5 A B C", "K X 6 5 A B C", "KX65ABC"),
        ("电话是07700900123", "07700900123", "+447700900123"),
        ("เบอร์ 07700900123 ค่ะ", "07700900123", "+447700900123"),
    ],
)
def test_identifiers_are_found_however_written(text: str, written: str, value: str) -> None:
    got = found(text)
    assert written in got, got
    assert got[written].casefold().lstrip("@") == value.casefold().lstrip("@")


@pytest.mark.parametrize(
    "text",
    [
        "he paid 150 for 2 hours",
        "about 40, 6ft 2, size 12 shoes",
        "it was on the 19th at 11:45pm",
        "one or two times, three maybe",
        "i met him at the station",
    ],
)
def test_everyday_numbers_and_words_are_not_identifiers(text: str) -> None:
    assert found(text) == {}


@given(uk_mobiles(), st.integers(0, 2**32))
def test_a_mobile_typed_any_way_is_found_whole(e164: str, layout: int) -> None:
    written = write_like_a_person(e164, layout)
    text = f"he texts from {written} most nights"
    values = {w.identifier.value for w in identifiers_written(text)}
    assert e164 in values


@given(uk_mobiles(), st.sampled_from(sorted(WORDS)), st.integers(0, 2**32))
def test_a_mobile_in_words_is_found(e164: str, language: str, seed: int) -> None:
    digits = "0" + e164.removeprefix("+44")
    choose = random.Random(seed)
    words = [WORDS[language][int(d)] if choose.random() < 0.7 else d for d in digits]
    text = "numarul lui e " + " ".join(words) + " atentie"
    assert e164 in {w.identifier.value for w in identifiers_written(text)}


@given(current_uk_plates(), st.sampled_from(["plain", "spaced", "spelt"]), st.integers(0, 2))
def test_a_plate_in_any_case_and_spacing_is_found(plate: str, layout: str, case: int) -> None:
    written = {
        "plain": plate,
        "spaced": f"{plate[:4]} {plate[4:]}",
        "spelt": " ".join(plate),
    }[layout]
    written = [written.lower(), written, written.title()][case]
    text = f"his car reg is {written} silver"
    assert normalise_plate(plate).value in {w.identifier.value for w in identifiers_written(text)}


@pytest.mark.parametrize("text", ["he was in 19 the night", "an 88 bus", "my 22 abc"])
def test_words_that_look_like_a_spaced_plate_are_not_one(text: str) -> None:
    assert found(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "she got the start of the plate, YK17.",
        "the reg started yk17 i think",
        "plate was Y K 1 7 something",
    ],
)
def test_a_partial_plate_she_gave_is_found_wherever_it_is_written(text: str) -> None:
    known = normalise_plate("YK17", allow_partial=True)
    written = identifiers_written(text, known=[known])
    assert [w.identifier for w in written] == [known]


def test_a_partial_plate_that_is_only_a_number_or_a_word_is_not_looked_for() -> None:
    for partial in ("17", "YK"):
        known = normalise_plate(partial, allow_partial=True)
        assert identifiers_written(f"he paid {partial} quid", known=[known]) == []
