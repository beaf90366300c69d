"""`minerals lists`: the catalogue of critical-minerals lists, U.S. and other jurisdictions'."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..render import Format, Table, View

SHORT_HELP = "The critical-minerals lists in the data: U.S. and other jurisdictions'."


def command(
    jurisdiction: Annotated[Optional[str], opt.Option("--jurisdiction", "-j",
                                                      help="Only one jurisdiction: US, EU, CA, AU, GB, JP, IN.")] = None,
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """The critical-minerals lists the data holds: id, jurisdiction, date, stated count, members in the data, and
    whether the data has all of them."""
    from ..query import arrange
    from ..render import emit

    result = opt.open_data(data_dir).lists(jurisdiction)
    emit(arrange(result, sort, top, reverse, where), view, fmt, sources=sources)


def view(r) -> View:
    """One line per list: id, jurisdiction, date, stated count and members held; titles with the citations.

    A title is up to 90 characters: in the table it would be cut on nearly
    every row, so it goes with the list's citation (--sources) and the JSON.
    """
    from ..results.base import Cited

    rows = [[x.id, x.jurisdiction, x.published, x.status, x.stated_count, x.members, x.complete] for x in r.lists]
    shown = f"{r.count}" if len(r.lists) == r.count else f"{len(r.lists)} of {r.count} shown"
    table = Table(f"Critical-minerals lists: {shown}", ["id", "jurisdiction", "published", "status", "stated count",
                                                       "in data", "complete"], rows)
    cited = [Cited(what=f"list {x.id}: {x.title}", source=x.citation) for x in r.lists]
    more = [f"{x.id}: {x.count_note}" for x in r.lists if x.count_note]
    return View([table], r.caveats, cited + list(r.citations), more)
