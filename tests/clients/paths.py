"""Where the clients and their journeys live, and how a test imports them (not installed: their
folders are put on ``sys.path``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
OPENAPI = ROOT / "openapi"
CLIENTS = OPENAPI / "clients"
PYTHON_CLIENT = CLIENTS / "python"
TYPESCRIPT_CLIENT = CLIENTS / "typescript"
PYTHON_EXAMPLES = OPENAPI / "examples" / "python"
TYPESCRIPT_EXAMPLES = OPENAPI / "examples" / "typescript"


def importable(*folders: Path) -> None:
    for folder in folders:
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))


def generator() -> ModuleType:
    """``openapi/clients/generate.py`` (what ``make clients`` runs), loaded as a module."""
    spec = importlib.util.spec_from_file_location(
        "motcua_clients_generate", CLIENTS / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
