"""Her name, however she gives it; his names left alone."""

from __future__ import annotations

import pytest

from redbrolly.alerts.detect import Facts, sanitise, told_by_her
from redbrolly.alerts.tests.detect.helpers import flagged, found, kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I'm Jade and he robbed me", "Jade"),
        ("im jade, he robbed me last week", "jade"),
        ("my name's Roxy. punter wouldn't pay", "Roxy"),
        ("MY NAME IS CHANTELLE AND HE HIT ME", "CHANTELLE"),
        ("call me Bambi, everyone does", "Bambi"),
        ("hiya its kerry here, just warning yous", "kerry"),
        ("he never paid so watch out. — Jade", "Jade"),
        ("he never paid, be careful girls. thanks, Amber x", "Amber"),
        ("dont see him. shell x", "shell"),
        ("my mate Lucy saw his car too", "Lucy"),
        ("me and Tasha were working the beat", "Tasha"),
        ("Mă numesc Ioana și lucrez singură", "Ioana"),
        ("ma numesc ioana si lucrez singura", "ioana"),
        ("Oi, me chamo Carla, ele não pagou", "Carla"),
        ("Hola, me llamo Lucía y trabajo en un piso", "Lucía"),
        ("Nazywam się Kasia, klient mnie uderzył", "Kasia"),
        ("Казвам се Мария и работя сама", "Мария"),
        ("Eszter vagyok, egy ügyfél megütött", "Eszter"),
        ("我叫小美，他没给钱就走了", "小美"),
        ("ฉันชื่อนิดค่ะ ลูกค้าไม่จ่ายเงิน", "นิด"),
        ("สวัสดีค่ะ ชื่อ แพร ค่ะ ลูกค้าไม่จ่าย", "แพร"),
        ("大家好，我叫 Coco，中文名小燕，他打了我", "小燕"),
        ("我的艺名是Candy，他没付钱", "Candy"),
    ],
)
def test_her_name_in_the_first_person_is_flagged(text: str, name: str) -> None:
    assert flagged(name, text, "name"), found(text)


def test_her_working_name_is_found_anywhere_in_any_case() -> None:
    facts = Facts(reporter_names=("Zorina",))
    assert flagged("zorina", "he kept asking for zorina by name", "name", facts)
    assert flagged("ZORINA", "HE ASKED FOR ZORINA", "name", facts)


def test_an_account_name_gives_its_first_name_words() -> None:
    facts = Facts(reporter_names=("roxy_leeds99",))
    assert flagged("Roxy", "he asked for Roxy at the door", "name", facts)


@pytest.mark.parametrize(
    "text",
    [
        "his name is Dave, he said he was a builder",
        "a guy called Steve booked me",
        "he called himself Gary on the phone",
        "il cheamă Costel și e violent",
        "他叫Mike，五十岁左右",
    ],
)
def test_his_names_are_not_flagged(text: str) -> None:
    assert "name" not in kinds(text)


def test_the_names_he_used_on_the_report_are_left_alone() -> None:
    facts = Facts(perpetrator_names=("Dave",))
    assert "name" not in kinds("Dave booked an hour and then refused to pay", facts)


@pytest.mark.parametrize(
    "text",
    [
        "sta in masina in fata blocului",  # "car", not a name
        "tiene barba y manda mensajes",
        "he drives a black lexus",
        "上个月在Liverpool去姐妹那里，不给钱",
        "I'm new to this and scared",
        "im not sure what time it was",
    ],
)
def test_everyday_words_are_not_names(text: str) -> None:
    assert "name" not in kinds(text), found(text)


def test_a_name_her_story_gives_is_hers_wherever_the_moderator_writes_it() -> None:
    facts = told_by_her(["I'm Jade and he robbed me, ring me on 07700 900461"], Facts())
    assert flagged("Jade", "Jade said he took the money back.", "name", facts)
    clean = sanitise("she says call 07700 900461", facts)
    assert "900461" not in clean and "*" not in clean  # hers: taken out, not masked as his


def test_a_thai_name_said_of_him_is_not_hers() -> None:
    assert "name" not in kinds("ผู้ชายคนนั้นชื่อ Tom มาหาตอนกลางคืน")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("he kept calling me destiny the whole time", "destiny"),
        ("he rang and asked for bella, thats my name on the site", "bella"),
        ("he booked Candy for an hour then wouldnt pay", "Candy"),
        ("ma striga Roxana tot timpul", "Roxana"),
    ],
)
def test_what_he_called_her_and_who_he_asked_for_is_her_name(text: str, name: str) -> None:
    assert flagged(name, text, "name"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "he called me a bitch and left",
        "he asked for more time",
        "he booked an hour",
        "called me on my mobile",
    ],
)
def test_what_he_called_her_is_not_a_name_when_it_is_a_word(text: str) -> None:
    assert "name" not in kinds(text), found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("at the parlour they know me as Kiki", "Kiki"),
        ("В клуба ме знаят като Вики.", "Вики"),
        ("na sauna me conhecem como Duda", "Duda"),
    ],
)
def test_what_they_know_her_as_is_her_name(text: str, name: str) -> None:
    assert flagged(name, text, "name"), found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ey up its trish here (patricia on me forms)", "patricia"),
        ("พี่นกเพื่อนร่วมงานมาช่วย", "พี่นก"),
        ("Katával együtt mentünk haza.", "Katával"),
    ],
)
def test_her_other_name_in_brackets_thai_honorifics_and_hungarian_cases(
    text: str, name: str
) -> None:
    assert flagged(name, text, "name"), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "se hace llamar Toni, es de Málaga",
        "un tip din Florența, mare și chel",
        "Sună de pe un număr ascuns și cere",
        "好几个姐妹遇到了他",
    ],
)
def test_his_alias_a_place_he_is_from_and_verbs_are_not_her_name(text: str) -> None:
    assert "name" not in kinds(text), found(text)


def test_a_thai_greeting_with_her_name_and_not_with_thanks() -> None:
    assert flagged("แพร", "สวัสดีค่ะ แพรนะคะ ลูกค้าไม่จ่าย", "name")
    assert "name" not in kinds("สวัสดีค่ะ ขอบคุณค่ะ")
