"""Researchers read the whole evaluation on one page: every section, table and chart."""

import logging
import re

import pytest
from django.core.cache import cache
from django.test import Client

from redbrolly.core.models import AuditEntry
from redbrolly.insights.labels import SECTIONS
from redbrolly.insights.report import CAPTIONS

URL = "/staff/evaluation/"


def visible(html: str, text: object) -> bool:
    return str(text).replace("'", "&#x27;") in html


def test_researchers_see_the_demo_study_with_every_section_table_and_chart(
    researcher_client, demo_study
):
    response = researcher_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Evaluation report: Safety and wellbeing cohort 2026" in html
    assert "Simulated data." not in html
    for title in [*SECTIONS.values(), *CAPTIONS.values()]:
        assert visible(html, title), title
    assert len(re.findall(r'<img src="data:image/svg\+xml;base64,', html)) == 4
    assert "have not reached their six-month questionnaire yet" in html
    assert "no programme cost is added" in html
    assert AuditEntry.objects.filter(action="insights.evaluation.viewed").count() == 1


def test_the_programme_cost_per_member_is_added_to_the_member_arm(
    researcher_client, demo_study, people
):
    people("member", "member2", "practitioner")
    html = researcher_client.get(URL).content.decode()
    assert re.search(r"The programme cost of £[\d,]+\.\d\d per member \(Table 6\)", html)


def test_without_any_study_the_report_runs_on_simulated_data_and_says_so(researcher_client):
    html = researcher_client.get(URL).content.decode()
    assert "Evaluation report: Simulated cohort" in html
    assert "Simulated data." in html
    assert len(re.findall(r'<img src="data:image/svg\+xml;base64,', html)) == 4


@pytest.mark.parametrize("who", ["analyst", "moderator", "caseworker", "member"])
def test_people_without_the_research_permission_are_refused(who, people):
    client = Client()
    client.force_login(people(who))
    assert client.get(URL).status_code == 403
    assert client.get(URL + "report.pdf").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302


def test_an_extra_threshold_adds_its_net_benefit_and_its_row_in_the_curve(
    researcher_client, demo_study
):
    html = researcher_client.get(URL, {"wtp": "£25,000"}).content.decode()
    assert "Net monetary benefit at £25,000 per QALY" in html
    assert re.search(r'class="primary"><th scope="row">£25,000</th>', html)
    assert f'href="/staff/evaluation/{demo_study.pk}/report.pdf?wtp=25000"' in html


def test_a_threshold_that_is_not_a_number_is_explained_and_kept(researcher_client, demo_study):
    response = researcher_client.get(URL, {"wtp": "lots"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a whole number of pounds, such as 25000." in html
    assert 'value="lots"' in html
    assert "Net monetary benefit at £20,000 per QALY" in html


def test_the_analysis_is_kept_so_the_next_view_does_not_run_it_again(
    researcher_client, demo_study, caplog
):
    def computed() -> int:
        return sum("evaluation computed" in r.getMessage() for r in caplog.records)

    cache.clear()  # another test may have computed the same study and cohort already
    with caplog.at_level(logging.INFO, logger="redbrolly.insights"):
        researcher_client.get(URL)
        assert computed() == 1
        caplog.clear()
        assert researcher_client.get(URL).status_code == 200
        assert computed() == 0


def test_new_activity_changes_the_programme_cost_without_running_the_analysis_again(
    researcher_client, demo_study, caplog, people
):
    """An open study's cost per member moves with every report and alert; the cohort's
    answers do not, so the kept analysis serves and the new cost is added to it."""

    def cost_said(html: str) -> str:
        found = re.search(r"The programme cost of (£[\d,]+\.\d\d) per member", html)
        assert found, "the report names the programme cost per member"
        return found.group(1)

    people("member", "member2")
    cache.clear()
    with caplog.at_level(logging.INFO, logger="redbrolly.insights"):
        before = cost_said(researcher_client.get(URL).content.decode())
        people("practitioner")  # one more approved member: the cost per member changes
        caplog.clear()
        after = cost_said(researcher_client.get(URL).content.decode())
        assert not [r for r in caplog.records if "evaluation computed" in r.getMessage()]
    assert before != after


def test_an_unknown_study_is_not_found(researcher_client):
    assert researcher_client.get(URL + "999999/").status_code == 404
    assert researcher_client.get(URL + "999999/report.pdf").status_code == 404


def test_a_study_without_usable_answers_says_so_and_shows_the_simulated_report(
    researcher_client,
):
    from redbrolly.research.models import Study

    study = Study.objects.create(slug="swerv-2", title="SWERV two", ethics_reference="REC 1")
    html = researcher_client.get(f"{URL}{study.pk}/").content.decode()
    assert "Evaluation report: SWERV two" in html
    assert "Simulated data." in html
    assert f'href="/staff/evaluation/{study.pk}/report.pdf"' in html
