"""Officer login with throttling of failures per username and per client."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.config import Settings
from app.errors import ProblemCode, TooManyRequests, Unauthorized
from app.services.identity import throttle
from app.services.identity import users as users_service
from app.services.identity.tokens import TokenService

LOGIN_SCOPE = "login"


def login_policy(settings: Settings) -> throttle.ThrottlePolicy:
    return throttle.ThrottlePolicy(
        scope=LOGIN_SCOPE,
        max_failures=settings.login_max_failures,
        window=timedelta(seconds=settings.login_window_seconds),
        block=timedelta(seconds=settings.login_block_seconds),
    )


async def login(
    session: AsyncSession,
    engine: AsyncEngine,
    settings: Settings,
    tokens: TokenService,
    *,
    username: str,
    password: str,
    client: str,
) -> tuple[str, int]:
    """Check the password and issue an officer token; throttle failures per (username, client).

    The throttle key pairs the username with the client, so an attacker cannot lock an officer out
    from elsewhere by failing on purpose, and a blocked pair is refused before the password is checked.
    """
    policy = login_policy(settings)
    key = throttle.throttle_key(LOGIN_SCOPE, users_service.normalise_username(username), client)
    wait = await throttle.seconds_blocked(engine, policy, key)
    if wait:
        raise _too_many(wait)
    user = await users_service.authenticate(session, username, password)
    if user is None:
        wait = await throttle.record_failure(engine, policy, key)
        if wait:
            raise _too_many(wait)
        raise Unauthorized(
            "Tên đăng nhập hoặc mật khẩu không đúng.", code=ProblemCode.invalid_credentials
        )
    await throttle.reset(engine, key)
    return tokens.issue_officer_token(
        user.id, user.username, [(r.agency_code, r.role) for r in user.roles]
    )


def _too_many(wait: int) -> TooManyRequests:
    return TooManyRequests(
        f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {wait} giây.",
        code=ProblemCode.login_throttled,
        retry_after=wait,
    )
