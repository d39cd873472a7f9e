"""Committed-database fixtures for the worker tests: a real HTTP receiver and real worker processes."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import create_engine
from tests.conftest import TEST_SECRET, make_settings

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    """An idempotent receiver: applies each message id once, checks per-key order and concurrency.

    * ``fail[key] = n``: answer 503 to the next n requests of ``key``; ``-1``: fail until changed;
    * ``hold``: keys whose first request is applied and then left unanswered until ``release`` is set
      (an acknowledgement lost in a crash);
    * ``delay``: seconds spent on every delivery (widens the window in which overlaps would show);
    * ``fail_webhook = n``: answer 503 to the next n requests on ``/webhook`` (204 otherwise).
    """

    url: str = ""
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: list[Request] = field(default_factory=list)
    applied: dict[int, dict[str, Any]] = field(default_factory=dict)
    last_seq: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    in_flight: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    max_in_flight_total: int = 0
    violations: list[str] = field(default_factory=list)
    fail: dict[str, int] = field(default_factory=dict)
    hold: set[str] = field(default_factory=set)
    held: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    fail_webhook: int = 0

    def requests_for(self, message_id: int) -> list[Request]:
        with self.lock:
            return [
                r for r in self.requests if r.path == "/deliver" and r.json()["id"] == message_id
            ]

    def handle(self, request: Request) -> int:
        if request.path == "/tick":
            with self.lock:
                self.ticks.append(request.json())
            return 204
        if request.path == "/webhook":
            with self.lock:
                failing, self.fail_webhook = self.fail_webhook, max(0, self.fail_webhook - 1)
            return 503 if failing else 204
        body = request.json()
        key, message_id = body["key"], body["id"]
        with self.lock:
            self.in_flight[key] += 1
            if self.in_flight[key] > 1:
                self.violations.append(f"two deliveries at once for key {key}")
            self.max_in_flight_total = max(self.max_in_flight_total, sum(self.in_flight.values()))
            failing = self.fail.get(key, 0)
            if failing:
                self.fail[key] = failing - 1 if failing > 0 else failing
        try:
            if failing:
                return 503
            if self.delay:
                time.sleep(self.delay)
            with self.lock:
                if message_id not in self.applied:  # idempotent: a redelivery changes nothing
                    seq = body.get("seq")
                    if seq is not None:
                        if seq != self.last_seq[key] + 1:
                            self.violations.append(
                                f"key {key}: got seq {seq} after {self.last_seq[key]}"
                            )
                        self.last_seq[key] = seq
                    self.applied[message_id] = body
                hold = key in self.hold
                self.hold.discard(key)
            if hold:
                self.held.set()
                self.release.wait(30)
            return 200
        finally:
            with self.lock:
                self.in_flight[key] -= 1


def _handler_class(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = Request(
                path=self.path,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=self.rfile.read(length),
                at=time.monotonic(),
            )
            with receiver.lock:
                receiver.requests.append(request)
            status = receiver.handle(request)
            try:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:  # the worker died while we held the answer back
                pass

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_class(state))
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()


@dataclass
class WorkerProcess:
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def started(self) -> bool:
        return '"worker_started"' in self.log()

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(10)

    def terminate(self, timeout: float = 20) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout)


WorkerFactory = Callable[..., WorkerProcess]


def terminate_all(workers: list[WorkerProcess], timeout: float = 20) -> list[int]:
    """SIGTERM every worker at once, then collect their exit codes."""
    for worker in workers:
        worker.process.send_signal(signal.SIGTERM)
    return [worker.process.wait(timeout) for worker in workers]


@pytest.fixture
def start_worker(tmp_path: Path, receiver: Receiver) -> Iterator[WorkerFactory]:
    """Start `motcua worker` subprocesses against a database; all are killed at the end."""
    started: list[WorkerProcess] = []

    def start(database_url: str, *, slots: int = 4, **env: str) -> WorkerProcess:
        log_path = tmp_path / f"worker-{len(started)}.log"
        environment = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "MOTCUA_ENV": "test",
            "MOTCUA_DATABASE_URL": database_url,
            "MOTCUA_SECRET_KEY": TEST_SECRET,
            "MOTCUA_WORKER_PLUGINS": "tests.workers.plugins",
            "MOTCUA_TEST_RECEIVER_URL": receiver.url,
            "MOTCUA_WORKER_POLL_SECONDS": "0.2",
            "MOTCUA_LOG_LEVEL": "INFO",
            **env,
        }
        with log_path.open("wb") as log_file:
            process = subprocess.Popen(
                [sys.executable, "-m", "app.cli", "worker", "--slots", str(slots)],
                cwd=ROOT,
                env=environment,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        worker = WorkerProcess(process, log_path)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.process.poll() is None:
            worker.kill()


async def async_wait_until(predicate: Callable[[], Any], within: float, what: str) -> None:
    """Poll ``predicate`` (sync or async) every 50 ms until it is true, at most ``within`` seconds."""
    deadline = time.monotonic() + within
    while True:
        result = predicate()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {within}s waiting for {what}")
        await asyncio.sleep(0.05)


async def wait_started(workers: list[WorkerProcess], within: float = 60) -> None:
    for worker in workers:
        await async_wait_until(
            lambda w=worker: w.started() or w.process.poll() is not None,  # type: ignore[misc]
            within,
            "worker start",
        )
        assert worker.process.poll() is None, worker.log()


@pytest.fixture
def committed_url(clone_database: Callable[[], str]) -> str:
    """A fresh database cloned from the migrated template (cloned outside the event loop)."""
    return clone_database()


@pytest.fixture
async def committed_db(committed_url: str) -> AsyncIterator[tuple[str, AsyncEngine]]:
    """The cloned database's URL and an engine on it that commits for real."""
    engine = create_engine(committed_url, make_settings(committed_url))
    try:
        yield committed_url, engine
    finally:
        await engine.dispose()
