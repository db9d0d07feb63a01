"""Every lookup is logged (who, when, how, the answer) with the identifier only as its blind index,
and neither a checked nor a reported identifier is ever in the database in plain text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redbrolly.checker import services
from redbrolly.checker.models import Channel, Lookup
from redbrolly.checker.services import Actor
from redbrolly.checker.tests.factories import bearer, member_token, partner_with_key, report_about
from redbrolly.lib.crypto import blind_index
from redbrolly.reports.models import Report
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
def test_outside_a_transaction_the_answer_and_its_log_row_are_written_at_once(people) -> None:
    """As in production (autocommit): on PostgreSQL the statement is sent after a `SET LOCAL`
    in the same query, and the answer is read from the second result."""
    report_about(REPORTED, reviewed=True, violent=True)
    answer = services.lookup_run(
        actor=Actor(user=people("member")),
        identifier=services.identifier_read("07700 900584"),
        channel=Channel.API,
    )
    assert (answer.result.value, answer.reports) == ("warning", 1)
    assert list(Lookup.objects.values_list("result", "reports")) == [("warning", 1)]


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


# On PostgreSQL the log rows are written by the match statement itself, which decides the
# result in SQL (`sql.match_and_log_sql`); the member's answer is decided by `checker.rules`.
# Whatever the reports and the policy, the two must say the same (on SQLite they are one).
REPORT_STATES = st.fixed_dictionaries(
    {
        "reviewed": st.booleans(),
        "source": st.sampled_from([Report.Source.MEMBER, Report.Source.ANONYMOUS]),
        "severity": st.sampled_from(Report.Severity.values),
        "violent": st.booleans(),
        "status": st.sampled_from(Report.Status.values),
        "number": st.sampled_from([REPORTED, CHECKED]),
        "twice": st.booleans(),
    }
)


@pytest.mark.django_db
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    states=st.lists(REPORT_STATES, max_size=5),
    known=st.booleans(),
    anonymous=st.booleans(),
    asked=st.lists(st.sampled_from([REPORTED, CHECKED, EMAIL]), min_size=1, max_size=4),
)
def test_the_logged_result_is_the_answer_for_every_report_and_policy(
    member, admin_person, states, known, anonymous, asked
) -> None:
    Lookup.objects.all().delete()
    Report.objects.all().delete()
    for state in states:
        number, twice = state.pop("number"), state.pop("twice")
        if state["reviewed"]:
            state["status"] = Report.Status.ACCEPTED
        # A report may name the same number twice: it still counts once.
        report_about(*([number] * (2 if twice else 1)), **state)
    services.policy_update(
        actor=admin_person, count_unreviewed_known=known, count_unreviewed_anonymous=anonymous
    )
    services.forget_rules()
    items = [services.identifier_read(typed) for typed in asked]
    answers = services.answers(
        Actor(user=member), [(item, services.index_of(item)) for item in items], Channel.BULK
    )
    logged = list(Lookup.objects.order_by("pk").values_list("index", "result", "reports"))
    assert logged == [
        (services.index_of(item), answer.result.value, answer.reports)
        for item, answer in zip(items, answers, strict=True)
    ]
