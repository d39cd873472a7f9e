"""Public lookup of a dossier's status with the code and PIN printed on the receipt."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, FastAPI, Query, Request, Response
from fastapi.routing import APIRoute
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from app.errors import problem_responses
from app.schemas.dossiers import LookupRead
from app.services import lookup as lookup_service
from app.services.auth import client_of

router = APIRouter(prefix="/api/v1/lookup", tags=["lookup"])
PIN_MAX = 16


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
    pin: Annotated[
        str, Query(min_length=1, max_length=PIN_MAX, description="Mã tra cứu in trên phiếu")
    ],
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


class FastLookupRoute(Route):
    """The same endpoint without FastAPI's per-request dependency and validation machinery.

    Registered first in the app (``install``), it serves the common request (one ``pin`` of a valid
    length) by calling :func:`lookup_dossier` directly; anything else (no pin, an empty or overlong
    one, a repeated one, another method) falls through to the documented route above, which answers
    exactly as before (422 problem, 405...). Errors raised by the service are the same DomainErrors,
    turned into problem+json by the app's handlers; the middleware (request id, access log, 500s)
    wraps both. Measured in bench/README.md ("Dossier lookup and worklist").
    """

    def __init__(self, documented: APIRoute) -> None:
        super().__init__(documented.path, self._serve, include_in_schema=False)
        self.app = self._serve
        self.documented = documented

    async def _serve(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        pins = request.query_params.getlist("pin")
        if scope["method"] != "GET" or len(pins) != 1 or not 1 <= len(pins[0]) <= PIN_MAX:
            await self.documented.handle(scope, receive, send)
            return
        response = await lookup_dossier(request, scope["path_params"]["code"], pins[0])
        await response(scope, receive, send)


def install(app: FastAPI) -> None:
    """Put the fast route in front of every other route of ``app`` (after ``include_router``)."""
    documented = next(
        r for r in router.routes if isinstance(r, APIRoute) and r.name == lookup_dossier.__name__
    )
    app.router.routes.insert(0, FastLookupRoute(documented))
