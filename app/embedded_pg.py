"""Embedded PostgreSQL for demo mode and tests.

The binaries come from the ``pgserver`` wheel when it is installed (CPython 3.9-3.12), otherwise from a
PostgreSQL installation on PATH (e.g. Linux on ARM, where no wheel exists). The server listens on a
Unix socket inside its data folder only, so several instances never fight over a TCP port. The cluster is
created with the C locale and UTF-8, exactly the conditions our migrations must survive.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PG_OS_USER = "motcua-pg"  # postgres refuses to run as root; we run it as this system user then
DATABASE_NAME = "motcua"


class EmbeddedPostgresError(RuntimeError):
    pass


def find_bin_dir() -> Path:
    """Where initdb/pg_ctl live: the pgserver wheel first, then PATH and Debian's layout."""
    try:
        with warnings.catch_warnings():  # platformdirs warns about XDG_RUNTIME_DIR on import
            warnings.simplefilter("ignore")
            from pgserver._commands import POSTGRES_BIN_PATH

        return Path(POSTGRES_BIN_PATH)
    except ImportError:
        pass
    candidates: list[Path] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        if out.returncode == 0:
            candidates.append(Path(out.stdout.strip()))
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True
    )
    candidates.extend(debian)
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    raise RuntimeError(
        "No PostgreSQL binaries: install the 'embedded' extra (pgserver) or PostgreSQL itself, "
        "or set MOTCUA_DATABASE_URL"
    )


def _running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


# As root, PostgreSQL runs as PG_OS_USER, which may not be able to reach a checkout under a private
# folder (``mktemp -d`` makes them 0700). Rather than loosen folders that are not ours, the binaries
# are copied once to a world-traversable cache and the cluster lives in a state folder of its own.
BIN_CACHE = Path("/var/cache/motcua-pg")
STATE_ROOT = Path("/var/lib/motcua-pg")


def _reachable_by_pg_user(path: Path) -> bool:
    """Whether PG_OS_USER can use ``path``: run it (a binary) or enter it (a folder), which also
    needs every parent traversable, as that user sees it."""
    probe = subprocess.run(
        ["test", "-x", str(path)],
        check=False,
        user=PG_OS_USER,
        group=PG_OS_USER,
        extra_groups=[],
    )
    return probe.returncode == 0


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _reachable_bin_dir(bin_dir: Path) -> Path:
    """``bin_dir``, or a copy PG_OS_USER can reach of its installation (bin, lib, share) and of the
    libraries a wheel vendors beside its package (``pgserver.libs``: the binaries find them through
    a relative RPATH, so the copy keeps the layout)."""
    if _reachable_by_pg_user(bin_dir / "initdb"):
        return bin_dir
    install = bin_dir.parent  # .../site-packages/pgserver/pginstall
    root = install.parent.parent  # the folder holding the package and its vendored libraries
    relative = install.relative_to(root)
    stamp = f"{install}:{(bin_dir / 'postgres').stat().st_mtime_ns}"
    target = BIN_CACHE / _digest(stamp)
    if not (target / relative / "bin" / "initdb").exists():
        BIN_CACHE.mkdir(parents=True, exist_ok=True)
        BIN_CACHE.chmod(0o755)
        staging = Path(tempfile.mkdtemp(prefix="copy-", dir=BIN_CACHE))
        shutil.copytree(install, staging / relative, symlinks=True)
        for vendored in root.glob(f"{install.parent.name}.libs"):
            shutil.copytree(vendored, staging / vendored.name, symlinks=True)
        for folder in (staging, *staging.rglob("*")):
            if folder.is_dir():
                folder.chmod(0o755)
        try:
            staging.rename(target)
        except OSError:  # another process copied it first
            shutil.rmtree(staging, ignore_errors=True)
        log.info("embedded_pg_binaries_copied", extra={"to": str(target)})
    return target / relative / "bin"


def _reachable_data_dir(data_dir: Path) -> Path:
    """``data_dir``, or a folder of the same name's own under STATE_ROOT that PG_OS_USER can reach
    (chosen by the requested path, so a restart finds the same cluster)."""
    if _reachable_by_pg_user(data_dir.parent):
        return data_dir
    STATE_ROOT.mkdir(parents=True, exist_ok=True)
    STATE_ROOT.chmod(0o755)
    target = STATE_ROOT / _digest(str(data_dir)) / data_dir.name
    target.parent.mkdir(exist_ok=True)
    target.parent.chmod(0o755)
    log.info("embedded_pg_relocated", extra={"requested": str(data_dir), "data_dir": str(target)})
    return target


