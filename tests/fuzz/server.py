"""A live demo server on a throwaway database, for the schemathesis runs.

``motcua serve --demo`` in a fresh temporary data folder (its own embedded PostgreSQL, migrated and
seeded with the demo accounts and catalog), on a free loopback port, with the development issuer on
(the runs need citizen tokens). The login and lookup throttles are raised for the run: thousands of
generated failures from one address would otherwise block every later correct attempt, and the run
measures the API, not the throttle (its own tests prove it).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from app.embedded_pg import STATE_ROOT, EmbeddedPostgres

ROOT = Path(__file__).resolve().parents[2]
GENEROUS = "1000000"


@dataclass(frozen=True)
class LiveDemo:
    base_url: str
    data_dir: Path
    log_path: Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    env.update(
        MOTCUA_DATA_DIR=str(data_dir),
        MOTCUA_EMBEDDED_FAST="1",  # fsync off: the data is thrown away
        MOTCUA_DEV_ISSUER="1",
        MOTCUA_LOG_LEVEL="WARNING",
        MOTCUA_LOGIN_MAX_FAILURES=GENEROUS,
        MOTCUA_LOOKUP_MAX_FAILURES=GENEROUS,
        MOTCUA_LOOKUP_CODE_MAX_FAILURES=GENEROUS,
    )
    return env


def _wait_ready(base: str, proc: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"demo exited early:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise RuntimeError("demo not ready in time")


@contextmanager
def live_demo(timeout: float = 120) -> Iterator[LiveDemo]:
    """Serve the demo until the block ends; the data folder (and cluster) is removed afterwards."""
    root = Path(tempfile.mkdtemp(prefix="motcua-fuzz-"))
    root.chmod(0o711)  # the embedded server's user (as root: motcua-pg) must traverse it
    data_dir = root / "data"
    log = root / "server.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--demo", "--port", str(port)],
            cwd=ROOT,
            env=_env(data_dir),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_ready(base, proc, log, timeout)
        yield LiveDemo(base, data_dir, log)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        embedded = EmbeddedPostgres(data_dir / "pgdata")
        cluster = embedded.locate()
        embedded.stop()
        if cluster.is_relative_to(STATE_ROOT):  # relocated outside the folder (as root)
            shutil.rmtree(cluster.parent, ignore_errors=True)
        keep = os.environ.get("MOTCUA_FUZZ_KEEP_LOG")
        if keep:
            shutil.copy(log, keep)
        shutil.rmtree(root, ignore_errors=True)
