"""Requests that barely reach us answer problem+json; what uvicorn refuses itself is documented.

Against a real uvicorn (httptools, as ``motcua serve``) on 127.0.0.1, with raw sockets:

* a path whose percent-escapes are not UTF-8 reaches the app (uvicorn decodes it with replacement
  characters): 400 problem ``invalid_request_target``, never an answer about another path;
* a request target over our limit (8 KiB) reaches the app: 414 problem ``uri_too_long``;
* what uvicorn refuses before the app sees it (a request target of 64 KiB or more, a raw non-ASCII
  byte in the request line, broken chunked encoding) gets uvicorn's own plain-text 400, as the README
  says ("Requests that never reach us").
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from httpx import ASGITransport, AsyncClient

from app.main import create_app
from app.problems import MAX_REQUEST_TARGET_BYTES
from tests.conftest import make_settings
from tests.web.live import raw_request, serve

UVICORN_400 = b"Invalid HTTP request received."


@pytest.fixture(scope="module")
def base(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app = create_app(make_settings(db_url, data_dir=tmp_path_factory.mktemp("live")))
    with serve(app) as url:
        yield url


def _get(target: bytes) -> bytes:
    return b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


def _split(answer: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding") == "chunked":
        chunks, rest = [], body
        while rest:
            size_text, _, rest = rest.partition(b"\r\n")
            size = int(size_text, 16)
            if size == 0:
                break
            chunks.append(rest[:size])
            rest = rest[size + 2 :]
        body = b"".join(chunks)
    return int(status_line.split()[1]), headers, body


def _problem(answer: bytes, status: int, code: str) -> dict[str, object]:
    got, headers, body = _split(answer)
    assert got == status, answer[:300]
    assert headers["content-type"] == "application/problem+json"
    assert headers["x-request-id"]
    problem: dict[str, object] = json.loads(body)
    assert problem["status"] == status
    assert problem["code"] == code
    assert problem["request_id"] == headers["x-request-id"]
    return problem


@pytest.mark.parametrize(
    "target",
    [
        b"/api/v1/lookup/%ff?pin=ABCDEF",  # the lean route's path
        b"/api/v1/procedures/%c3%28",  # an invalid two-byte sequence
        b"/api/v1/procedures?q=%ff",  # the query string
        b"/docs/%ff",
    ],
)
def test_a_target_that_is_not_utf8_is_a_400_problem(base: str, target: bytes) -> None:
    problem = _problem(raw_request(base, _get(target)), 400, "invalid_request_target")
    assert problem["title"] == "Yêu cầu không hợp lệ"


def test_a_target_over_our_limit_is_a_414_problem(base: str) -> None:
    query = b"q=" + b"a" * MAX_REQUEST_TARGET_BYTES
    problem = _problem(raw_request(base, _get(b"/api/v1/procedures?" + query)), 414, "uri_too_long")
    assert problem["title"] == "Đường dẫn quá dài"
    # just under the limit the request is served as usual
    under = b"/health?padding=" + b"a" * (MAX_REQUEST_TARGET_BYTES - 100)
    status, headers, _ = _split(raw_request(base, _get(under)))
    assert status == 200
    assert headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    ("label", "request_bytes"),
    [
        ("target of 64 KiB", _get(b"/api/v1/procedures?q=" + b"a" * 65_536)),
        ("raw byte in the path", _get(b"/api/v1/lookup/\xff")),
        (
            "broken chunked body",
            b"POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n"
            b"zz\r\nusername=a\r\n0\r\n\r\n",
        ),
    ],
)
def test_what_uvicorn_refuses_itself_is_its_plain_400(
    base: str, label: str, request_bytes: bytes
) -> None:
    """Documented in the README: these never reach the app, so they cannot be problem documents."""
    status, headers, body = _split(raw_request(base, request_bytes))
    assert status == 400, label
    assert headers["content-type"].startswith("text/plain"), label
    assert body == UVICORN_400, label


async def test_the_checks_hold_in_process_too() -> None:
    """The same middleware answers before any route, lean or documented (no database reached)."""
    app = create_app(make_settings("postgresql+asyncpg://unused@localhost/unused"))
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://t") as client:
        not_utf8 = await client.get("/api/v1/lookup/%FF", params={"pin": "ABCDEF"})
        long = await client.get("/health", params={"q": "a" * MAX_REQUEST_TARGET_BYTES})
        fine = await client.get("/health", params={"q": "Hà Nội"})
    assert (not_utf8.status_code, not_utf8.json()["code"]) == (400, "invalid_request_target")
    assert not_utf8.headers["content-type"] == "application/problem+json"
    assert (long.status_code, long.json()["code"]) == (414, "uri_too_long")
    assert fine.status_code == 200
