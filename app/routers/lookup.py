"""Public lookup of a dossier's status with the code and PIN printed on the receipt."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.errors import problem_responses
from app.schemas.dossiers import LookupRead
from app.services import lookup as lookup_service
from app.services.auth import client_of

router = APIRouter(prefix="/api/v1/lookup", tags=["lookup"])


@router.get(
    "/{code}",
    operation_id="lookup_dossier",
    summary="Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (thông tin đã che)",
    response_model=LookupRead,
    responses=problem_responses(404, 422, 429),
)
async def lookup_dossier(
    request: Request,
    code: str,
    pin: Annotated[str, Query(min_length=1, max_length=16, description="Mã tra cứu in trên phiếu")],
) -> Response:
    state = request.app.state
    # the lookup's own autocommit pool (app.main lifespan); apps built without it use the main one
    engine = getattr(state, "lookup_engine", None) or state.engine
    result = await lookup_service.lookup(engine, state.settings, code, pin, client_of(request))
    # serialised once here: skips FastAPI's second validation of the response against the model
    body = LookupRead(
        code=result.code,
        procedure_name=result.procedure_name,
        status=result.status,
        status_label=result.status_label,
        received_at=result.received_at,
        due_at=result.due_at,
        promised_due_at=result.promised_due_at,
        finished_at=result.finished_at,
        current_agency=result.current_agency,
        applicant_name=result.applicant_name,
    )
    return Response(body.model_dump_json(), media_type="application/json")
