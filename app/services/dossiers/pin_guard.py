"""The one guard of every endpoint that takes a dossier's PIN: the public lookup, the desk rating
device, a desk handing over a result received elsewhere.

Guesses are bounded twice, with the counters of ``identity.throttle`` shared by all such endpoints:

* per dossier code, from any client (``MOTCUA_LOOKUP_CODE_*``, e.g. 10 failures per 24 h, then 429
  for an hour): the bound on guessing one dossier's PIN, whoever guesses. The trade-off: codes are
  sequential, so anyone can lock a dossier's look-up for the block by failing on its code on purpose;
  the citizen then waits the block out (or asks the office), but the PIN cannot be guessed;
* per client (``MOTCUA_LOOKUP_*``, e.g. 100 failures per 10 minutes): generous, because a commune
  office or a mobile carrier's NAT puts many citizens behind one address. It is the only counter a
  correct PIN for an unblocked code meets: others failing from the same address do not lock it out.

An unknown code and a wrong PIN are the same failure (the same 404, both counted). A success writes
nothing: the caller reads the two counters' blocks with its own statement (:data:`STATE_COLUMNS`), and a
failure is counted as one statement per counter on the caller's connection, never past the limit.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.errors import NotFound, ProblemCode, TooManyRequests
from app.services.identity import throttle

CODE_SCOPE = "pin_code"
CLIENT_SCOPE = "pin_client"


@dataclass(frozen=True)
class PinKeys:
    code: str
    client: str


def keys_of(code: str, client: str) -> PinKeys:
    return PinKeys(
        code=throttle.throttle_key(CODE_SCOPE, code),
        client=throttle.throttle_key(CLIENT_SCOPE, client),
    )


def code_policy(settings: Settings) -> throttle.ThrottlePolicy:
    return throttle.ThrottlePolicy(
        scope=CODE_SCOPE,
        max_failures=settings.lookup_code_max_failures,
        window=timedelta(seconds=settings.lookup_code_window_seconds),
        block=timedelta(seconds=settings.lookup_code_block_seconds),
    )


def client_policy(settings: Settings) -> throttle.ThrottlePolicy:
    return throttle.ThrottlePolicy(
        scope=CLIENT_SCOPE,
        max_failures=settings.lookup_max_failures,
        window=timedelta(seconds=settings.lookup_window_seconds),
        block=timedelta(seconds=settings.lookup_block_seconds),
    )


# Select-list columns ``code_blocked_until, client_blocked_until`` for the caller's own read (one
# round trip with its data): its parameters $1 and $2 are the code's and the client's keys.
STATE_COLUMNS = (
    "(SELECT blocked_until FROM throttle_counters WHERE key = $1) AS code_blocked_until, "
    "(SELECT blocked_until FROM throttle_counters WHERE key = $2) AS client_blocked_until"
)


def _too_many(wait: int) -> TooManyRequests:
    return TooManyRequests(
        f"Tra cứu sai quá nhiều lần. Vui lòng thử lại sau {wait} giây.",
        code=ProblemCode.lookup_throttled,
        retry_after=wait,
        commits=True,
    )


async def check_pin(
    db: Any,
    settings: Settings,
    keys: PinKeys,
    blocked_until: tuple[datetime | None, datetime | None],
    stored_pin: str | None,
    given_pin: str,
) -> None:
    """Pass when ``given_pin`` is the dossier's PIN and neither the code nor the client is blocked.

    ``blocked_until`` is the code's and the client's, read with :data:`STATE_COLUMNS`; ``stored_pin`` is ``None`` for an unknown code.
    Otherwise raise 429 (blocked, or this failure reached a limit) or the 404 of "no such dossier",
    after counting the failure on ``db`` (an asyncpg connection, or the request's session: the
    errors commit).
    """
    now = datetime.now(UTC)
    wait = max(throttle.seconds_until(until, now) for until in blocked_until)
    if wait:
        raise _too_many(wait)
    # constant-time comparison; an unknown code compares against a dummy so both paths cost the same
    given = given_pin.strip().upper().encode()
    stored = stored_pin.encode() if stored_pin is not None else b"\x00" * len(given or b"x")
    if hmac.compare_digest(stored, given) and stored_pin is not None:
        return
    by_code = await throttle.count_attempt(db, code_policy(settings), keys.code)
    by_client = await throttle.count_attempt(db, client_policy(settings), keys.client)
    wait = max(by_code.retry_after, by_client.retry_after)
    if wait:
        raise _too_many(wait)
    raise NotFound(
        "Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.",
        code=ProblemCode.dossier_not_found,
        commits=True,
    )


_DOSSIER_PIN = (
    "SELECT " + STATE_COLUMNS + ", (SELECT pin FROM dossiers WHERE code = $3) AS pin"  # noqa: S608
)


async def check_dossier_pin(
    session: AsyncSession, settings: Settings, code: str, given_pin: str, client: str
) -> None:
    """:func:`check_pin` for an endpoint holding the request's session (the rating device, a desk
    handing over another desk's result): the same counters as the public lookup."""
    keys = keys_of(code, client)
    connection = await session.connection()
    result = await connection.exec_driver_sql(_DOSSIER_PIN, (keys.code, keys.client, code))
    row: Any = result.one()
    await check_pin(session, settings, keys, (row[0], row[1]), row[2], given_pin)
