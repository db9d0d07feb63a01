"""Staff search: partial plates and last digits find the linked reports, and each search is
audited without the values."""

import pytest

from redbrolly.checker import services
from redbrolly.checker.models import Fragment
from redbrolly.checker.tests.factories import report_about
from redbrolly.core.models import AuditEntry
from redbrolly.reports.models import Identifier, Report

pytestmark = pytest.mark.django_db
URL = "/staff/checker/search/"


@pytest.fixture
def reports() -> dict[str, Report]:
    made = {
        "plate": report_about("KX61 MZT", reviewed=True),
        "other_plate": report_about("KX16 MZA"),
        "partial_plate": report_about("AB1?CDE"),
        "phone": report_about("07911 123456"),
        "other_phone": report_about("07911 993456"),
        "email": report_about("dave@example.com"),
    }
    services.index_fragments()
    return made


def search(client, person, mode: str, query: str, purpose: str = "Report R-XXXX review"):
    client.force_login(person)
    return client.post(URL, {"mode": mode, "query": query, "purpose": purpose})


def test_part_of_a_plate_finds_the_report(client, moderator, reports) -> None:
    page = search(client, moderator, "plate_part", "KX61 M").content.decode()
    assert reports["plate"].reference in page
    assert reports["other_plate"].reference not in page
    assert "1 match" in page


def test_unknown_characters_in_a_plate_match_anything(client, moderator, reports) -> None:
    page = search(client, moderator, "plate_part", "KX?1MZT").content.decode()
    assert reports["plate"].reference in page


def test_a_partial_plate_in_a_report_is_found_by_what_is_known(client, moderator, reports) -> None:
    page = search(client, moderator, "plate_part", "AB1 XCDE").content.decode()
    assert reports["partial_plate"].reference in page


def test_a_plate_search_needs_three_known_characters_in_a_row(client, moderator, reports) -> None:
    page = search(client, moderator, "plate_part", "K?6?M").content.decode()
    assert "three characters in a row" in page


def test_the_last_digits_of_a_number_find_it(client, people, reports) -> None:
    analyst = people("analyst")
    page = search(client, analyst, "last_digits", "123456").content.decode()
    assert reports["phone"].reference in page
    assert reports["other_phone"].reference not in page
    assert "+447911123456" in page


def test_last_four_digits_find_every_number_ending_so(client, moderator, reports) -> None:
    page = search(client, moderator, "last_digits", "3456").content.decode()
    assert reports["phone"].reference in page and reports["other_phone"].reference in page


def test_a_whole_identifier_finds_its_reports(client, moderator, reports) -> None:
    page = search(client, moderator, "whole", "DAVE@example.com").content.decode()
    assert reports["email"].reference in page


def test_withdrawn_reports_are_not_found(client, moderator, reports) -> None:
    Report.objects.filter(pk=reports["phone"].pk).update(withdrawn_at="2026-01-01T00:00:00Z")
    page = search(client, moderator, "last_digits", "123456").content.decode()
    assert "0 matches" in page


def test_each_search_is_audited_with_its_purpose_and_without_the_value(
    client, moderator, reports
) -> None:
    search(client, moderator, "last_digits", "123456", purpose="Linking R-1234")
    entry = AuditEntry.objects.get(action="checker.search.run")
    assert (entry.actor, entry.purpose) == (moderator, "Linking R-1234")
    assert entry.details["results"] == 1
    assert "123456" not in str(entry.details)


def test_a_search_needs_a_purpose(client, moderator, reports) -> None:
    response = search(client, moderator, "last_digits", "123456", purpose="")
    assert not AuditEntry.objects.filter(action="checker.search.run").exists()
    assert 'class="errorlist"' in response.content.decode()


@pytest.mark.parametrize("who", ["member", "caseworker", "researcher"])
def test_people_without_the_permission_cannot_search(client, people, who) -> None:
    client.force_login(people(who))
    assert client.get(URL).status_code == 403


def test_the_fragment_job_indexes_new_identifiers_once(reports) -> None:
    before = Fragment.objects.count()
    assert services.index_fragments() == 0
    assert Fragment.objects.count() == before
    assert not Fragment.objects.filter(identifier__kind="email").exists()


def test_the_fragment_job_redoes_an_identifier_whose_value_changed(
    client, moderator, reports
) -> None:
    identifier = reports["phone"].identifiers.get()
    Identifier.objects.filter(pk=identifier.pk).update(
        value="+447911000111", index=services.blind_index("phone", "+447911000111")
    )
    assert services.index_fragments() == 1
    page = search(client, moderator, "last_digits", "000111").content.decode()
    assert reports["phone"].reference in page


def test_each_match_links_to_the_reports_staff_page(client, moderator, reports) -> None:
    page = search(client, moderator, "last_digits", "123456").content.decode()
    assert f'href="/staff/reports/{reports["phone"].pk}/"' in page
