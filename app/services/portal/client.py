"""The national portal's HTTP client: authentication, the two sync services, and what their answers
mean (the "adapter" protocol of ``reference/vn-regulations.md`` section 3.1; docs/portal.md).

* Authentication is pluggable (``PortalAuth``); the first is the session-token login
  (``SessionLogin``): ``POST {base}{login path}`` with the ``dstcode`` header and the credentials
  gives a token, cached, renewed at ``MOTCUA_PORTAL_SESSION_SECONDS`` or as soon as the portal says
  it expired (an ``error_code`` of ``MOTCUA_PORTAL_SESSION_EXPIRED_CODES`` or an HTTP 401); the call
  that met the expiry is sent again with the new token, so no message is lost.
* ``sync`` pushes a dossier then its progress rows in chunks of at most ten. A dossier the portal
  already has ("đã tồn tại") is updated instead of created; a dossier it does not have ("chưa tồn
  tại") is created instead of updated.
* Failures are typed: ``PortalUnavailable`` (network, timeout, 5xx: retry later) and
  ``PortalRefused`` (the portal refused the data or our configuration: retrying the same message
  cannot help).

Credentials and session tokens are never logged; log lines name the service, the agency code, the
number of items and the portal's answer code.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

import httpx
from pydantic import SecretStr

from app.config import Settings
from app.services.portal.payloads import chunks

log = logging.getLogger("motcua.portal")

CREATE_OR_UPDATE = "DongBoHoSoMC"
PROGRESS = "CapNhatTienDoHoSoMC"
OK_CODES = frozenset({"0", "00"})
EXISTS_CODES = frozenset({"0", "3", "-3"})  # with "đã tồn tại" in the message (Thanh Hóa's check)
EXISTS_TEXT = "đã tồn tại"
MISSING_TEXT = "chưa tồn tại"


class PortalError(Exception):
    """The portal could not take the message."""


class PortalUnavailable(PortalError):
    """Network failure, timeout, an HTTP 5xx or an unreadable answer: try again later."""


class PortalRefused(PortalError):
    """The portal refused the request (invalid data, wrong credentials or connection code); the
    portal's list of problems, if any, is kept (it names fields, never their values)."""

    def __init__(self, message: str, *, code: str | None = None, errors: Any = None) -> None:
        if errors:
            message = f"{message}: {json.dumps(errors, ensure_ascii=False)[:1500]}"
        super().__init__(message)
        self.code = code
        self.errors = errors


@dataclass(frozen=True)
class PortalConfig:
    base_url: str
    login_path: str
    service_path: str
    username: str
    password: SecretStr
    dstcode: str
    timeout_seconds: float
    session_seconds: float
    expired_codes: frozenset[str] = field(default_factory=lambda: frozenset({"-2"}))

    @classmethod
    def from_settings(cls, settings: Settings) -> PortalConfig | None:
        """The configuration, or None when no portal is configured (nothing is sent)."""
        if not settings.portal_base_url:
            return None
        return cls(
            base_url=settings.portal_base_url.rstrip("/"),
            login_path=settings.portal_login_path,
            service_path=settings.portal_service_path,
            username=settings.portal_username,
            password=settings.portal_password,
            dstcode=settings.portal_dstcode,
            timeout_seconds=settings.portal_timeout_seconds,
            session_seconds=settings.portal_session_seconds,
            expired_codes=frozenset(settings.portal_session_expired_codes),
        )


@dataclass(frozen=True)
class Answer:
    """The portal's answer: ``error_code`` (as text), ``message``, the whole document."""

    code: str
    message: str
    document: dict[str, Any]

    @property
    def ok(self) -> bool:
        return self.code in OK_CODES and EXISTS_TEXT not in self.message.lower()

    @property
    def already_exists(self) -> bool:
        return self.code in EXISTS_CODES and EXISTS_TEXT in self.message.lower()

    @property
    def missing(self) -> bool:
        return not self.ok and MISSING_TEXT in self.message.lower()


class PortalAuth(Protocol):
    """How calls are authenticated: the body fields to add (e.g. ``{"session": token}``)."""

    async def credentials(self, http: httpx.AsyncClient, *, stale: str | None = None) -> str: ...


async def _post(
    http: httpx.AsyncClient, url: str, body: dict[str, Any], headers: dict[str, str], seconds: float
) -> httpx.Response:
    try:
        return await http.post(url, json=body, headers=headers, timeout=seconds)
    except httpx.TimeoutException as exc:
        raise PortalUnavailable(f"the portal did not answer within {seconds:g}s") from exc
    except httpx.TransportError as exc:
        raise PortalUnavailable(f"cannot reach the portal: {type(exc).__name__}") from exc


def _read(response: httpx.Response) -> Answer:
    if response.status_code >= 500 or response.status_code == 429:
        raise PortalUnavailable(f"the portal answered HTTP {response.status_code}")
    try:
        document = response.json()
    except ValueError:
        document = None
    if not isinstance(document, dict) or "error_code" not in document:
        if response.status_code >= 400:
            raise PortalRefused(f"the portal answered HTTP {response.status_code}")
        raise PortalUnavailable("the portal's answer is not its JSON envelope")
    return Answer(str(document["error_code"]).strip(), str(document.get("message") or ""), document)


