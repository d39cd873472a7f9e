"""Public lookup of a dossier's status with the code and PIN printed on the receipt.

The hottest public request. Its usual form (``GET /api/v1/lookup/{code}?pin=...`` with one PIN of a
valid length) is a lean route (app/lean.py), matched with the documented route's own query model;
anything else (no PIN, an empty, overlong or repeated one, another parameter, another method, a
trailing slash) goes to the documented route below.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request, Response
from starlette.types import Receive, Scope, Send

from app.errors import DomainError, ProblemCode
from app.lean import LEAN_KEY, LeanRoute, model_params
from app.problems import domain_problem, problem_responses
from app.routing import NO_STORE, Router, read_connection
from app.schemas.dossiers import LookupQuery, LookupRead
from app.security import client_of
from app.services.dossiers import lookup as lookup_service

PREFIX = "/api/v1/lookup"
router = Router(prefix=PREFIX, tags=["lookup"])


@router.get(
    "/{code}",
    operation_id="lookup_dossier",
    summary="Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu (thông tin đã che)",
    response_model=LookupRead,
    responses=problem_responses(
        ProblemCode.dossier_not_found, ProblemCode.validation_failed, ProblemCode.lookup_throttled
    ),
)
async def lookup_dossier(
    request: Request, code: str, query: Annotated[LookupQuery, Query()]
) -> Response:
    """Public status lookup with the dossier code and the PIN printed on the receipt: the status,
    the steps and due dates, the applicant's name masked, no identifiers. A wrong PIN and an unknown
    code are the same 404; failed look-ups are throttled."""
    return await _lookup(request, code, query.pin)


async def _lookup(request: Request, code: str, pin: str) -> Response:
    state = request.app.state
    async with read_connection(state) as conn:
        result = await lookup_service.lookup(conn, state.settings, code, pin, client_of(request))
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
    # the answer names the applicant: never stored by a cache (lean and documented routes alike)
    return Response(body.model_dump_json(), media_type="application/json", headers=dict(NO_STORE))


def lean_request(scope: Scope) -> tuple[str, str] | None:
    """``(code, pin)`` when ``scope`` is the usual lookup the lean path serves, else ``None``.

    The same matching as the documented route: ``{code}`` is one non-empty path segment (the decoded
    path, as the router sees it) and the query is valid by its model, ``LookupQuery``.
    """
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    path: str = scope["path"]
    if not path.startswith(PREFIX + "/"):
        return None
    code = path[len(PREFIX) + 1 :]
    if not code or "/" in code:
        return None
    query = model_params(scope, LookupQuery)
    return (code, query.pin) if query is not None else None


async def lean_lookup(scope: Scope, receive: Receive, send: Send) -> None:
    """Serves a request :func:`lean_request` accepted; domain errors become their usual problem."""
    code, pin = scope[LEAN_KEY]
    try:
        response = await _lookup(Request(scope, receive), code, pin)
    except DomainError as exc:
        response = domain_problem(exc)
    await response(scope, receive, send)


LEAN_ROUTE = LeanRoute(match=lean_request, serve=lean_lookup)
