"""The package's import graph has no cycle, counting the imports inside functions too: a
deferred import that closes a cycle works today and breaks when someone moves it to the top.

Imports under ``if TYPE_CHECKING:`` never run and are left out. Importing a module's own
parent package is not an edge (the parent is always initialised first).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "wxguard"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The wxguard modules an import statement loads."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names if alias.name in MODULES}
    if node.level:
        base = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            base = base.rpartition(".")[0]
        source = f"{base}.{node.module}" if node.module else base
    else:
        source = node.module or ""
    found = {f"{source}.{alias.name}" for alias in node.names} & MODULES.keys()
    if source in MODULES and not module.startswith(f"{source}."):
        found.add(source)
    return found


def imports(module: str) -> set[str]:
    """Every wxguard module that ``module`` imports, at the top or inside any function."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.update(_targets(module, child))
            visit(child)

    visit(ast.parse(MODULES[module].read_text("utf-8")))
    found.discard(module)
    return found


GRAPH = {module: imports(module) for module in MODULES}


def _cycles() -> list[list[str]]:
    """One cycle through each back edge of a depth-first search."""
    state: dict[str, int] = {}
    path: list[str] = []
    found: list[list[str]] = []

    def walk(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                walk(target)
        path.pop()
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            walk(module)
    return found


def test_the_graph_sees_deferred_imports_and_skips_type_checking_ones() -> None:
    """The finder itself: ``Report.to_html`` imports the HTML renderer inside a method, and
    the families' base imports the config only for type checking."""
    assert "wxguard.report.html" in GRAPH["wxguard.report"]
    assert "wxguard.families.cadence.sendlog" in GRAPH["wxguard.guard"]  # inside Guard.check
    assert "wxguard.config" not in GRAPH["wxguard.families.base"]


def test_no_import_cycle() -> None:
    assert _cycles() == []


@pytest.mark.parametrize(
    ("module", "never"),
    [
        ("wxguard.models", ("wxguard.report", "wxguard.families")),
        (
            "wxguard.config",
            ("wxguard.compiled", "wxguard.families.content.model", "wxguard.families.links"),
        ),
        ("wxguard.catalog", ("wxguard.config", "wxguard.families")),
        ("wxguard.text", ("wxguard.families", "wxguard.phrases")),
        ("wxguard.phrases", ("wxguard.families",)),
    ],
)
def test_lower_layers_do_not_reach_up(module: str, never: tuple[str, ...]) -> None:
    """Data does not import its displays, settings do not build engines, shared text and
    phrase code knows no family (counting everything reachable from the module)."""
    seen: set[str] = set()
    todo = [m for m in MODULES if m == module or m.startswith(f"{module}.")]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(GRAPH[current])
    assert not [m for m in seen for prefix in never if m == prefix or m.startswith(f"{prefix}.")]
