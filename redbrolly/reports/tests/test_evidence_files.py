"""Evidence uploads: metadata stripped, dangerous or huge files refused with a clear message."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from redbrolly.lib.evidence import EvidenceRefused, evidence_prepare

GPS_IFD = 0x8825


def photo_with_gps(fmt: str = "JPEG") -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = image.getexif()
    exif[0x010F] = "PlantedCameraMaker"  # Make
    exif[0x0131] = "PlantedSoftware"  # Software
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (53.0, 28.0, 55.0)
    gps[3], gps[4] = "W", (2.0, 14.0, 40.0)
    out = io.BytesIO()
    image.save(
        out, format=fmt, exif=exif, comment=b"PlantedComment"
    ) if fmt == "JPEG" else image.save(out, format=fmt, exif=exif)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_a_photo_with_gps_comes_back_without_any_metadata(fmt) -> None:
    original = photo_with_gps(fmt)
    assert b"PlantedCameraMaker" in original
    prepared = evidence_prepare(original)
    assert prepared.kind == "image"
    for marker in (b"PlantedCameraMaker", b"PlantedSoftware", b"PlantedComment", b"Exif", b"GPS"):
        assert marker not in prepared.content
    reopened = Image.open(io.BytesIO(prepared.content))
    assert len(reopened.getexif()) == 0
    assert not {"exif", "icc_profile", "comment", "xmp"} & set(reopened.info)
    assert reopened.size == (64, 48)


def test_a_rotated_photo_is_turned_upright_before_its_metadata_goes() -> None:
    image = Image.new("RGB", (60, 20))
    exif = image.getexif()
    exif[0x0112] = 6  # rotate 90 degrees
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    assert evidence_prepare(out.getvalue()).width == 20


def test_a_gif_becomes_a_png() -> None:
    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, format="GIF")
    assert evidence_prepare(out.getvalue()).content_type == "image/png"


def test_a_pdf_is_kept_as_it_is() -> None:
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"
    prepared = evidence_prepare(pdf)
    assert prepared.kind == "pdf" and prepared.content == pdf


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', "SVG"),
        (b"<svg onload=alert(1)></svg>", "SVG"),
        (b"<html><script>alert(1)</script></html>", "web pages"),
        (b"\xef\xbb\xbf  <!DOCTYPE html><html></html>", "web pages"),
        (b"MZ\x90\x00 a program", "can't be uploaded"),
        (b"\xff\xd8\xff\xe0 truncated jpeg", "can't be uploaded"),
        (b"", "empty"),
    ],
)
def test_files_that_are_not_photos_or_pdfs_are_refused_with_a_message(data, message) -> None:
    with pytest.raises(EvidenceRefused) as refused:
        evidence_prepare(data)
    assert message in str(refused.value)


def test_a_file_over_the_size_limit_is_refused(settings) -> None:
    settings.REDBROLLY_EVIDENCE_MAX_BYTES = 1000
    with pytest.raises(EvidenceRefused, match="too big"):
        evidence_prepare(photo_with_gps() + b"\0" * 1000)


def bomb_png(side: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (side, side)).save(out, format="PNG", optimize=True)
    return out.getvalue()


@pytest.mark.parametrize("side", [8_000, 20_000])
def test_a_decompression_bomb_is_refused_before_it_is_decoded(side) -> None:
    data = bomb_png(side)
    assert len(data) < 200_000  # tiny on disk, huge in memory
    with pytest.raises(EvidenceRefused, match="too large to process"):
        evidence_prepare(data)
