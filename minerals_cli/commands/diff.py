"""`minerals diff A B`: what changed between two lists."""

from __future__ import annotations

from typing import Annotated

from .. import options as opt
from ..completion import complete_list
from ..render import Format, Table, View

SHORT_HELP = "What changed between two lists: added, removed, kept, split."


def command(
    old: Annotated[str, opt.Argument(help="The older list: {lists}.", autocompletion=complete_list)],
    new: Annotated[str, opt.Argument(help="The newer list.", autocompletion=complete_list)],
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """What changed between two lists: added, removed, kept, and group entries that split."""
    from ..analysis.lists import diff
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import resolve_list

    data = open_dataset(data_dir).minerals
    emit(diff(data, resolve_list(data, old), resolve_list(data, new)), view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import citation_text

    rows = [[name, "added", ""] for name in r.added]
    rows += [[name, "removed", ""] for name in r.removed]
    rows += [[s.entry, "split", ", ".join(s.into)] for s in r.split]
    rows += [[s.entry, "merged", ", ".join(s.into)] for s in r.merged]
    rows += [[name, "kept", ""] for name in r.kept]
    counts = ", ".join(f"{v} {k}" for k, v in r.counts.items())
    return View(
        [Table(f"{r.old} → {r.new}: {counts}", ["mineral", "change", "elements"], rows)],
        ["sources: " + "; ".join(citation_text(c) for c in r.citations)],
    )
