"""Portal sync throughput: a burst of N changes over N dossiers drained to the fake national portal by
1 and by 2 `motcua worker` processes (issue 16, acceptance 6: 10,000 changes under 120 s against a
portal answering in 5 ms).

Self-contained: starts an embedded PostgreSQL in a temporary folder, loads N realistic dossiers with
``bench.dossiers.generate`` (the demo catalog and accounts, COPYed dossiers with their events and
steps), serves the fake portal (``app.devtools.fake_portal``, every service call answered after
``--latency-ms``) in a thread, then for each worker count: commits one ``portal.sync`` message per
dossier (its own ``portal:`` ordering key) in one INSERT, and times from that commit until every
message is delivered or dead. Each delivery is the real one: snapshot, payload, login (once per
worker), create, progress rows in chunks of ten, the acknowledgement on the dossier.

    .venv/bin/python -m bench.portal_bench [--dossiers 10000] [--slots 8] [--latency-ms 5]

Do not run it big on a shared machine without need: it loads the two cores for minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import asyncpg
import httpx
from sqlalchemy.engine import make_url

from app.devtools.fake_portal.runner import serving
from app.devtools.fake_portal.server import FakePortalConfig

ROOT = Path(__file__).resolve().parents[1]
SECRET = "bench-secret-key-0123456789-0123456789"
USER, PASSWORD, DSTCODE = "motcua-bench", "mat-khau-bench-portal", "H99"


def _dsn(url: str) -> str:
    parsed = make_url(url)
    host = parsed.query.get("host")
    return f"postgresql://{parsed.username or 'postgres'}@/{parsed.database}?host={host}"


async def _queue(dsn: str) -> int:
    """One portal.sync message per dossier, committed at once; the acknowledgements forgotten."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("UPDATE dossiers SET portal_acked_seq = NULL, portal_acked_at = NULL")
        status = await conn.execute(
            "INSERT INTO outbox_messages (topic, ordering_key, payload, attempts) "
            "SELECT 'portal.sync', 'portal:' || code, "
            "jsonb_build_object('ref', jsonb_build_object('kind', 'dossier', 'code', code)), 0 "
            "FROM dossiers ORDER BY id"
        )
        return int(status.split()[-1])
    finally:
        await conn.close()


async def _wait_drained(dsn: str, within: float) -> tuple[float, int, int]:
    """(seconds, delivered, dead) once no portal message waits."""
    conn = await asyncpg.connect(dsn)
    started = time.monotonic()
    try:
        while time.monotonic() - started < within:
            left = await conn.fetchval(
                "SELECT count(*) FROM outbox_messages WHERE topic = 'portal.sync' "
                "AND delivered_at IS NULL AND dead_at IS NULL"
            )
            if left == 0:
                elapsed = time.monotonic() - started
                row = await conn.fetchrow(
                    "SELECT count(*) FILTER (WHERE delivered_at IS NOT NULL) AS delivered, "
                    "count(*) FILTER (WHERE dead_at IS NOT NULL) AS dead "
                    "FROM outbox_messages WHERE topic = 'portal.sync'"
                )
                return elapsed, int(row["delivered"]), int(row["dead"])
            await asyncio.sleep(0.1)
        raise TimeoutError(f"{left} portal messages left after {within}s")
    finally:
        await conn.close()


async def _clear(dsn: str) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("TRUNCATE outbox_messages")
    finally:
        await conn.close()


def _start_worker(url: str, portal: str, slots: int, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")},
        "PYTHONPATH": str(ROOT),
        "MOTCUA_ENV": "test",
        "MOTCUA_DATABASE_URL": url,
        "MOTCUA_SECRET_KEY": SECRET,
        "MOTCUA_WORKER_POLL_SECONDS": "0.05",
        "MOTCUA_LOG_LEVEL": "INFO",
        "MOTCUA_PORTAL_BASE_URL": portal,
        "MOTCUA_PORTAL_USERNAME": USER,
        "MOTCUA_PORTAL_PASSWORD": PASSWORD,
        "MOTCUA_PORTAL_DSTCODE": DSTCODE,
        "MOTCUA_OUTBOX_MAX_ATTEMPTS": "3",
    }
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "app.cli", "worker", "--slots", str(slots)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _run(url: str, portal: str, workers: int, slots: int, log: Path) -> tuple[int, float, int, int]:
    dsn = _dsn(url)
    httpx.post(f"{portal}/_fake/reset")
    log.write_text("")
    processes = [_start_worker(url, portal, slots, log) for _ in range(workers)]
    try:
        deadline = time.monotonic() + 120
        while log.read_text().count('"worker_started"') < workers:  # started and idle
            if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
                raise RuntimeError(f"the workers did not start: {log.read_text()[-2000:]}")
            time.sleep(0.1)
        queued = asyncio.run(_queue(dsn))
        elapsed, delivered, dead = asyncio.run(_wait_drained(dsn, 1800))
    finally:
        for process in processes:  # only the workers this run started
            process.terminate()
            process.wait(30)
    asyncio.run(_clear(dsn))
    return queued, elapsed, delivered, dead


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--dossiers", type=int, default=10_000)
    parser.add_argument("--slots", type=int, default=8)
    parser.add_argument("--latency-ms", type=float, default=5.0)
    parser.add_argument("--workers", default="1,2", help="worker counts to time, e.g. 2")
    args = parser.parse_args()

    from app.embedded_pg import EmbeddedPostgres

    os.environ.setdefault("MOTCUA_EMBEDDED_FAST", "1")
    config = FakePortalConfig(
        username=USER, password=PASSWORD, dstcode=DSTCODE, latency_seconds=args.latency_ms / 1000
    )
    with (
        tempfile.TemporaryDirectory(prefix="motcua-portal-bench-") as tmp,
        serving(config) as (
            _,
            portal,
        ),
    ):
        Path(tmp).chmod(0o711)  # our own folder: the server's user (as root: motcua-pg) enters it
        pg = EmbeddedPostgres(Path(tmp) / "pg")
        url = pg.start()
        try:
            subprocess.run(
                [
                    *(sys.executable, "-m", "bench.dossiers.generate", "--prepare"),
                    *("--url", _dsn(url), "--n", str(args.dossiers)),
                ],
                cwd=ROOT,
                env={**os.environ, "MOTCUA_LOG_LEVEL": "WARNING"},
                check=True,
                capture_output=True,
            )
            print(
                f"{args.dossiers} dossiers, one change each, {args.slots} slots per worker, "
                f"fake portal answering in {args.latency_ms:g} ms"
            )
            for workers in (int(w) for w in args.workers.split(",")):
                queued, elapsed, delivered, dead = _run(
                    url, portal, workers, args.slots, Path(tmp) / "workers.log"
                )
                load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
                print(
                    f"{workers} worker(s): {queued} changes drained in {elapsed:.1f} s "
                    f"({delivered / elapsed:.0f} deliveries/s), {delivered} delivered, "
                    f"{dead} dead letters, load average {load:.1f} on {os.cpu_count()} CPUs"
                )
        finally:
            pg.stop()


if __name__ == "__main__":
    main()
