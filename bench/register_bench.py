"""The dossier register's downloads at 10⁴ and 10⁵ dossiers: time and the server's peak memory.

    .venv/bin/python -m bench.register_bench                 # 10,000 and 100,000 (~10 min)
    .venv/bin/python -m bench.register_bench --sizes 2000    # smoke run

For each size an embedded PostgreSQL (a folder of its own, removed at the end) gets a database made
by ``bench.dossiers.generate`` (migrations, demo seed, N dossiers over the year before ``--until``);
every received dossier is then moved to one commune desk (000.31.00.H99, where the demo's
``tiepnhan.xa`` works), so one register holds them all. For each format a fresh ``motcua serve``
(production settings, one worker) is started, warmed with a JSON page, and the whole year is
downloaded; the server's resident memory before the download (``VmRSS``) and its peak during the
download (``VmHWM`` reset through ``/proc/<pid>/clear_refs`` just before, read just after) are
recorded, with the wall time and the bytes. The
target (issue 14): the peak at 10⁵ at most 1.2 × the peak at 10⁴.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import asyncpg
import httpx
from openpyxl import load_workbook

from app.db import asyncpg_dsn
from app.embedded_pg import EmbeddedPostgres

ROOT = Path(__file__).resolve().parent.parent
DESK = "000.31.00.H99"
OFFICER = "tiepnhan.xa"
PASSWORD = "motcua-demo-2026"  # the demo accounts' password (app/demo)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _memory_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/{pid}/status")


async def _create(server: EmbeddedPostgres, name: str) -> None:
    admin = await asyncpg.connect(asyncpg_dsn(server.url("postgres")))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


async def _one_desk(url: str) -> str:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        moved = await conn.execute(
            "UPDATE dossiers SET receiving_office_code = $1 WHERE received_at IS NOT NULL", DESK
        )
        await conn.execute("VACUUM ANALYZE dossiers")
    finally:
        await conn.close()
    return str(moved.split()[-1])


def _prepare(server: EmbeddedPostgres, n: int, until: date) -> str:
    name = f"motcua_register_{n}"
    asyncio.run(_create(server, name))
    url = server.url(name)
    generate = ["--prepare", "--url", asyncpg_dsn(url), "--n", str(n), "--until", str(until)]
    subprocess.run(
        [sys.executable, "-m", "bench.dossiers.generate", *generate],
        cwd=ROOT,
        check=True,
        env={**os.environ, "MOTCUA_LOG_LEVEL": "WARNING"},
        stdout=subprocess.DEVNULL,
    )
    moved = asyncio.run(_one_desk(url))
    print(f"  n={n}: {moved} received dossiers at {DESK}", file=sys.stderr)
    return url


def _rows(path: Path, fmt: str) -> int:
    """The dossier rows of a downloaded register: the XLSX opened with openpyxl (a title row and a
    heading row above them), the CSV parsed (one heading row)."""
    if fmt == "xlsx":
        book = load_workbook(path, read_only=True)
        try:
            sheet = book.active
            assert sheet is not None
            return sum(1 for _ in sheet.iter_rows(values_only=True)) - 2
        finally:
            book.close()
    with path.open(encoding="utf-8-sig", newline="") as file:
        return sum(1 for _ in csv.reader(file)) - 1


def _download(url: str, port: int, fmt: str, start: date, end: date) -> dict[str, object]:
    env = {
        **os.environ,
        "MOTCUA_ENV": "production",
        "MOTCUA_SECRET_KEY": secrets.token_urlsafe(48),
        "MOTCUA_DATABASE_URL": url,
        "MOTCUA_DATA_DIR": tempfile.mkdtemp(prefix="motcua-register-data-"),
        "MOTCUA_LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/motcua"), "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=600) as client:
            for _ in range(240):
                try:
                    if client.get("/ready").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.25)
            token = client.post(
                "/api/v1/auth/token", data={"username": OFFICER, "password": PASSWORD}
            ).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            period = {"received_from": start.isoformat(), "received_to": end.isoformat()}
            client.get(
                f"/api/v1/registers/{DESK}", params=period, headers=headers
            ).raise_for_status()
            before = _memory_kib(server.pid, "VmRSS")
            # the peak from here on: start-up's own peak (imports, the first pool) is forgotten
            Path(f"/proc/{server.pid}/clear_refs").write_text("5")
            started = time.perf_counter()
            size = 0
            saved = Path(env["MOTCUA_DATA_DIR"]) / f"register.{fmt}"
            with (
                saved.open("wb") as file,
                client.stream(
                    "GET",
                    f"/api/v1/registers/{DESK}",
                    params={**period, "format": fmt},
                    headers=headers,
                ) as answer,
            ):
                answer.raise_for_status()
                for block in answer.iter_bytes():
                    size += len(block)
                    file.write(block)
            seconds = time.perf_counter() - started
            peak = _memory_kib(server.pid, "VmHWM")
            rows = _rows(saved, fmt)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(env["MOTCUA_DATA_DIR"], ignore_errors=True)
    return {
        "format": fmt,
        "rows": rows,
        "seconds": round(seconds, 2),
        "bytes": size,
        "rss_before_mib": round(before / 1024, 1),
        "peak_mib": round(peak / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--formats", default="csv,xlsx")
    parser.add_argument("--until", default="2026-11-23")
    args = parser.parse_args()
    until = date.fromisoformat(args.until)
    start = until - timedelta(days=365)
    root = Path(tempfile.mkdtemp(prefix="motcua-register-bench-"))
    root.chmod(0o711)  # the server's user (as root: motcua-pg) traverses it
    server = EmbeddedPostgres(root / "data")
    server.start()
    results = []
    try:
        for n in (int(size) for size in args.sizes.split(",")):
            url = _prepare(server, n, until)
            for fmt in args.formats.split(","):
                result = {"n": n, **_download(url, _free_port(), fmt, start, until)}
                print(json.dumps(result), flush=True)
                results.append(result)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    print("\n| n | format | rows | seconds | size (MB) | RSS before (MiB) | peak RSS (MiB) |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['n']:,} | {r['format']} | {r['rows']:,} | {r['seconds']} "
            f"| {int(r['bytes']) / 1e6:.1f} "
            f"| {r['rss_before_mib']} | {r['peak_mib']} |"
        )


if __name__ == "__main__":
    main()
