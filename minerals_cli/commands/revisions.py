"""`minerals revisions [NAME ...]`: each edition's reliance as first published, and as the later chapter series gives it."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_mineral
from ..options import help_defaults
from ..render import Format, Table, View

SHORT_HELP = "What USGS revised: each reliance figure as first published and as a later chapter series gives it."


@help_defaults(list_id="the latest final list, when no name is given")
def command(
    names: Annotated[
        Optional[list[str]],
        opt.Argument(help="Mineral names, symbols or aliases; none: every mineral of the list (--list).",
                     autocompletion=complete_mineral, show_default=False),
    ] = None,
    list_id: opt.ListOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """Each net import reliance as its edition first published it, beside the value the MCS chapter's five-year
    series gives for the same year, where that value differs or fills a year the edition printed no figure for.

    Both figures are shown, each cited; no edition's own figure is replaced.  Minerals that share an MCS
    commodity (the lanthanides) are shown once.
    """
    from ..analysis.lists import members
    from ..analysis.revisions import revisions
    from ..analysis.scope import latest_final
    from ..dataset import open_dataset
    from ..errors import UsageError
    from ..render import emit
    from ..resolve import resolve_list, resolve_mineral

    data = open_dataset(data_dir)
    minerals = data.minerals
    if names and list_id:
        raise UsageError("give mineral names or --list, not both", "--list chooses the minerals when no name is given")
    if names:
        chosen, lid = [resolve_mineral(minerals, name) for name in names], None
    else:
        lid = resolve_list(minerals, list_id) if list_id else latest_final(minerals)
        chosen = members(minerals, lid)
    emit(revisions(data.import_dependence, data.stats, chosen, lid), view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import short_citation, source_notes

    names = {c.commodity: c.commodity_name for c in r.checked}
    rows = [[names.get(p.commodity, p.commodity), p.year, f"MCS {p.edition}", p.published,
             f"MCS {p.series_edition} series", p.series_published + (" e" if p.series_estimated else ""), p.change,
             short_citation(p.source)] for p in r.revisions]
    differing = r.count - r.revised - r.filled
    title = (f"Net import reliance as first published and in the MCS {r.series_edition} chapter series: "
             f"{r.count} changed ({r.revised} revised, {r.filled} filled"
             + (f", {differing} differing in the series' own edition)" if differing else ")"))
    tables = [Table(title, ["commodity", "year", "first published in", "as published", "later in", "later value",
                            "change", "first source"], rows)]
    unchanged = [c.commodity_name for c in r.checked if c.compared and not c.changed]
    notes = ([f"unchanged in the series: {', '.join(unchanged)}"] if unchanged else [])
    notes += [f"not compared: {c.commodity_name}: {c.unknown}" for c in r.checked if c.unknown]
    notes += [f"unknown: {u}" for u in r.unknown] + r.caveats + source_notes(r.citations)
    return View(tables, notes)
