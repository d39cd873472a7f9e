"""Gateway callbacks under load: each a write transaction (issue 15, acceptance 5).

    .venv/bin/python -m bench.payments_bench                          # 8 and 32 gateways, 2,000 each
    .venv/bin/python -m bench.payments_bench --n 40 --concurrency 4   # smoke run
    .venv/bin/python -m bench.payments_bench --api-workers 2          # two API processes

An embedded PostgreSQL (a folder of its own, removed at the end) gets a database made by
``bench.dossiers.generate`` (migrations, demo seed, dossiers); for each run, ``--n`` received dossiers
are put waiting for payment, each with a 50,000 đ fee line and an open VNPay payment covering it
(dossiers no earlier run paid; each run's IPNs carry transaction numbers of its own, since the
unique index on the provider's transaction id refuses a number twice).
A fresh ``motcua serve`` (production settings, ``--api-workers`` uvicorn workers, default one; one
VNPay terminal configured) first gets 4 IPNs per gateway, untimed (the pool's connections opened,
the statements prepared, as on a server that has been up), then receives ``--n`` distinct success IPNs, signed as VNPay signs, from
``--concurrency`` concurrent gateways (closed loop, one keep-alive connection each). Every IPN changes its payment, pays the
line, resumes the dossier (its clock too), writes the event and queues the notification, and
stores the raw callback: the whole write path. Reported: callbacks/s, p50/p99 latency, errors
(any answer but ``RspCode 00``), and CPU ms per callback of the API and of PostgreSQL (``cpu_time``).

Targets on the 2-core machine: p99 < 50 ms at 8, < 200 ms at 32, zero errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx

from app.db import asyncpg_dsn
from app.embedded_pg import EmbeddedPostgres
from app.services.payments.gateways.vnpay import secure_hash
from bench import cpu_time
from bench.register_bench import _create, _free_port

ROOT = Path(__file__).resolve().parent.parent
TMN = "BENCH001"
# BENCH_WRK=1: the timed IPNs from wrk for a duration sized from the warm-up (see _load_wrk); the
# default is the closed loop of Python clients, exact in count
WRK = shutil.which("wrk") if os.environ.get("BENCH_WRK") == "1" else None
AMOUNT = 50_000


def _tree_cpu(pid: int) -> float:
    tree = cpu_time.children()
    seen: set[int] = set()
    todo = [pid]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(tree.get(current, []))
    return sum(cpu_time.cpu_seconds(p) for p in seen)


async def _settle_down(url: str) -> None:
    """After the bulk writes that prepare a run: the tables it touches vacuumed and analysed, and a
    checkpoint, so the timed callbacks meet a database in its steady state, not the autovacuum and
    checkpoint of thousands of rows written a moment before (which a server that has been up would
    have had long ago)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        await conn.execute(
            "VACUUM (ANALYZE) payments, dossier_fee_lines, dossier_events, outbox_messages, "
            "payment_callbacks"
        )
        await conn.execute("ANALYZE dossiers")
        await conn.execute("CHECKPOINT")
    finally:
        await conn.close()


async def _open_payments(url: str, n: int) -> list[str]:
    """``n`` received dossiers never paid before put waiting for payment, each with a line and an
    open payment (a dossier an earlier run paid has resumed, and would be picked again)."""
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        ids = [
            row["id"]
            for row in await conn.fetch(
                "SELECT id FROM dossiers d WHERE status IN ('received', 'in_progress') "
                "AND current_step IS NOT NULL "
                "AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.dossier_id = d.id) "
                "ORDER BY id LIMIT $1",
                n,
            )
        ]
        if len(ids) < n:
            raise SystemExit(f"only {len(ids)} received dossiers: generate more")
        now = datetime.now(UTC)
        refs = []
        for dossier_id in ids:
            await conn.execute(
                "UPDATE dossiers SET resume_status = status, resume_step = current_step, "
                "status = 'awaiting_payment', paused_at = $2 WHERE id = $1",
                dossier_id,
                now,
            )
            line = await conn.fetchval(
                "INSERT INTO dossier_fee_lines (dossier_id, name, kind, amount, "
                "requires_confirmation, confirmed, due) VALUES ($1, 'Lệ phí', 'levy', $2, false, "
                "true, 'on_request') RETURNING id",
                dossier_id,
                AMOUNT,
            )
            ref = "MC" + secrets.token_hex(9).upper()
            await conn.execute(
                "INSERT INTO payments (id, dossier_id, provider, merchant_code, agency_code, "
                "order_ref, amount, status, fee_line_ids, expires_at) VALUES ($1, $2, 'vnpay', $3, "
                "'bench', $4, $5, 'pending', $6::jsonb, $7)",
                uuid.uuid4(),
                dossier_id,
                TMN,
                ref,
                AMOUNT,
                json.dumps([line]),
                now + timedelta(hours=1),
            )
            refs.append(ref)
        await conn.execute("VACUUM ANALYZE")
        return refs
    finally:
        await conn.close()


