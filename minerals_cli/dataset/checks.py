"""`minerals validate DIR`: every problem of every data file, and the references between files.

Unlike loading for a command, checking does not stop at the first file that
fails, so one run lists everything there is to fix.  The cross-file checks
walk the raw parsed data and skip whatever has the wrong shape (the schema
validation reports that), so they run on broken files too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from . import FILES
from .safe_yaml import Problem, Refused, line_index, line_of, parse
from .validation import validated


def validate_dir(directory: Path):
    """Check every data file present in `directory` and how they refer to each other.

    Unlike loading for a command, this does not stop at the first file that
    fails: each file is parsed and validated on its own, and the cross-file
    references are checked on the parsed data even where a file has other
    problems, so one run lists everything there is to fix.
    """
    from ..results.validate import FileCheck, ProblemRow, ValidationReport

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
        doc = parse(path)
    except Refused as exc:
        return exc.problems, None, None
    tree = line_index(path)
    found = list(duplicate_keys(path, tree))
    try:
        validated(key, path, doc, tree)
    except Refused as exc:
        found.extend(exc.problems)
    return found, doc, tree


def duplicate_keys(path: Path, tree: Any) -> Iterator[Problem]:
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
        return Problem(str(directory / FILES[key]), line_of(nodes.get(key), loc), ".".join(map(str, loc)), message)

    minerals, imports, countries = docs.get("minerals"), docs.get("import_dependence"), docs.get("countries")
    if minerals is not None and imports is not None:
        known = {c.get("id") for _, c in _items(imports, "commodities", "*")}
        for loc, m in _items(minerals, "minerals", "*"):
            ref = m.get("commodity")
            if isinstance(ref, str) and ref not in known:
                yield problem(
                    "minerals", (*loc, "commodity"),
                    f"mineral {m.get('id')!r}: commodity {ref!r} is not in {FILES['import_dependence']}" + _nearest(ref, known),
                )
        mineral_ids = {m.get("id") for _, m in _items(minerals, "minerals", "*")}
        for loc, c in _items(imports, "commodities", "*"):
            for i, ref in enumerate(c.get("minerals") or []):
                if ref not in mineral_ids:
                    yield problem("import_dependence", (*loc, "minerals", i),
                                  f"commodity {c.get('id')!r}: mineral {ref!r} is not in {FILES['minerals']}"
                                  + _nearest(str(ref), mineral_ids))
        list_ids = {str(entry.get("id")) for _, entry in _items(minerals, "lists", "*")}
        for loc, h in _items(imports, "headline_counts", "*"):
            if "list" in h and str(h["list"]) not in list_ids:
                yield problem(
                    "import_dependence", (*loc, "list"),
                    f"list {h['list']!r} is not in {FILES['minerals']} (known: {', '.join(sorted(list_ids))})",
                )
    if minerals is not None and docs.get("other_lists") is not None:
        yield from _other_list_problems(problem, minerals, docs["other_lists"])
    if imports is not None and countries is not None:
        codes = {c.get("code") for _, c in _items(countries, "countries", "*")}
        refs = [*_items(imports, "commodities", "*", "import_shares", "*", "shares", "*"),
                *_items(imports, "commodities", "*", "ranked_sources", "*", "countries", "*")]
        for loc, ref in refs:
            code = ref.get("country")
            if isinstance(code, str) and code not in codes:
                yield problem(
                    "import_dependence", (*loc, "country"),
                    f"country code {code!r} ({ref.get('name', '?')}) is not in the registry of {FILES['countries']}",
                )


def _other_list_problems(problem, minerals: Any, others: Any) -> Iterator[Problem]:
    """Other jurisdictions' lists: every id they cover resolves, U.S. list ids are not reused, references exist."""
    known = {m.get("id") for _, m in _items(minerals, "minerals", "*")}
    known |= {e.get("id") for _, e in _items(others, "extensions", "*")}
    us_lists = {str(entry.get("id")) for _, entry in _items(minerals, "lists", "*")}
    for loc, entry in _items(others, "lists", "*"):
        if str(entry.get("id")) in us_lists:
            yield problem("other_lists", (*loc, "id"), f"list id {entry.get('id')!r} is a list of {FILES['minerals']}")
        for i, ref in enumerate(entry.get("by_reference") or []):
            if str(ref) not in us_lists:
                yield problem("other_lists", (*loc, "by_reference", i), f"list {ref!r} is not in {FILES['minerals']}")
    for loc, member in _items(others, "lists", "*", "members", "*"):
        field = "covers" if "covers" in member else "minerals"  # `covers` is written only where it differs
        for i, ref in enumerate(member.get(field) or []):
            if isinstance(ref, str) and ref not in known:
                yield problem("other_lists", (*loc, field, i),
                              f"{ref!r} is neither a mineral of {FILES['minerals']} nor an extension" + _nearest(ref, known))


def _nearest(name: str, known: Iterable[Any]) -> str:
    import difflib

    close = difflib.get_close_matches(name, [k for k in known if isinstance(k, str)], n=3)
    return f" (did you mean: {', '.join(close)}?)" if close else ""
