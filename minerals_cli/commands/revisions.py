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
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """Each net import reliance as its edition first published it, beside the value the MCS chapter's five-year
    series gives for the same year, where that value differs or fills a year the edition printed no figure for.

    Both figures are shown, each cited; no edition's own figure is replaced.  Minerals that share an MCS
    commodity (the lanthanides) are shown once.  CSV and JSON lines give one record per edition figure listed;
    --sort, --top and --where work on its columns ('change=filled', 'year>=2024').
    """
    from ..query import arrange
    from ..render import emit

    result = opt.open_data(data_dir).revisions(names or None, list_id=list_id)
    emit(arrange(result, sort, top, reverse, where), view, fmt, sources=sources)


def view(r) -> View:
    """Each changed figure beside the series' value, counted in the title; what was not compared in a note or two,
    the rest behind --sources, both figures' publications cited."""
    names = {c.commodity: c.commodity_name for c in r.checked}
    rows = [[names.get(p.commodity, p.commodity), p.year, f"MCS {p.edition}", p.published,
             p.series_published + (" e" if p.series_estimated else ""), p.change] for p in r.revisions]
    differing = r.count - r.revised - r.filled
    title = (f"Net import reliance as first published and in the MCS {r.series_edition} chapter series: "
             f"{r.count} changed ({r.revised} revised, {r.filled} filled"
             + (f", {differing} differing in the series' own edition)" if differing else ")"))
    tables = [Table(title, ["commodity", "year", "edition", "as published", f"MCS {r.series_edition} series",
                            "change"], rows)]
    unchanged = [c.commodity_name for c in r.checked if c.compared and not c.changed]
    skipped = [c for c in r.checked if c.unknown]
    notes = [f"unchanged in the series: {len(unchanged)} commodities; not compared: {len(skipped)} (--sources "
             "names them)"] if len(r.checked) > 1 else []
    notes += [f"not compared: {c.commodity_name}: {c.unknown}" for c in skipped if len(r.checked) == 1]
    notes += [f"unknown: {u}" for u in r.unknown][:2]
    more = ([f"unchanged in the series: {', '.join(unchanged)}"] if unchanged else [])
    more += [f"not compared: {c.commodity_name}: {c.unknown}" for c in skipped if len(r.checked) > 1]
    more += [f"unknown: {u}" for u in r.unknown][2:] + r.caveats
    return View(tables, notes, r.citations, more)
