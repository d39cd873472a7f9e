"""Markdown table of a bench/dossiers/run.sh results file (medians of repeated labels).

python bench/dossiers/summary.py /tmp/motcua-bench5/results/<run>/wrk.jsonl
"""

from __future__ import annotations

import json
import statistics
import sys


def main(path: str) -> None:
    runs: dict[str, list[dict[str, float]]] = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                runs.setdefault(row["label"], []).append(row)
    print("| run | repeats | req/s (median) | runs req/s | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---|---:|---:|---:|")
    for label, rows in runs.items():
        errors = sum(
            int(r[k])
            for r in rows
            for k in ("non_2xx_3xx", "err_connect", "err_read", "err_write", "err_timeout")
        )
        spread = ", ".join(f"{r['rps']:.0f}" for r in rows)
        print(
            f"| {label} | {len(rows)} | {statistics.median(r['rps'] for r in rows):,.0f} | "
            f"{spread} | "
            f"{statistics.median(r['lat_p50_ms'] for r in rows):.2f} | "
            f"{statistics.median(r['lat_p99_ms'] for r in rows):.2f} | {errors} |"
        )


if __name__ == "__main__":
    main(sys.argv[1])
