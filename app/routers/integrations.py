"""The national portal's side of our API (docs/portal.md): the files behind the signed links it
receives, the dossiers it forwards to us, and the sync state of a province administrator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import httpx
from fastapi import Depends, Header, Path, Query, Request, Response
from fastapi.responses import StreamingResponse

from app.config import Settings
from app.errors import ProblemCode, ValidationFailed
from app.problems import JSON_BODY, problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session
from app.schemas.integrations import (
    AgencySync,
    ForwardResult,
    SyncQuery,
    SyncReplayRequest,
    SyncStatus,
)
from app.schemas.system import DeadLetter, ReplayResult
from app.security import PROVINCE_ADMIN_PROBLEMS, Administrator, require_province_admin
from app.services.portal import files as portal_files
from app.services.portal import inbound as portal_inbound
from app.services.portal import sync_state as portal_sync
from app.services.uploads.file_types import FILE_TYPES, content_disposition
from app.services.uploads.storage import Storage

PREFIX = "/api/v1/integrations/national-portal"
files_router = Router(prefix=PREFIX, tags=["integrations: national portal"])
# a forwarded dossier carries an applicant's personal data, the sync state officers' dead letters
router = Router(prefix=PREFIX, tags=["integrations: national portal"], response_headers=NO_STORE)
province_admin = Depends(require_province_admin)
DEFAULT_PERIOD = timedelta(days=30)


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
            ProblemCode.file_link_invalid,
            ProblemCode.upload_not_found,
            ProblemCode.validation_failed,
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


def _inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """A model's JSON schema with its ``$defs`` written in place: an operation's inline schema cannot
    keep its own ``$defs`` (a ``#/$defs/...`` reference resolves against the whole OpenAPI document,
    where no such definition is, and the client generators stop there)."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return walk(defs[ref.removeprefix("#/$defs/")])
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    inlined: dict[str, Any] = walk(schema)
    return inlined


_FORWARD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": _inlined(portal_inbound.ForwardedDossier.model_json_schema())
            }
        },
    }
}


@router.post(
    "/dossiers",
    operation_id="portal_forward_dossier",
    summary="Nhận hồ sơ nộp trên Cổng DVCQG (ký HMAC-SHA256 trên dấu thời gian và nội dung)",
    status_code=201,
    response_model=ForwardResult,
    responses={
        200: {
            "description": "Cổng đã chuyển hồ sơ này trước đó: hồ sơ hiện có",
            "model": ForwardResult,
        },
        **problem_responses(
            ProblemCode.portal_signature_invalid,
            JSON_BODY,
            ProblemCode.portal_file_host_not_allowed,
            ProblemCode.portal_file_unavailable,
            ProblemCode.unsupported_media_type,
            ProblemCode.content_type_mismatch,
            ProblemCode.file_unreadable,
            ProblemCode.procedure_not_found,
            ProblemCode.receiving_office_code_invalid,
            ProblemCode.mandatory_documents_missing,
            ProblemCode.unknown_requirement,
        ),
    },
    openapi_extra=_FORWARD_BODY,
)
async def forward_dossier(
    session: Session,
    request: Request,
    response: Response,
    timestamp: Annotated[str | None, Header(alias=portal_inbound.TIMESTAMP_HEADER)] = None,
    signature: Annotated[str | None, Header(alias=portal_inbound.SIGNATURE_HEADER)] = None,
) -> ForwardResult:
    settings: Settings = request.app.state.settings
    storage: Storage = request.app.state.storage
    body = await request.body()
    now = datetime.now(UTC)
    portal_inbound.verify_signature(settings, timestamp, signature, body, now)
    forwarded = portal_inbound.parse(body)
    async with httpx.AsyncClient() as http:
        result = await portal_inbound.receive(session, settings, storage, http, forwarded, now)
    if not result.created:
        response.status_code = 200
    dossier = result.dossier
    assert dossier.portal_ref is not None
    return ForwardResult(
        code=dossier.code,
        portal_ref=dossier.portal_ref,
        status=dossier.status,
        channel=dossier.channel,
        created=result.created,
    )


@router.get(
    "/sync",
    operation_id="portal_get_sync_status",
    summary="Tình trạng đồng bộ Cổng DVCQG: hàng đợi, độ trễ, thư chết, tỷ lệ đồng bộ theo cơ quan",
    response_model=SyncStatus,
    responses=problem_responses(PROVINCE_ADMIN_PROBLEMS, ProblemCode.validation_failed),
)
async def get_sync_status(
    session: ReadSession,
    query: Annotated[SyncQuery, Query()],
    admin: Administrator = province_admin,
) -> SyncStatus:
    until = query.until or datetime.now(UTC)
    since = query.since or until - DEFAULT_PERIOD
    if since >= until:
        raise ValidationFailed("Đầu kỳ phải trước cuối kỳ.", code=ProblemCode.period_invalid)
    found = await portal_sync.state(session, since, until)
    return SyncStatus(
        since=since,
        until=until,
        pending=found.pending,
        retrying=found.retrying,
        delivered=found.delivered,
        dead=found.dead,
        oldest_undelivered_age_seconds=found.oldest_undelivered_age_seconds,
        dead_letters=[DeadLetter.model_validate(m) for m in found.dead_letters],
        agencies=[
            AgencySync(
                agency_code=a.agency_code,
                agency_name=a.agency_name,
                received=a.received,
                acknowledged=a.acknowledged,
                share=a.share,
            )
            for a in found.agencies
        ],
    )


@router.post(
    "/sync/replay",
    operation_id="portal_replay_sync",
    summary="Gửi lại các thư chết của đồng bộ Cổng DVCQG (ghi nhật ký quản trị)",
    response_model=ReplayResult,
    responses=problem_responses(PROVINCE_ADMIN_PROBLEMS, JSON_BODY),
)
async def replay_sync(
    session: Session,
    body: SyncReplayRequest,
    admin: Administrator = province_admin,
) -> ReplayResult:
    return ReplayResult(replayed=await portal_sync.replay(session, body.ids, admin.actor))
