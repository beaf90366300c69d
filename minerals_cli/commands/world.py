"""`minerals world NAME [NAME ...]` or `--all`: who produces minerals, at which stage, and the world's reserves and capacity."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_mineral
from ..options import help_defaults
from ..render import Format, Table, View

SHORT_HELP = "Who produces a mineral: shares of world production, reserves, capacity."
STAGES = "mine, refinery, smelter, primary, production, capacity or reserves"
ALL_FLAG = "--all"


@help_defaults(list_id=f"the latest final list (with {ALL_FLAG})")
def command(
    names: Annotated[Optional[list[str]], opt.Argument(
        help="Mineral names, symbols or aliases (gallium, Nd, 'rare earths').", autocompletion=complete_mineral,
        show_default=False)] = None,
    every: Annotated[bool, opt.Option(ALL_FLAG, help="Every mineral of the list (--list), in one run.")] = False,
    list_id: opt.ListOpt = None,
    stage: Annotated[Optional[str], opt.Option("--stage", "-s", help=f"The world table to rank: {STAGES}. "
                                               "Default: the first production table USGS prints.")] = None,
    year: Annotated[Optional[int], opt.Option("--year", "-y", help="Data year. Default: the latest.")] = None,
    allies: opt.AlliesOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
) -> None:
    """Who produces a mineral: each country's share of world production at one stage, China's and the allies'
    shares, concentration, and the world's reserves and capacity, as USGS prints them.

    Several minerals, or every mineral of a list with --all, are answered in
    one run; their JSON is a list of the one-mineral results, in order.  CSV
    and JSON lines give one record per producer row of each world table.
    """
    from ..render import emit

    results = opt.open_data(data_dir).world(names or [], every=every, list_id=list_id, stage=stage, year=year,
                                            allies=allies)
    emit(results if every or len(results) > 1 else results[0], view, fmt, sources=sources)


def view(r) -> View:
    """China's and the allies' shares and the concentration first, then the producers; the caveats that change how
    the shares read, the world tables cited."""
    from ..render.cells import shown

    tables = []
    p = r.production
    if p is not None:
        total = f"{p.total} {p.unit}" + (" (rounded)" if p.rounded else "") if p.total else "not printed"
        facts = [["stage", f"{p.detail} ({p.stage}), {p.year}"], ["world total", total],
                 ["China's share, %", shown(r.china)], [f"allied share, % (allies: {r.allies.spec})", shown(r.allied_share)],
                 ["HHI of producers (0-10,000)", shown(r.hhi)], ["top-3 share, %", shown(r.top3)]]
        tables.append(Table(f"{r.name}: world {p.detail.lower()}, {p.year}", ["figure", "value"], facts))
        tables.append(_producers(f"Producers, {p.unit}", p, shown))
    for extra in (r.reserves, r.capacity):
        if extra is not None:
            tables.append(_producers(f"{extra.detail}, {extra.year}, {extra.unit}", extra, shown))
    tables.append(Table("World tables USGS prints", ["stage", "table", "unit", "years"],
                        [[s.stage, s.detail, s.unit, ", ".join(map(str, s.years))] for s in r.stages]))
    notes = [f"unknown: {u}" for u in r.unknown] + r.caveats
    return View(tables, notes, r.citations)


def _producers(title: str, t, shown) -> Table:
    rows = [[p.rank, p.name, p.country or "—", p.published + (" (e)" if p.estimated else ""), shown(p.share), p.allied]
            for p in t.producers]
    return Table(title, ["rank", "country", "code", "as printed", "share of world %", "allied"], rows)
