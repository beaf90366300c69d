"""Find, load and validate the data files.

Each file is parsed with the C safe loader (never constructing Python
objects) and validated by its pydantic model.  A problem is reported as
`file:line: field: message` so a user can fix the file without reading our
code.  Files are loaded lazily and once per process.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator, Optional

from .errors import DataError

FILES = {
    "minerals": "minerals_2025.yaml",
    "trade": "import_dependence.yaml",
    "countries": "country_groups.yaml",
    "targets": "targets.yaml",
}

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64


def shipped_data_dir() -> Path:
    """The data inside the installed package, or `data/` of a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parent / "data"


def resolve_data_dir(option: Optional[Path]) -> Path:
    """--data-dir wins over MINERALS_DATA_DIR, which wins over the shipped data."""
    chosen = option or (Path(os.environ["MINERALS_DATA_DIR"]) if os.environ.get("MINERALS_DATA_DIR") else None)
    if chosen is None:
        return shipped_data_dir()
    if not chosen.is_dir():
        raise DataError([f"{chosen}: data directory does not exist"])
    return chosen


def _model_for(key: str):
    from . import models

    return {
        "minerals": models.MineralsFile,
        "trade": models.ImportDependenceFile,
        "countries": models.CountriesFile,
        "targets": models.TargetsFile,
    }[key]


def read_yaml(path: Path) -> Any:
    """Parse one YAML file safely, turning every failure into a DataError."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataError([f"{path}: cannot read: {exc.strerror or exc}"]) from None
    if size > MAX_BYTES:
        raise DataError([f"{path}: {size} bytes is larger than the {MAX_BYTES} byte limit for a data file"])
    try:
        with open(path, "rb") as fh:
            doc = yaml.load(fh, Loader=loader)
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise DataError([f"{path}:{line}: refused: {exc.problem} (only plain YAML data is accepted)"]) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise DataError([f"{path}:{line}: invalid YAML: {exc.problem}"]) from None
    except yaml.YAMLError as exc:
        raise DataError([f"{path}: invalid YAML: {exc}"]) from None
    except RecursionError:
        raise DataError([f"{path}: nested too deeply to be a data file"]) from None
    except UnicodeDecodeError as exc:
        raise DataError([f"{path}: not UTF-8 text ({exc.reason})"]) from None
    if _depth(doc) > MAX_DEPTH:
        raise DataError([f"{path}: nested more than {MAX_DEPTH} levels deep"])
    return doc


def _depth(node: Any, limit: int = MAX_DEPTH + 1) -> int:
    """Nesting depth, iterative so a hostile file cannot blow the stack."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        item, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, d + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, d + 1) for v in item)
    return deepest


def validate_file(key: str, path: Path):
    """Load one data file into its model, or raise DataError with every problem."""
    from pydantic import ValidationError

    doc = read_yaml(path)
    try:
        return _model_for(key).model_validate(doc)
    except ValidationError as exc:
        raise DataError(list(_describe(path, exc))) from None


def _describe(path: Path, exc) -> Iterator[str]:
    lines = _line_index(path)
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        cause = (err.get("ctx") or {}).get("error")
        loc += tuple(getattr(cause, "loc", ()))
        field = ".".join(str(p) for p in loc) or "(top level)"
        line = _line_of(lines, loc)
        msg = err["msg"].removeprefix("Value error, ")
        yield f"{path}:{line}: {field}: {msg}"


def _line_index(path: Path) -> Any:
    """The composed node tree, only built when a file failed validation."""
    import yaml

    try:
        with open(path, "rb") as fh:
            return yaml.compose(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None


def _line_of(node: Any, loc: tuple) -> int | str:
    """Follow a pydantic error location through the YAML node tree to a line."""
    import yaml

    if node is None:
        return "?"
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(part)), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


class Dataset:
    """The data of one directory, each file loaded on first use."""

    def __init__(self, directory: Path):
        self.directory = directory

    def path(self, key: str) -> Path:
        return self.directory / FILES[key]

    def _load(self, key: str):
        path = self.path(key)
        if not path.exists():
            raise DataError([f"{path}: missing data file ({FILES[key]} is needed by this command)"])
        return validate_file(key, path)

    @cached_property
    def minerals(self):
        return self._load("minerals")

    @cached_property
    def trade(self):
        return self._load("trade")

    @cached_property
    def countries(self):
        return self._load("countries")

    @cached_property
    def targets(self):
        return self._load("targets")


def open_dataset(option: Optional[Path] = None) -> Dataset:
    return Dataset(resolve_data_dir(option))
