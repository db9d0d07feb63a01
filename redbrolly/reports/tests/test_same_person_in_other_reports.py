"""A moderator reading a report sees the other reports that name the same person's details."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from redbrolly.reports import services
from redbrolly.reports.models import Report
from redbrolly.reports.tests.helpers import submitted

pytestmark = pytest.mark.django_db

SECTION = "Other reports naming the same number, email, handle or plate"


def person(**fields: object) -> list[dict[str, object]]:
    return [{"names": [], "phones": [], "emails": [], "handles": [], **fields}]


def shared_rows(client: Client, report_pk: int) -> dict[str, str]:
    """Reference -> what it shares, from the staff page's table."""
    page = client.get(f"/staff/reports/{report_pk}/").content.decode()
    if SECTION not in page:
        return {}
    table = page.split('class="shared-reports"', 1)[1].split("</table>", 1)[0]
    return dict(re.findall(r'">([A-Z0-9-]+)</a></th>.*?<td>([^<]*)</td></tr>', table))


def test_reports_sharing_a_number_or_plate_are_listed_with_what_they_share(
    client, payload, people
) -> None:
    first = submitted(payload()).report  # phone 07700 900417, an email, a handle, a plate
    by_phone = submitted(
        payload(perpetrators=person(phones=["+44 7700 900417"]), region="merseyside")
    ).report
    by_email_and_handle = submitted(
        payload(
            perpetrators=person(
                emails=["Corvin.Plantwell.5521@example.net"], handles=["@corvin_pw"]
            )
        )
    ).report
    unrelated = submitted(payload(perpetrators=person(phones=["07700 900999"]))).report
    client.force_login(people("moderator"))
    rows = shared_rows(client, first.pk)
    assert rows == {
        by_phone.reference: "Phone",
        by_email_and_handle.reference: "Email, Handle or link",
    }
    assert unrelated.reference not in rows
    assert shared_rows(client, by_phone.pk) == {first.reference: "Phone"}
    assert shared_rows(client, unrelated.pk) == {}


def test_a_withdrawn_report_is_not_listed(client, payload, people) -> None:
    first = submitted(payload()).report
    other = submitted(payload(perpetrators=person(phones=["07700 900417"]))).report
    client.force_login(people("moderator"))
    assert other.reference in shared_rows(client, first.pk)
    services.report_withdraw(actor=None, report=other)
    assert shared_rows(client, first.pk) == {}


def test_partial_plates_are_not_taken_for_the_same_person(client, payload, people) -> None:
    def with_plate(plate: str) -> Report:
        vehicle = {"make": "", "model": "", "colour": "", "plate": plate}
        return submitted(payload(perpetrators=person(vehicle=vehicle))).report

    first = with_plate("MA19 ?XK")
    with_plate("MA19 ?XK")
    client.force_login(people("moderator"))
    assert shared_rows(client, first.pk) == {}
    whole, again = with_plate("MA19 AXK"), with_plate("ma19axk")
    assert shared_rows(client, whole.pk) == {again.reference: "Number plate"}


def test_the_list_costs_the_same_queries_for_two_reports_or_ten(client, payload, people) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = submitted(payload()).report
    client.force_login(people("moderator"))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(f"/staff/reports/{first.pk}/")
        return len(captured)

    submitted(payload(perpetrators=person(phones=["07700 900417"])))
    client.get(f"/staff/reports/{first.pk}/")
    two = queries()
    for _ in range(8):
        submitted(payload(perpetrators=person(phones=["07700 900417"])))
    assert queries() == two
    assert len(shared_rows(client, first.pk)) == 9
