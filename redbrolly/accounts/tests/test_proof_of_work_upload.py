"""Applicants may attach a proof of work: optional, per membership type, sealed, no metadata."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from redbrolly.accounts.models import MemberProfile, MembershipProof
from redbrolly.accounts.services import membership_review
from redbrolly.accounts.tests.test_signup import form
from redbrolly.core.models import Organisation
from redbrolly.reports.tests.test_evidence_files import photo_with_gps
from tests.test_raw_database_bytes import database_bytes

pytestmark = pytest.mark.django_db

MARKER = "PlantedProofMarker Northside drop-in letter 7731"
SVG = b"<svg xmlns='http://www.w3.org/2000/svg'/>"


def pdf_with(text: str) -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Title (" + text.encode() + b") >> endobj\n%%EOF\n"


def upload(data: bytes, name: str = "proof.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def organisation(**fields: object) -> None:
    Organisation.objects.filter(pk=Organisation.current().pk).update(**fields)


def page_text(response) -> str:
    return response.content.decode().replace("&#x27;", "'")


@pytest.mark.django_db(transaction=True)
def test_a_pdf_attached_at_sign_up_is_stored_encrypted(client, planted, tmp_path) -> None:
    planted(MARKER)
    response = client.post("/accounts/signup/", form(proof=upload(pdf_with(MARKER))))
    assert response.status_code == 302
    proof = MembershipProof.objects.get(profile__user__username="ruby77")
    assert (proof.kind, proof.content_type, proof.extension) == ("pdf", "application/pdf", "pdf")
    assert MARKER.encode() in proof.content
    raw = database_bytes(tmp_path)
    assert MARKER.encode() not in raw
    assert b"PlantedProofMarker" not in raw
    # The dump really holds the row: the working name is a plain, non-sensitive column.
    assert b"ruby77" in raw


def test_location_and_camera_details_are_removed_from_a_photo(client) -> None:
    original = photo_with_gps()
    assert b"PlantedCameraMaker" in original
    client.post("/accounts/signup/", form(proof=upload(original, "IMG_0042.jpg")))
    proof = MembershipProof.objects.get()
    assert (proof.kind, proof.content_type) == ("image", "image/jpeg")
    for marker in (b"PlantedCameraMaker", b"PlantedSoftware", b"PlantedComment", b"Exif"):
        assert marker not in proof.content
    assert len(Image.open(io.BytesIO(proof.content)).getexif()) == 0


def test_the_form_says_the_file_is_optional_and_deleted_after_the_decision(client) -> None:
    page = page_text(client.get("/accounts/signup/"))
    assert 'name="proof"' in page and 'enctype="multipart/form-data"' in page
    assert "(optional)" in page
    assert "We delete this file as soon as we have decided, and after 30 days" in page


def test_applying_without_a_file_still_works(client) -> None:
    assert client.post("/accounts/signup/", form()).status_code == 302
    assert MemberProfile.objects.filter(user__username="ruby77").exists()
    assert not MembershipProof.objects.exists()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (SVG, "advert.svg", "SVG images and web pages can't be uploaded"),
        (b"<html><body>hi</body></html>", "advert.jpg", "SVG images and web pages"),
        (b"PK\x03\x04zipped", "advert.jpg", "This file type can't be uploaded"),
        (b"%PDF-" + b"0" * 4096, "letter.pdf", "This file is too big"),
    ],
)
def test_a_refused_file_is_explained_and_what_was_typed_is_kept(
    client, settings, data, name, message
) -> None:
    settings.REDBROLLY_EVIDENCE_MAX_BYTES = 2048
    response = client.post("/accounts/signup/", form(proof=upload(data, name)))
    assert response.status_code == 200
    page = page_text(response)
    assert message in page
    assert 'value="ruby77"' in page
    assert 'value="Ruby.77@Example.com"' in page
    assert "Known to the Liverpool drop-in" in page
    assert "please attach it again" in page
    assert not MemberProfile.objects.exists()


def test_the_file_is_not_offered_when_the_organisation_does_not_ask(client) -> None:
    organisation(membership_proof=False)
    page = page_text(client.get("/accounts/signup/"))
    assert 'name="proof"' not in page
    assert 'name="applicant_note"' not in page  # nor the question
    # A file or a note sent anyway is ignored, never stored.
    sent = form(proof=upload(pdf_with("x")), applicant_note="Known to the drop-in")
    assert client.post("/accounts/signup/", sent).status_code == 302
    assert MemberProfile.objects.get().applicant_note == ""
    assert not MembershipProof.objects.exists()


def test_the_file_is_offered_only_for_the_types_in_the_list(client) -> None:
    organisation(membership_proof_upload_types=["practitioner"])
    page = page_text(client.get("/accounts/signup/"))
    assert "Only when joining as: Project or practitioner." in page
    response = client.post("/accounts/signup/", form(proof=upload(pdf_with("x"))))
    assert response.status_code == 200
    assert "We don't ask for a file when joining as" in page_text(response)
    assert not MemberProfile.objects.exists()
    response = client.post(
        "/accounts/signup/", form(membership_type="practitioner", proof=upload(pdf_with("x")))
    )
    assert response.status_code == 302
    assert MembershipProof.objects.get().profile.membership_type == "practitioner"


def test_no_field_at_all_when_no_type_is_in_the_list(client) -> None:
    organisation(membership_proof_upload_types=[])
    assert 'name="proof"' not in page_text(client.get("/accounts/signup/"))


def test_by_default_every_membership_type_is_offered_the_file() -> None:
    assert Organisation.current().membership_proof_upload_types == list(
        MemberProfile.MembershipType.values
    )


def asked_for_more(people, client):
    applicant, moderator = people("applicant", "moderator")
    membership_review(
        reviewer=moderator,
        profile=applicant.member_profile,
        decision="more_info",
        reason="Which project knows you?",
    )
    client.force_login(applicant)
    return applicant


def test_an_applicant_asked_for_more_can_answer_with_a_file_alone(client, people) -> None:
    applicant = asked_for_more(people, client)
    page = page_text(client.get("/me/"))
    assert 'name="proof"' in page and 'enctype="multipart/form-data"' in page
    assert "We delete this file as soon as we have decided, and after 30 days" in page
    response = client.post("/me/", {"note": "", "proof": upload(photo_with_gps(), "a.jpg")})
    assert response.status_code == 302
    applicant.member_profile.refresh_from_db()
    assert applicant.member_profile.status == MemberProfile.Status.PENDING
    assert MembershipProof.objects.get().profile == applicant.member_profile


def test_an_empty_answer_is_explained(client, people) -> None:
    applicant = asked_for_more(people, client)
    response = client.post("/me/", {"note": ""})
    assert "Write an answer, or attach a file." in page_text(response)
    applicant.member_profile.refresh_from_db()
    assert applicant.member_profile.status == MemberProfile.Status.MORE_INFO


def test_a_refused_file_in_the_answer_keeps_the_note(client, people) -> None:
    applicant = asked_for_more(people, client)
    response = client.post("/me/", {"note": "The Leeds drop-in", "proof": upload(SVG, "a.svg")})
    assert response.status_code == 200
    page = page_text(response)
    assert "SVG images and web pages can't be uploaded" in page
    assert "The Leeds drop-in" in page
    applicant.member_profile.refresh_from_db()
    assert applicant.member_profile.status == MemberProfile.Status.MORE_INFO
    assert not MembershipProof.objects.exists()


def test_no_file_is_offered_with_the_answer_when_the_type_is_not_in_the_list(
    client, people
) -> None:
    organisation(membership_proof_upload_types=["site"])
    asked_for_more(people, client)
    page = page_text(client.get("/me/"))
    assert 'name="note"' in page and 'name="proof"' not in page


def test_an_administrator_ticks_the_types_in_the_organisation_profile(client, people) -> None:
    client.force_login(people("admin"))
    url = f"/admin/core/organisation/{Organisation.current().pk}/change/"
    page = client.get(url).content.decode()
    assert 'type="checkbox" name="membership_proof_upload_types" value="site"' in page
    current = Organisation.current()
    response = client.post(
        url,
        {
            "name": current.name,
            "phone_region": current.phone_region,
            "languages": json.dumps(current.languages),
            "contact_routes": json.dumps(current.contact_routes),
            "membership_proof": "on",
            "membership_proof_upload_types": ["individual", "site"],
        },
    )
    assert response.status_code == 302
    assert Organisation.current().membership_proof_upload_types == ["individual", "site"]
