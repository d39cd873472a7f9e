"""The fake gateways never share our payment code: a fake that imported it would agree with its bugs.
They import nothing of ``app`` at all, and sign with the reference's §6 code."""

from __future__ import annotations

import ast
from pathlib import Path

FAKES = Path(__file__).resolve().parents[1] / "fakes"


def test_the_fakes_import_nothing_of_the_app() -> None:
    offenders = []
    for path in sorted(FAKES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {name}" for name in names if name.split(".")[0] == "app"]
    assert offenders == []
    assert {p.name for p in FAKES.glob("*_fake.py")} == {
        "vnpay_fake.py",
        "momo_fake.py",
        "zalopay_fake.py",
        "national_fake.py",
    }
