"""Parse a data file safely: YAML text -> plain Python data, or problems with file and line.

Each file is parsed with the C safe loader, which never constructs Python
objects.  A data directory may come from anyone (`--data-dir`), so parsing
is defensive: a file that is too big, nested too deeply, expands through
YAML aliases into more values than any data file holds ("billion laughs"),
refers to itself, or carries a Python object tag ends in a DataError
(exit 3) before any of it reaches pydantic, never in a traceback or a hang.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import Any, NamedTuple, Optional

from ..errors import DataError

# Limits about 100 times above the real data (the largest file,
# import_dependence.yaml, is about 200 KB, 13,000 values and 7 levels deep),
# so bench/ can time 100x synthetic data, and low enough that no file keeps
# a command busy for long: a file at the byte limit loads in well under a
# minute, and an alias bomb is refused before anything walks it.
MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 2_000_000  # mappings, lists and scalars, after aliases are expanded


class Problem(NamedTuple):
    """One thing wrong with a data file, located as precisely as the file allows."""

    file: str
    line: Optional[int]
    field: Optional[str]
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line if self.line is not None else '?'}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class Refused(Exception):
    """A file that failed; carries its problems to the caller, which decides how to report them."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


def read_yaml(path: Path) -> Any:
    """Parse one YAML file safely, turning every failure into a DataError."""
    try:
        return parse(path)
    except Refused as exc:
        raise DataError([str(p) for p in exc.problems]) from None


_LOADER: list = []  # the loader class, made on first use (yaml is imported only when a file is parsed)


def _loader():
    """PyYAML's safe loader (the C one where PyYAML has it) that resolves each distinct plain scalar once."""
    if not _LOADER:
        _LOADER.append(_remembering(_base_loader()))
    return _LOADER[0]


def _base_loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _remembering(base):
    """`base` with its tag resolution of scalars remembered by text and style.

    The parser asks for the tag of every scalar, and most are keys and
    codes a file repeats thousands of times ('published', 'country', 'W').
    The answer depends on the text and on whether it was quoted only (the
    safe loader has no path resolvers), so it is worked out once per run.
    """
    from yaml.nodes import ScalarNode

    known: dict[tuple, str] = {}
    resolve = base.resolve

    class Remembering(base):
        def resolve(self, kind, value, implicit):
            if kind is not ScalarNode or self.yaml_path_resolvers:
                return resolve(self, kind, value, implicit)
            key = (value, implicit)
            tag = known.get(key)
            if tag is None:
                tag = known[key] = resolve(self, kind, value, implicit)
            return tag

    return Remembering


def read_bytes(path: Path) -> bytes:
    """The bytes of a data file, or Refused: not a regular file, over the size limit, unreadable.

    Standard library only: a run whose validated form is stored reads the
    file this way, hashes the bytes and never imports yaml (dataset/store.py).
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(path, "cannot read: not a regular file")  # a directory, a FIFO, /dev/zero
        if info.st_size > MAX_BYTES:
            raise _refuse(path, f"{info.st_size} bytes is larger than the {MAX_BYTES} byte limit for a data file")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _refuse(path, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise _refuse(path, f"larger than the {MAX_BYTES} byte limit for a data file")
    return raw


def parse(path: Path) -> Any:
    """Read and parse one data file (read_bytes, then parse_bytes)."""
    return parse_bytes(path, read_bytes(path))


def parse_bytes(path: Path, raw: bytes) -> Any:
    """Parse the bytes read from `path` as plain YAML within the limits, or Refused with the line."""
    import yaml

    try:
        try:
            return _plain_tree(raw)
        except _Unusual:  # a tag, merge key, duplicate or complex key: PyYAML's own constructor decides
            doc = yaml.load(raw, Loader=_loader())
        except _OverLimit as exc:
            raise _refuse(path, str(exc)) from None
    except yaml.constructor.ConstructorError as exc:
        raise _refuse(path, _constructor_message(exc), _mark_line(exc)) from None
    except yaml.MarkedYAMLError as exc:
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise _refuse(path, f"invalid YAML: {problem}", _mark_line(exc)) from None
    except yaml.YAMLError as exc:
        raise _refuse(path, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise _refuse(path, f"nested too deeply to be a data file (more than {MAX_DEPTH} levels)") from None
    except UnicodeDecodeError as exc:
        raise _refuse(path, f"not UTF-8 text ({exc.reason})") from None
    except (ValueError, OverflowError, TypeError, MemoryError) as exc:
        raise _refuse(path, f"invalid value: {exc}") from None
    try:
        _measure(doc)
    except ValueError as exc:
        raise _refuse(path, str(exc)) from None
    return doc


class _Unusual(Exception):
    """The document has something `_plain_tree` leaves to PyYAML's constructor."""


class _OverLimit(ValueError):
    """A document over a limit, or one that refers to itself: refused with this message as it stands."""


