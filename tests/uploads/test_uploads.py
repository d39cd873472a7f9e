"""Uploads over HTTP: type by content, size limit while streaming, owner-only access."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.upload import Upload
from app.models.user import Role
from tests.conftest import OfficerFactory
from tests.uploads.conftest import HTML, JPEG, PDF, PNG, UploadApp, UploadAppFactory

URL = "/api/v1/uploads"


async def upload_count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(Upload)) or 0)


@pytest.mark.parametrize(
    ("content", "name", "declared", "content_type"),
    [
        (PDF, "Giấy khai sinh.pdf", "application/pdf", "application/pdf"),
        (JPEG, "anh-the.JPEG", "image/jpeg", "image/jpeg"),
        (PNG, "so-do.png", "", "image/png"),
    ],
)
async def test_accepted_types_are_stored_with_their_sha256_and_served_to_the_owner(
    uploads: UploadApp,
    session: AsyncSession,
    content: bytes,
    name: str,
    declared: str,
    content_type: str,
) -> None:
    headers = await uploads.citizen()
    response = await uploads.upload(headers, content, name, declared)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["content_type"] == content_type
    assert body["sha256"] == hashlib.sha256(content).hexdigest()
    assert body["size"] == len(content)
    assert body["file_name"] == name
    expires = datetime.fromisoformat(body["expires_at"])
    assert timedelta(hours=23, minutes=59) < expires - datetime.now(UTC) <= timedelta(hours=24)

    row = await session.get(Upload, uuid.UUID(body["id"]))
    assert row is not None
    assert row.owner_subject == "citizen-1"
    assert row.owner_issuer == "motcua-dev-citizen"
    [stored] = uploads.stored_files()
    assert stored == uploads.upload_dir / row.storage_key
    assert name not in str(stored)  # the client's name never reaches a path
    assert stored.read_bytes() == content

    meta = await uploads.client.get(f"{URL}/{body['id']}", headers=headers)
    assert meta.status_code == 200
    assert meta.json() == body
    download = await uploads.client.get(f"{URL}/{body['id']}/content", headers=headers)
    assert download.status_code == 200
    assert download.content == content
    assert download.headers["content-type"] == content_type
    assert download.headers["x-content-type-options"] == "nosniff"
    disposition = download.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote(name, safe='')}" in disposition


@pytest.mark.parametrize(
    ("content", "name", "declared", "code"),
    [
        # an HTML page dressed as a PDF: extension and declared type both lie
        (HTML, "giay-to.pdf", "application/pdf", "unsupported_media_type"),
        (b"GIF89a" + b"\x00" * 32, "anh.gif", "image/gif", "unsupported_media_type"),
        (b"%PD", "ngan.pdf", "application/pdf", "unsupported_media_type"),
        (b"", "rong.pdf", "application/pdf", "unsupported_media_type"),
        # real PNG bytes claiming to be a PDF, by media type or by extension
        (PNG, "so-do.png", "application/pdf", "content_type_mismatch"),
        (PNG, "so-do.pdf", "application/octet-stream", "content_type_mismatch"),
        (PDF, "trang.html", "text/html", "content_type_mismatch"),
    ],
)
async def test_files_that_lie_about_their_type_are_refused_and_nothing_is_stored(
    uploads: UploadApp,
    session: AsyncSession,
    content: bytes,
    name: str,
    declared: str,
    code: str,
) -> None:
    before = await upload_count(session)
    response = await uploads.upload(await uploads.citizen(), content, name, declared)
    assert response.status_code == 415, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == code
    assert await upload_count(session) == before
    assert uploads.stored_files() == []


async def test_a_file_over_the_limit_is_refused_by_its_content_length(
    make_upload_app: UploadAppFactory, session: AsyncSession
) -> None:
    uploads = await make_upload_app(upload_max_bytes=1024)
    big = PDF + b"0" * 200_000  # declared length above limit + envelope: refused before reading
    response = await uploads.upload(await uploads.citizen(), big)
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    assert uploads.stored_files() == []
    assert await upload_count(session) == 0
    ok = await uploads.upload(await uploads.citizen(), PDF + b"0" * (1024 - len(PDF)))
    assert ok.status_code == 201  # exactly at the limit is fine


def multipart_body(boundary: str, content: bytes, name: str = "tep.pdf") -> list[bytes]:
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    return [head, content, f"\r\n--{boundary}--\r\n".encode()]


async def test_a_file_over_the_limit_is_stopped_while_streaming(
    make_upload_app: UploadAppFactory, session: AsyncSession
) -> None:
    """No Content-Length (chunked): the body is read until the limit is passed, then 413."""
    uploads = await make_upload_app(upload_max_bytes=1024)
    boundary = "motcua-test-boundary"
    head, _, tail = multipart_body(boundary, b"")
    sent = {"chunks": 0}

    async def body() -> AsyncIterator[bytes]:
        yield head + PDF
        for _ in range(1000):  # 64 MB if it were all read
            sent["chunks"] += 1
            yield b"0" * 65536
        yield tail

    response = await uploads.client.post(
        URL,
        content=body(),
        headers={
            **(await uploads.citizen()),
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
    )
    assert response.status_code == 413
    assert sent["chunks"] < 5  # stopped at the limit, not after the whole body
    assert uploads.stored_files() == []
    assert list(uploads.upload_dir.rglob("*.part")) == []
    assert await upload_count(session) == 0

    # just over the limit inside a body that is small enough overall: the file count decides
    response = await uploads.upload(await uploads.citizen(), PDF + b"0" * (1025 - len(PDF)))
    assert response.status_code == 413
    assert uploads.stored_files() == []


async def test_others_get_404_and_anonymous_401(
    uploads: UploadApp, make_officer: OfficerFactory
) -> None:
    owner = await uploads.citizen("citizen-owner")
    created = (await uploads.upload(owner, PDF)).json()
    other_citizen = await uploads.citizen("citizen-other")
    officer = await make_officer(("000.00.01.H99", Role.receptionist))
    for headers in (other_citizen, officer.headers):
        for path in (f"{URL}/{created['id']}", f"{URL}/{created['id']}/content"):
            response = await uploads.client.get(path, headers=headers)
            assert response.status_code == 404
            assert response.json()["code"] == "upload_not_found"
    unknown = await uploads.client.get(f"{URL}/{uuid.uuid4()}", headers=owner)
    assert unknown.status_code == 404
    assert (await uploads.client.get(f"{URL}/{created['id']}")).status_code == 401
    anonymous = await uploads.client.post(URL, files={"file": ("a.pdf", PDF, "application/pdf")})
    assert anonymous.status_code == 401
    assert uploads.stored_files() == [uploads.upload_dir / p for p in _keys(uploads)]


def _keys(uploads: UploadApp) -> list[str]:
    return [str(p.relative_to(uploads.upload_dir)) for p in uploads.stored_files()]


async def test_officers_upload_too_and_own_their_files(
    uploads: UploadApp, make_officer: OfficerFactory
) -> None:
    officer = await make_officer(("000.00.01.H99", Role.receptionist))
    colleague = await make_officer(("000.00.01.H99", Role.receptionist))
    created = await uploads.upload(officer.headers, JPEG, "ket-qua.jpg")
    assert created.status_code == 201
    upload_id = created.json()["id"]
    own = await uploads.client.get(f"{URL}/{upload_id}/content", headers=officer.headers)
    assert own.status_code == 200
    assert own.content == JPEG
    other = await uploads.client.get(f"{URL}/{upload_id}", headers=colleague.headers)
    assert other.status_code == 404


async def test_missing_file_field_and_non_multipart_bodies(
    uploads: UploadApp, session: AsyncSession
) -> None:
    headers = await uploads.citizen()
    no_file = await uploads.client.post(
        URL,
        content=b'--b0undary\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n'
        b"submitted\r\n--b0undary--\r\n",
        headers={**headers, "Content-Type": "multipart/form-data; boundary=b0undary"},
    )
    assert no_file.status_code == 422
    assert no_file.json()["errors"][0]["field"] == "file"
    other_field = await uploads.client.post(
        URL, files={"document": ("a.pdf", PDF, "application/pdf")}, headers=headers
    )
    assert other_field.status_code == 422
    for not_multipart in (
        {"json": {"file": "JVBERi0="}},
        {"data": {"file": "JVBERi0="}},  # urlencoded
    ):
        refused = await uploads.client.post(URL, headers=headers, **not_multipart)  # type: ignore[arg-type]
        assert refused.status_code == 415
        assert refused.json()["code"] == "multipart_required"
    truncated = await uploads.client.post(
        URL,
        content=b"".join(multipart_body("b0undary", PDF)[:2]),
        headers={**headers, "Content-Type": "multipart/form-data; boundary=b0undary"},
    )
    assert truncated.status_code == 400
    assert truncated.json()["code"] == "malformed_multipart"
    two_files = await uploads.client.post(
        URL,
        files=[("file", ("a.pdf", PDF, "application/pdf")), ("file", ("b.png", PNG, "image/png"))],
        headers=headers,
    )
    assert two_files.status_code == 422
    bad_purpose = await uploads.client.post(
        URL,
        files={"file": ("a.pdf", PDF, "application/pdf")},
        data={"purpose": "anything"},
        headers=headers,
    )
    assert bad_purpose.status_code == 422
    assert await upload_count(session) == 0
    assert uploads.stored_files() == []
    with_purpose = await uploads.client.post(
        URL,
        files={"file": ("a.pdf", PDF, "application/pdf")},
        data={"purpose": "supplement"},
        headers=headers,
    )
    assert with_purpose.status_code == 201
    assert with_purpose.json()["purpose"] == "supplement"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\an\\Desktop\\don.pdf", "don.pdf"),
        ("bien-ban", "bien-ban.pdf"),
        ("trang.exe", "trang.exe.pdf"),
        ("a<b>|c?.pdf", "a_b__c_.pdf"),
        ("...", "tai-lieu.pdf"),
    ],
)
async def test_file_names_are_sanitised(uploads: UploadApp, raw: str, expected: str) -> None:
    headers = await uploads.citizen()
    response = await uploads.upload(headers, PDF, raw)
    assert response.status_code == 201, response.text
    assert response.json()["file_name"] == expected
    download = await uploads.client.get(f"{URL}/{response.json()['id']}/content", headers=headers)
    assert "\r" not in download.headers["content-disposition"]


async def test_control_characters_in_a_raw_file_name_are_dropped(uploads: UploadApp) -> None:
    """httpx percent-encodes them, so the part is written by hand as a hostile client would."""
    headers = await uploads.citizen()
    response = await uploads.client.post(
        URL,
        content=b'--b0undary\r\nContent-Disposition: form-data; name="file"; '
        b'filename="bao\x00cao\x1b\xe2\x80\xae.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
        + PDF
        + b"\r\n--b0undary--\r\n",
        headers={**headers, "Content-Type": "multipart/form-data; boundary=b0undary"},
    )
    assert response.status_code == 201, response.text
    assert response.json()["file_name"] == "baocao.pdf"  # NUL, ESC and the RTL override removed


@pytest.mark.parametrize("purpose_first", [True, False])
async def test_purpose_before_or_after_the_file_is_bound_to_its_own_part(
    uploads: UploadApp, purpose_first: bool
) -> None:
    """curl ``-F purpose=submitted -F file=@a.pdf`` and the reverse (Swagger UI's order) both work."""
    file_part = (
        b'--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n" + PDF + b"\r\n"
    )
    purpose_part = (
        b'--b0undary\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nsubmitted\r\n'
    )
    parts = [purpose_part, file_part] if purpose_first else [file_part, purpose_part]
    response = await uploads.client.post(
        URL,
        content=b"".join(parts) + b"--b0undary--\r\n",
        headers={
            **(await uploads.citizen()),
            "Content-Type": "multipart/form-data; boundary=b0undary",
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["purpose"] == "submitted"
    assert response.json()["file_name"] == "a.pdf"
    assert response.json()["size"] == len(PDF)
