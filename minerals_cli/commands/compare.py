"""`minerals compare`: minerals x lists, and on how many of the lists each mineral is."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_any_list
from ..render import Format, Table, View

SHORT_HELP = "Minerals x lists of several jurisdictions: who calls what critical."
SORTS = ("lists", "name")  # the orders the analysis itself gives; any other column of the records is sorted after


def command(
    lists: Annotated[Optional[str], opt.Option(
        "--lists", help="The lists to compare, comma-separated (`minerals lists`). Default: the latest U.S. list and "
        "the latest list of each other jurisdiction's series.", autocompletion=complete_any_list)] = None,
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """A matrix of minerals x lists: how each list names each mineral (exact, qualified, group, by reference),
    and on how many of the lists it is.

    The rows come on most lists first (--sort lists, the default), or by
    name (--sort name), or by any other column of the CSV records."""
    from ..errors import UsageError
    from ..query import arrange
    from ..render import emit

    if lists is not None and not [x for x in lists.split(",") if x.strip()]:
        raise UsageError("--lists names no list", "e.g. --lists 2025,eu-2023-critical,ca-2024")
    result = opt.open_data(data_dir).compare(lists, sort if sort in SORTS else SORTS[0])
    if sort is not None:
        result = result.replace(sort=sort)
    emit(arrange(result, sort, top, reverse, where), view, fmt, sources=sources)


MARKS = {"exact": "x", "qualified": "q", "group": "g", "by reference": "r", "unknown": "?", None: ""}


def view(r) -> View:
    """The matrix: a column per list (its short label), a mark per cell, and how many lists name the mineral."""
    from ..results.base import Cited

    labels = [x.label for x in r.lists]
    rows = [[row.name, *(MARKS.get(row.lists.get(x.id), row.lists.get(x.id)) for x in r.lists), row.count]
            for row in r.rows]
    shown = f"{r.count}" if len(r.rows) == r.count else f"{len(r.rows)} of {r.count} shown"
    table = Table(f"Minerals on {len(r.lists)} lists: {shown}", ["mineral", *labels, "lists"], rows)
    legend = "columns: " + "; ".join(f"{x.label} = {x.id}" + ("" if x.complete else " (incomplete)") for x in r.lists)
    marks = "x exact, q qualified (a grade or form), g group entry, r by reference, ? unknown (incomplete list)"
    return View([table], [marks, legend], [Cited(what=f"list {x.id}", source=c) for x, c in zip(r.lists, r.citations)],
                r.caveats)
