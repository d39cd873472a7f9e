"""Development issuer of citizen tokens. Registered only outside production (404 there)."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from app.problems import JSON_BODY, REQUEST_TARGET, problem_responses
from app.routing import NO_STORE, Router
from app.schemas.identity import DevCitizenToken, DevCitizenTokenRequest, Jwks
from app.services.identity.dev_issuer import DevCitizenIssuer

router = Router(prefix="/api/v1/dev", tags=["dev"], response_headers=NO_STORE)


def _issuer(request: Request) -> DevCitizenIssuer:
    issuer: DevCitizenIssuer = request.app.state.dev_issuer
    return issuer


@router.get(
    "/citizen-issuer/jwks.json",
    operation_id="dev_citizen_issuer_jwks",
    summary="Khóa công khai (JWKS) của bên cấp mã truy cập công dân dùng cho thử nghiệm",
    response_model=Jwks,
    responses=problem_responses(REQUEST_TARGET),
)
async def jwks(request: Request) -> dict[str, Any]:
    """The public keys (JWKS) of the development citizen issuer, as an identity provider publishes
    them."""
    return await _issuer(request).fetch()


@router.post(
    "/citizen-token",
    operation_id="dev_citizen_token",
    summary="Cấp mã truy cập công dân thử nghiệm (chỉ ở chế độ demo, không có trong production)",
    response_model=DevCitizenToken,
    responses=problem_responses(JSON_BODY),
)
async def mint_citizen_token(body: DevCitizenTokenRequest, request: Request) -> DevCitizenToken:
    """Mints a citizen bearer token for any subject (development and demo only; the route does not
    exist in production). Use it with the CitizenBearer scheme of Authorize."""
    token, expires_in = await _issuer(request).mint(
        body.subject, body.full_name, body.personal_id, vneid_verified=body.vneid_verified
    )
    return DevCitizenToken(access_token=token, expires_in=expires_in)
