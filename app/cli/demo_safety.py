"""What keeps the demo safe to run on a LAN (issue 11).

* The demo signs tokens with a random secret made once per data folder (``<data dir>/secret-key``,
  mode 0600, reused on restart) unless ``MOTCUA_SECRET_KEY`` is set: the public placeholder would let
  anyone mint an administrator's token.
* Binding beyond loopback is refused without an explicit ``--allow-lan``, and warned about with it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
import uuid
from pathlib import Path

SECRET_FILE_NAME = "secret-key"  # noqa: S105 - a file name, not a secret


def demo_secret_key(data_dir: Path, name: str = SECRET_FILE_NAME) -> str:
    """The data folder's own signing secret (or another secret ``name``d), created atomically
    (temp file + link) when absent."""
    path = data_dir / name
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(secrets.token_urlsafe(48))
            with contextlib.suppress(FileExistsError):  # another process won the race: use theirs
                os.link(temp, path)
        finally:
            temp.unlink(missing_ok=True)
    secret = path.read_text(encoding="ascii").strip()
    if len(secret) < 32:
        raise ValueError(f"{path} does not hold a secret of at least 32 characters")
    return secret


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (``localhost``, 127.0.0.0/8, ``::1``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything
