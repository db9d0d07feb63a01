"""Staff see suggested links, confirm them into profiles, and export within consent."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client

from redbrolly.core.models import AuditEntry
from redbrolly.linkage import selectors, services
from redbrolly.linkage.models import Link
from redbrolly.reports import services as report_services
from redbrolly.reports.tests.conftest import NARRATIVE

pytestmark = pytest.mark.django_db


def staff(people: Any, who: str = "moderator") -> Client:
    client = Client()
    client.force_login(people(who))
    return client


def decide(client: Client, a: Any, b: Any, decision: str = "same", **extra: str) -> Any:
    data = {"first": a.pk, "second": b.pk, "decision": decision, **extra}
    return client.post("/staff/linkage/decide/", data)


def waiting() -> list[set[str]]:
    """Each waiting suggestion as the references of its candidates ("P:" for a profile)."""
    shown, _count = selectors.suggestions()
    return [
        {("P:" if c.is_profile else "") + c.reports[0].reference for c in s.candidates}
        for s in shown
    ]


def same(client: Client, *reports: Any, reason: str = "") -> Any:
    data = {"chosen": [r.pk for r in reports], "reason": reason}
    return client.post("/staff/linkage/same/", data)


def apart(client: Client, report: Any, reason: str = "") -> Any:
    return client.post("/staff/linkage/apart/", {"candidate": report.pk, "reason": reason})


def test_reports_naming_the_same_phone_are_suggested_until_someone_decides(
    people, report_about
) -> None:
    a, b = report_about(), report_about(phone="+44 7700 900417")
    report_about(phone="07700 900999")  # nobody else named it
    assert waiting() == [{a.reference, b.reference}]
    client = staff(people)
    page = client.get("/staff/linkage/").content.decode()
    assert a.reference in page and b.reference in page and "same Phone" in page
    response = apart(client, b, reason="Different car, different town")
    assert response.status_code == 302
    assert waiting() == []
    link = Link.objects.get()
    assert (link.first, link.second, link.decision) == (a, b, "different")
    assert link.reason == "Different car, different town"
    entry = AuditEntry.objects.get(action="linkage.link.decided")
    assert entry.details == {"decision": "different"}


def test_confirmed_links_make_one_profile_which_counts_as_one_candidate(
    people, report_about
) -> None:
    a, b, c = report_about(), report_about(), report_about()
    assert waiting() == [{a.reference, b.reference, c.reference}]
    client = staff(people)
    assert same(client, a, b, reason="Same hoodie").status_code == 302
    assert waiting() == [{"P:" + a.reference, c.reference}]
    same(client, a, c)
    assert waiting() == []
    [profile] = selectors.profiles()
    assert [r.pk for r in profile.reports] == [a.pk, b.pk, c.pk] and profile.pk == a.pk
    page = client.get(f"/staff/linkage/profiles/{a.pk}/").content.decode()
    assert "3 reports" in page and "+447700900417" in page and "tall, beard" in page
    assert "Same hoodie" in page
    assert AuditEntry.objects.filter(action="linkage.profile.viewed").count() == 1
    assert client.get(f"/staff/linkage/profiles/{b.pk}/").status_code == 404  # named by a
    decide(client, a, c, "different", back="profile")
    assert [len(p.reports) for p in selectors.profiles()] == [2]


def test_a_new_report_not_the_same_as_a_profile_is_kept_apart_from_all_of_it(
    people, report_about
) -> None:
    a, b = report_about(), report_about()
    client = staff(people)
    same(client, a, b)
    newcomer = report_about()  # shares the phone with a and with b
    assert waiting() == [{"P:" + a.reference, newcomer.reference}]
    apart(client, newcomer, reason="He was abroad that week")
    assert waiting() == []
    assert Link.objects.filter(decision="different").count() == 1


def test_ticking_fewer_than_two_is_explained(people, report_about) -> None:
    a, _b = report_about(), report_about()
    response = staff(people).post("/staff/linkage/same/", {"chosen": [a.pk]}, follow=True)
    assert "Tick at least two to say they are the same person." in response.content.decode()
    assert not Link.objects.exists()


def test_a_withdrawn_report_leaves_suggestions_and_profiles(people, report_about) -> None:
    a, b, c = report_about(), report_about(), report_about()
    client = staff(people)
    same(client, a, b, c)
    report_services.report_withdraw(actor=None, report=c)
    assert [[r.pk for r in p.reports] for p in selectors.profiles()] == [[a.pk, b.pk]]
    d = report_about()
    report_services.report_withdraw(actor=None, report=d)
    assert waiting() == []
    assert decide(client, a, d).status_code == 404
    assert same(client, a, d).status_code == 404


def test_a_report_is_added_to_a_profile_by_its_reference(people, report_about) -> None:
    a, b = report_about(), report_about()
    other = report_about(phone="07700 900555")  # he changed his number
    client = staff(people)
    decide(client, a, b)
    url = f"/staff/linkage/profiles/{a.pk}/add/"
    response = client.post(url, {"reference": "R-NONE-0000", "reason": "same car"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "No report has this reference." in page and 'value="R-NONE-0000"' in page
    response = client.post(url, {"reference": other.reference.lower(), "reason": "Same car"})
    assert response.status_code == 302
    assert [len(p.reports) for p in selectors.profiles()] == [3]


def test_bad_decisions_get_a_message_never_an_error(people, report_about) -> None:
    a = report_about()
    client = staff(people)
    for data in ({}, {"first": "x", "second": a.pk, "decision": "same"}, {"first": a.pk}):
        response = client.post("/staff/linkage/decide/", data, follow=True)
        assert response.status_code == 200
        assert "That decision could not be read." in response.content.decode()
    response = client.post(
        "/staff/linkage/decide/",
        {"first": a.pk, "second": a.pk, "decision": "same"},
        follow=True,
    )
    assert "A report cannot be linked to itself." in response.content.decode()
    assert (
        client.post(
            "/staff/linkage/decide/", {"first": a.pk, "second": 999999, "decision": "same"}
        ).status_code
        == 404
    )
    assert not Link.objects.exists()


def exported(client: Client, pk: int) -> list[dict[str, str]]:
    response = client.get(f"/staff/linkage/profiles/{pk}/intelligence.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_police_get_only_what_each_reporter_agreed_to_and_never_the_reporter(
    people, report_about, planted
) -> None:
    anonymised = report_about(consent="police_anonymous")
    full = report_about(consent="police_full")
    alert_only = report_about(consent="alert")
    record_only = report_about(consent="record_only")
    moderator = staff(people)
    for other in (full, alert_only, record_only):
        decide(moderator, anonymised, other)
    client = staff(people, "analyst")
    rows = exported(client, anonymised.pk)
    assert {row["report"] for row in rows} == {anonymised.reference, full.reference}
    assert all(row["phones"] == "'+447700900417" for row in rows)  # text, not a formula
    assert {row["consent"] for row in rows} == {
        "anonymised intelligence only",
        "wants to make a full report: contact them only through us",
    }
    text = client.get(f"/staff/linkage/profiles/{anonymised.pk}/intelligence.csv").content
    assert NARRATIVE.encode() not in text and b"narrative" not in text
    entries = AuditEntry.objects.filter(action="linkage.intelligence.exported")
    # Two downloads above, each recorded on every report it held, never on the others.
    assert sorted(entries.values_list("object_id", flat=True)) == sorted(
        [str(anonymised.pk), str(full.pk)] * 2
    )
    entry = entries.last()
    assert entry is not None and entry.purpose == "police intelligence"
    assert entry.details == {"profile": anonymised.pk, "reports": 2, "withheld": 2}
    history = client.get(f"/staff/reports/{full.pk}/").content.decode()
    assert "linkage.intelligence.exported" in history


def test_a_formula_typed_by_someone_is_exported_as_text(people, report_about) -> None:
    a = report_about(consent="police_anonymous")
    b = report_about(consent="police_anonymous")
    person = a.perpetrators.get()
    person.description = '=HYPERLINK("http://evil.example","click")'
    person.save()
    decide(staff(people), a, b)
    rows = exported(staff(people, "analyst"), a.pk)
    assert rows[0]["description"].startswith("'=")


def test_moderators_decide_but_only_analysts_export(people, report_about) -> None:
    a, b = report_about(consent="police_anonymous"), report_about()
    services.link_decide(actor=people("analyst"), a=a, b=b, decision="same")
    url = f"/staff/linkage/profiles/{a.pk}/intelligence.csv"
    assert staff(people).get(url).status_code == 403
    for who in ("caseworker", "supervisor", "researcher", "admin", "member"):
        client = staff(people, who)
        assert client.get(url).status_code == 403, who
        assert client.get(f"/staff/linkage/profiles/{a.pk}/").status_code == 403, who
        assert decide(client, a, b, "different").status_code == 403, who
    page = staff(people).get(f"/staff/linkage/profiles/{a.pk}/").content.decode()
    assert "Download the police intelligence" not in page
    assert (
        "Download the police intelligence"
        in staff(people, "analyst").get(f"/staff/linkage/profiles/{a.pk}/").content.decode()
    )


def test_the_suggestions_cost_the_same_queries_for_few_reports_or_many(
    people, report_about
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = staff(people)
    report_about(), report_about()
    client.get("/staff/linkage/")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get("/staff/linkage/")
        return len(captured)

    few = queries()
    for _ in range(4):
        report_about()
    assert queries() == few
    assert [len(group) for group in waiting()] == [6]
