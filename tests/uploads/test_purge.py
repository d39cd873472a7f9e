"""Expiry: unattached uploads vanish after their TTL (rows and files); attached ones stay."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import Conflict, NotFound
from app.models.upload import Upload, UploadPurpose
from app.services.identity.principals import CitizenPrincipal
from app.services.uploads import files as uploads_service
from tests.uploads.conftest import JPEG, PDF, PNG, UploadApp


def citizen(subject: str) -> CitizenPrincipal:
    return CitizenPrincipal("motcua-dev-citizen", subject, "Nguyễn Văn An", None)


async def test_purge_removes_expired_unattached_uploads_and_keeps_the_rest(
    uploads: UploadApp, session: AsyncSession
) -> None:
    headers = await uploads.citizen("citizen-1")
    ids = []
    for content in (PDF, JPEG, PNG):
        response = await uploads.upload(headers, content, "tep")
        assert response.status_code == 201
        ids.append(uuid.UUID(response.json()["id"]))
    expired, attached, fresh = ids
    await uploads_service.attach(session, citizen("citizen-1"), [attached], UploadPurpose.submitted)
    rows = {u.id: u for u in await session.scalars(select(Upload).where(Upload.id.in_(ids)))}
    now = datetime.now(UTC)
    rows[expired].expires_at = now - timedelta(seconds=1)
    rows[attached].expires_at = now - timedelta(seconds=1)  # attached: no longer expires
    await session.flush()
    expired_file = uploads.upload_dir / rows[expired].storage_key
    assert expired_file.is_file()

    # invisible as soon as it expires, before any purge
    gone = await uploads.client.get(f"/api/v1/uploads/{expired}", headers=headers)
    assert gone.status_code == 404

    storage = uploads.app.state.storage
    assert await uploads_service.purge_expired_uploads(session, storage, now) == 1
    session.expunge_all()
    remaining = set(await session.scalars(select(Upload.id).where(Upload.id.in_(ids))))
    assert remaining == {attached, fresh}
    assert not expired_file.exists()
    assert len(uploads.stored_files()) == 2
    assert await uploads_service.purge_expired_uploads(session, storage, now) == 0
    # a day later the fresh one goes too; the attached one never does
    later = now + timedelta(hours=25)
    assert await uploads_service.purge_expired_uploads(session, storage, later) == 1
    assert set(await session.scalars(select(Upload.id).where(Upload.id.in_(ids)))) == {attached}


async def test_attach_only_own_live_unattached_uploads(
    uploads: UploadApp, session: AsyncSession
) -> None:
    response = await uploads.upload(await uploads.citizen("citizen-1"), PDF)
    upload_id = uuid.UUID(response.json()["id"])
    with pytest.raises(NotFound):
        await uploads_service.attach(
            session, citizen("citizen-2"), [upload_id], UploadPurpose.submitted
        )
    [attached] = await uploads_service.attach(
        session, citizen("citizen-1"), [upload_id], UploadPurpose.supplement
    )
    assert attached.attached_at is not None
    assert attached.purpose is UploadPurpose.supplement
    with pytest.raises(Conflict):
        await uploads_service.attach(
            session, citizen("citizen-1"), [upload_id], UploadPurpose.submitted
        )
    later = datetime.now(UTC) + timedelta(days=30)
    still = await uploads_service.get_upload(session, citizen("citizen-1"), upload_id, now=later)
    assert still.id == upload_id
