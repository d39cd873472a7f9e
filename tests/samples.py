"""Small real files for upload tests: each opens with the library the content check uses."""

from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfWriter


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)  # A4
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _image(fmt: str, size: tuple[int, int] = (8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, fmt)
    return out.getvalue()


PDF = _pdf()
JPEG = _image("JPEG")
PNG = _image("PNG")