def _ensure_os_user() -> None:
    import pwd

    try:
        pwd.getpwnam(PG_OS_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_OS_USER],
            check=True,
        )


@dataclass
class EmbeddedPostgres:
    """A PostgreSQL cluster in ``data_dir`` reachable through a socket in the same folder."""

    data_dir: Path
    started_here: bool = False
    _located: bool = False

    def __post_init__(self) -> None:
        self.data_dir = self.data_dir.expanduser().resolve()
        self.bin_dir = find_bin_dir()

    @property
    def socket_dir(self) -> Path:
        return self.data_dir

    def url(self, database: str = DATABASE_NAME) -> str:
        return f"postgresql+asyncpg://postgres@/{database}?host={self.socket_dir}"

    def _run(self, args: list[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
        # As root, drop to the postgres user entirely: its uid, its group, no supplementary groups
        # (keeping root's gid would make root-owned 0701 folders untraversable).
        identity: dict[str, Any] = (
            {"user": PG_OS_USER, "group": PG_OS_USER, "extra_groups": []}
            if _running_as_root()
            else {}
        )
        result = subprocess.run(args, check=False, capture_output=True, text=True, **identity)
        if check and result.returncode != 0:
            raise EmbeddedPostgresError(
                f"{Path(args[0]).name} failed ({result.returncode}): {result.stderr.strip()}"
            )
        return result

    def _is_running(self) -> bool:
        result = self._run(
            [str(self.bin_dir / "pg_ctl"), "status", "-D", str(self.data_dir)], check=False
        )
        return result.returncode == 0

    def locate(self) -> Path:
        """As root: binaries and cluster where PG_OS_USER can reach them (never loosening folders
        that are not ours); the same places on every call for the same requested folder."""
        if self._located or not _running_as_root():
            return self.data_dir
        _ensure_os_user()
        self.bin_dir = _reachable_bin_dir(self.bin_dir)
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        self.data_dir = _reachable_data_dir(self.data_dir)
        self._located = True
        return self.data_dir

    def start(self) -> str:
        """Create the cluster if needed, start it if it is not running; return the SQLAlchemy URL."""
        self.locate()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if _running_as_root():
            import pwd

            entry = pwd.getpwnam(PG_OS_USER)
            os.chown(self.data_dir, entry.pw_uid, entry.pw_gid)
        self.data_dir.chmod(0o700)
        if not (self.data_dir / "PG_VERSION").exists():
            log.info("embedded_pg_initdb", extra={"data_dir": str(self.data_dir)})
            self._run(
                [
                    str(self.bin_dir / "initdb"),
                    "-D",
                    str(self.data_dir),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--no-locale",
                ]
            )
        if not self._is_running():
            stale = self.data_dir / "postmaster.pid"
            if stale.exists():
                stale.unlink()
            options = (
                f"-h '' -k {self.socket_dir} -c max_connections=200 -c fsync=off "
                "-c full_page_writes=off -c synchronous_commit=off"
                if os.environ.get("MOTCUA_EMBEDDED_FAST") == "1"
                else f"-h '' -k {self.socket_dir} -c max_connections=200"
            )
            self._run(
                [
                    str(self.bin_dir / "pg_ctl"),
                    "start",
                    "-w",
                    "-t",
                    "60",
                    "-D",
                    str(self.data_dir),
                    "-l",
                    str(self.data_dir / "postgres.log"),
                    "-o",
                    options,
                ]
            )
            self.started_here = True
        self._ensure_database(DATABASE_NAME)
        return self.url()

    def _psql(self, sql: str, database: str = "postgres") -> str:
        psql = self.bin_dir / "psql"
        result = self._run(
            [str(psql), "-h", str(self.socket_dir), "-U", "postgres", "-d", database, "-Atc", sql]
        )
        return result.stdout.strip()

    def _ensure_database(self, name: str) -> None:
        for _ in range(50):
            try:
                exists = self._psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
                break
            except EmbeddedPostgresError:
                time.sleep(0.1)
        else:
            raise RuntimeError("embedded PostgreSQL did not accept connections")
        if exists != "1":
            self._psql(f'CREATE DATABASE "{name}"')

    def stop(self) -> None:
        self.locate()
        if self._is_running():
            self._run(
                [str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "fast"],
                check=False,
            )
