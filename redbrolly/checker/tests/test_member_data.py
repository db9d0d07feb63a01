"""A member's own checks are in their data download (without identifiers); deleting the
account keeps only anonymous counts."""

import pytest

from redbrolly.accounts.services import member_data_export, member_delete
from redbrolly.checker import services
from redbrolly.checker.models import Lookup
from redbrolly.checker.services import Actor

pytestmark = pytest.mark.django_db


def test_a_members_checks_are_in_their_data_download_without_identifiers(member) -> None:
    services.lookup_run(
        actor=Actor(user=member), identifier=services.identifier_read("07700 900651"), channel="web"
    )
    checks = member_data_export(user=member)["checker"]
    assert [(c["channel"], c["kind"], c["result"]) for c in checks] == [
        ("web", "phone", "no_reports")
    ]
    assert "900651" not in str(checks)


def test_deleting_the_account_keeps_the_check_only_as_an_anonymous_count(member) -> None:
    services.lookup_run(
        actor=Actor(user=member), identifier=services.identifier_read("07700 900651"), channel="web"
    )
    member_delete(user=member)
    assert Lookup.objects.get().user is None
