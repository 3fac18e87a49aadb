"""The command line is a leaf: nothing beneath it imports `budget`."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENEATH = (
    "bounded", "browse", "disclosure", "expectations", "flows", "reconcile", "runtime",
    "samplegen", "sources", "tasks", "warehouse",
)  # fmt: skip


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_package_beneath_the_command_line_imports_it() -> None:
    offenders = {
        str(path.relative_to(REPO)): sorted(
            n for n in _imported(path) if n == "budget" or n.startswith("budget.")
        )
        for package in BENEATH
        for path in (REPO / package).rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_every_package_is_checked() -> None:
    packages = {
        p.parent.name
        for p in REPO.glob("*/__init__.py")
        if p.parent.name not in ("budget", "tests", "benchmarks")
    }
    assert packages == set(BENEATH)
