"""The journeys of ``openapi/examples`` complete against a live demo (issue 18, acceptance 2): each
step of a citizen's and an officer's journey, through each generated client, over HTTP, asserting
what was answered (the assertions are in the journeys). The TypeScript ones also type-check
(``test_typescript.py``); here Node runs them, transpiled (``run.cjs``)."""

from __future__ import annotations

import importlib
import json
import subprocess

from tests.clients.paths import (
    PYTHON_CLIENT,
    PYTHON_EXAMPLES,
    TYPESCRIPT_EXAMPLES,
    generator,
    importable,
)

importable(PYTHON_CLIENT, PYTHON_EXAMPLES)


def test_the_citizen_journey(demo_url: str) -> None:
    journey = importlib.import_module("citizen").citizen_journey(demo_url)
    assert journey.code.startswith("000.31.00.H99-")
    assert journey.receipt_number.startswith("BLDT-")
    assert journey.rating == 5


OFFICER_EVENTS = [
    "submit",
    "receive",
    "forward",
    "forward",
    "add_documents",
    "resolve",
    "return_result",
]


def test_the_officer_journey(demo_url: str) -> None:
    assert importlib.import_module("officer").officer_journey(demo_url) == OFFICER_EVENTS


def test_the_typescript_journeys(demo_url: str) -> None:
    generator().node_modules()
    ran = subprocess.run(
        ["node", str(TYPESCRIPT_EXAMPLES / "run.cjs"), demo_url],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    answers = json.loads(ran.stdout)
    assert answers["citizen"]["code"].startswith("000.31.00.H99-")
    assert answers["citizen"]["rating"] == 5
    assert answers["officer"] == OFFICER_EVENTS
