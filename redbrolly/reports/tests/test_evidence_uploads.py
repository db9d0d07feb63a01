"""Evidence through the web: uploaded with the report, seen only by staff who may read it."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from redbrolly.core.models import AuditEntry
from redbrolly.reports.models import Attachment, Report
from redbrolly.reports.tests.helpers import found
from redbrolly.reports.tests.test_evidence_files import photo_with_gps
from redbrolly.reports.tests.test_web_intake import WHAT

pytestmark = pytest.mark.django_db


def upload(client: Client, data: bytes, name: str) -> str:
    response = client.post(
        "/report/evidence/", {"action": "upload", "file": SimpleUploadedFile(name, data)}
    )
    return response.content.decode() if response.status_code != 302 else ""


def started_draft(client: Client) -> None:
    page = client.get("/report/").content.decode()
    stamp = found(r'name="started" value="([^"]+)"', page)
    client.post("/report/what/", {**WHAT, "started": stamp, "action": "next"})


def test_a_photo_is_stored_encrypted_and_without_metadata(client) -> None:
    started_draft(client)
    assert upload(client, photo_with_gps(), "IMG_2001.jpg") == ""
    attachment = Attachment.objects.get()
    assert attachment.kind == "image" and b"PlantedCameraMaker" not in attachment.content
    assert attachment.draft is not None and attachment.report is None


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "map.svg", "SVG images and web pages"),
        (b"<html><body>hi</body></html>", "holiday.jpg", "SVG images and web pages"),
        (b"PK\x03\x04zipped", "photos.jpg", "This file type can"),
    ],
)
def test_refused_files_get_a_clear_message(client, data, name, message) -> None:
    started_draft(client)
    page = upload(client, data, name)
    assert message in page.replace("&#x27;", "'")
    assert not Attachment.objects.exists()


def test_an_oversize_file_is_refused(client, settings) -> None:
    settings.REDBROLLY_EVIDENCE_MAX_BYTES = 2048
    started_draft(client)
    assert "too big" in upload(client, b"%PDF-" + b"0" * 4096, "scan.pdf")


def test_a_decompression_bomb_is_refused(client) -> None:
    started_draft(client)
    out = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(out, format="PNG")
    assert "too large to process" in upload(client, out.getvalue(), "bomb.png")


def accepted_report_with(client: Client, data: bytes, name: str) -> Attachment:
    started_draft(client)
    upload(client, data, name)
    client.post("/report/story/", {"narrative": "x", "action": "next"})
    client.post("/report/choices/", {"consent_level": "record_only", "action": "next"})
    client.post("/report/review/", {"action": "send"})
    return Attachment.objects.get(report=Report.objects.get())


def test_staff_see_an_image_inline_and_get_a_pdf_only_as_a_download(client, people) -> None:
    image = accepted_report_with(client, photo_with_gps(), "a.jpg")
    moderator = people("moderator")
    staff = Client()
    staff.force_login(moderator)
    shown = staff.get(f"/staff/reports/evidence/{image.pk}/")
    assert shown["Content-Type"] == "image/jpeg" and shown["Content-Disposition"].startswith(
        "inline"
    )
    assert shown["X-Content-Type-Options"] == "nosniff"
    pdf = Attachment.objects.create(
        report=image.report,
        kind="pdf",
        content_type="application/pdf",
        extension="pdf",
        size=5,
        content=b"%PDF-",
    )
    downloaded = staff.get(f"/staff/reports/evidence/{pdf.pk}/")
    assert downloaded["Content-Disposition"] == f'attachment; filename="evidence-{pdf.pk}.pdf"'
    assert AuditEntry.objects.filter(action="reports.attachment.viewed").count() == 2


def test_people_without_access_cannot_fetch_evidence(client, people) -> None:
    image = accepted_report_with(client, photo_with_gps(), "a.jpg")
    assert client.get(f"/staff/reports/evidence/{image.pk}/").status_code in {302, 403}
    for who in ("member", "caseworker"):
        other = Client()
        other.force_login(people(who))
        assert other.get(f"/staff/reports/evidence/{image.pk}/").status_code == 403
