"""Officer accounts: creation, authentication, revocation, listing by agency."""

from __future__ import annotations

import asyncio
import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.errors import Conflict, NotFound, ProblemCode, ValidationFailed
from app.models.user import Role, User, UserRole
from app.services.identity.passwords import hash_password, verify_password

MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class NewUser:
    username: str
    full_name: str
    password: str
    roles: frozenset[tuple[str, Role]]


def normalise_username(username: str) -> str:
    return username.strip().lower()


# Read on every officer request (revocation check): built once, columns only, no ORM object.
_TOKEN_OWNER = select(User.username, User.tokens_valid_after).where(
    User.id == bindparam("user_id"), User.active.is_(True)
)


async def token_owner(session: AsyncSession, user_id: uuid.UUID) -> tuple[str, datetime] | None:
    """``(username, tokens_valid_after)`` of the active user ``user_id``, or ``None``."""
    row = (await session.execute(_TOKEN_OWNER, {"user_id": user_id})).first()
    return (row[0], row[1]) if row is not None else None


async def get_by_username(session: AsyncSession, username: str) -> User | None:
    return await session.scalar(
        select(User)
        .where(User.username == normalise_username(username))
        .options(selectinload(User.roles))
    )


async def authenticate(session: AsyncSession, username: str, password: str) -> User | None:
    """The active user with this password, or None (same time whether or not the user exists).

    The argon2 check (about 0.2 s of CPU) runs in a worker thread: argon2 releases the GIL, so the
    event loop keeps serving other requests meanwhile (inline, a burst of logins froze it).
    """
    user = await get_by_username(session, username)
    stored = user.password_hash if user is not None else None
    ok = await asyncio.to_thread(verify_password, password, stored)
    if user is None or not ok or not user.active:
        return None
    return user


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.",
            errors=[
                {
                    "field": "password",
                    "location": "body",
                    "code": "password_too_short",
                    "message": f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự",
                }
            ],
        )


async def create_user(session: AsyncSession, new: NewUser) -> User:
    _check_password(new.password)
    username = normalise_username(new.username)
    if await get_by_username(session, username) is not None:
        raise Conflict("Tên đăng nhập đã tồn tại.", code=ProblemCode.username_taken)
    user = User(
        username=username,
        full_name=new.full_name.strip(),
        password_hash=hash_password(new.password),
        roles=[UserRole(agency_code=agency, role=role) for agency, role in sorted(new.roles)],
    )
    session.add(user)
    await session.flush()
    return user


async def set_password(session: AsyncSession, user: User, password: str) -> None:
    _check_password(password)
    user.password_hash = hash_password(password)
    revoke_tokens(user)
    await session.flush()


def revoke_tokens(user: User) -> None:
    """Refuse every token issued so far: ``tokens_valid_after`` = the next whole second.

    JWT ``iat`` has one-second resolution, so rounding up guarantees older tokens are refused.
    """
    now = datetime.now(UTC)
    user.tokens_valid_after = datetime.fromtimestamp(math.floor(now.timestamp()) + 1, UTC)


async def revoke_tokens_of(session: AsyncSession, username: str) -> User:
    user = await get_by_username(session, username)
    if user is None:
        raise NotFound("Không tìm thấy tài khoản.", code=ProblemCode.user_not_found)
    revoke_tokens(user)
    await session.flush()
    return user


async def list_users_at(session: AsyncSession, agency_codes: Iterable[str]) -> list[User]:
    """Users holding any role at one of ``agency_codes``, with all their roles loaded."""
    codes = list(agency_codes)
    holders = select(UserRole.user_id).where(UserRole.agency_code.in_(codes))
    result = await session.scalars(
        select(User)
        .where(User.id.in_(holders))
        .options(selectinload(User.roles))
        .order_by(User.username)
    )
    return list(result)
