"""The evaluation as a PDF: every page drawn, every heading and chart in it, nothing fetched."""

import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from PIL import Image

from redbrolly.insights.labels import SECTIONS
from redbrolly.insights.pdf import render_pdf
from redbrolly.insights.report import CAPTIONS

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="needs poppler-utils (pdftoppm, pdftotext)"
)


@pytest.fixture
def pdf(researcher_client, demo_study, tmp_path) -> Path:
    response = researcher_client.get("/staff/evaluation/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)
    return path


def ink(path: Path) -> float:
    """Share of the page that is not white."""
    image = Image.open(path).convert("L")
    return sum(image.point(lambda v: 255 if v < 235 else 0).histogram()[255:]) / (
        image.width * image.height
    )


@needs_poppler
def test_every_page_of_the_pdf_carries_content(pdf, tmp_path):
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 6
    shares = [ink(page) for page in pages]
    assert all(share > 0.01 for share in shares), shares


@needs_poppler
def test_the_pdf_holds_every_section_table_and_chart(pdf):
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    words = " ".join(text.split())
    for title in [*SECTIONS.values(), *CAPTIONS.values()]:
        assert " ".join(str(title).split()) in words, title
    # Words drawn inside each chart: the flow, the outcome panels, the plane and the curve.
    for label in ("Lost to follow-up", "Depression (PHQ-9)", "£30,000 per QALY", "Probability"):
        assert label in words, label


class Recorder(BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self):
        Recorder.seen.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_pdf_renderer_fetches_nothing_from_the_network():
    server = HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        render_pdf(
            f'<link rel="stylesheet" href="{base}/style.css">'
            f"<style>@import url({base}/more.css);</style>"
            f'<p>Report</p><img src="{base}/chart.svg"><img src="file:///etc/hostname">'
        )
    finally:
        server.shutdown()
    assert Recorder.seen == []
