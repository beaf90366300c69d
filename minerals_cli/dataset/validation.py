"""Validate parsed data against the file's schema: plain data -> model, or problems with line and field.

A pydantic error is located through the YAML node tree, so a user is told
`file:line: field: message` and can fix the file without reading our code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..errors import DataError
from .safe_yaml import Problem, Refused, line_index, line_of, parse

# The key of each data file (dataset.FILES) -> its schema model in schema.py, or the module named (schema_policy, schema_stats).
SCHEMAS = {
    "minerals": "MineralsFile",
    "import_dependence": "ImportDependenceFile",
    "countries": "CountriesFile",
    "targets": "TargetsFile",
    "world": "WorldFile",
    "controls": "schema_policy.ControlsFile",
    "other_lists": "schema_policy.JurisdictionListsFile",
    "stats": "schema_stats.StatsFile",
    "policy_prices": "schema_policy.PolicyPricesFile",
}


def schema_for(key: str):
    from importlib import import_module

    module, _, name = SCHEMAS[key].rpartition(".")
    return getattr(import_module(f".{module or 'schema'}", __package__), name)


def validate_file(key: str, path: Path):
    """Load one data file into its model, or raise DataError with every problem."""
    try:
        return validated(key, path, parse(path))
    except Refused as exc:
        raise DataError([str(p) for p in exc.problems]) from None


def validated(key: str, path: Path, doc: Any, nodes: Any = None):
    """The model of a parsed document; Refused with every problem, each at its line."""
    from pydantic import ValidationError

    if doc is None:  # read_yaml returns None for an empty file; ingest relies on that
        raise Refused([Problem(str(path), None, None, "empty: the file holds no YAML data")])
    try:
        return schema_for(key).model_validate(doc)
    except ValidationError as exc:
        raise Refused(list(_problems(path, exc, nodes))) from None
    except RecursionError:
        raise Refused([Problem(str(path), None, None, "nested too deeply to validate")]) from None


def _problems(path: Path, exc, nodes: Any = None) -> Iterator[Problem]:
    """Each pydantic error with the line of the YAML node it is about."""
    nodes = nodes if nodes is not None else line_index(path)
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        cause = (err.get("ctx") or {}).get("error")
        msg = err["msg"].removeprefix("Value error, ")
        # A model check may report several records at once (an exception
        # with `.problems`, each carrying its own `.loc`).
        for part in getattr(cause, "problems", None) or [cause]:
            full = loc + tuple(getattr(part, "loc", ()))
            text = str(part) if part is not cause else msg
            field = ".".join(str(p) for p in full) or "(top level)"
            yield Problem(str(path), line_of(nodes, full), field, text)
