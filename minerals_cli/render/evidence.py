"""What follows a view's tables: its few caveats, then numbered sources; every note and full citation on request.

The answer comes first (the tables); under it the notes that change how to
read it, then one line per publication the figures come from ('[1] USGS
MCS 2026: Fig. 2; GALLIUM chapter').  `full` (the --sources flag) adds the
view's further notes and every full citation under its number.  JSON
always has all of it, so nothing is lost by leaving it out of a table.
"""

from __future__ import annotations

import textwrap
from typing import Any, Iterable, NamedTuple, Sequence

from .cells import printable

SOURCES_FLAG = "--sources"


class Line(NamedTuple):
    """One line after the tables: `kind` says how a writer styles it ('note', 'more', 'source', 'detail', 'blank')."""

    kind: str
    text: str


def evidence(notes: Sequence[str], more: Sequence[str], sources: Sequence[Any], width: int, full: bool) -> list[Line]:
    """The lines after the tables, each at most `width` characters (a long word, say a URL, excepted), printable."""
    return [Line(line.kind, printable(line.text)) for line in _lines(notes, more, sources, width, full)]


def _lines(notes: Sequence[str], more: Sequence[str], sources: Sequence[Any], width: int, full: bool) -> list[Line]:
    lines = [Line("note", t) for note in notes for t in _wrap("note: " + note, width)]
    if full:
        lines += [Line("note", t) for note in more for t in _wrap("note: " + note, width)]
    elif more or sources:
        hidden = f"{len(more)} more note{'s' if len(more) != 1 else ''} and " if more else ""
        lines.append(Line("more", f"note: {hidden}every full citation: {SOURCES_FLAG}"))
    groups = _by_publication(sources)
    if groups and lines:
        lines.append(Line("blank", ""))
    for n, (publication, cited) in enumerate(groups, 1):
        if not full:  # one line, never over the width: _reference cuts a name that would pass it
            lines.append(Line("source", _reference(n, publication, cited, width)))
            continue
        lines += [Line("source", t) for t in _wrap(f"[{n}] {publication}", width)]
        for c in cited:
            text = f"{c.what}: " + ", ".join(p for p in (c.source.table, c.source.url, c.source.note) if p)
            lines += [Line("detail", t) for t in _wrap(text, width, indent="    ")]
    return lines


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """`text` in lines of `width`, continuation lines indented; URLs and other long words are never broken."""
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent + "  ",
                         break_long_words=False, break_on_hyphens=False) or [indent]


def _by_publication(sources: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """The cited items grouped by publication, in the order each publication is first cited; repeats dropped."""
    groups: dict[str, list[Any]] = {}
    seen = set()
    for c in sources:
        key = (c.what, c.source.source, c.source.table, c.source.url)
        if key not in seen:
            seen.add(key)
            groups.setdefault(c.source.source, []).append(c)
    return list(groups.items())


def _reference(n: int, publication: str, cited: list[Any], width: int) -> str:
    """'[n] publication: part; part' on one line, the parts it has no room for counted."""
    parts = list(dict.fromkeys(p for p in (_part(c.source.table) for c in cited) if p))
    line = f"[{n}] {publication}"
    if len(line) > width:  # a publication named at length: its full name is one flag away
        return line[: width - 1].rstrip() + "…"
    for i, part in enumerate(parts):
        rest = len(parts) - i - 1
        candidate = line + (": " if i == 0 else "; ") + part
        tail = f"; and {rest} more" if rest else ""
        if len(candidate) + len(tail) > width:
            if i:
                return line + f"; and {len(parts) - i} more"
            return candidate[: width - 1].rstrip() + "…"
        line = candidate
    return line


def _part(table: str | None) -> str:
    """The table, figure or chapter of a citation, without its row or file: 'Fig. 2', 'GALLIUM chapter'."""
    if not table:
        return ""
    head = table.split(";")[0].split(",")[0].strip()
    if head.endswith(")") and " (" in head:
        head = head[: head.rindex(" (")]
    return head
