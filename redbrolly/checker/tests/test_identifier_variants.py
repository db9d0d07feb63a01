"""Every way of writing one identifier finds the same reports; different ones never meet.

Property tests through the checker's own path: normalise, blind index, the one query.
"""

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from redbrolly.checker import services
from redbrolly.checker.models import Channel
from redbrolly.checker.services import Actor
from redbrolly.checker.tests.factories import report_about
from redbrolly.lib.tests.strategies import uk_mobiles, with_case_flipped, write_like_a_person

pytestmark = pytest.mark.django_db
EXAMPLES = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
LOCAL = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=3, max_size=12)


@pytest.fixture(autouse=True)
def no_rate_limits(settings) -> None:
    settings.REDBROLLY_CHECKER_RATE_LIMITS = False


def reports_found(member, typed: str) -> tuple[str, int]:
    answer = services.lookup_run(
        actor=Actor(user=member), identifier=services.identifier_read(typed), channel=Channel.API
    )
    return answer.result.value, answer.reports


def report_ids(typed: str) -> set[int]:
    index = services.index_of(services.identifier_read(typed))
    return {match.report_id for match in services.matches_for([index]).get(index, [])}


@EXAMPLES
@given(number=uk_mobiles(), layouts=st.lists(st.integers(0, 2**32), min_size=2, max_size=4))
def test_every_way_of_writing_a_uk_mobile_finds_the_same_reports(member, number, layouts) -> None:
    report = report_about(number, reviewed=True, violent=True)
    writings = [write_like_a_person(number, layout) for layout in layouts]
    found = {typed: report_ids(typed) for typed in writings}
    assert all(report.pk in ids for ids in found.values()), found
    assert len({frozenset(ids) for ids in found.values()}) == 1
    answers = {reports_found(member, typed) for typed in writings}
    assert len(answers) == 1
    assert answers.pop()[0] == "warning"


@EXAMPLES
@given(first=uk_mobiles(), second=uk_mobiles(), layout=st.integers(0, 2**32))
def test_different_numbers_never_collide_in_results(member, first, second, layout) -> None:
    assume(first != second)
    report = report_about(first, reviewed=True, violent=True)
    assert report.pk not in report_ids(write_like_a_person(second, layout))


GMAIL_WRITINGS = ("gmail.com", "googlemail.com", "GMail.com")


@EXAMPLES
@given(local=LOCAL, dots=st.integers(0, 2**12), tag=LOCAL, flips=st.integers(0, 2**30))
def test_a_gmail_address_matches_with_dots_tags_case_and_googlemail(
    member, local, dots, tag, flips
) -> None:
    report = report_about(f"{local}@gmail.com", reviewed=True)
    dotted = "".join(
        c + ("." if dots >> i & 1 and i < len(local) - 1 else "") for i, c in enumerate(local)
    )
    for domain in GMAIL_WRITINGS:
        typed = with_case_flipped(f"{dotted}+{tag}@{domain}", flips)
        assert report.pk in report_ids(typed), typed


@EXAMPLES
@given(
    local=LOCAL,
    tag=LOCAL,
    flips=st.integers(0, 2**30),
    provider=st.sampled_from(
        [("outlook.com", "+"), ("hotmail.co.uk", "+"), ("icloud.com", "+"), ("yahoo.co.uk", "-")]
    ),
)
def test_tags_and_case_match_where_the_provider_ignores_them(
    member, local, tag, flips, provider
) -> None:
    domain, separator = provider
    report = report_about(f"{local}@{domain}", reviewed=True)
    typed = with_case_flipped(f" {local}{separator}{tag}@{domain} ", flips)
    assert report.pk in report_ids(typed)


@EXAMPLES
@given(local=LOCAL, other=LOCAL, flips=st.integers(0, 2**30))
def test_case_matches_but_dots_are_kept_where_the_provider_keeps_them(
    member, local, other, flips
) -> None:
    assume(local != other)
    report = report_about(f"{local}@example.com", reviewed=True)
    assert report.pk in report_ids(with_case_flipped(f"{local}@example.com", flips))
    assert report.pk not in report_ids(f"{other}@example.com")
    if len(local) > 1:
        assert report.pk not in report_ids(f"{local[0]}.{local[1:]}@example.com")
