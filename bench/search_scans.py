"""How many searches the database has run: scans of the search GIN index (``pg_stat_user_indexes``).

Every search statement the API sends scans ``ix_procedures_search_vector`` once (a page past the end
sends a second, counting statement); a page served from the search cache scans nothing. ``run.sh``
reads it around the load: ``1 - scans / requests`` is the cache hit ratio (a lower bound).

    python bench/search_scans.py postgresql://postgres@/motcua?host=/tmp/motcua-catalog-bench/pg
"""

from __future__ import annotations

import asyncio
import sys

import asyncpg

SQL = "SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'ix_procedures_search_vector'"


async def main(dsn: str) -> None:
    await asyncio.sleep(11)  # idle backends report their statistics within 10 s (PostgreSQL 15+)
    conn = await asyncpg.connect(dsn)
    try:
        print(await conn.fetchval(SQL))
    finally:
        await conn.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
