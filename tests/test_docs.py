"""The documents the repository keeps stay true to the app: the CLI reference and the README's JSON schema."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from minerals_cli.cli import COMMANDS, app
from minerals_cli.dataset import schema
from minerals_cli.results.base import Result
from minerals_cli.results.chart import ChartResult
from minerals_cli.results.controls import ControlsResult
from minerals_cli.results.country import CountryResult
from minerals_cli.results.export import ExportResult
from minerals_cli.results.exposure import ExposureResult
from minerals_cli.results.gaps import GapsResult
from minerals_cli.results.ingest import IngestResult
from minerals_cli.results.jurisdictions import CatalogueResult, CompareResult
from minerals_cli.results.lists import DiffResult, ListResult
from minerals_cli.results.overview import OverviewResult
from minerals_cli.results.profile import MineralProfile
from minerals_cli.results.revisions import RevisionsResult
from minerals_cli.results.scenario import ScenarioResult
from minerals_cli.results.stats import StatsResult
from minerals_cli.results.summary import SummaryResult
from minerals_cli.results.validate import ValidationReport
from minerals_cli.results.world import WorldResult

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

# The result model each command dumps with --json.
RESULTS = {
    "list": ListResult,
    "diff": DiffResult,
    "show": MineralProfile,
    "summary": SummaryResult,
    "overview": OverviewResult,
    "ingest-mcs": IngestResult,
    "exposure": ExposureResult,
    "revisions": RevisionsResult,
    "world": WorldResult,
    "stats": StatsResult,
    "controls": ControlsResult,
    "lists": CatalogueResult,
    "compare": CompareResult,
    "country": CountryResult,
    "gaps": GapsResult,
    "scenario": ScenarioResult,
    "validate": ValidationReport,
    "chart": ChartResult,
    "export": ExportResult,
}
EXAMPLES = {
    "list": ["list"],
    "lists": ["lists"],
    "diff": ["diff", "2022", "2025"],
    "compare": ["compare"],
    "show": ["show", "lithium"],
    "summary": ["summary"],
    "overview": ["overview"],
    "exposure": ["exposure", "lithium"],
    "revisions": ["revisions", "cobalt"],
    "world": ["world", "gallium"],
    "stats": ["stats", "antimony"],
    "controls": ["controls"],
    "country": ["country", "CN"],
    "gaps": ["gaps"],
    "scenario": ["scenario", "--cut", "CN"],
    "validate": ["validate", str(ROOT / "data")],
    "chart": ["chart"],
}


def _tool():
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "tools" / "cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_what_help_prints():
    """docs/cli.md is generated; a changed command, option or help text must be regenerated."""
    expected = _tool().reference()
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == expected, "docs/cli.md is stale: run python tools/cli_reference.py"


def test_cli_reference_covers_every_command():
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    registered = [c.name for c in app.registered_commands]
    assert registered == COMMANDS
    for name in registered:
        assert f"## minerals {name}\n" in current


def test_the_reference_tool_notices_a_stale_file(tmp_path, monkeypatch):
    tool = _tool()
    stale = tmp_path / "cli.md"
    stale.write_text(tool.reference().replace("--edition", "--editoin", 1), encoding="utf-8")
    monkeypatch.setattr(tool, "TARGET", stale)
    assert tool.main(["--check"]) == 1


# --------------------------------------------------------------------------
# README, "JSON schema": one row per command, checked against the result models


def _split_top(text: str) -> list[str]:
    """'a, b: {c, d}, e: [{f}]' -> ['a', 'b: {c, d}', 'e: [{f}]']."""
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        parts.append(current.strip())
    return parts


def _documented(text: str) -> dict[str, typing.Optional[str]]:
    """field name -> the nested field list written after it, if any."""
    out = {}
    for part in _split_top(text):
        name, _, nested = part.partition(":")
        nested = nested.strip().strip("[]").strip()
        out[name.strip()] = nested[1:-1] if nested.startswith("{") else None
    return out


def _fields(model: type) -> dict[str, typing.Any]:
    """A result's (or a data record's) fields and their types, in order."""
    if issubclass(model, Result):
        hints = typing.get_type_hints(model, localns=vars(schema))  # data types are imported for type checking only
        return {name: hints[name] for name in model.field_info()}
    return {name: f.annotation for name, f in model.model_fields.items()}


def _model_in(annotation) -> typing.Optional[type]:
    """The result model a field holds, directly, in a list or as Optional."""
    if isinstance(annotation, type) and issubclass(annotation, (BaseModel, Result)):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _check(model: type, text: str, where: str) -> None:
    documented = _documented(text)
    fields = _fields(model)
    assert list(documented) == list(fields), f"{where}: README lists {list(documented)}"
    for name, nested in documented.items():
        if nested is not None:
            inner = _model_in(fields[name])
            assert inner is not None, f"{where}.{name} is not a nested model"
            _check(inner, nested, f"{where}.{name}")


def _schema_rows() -> dict[str, str]:
    section = README.split("### JSON schema", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| `([a-z-]+)` \| `(.+)` \|$", section, re.M))


def test_readme_schema_has_a_row_per_command():
    assert sorted(_schema_rows()) == sorted(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_schema_row_matches_the_result_model(name):
    _check(RESULTS[name], _schema_rows()[name], name)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_json_output_has_the_result_models_fields(cli, name):
    run = cli(*EXAMPLES[name], "--json")
    assert run.exit_code == 0, run.stderr
    assert list(json.loads(run.stdout)) == list(RESULTS[name].field_info())


def test_the_readme_pandas_example_runs_and_reads_numbers(monkeypatch):
    """The README's pandas lines, run as written against the installed command: numbers, no cleaning."""
    pandas = pytest.importorskip("pandas")
    from helpers import EXE, python_block_after

    monkeypatch.setenv("PATH", f"{EXE.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("NO_COLOR", "1")
    scope: dict = {}
    exec(compile(python_block_after(README, "Straight into pandas"), "README.md", "exec"), scope)
    sources, lines = scope["sources"], scope["lines"]
    assert set(sources["mineral"]) == {"gallium", "germanium"}
    for column in ("share", "share_low", "share_high", "exposure", "nir", "rank"):
        assert pandas.api.types.is_numeric_dtype(sources[column]), column
    assert pandas.api.types.is_numeric_dtype(lines["share"]) and (lines["mineral"] == "lithium").all()


def test_api_reference_is_what_the_api_says():
    spec = importlib.util.spec_from_file_location("api_reference", ROOT / "tools" / "api_reference.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    current = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert current == tool.reference(), "docs/api.md is stale: run python tools/api_reference.py"
    for name in tool.methods(__import__("minerals_cli").api.Minerals):
        assert f"### `Minerals.{name}(" in current
