"""Statistics at province scale (issue 17, acceptance 3): the province-year indicators and an agency ×
month grid at 10⁵ and 10⁶ dossiers, p50/p99 at 16 clients; the rebuild's time; and the cost the
rollups add to one lifecycle action.

    .venv/bin/python -m bench.stats_bench                              # 10⁵ and 10⁶ (hours: not in CI)
    .venv/bin/python -m bench.stats_bench --sizes 300 --seconds 3      # smoke run

For each size an embedded PostgreSQL (a folder of its own, removed at the end) gets a database made by
``bench.dossiers.generate`` (migrations, demo seed, N dossiers over the year before ``--until``); the
rollups are then built by ``motcua stats rebuild`` (timed). A ``motcua serve`` (production settings)
is started and 16 clients ask, for ``--seconds``, in turn: the province's indicators for the year
(``/api/v1/stats/indicators?period=YYYY``) and the agency × month grid (``/api/v1/stats/summary`` for
each month: its ``by_agency``). Latencies are the clients' (p50, p99).

The action's cost: desk creations with receipt (``POST /api/v1/dossiers``, one client) are timed with
the statistics' message queued (as shipped), and the worker's fold of those messages is timed apart
(``stats.rollups.refresh`` per dossier, the handler's completion): the action itself pays only the
outbox row of ``stats.rollup``; the fold runs in the worker, off the request.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import asyncpg
import httpx

from app.config import Settings
from app.db import asyncpg_dsn, create_engine, create_session_factory
from app.embedded_pg import EmbeddedPostgres
from app.schemas.catalog import Document
from app.services.stats import rollups

ROOT = Path(__file__).resolve().parent.parent
ADMIN, PASSWORD = "admin", "motcua-demo-2026"  # the demo's province administrator (app/demo)
DESK_OFFICER, DESK = "tiepnhan.xa", "000.31.00.H99"
CLIENTS = 16


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def _create(server: EmbeddedPostgres, name: str) -> None:
    admin = await asyncpg.connect(asyncpg_dsn(server.url("postgres")))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()


def _env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "MOTCUA_ENV": "production",
        "MOTCUA_SECRET_KEY": secrets.token_urlsafe(48),
        "MOTCUA_DATABASE_URL": url,
        "MOTCUA_DATA_DIR": tempfile.mkdtemp(prefix="motcua-stats-data-"),
        "MOTCUA_LOG_LEVEL": "WARNING",
    }


def _prepare(server: EmbeddedPostgres, n: int, until: date) -> tuple[str, float]:
    name = f"motcua_stats_{n}"
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
    started = time.perf_counter()
    subprocess.run(
        [str(ROOT / ".venv/bin/motcua"), "stats", "rebuild"],
        cwd=ROOT,
        check=True,
        env=_env(url),
        stdout=subprocess.DEVNULL,
    )
    return url, time.perf_counter() - started


async def _reads(base: str, token: str, year: int, seconds: float) -> dict[str, object]:
    headers = {"Authorization": f"Bearer {token}"}
    latencies: dict[str, list[float]] = {"indicators": [], "grid": []}
    deadline = time.perf_counter() + seconds

    async def client(index: int) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60, headers=headers) as http:
            turn = index
            while time.perf_counter() < deadline:
                turn += 1
                if turn % 2:
                    started = time.perf_counter()
                    (
                        await http.get("/api/v1/stats/indicators", params={"period": str(year)})
                    ).raise_for_status()
                    latencies["indicators"].append(time.perf_counter() - started)
                else:
                    started = time.perf_counter()
                    for month in range(1, 13):
                        period = {"period": f"{year}-{month:02d}"}
                        (await http.get("/api/v1/stats/summary", params=period)).raise_for_status()
                    latencies["grid"].append(time.perf_counter() - started)

    await asyncio.gather(*(client(i) for i in range(CLIENTS)))
    return {
        f"{kind}_{name}_ms": round(_quantile(values, q) * 1000, 1)
        for kind, values in latencies.items()
        for name, q in (("p50", 0.5), ("p99", 0.99))
    } | {f"{kind}_requests": len(values) for kind, values in latencies.items()}


async def _desk_documents(http: httpx.AsyncClient) -> list[dict[str, object]]:
    """The birth registration's documents required at the desk, ticked as checked on paper."""
    procedure = (await http.get("/api/v1/procedures/1.001193")).json()
    return [
        {"requirement_code": d["code"], "paper_original_checked": True}
        for d in procedure["documents"]
        if Document.model_validate(d).required_in("desk")
    ]


