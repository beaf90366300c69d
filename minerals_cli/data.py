"""Find, load and validate the data files.

Each file is parsed with the C safe loader (never constructing Python
objects) and validated by its pydantic model.  A problem is reported as
`file:line: field: message` so a user can fix the file without reading our
code.  Files are loaded lazily and once per process.

A data directory may come from anyone (`--data-dir`), so loading is
defensive: a file that is too big, nested too deeply, expands through YAML
aliases into more values than any data file holds ("billion laughs"),
refers to itself, or carries a Python object tag ends in a DataError (exit 3)
before any of it reaches pydantic, never in a traceback or a hang.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from .errors import DataError, UsageError

FILES = {
    "minerals": "minerals_2025.yaml",
    "trade": "import_dependence.yaml",
    "countries": "country_groups.yaml",
    "targets": "targets.yaml",
}

# Limits about 100 times above the real data (the largest file,
# import_dependence.yaml, is about 200 KB, 13,000 values and 7 levels deep),
# so bench/ can time 100x synthetic data, and low enough that no file keeps
# a command busy for long: a file at the byte limit loads in well under a
# minute, and an alias bomb is refused before anything walks it.
MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 2_000_000  # mappings, lists and scalars, after aliases are expanded


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, located as precisely as the file allows."""

    file: str
    line: Optional[int]
    field: Optional[str]
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line if self.line is not None else '?'}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class _Refused(Exception):
    """Internal: a file that failed; carries its problems to the caller."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


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
        # A wrong path on the command line is the user's slip, not a bad data file (exit 3).
        raise UsageError(f"data directory {chosen} does not exist or is not a directory")
    return chosen


def _model_for(key: str):
    from . import models

    return {
        "minerals": models.MineralsFile,
        "trade": models.ImportDependenceFile,
        "countries": models.CountriesFile,
        "targets": models.TargetsFile,
    }[key]


# --------------------------------------------------------------------------
# Parsing: YAML text -> plain Python data, or problems


def read_yaml(path: Path) -> Any:
    """Parse one YAML file safely, turning every failure into a DataError."""
    try:
        return _parse(path)
    except _Refused as exc:
        raise DataError([str(p) for p in exc.problems]) from None


def _loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(path: Path) -> Any:
    import yaml

    def refuse(message: str, line: Optional[int] = None) -> _Refused:
        return _Refused([Problem(str(path), line, None, message)])

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise refuse("cannot read: not a regular file")  # a directory, a FIFO, /dev/zero
        if info.st_size > MAX_BYTES:
            raise refuse(f"{info.st_size} bytes is larger than the {MAX_BYTES} byte limit for a data file")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise refuse(f"larger than the {MAX_BYTES} byte limit for a data file")
        doc = yaml.load(raw, Loader=_loader())
    except _Refused:
        raise
    except OSError as exc:
        raise refuse(f"cannot read: {exc.strerror or exc}") from None
    except yaml.constructor.ConstructorError as exc:
        raise refuse(_constructor_message(exc), _mark_line(exc)) from None
    except yaml.MarkedYAMLError as exc:
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise refuse(f"invalid YAML: {problem}", _mark_line(exc)) from None
    except yaml.YAMLError as exc:
        raise refuse(f"invalid YAML: {exc}") from None
    except RecursionError:
        raise refuse(f"nested too deeply to be a data file (more than {MAX_DEPTH} levels)") from None
    except UnicodeDecodeError as exc:
        raise refuse(f"not UTF-8 text ({exc.reason})") from None
    except (ValueError, OverflowError, TypeError, MemoryError) as exc:
        raise refuse(f"invalid value: {exc}") from None
    try:
        _measure(doc)
    except ValueError as exc:
        raise refuse(str(exc)) from None
    return doc


def _mark_line(exc) -> Optional[int]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark else None


def _constructor_message(exc) -> str:
    """Name the refused tag in the form a user wrote it (`!!python/object:...`)."""
    problem = exc.problem or str(exc)
    tag = re.search(r"tag '([^']+)'", problem)
    if not tag:
        return f"invalid YAML: {problem}"
    shown = tag.group(1).replace("tag:yaml.org,2002:", "!!")
    if "python/" in shown:
        return (
            f"refused: the tag {shown} asks to build a Python object; "
            "data files are loaded safely and may hold only plain YAML (mappings, lists, strings, numbers)"
        )
    return f"refused: unknown tag {shown}; data files may hold only plain YAML (mappings, lists, strings, numbers)"


def _measure(doc: Any) -> tuple[int, int]:
    """(depth, number of values) of a parsed document, counting aliases expanded.

    Aliased nodes are shared objects, so each container is measured once and
    its size reused: a "billion laughs" file is measured in a few thousand
    steps and refused, instead of hanging whatever walks it next.  Iterative,
    so no file can exhaust the stack.  Raises ValueError when over a limit.
    """
    sizes: dict[int, tuple[int, int]] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[Any, bool]] = [(doc, False)]
    while stack:
        node, finished = stack.pop()
        if not isinstance(node, (dict, list)):
            continue
        key = id(node)
        children = list(node.values()) if isinstance(node, dict) else node
        if finished:
            open_nodes.discard(key)
            sizes[key] = _combine(node, children, sizes)
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            raise ValueError("refers to itself through a YAML alias; a data file must be a finite tree")
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children)
    return sizes.get(id(doc), (0, 1))


def _combine(node, children, sizes) -> tuple[int, int]:
    depth, count = 1, 1 + (len(node) if isinstance(node, dict) else 0)
    for child in children:
        child_depth, child_count = sizes.get(id(child), (0, 1)) if isinstance(child, (dict, list)) else (0, 1)
        depth = max(depth, child_depth + 1)
        count += child_count
    if depth > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep; a data file never needs that")
    if count > MAX_VALUES:
        raise ValueError(
            f"holds more than {MAX_VALUES:,} values once YAML aliases are expanded; "
            "refused as too large (an alias bomb, or not a data file)"
        )
    return depth, count


# --------------------------------------------------------------------------
# Validation: plain data -> models, or problems with file, line and field


def validate_file(key: str, path: Path):
    """Load one data file into its model, or raise DataError with every problem."""
    try:
        return _validated(key, path, _parse(path))
    except _Refused as exc:
        raise DataError([str(p) for p in exc.problems]) from None


def _validated(key: str, path: Path, doc: Any, nodes: Any = None):
    from pydantic import ValidationError

    if doc is None:  # read_yaml returns None for an empty file; ingest relies on that
        raise _Refused([Problem(str(path), None, None, "empty: the file holds no YAML data")])
    try:
        return _model_for(key).model_validate(doc)
    except ValidationError as exc:
        raise _Refused(list(_problems(path, exc, nodes))) from None
    except RecursionError:
        raise _Refused([Problem(str(path), None, None, "nested too deeply to validate")]) from None


def _problems(path: Path, exc, nodes: Any = None) -> Iterator[Problem]:
    """Each pydantic error with the line of the YAML node it is about."""
    nodes = nodes if nodes is not None else _line_index(path)
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
            yield Problem(str(path), _line_of(nodes, full), field, text)


def _line_index(path: Path) -> Any:
    """The composed node tree, only built when a file failed validation."""
    import yaml

    try:
        with open(path, "rb") as fh:
            return yaml.compose(fh, Loader=_loader())
    except (yaml.YAMLError, OSError, ValueError):
        return None


def _line_of(node: Any, loc: tuple) -> Optional[int]:
    """Follow a pydantic error location through the YAML node tree to a line."""
    import yaml

    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if getattr(k, "value", None) == str(part)), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


# --------------------------------------------------------------------------
# `minerals validate DIR`: every file, every problem, and the cross-file checks


def validate_dir(directory: Path):
    """Check every data file present in `directory` and how they refer to each other.

    Unlike loading for a command, this does not stop at the first file that
    fails: each file is parsed and validated on its own, and the cross-file
    references are checked on the parsed data even where a file has other
    problems, so one run lists everything there is to fix.
    """
    from .models import FileCheck, ProblemRow, ValidationReport

    docs: dict[str, Any] = {}
    nodes: dict[str, Any] = {}
    problems: dict[str, list[Problem]] = {}
    for key, name in FILES.items():
        path = directory / name
        if not path.exists():
            continue
        problems[key], docs[key], nodes[key] = _check_one(key, path)
    cross = list(_cross_file_problems(directory, docs, nodes))
    for p in cross:
        problems[next(k for k, n in FILES.items() if p.file == str(directory / n))].append(p)
    every = [p for key in FILES for p in problems.get(key, [])]
    if not problems:
        every.append(Problem(str(directory), None, None, "no data files here (expected " + ", ".join(FILES.values()) + ")"))
    checks = [
        FileCheck(
            file=name,
            present=key in problems,
            valid=(not problems[key]) if key in problems else None,
            problems=len(problems.get(key, [])),
        )
        for key, name in FILES.items()
    ]
    return ValidationReport(
        directory=str(directory),
        valid=not every,
        files=checks,
        problems=[ProblemRow(file=p.file, line=p.line, field=p.field, message=p.message) for p in every],
        ignored=sorted(f.name for f in directory.glob("*.y*ml") if f.name not in FILES.values()),
    )


def _check_one(key: str, path: Path) -> tuple[list[Problem], Any, Any]:
    """(problems, parsed document or None, node tree or None) of one file."""
    try:
        doc = _parse(path)
    except _Refused as exc:
        return exc.problems, None, None
    tree = _line_index(path)
    found = list(_duplicate_keys(path, tree))
    try:
        _validated(key, path, doc, tree)
    except _Refused as exc:
        found.extend(exc.problems)
    return found, doc, tree


def _duplicate_keys(path: Path, tree: Any) -> Iterator[Problem]:
    """YAML keeps the last of two equal keys silently; a data file must not rely on that."""
    import yaml

    seen_nodes: set[int] = set()
    stack = [(tree, ())]
    while stack:
        node, where = stack.pop()
        if node is None or id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for k, v in node.value:
                name = getattr(k, "value", None)
                if isinstance(name, str) and name in keys and name != "<<":
                    field = ".".join(str(p) for p in (*where, name))
                    yield Problem(str(path), k.start_mark.line + 1, field, f"duplicate key {name!r} (YAML would keep only the last)")
                keys.add(name)
                stack.append((v, (*where, name)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, (*where, i)) for i, v in enumerate(node.value))


def _items(doc: Any, *path: str | int) -> Iterator[tuple[tuple, dict]]:
    """(location, mapping) of each record under `path`; '*' walks every list item.

    Works on raw parsed data and skips whatever has the wrong shape (the
    model validation reports that), so cross-file checks run on broken files.
    """
    def walk(node, rest, loc):
        if not rest:
            if isinstance(node, dict):
                yield loc, node
            return
        head, tail = rest[0], rest[1:]
        if head == "*":
            if isinstance(node, list):
                for i, item in enumerate(node):
                    yield from walk(item, tail, (*loc, i))
        elif isinstance(node, dict) and head in node:
            yield from walk(node[head], tail, (*loc, head))

    yield from walk(doc, path, ())


def _cross_file_problems(directory: Path, docs: dict[str, Any], nodes: dict[str, Any]) -> Iterator[Problem]:
    """References from one file to another: commodities, country codes, list ids."""
    def problem(key, loc, message):
        return Problem(str(directory / FILES[key]), _line_of(nodes.get(key), loc), ".".join(map(str, loc)), message)

    minerals, trade, countries = docs.get("minerals"), docs.get("trade"), docs.get("countries")
    if minerals is not None and trade is not None:
        known = {c.get("id") for _, c in _items(trade, "commodities", "*")}
        for loc, m in _items(minerals, "minerals", "*"):
            ref = m.get("commodity")
            if isinstance(ref, str) and ref not in known:
                yield problem(
                    "minerals", (*loc, "commodity"),
                    f"mineral {m.get('id')!r}: commodity {ref!r} is not in {FILES['trade']}" + _nearest(ref, known),
                )
        list_ids = {str(entry.get("id")) for _, entry in _items(minerals, "lists", "*")}
        for loc, h in _items(trade, "headline_counts", "*"):
            if "list" in h and str(h["list"]) not in list_ids:
                yield problem(
                    "trade", (*loc, "list"),
                    f"list {h['list']!r} is not in {FILES['minerals']} (known: {', '.join(sorted(list_ids))})",
                )
    if trade is not None and countries is not None:
        codes = {c.get("code") for _, c in _items(countries, "countries", "*")}
        refs = [*_items(trade, "commodities", "*", "import_shares", "*", "shares", "*"),
                *_items(trade, "commodities", "*", "ranked_sources", "*", "countries", "*")]
        for loc, ref in refs:
            code = ref.get("country")
            if isinstance(code, str) and code not in codes:
                yield problem(
                    "trade", (*loc, "country"),
                    f"country code {code!r} ({ref.get('name', '?')}) is not in the registry of {FILES['countries']}",
                )


def _nearest(name: str, known: Iterable[Any]) -> str:
    import difflib

    close = difflib.get_close_matches(name, [k for k in known if isinstance(k, str)], n=3)
    return f" (did you mean: {', '.join(close)}?)" if close else ""


# --------------------------------------------------------------------------
# The data a command uses


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
