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
    ("text", "time"),
    [
        # English: the words around a time, short weekdays, "10 to 2", "9ish", "23h".
        ("tues night just gone he turned up", "tues night just gone"),
        ("he knocked bang on twenty past twelve", "bang on twenty past twelve"),
        ("he rang bang on 11 last night", "bang on 11 last night"),
        ("it was roughly 5 to 3 this morning", "roughly 5 to 3 this morning"),
        ("Sunday 9 March 10.15 night he come", "Sunday 9 March 10.15 night"),
        ("Weds 12th about quarter past 2 in the morning", "Weds 12th about quarter past 2"),
        ("Tuesday evening at around twenty to ten", "Tuesday evening at around twenty to ten"),
        ("the 3 of March, about the 22h, he come", "the 3 of March, about the 22h"),
        ("friday 4th around 9ish he left", "friday 4th around 9ish"),
        ("Sunday 1 of June 9 and half in night", "Sunday 1 of June 9 and half in night"),
        ("Mon 2nd at 8.20pm he booked", "Mon 2nd at 8.20pm"),
        ("it was at half past 1. car was blue", "at half past 1"),
        # Romanian
        ("Vineri pe 9, pe la trei și un sfert dimineața", "Vineri pe 9, pe la trei și un sfert"),
        ("Marți trecută, pe la unsprezece fără un sfert seara", "Marți trecută, pe la unsprezece"),
        ("sâmb. pe 3 la 22 a venit", "sâmb. pe 3 la 22"),
        # Portuguese
        ("Sábado passado, dia 3, lá pelas 4 da madrugada", "Sábado passado, dia 3, lá pelas 4"),
        ("terça-feira, 5 de março, às dez e vinte da noite", "às dez e vinte da noite"),
        # Spanish
        ("El jueves 7 sobre las once y cuarto de la noche", "El jueves 7 sobre las once y cuarto"),
        (
            "El sábado 9 de marzo, hacia las dos menos cuarto de la madrugada, vino",
            "El sábado 9 de marzo, hacia las dos menos cuarto de la madrugada",
        ),
        ("Ayer pasadas las once me llamó", "Ayer pasadas las once"),
        # Polish
        ("W piątek 5-go około wpół do trzeciej w nocy", "W piątek 5-go około wpół do trzeciej"),
        # Bulgarian
        ("В събота, 9-ти, към десет и половина вечерта", "В събота, 9-ти, към десет и половина"),
        ("Миналия петък около 3 през нощта дойде", "Миналия петък около 3 през нощта"),
        # Hungarian
        ("Múlt pénteken, 9-én, fél tizenegy körül jött", "Múlt pénteken, 9-én, fél tizenegy körül"),
        ("Vasárnap hajnali háromnegyed kettőkor", "Vasárnap hajnali háromnegyed kettőkor"),
        ("Március 3-án este kilenc után hívott", "Március 3-án este kilenc után"),
        # Chinese and Thai
        ("上周五晚上十点半左右他来了", "上周五晚上十点半左右"),
        ("3月5号凌晨两点多有个客人", "3月5号凌晨两点多"),
        ("เขามาหาฉันวันเสาร์ที่ 5 ประมาณสามทุ่มครึ่ง แล้วตบฉัน", "วันเสาร์ที่ 5 ประมาณสามทุ่มครึ่ง"),
    ],
)
def test_a_time_is_flagged_whole_with_the_words_around_it(text: str, time: str) -> None:
    assert flagged(time, text, "time"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "he wanted 2 hours for 100 quid",
        "about 40, tall, 6ft",
        "he came back 3 times",
        "Sheffield Wednesday shirt",
        "age 40, size 12, the 2 of us went",
        "he sat on the bed for 10 and a half minutes",
        "it was two and a half hours",
        "between 5 to 10 guys, about ten of them",
        "he was 40ish and had roughly 5 drinks",
        "Sat in his car for 2 hours, then he sat 5 mins",
        "he came round 3 times, he was round 10 stone",
        "a las dos chicas les pegó, éramos las dos en el piso",
        "as duas meninas, umas duas vezes",
        "pe la doua fete, doua si jumatate ore",
        "około dwa miesiące, w środku",
        "около два месеца",
        "fél óra múlva, egy óra után",
        "el 4A de la calle",
    ],
)
def test_amounts_and_ages_are_not_times(text: str) -> None:
    assert "time" not in kinds(text), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "he writes it as 07700 900 875 sometimes",
        "llama desde el 07700 900 880 siempre",
        "o número é 07700 900 812, liga as 07700 900 813",
    ],
)
def test_what_is_left_of_a_masked_number_is_not_a_time(text: str) -> None:
    assert "time" not in kinds(text), found(text)


