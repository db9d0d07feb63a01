"""Property: no identifier of a report's structured fields ever appears whole in a draft, an
update, a translation or any body sent (email, SMS, push, in-app, member page, bulletin, API),
however the moderator writes it into the words (spaced, O for 0, in words, "at … dot …")."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.redteam import member, resolve_every_flag, sent_bodies
from redbrolly.alerts import selectors, services
from redbrolly.alerts.models import Alert
from redbrolly.alerts.testing import accepted_report, add_identifier, content_of
from redbrolly.core.models import Region
from redbrolly.lib.normalise import normalise_plate
from redbrolly.lib.tests.strategies import current_uk_plates, uk_mobiles, write_like_a_person

pytestmark = pytest.mark.django_db

DIGIT_WORDS = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ROMANIAN = ["zero", "unu", "doi", "trei", "patru", "cinci", "sase", "sapte", "opt", "noua"]


def phone_written(e164: str, style: int) -> str:
    national = "0" + e164.removeprefix("+44")
    choose = random.Random(style)
    match style % 4:
        case 0:
            return write_like_a_person(e164, style)
        case 1:
            return " ".join(national[:5]).replace("0", "O") + " " + national[5:].replace("0", "O")
        case 2:
            return " ".join(DIGIT_WORDS[int(d)] if choose.random() < 0.8 else d for d in national)
        case _:
            return " ".join(ROMANIAN[int(d)] for d in national)


def email_written(local: str, style: int) -> str:
    return [
        f"{local}@example.com",
        f"{local} at example dot com",
        f"{local} (at) example (dot) com",
        f"{local} arroba example ponto com",
    ][style % 4]


def plate_written(plate: str, style: int) -> str:
    return [plate, plate.lower(), f"{plate[:4]} {plate[4:]}", " ".join(plate)][style % 4]


def whole_in(text: str, phone: str, email: str, plate: str) -> list[str]:
    digits = re.sub(r"\D", "", text)
    flat = re.sub(r"[\s\-]", "", text).casefold()
    return [
        value
        for value, present in (
            (phone, phone.removeprefix("+44") in digits),
            (email, email.casefold() in text.casefold()),
            (plate, plate.casefold() in flat),
        )
        if present
    ]


@pytest.fixture
def readers() -> list[Any]:
    region = Region.objects.get(code="greater-manchester")
    english = member("reader-en", region, email="reader.en@example.net", mobile="+447700900801")
    romanian = member("reader-ro", region, email="reader.ro@example.net", mobile="+447700900802")
    romanian.member_profile.language = "ro"
    romanian.member_profile.save()
    return [english, romanian]


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    phone=uk_mobiles(),
    plate=current_uk_plates(),
    local=st.from_regex(r"[a-z]{3,8}(?:[._][a-z0-9]{1,4})?", fullmatch=True),
    styles=st.tuples(st.integers(0, 2**16), st.integers(0, 3), st.integers(0, 3)),
)
def test_no_identifier_of_a_report_leaves_whole(
    people: Any, readers: list[Any], phone: str, plate: str, local: str, styles: Any
) -> None:
    drafter, approver = people("moderator", "moderator2")
    email = f"{local}@example.com"
    report = accepted_report(phone=phone, plate=plate)
    add_identifier(report, report.perpetrators.get(), "email", email)
    alert = services.alert_draft_from_reports(moderator=drafter, reports=[report])
    said = (
        f"He rings from {phone_written(phone, styles[0])}, emails "
        f"{email_written(local, styles[1])} and drives {plate_written(plate, styles[2])}."
    )
    services.alert_edit(
        moderator=drafter,
        alert=alert,
        content=content_of(alert, summary=said, perpetrator=said, vehicle=said),
    )
    services.alert_translation_save(
        moderator=drafter, alert=alert, language="ro", text={"title": said, "summary": said}
    )
    alert = Alert.objects.get(pk=alert.pk)
    drafts = list(selectors.alert_texts(alert).values()) + list(alert.text_in("ro").values())
    resolve_every_flag(drafter, alert)
    services.alert_submit(moderator=drafter, alert=alert)
    services.alert_approve(moderator=approver, alert=alert)
    alert = Alert.objects.get(pk=alert.pk)
    bodies = sent_bodies(alert, readers)

    update = services.alert_update(moderator=drafter, alert=alert, text=f"Still active. {said}")
    drafts.append(update.text)
    resolve_every_flag(drafter, alert)
    services.alert_update_approve(moderator=approver, update=update)
    bodies += sent_bodies(Alert.objects.get(pk=alert.pk), readers)

    assert len(bodies) > 10 and any("Still active" in body for body in bodies)
    for text in drafts + bodies:
        assert whole_in(text, phone, email, normalise_plate(plate).value) == [], text
