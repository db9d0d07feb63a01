"""The printable bulletin: a PDF of a region's current alerts, with a neutral cover option,
for practitioners and staff."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

import pytest
from django.test import Client

from redbrolly.alerts import bulletin
from redbrolly.alerts.testing import accepted_report, published_alert
from redbrolly.core.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert(people: Any) -> Any:
    return published_alert(*people("moderator", "moderator2"))


def cover_of(html: str) -> str:
    return html.split('<section class="cover">', 1)[1].split("</section>", 1)[0]


def test_staff_download_a_pdf_of_the_regions_alerts(alert: Any, people: Any, tmp_path: Any) -> None:
    client = Client()
    client.force_login(people("moderator"))
    response = client.get("/alerts/bulletin/?region=greater-manchester")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if shutil.which("pdftotext"):
        (tmp_path / "b.pdf").write_bytes(response.content)
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True
        ).stdout
        text = " ".join(text.split())
        assert "Safety alerts: Greater Manchester" in text
        assert "07*******23" in text


def test_the_bulletin_holds_the_regions_current_alerts_only(alert: Any, people: Any) -> None:
    drafter, approver = people("moderator", "moderator2")
    published_alert(drafter, approver, accepted_report(region="cheshire", phone="+447700900999"))
    html = bulletin.document(
        people("moderator"),
        region=Region.objects.get(code="greater-manchester"),
        since=None,
        neutral=False,
    )
    assert "07*******23" in html
    assert "07*******99" not in html


def test_the_neutral_cover_and_title_say_nothing_of_what_is_inside(alert: Any, people: Any) -> None:
    html = bulletin.document(
        people("moderator"),
        region=Region.objects.get(code="greater-manchester"),
        since=None,
        neutral=True,
    )
    cover = cover_of(html) + html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "alert" not in cover.lower() and "safety" not in cover.lower()
    assert "Manchester" not in cover
    assert 'name="author"' not in html


def test_practitioners_may_print_and_individual_members_may_not(alert: Any, people: Any) -> None:
    practitioner = Client()
    practitioner.force_login(people("practitioner"))
    assert practitioner.get("/alerts/bulletin/").status_code == 200
    individual = Client()
    individual.force_login(people("member"))
    assert individual.get("/alerts/bulletin/?region=greater-manchester").status_code == 403


def test_a_region_that_does_not_exist_gets_the_form_again(alert: Any, people: Any) -> None:
    client = Client()
    client.force_login(people("moderator"))
    response = client.get("/alerts/bulletin/?region=atlantis&since=someday")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert set(response.context["form"].errors) == {"region", "since"}
