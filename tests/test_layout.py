"""The layout's rules (docs/design.md, "Layout"), checked on the package's source."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import minerals_cli

PACKAGE = Path(minerals_cli.__file__).resolve().parent
SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
FLAGS = ("--edition", "--list", "--allies", "--data-dir", "--format", "--json", "--target", "--cut", "--svg",
         "--output", "--new-in", "--removed-in", "--group")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Modules of the package that `path` imports, at the top or inside a function."""
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m in MODULES and m != me}


MODULES = {module_name(p) for p in SOURCES}
GRAPH = {module_name(p): imports_of(p) for p in SOURCES}


def test_the_graph_sees_the_package():
    assert "minerals_cli.api" in GRAPH["minerals_cli.options"]
    assert "minerals_cli.analysis.exposure" in GRAPH["minerals_cli.api"]
    assert "minerals_cli.analysis.bounds" in GRAPH["minerals_cli.analysis.exposure"]


def reachable(module: str) -> set[str]:
    seen, todo = set(), [module]
    while todo:
        for dep in GRAPH[todo.pop()] - seen:
            seen.add(dep)
            todo.append(dep)
    return seen


CLI_MODULES = ("minerals_cli.commands", "minerals_cli.cli", "minerals_cli.options", "minerals_cli.argv",
               "minerals_cli.entry", "minerals_cli.helptext", "minerals_cli.completion", "minerals_cli.render",
               "minerals_cli.streams")


def test_the_api_imports_no_command_line_code_nor_typer_nor_rich():
    """What `import minerals_cli; minerals_cli.open()` can load: no command, no renderer, no typer or rich."""
    api = {"minerals_cli.api"} | reachable("minerals_cli.api")
    assert not [m for m in api if m.startswith(CLI_MODULES)]
    for module in api:
        path = next(p for p in SOURCES if module_name(p) == module)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        named = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        named |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0}
        assert not {m for m in named if m.split(".")[0] in ("typer", "click", "rich")}, module


def test_no_import_cycle():
    """Counting imports inside functions too: a lazy import is still a dependency."""
    done, path = set(), []

    def visit(module):
        if module in path:
            cycle = path[path.index(module):] + [module]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        path.append(module)
        for dep in sorted(GRAPH[module]):
            visit(dep)
        path.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_500_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


ANALYSIS = [p for p in SOURCES if p.relative_to(PACKAGE).parts[0] == "analysis"]


@pytest.mark.parametrize("path", ANALYSIS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_analysis_knows_nothing_of_the_command_line(path):
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not {m for m in imported if m.split(".")[0] in ("typer", "click", "rich")}
    raised = {n.exc.func.id for n in ast.walk(tree) if isinstance(n, ast.Raise) and isinstance(getattr(n.exc, "func", None), ast.Name)}
    assert "UsageError" not in raised and "UsageError" not in text
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert not [s for s in strings for flag in FLAGS if flag in s]


def test_the_data_directory_is_chosen_in_one_module():
    holders = {p.name for p in SOURCES if "MINERALS_DATA_DIR" in p.read_text(encoding="utf-8")}
    assert holders == {"data_dir.py"}
    lookups = {p.name for p in SOURCES if '/ "data"' in p.read_text(encoding="utf-8")}
    assert lookups == {"data_dir.py"}


@pytest.mark.parametrize("flag", ["--edition", "--list", "--allies", "--data-dir", "--format", "--json"])
def test_shared_options_are_declared_once(flag):
    """Each shared option is spelled out in one module: options.py (--data-dir: data_dir.py, which options.py uses)."""
    holders = [str(p.relative_to(PACKAGE)) for p in SOURCES if f'"{flag}"' in p.read_text(encoding="utf-8")]
    assert holders == ["data_dir.py" if flag == "--data-dir" else "options.py"]


def test_every_command_has_a_module_named_after_it():
    from minerals_cli.cli import app

    for command in app.registered_commands:
        module = PACKAGE / "commands" / (command.name.replace("-", "_") + ".py")
        assert module.exists(), command.name
        assert command.callback.__module__ == module_name(module)


def test_files_are_written_through_the_one_guard():
    """A user's file is written by writes.py only; the store writes nothing but its own cache of validated forms."""
    writers = re.compile(r"os\.replace\(|\.write_text\(|\.write_bytes\(|open\([^)]*['\"][wa]")
    allowed = {"writes.py", "dataset/store.py"}
    found = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                   if writers.search(p.read_text(encoding="utf-8")) and str(p.relative_to(PACKAGE)) not in allowed)
    assert found == []