class SessionLogin:
    """The session-token login: one token per process, shared by concurrent calls, renewed at its
    configured age or when a call finds it expired (only once for all the calls that found it)."""

    def __init__(self, config: PortalConfig, clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self._clock = clock
        self._token: str | None = None
        self._obtained = 0.0
        self._lock = asyncio.Lock()
        self.logins = 0

    async def credentials(self, http: httpx.AsyncClient, *, stale: str | None = None) -> str:
        async with self._lock:
            fresh = self._clock() - self._obtained < self.config.session_seconds
            if self._token is not None and self._token != stale and fresh:
                return self._token
            self._token = await self._login(http)
            self._obtained = self._clock()
            return self._token

    async def _login(self, http: httpx.AsyncClient) -> str:
        config = self.config
        response = await _post(
            http,
            config.base_url + config.login_path,
            {"username": config.username, "password": config.password.get_secret_value()},
            {"dstcode": config.dstcode},
            config.timeout_seconds,
        )
        if response.status_code in (401, 403):
            raise PortalRefused(f"the portal refused our login (HTTP {response.status_code})")
        answer = _read(response)
        token = answer.document.get("session")
        if answer.code not in OK_CODES or not isinstance(token, str) or not token:
            raise PortalRefused(f"the portal refused our login: {answer.message}", code=answer.code)
        self.logins += 1
        log.info("portal_login", extra={"dstcode": config.dstcode})
        return token


@dataclass
class SyncResult:
    """What one ``sync`` did: whether the dossier was created or updated, the calls it took."""

    created: bool = False
    updated: bool = False
    progress_rows: int = 0
    calls: int = 0
    answers: list[str] = field(default_factory=list)


class Outcome(StrEnum):
    created = "created"
    updated = "updated"


class PortalClient:
    """Calls to the portal's service endpoint over a shared ``httpx.AsyncClient``."""

    def __init__(
        self, http: httpx.AsyncClient, config: PortalConfig, auth: PortalAuth | None = None
    ) -> None:
        self.http = http
        self.config = config
        self.auth: PortalAuth = auth or SessionLogin(config)

    async def call(
        self, service: str, agency_code: str, data: list[dict[str, Any]], **fields: Any
    ) -> Answer:
        """One service call; an expired session is renewed and the same call sent again."""
        config = self.config
        stale: str | None = None
        for _ in range(2):
            session = await self.auth.credentials(self.http, stale=stale)
            body = {"session": session, "madonvi": agency_code, "service": service, **fields}
            body["data"] = data
            started = time.monotonic()
            response = await _post(
                self.http,
                config.base_url + config.service_path,
                body,
                {"dstcode": config.dstcode},
                config.timeout_seconds,
            )
            if response.status_code == 401:
                stale = session
                continue
            answer = _read(response)
            log.info(
                "portal_call",
                extra={
                    "service": service,
                    "agency": agency_code,
                    "items": len(data),
                    "error_code": answer.code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            if answer.code in config.expired_codes:
                stale = session
                continue
            return answer
        raise PortalUnavailable("the portal refused a freshly renewed session")

    async def push_dossier(
        self, agency_code: str, item: dict[str, Any], *, known: bool, result: SyncResult
    ) -> Outcome:
        """Create the dossier, or update it when the portal already has it (and the reverse when
        ``known`` says it should have it but it does not)."""
        updating = known
        for _ in range(2):
            answer = await self.call(
                CREATE_OR_UPDATE, agency_code, [item], isUpdating=str(updating)
            )
            result.calls += 1
            result.answers.append(answer.code)
            if answer.ok:
                return Outcome.updated if updating else Outcome.created
            if not updating and answer.already_exists:
                updating = True
                continue
            if updating and answer.missing:
                updating = False
                continue
            raise PortalRefused(
                f"{CREATE_OR_UPDATE}: {answer.message}",
                code=answer.code,
                errors=answer.document.get("errors"),
            )
        raise PortalRefused(f"{CREATE_OR_UPDATE}: the portal answered both create and update no")

    async def push_progress(
        self, agency_code: str, rows: Sequence[dict[str, Any]], result: SyncResult
    ) -> None:
        """Progress rows in order, at most ten per call."""
        for chunk in chunks(rows):
            answer = await self.call(PROGRESS, agency_code, chunk)
            result.calls += 1
            result.answers.append(answer.code)
            if not answer.ok:
                raise PortalRefused(
                    f"{PROGRESS}: {answer.message}",
                    code=answer.code,
                    errors=answer.document.get("errors"),
                )
            result.progress_rows += len(chunk)

    async def sync(
        self,
        agency_code: str,
        item: dict[str, Any],
        rows: Sequence[dict[str, Any]],
        *,
        known: bool = False,
    ) -> SyncResult:
        """The dossier's current state, then its progress rows."""
        result = SyncResult()
        outcome = await self.push_dossier(agency_code, item, known=known, result=result)
        result.created = outcome is Outcome.created
        result.updated = outcome is Outcome.updated
        await self.push_progress(agency_code, rows, result)
        return result
