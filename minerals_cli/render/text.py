"""Plain-text writers: aligned text (a pipe, a file, NO_COLOR), CSV and Markdown."""

from __future__ import annotations

from .cells import cell
from .view import View


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
