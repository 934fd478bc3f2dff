"""No two modules of mediator/ import each other, directly or round a loop (issue 15).

A cycle makes the layering unreadable (which module is below which?) and makes
import order matter: a table registered only if some other module happened to
be imported first, a name missing while its module is half-initialised.  Every
import statement counts — at module level, inside a function, and under
``if TYPE_CHECKING:`` (a type-only import still ties the two modules together;
a lower module states what it needs of a higher one as a ``typing.Protocol``).

The graph is read from the source with :mod:`ast`, nothing is imported: relative
imports are resolved against the importing module's package, and
``from pkg import name`` is an import of ``pkg.name`` when that is a module.
No allow-list: the test fails listing each cycle, its modules in order.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "mediator"


def _modules() -> dict[str, Path]:
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of mediator/ that ``name`` imports anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in modules else base)
    out = set()
    for imported in found:
        target = imported
        while target and target not in modules:  # ``import a.b.c`` of a name in a.b
            target = target.rpartition(".")[0]
        if target and target != name:
            out.add(target)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected component of more than one module, as one cycle through
    all of it where there is one (else the component, sorted), found without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(_loop(sorted(component), graph))
    return components


def _loop(component: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A path from the component's first module back to it (breadth first)."""
    members, first = set(component), component[0]
    came_from: dict[str, str] = {}
    frontier = [first]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & members):
                if nxt == first:
                    path = [node]
                    while path[-1] != first:
                        path.append(came_from[path[-1]])
                    return [*reversed(path), first]
                if nxt not in came_from:
                    came_from[nxt] = node
                    following.append(nxt)
        frontier = following
    return component


def test_the_checker_sees_every_kind_of_import_and_reports_a_loop() -> None:
    modules = _modules()
    # A relative import, a ``from pkg import module``, and one under TYPE_CHECKING.
    assert "mediator.store.models" in _imports(
        "mediator.store.tables", modules["mediator.store.tables"], modules)
    assert "mediator.ui.tasks" in _imports(
        "mediator.ui.shell.sync_slot", modules["mediator.ui.shell.sync_slot"], modules)
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_of_mediator_imports_itself_round_a_loop() -> None:
    graph = _graph()
    assert len(graph) > 100  # the whole package was read
    cycles = _cycles(graph)
    assert not cycles, "import cycles inside mediator/ (each: the modules in order):\n" + "\n".join(
        "  " + " → ".join(cycle) for cycle in cycles)
