"""`minerals lists`: the catalogue of critical-minerals lists, U.S. and other jurisdictions'."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..render import Format, Table, View

SHORT_HELP = "The critical-minerals lists in the data: U.S. and other jurisdictions'."


def command(
    jurisdiction: Annotated[Optional[str], opt.Option("--jurisdiction", "-j",
                                                      help="Only one jurisdiction: US, EU, CA, AU, GB, JP, IN.")] = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """The critical-minerals lists the data holds: id, jurisdiction, date, stated count, members in the data, and
    whether the data has all of them."""
    from ..analysis.jurisdictions import catalogue
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import resolve_jurisdiction

    dataset = open_dataset(data_dir)
    other = dataset.optional("other_lists")
    code = resolve_jurisdiction(dataset.minerals, other, jurisdiction) if jurisdiction else None
    emit(catalogue(dataset.minerals, other, code), view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import source_notes

    rows = [[x.id, x.jurisdiction, x.published, x.status, x.stated_count, x.members,
             "yes" if x.complete else "no", x.title] for x in r.lists]
    table = Table(f"Critical-minerals lists: {r.count}", ["id", "jurisdiction", "published", "status", "stated count",
                                                          "in data", "complete", "title"], rows)
    return View([table], r.caveats + source_notes(r.citations))
