"""Statistics at province scale (issue 17, acceptance 3): the province-year indicators and an agency ×
month grid at 10⁵ and 10⁶ dossiers, p50/p99 at 16 clients and the growth from one size to the next;
the rebuild's time; and the cost the rollups add to one lifecycle action, with and without them.

    .venv/bin/python -m bench.stats_bench                              # 10⁵ and 10⁶ (long: not in CI)
    .venv/bin/python -m bench.stats_bench --sizes 300 --seconds 3      # smoke run
    .venv/bin/python -m bench.stats_bench --keep DIR --prepare-only    # generate + rebuild once …
    .venv/bin/python -m bench.stats_bench --reuse DIR                  # … then time as often as needed
    .venv/bin/python -m bench.stats_bench --reuse DIR --sizes 1000000 --explain   # the query plans

For each size an embedded PostgreSQL gets a database made by ``bench.dossiers.generate`` (migrations,
demo seed, N dossiers up to ``--until``); the rollups are then built by ``motcua stats rebuild``
(timed) and the closed months frozen by ``motcua stats freeze`` (the nightly job's work, timed). The
cluster lives in a folder of its own, removed at the end, or in ``--keep DIR``, where ``--reuse DIR``
finds the sizes already prepared (``DIR/prepared.json``: their rebuild time) and prepares only the
others. A ``motcua serve`` (production settings) is started and 16 clients ask, for ``--seconds``, in
turn: the province's indicators for the year (``/api/v1/stats/indicators?period=YYYY``) and the
agency × month grid (``/api/v1/stats/grid?period=YYYY&by=agency``, one request). Latencies are the
clients' (p50, p99); the last line gives the largest size's over the smallest's. The server remembers
an answer while the rollups do not move (``stats.answers``); ``MOTCUA_STATS_ANSWER_SECONDS=0`` in the
bench's environment measures every answer computed.

The action's cost: a second ``motcua serve`` runs with ``MOTCUA_STATS_ROLLUPS=false`` (the shipped
code without the ``stats.rollup`` outbox row, ``system.topics.stats_topics``), and one client creates
dossiers at the desk with receipt (``POST /api/v1/dossiers``) alternately on each server, on the same
database at the same moment: the ratio of the two p50 is what the rollups add to an action
(acceptance: at most 1.10). The worker's fold of those dossiers is timed apart (``rollups.refresh``,
the handler's completion): it runs off the request, in the worker. ``--explain`` prints
``EXPLAIN (ANALYZE, BUFFERS)`` of the statistics' queries instead of timing anything.
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
from sqlalchemy import event

from app import migrate
from app.config import Settings
from app.db import asyncpg_dsn, create_engine, create_session_factory
from app.embedded_pg import EmbeddedPostgres
from app.schemas.catalog import Document
from app.services.stats import indicators as stats_indicators
from app.services.stats import rollups
from app.services.stats import summary as stats_summary
from app.services.stats.periods import parse_period

ROOT = Path(__file__).resolve().parent.parent
ADMIN, PASSWORD = "admin", "motcua-demo-2026"  # the demo's province administrator (app/demo)
DESK_OFFICER, DESK = "tiepnhan.xa", "000.31.00.H99"
CLIENTS = 16
WRK = shutil.which("wrk")
API_WORKERS = int(os.environ.get("BENCH_API_WORKERS", "1"))  # uvicorn processes of each server
PYTHON_LOAD = os.environ.get("BENCH_PYTHON_LOAD") == "1"  # httpx clients instead of wrk
WARM_UP = 5  # untimed actions on each server first (connections, caches)
PREPARED = "prepared.json"  # in a kept folder: the sizes there, their rebuild time


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
    return url, _stats_command(url, "rebuild")


def _stats_command(url: str, name: str) -> float:
    """``motcua stats NAME`` on the database, timed (seconds)."""
    started = time.perf_counter()
    subprocess.run(
        [str(ROOT / ".venv/bin/motcua"), "stats", name],
        cwd=ROOT,
        check=True,
        env=_env(url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk_ms(text: str) -> float:
    """``812.00us`` / ``3.41ms`` / ``1.02s`` → milliseconds."""
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text.removesuffix(unit)) * _WRK_UNITS[unit]
    raise ValueError(text)


def _reads_wrk(base: str, token: str, year: int, seconds: float) -> dict[str, object]:
    """The same two questions from wrk (C, like the performance floor's harness, so the load generator
    does not take the server's CPU): 8 connections on the year's indicators and 8 on the grid at
    once — 16 clients — each wrk's latency distribution (``--latency``)."""
    paths = {
        "indicators": f"/api/v1/stats/indicators?period={year}",
        "grid": f"/api/v1/stats/grid?period={year}&by=agency",
    }
    assert WRK is not None
    runs = {
        kind: subprocess.Popen(
            [
                WRK,
                "-t1",
                f"-c{CLIENTS // 2}",
                f"-d{int(seconds)}s",
                "--latency",
                "-H",
                f"Authorization: Bearer {token}",
                base + path,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for kind, path in paths.items()
    }
    result: dict[str, object] = {"load": "wrk"}
    for kind, run in runs.items():
        out, _ = run.communicate()
        lines = out.splitlines()
        percent = {
            p.split()[0]: _wrk_ms(p.split()[1]) for p in lines if p.strip()[:3] in ("50%", "99%")
        }
        requests = next(int(line.split()[0]) for line in lines if "requests in" in line)
        errors = [line.strip() for line in lines if "Non-2xx" in line or "Socket errors" in line]
        result |= {
            f"{kind}_p50_ms": round(percent["50%"], 1),
            f"{kind}_p99_ms": round(percent["99%"], 1),
            f"{kind}_requests": requests,
        }
        if errors:
            result[f"{kind}_errors"] = "; ".join(errors)
    return result


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
                    grid = {"period": str(year), "by": "agency"}  # agency × the year's months
                    (await http.get("/api/v1/stats/grid", params=grid)).raise_for_status()
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


async def _token(http: httpx.AsyncClient, username: str) -> str:
    answer = await http.post(
        "/api/v1/auth/token", data={"username": username, "password": PASSWORD}
    )
    answer.raise_for_status()
    return str(answer.json()["access_token"])


async def _actions(bases: dict[str, str], url: str, count: int) -> dict[str, object]:
    """Desk creations with receipt, one client, alternating between the server as shipped
    (``with``) and one with ``MOTCUA_STATS_ROLLUPS=false`` (``without``): the same database and
    moment for both, so the ratio of their p50 is the rollups' cost to the action. Then the worker's
    fold of every created dossier (warm-up included), timed apart (the handler's completion; it also brings back the
    dossiers created without the message, as ``motcua stats rebuild`` would)."""
    times: dict[str, list[float]] = {mode: [] for mode in bases}
    codes: list[str] = []
    clients = {mode: httpx.AsyncClient(base_url=base, timeout=60) for mode, base in bases.items()}
    try:
        headers = {
            mode: {"Authorization": f"Bearer {await _token(http, DESK_OFFICER)}"}
            for mode, http in clients.items()
        }
        body = {
            "procedure_code": "1.001193",
            "agency_code": DESK,
            "receiving_office_code": DESK,
            "applicant": {
                "name": "Trần Thị Bình",
                "id_kind": "personal_id",
                "id_number": "001199054321",
            },
            "documents": await _desk_documents(clients["with"]),
            "outcome": "receive",
            "note": "bench",
        }
        modes = list(clients)
        for turn in range(WARM_UP + count):  # each server first in every other pair
            for mode in modes if turn % 2 else modes[::-1]:
                started = time.perf_counter()
                answer = await clients[mode].post(
                    "/api/v1/dossiers", json=body, headers=headers[mode]
                )
                if turn >= WARM_UP:
                    times[mode].append(time.perf_counter() - started)
                answer.raise_for_status()
                codes.append(answer.json()["code"])
    finally:
        for http in clients.values():
            await http.aclose()
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
    with_p50, without_p50 = (statistics.median(times[m]) for m in ("with", "without"))
    return {
        "action_p50_ms": round(with_p50 * 1000, 1),
        "action_without_stats_p50_ms": round(without_p50 * 1000, 1),
        "action_ratio": round(with_p50 / without_p50, 3),
        "created": len(codes),
        "fold_p50_ms": round(statistics.median(folds) * 1000, 1) if folds else None,
    }


def _serve(url: str, **extra: str) -> tuple[subprocess.Popen[bytes], dict[str, str], str]:
    env = _env(url) | extra
    port = _free_port()
    server = subprocess.Popen(
        [
            *(str(ROOT / ".venv/bin/motcua"), "serve", "--host", "127.0.0.1"),
            *("--port", str(port), "--workers", str(API_WORKERS)),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(240):
            try:
                if client.get("/ready").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.25)
    return server, env, base


def _measure(url: str, year: int, seconds: float, actions: int) -> dict[str, object]:
    servers = {"with": _serve(url), "without": _serve(url, MOTCUA_STATS_ROLLUPS="false")}
    bases = {mode: base for mode, (_, _, base) in servers.items()}
    try:
        with httpx.Client(base_url=bases["with"], timeout=60) as client:
            token = client.post(
                "/api/v1/auth/token", data={"username": ADMIN, "password": PASSWORD}
            ).json()["access_token"]
        reads = (
            _reads_wrk(bases["with"], token, year, seconds)
            if WRK and not PYTHON_LOAD
            else asyncio.run(_reads(bases["with"], token, year, seconds))
        )
        cost = asyncio.run(_actions(bases, url, actions))
    finally:
        for server, env, _ in servers.values():
            server.terminate()
            server.wait(timeout=30)
            shutil.rmtree(env["MOTCUA_DATA_DIR"], ignore_errors=True)
    return {**reads, **cost}


async def _explain(url: str, until: date) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of every statement the province-year indicators and one month's
    summary send (as the province administrator: no agency filter), printed with its plan."""
    settings = Settings(env="test", database_url=url)  # type: ignore[arg-type]
    engine = create_engine(url, settings)
    statements: list[tuple[str, object]] = []

    def capture(conn: object, cursor: object, statement: str, params: object, *_: object) -> None:
        if "stats_" in statement and statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, params))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    today = until
    try:
        async with create_session_factory(engine)() as session:
            year = parse_period(str(until.year))
            await stats_indicators.report(session, year, today, None, None, portal_configured=True)
            month = parse_period(f"{until:%Y-%m}")
            await stats_indicators.counters(session, month, month.judged_at(today), None, None)
            await stats_summary.breakdown(
                session, month, month.judged_at(today), None, None, "agency"
            )
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
        async with engine.connect() as conn:
            for statement, params in statements:
                plan = await conn.exec_driver_sql(
                    "EXPLAIN (ANALYZE, BUFFERS) " + statement,
                    params,
                )
                print(statement, params, *(row[0] for row in plan), sep="\n", end="\n\n")
    finally:
        await engine.dispose()


def _prepared(root: Path) -> dict[str, dict[str, object]]:
    """The sizes a kept folder holds: ``{n: {"rebuild_s": …, "until": …}}``."""
    meta = root / PREPARED
    return json.loads(meta.read_text()) if meta.exists() else {}


def _database(
    server: EmbeddedPostgres, root: Path, n: int, until: date, reuse: bool
) -> tuple[str, float]:
    """The database of size ``n``: reused from a kept folder when it is there for ``until``, else
    generated and rebuilt (and recorded, so a later ``--reuse`` finds it)."""
    known = _prepared(root).get(str(n))
    if reuse and known is not None and known["until"] == str(until):
        url = server.url(f"motcua_stats_{n}")
        migrate.upgrade(url)  # kept by an older checkout: brought to this one's schema
        return url, float(str(known["rebuild_s"]))
    url, rebuild_seconds = _prepare(server, n, until)
    prepared = _prepared(root) | {str(n): {"rebuild_s": rebuild_seconds, "until": str(until)}}
    (root / PREPARED).write_text(json.dumps(prepared))
    return url, rebuild_seconds


def _growth(results: list[dict[str, object]]) -> str:
    """The largest size's latencies over the smallest's (acceptance: no growth beyond noise)."""
    if len(results) < 2:
        return ""
    small, large = results[0], results[-1]
    ratios = []
    for name in ("indicators_p50_ms", "indicators_p99_ms", "grid_p50_ms", "grid_p99_ms"):
        a, b = small.get(name), large.get(name)
        if isinstance(a, float) and isinstance(b, float) and a > 0:
            ratios.append(f"{name.removesuffix('_ms')} ×{b / a:.2f}")
    return f"growth {small['n']:,} → {large['n']:,}: " + ", ".join(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--until", default="2026-11-23")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--actions", type=int, default=200)
    folder = parser.add_mutually_exclusive_group()
    folder.add_argument(
        "--keep", metavar="DIR", help="generate + rebuild into DIR's cluster and keep it"
    )
    folder.add_argument(
        "--reuse",
        metavar="DIR",
        help="reuse the databases a --keep left in DIR (sizes not there are prepared and kept)",
    )
    parser.add_argument(
        "--prepare-only", action="store_true", help="generate + rebuild, no timed part"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print EXPLAIN (ANALYZE, BUFFERS) of the statistics' queries (no timed part)",
    )
    args = parser.parse_args()
    until = date.fromisoformat(args.until)
    kept = args.keep or args.reuse
    root = Path(kept).resolve() if kept else Path(tempfile.mkdtemp(prefix="motcua-stats-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o711)  # the server's user (as root: motcua-pg) traverses it
    server = EmbeddedPostgres(root / "data")
    server.start()
    results = []
    try:
        for n in (int(size) for size in args.sizes.split(",")):
            url, rebuild_seconds = _database(server, root, n, until, args.reuse is not None)
            result: dict[str, object] = {
                "n": n,
                "rebuild_s": round(rebuild_seconds, 1),
                # the nightly job's work (every closed month frozen); a no-op when reused frozen
                "freeze_s": round(_stats_command(url, "freeze"), 1),
            }
            if args.explain:
                asyncio.run(_explain(url, until))
            elif not args.prepare_only:
                result |= _measure(url, until.year, args.seconds, args.actions)
            print(json.dumps(result), flush=True)
            results.append(result)
    finally:
        server.stop()
        if not kept:
            shutil.rmtree(root, ignore_errors=True)
    if args.prepare_only or args.explain:
        return
    print(
        "\n| n | rebuild (s) | indicators p50/p99 (ms) | agency × month grid p50/p99 (ms) "
        "| action p50 with / without statistics (ms) | ratio | fold p50 (ms) |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['n']:,} | {r['rebuild_s']} | {r['indicators_p50_ms']} / {r['indicators_p99_ms']} "
            f"| {r['grid_p50_ms']} / {r['grid_p99_ms']} "
            f"| {r['action_p50_ms']} / {r['action_without_stats_p50_ms']} "
            f"| {r['action_ratio']} | {r['fold_p50_ms']} |"
        )
    print(_growth(results))


if __name__ == "__main__":
    main()
