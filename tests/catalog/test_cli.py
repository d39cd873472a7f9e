"""``motcua catalog import/export`` as real subprocesses on a committed database; demo start."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select

from app.cli.main import main as cli_main
from app.config import get_settings
from app.db import create_engine, create_session_factory
from app.demo import seed as demo_service
from app.models.procedure import Procedure
from app.models.user import User
from tests.catalog.sample import sample_catalog
from tests.conftest import TEST_SECRET, make_settings

MOTCUA = str(Path(sys.executable).with_name("motcua"))


def _env(url: str) -> dict[str, str]:
    return {"MOTCUA_ENV": "test", "MOTCUA_DATABASE_URL": url, "MOTCUA_SECRET_KEY": TEST_SECRET}


def _run(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed ``motcua`` command in its own process."""
    return subprocess.run(
        [MOTCUA, "catalog", *args],
        capture_output=True,
        text=True,
        env=os.environ | _env(url),
        timeout=120,
        check=False,
    )


def _invoke(url: str, *args: str) -> Result:
    """The same command in-process (faster than a subprocess on a busy machine)."""
    return CliRunner().invoke(cli_main, ["catalog", *args], env=_env(url))


def _count_procedures(url: str) -> int:
    async def count() -> int:
        engine = create_engine(url, make_settings(url))
        try:
            async with create_session_factory(engine)() as session:
                return int(await session.scalar(select(func.count()).select_from(Procedure)) or 0)
        finally:
            await engine.dispose()

    return asyncio.run(count())


def test_import_twice_in_a_subprocess(clone_database: Callable[[], str], tmp_path: Path) -> None:
    url = clone_database()
    source = tmp_path / "catalog.json"
    source.write_text(json.dumps(sample_catalog(), ensure_ascii=False), encoding="utf-8")

    first = _run(url, "import", str(source), "--report", str(tmp_path / "report.json"))
    assert first.returncode == 0, first.stderr
    assert "31 rows changed, 0 rejected" in first.stderr
    assert json.loads((tmp_path / "report.json").read_text())["counts"]["procedures"] == {
        "created": 12
    }
    second = _run(url, "import", str(source))
    assert second.returncode == 0, second.stderr
    assert "0 rows changed, 0 rejected" in second.stderr
    assert _count_procedures(url) == 12


def test_dry_run_export_and_csv(clone_database: Callable[[], str], tmp_path: Path) -> None:
    url = clone_database()
    source = tmp_path / "catalog.json"
    source.write_text(json.dumps(sample_catalog(), ensure_ascii=False), encoding="utf-8")
    dry = _invoke(url, "import", str(source), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "dry run, nothing saved: 31 rows changed" in dry.stderr
    assert _count_procedures(url) == 0
    assert _invoke(url, "import", str(source)).exit_code == 0

    exported = _invoke(url, "export", "-o", str(tmp_path / "out.json"))
    assert exported.exit_code == 0, exported.output
    assert "0 rows changed" in _invoke(url, "import", str(tmp_path / "out.json")).stderr

    csv_out = _invoke(url, "export", "--format", "csv", "--section", "agencies")
    assert csv_out.stdout.splitlines()[0].startswith("code,name,kind,parent,unit,")
    (tmp_path / "agencies.csv").write_text(
        csv_out.stdout
        + "000.50.00.H99,UBND xã Năm,commune_people_committee,,31,true,2025-07-01,,\n"
        + "000.51.00.H99,,commune_people_committee,,31,true,2025-07-01,,\n",
        encoding="utf-8",
    )
    csv_in = _invoke(url, "import", str(tmp_path / "agencies.csv"), "--section", "agencies")
    assert csv_in.exit_code == 1  # one row rejected, the rest imported
    assert "agencies: created 1, rejected 1, unchanged 5" in csv_in.stderr
    assert "rejected agencies[6] 000.51.00.H99: name:" in csv_in.stderr

    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    broken = _invoke(url, "import", str(tmp_path / "broken.json"))
    assert broken.exit_code == 1
    assert "not valid JSON" in broken.stderr


def test_demo_start_loads_the_catalog_once(
    clone_database: Callable[[], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = clone_database()
    monkeypatch.setenv("MOTCUA_ENV", "test")
    monkeypatch.setenv("MOTCUA_DATABASE_URL", url)
    get_settings.cache_clear()
    source = tmp_path / "catalog.json"
    source.write_text(json.dumps(sample_catalog(), ensure_ascii=False), encoding="utf-8")
    asyncio.run(demo_service.seed(url, catalog_file=source))
    asyncio.run(demo_service.seed(url, catalog_file=source))  # idempotent
    asyncio.run(demo_service.seed(url, catalog_file=tmp_path / "absent.json"))
    assert _count_procedures(url) == 12

    async def users() -> int:
        engine = create_engine(url, make_settings(url))
        try:
            async with create_session_factory(engine)() as session:
                return int(await session.scalar(select(func.count()).select_from(User)) or 0)
        finally:
            await engine.dispose()

    assert asyncio.run(users()) == len(demo_service.demo_accounts()["accounts"])
    get_settings.cache_clear()
