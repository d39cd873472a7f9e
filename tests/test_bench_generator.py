"""The benchmarks' data generator still fits the schema and the services it calls.

``bench/dossiers/generate.py`` writes dossiers with COPY and resolves routes through the submission
service; a changed column or signature would only show when someone next ran a benchmark. A tiny run
here (migrate, demo seed, 60 dossiers) keeps it honest.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

import asyncpg
import pytest

from tests.conftest import PgServer

ROOT = Path(__file__).resolve().parent.parent


async def _count(dsn: str) -> int:
    conn = await asyncpg.connect(dsn)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM dossiers"))
    finally:
        await conn.close()


@pytest.mark.usefixtures("migrated_template")
def test_the_generator_fills_a_fresh_database(pg_server: PgServer) -> None:
    name = f"motcua_gen_{uuid.uuid4().hex[:8]}"
    pg_server.admin(f'CREATE DATABASE "{name}"')
    arguments = ["--url", pg_server.dsn(name), "--n", "60", "--until", "2026-11-23"]
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.dossiers.generate", "--prepare", *arguments],
            cwd=ROOT,
            env={**os.environ, "MOTCUA_LOG_LEVEL": "WARNING"},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        assert asyncio.run(_count(pg_server.dsn(name))) == 60
    finally:
        pg_server.drop(name)
