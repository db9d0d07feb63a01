"""Only staff who review applications open a proof file, every opening is audited, and the
file is gone once the application is decided or the account deleted."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from redbrolly.accounts.models import MembershipProof
from redbrolly.accounts.services import membership_proof_add
from redbrolly.accounts.tests.test_contact_and_rights import reauthenticate
from redbrolly.core.models import AuditEntry
from redbrolly.lib.evidence import evidence_prepare
from redbrolly.lib.testing import PERSONAS
from redbrolly.reports.tests.test_evidence_files import photo_with_gps

pytestmark = pytest.mark.django_db

REVIEWERS = {"moderator", "moderator2", "admin"}  # roles holding accounts.review_membership


def attached(people, data: bytes | None = None) -> MembershipProof:
    applicant = people("applicant")
    return membership_proof_add(
        actor=applicant,
        profile=applicant.member_profile,
        prepared=evidence_prepare(data or photo_with_gps()),
    )


def url(proof: MembershipProof) -> str:
    return f"/staff/applications/{proof.profile_id}/proofs/{proof.pk}/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_reviewer_sees_the_file_on_the_application_and_opens_it(people) -> None:
    proof = attached(people)
    reviewer = signed_in(people("moderator"))
    page = reviewer.get(f"/staff/applications/{proof.profile_id}/").content.decode()
    assert url(proof) in page
    assert "Attached" in reviewer.get("/staff/applications/").content.decode()
    shown = reviewer.get(url(proof))
    assert shown.status_code == 200 and shown.content == proof.content
    assert shown["Content-Type"] == "image/jpeg"
    assert shown["Content-Disposition"] == f'inline; filename="proof-{proof.pk}.jpg"'
    assert shown["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in shown["Cache-Control"]


def test_every_opening_is_audited_without_the_file(people) -> None:
    proof = attached(people)
    reviewer = signed_in(people("moderator"))
    reviewer.get(url(proof))
    reviewer.get(url(proof) + "?download=1")
    entries = AuditEntry.objects.filter(action="accounts.membership.proof.viewed")
    assert entries.count() == 2
    entry = entries.latest("pk")
    assert entry.actor_label == "moderator" and entry.details == {"proof": proof.pk}
    assert entry.object_id == str(proof.profile_id)


def test_a_pdf_is_only_ever_downloaded(people) -> None:
    proof = attached(people, b"%PDF-1.4\n%%EOF\n")
    downloaded = signed_in(people("moderator")).get(url(proof))
    assert downloaded["Content-Disposition"] == f'attachment; filename="proof-{proof.pk}.pdf"'
    assert downloaded["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in downloaded["Cache-Control"]


def test_nobody_else_can_fetch_the_file(people) -> None:
    proof = attached(people)
    anonymous = Client().get(url(proof))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    for who in set(PERSONAS) - REVIEWERS:
        status = signed_in(people(who)).get(url(proof)).status_code
        assert status in {403, 404}, who
    assert signed_in(people("admin")).get(url(proof)).status_code == 200
    assert not AuditEntry.objects.filter(actor__username__in=set(PERSONAS) - REVIEWERS).filter(
        action="accounts.membership.proof.viewed"
    )


def test_the_file_must_belong_to_the_application_in_the_address(people) -> None:
    proof = attached(people)
    other = people("member").member_profile
    reviewer = signed_in(people("moderator"))
    assert reviewer.get(f"/staff/applications/{other.pk}/proofs/{proof.pk}/").status_code == 404


@pytest.mark.parametrize(("decision", "reason"), [("approve", ""), ("refuse", "Not known")])
def test_the_file_is_deleted_once_the_application_is_decided(people, decision, reason) -> None:
    proof = attached(people)
    reviewer = signed_in(people("moderator"))
    response = reviewer.post(
        f"/staff/applications/{proof.profile_id}/", {"decision": decision, "reason": reason}
    )
    assert response.status_code == 302
    assert not MembershipProof.objects.exists()
    entry = AuditEntry.objects.get(action=f"accounts.membership.{decision}")
    assert entry.details == {"proofs_deleted": 1}
    assert reviewer.get(url(proof)).status_code == 404


def test_asking_for_more_information_keeps_the_file(people) -> None:
    proof = attached(people)
    signed_in(people("moderator")).post(
        f"/staff/applications/{proof.profile_id}/",
        {"decision": "more_info", "reason": "Which project knows you?"},
    )
    assert MembershipProof.objects.filter(pk=proof.pk).exists()


def test_the_file_goes_with_the_account(client, people) -> None:
    proof = attached(people)
    client.force_login(proof.profile.user)
    reauthenticate(client)
    assert client.post("/me/delete/", {"confirm": "DELETE"}).status_code == 302
    assert not MembershipProof.objects.exists()


def test_the_data_download_says_a_file_is_held_without_its_bytes(client, people) -> None:
    proof = attached(people, b"%PDF-1.4\n%PlantedExportMarker\n%%EOF\n")
    client.force_login(proof.profile.user)
    reauthenticate(client)
    response = client.post("/me/data/")
    assert b"PlantedExportMarker" not in response.content
    held = json.loads(response.content)["membership"]["proof_files"]
    expected = {"uploaded_at": proof.uploaded_at.isoformat(), "type": "application/pdf"}
    assert held == [{**expected, "size": proof.size}]


def test_a_file_nobody_decided_on_is_deleted_after_the_keeping_period(people, settings) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from redbrolly.accounts.services import proofs_expire
    from redbrolly.lib import jobs

    settings.REDBROLLY_PROOF_KEEP_DAYS = 30
    old, recent = attached(people), attached(people)
    MembershipProof.objects.filter(pk=old.pk).update(
        uploaded_at=timezone.now() - timedelta(days=31)
    )
    assert "accounts.proofs_expire" in jobs.REGISTRY  # the worker runs it
    assert proofs_expire() == 1
    assert list(MembershipProof.objects.values_list("pk", flat=True)) == [recent.pk]
    assert AuditEntry.objects.filter(action="accounts.membership.proof.expired").count() == 1
    assert proofs_expire() == 0  # idempotent