def test_a_short_weekday_is_a_time_only_before_a_date() -> None:
    assert "time" not in kinds("he wanted sex in the sun, he sat down")
    assert found("the sex at 2am") == {"at 2am": "time"}


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("he turned up on guy fawkes night pissed", "on guy fawkes night"),
        ("it was Christmas Eve, about 8", "Christmas Eve"),
        ("came round on valentines night with flowers", "on valentines night"),
        ("a venit în noaptea de revelion", "noaptea de revelion"),
        ("przyszedł w sylwestra", "w sylwestra"),
        ("他除夕晚上来的", "除夕"),
    ],
)
def test_a_day_that_is_a_date_is_flagged(text: str, time: str) -> None:
    assert flagged(time, text, "time"), found(text)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("llegó a las 10 y cuarto borracho", "a las 10 y cuarto"),
        ("chegou às 9 e meia da noite", "às 9 e meia"),
        ("a venit la 3 și jumătate", "la 3 și jumătate"),
        ("csütörtökön késő este jött", "csütörtökön késő este"),
        ("he came thursday late night", "thursday late night"),
    ],
)
def test_a_clock_time_keeps_its_half_and_a_weekday_its_late_night(text: str, time: str) -> None:
    assert flagged(time, text, "time"), found(text)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("midnight on friday he turned up", "midnight on friday"),
        ("it was just gone 3 when he left", "just gone 3"),
        ("bank hol monday, late", "bank hol monday"),
    ],
)
def test_midnight_and_just_gone_are_times(text: str, time: str) -> None:
    assert flagged(time, text, "time"), found(text)


def test_a_time_does_not_start_inside_a_word() -> None:
    flags = found("it was gone midnight")
    assert "gone midnight" in flags and "as gone midnight" not in flags


def test_his_midnight_blue_car_is_no_time() -> None:
    assert "time" not in kinds("he drives a midnight blue golf")


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Múlt csütörtökön hajnali fél 4-kor jött", "Múlt csütörtökön hajnali fél 4-kor"),
        ("he came round lunchtime weds 3/12", "lunchtime weds 3/12"),
        ("he waits there at school run time", "school run"),
    ],
)
def test_hungarian_parts_of_the_day_and_lunchtime_are_times(text: str, time: str) -> None:
    assert flagged(time, text, "time"), found(text)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("it was the Weds before last, the 4th, 10pm", "the Weds before last, the 4th, 10pm"),
        ("on 3rd March between 1 and half 1", "on 3rd March between 1 and half 1"),
        ("vem toda segunda das 22h às 23h", "toda segunda das 22h às 23h"),
        ("Sunday past, must've been twenty past two", "Sunday past, must've been twenty past two"),
        (
            "Saturday the twenty-first at about ten to nine",
            "Saturday the twenty-first at about ten to nine",
        ),
        ("เมื่อวันศุกร์ที่แล้ว ตอนตีสาม", "เมื่อวันศุกร์ที่แล้ว ตอนตีสาม"),
    ],
)
def test_a_day_and_its_time_said_together_are_one_time(text: str, time: str) -> None:
    assert flagged(time, text, "time"), found(text)


@pytest.mark.parametrize(
    ("text", "time"),
    [
        (
            "Friday the 3rd roon aboot hauf ten at night",
            "Friday the 3rd roon aboot hauf ten at night",
        ),
        ("Monday 4th May at exactly 10.15pm", "Monday 4th May at exactly 10.15pm"),
        ("from 9 till after midnight", "from 9 till after midnight"),
        ("Tues just gone, 8th, dead on 4 o'clock", "Tues just gone, 8th, dead on 4 o'clock"),
        ("on International Women's Day", "International Women's Day"),
    ],
)
def test_a_time_said_the_long_way_is_one_time(text: str, time: str) -> None:
    assert flagged(time, text, "time"), found(text)
