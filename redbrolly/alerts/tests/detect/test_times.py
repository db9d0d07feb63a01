"""Exact times and dates, in figures and in words, in the community languages."""

from __future__ import annotations

import pytest

from redbrolly.alerts.tests.detect.helpers import flagged, found, kinds


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("he came at 11:45pm and left", "at 11:45pm"),
        ("he came at 2330hrs", "at 2330hrs"),
        ("he rang at half ten", "at half ten"),
        ("it was quarter to midnight", "quarter to midnight"),
        ("he was come at 3 in the night, he say", "at 3 in the night"),
        ("it was last Tues outside", "last Tues"),
        ("on the 19th he came back", "on the 19th"),
        ("Friday 14 November he booked", "Friday 14 November"),
        ("around 2am on the 19th", "around 2am on the 19th"),
        ("a venit la ora unsprezece noaptea", "la ora unsprezece noaptea"),
        ("No sábado, dia 8, umas 2 da manhã ele chegou", "No sábado, dia 8, umas 2 da manhã"),
        ("vino a las once y media", "a las once y media"),
        ("przyszedł o wpół do dwunastej", "o wpół do dwunastej"),
        ("дойде в единайсет часа вечерта", "единайсет часа вечерта"),
        ("tizenegykor jött", "tizenegykor"),
        ("晚上十一点他来了", "晚上十一点"),
        ("เขามาตอนห้าทุ่ม", "ห้าทุ่ม"),
    ],
)
def test_times_and_dates_are_flagged(text: str, time: str) -> None:
    assert flagged(time, text, "time"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "he wanted 2 hours for 100 quid",
        "about 40, tall, 6ft",
        "he came back 3 times",
        "Sheffield Wednesday shirt",
    ],
)
def test_amounts_and_ages_are_not_times(text: str) -> None:
    assert "time" not in kinds(text), found(text)