def _plain_tree(raw: bytes) -> Any:
    """Compose the document in C, then build and measure it in one walk; _OverLimit over a limit.

    A user's data is validated from scratch on its first run, and PyYAML's
    Python constructor plus a separate measuring walk cost more than the
    C parser itself.  Plain YAML (mappings, lists, strings, numbers, booleans,
    nulls) needs neither: each node is built once, aliased nodes are shared
    exactly as `yaml.load` shares them, and depth and expanded size come with
    it.  Anything else raises _Unusual and takes the full path, so what a file
    means never depends on which path read it.  The walk recurses, which is
    the cheapest way to visit every node in Python, and refuses a level
    deeper than MAX_DEPTH before it descends, so no file can exhaust the stack.
    """
    import yaml

    loader = _loader()(raw)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    if root is None:
        return None
    return _Builder(_scalar_builders(yaml.constructor.SafeConstructor)).build(root, 0)[0]


_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ, _MERGE = (f"{_TAG}{name}" for name in ("str", "map", "seq", "merge"))


def _scalar_builders(constructor_class) -> dict[str, Any]:
    """Tag -> how to build a scalar of it: PyYAML's own conversion (text, the commonest, never gets here)."""
    constructor = constructor_class()
    plain = {f"{_TAG}{name}": constructor_class.yaml_constructors[f"{_TAG}{name}"] for name in ("int", "float", "bool", "null")}
    return {tag: (lambda node, make=make: make(constructor, node)) for tag, make in plain.items()}


class _Builder:
    """Builds composed nodes into plain values, each collection once, with its depth and expanded count."""

    def __init__(self, scalars: dict[str, Any]):
        from yaml.nodes import MappingNode, ScalarNode

        self.scalars, self.mapping, self.scalar = scalars, MappingNode, ScalarNode
        self.built: dict[int, tuple[Any, int, int]] = {}  # id(node) -> (value, depth, values once aliases are expanded)
        self.open: set[int] = set()

    def build(self, node, level: int) -> tuple[Any, int, int]:
        """(value, depth, expanded count) of `node`; _Unusual for what only PyYAML's constructor may decide."""
        if node.__class__ is self.scalar:
            if node.tag == _STR:
                return node.value, 0, 1
            make = self.scalars.get(node.tag)
            if make is None:
                raise _Unusual
            return make(node), 0, 1
        key = id(node)
        done = self.built.get(key)
        if done is not None:
            return done
        if key in self.open:
            raise _OverLimit("refers to itself through a YAML alias; a data file must be a finite tree")
        if level >= MAX_DEPTH:
            _check_limits(MAX_DEPTH + 1, 0)
        self.open.add(key)
        value, depth, count = self._mapping(node, level) if node.__class__ is self.mapping else self._sequence(node, level)
        _check_limits(depth, count)
        self.open.discard(key)
        self.built[key] = done = (value, depth, count)
        return done

    def _mapping(self, node, level: int) -> tuple[dict, int, int]:
        if node.tag != _MAP:
            raise _Unusual
        value, depth, count = {}, 0, 1
        for k, v in node.value:
            if k.__class__ is not self.scalar or k.tag == _MERGE:
                raise _Unusual
            item, item_depth, item_count = self.build(v, level + 1)
            value[self.build(k, level + 1)[0]] = item
            count += item_count + 1
            depth = max(depth, item_depth)
        if len(value) != len(node.value):
            raise _Unusual  # a repeated key: which value survives is PyYAML's rule, and the count follows it
        return value, depth + 1, count

    def _sequence(self, node, level: int) -> tuple[list, int, int]:
        if node.tag != _SEQ:
            raise _Unusual
        value, depth, count = [], 0, 1
        for child in node.value:
            item, item_depth, item_count = self.build(child, level + 1)
            value.append(item)
            count += item_count
            depth = max(depth, item_depth)
        return value, depth + 1, count


def _refuse(path: Path, message: str, line: Optional[int] = None) -> Refused:
    return Refused([Problem(str(path), line, None, message)])


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
        if isinstance(node, bytes):
            raise ValueError("holds a !!binary value; a data file holds only plain YAML (text, numbers, lists, mappings)")
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
    _check_limits(depth, count)
    return depth, count


def _check_limits(depth: int, count: int) -> None:
    if depth > MAX_DEPTH:
        raise _OverLimit(f"nested more than {MAX_DEPTH} levels deep; a data file never needs that")
    if count > MAX_VALUES:
        raise _OverLimit(
            f"holds more than {MAX_VALUES:,} values once YAML aliases are expanded; "
            "refused as too large (an alias bomb, or not a data file)"
        )


def line_index(path: Path) -> Any:
    """The composed node tree, only built when a file failed validation."""
    import yaml

    try:
        with open(path, "rb") as fh:
            return yaml.compose(fh, Loader=_loader())
    except (yaml.YAMLError, OSError, ValueError):
        return None


def line_of(node: Any, loc: tuple) -> Optional[int]:
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


