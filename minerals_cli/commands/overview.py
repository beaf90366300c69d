"""`minerals overview`: every mineral of a list on one row: reliance, top source, China, allies, HHI, gaps."""

from __future__ import annotations

from .. import options as opt
from ..render import Format, Table, View

SHORT_HELP = "Every mineral of a list on one row: reliance, top source, China, allied share, HHI, gaps."


def command(
    list_id: opt.ListOpt = None,
    edition: opt.EditionOpt = None,
    allies: opt.AlliesOpt = None,
    data_dir: opt.DataDirOpt = None,
    fmt: opt.FormatOpt = Format.table,
    as_json: opt.JsonOpt = False,
    sources: opt.SourcesOpt = False,
    sort: opt.SortOpt = None,
    top: opt.TopOpt = None,
    reverse: opt.ReverseOpt = False,
    where: opt.WhereOpt = None,
) -> None:
    """Every mineral of a list on one row: net import reliance, top import source and its share, China's share
    of imports, allied share of supply, HHI, the gap to each target, China's share of world production and the
    export controls in force.

    The figures are those of `minerals exposure NAME`, side by side; the CSV
    (--format csv) loads into pandas as it is, and --sort, --top, --where
    choose rows by its columns, e.g. --sort china_share --top 10.
    """
    from ..query import arrange
    from ..render import emit

    result = opt.open_data(data_dir).overview(list_id=list_id, edition=edition, allies=allies)
    emit(arrange(result, sort, top, reverse, where), view, fmt, sources=sources)


def view(r) -> View:
    """One short row per mineral (numbers, names, published forms); how to read them in a few notes."""
    from ..render.cells import cell

    world = any(x.china_world_share is not None for x in r.rows)
    controls = any(x.controls_in_force is not None for x in r.rows)
    columns = ["mineral", "NIR %", "top source", "top %", "China %", "allied %", "HHI",
               *[f"gap {cell(t.value)}" for t in r.targets]]
    columns += (["China world %"] if world else []) + (["controls"] if controls else [])
    rows = [[x.name, x.reliance.published if x.reliance else None, x.top_source_name, shown(x.top_share),
             shown(x.china_share), shown(x.allied_share), shown(x.hhi), *[shown(g.gap) for g in x.gaps]]
            + ([shown(x.china_world_share)] if world else []) + ([x.controls_in_force] if controls else [])
            for x in r.rows]
    title = (f"{r.title}: U.S. import reliance at a glance, MCS {r.edition} ({r.count} minerals; "
             f"allies: {r.allies.spec})")
    return View([Table(title, columns, rows)], _notes(r, world, controls), r.citations, r.caveats + r.notes)


def shown(b) -> object:
    """A bounded figure in a short cell: exact as the number, a bound with its direction, a range as 'a–b'.

    The same reading as render.cells.shown, in fewer characters, so that eleven figures fit a 120-column line.
    """
    from ..render.cells import shown as long_form

    text = long_form(b)
    if isinstance(text, str) and " to " in text:
        return text.replace(" to ", "–")
    return text


def _notes(r, world: bool, controls: bool) -> list[str]:
    """The few lines without which the row misreads: units, bounds, what an empty top share means."""
    notes = ["NIR as published (% of consumption; E: net exporter; NA, W: unknown); shares % of imports, allied "
             "share and gaps % of supply; '>=' at least, 'a–b' a range (China not named: 0–'Other')"]
    if any(x.top_source_from == "ranked" for x in r.rows):
        notes.append("top % unknown where USGS ranks the sources without shares (Fig. 2)")
    extra = (["China world %: China's share of world production at the stage USGS reports"] if world else []) + \
        (["controls: export controls in force today (more with unknown status in the CSV and JSON)"]
         if controls else [])
    if extra:
        notes.append("; ".join(extra))
    from ..render.cells import unverified_note

    return notes + unverified_note(r.targets)
