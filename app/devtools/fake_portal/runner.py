"""Running the fake portal: in the foreground (``motcua fake-portal``) or in a background thread of
the current process (tests, benchmarks), each a real HTTP server on a real socket."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp

from app.devtools.fake_portal.server import FakePortal, FakePortalConfig


def serve(portal: FakePortal, host: str, port: int) -> None:
    """Serve until interrupted."""
    config = uvicorn.Config(
        portal.app, host=host, port=port, log_config=None, access_log=False, lifespan="off"
    )
    uvicorn.Server(config).run()


@contextmanager
def serving_app(app: ASGIApp, host: str = "127.0.0.1") -> Iterator[str]:
    """Any ASGI app on a free port of ``host`` in a daemon thread; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, access_log=False, lifespan="off"))
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="fake-server", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the server on {host}:{port} did not start")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@contextmanager
def serving(
    config: FakePortalConfig | None = None, host: str = "127.0.0.1"
) -> Iterator[tuple[FakePortal, str]]:
    """The fake portal on a free port of ``host`` in a daemon thread: (portal, base URL)."""
    portal = FakePortal(config)
    with serving_app(portal.app, host) as url:
        yield portal, url
