"""Where one VNPay success IPN's CPU goes, in-process (issue 15, acceptance 5).

    .venv/bin/python -m bench.ipn_profile                       # 200 IPNs, CPU ms and statements each
    .venv/bin/python -m bench.ipn_profile --profile out.pstats  # and a cProfile of the IPNs

An embedded PostgreSQL gets a database made by ``bench.dossiers.generate`` (``--dossiers``); ``--n``
payments are opened as ``payments_bench`` opens them. The app is built in this process (production
settings, one VNPay terminal) and called through httpx's ASGI transport, one request at a time, so the
process CPU per request (``time.process_time``) is the API's own CPU for it, without uvicorn's HTTP
parsing. Reported per request: the IPN, a trivial GET through the same stack (``/health``), and the SQL
statements the IPN sends (counted on the engine).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event

from app.db import asyncpg_dsn
from app.embedded_pg import EmbeddedPostgres
from bench.payments_bench import TMN, _ipn_query, _open_payments
from bench.register_bench import _create

ROOT = Path(__file__).resolve().parent.parent


async def _measure(url: str, n: int, profile: str | None, sql: bool = False) -> dict[str, Any]:
    refs = await _open_payments(url, n)
    secret = secrets.token_urlsafe(32)
    data_dir = tempfile.mkdtemp(prefix="motcua-ipn-profile-")
    try:
        return await _measure_in(url, refs, secret, data_dir, profile, sql)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


async def _measure_in(
    url: str, refs: list[str], secret: str, data_dir: str, profile: str | None, sql: bool
) -> dict[str, Any]:
    n = len(refs)
    os.environ.update(
        MOTCUA_ENV="production",
        MOTCUA_SECRET_KEY=secrets.token_urlsafe(48),
        MOTCUA_DATABASE_URL=url,
        MOTCUA_DATA_DIR=data_dir,
        MOTCUA_LOG_LEVEL="WARNING",
        MOTCUA_PUBLIC_BASE_URL="http://bench",
        MOTCUA_PAYMENT_MERCHANTS=json.dumps({"vnpay": {TMN: {"hash_secret": secret}}}),
        MOTCUA_PAYMENT_AGENCY_MERCHANTS=json.dumps({"*": {"vnpay": TMN}}),
    )
    from app.config import get_settings
    from app.main import create_app

    get_settings.cache_clear()
    app = create_app(get_settings())
    statements = 0
    async with app.router.lifespan_context(app):
        shown: list[str] = []

        def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            nonlocal statements
            statements += 1
            if sql and len(shown) < 60:
                shown.append(" ".join(statement.split())[:300])

        event.listen(app.state.engine.sync_engine, "before_cursor_execute", count)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            first = 100_000_000 + (int(time.time()) % 100_000) * 1000  # numbers of this run's own
            queries = [_ipn_query(ref, secret, first + i) for i, ref in enumerate(refs)]
            warm = max(5, n // 10)
            for query in queries[:warm]:  # warm-up: compiled caches, pool, prepared statements
                await client.get(f"/api/v1/payments/vnpay/ipn?{query}")
            for _ in range(warm):
                await client.get("/health")
            if sql:  # the statements of one IPN, in order
                shown.clear()
                await client.get(f"/api/v1/payments/vnpay/ipn?{queries[warm]}")
                print("\n".join(f"{i + 1:2}. {text}" for i, text in enumerate(shown)), flush=True)
                queries = queries[:warm] + queries[warm + 1 :]
                n -= 1
            statements = 0
            profiler = cProfile.Profile() if profile else None
            errors = 0
            cpu = time.process_time()
            if profiler:
                profiler.enable()
            for query in queries[warm:]:
                answer = await client.get(f"/api/v1/payments/vnpay/ipn?{query}")
                if answer.json().get("RspCode") != "00":
                    errors += 1
            if profiler:
                profiler.disable()
                profiler.dump_stats(profile)  # type: ignore[arg-type]
            ipn_cpu = time.process_time() - cpu
            ipn_statements = statements
            cpu = time.process_time()
            for _ in range(n - warm):
                await client.get("/health")
            health_cpu = time.process_time() - cpu
    done = n - warm
    return {
        "ipns": done,
        "errors": errors,
        "ipn_cpu_ms": round(ipn_cpu * 1000 / done, 2),
        "health_cpu_ms": round(health_cpu * 1000 / done, 2),
        "statements_per_ipn": round(ipn_statements / done, 2),
    }


# where the time goes, by function (cumulative, cProfile's clock: proportions, not absolute ms)
REPORTED = (
    ("routing.py", "transactional_handler"),
    ("payments.py", "lean_callback"),
    ("callbacks.py", "handle"),
    ("callbacks.py", "_decide"),
    ("settle.py", "apply"),
    ("settle.py", "_transition"),
    ("actions.py", "perform"),
    ("overrides.py", "load_calendar"),
    ("effects.py", "unpaid_lines"),
    ("clock.py", "apply"),
    ("events.py", "record_event"),
    ("outbox.py", "enqueue_all"),
    ("session.py", "flush"),
    ("session.py", "begin_nested"),
    ("session.py", "commit"),
)


def _report(path: str, calls: int) -> None:
    stats = pstats.Stats(path)
    found: dict[str, float] = {}
    for (filename, _, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        for file_end, function in REPORTED:
            if filename.endswith(file_end) and name == function:
                key = f"{file_end}:{function}"
                found[key] = max(found.get(key, 0.0), cumulative)
    for key, seconds in found.items():
        print(f"{key:40} {seconds * 1000 / calls:7.2f} ms/IPN (profiled)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--dossiers", type=int, default=3000)
    parser.add_argument("--profile", help="write a cProfile of the measured IPNs here")
    parser.add_argument("--sql", action="store_true", help="print the SQL statements of one IPN")
    parser.add_argument("--keep", help="a folder kept for the next run (its database is reused)")
    args = parser.parse_args()
    root = Path(args.keep or tempfile.mkdtemp(prefix="motcua-ipn-profile-"))
    reuse = (root / "generated").exists()
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o711)
    pg = EmbeddedPostgres(root / "data")
    pg.start()
    try:
        url = pg.url("motcua_ipn")
        if not reuse:
            asyncio.run(_create(pg, "motcua_ipn"))
            generate = ["--prepare", "--url", asyncpg_dsn(url), "--n", str(args.dossiers)]
            generate += ["--until", date.today().isoformat()]
            subprocess.run(
                [sys.executable, "-m", "bench.dossiers.generate", *generate],
                cwd=ROOT,
                check=True,
                env={**os.environ, "MOTCUA_LOG_LEVEL": "WARNING"},
                stdout=subprocess.DEVNULL,
            )
            (root / "generated").touch()
        print(json.dumps(asyncio.run(_measure(url, args.n, args.profile, args.sql))), flush=True)
        if args.profile:
            _report(args.profile, args.n - max(5, args.n // 10))
    finally:
        pg.stop()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
