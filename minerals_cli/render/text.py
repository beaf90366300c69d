"""Plain-text writers: aligned text (a pipe, a file, NO_COLOR), records as CSV or JSON lines, and Markdown."""

from __future__ import annotations

from typing import Any

from .cells import cell, printable
from .evidence import evidence
from .fit import fit_table
from .view import View

# A line of plain text is never longer than this: a pipe has no width of its own, and 120 reads in any pager.
PLAIN_WIDTH = 120


def write_csv(records: list[dict[str, Any]], out) -> None:
    """One row per record, the columns in the order they first appear: what pandas.read_csv reads as is.

    Numbers are written as numbers (never rounded), unknown as an empty
    cell, true/false as True/False; text is made printable.
    """
    import csv

    columns = list(dict.fromkeys(k for r in records for k in r))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for r in records:
        writer.writerow([_csv_cell(r.get(c)) for c in columns])


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return printable(value)
    return value


def write_jsonl(records: list[dict[str, Any]], out) -> None:
    """The same records as CSV, one JSON object per line (pandas.read_json(..., lines=True))."""
    import json

    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")


def write_markdown(view: View, out, full: bool = False) -> None:
    for table in view.tables:
        out.write(f"### {table.title}\n\n")
        out.write("| " + " | ".join(table.columns) + " |\n")
        out.write("|" + "|".join("---" for _ in table.columns) + "|\n")
        for row in table.rows:
            out.write("| " + " | ".join(cell(v).replace("|", "\\|") for v in row) + " |\n")
        out.write("\n")
    for line in evidence(view.notes, view.more, view.sources, 10**6, full):
        if line.kind == "blank":
            out.write("\n")
        elif line.kind == "detail":
            out.write(f"  - {line.text.strip()}\n")
        else:
            out.write(f"- {line.text.removeprefix('note: ')}\n")


def write_plain(view: View, out, width: int = PLAIN_WIDTH, full: bool = False) -> None:
    """Aligned columns, no line longer than `width` (a long cell becomes a lettered note), then the evidence."""
    letters: dict[str, str] = {}
    cut: list[str] = []
    for i, table in enumerate(view.tables):
        if i:
            out.write("\n")
        fitted = fit_table(table, width, 2, letters)
        cut += fitted.notes
        for line in _wrapped_title(fitted.title, width):
            out.write(line + "\n")
        cells = [fitted.columns] + fitted.rows
        widths = [max(len(r[c]) for r in cells) for c in range(len(fitted.columns))]
        for n, row in enumerate(cells):
            out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")
            if n == 0:
                out.write("  ".join("-" * w for w in widths) + "\n")
    lines = evidence([*cut, *view.notes], view.more, view.sources, width, full)
    if lines:
        out.write("\n")
    for line in lines:
        out.write(line.text + "\n")


def _wrapped_title(title: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(title, width, subsequent_indent="  ", break_long_words=False) or [""]
