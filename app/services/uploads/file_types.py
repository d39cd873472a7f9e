"""What an uploaded file really is (by its first bytes) and the name it may be served under.

Only PDF, JPEG and PNG are accepted. The content decides; a declared type or extension that names one
of our types (or any other specific type) and disagrees with the content is a lie and refused, so an
HTML page called ``giay-to.pdf`` and sent as ``application/pdf`` never gets in. A name whose extension
says nothing we know keeps it and gets the detected extension appended.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from app.errors import ProblemCode, UnsupportedMediaType


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    magic: bytes
    aliases: frozenset[str]  # other names clients use for the same media type
    extensions: frozenset[str]


FILE_TYPES = (
    FileType(
        "application/pdf",
        "pdf",
        b"%PDF-",
        frozenset({"application/x-pdf", "application/acrobat"}),
        frozenset({"pdf"}),
    ),
    FileType(
        "image/jpeg",
        "jpg",
        b"\xff\xd8\xff",
        frozenset({"image/jpg", "image/pjpeg"}),
        frozenset({"jpg", "jpeg", "jpe", "jfif"}),
    ),
    FileType(
        "image/png",
        "png",
        b"\x89PNG\r\n\x1a\n",
        frozenset({"image/x-png"}),
        frozenset({"png"}),
    ),
)
MAGIC_BYTES_NEEDED = max(len(t.magic) for t in FILE_TYPES)
# Declared types that make no claim about the content.
GENERIC_CONTENT_TYPES = frozenset(
    {"", "application/octet-stream", "binary/octet-stream", "application/unknown"}
)
_KNOWN_EXTENSIONS = {ext: t for t in FILE_TYPES for ext in t.extensions}
_UNSAFE_CHARACTERS = re.compile(r'[<>:"/\\|?*]')
MAX_FILE_NAME_CHARACTERS = 200
DEFAULT_STEM = "tai-lieu"


def _refuse(
    detail: str, code: ProblemCode = ProblemCode.unsupported_media_type
) -> UnsupportedMediaType:
    return UnsupportedMediaType(
        detail, code=code, extra={"accepted": [t.content_type for t in FILE_TYPES]}
    )


def detect(head: bytes) -> FileType:
    """The type whose signature ``head`` starts with, or 415."""
    for file_type in FILE_TYPES:
        if head.startswith(file_type.magic):
            return file_type
    raise _refuse("Chỉ chấp nhận tệp PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).")


def check_declared(file_type: FileType, declared_type: str | None, file_name: str | None) -> None:
    """415 when the declared media type or a known extension contradicts the detected type."""
    declared = (declared_type or "").split(";", 1)[0].strip().lower()
    accepted = GENERIC_CONTENT_TYPES | file_type.aliases | {file_type.content_type}
    if declared not in accepted:
        raise _refuse(
            f"Nội dung tệp là {file_type.content_type} nhưng được khai báo là {declared}.",
            code=ProblemCode.content_type_mismatch,
        )
    extension = _extension(file_name or "")
    claimed = _KNOWN_EXTENSIONS.get(extension)
    if claimed is not None and claimed is not file_type:
        raise _refuse(
            f"Nội dung tệp là {file_type.content_type} nhưng tên tệp có đuôi .{extension}.",
            code=ProblemCode.content_type_mismatch,
        )


def _extension(name: str) -> str:
    stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot and stem else ""


def sanitise_file_name(raw: str | None, file_type: FileType) -> str:
    """A display name: no path, no control or reserved characters, ending in the right extension."""
    name = unicodedata.normalize("NFC", raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if not unicodedata.category(ch).startswith("C"))
    name = _UNSAFE_CHARACTERS.sub("_", name).strip(" .")
    if _KNOWN_EXTENSIONS.get(_extension(name)) is not file_type:
        name = f"{name or DEFAULT_STEM}.{file_type.extension}"
    stem, _, extension = name.rpartition(".")
    stem = stem[: MAX_FILE_NAME_CHARACTERS - len(extension) - 1].rstrip(" .") or DEFAULT_STEM
    return f"{stem}.{extension}"


def content_disposition(file_name: str) -> str:
    """``attachment`` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 8187)."""
    ascii_name = (
        unicodedata.normalize("NFKD", file_name.replace("đ", "d").replace("Đ", "D"))
        .encode("ascii", "ignore")
        .decode()
    )
    ascii_name = re.sub(r"[^A-Za-z0-9._ -]", "_", ascii_name).strip() or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name, safe='')}"
