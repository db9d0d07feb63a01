"""Every lookup is logged (who, when, how, the answer) with the identifier only as its blind index,
and neither a checked nor a reported identifier is ever in the database in plain text."""

import pytest

from redbrolly.checker import services
from redbrolly.checker.models import Lookup
from redbrolly.checker.services import Actor
from redbrolly.checker.tests.factories import bearer, member_token, partner_with_key, report_about
from redbrolly.lib.crypto import blind_index
from tests.test_raw_database_bytes import database_bytes

CHECKED = "+447700900583"
REPORTED = "+447700900584"
EMAIL = "walter.planted.5521@example.org"
PLATE = "KX61MZT"


@pytest.mark.django_db
def test_each_lookup_is_logged_with_who_how_and_the_answer(client, member) -> None:
    report_about(REPORTED, reviewed=True, violent=True)
    client.post(
        "/api/v1/checker/lookups",
        {"identifier": "07700 900584"},
        content_type="application/json",
        **bearer(member_token(member)),
    )
    client.force_login(member)
    client.post("/check/", {"identifier": "07700 900583"})
    api, web = Lookup.objects.order_by("pk")
    assert (api.user, api.channel, api.kind, api.result, api.reports) == (
        member,
        "api",
        "phone",
        "warning",
        1,
    )
    assert (web.channel, web.result) == ("web", "no_reports")
    assert api.index == blind_index("phone", REPORTED)
    assert web.index == blind_index("phone", CHECKED)


@pytest.mark.django_db
def test_a_partners_lookup_is_logged_against_the_partner(client) -> None:
    partner, key = partner_with_key()
    client.post(
        "/api/v1/checker/lookups",
        {"identifier": CHECKED},
        content_type="application/json",
        **bearer(key),
    )
    logged = Lookup.objects.get()
    assert (logged.partner, logged.user) == (partner, None)


@pytest.mark.django_db(transaction=True)
def test_no_checked_or_reported_identifier_is_in_the_raw_database(
    client, people, planted, tmp_path
) -> None:
    member = people("member")
    report_about(planted(REPORTED), planted(EMAIL), planted(PLATE), reviewed=True)
    for typed in (planted(CHECKED), "07700 900584", EMAIL.upper(), "kx61 mzt"):
        services.lookup_run(
            actor=Actor(user=member), identifier=services.identifier_read(typed), channel="web"
        )
    services.lookup_bulk(actor=Actor(user=member), lines=[planted("+447700900585"), REPORTED])
    client.force_login(member)
    client.post("/check/report-it/", {"identifier": CHECKED})  # the session holds it sealed
    services.index_fragments()
    assert Lookup.objects.count() == 6
    raw = database_bytes(tmp_path)
    for value in (CHECKED, REPORTED, "+447700900585", EMAIL, PLATE):
        assert value.encode() not in raw, value
        assert value.lstrip("+").encode() not in raw, value
    for national in ("07700900583", "07700900584", "7700900583", "900583", "900584"):
        assert national.encode() not in raw, national
