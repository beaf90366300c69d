"""`minerals compare`: minerals x lists, and on how many of the lists each mineral is."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_any_list
from ..render import Format, Table, View

SHORT_HELP = "Minerals x lists of several jurisdictions: who calls what critical."
SORTS = ("lists", "name")


def command(
    lists: Annotated[Optional[str], opt.Option(
        "--lists", help="The lists to compare, comma-separated (`minerals lists`). Default: the latest U.S. list and "
        "the latest list of each other jurisdiction's series.", autocompletion=complete_any_list)] = None,
    sort: Annotated[str, opt.Option("--sort", help="Order of the rows: lists (on most lists first) or name.")] = "lists",
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """A matrix of minerals x lists: how each list names each mineral (exact, qualified, group, by reference),
    and on how many of the lists it is."""
    from ..analysis.jurisdictions import compare, default_lists
    from ..dataset import open_dataset
    from ..errors import UsageError
    from ..render import emit
    from ..resolve import resolve_any_list

    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}", "valid sorts: " + ", ".join(SORTS))
    dataset = open_dataset(data_dir)
    minerals, other = dataset.minerals, dataset.optional("other_lists")
    if lists is None:
        chosen = default_lists(minerals, other)
    else:
        chosen = list(dict.fromkeys(resolve_any_list(minerals, other, x) for x in lists.split(",") if x.strip()))
        if not chosen:
            raise UsageError("--lists names no list", "e.g. --lists 2025,eu-2023-critical,ca-2024")
    emit(compare(minerals, other, chosen, sort), view, fmt)


MARKS = {"exact": "x", "qualified": "q", "group": "g", "by reference": "r", "unknown": "?", None: ""}


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import citation_text

    labels = [x.label for x in r.lists]
    rows = [[row.name, *(MARKS.get(row.lists.get(x.id), row.lists.get(x.id)) for x in r.lists), row.count]
            for row in r.rows]
    table = Table(f"Minerals on {len(r.lists)} lists: {r.count}", ["mineral", *labels, "on lists"], rows)
    legend = "columns: " + "; ".join(f"{x.label} = {x.id}" + ("" if x.complete else " (incomplete)") for x in r.lists)
    notes = [legend, "x exact, q qualified (a grade or form), g group entry, r by reference, ? unknown "
             "(incomplete list)"] + r.caveats + ["sources: " + "; ".join(citation_text(c) for c in r.citations)]
    return View([table], notes)
