"""Closed-loop HTTP load on GET /api/v1/procedures: C clients, each with one keep-alive connection.

Queries are drawn (seeded) from the generated catalog: unaccented, capitalised and partial words,
some with filters. Prints one JSON line: requests, req/s, p50/p90/p99 ms, errors.

    python bench/search_load.py --url http://127.0.0.1:8765 --catalog /tmp/bench-catalog.json \
        --clients 16 --duration 30 --warmup 5
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import unicodedata
from pathlib import Path
from urllib.parse import urlencode, urlsplit


def fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def make_queries(catalog: dict, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    procedures = catalog["procedures"]
    agencies = sorted({a["agency"] for a in catalog["applications"]})
    fields = [f["code"] for f in catalog["fields"]]
    paths = []
    for _ in range(count):
        words = rng.choice(procedures)["name"].split()
        start = rng.randrange(0, max(1, len(words) - 2))
        picked = words[start : start + rng.randint(1, 4)]
        style = rng.random()
        if style < 0.4:
            picked = [fold(w).lower() for w in picked]  # no accents
        elif style < 0.6:
            picked = [w.upper() for w in picked]  # all capitals
        if rng.random() < 0.5 and len(picked[-1]) > 3:  # partial last word
            picked[-1] = picked[-1][: rng.randint(2, len(picked[-1]) - 1)]
        params = {"q": " ".join(picked)}
        roll = rng.random()
        if roll < 0.15:
            params["field"] = rng.choice(fields)
        elif roll < 0.25:
            params["agency"] = rng.choice(agencies)
        elif roll < 0.35:
            params["online"] = rng.choice(["full", "partial"])
        if rng.random() < 0.1:
            params["page"] = str(rng.randint(2, 5))
        paths.append("/api/v1/procedures?" + urlencode(params))
    return paths


async def client(
    host: str, port: int, paths: list[str], stop: float, out: list[float], errors: list[str]
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    i = random.randrange(len(paths))
    try:
        while time.perf_counter() < stop:
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode()
            )
            status = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            elapsed = time.perf_counter() - started
            if b" 200 " not in status:
                errors.append(status.decode("latin-1").strip())
            out.append(elapsed)
    finally:
        writer.close()


async def run(
    url: str, paths: list[str], clients: int, seconds: float
) -> tuple[list[float], list[str], float]:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    stop = started + seconds
    await asyncio.gather(
        *(client(host, port, paths, stop, latencies, errors) for _ in range(clients))
    )
    return latencies, errors, time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--catalog", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--queries", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = make_queries(
        json.loads(args.catalog.read_text(encoding="utf-8")), args.queries, args.seed
    )
    warmup_requests = 0
    if args.warmup:
        warmup_requests = len(asyncio.run(run(args.url, paths, args.clients, args.warmup))[0])
    cpu_started = time.process_time()
    latencies, errors, elapsed = asyncio.run(run(args.url, paths, args.clients, args.duration))
    client_cpu = time.process_time() - cpu_started
    result = {
        "clients": args.clients,
        "duration_s": round(elapsed, 1),
        "requests": len(latencies),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p90_ms": round(percentile(latencies, 0.90), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1),
        "errors": len(errors),
        "warmup_requests": warmup_requests,
        "client_cpu_ms_per_request": round(client_cpu * 1000 / max(1, len(latencies)), 2),
    }
    print("RESULT " + json.dumps(result))
    if errors:
        print(f"first error: {errors[0]}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
