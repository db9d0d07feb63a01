"""The staff statistics page: a few suppressed counts and links a person may actually open."""

from django.test import Client

from redbrolly.lib.testing import make_person

URL = "/staff/insights/"


def test_analysts_see_the_year_in_counts_with_small_ones_suppressed(people):
    client = Client()
    client.force_login(people("analyst"))
    html = client.get(URL).content.decode()
    assert "Approved members" in html
    assert "&lt;5" in html
    assert "/staff/evaluation/" not in html


def test_the_evaluation_is_linked_for_someone_who_may_run_studies(db):
    client = Client()
    client.force_login(make_person("lead", roles=["analyst", "researcher"]))
    assert 'href="/staff/evaluation/"' in client.get(URL).content.decode()


def test_people_without_the_statistics_permission_are_refused(people):
    for who in ("moderator", "member"):
        client = Client()
        client.force_login(people(who))
        assert client.get(URL).status_code == 403, who
