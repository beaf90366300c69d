"""Tables that fit a width: a cell too long for its line is cut short and its text becomes a lettered note.

A table line never runs past the width the output has (120 characters in a
pipe, the terminal's own width on a terminal); the words of a long cell are
kept whole in a note under the table ('[a] ...'), so nothing is lost and no
cell wraps into a column of fragments.  Views keep their cells short; this
is what holds the line when the data has a long name or an explanation.
"""

from __future__ import annotations

from typing import NamedTuple

from .cells import cell

# A column is never cut narrower than this (nor narrower than its header): below it, a cut cell says nothing.
NARROWEST = 14
MARK = " [{}]"
# ASCII, so a cut line is as long in bytes as in characters (awk, cut and wc -L measure bytes in many locales).
ELLIPSIS = "..."


class Fitted(NamedTuple):
    """A table's cells as strings, cut to fit, and the lettered notes that hold the cut texts."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    notes: list[str]


def fit_table(table, width: int, gap: int, letters: dict[str, str]) -> Fitted:
    """`table`'s cells as text, each column cut until a line is at most `width` (`gap`: the space between columns).

    `letters` maps a cut text to its letter and is shared by the tables of
    one view, so the same long text is one note however often it appears.
    """
    columns = list(table.columns)
    rows = [[cell(v) for v in row] for row in table.rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    notes: list[str] = []
    while sum(widths) + gap * max(len(widths) - 1, 0) > width:
        widest = max(range(len(widths)), key=widths.__getitem__)
        room = width - (sum(widths) - widths[widest]) - gap * (len(widths) - 1)
        cap = max(room, NARROWEST, len(columns[widest]))
        if cap >= widths[widest]:
            break  # every column is as narrow as it may be: the line stays long rather than lose its header
        for row in rows:
            if len(row[widest]) > cap:
                row[widest] = _cut(row[widest], cap, letters, notes)
        widths[widest] = max([len(columns[widest])] + [len(r[widest]) for r in rows])
    return Fitted(table.title, columns, rows, notes)


def _cut(text: str, cap: int, letters: dict[str, str], notes: list[str]) -> str:
    """The first words of `text` and its note's letter, `cap` characters at most; the note holds it all."""
    if text not in letters:
        letters[text] = _letter(len(letters))
        notes.append(f"[{letters[text]}] {text}")
    mark = MARK.format(letters[text])
    room = max(cap - len(mark) - len(ELLIPSIS), 1)
    head = text[:room]
    if " " in head[1:] and not text[room:room + 1].isspace():
        head = head[: head.rstrip().rfind(" ")] or head
    return head.rstrip(" ,;:(") + ELLIPSIS + mark


def _letter(n: int) -> str:
    """a, b, ... z, aa, ab, ...: letters, so cut cells are never mistaken for the numbered sources."""
    word = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        word = chr(ord("a") + r) + word
    return word
