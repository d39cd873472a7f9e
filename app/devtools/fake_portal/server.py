"""The fake portal's HTTP server: the adapter protocol, what it received, and its control endpoints.

Protocol (the "adapter" generation of the portal's integration, as OpenCPS speaks it):

* ``POST /adapter/login`` with header ``dstcode`` and ``{"username", "password"}`` answers
  ``{"error_code": "0", "session": <token>, "expires_in": <seconds>}``;
* ``POST /adapter/service`` with header ``dstcode`` and ``{"session", "madonvi", "service", ...}``:
  ``DongBoHoSoMC`` (``"isUpdating": "False"`` creates, ``"True"`` updates; ``data`` is a list of
  dossiers) and ``CapNhatTienDoHoSoMC`` (``data``: at most 10 progress rows).

Answers are ``{"error_code", "message"}`` with HTTP 200, as the portal answers: ``"0"`` success,
``"-1"`` invalid data (with ``errors``), ``"-2"`` session unknown or expired, ``"3"`` the dossier
already exists (message "... đã tồn tại"), ``"4"`` the dossier to update or to add progress to does
not exist. A request without the right ``dstcode`` is a 403; unreadable JSON a 400.

Control endpoints (``/_fake/...``, for tests and the demo): ``GET received`` (every call, in order),
``GET dossiers`` (the state kept per dossier), ``POST faults`` (the next calls fail: an HTTP status,
a slow answer, "already exists", an expired session; ``DELETE faults`` ends them),
``POST sessions/expire``, ``POST reset``, and
``POST forward`` (send a dossier to a URL, signed with HMAC-SHA256 over ``timestamp + "." + body``).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from app.devtools.fake_portal import rules

CREATE_OR_UPDATE = "DongBoHoSoMC"
PROGRESS = "CapNhatTienDoHoSoMC"
LOGIN_PATH = "/adapter/login"
SERVICE_PATH = "/adapter/service"
TIMESTAMP_HEADER = "X-Portal-Timestamp"
SIGNATURE_HEADER = "X-Portal-Signature"

OK = "0"
INVALID = "-1"
SESSION_EXPIRED = "-2"
ALREADY_EXISTS = "3"
NOT_FOUND = "4"
FAULT_MODES = frozenset({"status", "timeout", "exists", "expire_session"})


@dataclass(frozen=True)
class FakePortalConfig:
    username: str = "motcua"
    password: str = "mat-khau-cong-dvc"  # noqa: S105 - the fake's own demo credential
    dstcode: str = "H99"
    session_seconds: float = 1800.0
    latency_seconds: float = 0.0  # every service call waits this long (a realistic portal)


@dataclass
class Fault:
    mode: str
    count: int = 1
    status: int = 503
    delay: float = 5.0
    service: str | None = None


@dataclass
class StoredDossier:
    current: dict[str, Any]
    statuses: list[int] = field(default_factory=list)  # TrangThaiHoSo of each applied version
    creates: int = 0
    updates: int = 0
    progress: dict[tuple[str, str, str, str], dict[str, Any]] = field(default_factory=dict)

    def view(self) -> dict[str, Any]:
        return {
            "current": self.current,
            "statuses": self.statuses,
            "creates": self.creates,
            "updates": self.updates,
            "progress": sorted(self.progress.values(), key=lambda r: str(r["ThoiDiemXuLy"])),
        }


@dataclass
class FakePortalState:
    sessions: dict[str, float] = field(default_factory=dict)  # token -> expiry (monotonic)
    received: list[dict[str, Any]] = field(default_factory=list)
    dossiers: dict[str, StoredDossier] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    logins: int = 0

    def take_fault(self, service: str | None) -> Fault | None:
        for fault in self.faults:
            if fault.service is None or fault.service == service:
                fault.count -= 1
                if fault.count <= 0:
                    self.faults.remove(fault)
                return fault
        return None


def _answer(code: str, message: str, status: int = 200, **extra: Any) -> JSONResponse:
    return JSONResponse({"error_code": code, "message": message, **extra}, status_code=status)


def _truthy(value: Any) -> bool:
    return str(value).strip().lower() in {"true", "1"}


class FakePortal:
    """The fake portal: its configuration, its state and its Starlette app."""

    def __init__(self, config: FakePortalConfig | None = None) -> None:
        self.config = config or FakePortalConfig()
        self.state = FakePortalState()
        self.app = Starlette(
            routes=[
                Route(LOGIN_PATH, self.login, methods=["POST"]),
                Route(SERVICE_PATH, self.service, methods=["POST"]),
                Route("/_fake/received", self.received, methods=["GET"]),
                Route("/_fake/dossiers", self.dossiers, methods=["GET"]),
                Route("/_fake/faults", self.add_fault, methods=["POST"]),
                Route("/_fake/faults", self.clear_faults, methods=["DELETE"]),
                Route("/_fake/sessions/expire", self.expire_sessions, methods=["POST"]),
                Route("/_fake/reset", self.reset, methods=["POST"]),
                Route("/_fake/forward", self.forward, methods=["POST"]),
            ]
        )

    # --- the protocol ------------------------------------------------------------------------------

    def _record(self, request: Request, body: Any, answer: JSONResponse | Response) -> None:
        document: dict[str, Any] = {}
        if isinstance(answer, JSONResponse):
            document = json.loads(bytes(answer.body))
        call = {
            "seq": len(self.state.received) + 1,
            "at": datetime.now(UTC).isoformat(),
            "path": request.url.path,
            "http_status": answer.status_code,
            "error_code": document.get("error_code"),
        }
        if isinstance(body, dict):
            if request.url.path == LOGIN_PATH:
                call["username"] = body.get("username")  # never the password
            else:
                for name in ("service", "madonvi", "isUpdating", "data"):
                    call[name] = body.get(name)
        self.state.received.append(call)

    async def _body(self, request: Request) -> Any:
        try:
            return json.loads(await request.body())
        except ValueError:
            return None

    async def login(self, request: Request) -> Response:
        body = await self._body(request)
        answer = self._login(request, body)
        self._record(request, body, answer)
        return answer

    def _login(self, request: Request, body: Any) -> JSONResponse:
        if request.headers.get("dstcode") != self.config.dstcode:
            return _answer(INVALID, "Mã đơn vị kết nối (dstcode) không hợp lệ", 403)
        if not isinstance(body, dict):
            return _answer(INVALID, "Dữ liệu JSON không hợp lệ", 400)
        good = hmac.compare_digest(
            str(body.get("username", "")), self.config.username
        ) & hmac.compare_digest(str(body.get("password", "")), self.config.password)
        if not good:
            return _answer(INVALID, "Sai tên đăng nhập hoặc mật khẩu", 401)
        token = secrets.token_urlsafe(24)
        self.state.sessions[token] = time.monotonic() + self.config.session_seconds
        self.state.logins += 1
        return _answer(OK, "Thành công", session=token, expires_in=int(self.config.session_seconds))

    async def service(self, request: Request) -> Response:
        body = await self._body(request)
        service = body.get("service") if isinstance(body, dict) else None
        fault = self.state.take_fault(service if isinstance(service, str) else None)
        if fault is not None and fault.mode == "status":
            answer: Response = PlainTextResponse("Service Unavailable", status_code=fault.status)
            self._record(request, body, answer)
            return answer
        if fault is not None and fault.mode == "timeout":
            await asyncio.sleep(fault.delay)  # the call is still applied: a lost answer
        if fault is not None and fault.mode == "expire_session":
            self.state.sessions.clear()
        if self.config.latency_seconds:
            await asyncio.sleep(self.config.latency_seconds)
        answer = self._service(request, body, fault)
        self._record(request, body, answer)
        return answer

    def _service(self, request: Request, body: Any, fault: Fault | None) -> JSONResponse:
        if request.headers.get("dstcode") != self.config.dstcode:
            return _answer(INVALID, "Mã đơn vị kết nối (dstcode) không hợp lệ", 403)
        if not isinstance(body, dict):
            return _answer(INVALID, "Dữ liệu JSON không hợp lệ", 400)
        expiry = self.state.sessions.get(str(body.get("session", "")))
        if expiry is None or expiry < time.monotonic():
            return _answer(SESSION_EXPIRED, "Phiên làm việc không hợp lệ hoặc đã hết hạn")
        if not str(body.get("madonvi") or "").strip():
            return _answer(INVALID, "Thiếu mã đơn vị (madonvi)")
        data = body.get("data")
        if not isinstance(data, list) or not data:
            return _answer(INVALID, "Trường data phải là danh sách không rỗng")
        service = body.get("service")
        if service == CREATE_OR_UPDATE:
            updating = _truthy(body.get("isUpdating"))
            return self._dossiers(
                data, updating, force_exists=fault is not None and fault.mode == "exists"
            )
        if service == PROGRESS:
            return self._progress(data)
        return _answer(INVALID, f"Dịch vụ {service!r} không được hỗ trợ")

    def _dossiers(self, data: list[Any], updating: bool, *, force_exists: bool) -> JSONResponse:
        errors = [
            {
                "index": index,
                "MaHoSo": item.get("MaHoSo") if isinstance(item, dict) else None,
                "problems": problems,
            }
            for index, item in enumerate(data)
            if (problems := rules.check_dossier(item))
        ]
        if errors:
            return _answer(INVALID, "Dữ liệu hồ sơ không hợp lệ", errors=errors)
        codes = [str(item["MaHoSo"]) for item in data]
        if len(set(codes)) != len(codes):
            return _answer(INVALID, "Một mã hồ sơ xuất hiện hai lần trong data")
        if not updating:
            if force_exists:  # as if an earlier create had been applied and its answer lost
                for item in data:
                    self.state.dossiers.setdefault(str(item["MaHoSo"]), StoredDossier(current={}))
            existing = [code for code in codes if code in self.state.dossiers]
            if existing:
                return _answer(
                    ALREADY_EXISTS,
                    f"Hồ sơ {', '.join(existing)} đã tồn tại trên Cổng DVCQG",
                    existing=existing,
                )
        else:
            missing = [code for code in codes if code not in self.state.dossiers]
            if missing:
                return _answer(
                    NOT_FOUND,
                    f"Hồ sơ {', '.join(missing)} chưa tồn tại trên Cổng DVCQG",
                    missing=missing,
                )
        for item in data:
            stored = self.state.dossiers.setdefault(str(item["MaHoSo"]), StoredDossier(current={}))
            stored.current = item
            stored.statuses.append(rules.code_value(item["TrangThaiHoSo"]) or 0)
            if updating:
                stored.updates += 1
            else:
                stored.creates += 1
        return _answer(OK, "Đồng bộ hồ sơ thành công")

    def _progress(self, data: list[Any]) -> JSONResponse:
        if len(data) > rules.MAX_PROGRESS_ROWS:
            return _answer(
                INVALID,
                f"Mỗi lần gửi tối đa {rules.MAX_PROGRESS_ROWS} bản ghi tiến độ (nhận {len(data)})",
            )
        errors = [
            {"index": index, "problems": problems}
            for index, row in enumerate(data)
            if (problems := rules.check_progress(row))
        ]
        if errors:
            return _answer(INVALID, "Dữ liệu tiến độ không hợp lệ", errors=errors)
        missing = sorted({str(r["MaHoSo"]) for r in data} - self.state.dossiers.keys())
        if missing:
            return _answer(
                NOT_FOUND,
                f"Hồ sơ {', '.join(missing)} chưa tồn tại trên Cổng DVCQG",
                missing=missing,
            )
        for row in data:
            self.state.dossiers[str(row["MaHoSo"])].progress[rules.progress_key(row)] = row
        return _answer(OK, "Cập nhật tiến độ thành công")

    # --- control -----------------------------------------------------------------------------------

    async def received(self, request: Request) -> Response:
        service = request.query_params.get("service")
        calls = [c for c in self.state.received if service is None or c.get("service") == service]
        return JSONResponse({"calls": calls, "logins": self.state.logins})

    async def dossiers(self, request: Request) -> Response:
        return JSONResponse(
            {"dossiers": {code: d.view() for code, d in self.state.dossiers.items()}}
        )

    async def add_fault(self, request: Request) -> Response:
        body = await self._body(request)
        if not isinstance(body, dict) or body.get("mode") not in FAULT_MODES:
            return _answer(INVALID, f"mode phải là một trong {sorted(FAULT_MODES)}", 400)
        fault = Fault(
            mode=str(body["mode"]),
            count=int(body.get("count", 1)),
            status=int(body.get("status", 503)),
            delay=float(body.get("delay", 5.0)),
            service=body.get("service"),
        )
        self.state.faults.append(fault)
        return JSONResponse({"queued": len(self.state.faults)})

    async def clear_faults(self, request: Request) -> Response:
        cleared = len(self.state.faults)
        self.state.faults.clear()
        return JSONResponse({"cleared": cleared})

    async def expire_sessions(self, request: Request) -> Response:
        expired = len(self.state.sessions)
        self.state.sessions.clear()
        return JSONResponse({"expired": expired})

    async def reset(self, request: Request) -> Response:
        self.state = FakePortalState()
        return JSONResponse({"reset": True})

    async def forward(self, request: Request) -> Response:
        """Send ``dossier`` to ``url`` as the portal forwards a dossier submitted on it: the body
        signed with HMAC-SHA256(secret, timestamp + "." + body), hex, in ``X-Portal-Signature``."""
        body = await self._body(request)
        if not isinstance(body, dict) or not body.get("url") or "dossier" not in body:
            return _answer(INVALID, "Cần url, secret và dossier", 400)
        content = json.dumps(body["dossier"], ensure_ascii=False).encode()
        timestamp = str(int(body.get("timestamp") or time.time()))
        headers = {
            "Content-Type": "application/json",
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: sign(str(body.get("secret", "")), timestamp, content),
        }
        async with httpx.AsyncClient(timeout=10) as client:
            try:
                answer = await client.post(str(body["url"]), content=content, headers=headers)
            except httpx.HTTPError as exc:
                return JSONResponse({"error": type(exc).__name__}, status_code=502)
        return JSONResponse({"status": answer.status_code, "body": answer.text})


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """HMAC-SHA256 over ``timestamp + "." + body``, lowercase hex."""
    message = timestamp.encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
