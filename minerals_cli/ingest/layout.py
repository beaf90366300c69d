"""Write the merged import_dependence.yaml keeping the text of everything the run did not change.

A record (an edition, a commodity, a headline count) whose data the merge
left as it was is copied from the file as it stands, with its comments and
its layout; only the records the merge changed or added are written anew
(merge.dump_yaml).  So a run that changes nothing writes the same bytes,
and a comment is lost only with a record the run rewrote, which the run
reports.  Comment lines directly above a record (no blank line between)
belong to it.
"""

from __future__ import annotations

from typing import Any, Optional

from .merge import dump_yaml

SECTIONS = {"editions": ("edition",), "commodities": ("id",), "headline_counts": ("edition", "list", "rule")}


def rewritten(text: str, old: dict[str, Any], new: dict[str, Any], header: str) -> tuple[str, list[str]]:
    """(the new file's text, a warning per record whose comments were rewritten away)."""
    layout = _layout(text) if text else None
    if layout is None:
        whole = dump_yaml(new, header)
        lost = [] if not text or whole == text or "#" not in text[len(header):] else [
            "the file's layout was not the one ingest-mcs writes: it was written anew and its comments "
            "below the leading block were dropped"]
        return whole, lost
    before, sections, after = layout
    out, warnings = [before], []
    for name, items in new.items():
        kept = sections.get(name)
        if kept is None:
            out.append(_dumped_section(name, items))
            continue
        head, spans, whole = kept
        if items == old.get(name):
            out.append(whole)
            continue
        out.append(head)
        for item in items:
            key = _key(name, item)
            span = spans.get(key)
            if span is not None and _same(item, _old_item(old, name, key)):
                out.append(span)
                continue
            out.append(_dumped_item(name, item))
            if span is not None and _has_comment(span):
                warnings.append(f"{name} {_shown(key)}: rewritten with this run's figures; its comments were dropped")
    out.append(after)
    return "".join(out), warnings


def _layout(text: str) -> Optional[tuple[str, dict[str, tuple[str, dict, str]], str]]:
    """(text before the records, each section's (head, item spans by key, whole text), text after), or None."""
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    lines = text.splitlines(keepends=True)
    starts = [_attached(lines, k.start_mark.line) for k, _ in root.value]
    if any(k.start_mark.column != 0 for k, _ in root.value) or starts != sorted(starts):
        return None
    bounds = [*starts, len(lines)]
    sections = {}
    for i, (key, value) in enumerate(root.value):
        first, last = bounds[i], bounds[i + 1]
        sections[key.value] = _section(key.value, value, lines, first, last)
        if sections[key.value] is None:
            return None
    return "".join(lines[: bounds[0]]), sections, ""


def _section(name: str, node, lines: list[str], first: int, last: int):
    import yaml

    whole = "".join(lines[first:last])
    if name not in SECTIONS or not isinstance(node, yaml.SequenceNode) or not node.value:
        return whole, {}, whole
    item_starts = [max(first + 1, _attached(lines, item.start_mark.line)) for item in node.value]
    if item_starts != sorted(item_starts):
        return None
    ends = [*item_starts[1:], last]
    spans = {}
    for item, start, end in zip(node.value, item_starts, ends):
        key = _node_key(name, item)
        if key is None or key in spans:
            return None
        spans[key] = "".join(lines[start:end])
    return "".join(lines[first:item_starts[0]]), spans, whole


def _attached(lines: list[str], line: int) -> int:
    """The first line of a node: its own, or the comment lines right above it."""
    while line > 0 and lines[line - 1].lstrip().startswith("#"):
        line -= 1
    return line


def _node_key(name: str, node) -> Optional[tuple]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    scalars = {k.value: v.value for k, v in node.value if isinstance(v, yaml.ScalarNode)}
    if not all(field in scalars for field in SECTIONS[name]):
        return None
    return tuple(str(scalars[field]) for field in SECTIONS[name])


def _key(name: str, item: dict) -> tuple:
    return tuple(str(item.get(field)) for field in SECTIONS[name])


def _old_item(old: dict[str, Any], name: str, key: tuple):
    return next((x for x in old.get(name) or [] if isinstance(x, dict) and _key(name, x) == key), None)


def _same(a: Any, b: Any) -> bool:
    return a is not None and b is not None and a == b


def _has_comment(text: str) -> bool:
    return any(line.lstrip().startswith("#") or " #" in line for line in text.splitlines())


def _shown(key: tuple) -> str:
    return "/".join(key)


def _dumped_section(name: str, items: Any) -> str:
    return dump_yaml({name: items})


def _dumped_item(name: str, item: dict) -> str:
    return dump_yaml({name: [item]}).split("\n", 1)[1]