def _ipn_query(ref: str, secret: str, number: int) -> str:
    params = {
        "vnp_Amount": str(AMOUNT * 100),
        "vnp_BankCode": "NCB",
        "vnp_BankTranNo": f"VNP{number}",
        "vnp_CardType": "ATM",
        "vnp_OrderInfo": "Thanh toan phi le phi ho so",
        "vnp_PayDate": datetime.now(UTC).strftime("%Y%m%d%H%M%S"),
        "vnp_ResponseCode": "00",
        "vnp_TmnCode": TMN,
        "vnp_TransactionNo": str(number),
        "vnp_TransactionStatus": "00",
        "vnp_TxnRef": ref,
    }
    query = httpx.QueryParams(sorted(params.items()))
    return f"{query}&vnp_SecureHash={secure_hash(params, secret)}"


async def _load(base: str, queries: list[str], concurrency: int) -> tuple[list[float], int]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for query in queries:
        queue.put_nowait(query)
    latencies: list[float] = []
    errors = 0

    async def gateway() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            while not queue.empty():
                query = queue.get_nowait()
                started = time.perf_counter()
                answer = await client.get(f"/api/v1/payments/vnpay/ipn?{query}")
                latencies.append(time.perf_counter() - started)
                if answer.status_code != 200 or answer.json().get("RspCode") != "00":
                    errors += 1

    await asyncio.gather(*(gateway() for _ in range(concurrency)))
    return latencies, errors


