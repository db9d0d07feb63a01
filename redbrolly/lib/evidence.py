"""Uploaded files: sniffed from their content, images re-encoded without any metadata.

Used for report evidence (reports) and proof of work on membership applications (accounts).
Accepted: JPEG, PNG, WebP and GIF images (re-drawn pixel by pixel, so no EXIF, GPS, ICC, XMP
or comment survives; GIFs become PNG) and PDFs (kept as they are, only ever downloaded).
Refused with a message a person can act on: SVG, HTML (whatever the file is called),
anything else, files over the size limit and decompression bombs.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# A 50-megapixel phone photo is fine; more is either a scan nobody needs or a bomb.
MAX_PIXELS = 50_000_000
# Long side kept: enough to read a screenshot or see a face, small enough to store.
MAX_SIDE = 4096
IMAGE_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
MARKUP_STARTS = (b"<", b"\xef\xbb\xbf<")


class EvidenceRefused(Exception):
    """The message is shown to the person uploading."""


@dataclass(frozen=True)
class PreparedEvidence:
    kind: str  # "image" or "pdf"
    content_type: str
    extension: str
    content: bytes
    width: int | None = None
    height: int | None = None


def max_bytes() -> int:
    return int(getattr(settings, "REDBROLLY_EVIDENCE_MAX_BYTES", DEFAULT_MAX_BYTES))


def too_big_message() -> str:
    return _("This file is too big. Files can be up to %(mb)s MB.") % {
        "mb": max_bytes() // (1024 * 1024)
    }


def upload_bytes(upload: UploadedFile) -> bytes:
    """Refuses an oversize upload from its declared size, before reading it into memory."""
    if upload.size is not None and upload.size > max_bytes():
        raise EvidenceRefused(too_big_message())
    return upload.read()


def evidence_prepare(data: bytes) -> PreparedEvidence:
    if len(data) > max_bytes():
        raise EvidenceRefused(too_big_message())
    if not data:
        raise EvidenceRefused(_("This file is empty."))
    if data.startswith(b"%PDF-"):
        return PreparedEvidence("pdf", "application/pdf", "pdf", data)
    if looks_like_markup(data):
        raise EvidenceRefused(
            _(
                "SVG images and web pages can't be uploaded. Please send a screenshot "
                "(PNG or JPEG) instead."
            )
        )
    return image_reencoded(data)


def looks_like_markup(data: bytes) -> bool:
    head = data[:512].lstrip()
    lowered = head.lower()
    return head.startswith(MARKUP_STARTS) or b"<svg" in lowered or b"<html" in lowered


def not_accepted() -> EvidenceRefused:
    return EvidenceRefused(
        _("This file type can't be uploaded. Please send photos, screenshots or PDF files.")
    )


def bomb() -> EvidenceRefused:
    return EvidenceRefused(
        _("This image is too large to process. Please send a smaller photo or a screenshot.")
    )


def image_reencoded(data: bytes) -> PreparedEvidence:
    with warnings.catch_warnings():
        # Pillow warns (then errors) on huge images; both mean "refuse", never "decode".
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return redraw(data)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise bomb() from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise not_accepted() from None


def redraw(data: bytes) -> PreparedEvidence:
    with Image.open(io.BytesIO(data), formats=IMAGE_FORMATS) as opened:
        if opened.width * opened.height > MAX_PIXELS:
            raise bomb()
        source_format = opened.format
        opened.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEGs decode at a smaller scale
        upright = ImageOps.exif_transpose(opened) or opened
        upright.load()
        pixels = upright.convert("RGBA" if has_alpha(upright) else "RGB")
    pixels.thumbnail((MAX_SIDE, MAX_SIDE))
    # A new image holds the pixels and nothing else: no info dict, no EXIF, no profile.
    clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    return encoded(clean, photo=source_format == "JPEG" and clean.mode == "RGB")


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def encoded(image: Image.Image, *, photo: bool) -> PreparedEvidence:
    out = io.BytesIO()
    if photo:
        image.save(out, format="JPEG", quality=88, optimize=True)
        kind, extension = "image/jpeg", "jpg"
    else:
        image.save(out, format="PNG", optimize=True)
        kind, extension = "image/png", "png"
    return PreparedEvidence(
        "image", kind, extension, out.getvalue(), width=image.width, height=image.height
    )


def evidence_response(
    content: bytes, *, content_type: str, filename: str, inline: bool
) -> HttpResponse:
    """A stored file for an access-checked view: only images may show inline; the browser
    sniffs nothing, runs nothing and caches nothing (SECURITY.md, "Uploads")."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'{"inline" if inline else "attachment"}; filename="{filename}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "no-store, private"
    return response
