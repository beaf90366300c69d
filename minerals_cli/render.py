"""The one place output is produced: table (rich), plain text, JSON, CSV, Markdown.

Commands hand over a result model and a `View` of it (titled tables of
already-computed cells).  JSON is the result's own `model_dump`, so the
schema is the result model; the other formats show the view.  Rendering
never computes.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Sequence

UNKNOWN = "unknown"


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


@dataclass
class Table:
    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


@dataclass
class View:
    tables: list[Table]
    notes: list[str] = field(default_factory=list)


def cell(value: Any) -> str:
    """How a value reads in a table: None is 'unknown', never blank or 0."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    return str(value)


def emit(result: Any, view: Callable[[Any], View], fmt: Format, out=None) -> None:
    out = out or sys.stdout
    if fmt is Format.json:
        out.write(to_json(result) + "\n")
    elif fmt is Format.csv:
        write_csv(view(result), out)
    elif fmt is Format.md:
        write_markdown(view(result), out)
    elif plain_output(out):
        write_plain(view(result), out)
    else:
        write_rich(view(result), out)


def to_json(result: Any) -> str:
    import json

    data = result.model_dump(mode="json") if hasattr(result, "model_dump") else result
    return json.dumps(data, indent=2, ensure_ascii=False)


def plain_output(out) -> bool:
    """No colour or box drawing in a pipe, a file, or under NO_COLOR."""
    if os.environ.get("NO_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    return not (isatty and isatty())


def write_csv(view: View, out) -> None:
    """CSV carries the first (primary) table only, so it stays one rectangle."""
    import csv

    if not view.tables:
        return
    table = view.tables[0]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([cell(v) for v in row])


def write_markdown(view: View, out) -> None:
    for table in view.tables:
        out.write(f"### {table.title}\n\n")
        out.write("| " + " | ".join(table.columns) + " |\n")
        out.write("|" + "|".join("---" for _ in table.columns) + "|\n")
        for row in table.rows:
            out.write("| " + " | ".join(cell(v).replace("|", "\\|") for v in row) + " |\n")
        out.write("\n")
    for note in view.notes:
        out.write(f"- {note}\n")


def write_plain(view: View, out) -> None:
    """Aligned columns that do not depend on any terminal width."""
    for i, table in enumerate(view.tables):
        if i:
            out.write("\n")
        out.write(table.title + "\n")
        cells = [list(table.columns)] + [[cell(v) for v in row] for row in table.rows]
        widths = [max(len(r[c]) for r in cells) for c in range(len(table.columns))]
        for n, row in enumerate(cells):
            out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")
            if n == 0:
                out.write("  ".join("-" * w for w in widths) + "\n")
    if view.notes:
        out.write("\n")
    for note in view.notes:
        out.write(f"note: {note}\n")


def write_rich(view: View, out) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(file=out)
    for table in view.tables:
        rt = RichTable(title=table.title, title_justify="left")
        for col in table.columns:
            rt.add_column(col)
        for row in table.rows:
            rt.add_row(*(_rich_cell(v) for v in row))
        console.print(rt)
    for note in view.notes:
        console.print(f"[dim]note:[/dim] {_escape(note)}")


def _rich_cell(value: Any) -> str:
    text = _escape(cell(value))
    return f"[dim]{text}[/dim]" if value is None else text


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
