"""Regenerates both committed clients from the committed ``openapi/openapi.json`` (issue 18).

    .venv/bin/python openapi/clients/generate.py               # into the repository (make clients)
    .venv/bin/python openapi/clients/generate.py --into DIR    # elsewhere (the staleness test)

- TypeScript: ``openapi-typescript`` (pinned in ``typescript/package.json`` and its lock file, installed
  with ``npm ci`` into ``typescript/node_modules`` when missing or older than the lock file) writes
  ``typescript/src/schema.d.ts`` through ``typescript/generate.mjs``; ``typescript/src/index.ts``
  (the client factory, on ``openapi-fetch``) is written by hand.
- Python: ``openapi-python-client`` (pinned in the dev dependencies of ``pyproject.toml``/``uv.lock``)
  writes ``python/`` from ``openapi-python-client.yaml``, formatted by the locked ruff.

The output is deterministic (no timestamps; the generators order by the document), so regenerating
an unchanged document changes nothing: ``tests/clients/test_generated.py`` regenerates into a
temporary folder and fails when the committed tree differs.

One adjustment of the document for the Python generator only: FastAPI splits a model whose input
and output schemas differ into ``X-Input`` and ``X-Output`` components that keep the same title,
and openapi-python-client names its classes by title, so it would drop both as duplicates (and every
schema and operation using them). Those components get their key (without the dash) as their title.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SPEC = ROOT / "openapi" / "openapi.json"
TYPESCRIPT = HERE / "typescript"
TS_SCHEMA = Path("src") / "schema.d.ts"
PYTHON = HERE / "python"
PYTHON_CONFIG = HERE / "openapi-python-client.yaml"
BIN = Path(sys.executable).parent  # the locked environment's tools (openapi-python-client, ruff)


def node_modules() -> Path:
    """``typescript/node_modules``, installed from the lock file (``npm ci``) unless up to date."""
    modules = TYPESCRIPT / "node_modules"
    installed = modules / ".package-lock.json"  # npm's record of what it installed
    lock = TYPESCRIPT / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=TYPESCRIPT,
            check=True,
        )
    return modules


def generate_typescript(spec: Path, output: Path) -> None:
    """``schema.d.ts`` of the document, by the pinned openapi-typescript (``generate.mjs``: its
    Node API with two transforms, files as ``Blob`` and open enums as ``Enum | (string & {})``)."""
    node_modules()
    generated = subprocess.run(
        ["node", "generate.mjs", str(spec), str(output)],
        cwd=TYPESCRIPT,
        capture_output=True,
        text=True,
        check=False,
    )
    if generated.returncode != 0:
        raise RuntimeError(f"openapi-typescript failed:\n{generated.stdout}\n{generated.stderr}")


def for_python_generator(document: dict[str, Any]) -> dict[str, Any]:
    """The document with each ``X-Input``/``X-Output`` component titled by its own key."""
    schemas: dict[str, Any] = document.get("components", {}).get("schemas", {})
    for key, schema in schemas.items():
        if key.endswith(("-Input", "-Output")):
            schema["title"] = key.replace("-", "")
    return document


def generate_python(spec: Path, output: Path) -> None:
    """The ``motcua_client`` project of the document, by the pinned openapi-python-client."""
    document = for_python_generator(json.loads(spec.read_text(encoding="utf-8")))
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    env["RUFF_NO_CACHE"] = "true"
    with tempfile.TemporaryDirectory(prefix="motcua-clients-") as work:
        adjusted = Path(work) / "openapi.json"
        adjusted.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        generated = subprocess.run(
            [
                str(BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(adjusted),
                "--config",
                str(PYTHON_CONFIG),
                "--meta",
                "uv",
                "--output-path",
                str(output),
                "--overwrite",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if generated.returncode != 0:
        raise RuntimeError(f"openapi-python-client failed:\n{generated.stdout}\n{generated.stderr}")
    shutil.rmtree(output / ".ruff_cache", ignore_errors=True)


def generate(into: Path | None = None) -> None:
    """Both clients, in the repository or under ``into`` (``typescript/…``, ``python/``)."""
    ts_out = (into / "typescript" if into else TYPESCRIPT) / TS_SCHEMA
    py_out = into / "python" if into else PYTHON
    generate_typescript(SPEC, ts_out)
    generate_python(SPEC, py_out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, help="write here instead of the repository")
    args = parser.parse_args()
    generate(args.into)
    print(f"clients regenerated from {SPEC.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
