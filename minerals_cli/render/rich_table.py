"""Tables drawn by rich on a terminal; loaded only when stdout is one."""

from __future__ import annotations

from typing import Any

from .cells import cell
from .view import View


def write_rich(view: View, out) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    console = Console(file=out, highlight=False)
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
