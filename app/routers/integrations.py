"""The national portal's side of our API (docs/portal.md): the files behind the signed links it
receives, the dossiers it forwards to us, and the sync state of a province administrator."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Path, Query, Request
from fastapi.responses import StreamingResponse

from app.config import Settings
from app.errors import ProblemCode
from app.problems import problem_responses
from app.routing import ReadSession, Router
from app.services.portal import files as portal_files
from app.services.uploads.file_types import FILE_TYPES, content_disposition
from app.services.uploads.storage import Storage

PREFIX = "/api/v1/integrations/national-portal"
files_router = Router(prefix=PREFIX, tags=["integrations: national portal"])


@files_router.get(
    "/files/{document_id}",
    operation_id="portal_file_download",
    summary="Tải tệp của hồ sơ qua đường dẫn có chữ ký, có hạn (gửi Cổng DVCQG)",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "Nội dung tệp",
            "content": {
                t.content_type: {"schema": {"type": "string", "format": "binary"}}
                for t in FILE_TYPES
            },
        },
        **problem_responses(
            ProblemCode.file_link_invalid, ProblemCode.upload_not_found, ProblemCode.validation_failed
        ),
    },
)
async def download_linked_file(
    session: ReadSession,
    request: Request,
    document_id: Annotated[int, Path(ge=1, le=2**63 - 1)],
    expires: Annotated[int, Query(ge=0, le=2**40, description="Hết hạn (giây Unix)")],
    signature: Annotated[str, Query(max_length=128, description="Chữ ký HMAC-SHA256 (hex)")],
) -> StreamingResponse:
    settings: Settings = request.app.state.settings
    storage: Storage = request.app.state.storage
    linked = await portal_files.open_linked(
        session,
        storage,
        settings.secret_key.get_secret_value(),
        document_id,
        expires,
        signature,
        datetime.now(UTC),
    )
    return StreamingResponse(
        linked.content,
        media_type=linked.content_type,
        headers={
            "Content-Disposition": content_disposition(linked.file_name),
            "Content-Length": str(linked.size),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "private, no-store",
            "ETag": f'"{linked.sha256}"',
        },
    )
