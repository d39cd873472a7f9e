"""The database alone: the exact search statement the API runs, 16 concurrent asyncpg connections.

Compiles ``catalog_search.procedure_search_query`` for the same seeded queries as ``search_load.py`` and
runs them without HTTP or the ORM, so the API's own cost is the difference to the HTTP numbers.

    python bench/db_only.py --dsn postgresql://postgres@/motcua?host=... --catalog catalog.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import asyncpg
from sqlalchemy.dialects import postgresql

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.models.procedure import OnlineLevel
from app.services.catalog.reads import PageRequest
from app.services.catalog.search import ProcedureFilter, procedure_search_query
from bench.search_load import make_queries, percentile


def statement(path: str) -> tuple[str, list[object]] | None:
    params = dict(parse_qsl(urlsplit(path).query))
    filters = ProcedureFilter(
        q=params.get("q"),
        agency=params.get("agency"),
        field=params.get("field"),
        online=OnlineLevel(params["online"]) if "online" in params else None,
    )
    query = procedure_search_query(filters, PageRequest(page=int(params.get("page", 1))))
    if query is None:
        return None
    compiled = query.bound().compile(dialect=postgresql.asyncpg.dialect())
    positional = [compiled.params[name] for name in compiled.positiontup or []]
    return str(compiled), positional


async def worker(
    pool: asyncpg.Pool, work: list[tuple[str, list[object]]], stop: float, out: list[float]
) -> None:
    i = len(out) * 7919
    async with pool.acquire() as conn:
        while time.perf_counter() < stop:
            sql, args = work[i % len(work)]
            i += 1
            started = time.perf_counter()
            await conn.fetch(sql, *args)
            out.append(time.perf_counter() - started)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--catalog", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=20)
    args = parser.parse_args()
    paths = make_queries(json.loads(args.catalog.read_text(encoding="utf-8")), 5000, 7)
    work = [s for s in map(statement, paths) if s is not None]
    pool = await asyncpg.create_pool(args.dsn, min_size=args.clients, max_size=args.clients)
    latencies: list[float] = []
    started = time.perf_counter()
    stop = started + args.duration
    await asyncio.gather(*(worker(pool, work, stop, latencies) for _ in range(args.clients)))
    elapsed = time.perf_counter() - started
    await pool.close()
    result = {
        "clients": args.clients,
        "requests": len(latencies),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.5), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
    }
    print("RESULT_DB " + json.dumps(result))


if __name__ == "__main__":
    asyncio.run(main())
