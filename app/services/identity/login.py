"""Officer login with throttling of attempts per (username, client).

The rule (issue 11): the attempt is counted in the request's own transaction BEFORE the password is
checked, atomically (``throttle.count_attempt``), so a burst cannot run past the limit: the attempt
counted as the ``max_failures``-th is the last whose password is checked in the window, and every later
one is refused with 429 without a check, the right password included. A failure's count is kept by
raising errors that commit (``commits=True``); a success forgets the count.

One attempt in flight per key: the password check (argon2, about 0.2 s) runs while the request holds
the throttle row's lock, which serialises only attempts on the same (username, client), never
unrelated users. A second attempt on that key meanwhile is refused at once (429, Retry-After 1)
instead of waiting for the lock while holding a pooled connection: queued attempts are what starved
the pool.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

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


def login_key(username: str, client: str) -> str:
    """The throttle key of a login: the username paired with the client (never stored in clear)."""
    return throttle.throttle_key(LOGIN_SCOPE, users_service.normalise_username(username), client)


async def login(
    session: AsyncSession,
    settings: Settings,
    tokens: TokenService,
    *,
    username: str,
    password: str,
    client: str,
) -> tuple[str, int]:
    """Check the password and issue an officer token; throttle attempts per (username, client).

    The key pairs the username with the client, so an attacker cannot lock an officer out from
    elsewhere by failing on purpose. Runs on the request's one session: no second connection.
    """
    key = login_key(username, client)
    if not await throttle.try_attempt_lock(session, key):
        raise _too_many(1, "Một lần đăng nhập khác của tài khoản này đang được kiểm tra.")
    count = await throttle.count_attempt(session, login_policy(settings), key)
    if not count.counted:
        raise _too_many(count.retry_after)
    user = await users_service.authenticate(session, username, password)
    if user is None:
        if count.retry_after:  # this failure reached the limit
            raise _too_many(count.retry_after)
        raise Unauthorized(
            "Tên đăng nhập hoặc mật khẩu không đúng.",
            code=ProblemCode.invalid_credentials,
            commits=True,
        )
    await throttle.reset(session, key)
    return tokens.issue_officer_token(
        user.id, user.username, [(r.agency_code, r.role) for r in user.roles]
    )


def _too_many(wait: int, reason: str = "Đăng nhập sai quá nhiều lần.") -> TooManyRequests:
    return TooManyRequests(
        f"{reason} Vui lòng thử lại sau {wait} giây.",
        code=ProblemCode.login_throttled,
        retry_after=wait,
        commits=True,
    )
