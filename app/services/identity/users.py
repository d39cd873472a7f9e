"""Officer accounts: creation, authentication, revocation, listing by agency.

Given an ``actor`` (the administrators' endpoints always give one), each change is written to the
admin audit log in its transaction: the roles and flags that changed, never a password or a token.
"""

from __future__ import annotations

import asyncio
import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from app.errors import Conflict, NotFound, ProblemCode, ValidationFailed, field_error
from app.models.audit import AdminAction, AuditTarget
from app.models.user import Role, User, UserRole
from app.services.identity.passwords import hash_password, verify_password
from app.services.identity.tokens import EPOCH
from app.services.system import audit
from app.services.system.audit import AuditActor

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


# The passwords every guessing list starts with (and variations people think are clever); a password
# containing the username is refused too. Compared case-insensitively, spaces removed.
COMMON_PASSWORDS = frozenset(
    [
        "123456789012",
        "1234567890",
        "12345678910",
        "0123456789",
        "1111111111",
        "0000000000",
        "1234512345",
        "1122334455",
        "qwertyuiop",
        "qwerty12345",
        "1q2w3e4r5t",
        "1qaz2wsx3edc",
        "zaq12wsxcde",
        "asdfghjkl123",
        "password123",
        "password1234",
        "passw0rd123",
        "matkhau123",
        "matkhau1234",
        "matkhau12345",
        "matkhaumoi",
        "123456aA@",
        "admin12345",
        "admin123456",
        "administrator",
        "abc1234567",
        "abcd123456",
        "iloveyou123",
        "welcome123",
        "letmein123",
        "changeme123",
        "motcua2026",
        "motcua12345",
        "vietnam123",
        "vietnam2026",
        "hanoi12345",
        "saigon12345",
        "anhyeuem123",
        "anhyeuem1234",
        "emyeuanh123",
    ]
)


def check_password_policy(password: str, username: str = "") -> None:
    """The password policy: long enough, not blank-padded, not one of the first guesses, not the
    username (422 ``weak_password`` naming the field, ``password_too_short`` for the length)."""
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
    folded = "".join(password.split()).lower()
    reason = None
    if not password.strip() or password != password.strip():
        reason = "Mật khẩu không được để trống hay bắt đầu, kết thúc bằng khoảng trắng"
    elif folded in COMMON_PASSWORDS or len(set(folded)) < 4:
        reason = "Mật khẩu quá dễ đoán"
    elif username and normalise_username(username) in folded:
        reason = "Mật khẩu không được chứa tên đăng nhập"
    if reason is not None:
        raise field_error("password", reason, code=ProblemCode.weak_password)


def _roles_summary(roles: Iterable[tuple[str, Role]]) -> list[dict[str, str]]:
    return [{"agency": agency, "role": str(role)} for agency, role in sorted(roles)]


async def create_user(
    session: AsyncSession, new: NewUser, *, actor: AuditActor | None = None
) -> User:
    check_password_policy(new.password, new.username)
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
    await audit.record(
        session,
        actor,
        AdminAction.user_create,
        AuditTarget.user,
        username,
        {"roles": _roles_summary(new.roles)},
    )
    return user


async def set_password(
    session: AsyncSession, user: User, password: str, *, actor: AuditActor | None = None
) -> None:
    """A new password (the policy applies); every token issued before is refused from now on.

    With an ``actor``, an administrator's reset: audited (that it happened, never the password)."""
    check_password_policy(password, user.username)
    user.password_hash = hash_password(password)
    revoke_tokens(user)
    await session.flush()
    await audit.record(
        session, actor, AdminAction.user_reset_password, AuditTarget.user, user.username
    )


async def change_own_password(session: AsyncSession, username: str, current: str, new: str) -> None:
    """An officer changes their own password, proving the current one (422 when wrong)."""
    user = await get_by_username(session, username)
    ok = user is not None and await asyncio.to_thread(verify_password, current, user.password_hash)
    if user is None or not ok:
        raise field_error(
            "current_password",
            "Mật khẩu hiện tại không đúng",
            code=ProblemCode.current_password_wrong,
        )
    await set_password(session, user, new)


async def get_user(session: AsyncSession, username: str) -> User:
    user = await get_by_username(session, username)
    if user is None:
        raise NotFound("Không tìm thấy tài khoản.", code=ProblemCode.user_not_found)
    return user


async def update_user(
    session: AsyncSession,
    user: User,
    *,
    full_name: str | None = None,
    active: bool | None = None,
    roles: frozenset[tuple[str, Role]] | None = None,
    actor: AuditActor | None = None,
) -> User:
    """Change an account. A change of roles or of the active flag refuses every earlier token at
    once, so a removed role or a deactivated account stops working now, not when tokens expire."""
    changes: dict[str, object] = {}
    if full_name is not None and full_name.strip() != user.full_name:
        user.full_name = full_name.strip()
        changes["full_name_changed"] = True  # an officer's name, not needed in the log
    if active is not None and active != user.active:
        user.active = active
        changes["active"] = active
    before = frozenset((r.agency_code, r.role) for r in user.roles)
    if roles is not None and roles != before:
        user.roles = [UserRole(agency_code=agency, role=role) for agency, role in sorted(roles)]
        changes["roles_before"] = _roles_summary(before)
        changes["roles"] = _roles_summary(roles)
    if "active" in changes or "roles" in changes:
        revoke_tokens(user)
        changes["tokens_revoked"] = True
    await session.flush()
    if changes:
        await audit.record(
            session, actor, AdminAction.user_update, AuditTarget.user, user.username, changes
        )
    return user


def revoke_tokens(user: User) -> None:
    """Refuse every token issued so far: ``tokens_valid_after`` = the next whole millisecond.

    Our tokens carry their issue time in milliseconds (``iat_ms``), so rounding up guarantees older
    tokens are refused, and a token issued a millisecond later (a new login) is valid at once.
    """
    now = datetime.now(UTC)
    user.tokens_valid_after = EPOCH + timedelta(milliseconds=math.floor(now.timestamp() * 1000) + 1)


async def revoke_user_tokens(
    session: AsyncSession, user: User, *, actor: AuditActor | None = None
) -> None:
    """An administrator refuses every token of ``user`` issued so far (audited)."""
    revoke_tokens(user)
    await session.flush()
    await audit.record(
        session, actor, AdminAction.user_revoke_tokens, AuditTarget.user, user.username
    )


async def revoke_tokens_of(session: AsyncSession, username: str) -> User:
    user = await get_user(session, username)
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
