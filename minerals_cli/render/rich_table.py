"""Tables drawn by rich on a terminal; loaded only when stdout is one.

Cells and notes are handed over as rich Text, never as markup: nothing a
data file holds can be read as a style, and no markup has to be parsed.
Tables are cut to the terminal's width (fit.py) rather than wrapped by
rich, titles are lines of their own, and the box is a header rule only:
an answer takes as few lines as it can.
"""

from __future__ import annotations

from typing import Any

from .evidence import evidence
from .fit import fit_table
from .view import View

# Space rich puts between two columns of a table with a header rule only and no edge padding.
_GAP = 3
_STYLES = {"note": None, "more": "dim", "source": "dim", "detail": "dim", "blank": None}


def write_rich(view: View, out, terminal, full: bool = False) -> None:
    """The view as rich draws it for `terminal` (its width and colours), written to `out`."""
    from rich.console import Console

    console = Console(file=terminal, highlight=False, markup=False, emoji=False)
    with console.capture() as captured:
        _print(console, view, full)
    out.write(captured.get())


def _print(console, view: View, full: bool) -> None:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    letters: dict[str, str] = {}
    cut: list[str] = []
    for i, table in enumerate(view.tables):
        fitted = fit_table(table, console.width, _GAP, letters)
        cut += fitted.notes
        rt = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for col in fitted.columns:
            rt.add_column(col)
        for row, original in zip(fitted.rows, table.rows):
            rt.add_row(*(_rich_cell(text, value, Text) for text, value in zip(row, original)))
        if i:
            console.print()
        console.print(Text(fitted.title, style="bold"))
        console.print(rt)
    lines = evidence([*cut, *view.notes], view.more, view.sources, console.width, full)
    if lines:
        text = Text()
        for line in lines:
            text.append("\n")
            if line.kind == "note" and line.text.startswith("note:"):
                text.append("note:", style="dim")
                text.append(line.text[len("note:"):])
            else:
                text.append(line.text, style=_STYLES[line.kind])
        console.print(text)


def _rich_cell(text: str, value: Any, text_type) -> Any:
    """A cell's text; an unknown dimmed (a styled span, so the padding stays plain)."""
    cell = text_type()
    cell.append(text, style="dim" if value is None else None)
    return cell
