"""What a command shows of a result, independent of the format: tables of cells, then notes and sources.

Also where the choice between plain text and a rich table is made, since
both the table writers and the chart need it.
"""

from __future__ import annotations

import os
from enum import Enum
from typing import Any, NamedTuple, Sequence


class Format(str, Enum):
    """The output formats every command takes (--format)."""

    table = "table"
    json = "json"
    csv = "csv"
    jsonl = "jsonl"
    md = "md"


class Table(NamedTuple):
    """A titled table of already-computed cells (cells.py says how each value reads)."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Any]]


class View(NamedTuple):
    """What a command shows of its result: tables first, then its few caveats, then numbered sources.

    `notes` are the caveats that change how to read the figures, shown
    under the tables; `more` are the rest, and `sources` the cited items
    (each with `what` and `source`, a Citation): shown in full with
    --sources (render/evidence.py).  JSON always carries all of them.
    """

    tables: list[Table]
    notes: list[str]
    sources: Sequence[Any] = ()
    more: Sequence[str] = ()


def plain_output(out) -> bool:
    """No colour or box drawing in a pipe, a file, or under NO_COLOR."""
    if os.environ.get("NO_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    return not (isatty and isatty())
