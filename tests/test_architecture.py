"""The shape of the house (docs/architecture.md): what `lint-imports` cannot see.

`lint-imports` (in `make lint`) checks the direction of imports, indirect ones included. An import placed
inside a function still counts for it, but such imports are how cycles used to hide, so they are refused
here too: only the `motcua` command's entry points import lazily (start-up speed), plus an allow-list of
at most three, each with its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"
SERVICES = APP / "services"

# (module file relative to app/, imported module) -> why it must stay inside a function.
LOCAL_IMPORTS_ALLOWED: dict[tuple[str, str], str] = {}
LAZY_ENTRY_POINTS = ("cli/",)


def _local_app_imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if (
                in_function
                and isinstance(child, ast.ImportFrom)
                and child.module
                and (child.module == "app" or child.module.startswith("app."))
            ):
                found.append((child.lineno, child.module))
            if in_function and isinstance(child, ast.Import):
                found.extend(
                    (child.lineno, alias.name)
                    for alias in child.names
                    if alias.name == "app" or alias.name.startswith("app.")
                )
            visit(child, inside)

    visit(tree, False)
    return found


def test_no_app_import_hides_inside_a_function() -> None:
    assert len(LOCAL_IMPORTS_ALLOWED) <= 3
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        relative = path.relative_to(APP).as_posix()
        if relative.startswith(LAZY_ENTRY_POINTS):
            continue
        for line, module in _local_app_imports(path):
            if (relative, module) not in LOCAL_IMPORTS_ALLOWED:
                offenders.append(f"app/{relative}:{line} imports {module} inside a function")
    assert offenders == []


def test_the_checker_sees_a_hidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import app.config\n\n"
        "def f():\n    from app.services.dossiers import actions\n    return actions\n\n"
        "class C:\n    async def g(self):\n        import app.db\n",
        encoding="utf-8",
    )
    assert _local_app_imports(sample) == [(4, "app.services.dossiers"), (9, "app.db")]


def test_every_service_domain_is_a_package_with_an_empty_init() -> None:
    domains = {
        "identity",
        "calendar",
        "catalog",
        "uploads",
        "dossiers",
        "notifications",
        "system",
        "payments",
        "portal",
        "stats",
    }
    packages = {p.parent.name for p in SERVICES.glob("*/__init__.py")}
    assert packages == domains
    assert (SERVICES / "payments" / "gateways" / "__init__.py").exists()
    loose = [p.name for p in SERVICES.glob("*.py") if p.name != "__init__.py"]
    assert loose == [], "every service module lives in its domain's package"
    for init in SERVICES.rglob("__init__.py"):
        assert init.read_text(encoding="utf-8").strip() == "", f"{init} re-exports nothing"
