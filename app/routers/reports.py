"""The leaders' report page ``/reports`` (issue 17): server-rendered HTML with inline SVG charts,
signed in with the officer password flow (the token kept in an HttpOnly, SameSite=Strict cookie
scoped to ``/reports``), showing the caller's scope of the statistics."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from app.errors import DomainError, ProblemCode, Unauthorized
from app.problems import problem_responses
from app.routing import NO_STORE, ReadSession, Router, Session
from app.security import client_of, get_token_service, officer_from_token
from app.services.identity import login as login_service
from app.services.stats import report_page
from app.services.stats.facts import local_day
from app.services.stats.periods import parse_period, scope_of

router = Router(tags=["stats"], response_headers=NO_STORE)

COOKIE = "motcua_reports"
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    **NO_STORE,
}


def _page(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status, headers=PAGE_HEADERS)


@router.get(
    "/reports",
    operation_id="stats_report_page",
    summary="Trang báo cáo cho lãnh đạo: chỉ số 766 theo nhóm, xu hướng đúng hạn, trực tuyến, trễ hạn",
    description=(
        "HTML do máy chủ dựng, biểu đồ SVG, không tải tài nguyên ngoài. Chưa đăng nhập: trang đăng "
        "nhập bằng tài khoản cán bộ. Số liệu theo phạm vi của người xem."
    ),
    response_class=HTMLResponse,
    responses={
        200: {"content": {"text/html": {"schema": {"type": "string"}}}},
        **problem_responses(ProblemCode.period_invalid, ProblemCode.validation_failed),
    },
)
async def reports(
    request: Request,
    session: ReadSession,
    period: Annotated[
        str | None, Query(max_length=7, description="YYYY, YYYY-MM hoặc YYYY-Qn")
    ] = None,
) -> Response:
    token = request.cookies.get(COOKIE)
    if not token:
        return _page(report_page.sign_in_page())
    try:
        officer = await officer_from_token(request, session, token)
    except DomainError:
        return _page(report_page.sign_in_page("Phiên đăng nhập đã hết hạn."))
    today = local_day(datetime.now(UTC))
    chosen = parse_period(period or f"{today.year}")
    settings = request.app.state.settings
    scope = await scope_of(session, officer, settings.province_root_agency)
    label = "toàn tỉnh" if scope is None else ", ".join(sorted({a for a, _ in officer.roles}))
    data = await report_page.gather(
        session, chosen, today, scope, label, portal_configured=settings.portal_base_url is not None
    )
    return _page(report_page.render(data, officer.username))


@router.post("/reports/sign-in", operation_id="stats_report_sign_in", include_in_schema=False)
async def sign_in(request: Request, session: Session) -> Response:
    form = await request.form()
    username, password = str(form.get("username") or ""), str(form.get("password") or "")
    try:
        token, expires_in = await login_service.login(
            session,
            request.app.state.settings,
            get_token_service(request),
            username=username[:150],
            password=password[:1024],
            client=client_of(request),
        )
    except Unauthorized:
        # the form again, with the reason (a browser form, not an API: the throttle still counts)
        return _page(report_page.sign_in_page("Tên đăng nhập hoặc mật khẩu không đúng."))
    response = RedirectResponse("/reports", status_code=303, headers=NO_STORE)
    response.set_cookie(
        COOKIE,
        token,
        max_age=expires_in,
        path="/reports",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/reports/sign-out", operation_id="stats_report_sign_out", include_in_schema=False)
async def sign_out() -> Response:
    response = RedirectResponse("/reports", status_code=303, headers=NO_STORE)
    response.delete_cookie(COOKIE, path="/reports")
    return response
