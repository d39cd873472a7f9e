"""The committed clients are what the generators make of the committed spec (issue 18, acceptance
3): ``make clients`` regenerates both; this test regenerates them into a temporary folder and fails
on any difference, so a changed response model (which already fails ``tests/test_openapi*`` until
``motcua openapi`` is run) also fails here until the clients follow."""

from __future__ import annotations

from pathlib import Path

from tests.clients.paths import PYTHON_CLIENT, TYPESCRIPT_CLIENT, generator

IGNORED = {"__pycache__", ".ruff_cache", "node_modules"}


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not IGNORED.intersection(path.relative_to(root).parts)
    }


def test_both_clients_are_regenerated_from_the_committed_spec(tmp_path: Path) -> None:
    generator().generate(tmp_path)
    fresh_ts = (tmp_path / "typescript" / "src" / "schema.d.ts").read_bytes()
    committed_ts = (TYPESCRIPT_CLIENT / "src" / "schema.d.ts").read_bytes()
    assert fresh_ts == committed_ts, "the TypeScript client is stale: run `make clients`"
    fresh, committed = _files(tmp_path / "python"), _files(PYTHON_CLIENT)
    stale = sorted(
        name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name)
    )
    assert not stale, f"the Python client is stale (run `make clients`): {stale[:20]}"
    assert "motcua_client/models/problem.py" in fresh  # not a comparison of two empty trees
