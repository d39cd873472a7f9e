"""The benchmarks' data generator still fits the schema and the services it calls.

``bench/dossiers/generate.py`` writes dossiers with COPY and resolves routes through the submission
service; a changed column or signature would only show when someone next ran a benchmark. A tiny run
here (migrate, demo seed, 60 dossiers) keeps it honest.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import asyncpg
import pytest

from tests.conftest import PgServer

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.usefixtures("migrated_template")
async def test_the_generator_fills_a_fresh_database(pg_server: PgServer) -> None:
    name = f"motcua_gen_{uuid.uuid4().hex[:8]}"
    pg_server.admin(f'CREATE DATABASE "{name}"')
    try:
        done = subprocess.run(  # noqa: ASYNC221 - a test waiting for the generator, on purpose
            [
                *(sys.executable, "-m", "bench.dossiers.generate", "--prepare"),
                *("--url", pg_server.dsn(name), "--n", "60", "--until", "2026-11-23"),
            ],
            cwd=ROOT,
            env={**os.environ, "MOTCUA_LOG_LEVEL": "WARNING"},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        conn = await asyncpg.connect(pg_server.dsn(name))
        try:
            assert await conn.fetchval("SELECT count(*) FROM dossiers") == 60
        finally:
            await conn.close()
    finally:
        pg_server.drop(name)