async def _actions(base: str, url: str, count: int) -> dict[str, object]:
    """Desk creations with receipt, one client (the action's p50), then the worker's fold of their
    stats messages (the handler's completion, per dossier)."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        token = (
            await http.post(
                "/api/v1/auth/token", data={"username": DESK_OFFICER, "password": PASSWORD}
            )
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        body = {
            "procedure_code": "1.001193",
            "agency_code": DESK,
            "receiving_office_code": DESK,
            "applicant": {
                "name": "Trần Thị Bình",
                "id_kind": "personal_id",
                "id_number": "001199054321",
            },
            "documents": await _desk_documents(http),
            "outcome": "receive",
            "note": "bench",
        }
        times, codes = [], []
        for _ in range(count):
            started = time.perf_counter()
            answer = await http.post("/api/v1/dossiers", json=body, headers=headers)
            times.append(time.perf_counter() - started)
            if answer.status_code == 201:
                codes.append(answer.json()["code"])
    settings = Settings(env="test", database_url=url)  # type: ignore[arg-type]
    engine = create_engine(url, settings)
    folds = []
    try:
        conn = await asyncpg.connect(asyncpg_dsn(url))
        ids = [
            r["id"] for r in await conn.fetch("SELECT id FROM dossiers WHERE code = ANY($1)", codes)
        ]
        await conn.close()
        for dossier_id in ids:
            async with create_session_factory(engine)() as session, session.begin():
                started = time.perf_counter()
                await rollups.refresh(session, [dossier_id])
                folds.append(time.perf_counter() - started)
    finally:
        await engine.dispose()
    return {
        "action_p50_ms": round(statistics.median(times) * 1000, 1) if times else None,
        "created": len(codes),
        "fold_p50_ms": round(statistics.median(folds) * 1000, 1) if folds else None,
    }


def _measure(url: str, year: int, seconds: float, actions: int) -> dict[str, object]:
    env = _env(url)
    port = _free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/motcua"), "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(240):
                try:
                    if client.get("/ready").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.25)
            token = client.post(
                "/api/v1/auth/token", data={"username": ADMIN, "password": PASSWORD}
            ).json()["access_token"]
        reads = asyncio.run(_reads(base, token, year, seconds))
        cost = asyncio.run(_actions(base, url, actions))
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(env["MOTCUA_DATA_DIR"], ignore_errors=True)
    return {**reads, **cost}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--until", default="2026-11-23")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--actions", type=int, default=200)
    args = parser.parse_args()
    until = date.fromisoformat(args.until)
    root = Path(tempfile.mkdtemp(prefix="motcua-stats-bench-"))
    root.chmod(0o711)  # the server's user (as root: motcua-pg) traverses it
    server = EmbeddedPostgres(root / "data")
    server.start()
    results = []
    try:
        for n in (int(size) for size in args.sizes.split(",")):
            url, rebuild_seconds = _prepare(server, n, until)
            result = {
                "n": n,
                "rebuild_s": round(rebuild_seconds, 1),
                **_measure(url, until.year, args.seconds, args.actions),
            }
            print(json.dumps(result), flush=True)
            results.append(result)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    print(
        "\n| n | rebuild (s) | indicators p50/p99 (ms) | agency × month grid p50/p99 (ms) | action p50 (ms) | fold p50 (ms) |"
    )
    print("|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['n']:,} | {r['rebuild_s']} | {r['indicators_p50_ms']} / {r['indicators_p99_ms']} "
            f"| {r['grid_p50_ms']} / {r['grid_p99_ms']} | {r['action_p50_ms']} | {r['fold_p50_ms']} |"
        )


if __name__ == "__main__":
    main()
