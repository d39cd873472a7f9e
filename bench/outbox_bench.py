"""Outbox delivery throughput: messages per second delivered by 1 and by 2 `motcua worker` processes.

Self-contained: starts an embedded PostgreSQL in a temporary folder, a local HTTP receiver answering
after 5 ms, queues N messages over K ordering keys, and times the workers (already started and idle)
from the commit of the messages until the last is marked delivered.

    .venv/bin/python -m bench.outbox_bench [--messages 2000] [--keys 100] [--slots 4]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
SECRET = "bench-secret-key-0123456789-0123456789"


class _Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: set[str] = set()  # noqa: RUF012 - shared by the server's threads
    lock = threading.Lock()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(0.005)
        with self.lock:
            self.seen.add(self.headers.get("X-MotCua-Message-Id", ""))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _dsn(url: str) -> str:
    parsed = make_url(url)
    host = parsed.query.get("host")
    return f"postgresql://{parsed.username or 'postgres'}@/{parsed.database}?host={host}"


async def _fill(dsn: str, messages: int, keys: int) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(
            "INSERT INTO outbox_messages (topic, ordering_key, payload, attempts) "
            "SELECT 'bench.deliver', 'key-' || (n % $2), jsonb_build_object('n', n), 0 "
            "FROM generate_series(1, $1) AS n",
            messages,
            keys,
        )
    finally:
        await conn.close()


async def _wait_delivered(dsn: str, messages: int, within: float) -> float:
    conn = await asyncpg.connect(dsn)
    started = time.monotonic()
    try:
        while time.monotonic() - started < within:
            left = await conn.fetchval(
                "SELECT count(*) FROM outbox_messages WHERE delivered_at IS NULL"
            )
            if left == 0:
                return time.monotonic() - started
            await asyncio.sleep(0.05)
        raise TimeoutError(f"{left} of {messages} messages left after {within}s")
    finally:
        await conn.close()


def _start_worker(url: str, receiver: str, slots: int, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "MOTCUA_ENV": "test",
        "MOTCUA_DATABASE_URL": url,
        "MOTCUA_SECRET_KEY": SECRET,
        "MOTCUA_WORKER_PLUGINS": "bench.bench_plugin",
        "MOTCUA_BENCH_RECEIVER_URL": receiver,
        "MOTCUA_WORKER_POLL_SECONDS": "0.05",
        "MOTCUA_LOG_LEVEL": "INFO",
    }
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "app.cli", "worker", "--slots", str(slots)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of the processes so far (Linux /proc; 0 elsewhere)."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _run(
    url: str, receiver: str, workers: int, args: argparse.Namespace, log: Path
) -> tuple[float, float]:
    """(messages per second, worker CPU milliseconds per message)."""
    dsn = _dsn(url)
    log.write_text("")
    processes = [_start_worker(url, receiver, args.slots, log) for _ in range(workers)]
    try:
        deadline = time.monotonic() + 120
        while log.read_text().count('"worker_started"') < workers:
            if time.monotonic() > deadline:
                raise TimeoutError("workers did not start")
            time.sleep(0.1)
        pids = [p.pid for p in processes]
        cpu_before = _cpu_seconds(pids)
        asyncio.run(_fill(dsn, args.messages, args.keys))
        elapsed = asyncio.run(_wait_delivered(dsn, args.messages, 600))
        cpu = _cpu_seconds(pids) - cpu_before
    finally:
        for process in processes:
            process.terminate()
            process.wait(30)
    return args.messages / elapsed, cpu * 1000 / args.messages


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--slots", type=int, default=4)
    args = parser.parse_args()

    from app import migrate
    from app.embedded_pg import EmbeddedPostgres

    os.environ.setdefault("MOTCUA_EMBEDDED_FAST", "1")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    receiver = f"http://127.0.0.1:{server.server_address[1]}/"
    with tempfile.TemporaryDirectory(prefix="motcua-bench-") as tmp:
        Path(tmp).chmod(0o711)  # our own folder: the server's user (as root: motcua-pg) enters it
        pg = EmbeddedPostgres(Path(tmp) / "pg")
        url = pg.start()
        try:
            migrate.upgrade(url)
            print(
                f"{args.messages} messages over {args.keys} keys, {args.slots} slots per worker, "
                "receiver answering in 5 ms"
            )
            for workers in (1, 2):
                rate, cpu_ms = _run(url, receiver, workers, args, Path(tmp) / "workers.log")
                load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
                print(
                    f"{workers} worker(s): {rate:.0f} messages/s, "
                    f"worker CPU {cpu_ms:.2f} ms/message, load average {load:.1f} "
                    f"on {os.cpu_count()} CPUs"
                )
                asyncio.run(_truncate(_dsn(url)))
        finally:
            pg.stop()
            server.shutdown()


async def _truncate(dsn: str) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("TRUNCATE outbox_messages")
    finally:
        await conn.close()


if __name__ == "__main__":
    main()
