"""Tables drawn by rich on a terminal; loaded only when stdout is one.

Cells and notes are handed over as rich Text, never as markup: nothing a
data file holds can be read as a style, and no markup has to be parsed.
All notes go out in one print.
"""

from __future__ import annotations

from typing import Any

from .cells import cell
from .view import View


def write_rich(view: View, out, terminal) -> None:
    """The view as rich draws it for `terminal` (its width and colours), written to `out`."""
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    console = Console(file=terminal, highlight=False, markup=False, emoji=False)
    with console.capture() as captured:
        _print(console, view, RichTable, Text)
    out.write(captured.get())


def _print(console, view: View, RichTable, Text) -> None:
    for table in view.tables:
        rt = RichTable(title=table.title, title_justify="left")
        for col in table.columns:
            rt.add_column(col)
        for row in table.rows:
            rt.add_row(*(_rich_cell(v, Text) for v in row))
        console.print(rt)
    if view.notes:
        notes = Text()
        for i, note in enumerate(view.notes):
            if i:
                notes.append("\n")
            notes.append("note:", style="dim")
            notes.append(" " + note)
        console.print(notes)


def _rich_cell(value: Any, text_type) -> Any:
    """A cell's text; an unknown dimmed (a styled span, so the padding stays plain)."""
    text = text_type()
    text.append(cell(value), style="dim" if value is None else None)
    return text
