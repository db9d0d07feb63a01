"""What only she has, said of herself; his description is his."""

from __future__ import annotations

import pytest

from redbrolly.alerts.tests.detect.helpers import flagged, found, kinds


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("i am the only romanian girl in hull so he knows me", "the only romanian girl in hull"),
        ("I'm deaf so I didn't hear him come in", "I'm deaf"),
        ("im 6 months pregnant and he still pushed me", "im 6 months pregnant"),
        ("my 2 kids were asleep upstairs", "my 2 kids"),
        ("I'm trans and he called me names", "I'm trans"),
        ("he grabbed my butterfly tattoo on my wrist", "my butterfly tattoo"),
        ("i am very short, 1.50, he is very big", "i am very short, 1.50"),
        ("im 19 and im the youngest on the beat", "im 19 and im the youngest on the beat"),
        ("he always asks for the girl with pink hair, that is me", "that is me"),
        ("he'd know me anywhere by the scar on my lip", "by the scar on my lip"),
        ("Sunt însărcinată în luna a cincea", "Sunt însărcinată"),
        ("Ela está grávida de 5 meses", "grávida de 5 meses"),
        ("Tengo dos hijos pequeños", "Tengo dos hijos"),
        ("Jestem w ciąży i boję się", "w ciąży"),
        ("Бременна съм в петия месец", "Бременна"),
        ("Transz nő vagyok Invernessben", "Transz nő vagyok"),
        ("我怀孕了，他还推我", "怀孕"),
        ("ฉันท้องอยู่ เขายังผลักฉัน", "ฉันท้อง"),
    ],
)
def test_her_own_details_are_flagged(text: str, detail: str) -> None:
    assert flagged(detail, text, "personal"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "he has a tattoo of a spider on his neck",
        "his kids were in the car",
        "he was polish, about 40",
        "white man, tall, shaved head, scar on his cheek",
        "he was the only one there",
    ],
)
def test_his_description_is_not_hers(text: str) -> None:
    assert "personal" not in kinds(text), found(text)
