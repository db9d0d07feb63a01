"""Research data lives apart from service data: only researchers reach research pages, and
researchers reach no service pages."""

from __future__ import annotations

import pytest

from redbrolly.research.tests.helpers import make_study

pytestmark = pytest.mark.django_db

RESEARCH_PAGES = [
    "/staff/research/",
    "/staff/research/cohort/",
    "/staff/research/cohort/settings/",
    "/staff/research/cohort/instruments/",
    "/staff/research/cohort/instruments/phq9/",
    "/staff/research/cohort/incentives/",
    "/staff/research/cohort/flyer.pdf",
]
SERVICE_PAGES = ["/staff/applications/", "/staff/audit/", "/staff/people/", "/staff/outbox/"]


@pytest.mark.parametrize(
    "who", ["member", "practitioner", "moderator", "caseworker", "supervisor", "analyst", "admin"]
)
def test_nobody_but_researchers_opens_research_pages(client, people, who) -> None:
    make_study()
    client.force_login(people(who))
    for url in RESEARCH_PAGES:
        assert client.get(url).status_code == 403, url


def test_researchers_open_research_pages_and_no_service_pages(client, people) -> None:
    make_study()
    client.force_login(people("researcher"))
    for url in RESEARCH_PAGES:
        assert client.get(url).status_code == 200, url
    for url in SERVICE_PAGES:
        assert client.get(url).status_code == 403, url


def test_the_flyer_is_a_pdf_for_researchers(client, people) -> None:
    make_study()
    client.force_login(people("researcher"))
    response = client.get("/staff/research/cohort/flyer.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get("/staff/research/nothing/flyer.pdf").status_code == 404
