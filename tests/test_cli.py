"""The commands the image runs, run for real as subprocesses: migrate, create-user, serve, demo."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from jose import JWTError, jwt
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import PLACEHOLDER_SECRET
from app.embedded_pg import STATE_ROOT, EmbeddedPostgres
from app.services.system import health as health_service
from tests.conftest import PgServer

STRONG_SECRET = "p" * 48


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_")}
    env.update(extra)
    return env


def motcua(
    *args: str, env: dict[str, str], input: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def wait_ready(base: str, proc: subprocess.Popen[str], timeout: float = 60) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(
                f"server exited early: {proc.stderr.read() if proc.stderr else ''}"
            )
        try:
            response = httpx.get(f"{base}/ready", timeout=2)
            if response.status_code == 200:
                return response
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError("server not ready in time")


@pytest.fixture
def serve_process() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_migrate_then_serve_against_a_database_url(
    pg_server: PgServer, serve_process: list[subprocess.Popen[str]]
) -> None:
    name = f"motcua_cli_{uuid.uuid4().hex[:8]}"
    pg_server.admin(f'CREATE DATABASE "{name}"')
    try:
        env = clean_env(
            MOTCUA_ENV="production",
            MOTCUA_DATABASE_URL=pg_server.url(name),
            MOTCUA_SECRET_KEY=STRONG_SECRET,
            MOTCUA_PROVINCE_ROOT_AGENCY="000.00.00.H99",
        )
        migrated = motcua("migrate", env=env)
        assert migrated.returncode == 0, migrated.stderr
        created = motcua(
            "create-user",
            "--username",
            "QuanTri",
            "--full-name",
            "Quản trị tỉnh",
            "--role",
            "000.00.00.H99:admin",
            "--password-stdin",
            env=env,
            input="mot-mat-khau-dai\n",
        )
        assert created.returncode == 0, created.stderr
        bad_role = motcua(
            "create-user", "--username", "x", "--full-name", "X", "--role", "nope",
            "--password-stdin", env=env, input="mot-mat-khau-dai\n",
        )  # fmt: skip
        assert bad_role.returncode != 0

        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        serve_process.append(proc)
        base = f"http://127.0.0.1:{port}"
        ready = wait_ready(base, proc)
        assert ready.json()["checks"] == {"database": "ok", "migrations": "ok"}
        token = httpx.post(
            f"{base}/api/v1/auth/token",
            data={"username": "quantri", "password": "mot-mat-khau-dai"},
        )
        assert token.status_code == 200
        # the first administrator is the province's; their creation is in the audit log
        audit = httpx.get(
            f"{base}/api/v1/admin/audit",
            headers={"Authorization": f"Bearer {token.json()['access_token']}"},
        )
        assert audit.status_code == 200, audit.text
        [entry] = audit.json()["items"]
        assert (entry["action"], entry["target_key"]) == ("user.create", "quantri")
        assert entry["actor_username"].startswith("cli:")
        # production mode has no demo accounts
        demo = httpx.post(
            f"{base}/api/v1/auth/token", data={"username": "admin", "password": "motcua-demo-2026"}
        )
        assert demo.status_code == 401
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    finally:
        pg_server.drop(name)


async def test_ready_is_503_when_migrations_are_behind(pg_server: PgServer) -> None:
    name = f"motcua_empty_{uuid.uuid4().hex[:8]}"
    pg_server.admin(f'CREATE DATABASE "{name}"')
    engine = create_async_engine(pg_server.url(name))
    try:
        state = await health_service.readiness(engine, health_service.alembic_heads())
        assert not state.ready
        assert state.checks == {"database": "ok", "migrations": "missing"}
    finally:
        await engine.dispose()
        pg_server.drop(name)


async def test_ready_is_503_when_database_unreachable() -> None:
    engine = create_async_engine("postgresql+asyncpg://nobody@/motcua?host=/nonexistent-socket-dir")
    try:
        state = await health_service.readiness(engine, health_service.alembic_heads())
        assert not state.ready
        assert state.checks["database"] == "unreachable"
    finally:
        await engine.dispose()


def test_demo_starts_embedded_and_a_second_start_reuses_the_data(
    tmp_path: Path, serve_process: list[subprocess.Popen[str]]
) -> None:
    env = clean_env(
        MOTCUA_DATA_DIR=str(tmp_path / "demo-data"), MOTCUA_EMBEDDED_FAST="1", MOTCUA_DEV_ISSUER="1"
    )
    tokens = []
    for _ in range(2):
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--demo", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        serve_process.append(proc)
        base = f"http://127.0.0.1:{port}"
        wait_ready(base, proc, timeout=90)
        assert httpx.get(f"{base}/docs").status_code == 200
        login = httpx.post(
            f"{base}/api/v1/auth/token", data={"username": "admin", "password": "motcua-demo-2026"}
        )
        assert login.status_code == 200
        token = login.json()["access_token"]
        tokens.append(token)
        # the first start's token is still good: the data folder's secret was kept
        me = httpx.get(f"{base}/api/v1/auth/me", headers={"Authorization": f"Bearer {tokens[0]}"})
        assert me.status_code == 200
        users = httpx.get(
            f"{base}/api/v1/admin/agencies/000.00.01.H99/users",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert users.status_code == 200
        assert sorted(u["username"] for u in users.json()) == ["admin", "tiepnhan"]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        assert proc.stderr is not None
        assert "WARNING: the development issuer is on" in proc.stderr.read()
    # the cluster persists where the demo keeps it (relocated when the server's user cannot reach
    # pytest's private folder as root: app/embedded_pg.py)
    embedded = EmbeddedPostgres(tmp_path / "demo-data" / "pgdata")
    cluster = embedded.locate()
    assert (cluster / "PG_VERSION").exists()
    embedded.stop()
    if cluster.is_relative_to(STATE_ROOT):  # a relocated cluster is not under tmp_path: remove it
        shutil.rmtree(cluster.parent)
    # signed with the folder's own random secret (0600), not the public placeholder
    secret_file = tmp_path / "demo-data" / "secret-key"
    assert secret_file.stat().st_mode & 0o777 == 0o600
    secret = secret_file.read_text().strip()
    assert len(secret) >= 32
    jwt.decode(tokens[0], secret, algorithms=["HS256"], options={"verify_aud": False})
    with pytest.raises(JWTError):
        jwt.decode(
            tokens[0], PLACEHOLDER_SECRET, algorithms=["HS256"], options={"verify_aud": False}
        )


def test_demo_refuses_a_lan_host_without_allow_lan(tmp_path: Path) -> None:
    env = clean_env(MOTCUA_DATA_DIR=str(tmp_path / "demo-data"))
    result = motcua("serve", "--demo", "--host", "0.0.0.0", env=env)  # noqa: S104
    assert result.returncode != 0
    assert "--allow-lan" in result.stderr
    assert not (tmp_path / "demo-data").exists()  # refused before anything started
