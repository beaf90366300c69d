"""`minerals world NAME`: who produces a mineral, at which stage, and the world's reserves and capacity."""

from __future__ import annotations

from typing import Annotated, Optional

from .. import options as opt
from ..completion import complete_mineral
from ..options import ALLIES_FLAG
from ..render import Format, Table, View

SHORT_HELP = "Who produces a mineral: shares of world production, reserves, capacity."
STAGES = "mine, refinery, smelter, primary, production, capacity or reserves"


def command(
    name: Annotated[str, opt.Argument(help="A mineral name, symbol or alias (gallium, Nd, 'rare earths').",
                                      autocompletion=complete_mineral)],
    stage: Annotated[Optional[str], opt.Option("--stage", "-s", help=f"The world table to rank: {STAGES}. "
                                               "Default: the first production table USGS prints.")] = None,
    year: Annotated[Optional[int], opt.Option("--year", "-y", help="Data year. Default: the latest.")] = None,
    allies: opt.AlliesOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
) -> None:
    """Who produces a mineral: each country's share of world production at one stage, China's and the allies'
    shares, concentration, and the world's reserves and capacity, as USGS prints them."""
    from ..analysis.world import world
    from ..dataset import open_dataset
    from ..render import emit
    from ..resolve import ally_set, resolve_mineral, resolve_stage

    data = open_dataset(data_dir)
    mineral = resolve_mineral(data.minerals, name)
    result = world(data.optional("world"), mineral, ally_set(data.countries, allies, given_with=ALLIES_FLAG),
                   resolve_stage(stage), year)
    emit(result, view, fmt)


def view(r) -> View:
    """The tables and notes a table, CSV or Markdown run shows of the result."""
    from ..render.cells import shown, source_notes

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
    notes = [f"unknown: {u}" for u in r.unknown] + r.caveats + source_notes(r.citations)
    return View(tables, notes)


def _producers(title: str, t, shown) -> Table:
    rows = [[p.rank, p.name, p.country or "—", p.published + (" (e)" if p.estimated else ""), shown(p.share), p.allied]
            for p in t.producers]
    return Table(title, ["rank", "country", "code", "as printed", "share of world %", "allied"], rows)
