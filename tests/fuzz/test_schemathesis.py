"""The short schemathesis run (CI): a live demo, anonymous and administrator, about 500 requests.

Same runner, checks and rules as ``make fuzz`` (``tests/fuzz/run.py``), with fewer examples and
without the coverage and stateful phases, so it stays near a minute on two cores.
"""

from __future__ import annotations

from tests.fuzz.run import run


def test_short_schemathesis_run_finds_no_server_error_and_every_operation_succeeds() -> None:
    result = run(max_examples=5, phases="examples,fuzzing", min_requests=240, log=False)
    failed = "\n\n".join(r.output[-6000:] for r in result.runs if r.exit_code)
    assert result.problems == [], f"{result.table()}\n{failed}"
