"""CPU seconds (user + system) used so far by processes and all their descendants, from /proc.

    python bench/cpu_time.py PID [PID ...]     # prints one number

``run.sh`` reads it for the API server and the PostgreSQL postmaster before and after the load: the
CPU per request is what the machine's cores must supply, whatever else runs on them, so it stays
comparable between runs on a shared machine where latencies do not.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return tree


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def main() -> None:
    tree = children()
    seen: set[int] = set()
    todo = [int(arg) for arg in sys.argv[1:]]
    while todo:
        pid = todo.pop()
        if pid not in seen:
            seen.add(pid)
            todo.extend(tree.get(pid, []))
    print(f"{sum(cpu_seconds(pid) for pid in seen):.2f}")


if __name__ == "__main__":
    main()
