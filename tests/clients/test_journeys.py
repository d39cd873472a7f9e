"""The Python journeys of ``openapi/examples/python`` complete against a live demo (issue 18,
acceptance 2): each step of a citizen's and an officer's journey, through the generated client, over
HTTP, asserting what was answered (the assertions are in the journeys)."""

from __future__ import annotations

import importlib

from tests.clients.paths import PYTHON_CLIENT, PYTHON_EXAMPLES, importable

importable(PYTHON_CLIENT, PYTHON_EXAMPLES)


def test_the_citizen_journey(demo_url: str) -> None:
    journey = importlib.import_module("citizen").citizen_journey(demo_url)
    assert journey.code.startswith("000.31.00.H99-")
    assert journey.receipt_number.startswith("BLDT-")
    assert journey.rating == 5


def test_the_officer_journey(demo_url: str) -> None:
    events = importlib.import_module("officer").officer_journey(demo_url)
    assert events == [
        "submit",
        "receive",
        "forward",
        "forward",
        "add_documents",
        "resolve",
        "return_result",
    ]
