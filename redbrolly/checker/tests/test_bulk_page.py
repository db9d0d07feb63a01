"""/check/bulk/: paste up to 50 numbers, e.g. from a call log, one answer a line."""

import pytest

from redbrolly.checker.models import Lookup
from redbrolly.checker.tests.factories import report_about

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


def test_each_line_gets_its_answer_and_unreadable_lines_say_why(signed_in) -> None:
    report_about("07700 900621", reviewed=True, violent=True)
    pasted = "07700 900621\n\n  +44 7700 900622 \nnot a number !!\n"
    page = signed_in.post("/check/bulk/", {"lines": pasted}).content.decode()
    assert page.count("<tr>") == 4  # header and three lines
    assert "1 warning, 0 take care, 1 with no reports." in page
    assert "1 line could not be read." in page
    assert Lookup.objects.filter(channel="bulk").count() == 2


def test_more_than_50_lines_are_refused_keeping_what_was_pasted(signed_in) -> None:
    pasted = "\n".join(f"07700 900{n:03d}" for n in range(51))
    response = signed_in.post("/check/bulk/", {"lines": pasted})
    page = response.content.decode()
    assert "up to 50 at a time (you pasted 51)" in page
    assert "07700 900050" in page
    assert not Lookup.objects.exists()


def test_an_empty_paste_is_refused_with_a_message(signed_in) -> None:
    response = signed_in.post("/check/bulk/", {"lines": "  \n "})
    assert 'class="errorlist"' in response.content.decode()


def test_a_paste_of_nothing_but_unreadable_lines_says_why_for_each(signed_in) -> None:
    page = signed_in.post("/check/bulk/", {"lines": "hello?\n!!"}).content.decode()
    assert "2 lines could not be read." in page
    assert not Lookup.objects.exists()
