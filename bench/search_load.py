"""Closed-loop HTTP load on GET /api/v1/procedures: C clients, each with one keep-alive connection.

Queries are generated (seeded) from the catalog: unaccented, capitalised and partial words, some
with filters. Which query a client sends next follows a Zipf law over the 5,000 (``--zipf S``: the
k-th query is asked with a probability proportional to 1/k^S, seeded per client; S=1 by default,
like real search logs: a province's citizens look for the same few hundred procedures, the top
100 queries are 57 % of the traffic, the top 1,000 82 %). ``--zipf 0`` is the old uniform load:
each client walks the 5,000 in order from a random start. Prints one JSON line: requests, req/s,
p50/p90/p99 ms, errors, and the share of requests whose query had already been sent (``repeat``).

    python bench/search_load.py --url http://127.0.0.1:8765 --catalog /tmp/bench-catalog.json \
        --clients 16 --duration 30 --warmup 5 --zipf 1
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import itertools
import json
import random
import statistics
import sys
import time
import unicodedata
from collections.abc import Iterator
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


def picker(count: int, zipf: float, seed: int) -> Iterator[int]:
    """Indexes into the queries: Zipf(``zipf``) draws, or with 0 a walk from a random start."""
    rng = random.Random(seed)
    if zipf <= 0:
        return itertools.count(rng.randrange(count))
    cumulative = list(itertools.accumulate(1 / (k**zipf) for k in range(1, count + 1)))
    return (bisect.bisect(cumulative, rng.random() * cumulative[-1]) for _ in itertools.count())


async def client(
    host: str,
    port: int,
    paths: list[str],
    picks: Iterator[int],
    stop: float,
    out: list[float],
    errors: list[str],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < stop:
            path = paths[next(picks) % len(paths)]
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
    url: str, paths: list[str], pickers: list[Iterator[int]], seconds: float
) -> tuple[list[float], list[str], float]:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    latencies: list[float] = []
    errors: list[str] = []
    started = time.perf_counter()
    stop = started + seconds
    await asyncio.gather(
        *(client(host, port, paths, picks, stop, latencies, errors) for picks in pickers)
    )
    return latencies, errors, time.perf_counter() - started


def recording(picks: Iterator[int], paths: list[str], sent: set[str]) -> Iterator[int]:
    for i in picks:
        sent.add(paths[i % len(paths)])
        yield i


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
    parser.add_argument("--zipf", type=float, default=1.0, help="0: uniform walk")
    args = parser.parse_args()
    paths = make_queries(
        json.loads(args.catalog.read_text(encoding="utf-8")), args.queries, args.seed
    )
    sent: set[str] = set()  # every path sent, to count repeats
    pickers = [
        recording(picker(len(paths), args.zipf, args.seed * 1000 + i), paths, sent)
        for i in range(args.clients)
    ]
    warmup_requests = 0
    if args.warmup:
        warmup_requests = len(asyncio.run(run(args.url, paths, pickers, args.warmup))[0])
    before = len(sent)
    cpu_started = time.process_time()
    latencies, errors, elapsed = asyncio.run(run(args.url, paths, pickers, args.duration))
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
        "zipf": args.zipf,
        "distinct_queries_sent": len(sent),
        # measured run: share of requests whose query had been sent before (warm-up included)
        "repeat": round(1 - (len(sent) - before) / max(1, len(latencies)), 3),
        "client_cpu_ms_per_request": round(client_cpu * 1000 / max(1, len(latencies)), 2),
    }
    print("RESULT " + json.dumps(result))
    if errors:
        print(f"first error: {errors[0]}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
