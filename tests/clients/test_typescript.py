"""The TypeScript client and its journeys type-check (issue 18, acceptance 1): ``tsc --noEmit`` with
the pinned TypeScript, strict, over ``openapi/examples/typescript`` (the citizen's and the officer's
journeys) and the client's ``src`` (its ``index.ts`` and the generated ``schema.d.ts``). The packages
come from the lock file (``npm ci`` into ``openapi/clients/typescript/node_modules`` when missing)."""

from __future__ import annotations

import subprocess

from tests.clients.paths import TYPESCRIPT_CLIENT, TYPESCRIPT_EXAMPLES, generator


def test_the_typescript_client_and_its_journeys_type_check() -> None:
    modules = generator().node_modules()
    tsc = modules / "typescript" / "bin" / "tsc"
    checked = subprocess.run(
        ["node", str(tsc), "--noEmit", "-p", str(TYPESCRIPT_EXAMPLES)],
        cwd=TYPESCRIPT_CLIENT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
