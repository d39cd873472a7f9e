"""Results and ratings: the owner downloads the electronic result; a desk device rates a dossier."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import Depends, Request
from fastapi.responses import StreamingResponse

from app.config import Settings
from app.errors import ProblemCode
from app.openapi_docs import file_content
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, Router, Session
from app.schemas.dossiers import ActionRequest, DeviceRating, DeviceRatingRead
from app.security import CALLER_PROBLEMS, client_of, get_caller
from app.services.dossiers import actions as dossier_actions
from app.services.dossiers import documents as dossier_documents
from app.services.dossiers.ratings import RATING_SCALE
from app.services.identity.principals import Principal
from app.services.uploads import files as uploads_service
from app.services.uploads.file_types import content_disposition
from app.services.uploads.storage import Storage

router = Router(prefix="/api/v1/dossiers", tags=["dossiers"], response_headers=NO_STORE)
ratings_router = Router(prefix="/api/v1/ratings", tags=["ratings"], response_headers=NO_STORE)


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@router.get(
    "/{code}/result",
    operation_id="download_dossier_result",
    summary="Tải về kết quả điện tử của hồ sơ (trả kết quả trực tuyến cho chủ hồ sơ)",
    response_class=StreamingResponse,
    responses={
        200: {"description": "Tệp kết quả", "content": file_content("application/pdf")},
        **problem_responses(
            CALLER_PROBLEMS,
            ProblemCode.dossier_not_found,
            ProblemCode.no_result_document,
            ProblemCode.result_not_online,
            ProblemCode.upload_not_found,
            ProblemCode.version_conflict,
        ),
    },
)
async def download_dossier_result(
    session: Session, request: Request, code: str, caller: Principal = Depends(get_caller)
) -> StreamingResponse:
    """Downloads the dossier's electronic result (PDF) when the result is returned online; only the
    dossier's owner and officers handling it."""
    document = await dossier_actions.download_result(
        session, _settings(request), caller, code, now=datetime.now(UTC)
    )
    assert document.upload_id is not None
    storage: Storage = request.app.state.storage
    upload, content = await uploads_service.open_content(
        session, storage, caller, document.upload_id, also=dossier_documents.handled_by(caller)
    )
    return StreamingResponse(
        content,
        media_type=upload.content_type,
        headers={
            "Content-Disposition": content_disposition(upload.file_name),
            "Content-Length": str(upload.size),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )


@ratings_router.post(
    "",
    operation_id="rate_on_device",
    summary="Đánh giá mức độ hài lòng tại quầy (thiết bị đánh giá, bằng mã hồ sơ và mã tra cứu)",
    response_model=DeviceRatingRead,
    responses=problem_responses(
        JSON_BODY,
        ProblemCode.dossier_not_found,
        ProblemCode.lookup_throttled,
        ProblemCode.action_not_allowed,
        ProblemCode.already_rated,
        ProblemCode.version_conflict,
    ),
)
async def rate_on_device(
    session: Session, request: Request, body: DeviceRating
) -> DeviceRatingRead:
    """Records the applicant's satisfaction rating from a desk's rating device, authorised by the
    dossier code and its PIN (throttled like the lookup)."""
    dossier = await dossier_actions.rate_on_device(
        session,
        _settings(request),
        body.code,
        body.pin,
        ActionRequest(rating=body.rating, note=body.comment),
        client=client_of(request),
        now=datetime.now(UTC),
    )
    assert dossier.rating is not None
    level = RATING_SCALE[dossier.rating]
    return DeviceRatingRead(code=dossier.code, rating=dossier.rating, level=level.label_vi)
