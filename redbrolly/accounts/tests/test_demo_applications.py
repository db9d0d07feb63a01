"""The demo review queue shows applications with a (fictional) proof-of-work picture."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from redbrolly.accounts.demo import DEMO_APPLICANTS
from redbrolly.accounts.models import MembershipProof, User

pytestmark = pytest.mark.django_db


def test_the_demo_has_waiting_applications_with_a_proof_picture(client) -> None:
    call_command("seed_demo", "--quiet-logins")
    proofs = MembershipProof.objects.filter(
        profile__user__username__in=[a[0] for a in DEMO_APPLICANTS]
    )
    assert {proof.profile.status for proof in proofs} == {"pending"}
    assert [proof.content_type for proof in proofs] == ["image/png"] * len(DEMO_APPLICANTS)
    client.force_login(User.objects.get(username="moderator"))
    assert "Attached" in client.get("/staff/applications/").content.decode()
    call_command("seed_demo", "--quiet-logins", "--force")
    assert MembershipProof.objects.count() == len(DEMO_APPLICANTS)
