"""Files uploaded first, referenced by id when a dossier is created or supplemented."""

from __future__ import annotations

import uuid
from datetime import timedelta

from fastapi import Depends, Request
from fastapi.responses import StreamingResponse

from app.config import Settings
from app.errors import ProblemCode
from app.openapi_docs import named_body
from app.problems import problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session
from app.schemas.uploads import UploadForm, UploadRead
from app.security import CALLER_PROBLEMS, get_caller
from app.services.dossiers import documents as dossier_documents
from app.services.identity.principals import Principal
from app.services.uploads import files as uploads_service
from app.services.uploads.content import ContentLimits
from app.services.uploads.file_types import FILE_TYPES, content_disposition
from app.services.uploads.multipart import MultipartReader
from app.services.uploads.storage import Storage

router = Router(prefix="/api/v1/uploads", tags=["uploads"], response_headers=NO_STORE)

_MULTIPART_BODY = named_body(UploadForm, "multipart/form-data")


# the problems of an upload looked up by id (besides authentication's)
UPLOAD_LOOKUP = (
    ProblemCode.upload_not_found,
    ProblemCode.validation_failed,
    ProblemCode.identity_provider_unavailable,
)


def _storage(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


@router.post(
    "",
    operation_id="upload_create",
    summary="Tải tệp lên (PDF, JPEG, PNG) để đính kèm hồ sơ; tệp tự xóa sau 24 giờ nếu chưa dùng",
    status_code=201,
    response_model=UploadRead,
    responses=problem_responses(
        CALLER_PROBLEMS,
        ProblemCode.malformed_multipart,
        ProblemCode.invalid_content_length,
        ProblemCode.upload_aborted,
        ProblemCode.payload_too_large,
        ProblemCode.pending_uploads_too_large,
        ProblemCode.too_many_pending_uploads,
        ProblemCode.multipart_required,
        ProblemCode.unsupported_media_type,
        ProblemCode.content_type_mismatch,
        ProblemCode.file_unreadable,
        ProblemCode.validation_failed,
        ProblemCode.identity_provider_unavailable,
    ),
    openapi_extra=_MULTIPART_BODY,
)
async def create_upload(
    session: Session,
    request: Request,
    caller: Principal = Depends(get_caller),
) -> UploadRead:
    """Uploads one file (multipart form) before it is referenced by id in a dossier. PDF, JPEG and
    PNG are accepted, checked by their content; size limits apply while the file streams in. An
    upload never attached is deleted after 24 hours."""
    settings: Settings = request.app.state.settings
    reader = MultipartReader.for_request(
        request.headers, request.stream(), settings.upload_max_bytes
    )
    upload = await uploads_service.receive(
        session,
        _storage(request),
        uploads_service.UploadPolicy(
            ttl=timedelta(hours=settings.upload_ttl_hours),
            content=ContentLimits(
                max_bytes=settings.upload_max_bytes,
                timeout_seconds=settings.upload_check_timeout_seconds,
                max_image_pixels=settings.upload_max_image_pixels,
                max_memory_bytes=settings.upload_check_max_memory_bytes,
            ),
            pending=uploads_service.PendingCaps(
                max_files=settings.upload_max_pending_files,
                max_bytes=settings.upload_max_pending_bytes,
            ),
        ),
        caller,
        reader,
    )
    return UploadRead.model_validate(upload)


@router.get(
    "/{upload_id}",
    operation_id="upload_get",
    summary="Thông tin tệp đã tải lên (chỉ người tải lên)",
    response_model=UploadRead,
    responses=problem_responses(CALLER_PROBLEMS, UPLOAD_LOOKUP),
)
async def get_upload(
    session: ReadSession,
    upload_id: uuid.UUID,
    caller: Principal = Depends(get_caller),
) -> UploadRead:
    """The metadata of an upload (name, type, size, checksum): for the caller who uploaded it, and
    for officers handling a dossier it is attached to."""
    upload = await uploads_service.get_upload(
        session, caller, upload_id, also=dossier_documents.handled_by(caller)
    )
    return UploadRead.model_validate(upload)


@router.get(
    "/{upload_id}/content",
    operation_id="upload_download",
    summary="Tải về nội dung tệp (dạng tệp đính kèm)",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "Nội dung tệp",
            "content": {
                t.content_type: {"schema": {"type": "string", "format": "binary"}}
                for t in FILE_TYPES
            },
        },
        **problem_responses(CALLER_PROBLEMS, UPLOAD_LOOKUP),
    },
)
async def download_upload(
    session: ReadSession,
    upload_id: uuid.UUID,
    request: Request,
    caller: Principal = Depends(get_caller),
) -> StreamingResponse:
    """Downloads an upload's content as an attachment (with `X-Content-Type-Options: nosniff`): for
    the caller who uploaded it, and for officers handling a dossier it is attached to."""
    upload, content = await uploads_service.open_content(
        session, _storage(request), caller, upload_id, also=dossier_documents.handled_by(caller)
    )
    return StreamingResponse(
        content,
        media_type=upload.content_type,
        headers={
            "Content-Disposition": content_disposition(upload.file_name),
            "Content-Length": str(upload.size),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "private, no-store",
            "ETag": f'"{upload.sha256}"',
        },
    )