def _run(
    url: str, pg_pid: int, n: int, concurrency: int, workers: int, first_txn: int, pool: int = 0
) -> dict[str, object]:
    warm = 4 * concurrency  # untimed first: the pool's connections opened, statements prepared
    spare = 2 * n if WRK else 0  # wrk runs for a time: more fresh IPNs than it can send in it
    refs = asyncio.run(_open_payments(url, warm + n + spare))
    asyncio.run(_settle_down(url))
    secret = secrets.token_urlsafe(32)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    data_dir = tempfile.mkdtemp(prefix="motcua-payments-data-")
    env = {
        **os.environ,
        "MOTCUA_ENV": "production",
        "MOTCUA_SECRET_KEY": secrets.token_urlsafe(48),
        "MOTCUA_DATABASE_URL": url,
        "MOTCUA_DATA_DIR": data_dir,
        "MOTCUA_LOG_LEVEL": "WARNING",
        # per worker: one connection per gateway it may serve at once, unless --pool-size says
        "MOTCUA_DB_POOL_SIZE": str(pool or max(-(-concurrency // workers), 10)),
        "MOTCUA_PUBLIC_BASE_URL": base,
        "MOTCUA_PAYMENT_MERCHANTS": json.dumps({"vnpay": {TMN: {"hash_secret": secret}}}),
        "MOTCUA_PAYMENT_AGENCY_MERCHANTS": json.dumps({"*": {"vnpay": TMN}}),
    }
    server = subprocess.Popen(
        [
            *(str(ROOT / ".venv/bin/motcua"), "serve", "--host", "127.0.0.1", "--port", str(port)),
            *("--workers", str(workers)),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with httpx.Client(base_url=base, timeout=10) as client:
            for _ in range(240):
                try:
                    if client.get("/ready").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.25)
        queries = [_ipn_query(ref, secret, first_txn + i) for i, ref in enumerate(refs)]
        started = time.perf_counter()
        asyncio.run(_load(base, queries[:warm], concurrency))
        queries = queries[warm:]
        api_before, db_before = _tree_cpu(server.pid), _tree_cpu(pg_pid)
        if WRK:
            # about n callbacks at 250/s: wrk runs for a duration, not a count (the 3 n fresh IPNs
            # prepared last up to 750/s; the warm-up's rate, cold, is no guide)
            seconds = max(3, round(n / 250))
            measured = _load_wrk(base, queries, seconds, concurrency)
        else:
            started = time.perf_counter()
            latencies, errors = asyncio.run(_load(base, queries, concurrency))
            measured = _measured(latencies, errors, time.perf_counter() - started)
        api_cpu, db_cpu = _tree_cpu(server.pid) - api_before, _tree_cpu(pg_pid) - db_before
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
    answered = int(str(measured["callbacks"]))
    return {
        "concurrency": concurrency,
        "api_workers": workers,
        "pool": int(env["MOTCUA_DB_POOL_SIZE"]),
        **measured,
        "api_cpu_ms": round(api_cpu * 1000 / answered, 2),
        "db_cpu_ms": round(db_cpu * 1000 / answered, 2),
    }


def _measured(latencies: list[float], errors: int, seconds: float) -> dict[str, object]:
    latencies.sort()
    return {
        "load": "httpx",
        "callbacks": len(latencies),
        "per_second": round(len(latencies) / seconds, 1),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 1),
        "errors": errors,
    }


def _load_wrk(base: str, queries: list[str], seconds: int, concurrency: int) -> dict[str, object]:
    """The timed IPNs from wrk (C, as the performance floor's harness: a gateway is not on our machine,
    and a Python load generator would take a third of the 2 cores): ``concurrency`` connections for
    ``seconds``, one fresh signed IPN per request (``ipn.lua``). wrk runs for a duration, not a
    count: if it sends more than the fresh IPNs prepared (3 × n), the rest are duplicates and show as
    errors — then the run says nothing and must be repeated with a larger ``--n``."""
    assert WRK is not None
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("".join(f"/api/v1/payments/vnpay/ipn?{q}\n" for q in queries))
    try:
        run = subprocess.run(
            [
                *(WRK, "-t1", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "10s"),
                *("-s", str(ROOT / "bench/ipn.lua"), base, "--", listing.name),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(listing.name)
    found = json.loads(run.stdout.strip().splitlines()[-1])
    return {
        "load": "wrk",
        "callbacks": found["answered"],
        "per_second": round(found["answered"] / found["seconds"], 1),
        "p50_ms": round(found["p50_us"] / 1000, 1),
        "p99_ms": round(found["p99_us"] / 1000, 1),
        "errors": found["failed"] + found["socket_errors"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="callbacks per run")
    parser.add_argument("--concurrency", default="8,32")
    parser.add_argument("--dossiers", type=int, default=0, help="generated (default 3 x n x runs)")
    parser.add_argument("--api-workers", type=int, default=1, help="uvicorn workers of the API")
    parser.add_argument(
        "--pool-size",
        type=int,
        default=0,
        help="database connections per API worker (default: one per gateway, at least 10)",
    )
    args = parser.parse_args()
    runs = [int(c) for c in args.concurrency.split(",")]
    root = Path(tempfile.mkdtemp(prefix="motcua-payments-bench-"))
    root.chmod(0o711)  # the server's user (as root: motcua-pg) traverses it
    pg = EmbeddedPostgres(root / "data")
    pg.start()
    results = []
    try:
        asyncio.run(_create(pg, "motcua_payments"))
        url = pg.url("motcua_payments")
        total = args.dossiers or 3 * args.n * len(runs)
        generate = ["--prepare", "--url", asyncpg_dsn(url), "--n", str(total)]
        generate += ["--until", date.today().isoformat()]
        subprocess.run(
            [sys.executable, "-m", "bench.dossiers.generate", *generate],
            cwd=ROOT,
            check=True,
            env={**os.environ, "MOTCUA_LOG_LEVEL": "WARNING"},
            stdout=subprocess.DEVNULL,
        )
        pg_pid = int((root / "data" / "postmaster.pid").read_text().split()[0])
        for index, concurrency in enumerate(runs):
            # VNPay transaction numbers of this run's own: the unique index refuses a repeated one
            first_txn = 10_000_000 + index * (args.n + 1000)  # n + the warm-up
            result = _run(
                url, pg_pid, args.n, concurrency, args.api_workers, first_txn, args.pool_size
            )
            print(json.dumps(result), flush=True)
            results.append(result)
    finally:
        pg.stop()
        shutil.rmtree(root, ignore_errors=True)
    print(
        "\n| gateways | API workers | pool | callbacks | /s | p50 ms | p99 ms | errors | API CPU ms "
        "| DB CPU ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['concurrency']} | {r['api_workers']} | {r['pool']} | {r['callbacks']} "
            f"| {r['per_second']} "
            f"| {r['p50_ms']} "
            f"| {r['p99_ms']} | {r['errors']} | {r['api_cpu_ms']} | {r['db_cpu_ms']} |"
        )


if __name__ == "__main__":
    main()
