"""How one value reads in a table cell or a note, the same way in every view.

None is 'unknown', never blank or 0; a bounded figure shows its direction
(>=, <=, a range); a share the list does not name says so.
"""

from __future__ import annotations

from typing import Any

UNKNOWN = "unknown"


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


def citation_text(c: Any) -> str:
    """A citation on one line: publication, table or page, URL."""
    return ", ".join(p for p in (c.source, c.table, c.url) if p)


def millions(b) -> str:
    """A bounded dollar figure in millions with one decimal, its bound shown as `shown` shows it."""
    def m(x):
        return f"{x / 1e6:,.1f}"

    if b.bound == "range" or (b.bound == "lower" and b.value == 0 and b.high is not None):  # "0 to" the 'Other' share
        return f"{m(b.low)} to {m(b.high)}"
    return {"lower": ">=", "upper": "<="}.get(b.bound, "") + m(b.value)


def shown(b) -> object:
    """A bounded figure as a cell: exact numbers as numbers, bounds with their direction."""
    if b is None or b.value is None:
        return None
    if b.bound == "lower" and b.value == 0:
        return f"{cell(b.low)} to {cell(b.high)}"
    if b.bound == "lower":
        return f">={cell(b.value)}"
    if b.bound == "upper":
        return f"<={cell(b.value)}"
    if b.bound == "range":
        return f"{cell(b.low)} to {cell(b.high)}"
    return b.value


def linked(link, figure) -> object:
    """A country's or group's figure, saying so when the share list does not name it."""
    if figure.value is None or link.named:
        return shown(figure)
    if figure.bound == "exact":
        return "not named (0)"
    return f"not named (0 to {cell(figure.high)})"


def unverified_note(targets) -> list[str]:
    """One line naming the targets (anything with `value` and `verified`) that no primary source states; [] if none.

    The full notes on each target are behind --sources; this is the line that changes how a gap reads.
    """
    unverified = [f"{cell(t.value)}%" for t in targets if t.verified is False]
    if not unverified:
        return []
    several = len(unverified) > 1
    names = ", ".join(unverified[:-1]) + (" and " if several else "") + unverified[-1]
    return [f"the {names} target{'s are' if several else ' is'} unverified: no primary source "
            f"states {'them' if several else 'it'}"]


# Characters a terminal obeys rather than shows (C0, DEL, C1 with ESC and CSI, bidirectional overrides),
# each shown as its escape; a tab or line break inside a cell is a space.
_CONTROLS = {
    **{i: f"\\x{i:02x}" for i in (*range(0x20), 0x7F, *range(0x80, 0xA0))},
    **{i: f"\\u{i:04x}" for i in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    0x09: " ", 0x0A: " ", 0x0D: " ",
}


def printable(text: str) -> str:
    """`text` with every control character made visible: data never drives the terminal."""
    if text.isascii() and text.isprintable():
        return text
    return text.translate(_CONTROLS)


def printable_view(view):
    """The view with every string of its titles, columns, cells and notes made printable."""
    from .view import Table, View

    def clean(value):
        if isinstance(value, str):
            return printable(value)
        if isinstance(value, (list, tuple)):
            return [clean(v) for v in value]
        return value

    tables = [Table(printable(t.title), [printable(c) for c in t.columns], [[clean(v) for v in row] for row in t.rows])
              for t in view.tables]
    return View(tables, [printable(n) for n in view.notes], view.sources, [printable(n) for n in view.more])


def series_cell(p) -> str:
    """The chapter series' value beside an edition's figure: as printed, and what it changes."""
    if p is None or p.series_published is None:
        return "not in the series"
    text = p.series_published + (" e" if p.series_estimated else "")
    return text if p.change == "same" else f"{text} ({p.change})"


def series_notes(revisions) -> list[str]:
    """The chapter series' citation, once: its values are shown beside each edition's own figure, never in its place."""
    cited = next((p.series_source for p in revisions if p.series_source is not None), None)
    if cited is None:
        return [f"chapter series: none to show beside the editions ({revisions[0].unknown})"] if revisions else []
    return [f"MCS {next(p.series_edition for p in revisions if p.series_source is not None)} chapter series, beside "
            "each edition's own figure (the one every figure here uses): " + citation_text(cited)]


def minerals_label(row) -> str:
    """The minerals a row's figures are of, by name: a few named, a group counted; another form than the headline said.

    'gallium', 'rare earths (8 minerals)', 'aluminum (metal)': shorter than
    USGS's commodity names, which stay in the JSON and the records.
    """
    names = row.minerals
    label = ", ".join(names) if len(names) <= 3 else f"{row.commodity} ({len(names)} minerals)"
    if not getattr(row, "headline", True) and getattr(row, "form", None):
        label += f" ({row.form})"
    return label
